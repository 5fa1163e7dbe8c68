"""Group what the components found in one document into incident reports.

The components work at the level of mentions (a place, a time, a figure, a claim). An incident is what a
conflict coder would write one ACLED row for: one event, at one place, at one time. The assembler:

1. cuts each sentence with event cues into *segments*, one per cue (so "helicopters struck a depot in A,
   and a missile strike in B killed 59" yields two events);
2. gives each segment its place, time and background flag (a back-reference such as "In April, ...");
3. groups segments into reports: same place and same background status, or a place-less continuation
   of the report before it;
4. links every claim and caveat to the report it is about, collects casualty figures (non-aggregate),
   weapons and actors from the report's text and its claims, and grades it.

Pure logic over the Doc and the schema records on it; no I/O.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from warlog.data import load_yaml, require_keys
from warlog.errors import LexiconError
from warlog.extract.actors import load_actor_lexicon
from warlog.extract.base import Component
from warlog.extract.casualties import casualty_totals
from warlog.extract.extensions import get_list
from warlog.extract.grading import grade
from warlog.extract.roles import PERPETRATOR, claimed_perpetrator
from warlog.extract.spans import char_span, doc_text
from warlog.extract.times import is_background_time, page_stamps
from warlog.schema import (
    SUB_EVENT_TYPES,
    CasualtyMention,
    Caveat,
    Claim,
    DatePrec,
    EventMention,
    Modality,
    Place,
    Report,
    Span,
    Stance,
    TimeSpan,
    Weapon,
    WherePrec,
    unique_actors,
)

DISRUPTED = "Disrupted weapons use"
#: Words that end one clause and start the next inside a sentence: where a second event's segment begins.
CLAUSE_BREAKS = (", and ", "; ", ", while ", ", but ", " and ", ", ")


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


@dataclass
class Draft:
    """A report being assembled."""

    segments: list[Segment] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    caveats: list[Caveat] = field(default_factory=list)
    settled: Place | None = None  # the place chosen over the segments' own (``_settle_places``)
    loose: list[CasualtyMention] = field(default_factory=list)  # figures told after it, outside any event

    @property
    def background(self) -> bool:
        return self.segments[0].background

    @property
    def place(self) -> Place | None:
        if self.settled is not None:
            return self.settled
        places = [s.place for s in self.segments if s.place is not None]
        return min(places, key=_precision) if places else None

    def covers(self, start: int, end: int) -> int:
        """How many characters of ``[start, end)`` fall inside this report's segments."""
        return sum(max(0, min(end, s.end) - max(start, s.start)) for s in self.segments)


class IncidentAssembler(Component):
    attr = "reports"

    def __init__(self, nlp: Language, name: str) -> None:
        super().__init__(nlp, name)
        self.background_cues = PhraseMatcher(nlp.vocab, attr="LOWER")
        cues = load_yaml("background.yaml")["cues"]
        self.background_cues.add("BACKGROUND", [nlp.make_doc(c) for c in cues])

    def match(self, doc: Doc) -> list[Report]:
        events = get_list(doc, "events")
        if not events:
            return []
        sentences = _Sentences(doc)
        places = [p for p in get_list(doc, "places") if p.evidence is not None]
        times = [t for t in get_list(doc, "times") if t.evidence is not None]
        claims = get_list(doc, "claims")
        actor_spans = [(a.evidence.start, a.evidence.end) for a in get_list(doc, "actors") if a.evidence]
        actor_spans += [(c.source.start, c.source.end) for c in claims if c.source is not None]
        # a weapon's name is not where it struck ("Iskander" is also a town in Uzbekistan)
        actor_spans += [(w.evidence.start, w.evidence.end) for w in get_list(doc, "weapons") if w.evidence]
        cue_sentences = self._background_sentences(doc, sentences)
        published = doc._.published

        # times that date a speech act or the page itself never date the event
        speech = _speech_times(doc, times, claims) | page_stamps(doc.text, times)
        segments = [
            s for s in _segments(doc, events, sentences) if not _unreal(s, claims) and not _reference(doc, s)
        ]
        focus = _focus_country(places)
        # where events can happen: resolved places that are not a party ("Moscow denied ...")
        sites = [p for p in places if p.geonameid is not None and not _inside(p.evidence, actor_spans)]
        for seg in segments:
            seg.place = _segment_place(seg, sites, focus)
            seg.time = _segment_time(seg, times, speech, published)
            seg.background = seg.sentence[0] in cue_sentences or (
                seg.time is not None and published is not None and is_background_time(seg.time, published)
            )
        casualties = [m for m in get_list(doc, "casualties") if not m.aggregate]
        drafts = _group(segments)
        _place_from_lead(drafts, sites, focus)
        _settle_places(drafts, doc, sites, focus)
        drafts = [d for d in drafts if _grounded(d, casualties)]
        if not drafts:
            return []
        _link_claims(drafts, claims, sentences)
        _link_caveats(drafts, get_list(doc, "caveats"), claims, sentences, doc)
        _attach_loose_figures(drafts, casualties)
        return [self._report(doc, draft, published, times, speech, _told_elsewhere(draft, drafts, times))
                for draft in drafts]

    def _background_sentences(self, doc: Doc, sentences: _Sentences) -> set[int]:
        starts: set[int] = set()
        for _, start, _end in self.background_cues(doc):
            starts.add(sentences.of(doc[start].idx)[0])
        return starts

    def _report(
        self, doc: Doc, draft: Draft, published: datetime | None, times: list[TimeSpan], speech: set[int],
        elsewhere: frozenset[int] = frozenset(),
    ) -> Report:
        spans = [(s.start, s.end) for s in draft.segments]
        spans += [(c.content.start, c.content.end) for c in draft.claims if c.content is not None]
        mentions = [
            m for m in get_list(doc, "casualties") if not m.aggregate and _inside(m.evidence, spans)
        ] + draft.loose
        for claim in draft.claims:
            _claim_counts(claim, mentions)
        killed, injured = casualty_totals(mentions)
        weapons = _dedupe_weapons(w for w in get_list(doc, "weapons") if _inside(w.evidence, spans))
        own = [(s.start, s.end) for s in draft.segments]
        actors = unique_actors(a for a in get_list(doc, "actors") if _inside(a.evidence, own))
        if not any(a.role == PERPETRATOR for a in actors):  # the clauses name none: do the claims?
            named = claimed_perpetrator(draft.claims, load_actor_lexicon())
            actors = unique_actors([named, *actors]) if named is not None else actors
        event = _event(draft)
        first = draft.segments[0]
        time = next((s.time for s in draft.segments if s.time is not None), None)
        if time is None and not draft.background:
            time = _carried_time(first.sentence[0], times, speech, published)
        if time is None and not draft.background:
            time = _carried_time(first.sentence[1], times, speech, published, ahead=True)
        if time is not None and (time.value or "").endswith("TNI"):
            time = _clock_in_night(time, times, speech | elsewhere)
        if time is None:
            time = _fallback_time(published)
        grading, reasons = grade(draft.claims, sources=1, caveats=draft.caveats)
        sentence_spans = sorted({s.sentence for s in draft.segments})
        return Report(
            document_id=doc._.document_id,
            event_type=event.event_type,
            sub_event_type=event.sub_event_type,
            background=draft.background,
            place=draft.place,
            time=time,
            killed=killed,
            injured=injured,
            weapons=weapons,
            actors=actors,
            claims=draft.claims,
            grading=grading,
            grading_reasons=reasons,
            summary=doc_text(doc)[first.sentence[0] : first.sentence[1]].strip()[:400],
            evidence=[char_span(doc, a, b) for a, b in sentence_spans],
        )


# ----------------------------------------------------------------------------------------- sentences


class _Sentences:
    """Sentence boundaries by character offset, for quick 'which sentence is this in' lookups."""

    def __init__(self, doc: Doc) -> None:
        self.bounds = [(s.start_char, s.end_char) for s in doc.sents]
        self.starts = [b[0] for b in self.bounds]

    def of(self, char: int) -> tuple[int, int]:
        i = max(0, bisect.bisect_right(self.starts, char) - 1)
        return self.bounds[i]


# ----------------------------------------------------------------------------------------- segments


def _segments(doc: Doc, events: list[EventMention], sentences: _Sentences) -> list[Segment]:
    """One segment per event cue; several cues in a sentence split it at clause breaks between them."""
    by_sentence: dict[tuple[int, int], list[EventMention]] = {}
    for event in sorted(events, key=lambda e: e.trigger.start):
        by_sentence.setdefault(sentences.of(event.trigger.start), []).append(event)
    segments: list[Segment] = []
    for sentence, mentions in sorted(by_sentence.items()):
        cuts = [sentence[0]]
        for prev, nxt in zip(mentions, mentions[1:], strict=False):
            cuts.append(_clause_break(doc_text(doc), prev.trigger.end, nxt.trigger.start))
        cuts.append(sentence[1])
        for i, mention in enumerate(mentions):
            segments.append(Segment(cuts[i], cuts[i + 1], sentence, mention))
    return _drop_repeated_cues(segments)


def _clause_break(text: str, after: int, before: int) -> int:
    """The start of the clause that holds the second cue: the last clause break between two cues."""
    between = text[after:before]
    for marker in CLAUSE_BREAKS:
        pos = between.rfind(marker)
        if pos >= 0:
            return after + pos + len(marker)
    return before


def _drop_repeated_cues(segments: list[Segment]) -> list[Segment]:
    """Two cues of one event in one clause ("strike ... hit") make one segment, not two events.

    A cue whose segment has no place, figure or time of its own and that shares the event type of the
    segment before it in the same sentence is folded into that segment."""
    kept: list[Segment] = []
    for seg in segments:
        prev = kept[-1] if kept else None
        if (
            prev is not None
            and prev.sentence == seg.sentence
            and prev.event.event_type == seg.event.event_type
            and seg.start == seg.event.trigger.start  # no clause break between the two cues
        ):
            prev.end = seg.end
            continue
        kept.append(seg)
    return kept


def _unreal(seg: Segment, claims: list[Claim]) -> bool:
    """An event inside a hypothetical or negated claim did not happen: "analysts said an invasion could
    begin at any time" reports no invasion."""
    trigger = seg.event.trigger
    return any(
        c.content is not None
        and c.modality in (Modality.HYPOTHETICAL.value, Modality.NEGATED.value)
        and c.content.start <= trigger.start < c.content.end
        for c in claims
    )


def _reference(doc: Doc, seg: Segment) -> bool:
    """A bare plural or proper noun that names a non-violent development refers to a class or a named
    instrument ("the Minsk agreements", "arms control treaties", "the Treaty"), not to something that
    happened: signing, agreeing, exchanging are written as verbs or as a singular act ("a prisoner swap")."""
    if seg.event.sub_event_type not in _reference_types():
        return False
    trigger = seg.event.trigger
    tokens = [t for t in doc if trigger.start <= t.idx < trigger.end]
    return len(tokens) == 1 and tokens[0].tag_ in REFERENCE_TAGS


REFERENCE_TAGS = frozenset({"NNS", "NNPS", "NNP"})


@cache
def _reference_types() -> frozenset[str]:
    types = frozenset(load_yaml("report_events.yaml")["noun_references"])
    unknown = sorted(types - set(SUB_EVENT_TYPES))
    if unknown:
        raise LexiconError(f"lexicon 'report_events.yaml': unknown sub-event type(s) {unknown}")
    return types


def _grounded(draft: Draft, casualties: list[CasualtyMention]) -> bool:
    """A report worth a row: it happened somewhere at most province-precise, or it harmed people.

    ACLED codes events at a location; a cue word with only a country behind it ("the war in Ukraine",
    an opinion piece on world affairs) is commentary, not an incident."""
    if _located(draft.place):
        return True
    return any(_inside(m.evidence, [(s.start, s.end) for s in draft.segments]) for m in casualties)


def _located(place: Place | None) -> bool:
    """The place is at most province-precise: somewhere an event can be coded."""
    return place is not None and place.where_prec is not None and place.where_prec <= WherePrec.ADMIN1


def _precision(place: Place) -> int:
    return place.where_prec if place.where_prec is not None else 99


def _segment_place(seg: Segment, sites: list[Place], focus: str | None) -> Place | None:
    """The most precise of the ``sites`` in the segment (else in its sentence), preferring the document's
    focus country: in a story about Memphis, a capitalised word that happens to be a hamlet abroad is not
    where the shooting was."""
    for lo, hi in ((seg.start, seg.end), seg.sentence):
        found = [p for p in sites if lo <= p.evidence.start < hi]
        if found:
            return min(found, key=lambda p: (focus is not None and p.country != focus, _precision(p)))
    return None


def _place_from_lead(drafts: list[Draft], sites: list[Place], focus: str | None) -> None:
    """A current report whose sentences name no place happened where the story is: the first place at
    most province-precise in the focus country, as a dateline or headline gives it ("INDIANAPOLIS — ...
    The shooting happened around 2 a.m.")."""
    lead = next((p for p in sites if _located(p) and (focus is None or p.country == focus)), None)
    if lead is None:
        return
    for draft in drafts:
        if draft.place is None and not draft.background:
            draft.segments[0].place = lead


def _attach_loose_figures(drafts: list[Draft], casualties: list[CasualtyMention]) -> None:
    """A figure in a sentence that tells no event of its own ("Police said two other men were wounded")
    continues the report told last before it; after a background report it stays out of the current ones."""
    covered = [(s.start, s.end) for d in drafts for s in d.segments]
    covered += [(c.content.start, c.content.end) for d in drafts for c in d.claims if c.content is not None]
    for m in casualties:
        if _inside(m.evidence, covered):
            continue
        told = [(max(s.start for s in d.segments if s.start <= m.evidence.start), i)
                for i, d in enumerate(drafts) if d.segments[0].start <= m.evidence.start]
        if told:
            last = drafts[max(told)[1]]
            if not last.background:
                last.loose.append(m)


def _settle_places(drafts: list[Draft], doc: Doc, sites: list[Place], focus: str | None) -> None:
    """A current report whose place is doubtful or coarse takes the story's dateline, else its first
    trusted settlement inside that place ("Texas" → the Texas town the lead names).

    Doubtful: a settlement abroad in a story about one country, a person's name the gazetteer also knows
    ("Phillips"), a section of a city (GVA and ACLED code the city), or an ambiguous name outside the
    province of the dateline ("PITTSBURGH (KDKA) — ... in Homewood" is not Homewood, Illinois)."""
    text = doc_text(doc)
    dateline = _dateline(text, sites, focus)
    region = dateline.admin1 if dateline is not None else None
    parts = _before_city_parts(text)
    trusted = [p for p in sites if _trusted(p, doc, focus, region, parts)]
    town = [dateline] if dateline is not None and dateline.where_prec == WherePrec.EXACT else []
    county = [dateline] if dateline is not None and not town else []
    for draft in drafts:
        place = draft.place
        if draft.background:
            continue
        if _trusted(place, doc, focus, region, parts):
            if dateline is not None and place.evidence == dateline.evidence:  # the reporter's place
                # another settlement told in the report's sentences, as the story resolves it where trusted
                by_name = {p.name.lower(): p for p in reversed(trusted) if p.evidence != dateline.evidence}
                inside = [by_name[p.name.lower()] for p in sites if p.name.lower() in by_name
                          and any(s.sentence[0] <= p.evidence.start < s.sentence[1] for s in draft.segments)]
                inside = [p for p in inside if (p.where_prec or 99) <= dateline.where_prec]
                draft.settled = inside[0] if inside else None
            continue
        coarse = place is not None and place.where_prec is not None and place.where_prec > WherePrec.NEAR
        if coarse and place.where_prec >= WherePrec.LARGER:
            better = dateline if dateline is not None and dateline.country == place.country else None
        else:  # a town dateline, else a trusted settlement told in or before the report, else the county's
            told = [p for p in trusted if p.evidence.start < draft.segments[-1].end]
            better = next((p for p in town + told + county if _within(p, place)), None)
        if better is not None:
            draft.settled = better


#: After a dateline's place: ", State" or ", County", then "(Outlet)", then a dash or colon.
_DATELINE_TAIL = re.compile(
    r"(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,2})?\s*(?:\([^()\n]{1,40}\))?\s*(?:—|–|--?|:)"
)
_CAPS_DATELINE = re.compile(r"(?m)^[ \t]*([A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3})\b")
_DATELINE_REACH = 600  # characters from the start: a dateline opens the body, after a headline and byline


def _dateline(text: str, sites: list[Place], focus: str | None) -> Place | None:
    """The place of a dateline ("PITTSBURGH (KDKA) —", "HOBART, Okla. -"): a settlement or county at the
    start of a line, followed by an optional province, an optional outlet and a dash."""
    for p in sites:
        ev = p.evidence
        if ev.start > _DATELINE_REACH:
            break
        line_start = ev.start == 0 or text[:ev.start].rstrip(" \t").endswith("\n")
        if not line_start or p.where_prec is None or p.where_prec > WherePrec.ADMIN2:
            continue
        if (focus is None or p.country == focus) and _DATELINE_TAIL.match(text, ev.end):
            return p
    # a capitalised dateline the place finder passed over, named again in the story ("PITTSBURGH (KDKA) —
    # ... Pittsburgh police said"): that mention's place
    found = _CAPS_DATELINE.search(text, 0, _DATELINE_REACH)
    if found is None or not _DATELINE_TAIL.match(text, found.end(1)):
        return None
    name = found.group(1).lower()
    return next((p for p in sites if p.name.lower() == name and p.where_prec == WherePrec.EXACT
                 and (focus is None or p.country == focus)), None)


def _trusted(
    place: Place | None, doc: Doc, focus: str | None, region: str | None, parts: set[str] | None = None
) -> bool:
    """A settlement that is plausibly where a local story happened (see ``_settle_places``). ``parts``:
    ``_before_city_parts`` of the document, when the caller has it."""
    if place is None or place.where_prec is None or place.where_prec > WherePrec.NEAR:
        return False
    if focus is not None and place.country != focus:
        return False
    if (place.feature_code or "") == "PPLX":  # a section of a city
        return False
    ev = place.evidence
    if parts is None:
        parts = _before_city_parts(doc_text(doc))
    if ev is not None and _city_part(parts, place.name):  # "the Austin neighborhood"
        return False
    ambiguous = (place.reason or "").startswith("ambiguous")
    if ambiguous and region is not None and place.admin1 != region:
        return False
    span = doc.char_span(ev.start, ev.end, alignment_mode="expand") if ev is not None else None
    return span is None or not any(t.ent_type_ == "PERSON" for t in span)


def _before_city_parts(text: str) -> set[str]:
    """The last one to four words before each city-part word, lower-cased ("austin", "side austin", ...):
    one pass over the document, so each place costs one set lookup."""
    found: set[str] = set()
    for m in _city_part_pattern().finditer(text):
        words = text[max(0, m.start() - 60) : m.start()].lower().replace("-", " ").split()
        found.update(" ".join(words[-n:]) for n in range(1, min(4, len(words)) + 1))
    return found


def _city_part(parts: set[str], name: str) -> bool:
    """The story calls ``name`` a part of a city somewhere ("in the West Side Austin neighborhood")."""
    return " ".join(name.lower().replace("-", " ").split()) in parts


@cache
def _city_part_pattern() -> re.Pattern:
    words = "|".join(sorted(_city_parts(), key=len, reverse=True))
    return re.compile(rf"(?<=[\w.])[\s-]+(?:{words})\b", re.IGNORECASE)


@cache
def _city_parts() -> frozenset[str]:
    """``casualties_places.yaml``: words that make the place before them a part of a city, or a part of
    a longer name (a street, a school): either way not the city the incident is coded at."""
    raw = load_yaml("casualties_places.yaml")
    keys = ("city_part_words", "name_part_words")
    require_keys("casualties_places.yaml", raw, keys)
    for key in keys:
        if not isinstance(raw[key], list) or not all(isinstance(w, str) for w in raw[key]):
            raise LexiconError(f"lexicon 'casualties_places.yaml': {key!r} must be a list of words")
    return frozenset(w.lower() for key in keys for w in raw[key])


def _within(candidate: Place, place: Place | None) -> bool:
    """``candidate`` may stand for ``place``: it lies inside it, or ``place`` is a doubtful settlement."""
    if place is None or place.where_prec is None or place.where_prec <= WherePrec.NEAR:
        return True
    if place.where_prec in (WherePrec.ADMIN1, WherePrec.ADMIN2):
        return candidate.admin1 is not None and candidate.admin1 in (place.admin1, place.resolved_name)
    return candidate.country == place.country


def _focus_country(places: list[Place]) -> str | None:
    """The country most of the document's resolved places lie in (ties: the first named)."""
    counts: dict[str, int] = {}
    for place in places:
        if place.country and place.geonameid is not None:
            counts[place.country] = counts.get(place.country, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None


def _segment_time(
    seg: Segment, times: list[TimeSpan], speech_verbs: set[int], published: datetime | None
) -> TimeSpan | None:
    """The time governing the event: in the segment, else in its sentence; never the time of a speech act,
    never a time after publication (a reported event has happened; "a couple of years later" in a history
    piece is relative to its story, not to the publication date).

    "The ministry on Monday accused Kyiv of firing missiles overnight": "on Monday" hangs on the reporting
    verb "accused", so it dates the accusation, not the strike."""
    latest = published + timedelta(days=1) if published is not None else None

    def event_time(t: TimeSpan) -> bool:
        return (
            t.start is not None
            and (not t.value or t.value[:1].isdigit())  # "now", "recently" date nothing
            and not _says_nothing(t, published)
            and t.evidence.start not in speech_verbs
            and (latest is None or t.start <= latest)
        )

    for lo, hi in ((seg.start, seg.end), seg.sentence):
        found = [t for t in times if lo <= t.evidence.start < hi and event_time(t)]
        if found:
            # equally precise: a clock time fixes the calendar day, "overnight" straddles two
            return min(found, key=lambda t: (t.date_prec or 9, not (t.value or "")[11:12].isdigit()))
    return None


def _says_nothing(t: TimeSpan, published: datetime | None) -> bool:
    """A week, month or year that holds the publication date ("this week", "2015", "earlier this month")
    says no more than the report's own date does: it leaves the event to a more precise time told near it."""
    if published is None or t.start is None or t.end is None or (t.date_prec or 0) < DatePrec.WEEK:
        return False
    moment = published if published.tzinfo is not None else published.replace(tzinfo=UTC)
    return t.start <= moment <= t.end


def _speech_times(doc: Doc, times: list[TimeSpan], claims: list[Claim]) -> set[int]:
    """Start offsets of the time expressions whose nearest governing verb is a claim's reporting cue."""
    cues = {c.cue.start for c in claims if c.cue is not None}
    found: set[int] = set()
    for t in times:
        region = doc.char_span(t.evidence.start, t.evidence.end, alignment_mode="expand")
        if region is None:
            continue
        head = region.root.head
        for _ in range(4):  # the nearest verb above the expression, a few steps up at most
            if head.pos_ in ("VERB", "AUX") or head.head is head:
                break
            head = head.head
        if head.idx in cues:
            found.add(t.evidence.start)
    return found


def _carried_time(
    before: int, times: list[TimeSpan], speech: set[int], published: datetime | None, ahead: bool = False
) -> TimeSpan | None:
    """A date stated earlier carries over to later sentences that state none ("On Saturday night a man
    was shot. ... Police said a second man was wounded"). Only its day carries, not its clock time.

    ``ahead=True`` reads the other way, for an incident told first in a headline or lead with no time:
    news writing states the when in the sentences right after ("4 hurt in shooting. Four men were shot
    early Sunday ..."), so the first event time after ``before`` dates it."""
    earlier = [
        t for t in times
        if (t.evidence.start >= before if ahead else t.evidence.end <= before)
        and t.start is not None and t.end is not None
        and t.evidence.start not in speech and t.value and t.value[:1].isdigit()
        and not _says_nothing(t, published)
        and not (published is not None and is_background_time(t, published))
        and not (published is not None and t.start > published + timedelta(days=1))
    ]
    if not earlier:
        return None
    carried = (min if ahead else max)(earlier, key=lambda t: t.evidence.start)
    if carried.date_prec != DatePrec.DAY:
        return carried
    zone = ZoneInfo(carried.tz) if carried.tz else UTC
    local = carried.start.astimezone(zone).replace(hour=0, minute=0, second=0, microsecond=0)
    return carried.model_copy(update={
        "start": local.astimezone(UTC),
        "end": (local + timedelta(days=1) - timedelta(seconds=1)).astimezone(UTC),
        "value": local.date().isoformat(),
    })


def _told_elsewhere(draft: Draft, drafts: list[Draft], times: list[TimeSpan]) -> frozenset[int]:
    """Start offsets of the times in the sentences of incidents at other places: they date those, so a
    night is never narrowed by their clock times ("... overnight. Drones struck Kursk at 3.00 Moscow
    time."). A draft at the same place, or at none, may be the same event told again: its times count.
    (The lead's time for a headline incident is not filtered so: local news often resolves the headline
    and the lead to different places for one event.)"""
    own = {s.sentence for s in draft.segments}
    other = {
        s.sentence for d in drafts
        if d is not draft and d.place is not None and draft.place is not None
        and not _same_place(d.place, draft.place)
        for s in d.segments
    } - own
    return frozenset(t.evidence.start for t in times if any(lo <= t.evidence.start < hi for lo, hi in other))


def _clock_in_night(night: TimeSpan, times: list[TimeSpan], speech: set[int]) -> TimeSpan:
    """A night straddles two calendar days; a clock time told within it ("overnight ... at 2:30 a.m.")
    says which one the event fell on, so its day dates the event."""
    if night.start is None or night.end is None:
        return night
    inside = [
        t for t in times
        if t.start is not None and (t.value or "")[11:12].isdigit() and t.evidence.start not in speech
        and night.start <= t.start <= night.end
    ]
    if not inside:
        return night
    clock = min(inside, key=lambda t: t.evidence.start)
    zone = ZoneInfo(clock.tz) if clock.tz else UTC
    local = clock.start.astimezone(zone).replace(hour=0, minute=0, second=0, microsecond=0)
    day_end = local + timedelta(days=1) - timedelta(seconds=1)
    return night.model_copy(update={  # the part of the night on that day: "2:30 a.m." keeps 00:00-06:00
        "start": max(night.start, local.astimezone(UTC)),
        "end": min(night.end, day_end.astimezone(UTC)),
        "value": local.date().isoformat(),
    })


def _fallback_time(published: datetime | None) -> TimeSpan | None:
    """No time stated: the day before publication to the publication day, flagged as a fallback.

    Its single-day ``value`` is the day before publication: a daily outlet mostly reports an event the
    day after it ("was shot" in the morning paper); the range still covers the publication day."""
    if published is None:
        return None
    day = published.replace(hour=0, minute=0, second=0, microsecond=0)
    return TimeSpan(
        start=day - timedelta(days=1),
        end=day + timedelta(days=1) - timedelta(seconds=1),
        text="",
        date_prec=DatePrec.RANGE,
        value=(day - timedelta(days=1)).date().isoformat(),
        fallback=True,
    )


# ----------------------------------------------------------------------------------------- grouping


def _same_place(a: Place | None, b: Place | None) -> bool:
    return a is not None and b is not None and a.geonameid == b.geonameid


def _group(segments: list[Segment]) -> list[Draft]:
    drafts: list[Draft] = []
    last: Draft | None = None
    for seg in segments:
        target: Draft | None = None
        if seg.place is None:
            if last is not None and last.background == seg.background:
                target = last
        else:
            for draft in reversed(drafts):
                if draft.background == seg.background and _same_place(draft.place, seg.place):
                    target = draft
                    break
            placeless = last is not None and last.place is None
            if target is None and placeless and last.background == seg.background:
                target = last
        if target is None:
            target = Draft()
            drafts.append(target)
        target.segments.append(seg)
        last = target
    return drafts


def _event(draft: Draft) -> EventMention:
    """The report's type: its most confident cue (the first of equals), so a body sentence that says
    "protested peacefully" outweighs a headline's bare "protesters"; an interception only when nothing
    else happened; then escalated by the report's other sentences (``report_events.yaml``)."""
    attacks = [s.event for s in draft.segments if s.event.sub_event_type != DISRUPTED]
    event = max(attacks, key=lambda e: e.confidence) if attacks else draft.segments[0].event
    present = {s.event.sub_event_type for s in draft.segments}
    for when, with_, becomes in _combine_rules():
        if event.sub_event_type in when and present & with_:
            update = {"sub_event_type": becomes, "event_type": SUB_EVENT_TYPES[becomes]}
            event = event.model_copy(update=update)
    return event


@cache
def _combine_rules() -> tuple[tuple[frozenset[str], frozenset[str], str], ...]:
    """``report_events.yaml`` validated: every type named must be an ACLED sub-event type."""
    rules = []
    for rule in load_yaml("report_events.yaml")["combine"]:
        require_keys("report_events.yaml", rule, ("when", "with", "becomes"))
        names = [*rule["when"], *rule["with"], rule["becomes"]]
        unknown = [n for n in names if n not in SUB_EVENT_TYPES]
        if unknown:
            raise LexiconError(f"lexicon 'report_events.yaml': unknown sub-event type(s) {unknown}")
        rules.append((frozenset(rule["when"]), frozenset(rule["with"]), str(rule["becomes"])))
    return tuple(rules)


# ----------------------------------------------------------------------------------------- linking


def _primary(drafts: list[Draft], before: int | None = None) -> Draft:
    """The report a loose claim is about: the last current report before it, else the first current one."""
    current = [d for d in drafts if not d.background] or drafts
    if before is not None:
        earlier = [d for d in current if d.segments[0].start < before]
        if earlier:
            return earlier[-1]
    return current[0]


def _link_claims(drafts: list[Draft], claims: list[Claim], sentences: _Sentences) -> None:
    """Each claim goes to the report its content overlaps most; replies (no comment, denial) go to the
    report that holds the accusation they answer."""
    for claim in claims:
        anchor = claim.content or claim.cue or claim.source
        if anchor is None:
            continue
        best, overlap = None, 0
        for lo, hi in ((anchor.start, anchor.end), sentences.of(anchor.start)):
            for draft in drafts:
                cover = draft.covers(lo, hi)
                if cover > overlap:
                    best, overlap = draft, cover
            if best is not None:
                break
        if best is None and claim.stance == Stance.OTHER.value:
            continue  # a remark that touches no incident stays out of the incidents
        if best is None and claim.stance in (Stance.NO_COMMENT.value, Stance.DENIAL.value):
            accused = [d for d in drafts if any(c.stance == Stance.ACCUSATION.value for c in d.claims)]
            best = accused[0] if accused else _primary(drafts)
        if best is None:
            best = _primary(drafts, before=anchor.start)
        best.claims.append(claim)


def _link_caveats(
    drafts: list[Draft], caveats: list[Caveat], claims: list[Claim], sentences: _Sentences, doc: Doc
) -> None:
    """A caveat attached to a claim follows the claim; a free-standing one goes to the report whose
    words it shares most ("videos showed destroyed houses" → the report about houses hit)."""
    attached = {(cv.evidence.start, cv.evidence.end) for c in claims for cv in c.caveats}
    for draft in drafts:
        for claim in draft.claims:
            draft.caveats.extend(claim.caveats)
    free = [cv for cv in caveats if (cv.evidence.start, cv.evidence.end) not in attached]
    if not free:
        return
    vocab = [_content_lemmas(doc, [(s.start, s.end) for s in d.segments]) for d in drafts]
    for caveat in free:
        words = _content_lemmas(doc, [sentences.of(caveat.evidence.start)])
        scores = [len(words & v) for v in vocab]
        best = max(range(len(drafts)), key=lambda i: (scores[i], -i)) if max(scores) > 0 else None
        target = drafts[best] if best is not None else _primary(drafts, before=caveat.evidence.start)
        target.caveats.append(caveat)
        for claim in target.claims:
            if claim.stance != Stance.NO_COMMENT.value and caveat not in claim.caveats:
                claim.caveats.append(caveat)


def _content_lemmas(doc: Doc, spans: list[tuple[int, int]]) -> set[str]:
    words: set[str] = set()
    for lo, hi in spans:
        region = doc.char_span(lo, hi, alignment_mode="expand")
        if region is None:
            continue
        words.update(t.lemma_.lower() for t in region if t.pos_ in ("NOUN", "PROPN") and not t.is_stop)
    return words


# ----------------------------------------------------------------------------------------- fields


def _inside(span: Span | None, regions: list[tuple[int, int]]) -> bool:
    return span is not None and any(lo <= span.start and span.end <= hi for lo, hi in regions)


def _claim_counts(claim: Claim, mentions: list[CasualtyMention]) -> None:
    """Figures inside a claim's content stay attributed to that claim."""
    if claim.content is None:
        return
    region = [(claim.content.start, claim.content.end)]
    killed, injured = casualty_totals([m for m in mentions if _inside(m.evidence, region)])
    if claim.killed is None and not killed.is_empty():
        claim.killed = killed
    if claim.injured is None and not injured.is_empty():
        claim.injured = injured


def _dedupe_weapons(weapons) -> list[Weapon]:
    seen: dict[str, Weapon] = {}
    for weapon in weapons:
        seen.setdefault(weapon.name, weapon)
    return list(seen.values())



