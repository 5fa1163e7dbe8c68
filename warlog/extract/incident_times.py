"""When a report happened: the time governing each segment, never the time of a speech act or of the page
itself, carried from an earlier (or, for a headline, the next) sentence, else the publication fallback.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from spacy.tokens import Doc

from warlog.extract.drafts import Draft, Segment, same_place
from warlog.extract.times import is_background_time, zone_label
from warlog.schema import Claim, DatePrec, TimeSpan


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


def carried_time(
    before: int, times: list[TimeSpan], speech: set[int], published: datetime | None, ahead: bool = False
) -> TimeSpan | None:
    """A date stated earlier carries over to later sentences that state none ("On Saturday night a man
    was shot. ... Police said a second man was wounded"). Only its day carries, not its clock time.

    ``ahead=True`` reads the other way, for an incident told first in a headline or lead with no time:
    news writing states the when in the sentences right after ("4 hurt in shooting. Four men were shot
    early Sunday ..."), so the first event time after ``before`` dates it."""
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
        and not (published is not None and is_background_time(t, published))
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
        tz=zone_label(published),
        fallback=True,
    )
