"""When a report happened: the time governing each segment, never the time of a speech act, of the page
itself or of what followed the violence (arrest, court, death in hospital: ``followup_times``), carried
from an earlier (or, for a headline, the next) sentence, else the publication fallback.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from spacy.tokens import Doc

from warlog.extract.drafts import Draft, Segment, same_place
from warlog.extract.times import is_background_time, zone_label
from warlog.extract.timex import time_lexicon
from warlog.schema import Claim, DatePrec, EventMention, TimeSpan


def segment_time(
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
            and not says_nothing(t, published)
            and t.evidence.start not in speech_verbs
            and (latest is None or t.start <= latest)
        )

    for lo, hi in ((seg.start, seg.end), seg.sentence):
        found = [t for t in times if lo <= t.evidence.start < hi and event_time(t)]
        if found:
            # equally precise: a clock time fixes the calendar day, "overnight" straddles two
            return min(found, key=lambda t: (t.date_prec or 9, not (t.value or "")[11:12].isdigit()))
    return None


def says_nothing(t: TimeSpan, published: datetime | None) -> bool:
    """A week, month or year that holds the publication date ("this week", "2015", "earlier this month")
    says no more than the report's own date does: it leaves the event to a more precise time told near it."""
    if published is None or t.start is None or t.end is None or (t.date_prec or 0) < DatePrec.WEEK:
        return False
    moment = published if published.tzinfo is not None else published.replace(tzinfo=UTC)
    return t.start <= moment <= t.end


def speech_times(doc: Doc, times: list[TimeSpan], claims: list[Claim]) -> set[int]:
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


#: Event types of violence itself: where a document tells one, the arrests, court dates and deaths in
#: hospital it also tells are what followed it.
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"})


def followup_times(
    doc: Doc,
    times: list[TimeSpan],
    events: list[EventMention],
    ignored: set[int] | frozenset[int] = frozenset(),
) -> set[int]:
    """Start offsets of the times that date what followed a violent event rather than the event itself.

    A follow-up story ("A man charged in the Dec. 6 shooting appeared in court Monday") tells the attack
    and the steps after it -- arrest, charge, court, death in hospital, vigil -- each with its own time; the
    incident is the attack, so a time whose nearest governing verb is one of those steps (``times.yaml``:
    ``followup_verbs``) does not date it. Not when the way up to that verb passes through the violent event
    itself ("arrested a suspect in a shooting Tuesday night": the time is the shooting's), not where the
    document tells violence nowhere (an arrest report on its own is dated by its own time), and not where
    no other time is told (``ignored``: speech acts, page stamps): police often arrest on the day itself,
    and the step's day is then a closer bound than the publication date."""
    violent = [e for e in events if e.event_type in VIOLENT_TYPES]
    if not violent:
        return set()
    verbs = time_lexicon().followup_verbs
    cues: set[int] = set()
    for e in violent:
        span = doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")
        cues.update(t.i for t in span or ())
    found: set[int] = set()
    dated = [
        t
        for t in times
        if t.start is not None and (t.value or "")[:1].isdigit() and t.evidence.start not in ignored
    ]
    for t in dated:
        region = doc.char_span(t.evidence.start, t.evidence.end, alignment_mode="expand")
        if region is None or not len(region):
            continue
        head, through_event = region.root.head, False
        for _ in range(4):  # the nearest verb above the expression, a few steps up at most
            through_event = through_event or head.i in cues
            if head.pos_ in ("VERB", "AUX") or head.head is head:
                break
            head = head.head
        if not through_event and head.pos_ == "VERB" and head.i not in cues and head.lemma_.lower() in verbs:
            found.add(t.evidence.start)
    if len(found) == len(dated):
        return set()  # nothing else dates the event: the follow-up's day is the closest bound
    return found


def carried_time(
    before: int, times: list[TimeSpan], speech: set[int], published: datetime | None, ahead: bool = False
) -> TimeSpan | None:
    """A date stated earlier carries over to later sentences that state none ("On Saturday night a man
    was shot. ... Police said a second man was wounded"). Only its day carries, not its clock time.

    ``ahead=True`` reads the other way, for an incident told first in a headline or lead with no time:
    news writing states the when in the sentences right after ("4 hurt in shooting. Four men were shot
    early Sunday ..."), so the first event time after ``before`` dates it -- even one long before the
    report, if it names the day: a headline about an old attack ("Teen charged in May shooting") is about
    that attack, and the lead says when it was ("... the shooting on May 17"); an older month or year there
    is the people's story ("lost his mother last summer"), not the attack's."""
    earlier = [
        t
        for t in times
        if (t.evidence.start >= before if ahead else t.evidence.end <= before)
        and t.start is not None
        and t.end is not None
        and t.evidence.start not in speech
        and t.value
        and t.value[:1].isdigit()
        and not says_nothing(t, published)
        and (
            (ahead and t.date_prec == DatePrec.DAY)
            or not (published is not None and is_background_time(t, published))
        )
        and not (published is not None and t.start > published + timedelta(days=1))
    ]
    if not earlier:
        return None
    carried = (min if ahead else max)(earlier, key=lambda t: t.evidence.start)
    if carried.date_prec != DatePrec.DAY:
        return carried
    zone = carried.zone() or UTC
    local = carried.start.astimezone(zone).replace(hour=0, minute=0, second=0, microsecond=0)
    return carried.model_copy(
        update={
            "start": local.astimezone(UTC),
            "end": (local + timedelta(days=1) - timedelta(seconds=1)).astimezone(UTC),
            "value": local.date().isoformat(),
        }
    )


def told_elsewhere(draft: Draft, drafts: list[Draft], times: list[TimeSpan]) -> frozenset[int]:
    """Start offsets of the times in the sentences of incidents at other places: they date those, so a
    night is never narrowed by their clock times ("... overnight. Drones struck Kursk at 3.00 Moscow
    time."). A draft at the same place, or at none, may be the same event told again: its times count.
    (The lead's time for a headline incident is not filtered so: local news often resolves the headline
    and the lead to different places for one event.)"""
    own = {s.sentence for s in draft.segments}
    other = {
        s.sentence
        for d in drafts
        if d is not draft
        and d.place is not None
        and draft.place is not None
        and not same_place(d.place, draft.place)
        for s in d.segments
    } - own
    return frozenset(t.evidence.start for t in times if any(lo <= t.evidence.start < hi for lo, hi in other))


def clock_in_night(night: TimeSpan, times: list[TimeSpan], speech: set[int]) -> TimeSpan:
    """A night straddles two calendar days; a clock time told within it ("overnight ... at 2:30 a.m.")
    says which one the event fell on, so its day dates the event."""
    if night.start is None or night.end is None:
        return night
    inside = [
        t
        for t in times
        if t.start is not None
        and (t.value or "")[11:12].isdigit()
        and t.evidence.start not in speech
        and night.start <= t.start <= night.end
    ]
    if not inside:
        return night
    clock = min(inside, key=lambda t: t.evidence.start)
    zone = clock.zone() or UTC
    local = clock.start.astimezone(zone).replace(hour=0, minute=0, second=0, microsecond=0)
    day_end = local + timedelta(days=1) - timedelta(seconds=1)
    return night.model_copy(
        update={  # the part of the night on that day: "2:30 a.m." keeps 00:00-06:00
            "start": max(night.start, local.astimezone(UTC)),
            "end": min(night.end, day_end.astimezone(UTC)),
            "value": local.date().isoformat(),
        }
    )


def fallback_time(published: datetime | None) -> TimeSpan | None:
    """No time stated: the day before publication to the publication day, flagged as a fallback.

    Its single-day ``value`` is the publication day, as the issue asks ("fall back to the publication
    date with date_prec telling so"): measured on local news (GVA), a report that states no time is about
    an event of its own day a little more often than of the day before (35 % against 28 % of such
    reports); the range (date_prec 2) still covers the day before."""
    if published is None:
        return None
    day = published.replace(hour=0, minute=0, second=0, microsecond=0)
    return TimeSpan(
        start=day - timedelta(days=1),
        end=day + timedelta(days=1) - timedelta(seconds=1),
        text="",
        date_prec=DatePrec.RANGE,
        value=day.date().isoformat(),
        tz=zone_label(published),
        fallback=True,
    )
