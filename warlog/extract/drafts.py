"""The report being assembled: the segments a document's event sentences are cut into, and the drafts they
are grouped into, with the small position helpers every assembly step shares.

Why a module of its own: places (``incident_places``), times (``incident_times``) and the assembler
(``incidents``) all read and write these; keeping them here lets each of those modules stay one job.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc

from warlog.schema import CasualtyMention, Caveat, Claim, EventMention, Place, Span, TimeSpan


@dataclass
class Segment:
    """The part of a sentence that tells one event."""

    start: int
    end: int
    sentence: tuple[int, int]
    event: EventMention
    place: Place | None = None
    time: TimeSpan | None = None
    background: bool = False
    #: its time hangs on the violence itself ("shot Thursday"), not on what followed ("died Saturday")
    on_violence: bool = False


@dataclass
class Draft:
    """A report being assembled."""

    segments: list[Segment] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    caveats: list[Caveat] = field(default_factory=list)
    settled: Place | None = None  # the place chosen over the segments' own (``settle_places``)
    loose: list[CasualtyMention] = field(default_factory=list)  # figures told after it, outside any event
    #: located only by the story's own town (``settle_places``): that says where, not that it happened
    story_located: bool = False

    @property
    def background(self) -> bool:
        return self.segments[0].background

    @property
    def place(self) -> Place | None:
        if self.settled is not None:
            return self.settled
        places = [s.place for s in self.segments if s.place is not None]
        return min(places, key=precision) if places else None

    @property
    def time(self) -> TimeSpan | None:
        """The first time its segments state (None when they state none), unless a later segment dates
        the violence itself on an earlier day: "A girl died Saturday ... She was shot Friday at a home" is
        Friday's shooting, which the archives date by the attack, not by the death told first. On the same
        day the first time stays: it may tell the hour ("at 6:15 local time"), the attack's only the day."""
        timed = [s for s in self.segments if s.time is not None and s.time.start is not None]
        if not timed:
            return next((s.time for s in self.segments if s.time is not None), None)
        first = timed[0]
        if not first.on_violence:
            attack = next((s for s in timed if s.on_violence), None)
            if attack is not None and _day_before(attack.time, first.time):
                return attack.time
        return first.time

    def covers(self, start: int, end: int) -> int:
        """How many characters of ``[start, end)`` fall inside this report's segments."""
        return sum(max(0, min(end, s.end) - max(start, s.start)) for s in self.segments)


class Sentences:
    """Sentence boundaries by character offset, for quick 'which sentence is this in' lookups."""

    def __init__(self, doc: Doc) -> None:
        self.bounds = [(s.start_char, s.end_char) for s in doc.sents]
        self.starts = [b[0] for b in self.bounds]

    def of(self, char: int) -> tuple[int, int]:
        i = max(0, bisect.bisect_right(self.starts, char) - 1)
        return self.bounds[i]


def _day_before(a: TimeSpan, b: TimeSpan) -> bool:
    """``a`` falls on a calendar day before ``b``'s, each in its own zone."""
    day_a, day_b = a.local_date(), b.local_date()
    return day_a is not None and day_b is not None and day_a < day_b


def merge_lead(drafts: list[Draft], carried: Callable[[Draft], TimeSpan | None] | None = None) -> list[Draft]:
    """The story's first current report takes in the next current one when both settle on one place and
    their times agree.

    Why: a headline and its lead tell the same incident ("Boy shot in Tus." then "... shot his brother in
    Tuscaloosa"), but their segments are grouped before the places are settled, so a headline whose place
    was misread starts a report of its own, and the story's first incident is then its bare headline,
    without the lead's figures and detail. ``carried`` dates a report whose segments state no time (the
    time its report would carry, ``incident_times.carried_time``): it then dates the joined report too,
    so the headline keeps the day the lead gives, not a later follow-up's. Only the first two current
    reports are joined: a roundup of several shootings in one city keeps its later reports apart."""
    current = [i for i, d in enumerate(drafts) if not d.background]
    if len(current) < 2:
        return drafts
    first, second = drafts[current[0]], drafts[current[1]]
    if not same_place(first.place, second.place):
        return drafts
    own = first.time
    time = own if own is not None or carried is None else carried(first)
    later = second.time
    if not _overlap(time, later):
        return drafts
    if own is None and time is not None:
        first.segments[0].time = time
    first.segments = sorted(first.segments + second.segments, key=lambda s: s.start)
    first.loose.extend(second.loose)
    if first.settled is None:
        first.settled = second.settled
    return [d for d in drafts if d is not second]


#: A report's figures as the joining rules read them: (killed, injured), and optionally a third, the people
#: told shot or hit with no outcome at all (None where it tells an outcome: a death or a wound).
Figures = tuple[int | None, ...]


def join_same_victims(
    drafts: list[Draft],
    figures: Callable[[Draft], Figures],
    dated: Callable[[Draft], TimeSpan | None],
) -> list[Draft]:
    """The story's first current report takes in the next current one, in turn, while both tell the same
    victims: the figures both state agree (at least one kind, above zero, and none differs) and their
    times agree (``_overlap``: overlapping, or one unknown).

    Why: a headline and its lead, or a lead and the body, tell one incident in parts ("Two men shot
    Saturday in Dale." then "... one of them died and the other is in stable condition"), but a place
    read differently in each ("North Dale", "Dale") starts a report of its own, and the story's incident
    then lacks the figures the next part gives. ``figures`` are a report's (killed, injured), None where
    it states none; ``dated`` its time, stated or carried. Reports whose figures differ ("one dead, three
    hurt" then "one dead, four hurt" at a second scene) or whose days differ stay apart: roundups and
    stories that recall an earlier shooting keep their other incidents, and so do places in two provinces
    (``_same_region``).

    A report that tells people shot and no deaths ("Teen shot on West Side"), and a next one that tells
    as many dead and no wounded ("... was pronounced dead at the scene"), tell the same victims too
    (``_shot_then_dead``): the story told the shooting before its outcome. A report that tells all its
    victims wounded ("was in stable condition") told the outcome, so it is not read as the dead's."""
    while True:
        current = [d for d in drafts if not d.background]
        if len(current) < 2:
            return drafts
        first, second = current[0], current[1]
        if not _same_victims(figures(first), figures(second)):
            return drafts
        a, b = dated(first), dated(second)
        if not _overlap(a, b) or not _same_region(first.place, second.place):
            return drafts
        if first.time is None and a is not None:
            first.segments[0].time = a
        _absorb(first, second)
        drafts = [d for d in drafts if d is not second]


def join_follow_up(drafts: list[Draft], figures: Callable[[Draft], Figures]) -> list[Draft]:
    """The story's first current report takes in a background report that tells the same victims in the
    same province: the current one is a follow-up of that incident (an arrest, a hearing, a coroner's
    ruling: "Man held for trial in fatal shooting" over "... charged with fatally shooting a rider and
    wounding five in August"), and the incident's figures are told in its back-reference.

    Why: the background flag keeps an earlier incident's figures out of the story's own, which is right
    for a story that recalls another incident, but a follow-up story's own incident *is* the one it
    recalls. The victims must agree (``_same_victims``: a figure both state is equal and above zero, none
    differs), so "a man was killed in Dale on Sunday; in March two died there" keeps March apart. Times
    are not compared: a back-reference is earlier by definition. The joined report stays current and keeps
    its own time: a back-reference dates by a month or "last week" more often than by the day."""
    current = next((d for d in drafts if not d.background), None)
    if current is None:
        return drafts
    mine = figures(current)
    for other in drafts:
        if not other.background or not _same_region(current.place, other.place):
            continue
        theirs = figures(other)[:2]
        if _same_victims(mine[:2], theirs) and _tells_more(theirs, mine[:2]):
            for seg in other.segments:  # the report keeps its own date: a back-reference's is vaguer
                seg.background, seg.time = False, None
            _absorb(current, other)
            return [d for d in drafts if d is not other]
    return drafts


def _tells_more(a: Figures, b: Figures) -> bool:
    """``a`` states a kind of harm that ``b`` does not: the back-reference tells the incident's toll in
    full ("fatal shooting" over "shot a rider dead and wounded five"), where a recalled incident with the
    same bare toll ("in May, a strike killed one there") tells nothing more and may be another."""
    return any(x is not None and y is None for x, y in zip(a, b, strict=True))


def _absorb(first: Draft, second: Draft) -> None:
    """``first`` takes in ``second``'s segments, claims, caveats and loose figures."""
    first.segments = sorted(first.segments + second.segments, key=lambda s: s.start)
    first.claims.extend(second.claims)
    first.caveats.extend(second.caveats)
    first.loose.extend(second.loose)
    if first.settled is None:
        first.settled = second.settled


def _same_region(a: Place | None, b: Place | None) -> bool:
    """Two places one incident may be read at: in one province ("North Dale" and "Dale"), or one unknown
    or read with doubt (an ambiguous name is often a namesake in another province). Strikes on two oblasts
    that happen to kill as many are two incidents."""
    if a is None or b is None or _doubtful(a) or _doubtful(b):
        return True
    return a.country == b.country and (a.admin1 is None or b.admin1 is None or a.admin1 == b.admin1)


def _doubtful(place: Place) -> bool:
    return place.geonameid is None or (place.reason or "").startswith("ambiguous")


def _same_victims(a: Figures, b: Figures) -> bool:
    """Both reports count the same people: every kind both state is equal, and one is above zero; or one
    tells people shot with no outcome and the other as many dead (``_shot_then_dead``)."""
    if _shot_then_dead(a, b) or _shot_then_dead(b, a):
        return True
    shared = [(x, y) for x, y in zip(a[:2], b[:2], strict=True) if x is not None and y is not None]
    return bool(shared) and all(x == y for x, y in shared) and any(x > 0 for x, _ in shared)


def _shot_then_dead(shot: Figures, dead: Figures) -> bool:
    """``shot`` tells n people shot, no death and not all of them wounded; ``dead`` tells n killed and no
    wounded. (Reading "three shot" then "one killed, two wounded" as one toll too loses more stories
    that tell two shootings than it joins.)"""
    n = shot[2] if len(shot) > 2 else None
    return bool(n) and not shot[0] and dead[0] == n and not dead[1]


def _overlap(a: TimeSpan | None, b: TimeSpan | None) -> bool:
    """Whether two times may date one event: they overlap, or one is unknown ("Two dead in Dade shooting"
    on Sunday is not the shooting there last week)."""
    if a is None or b is None or a.start is None or a.end is None or b.start is None or b.end is None:
        return True
    return a.start <= b.end and b.start <= a.end


def precision(place: Place) -> int:
    return place.where_prec if place.where_prec is not None else 99


def inside_any(span: Span | None, regions: list[tuple[int, int]]) -> bool:
    return span is not None and any(lo <= span.start and span.end <= hi for lo, hi in regions)


def same_place(a: Place | None, b: Place | None) -> bool:
    return a is not None and b is not None and a.geonameid == b.geonameid
