"""When a report happened: the time governing each segment, never the time of a speech act, of the page
itself or of what followed the violence (arrest, court, death after the attack: ``followup_times``), nor
a clock time that names no day (``unanchored_clock``), carried from an earlier (or, for a headline, the
next) sentence, narrowed by a day told within it (``narrow_time``), else the publication fallback.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from spacy.tokens import Doc

from warlog.extract.drafts import Draft, Segment, same_place
from warlog.extract.followup_words import (
    _followup_nouns,
    _followups,
    _harm_verbs,
    _occurrence_verbs,
    _state_words,
    after_state,
    death_after,
)
from warlog.extract.times import is_background_time, zone_label
from warlog.extract.timex import time_lexicon
from warlog.schema import Claim, DatePrec, EventMention, Stance, TimeSpan


def segment_time(
    seg: Segment,
    times: list[TimeSpan],
    speech_verbs: set[int],
    published: datetime | None,
    governed: set[int] | frozenset[int] = frozenset(),
) -> TimeSpan | None:
    """The time governing the event: in the segment, else in its sentence; never the time of a speech act,
    never a time after publication (a reported event has happened; "a couple of years later" in a history
    piece is relative to its story, not to the publication date).

    "The ministry on Monday accused Kyiv of firing missiles overnight": "on Monday" hangs on the reporting
    verb "accused", so it dates the accusation, not the strike. Of equally precise times, one that hangs
    on the violence itself (``governed``: "died Friday after being shot Thursday") dates it."""

    def event_time(t: TimeSpan) -> bool:
        return (
            t.start is not None
            and (not t.value or t.value[:1].isdigit())  # "now", "recently" date nothing
            and not says_nothing(t, published)
            and t.evidence.start not in speech_verbs
            and not after_publication(t, published)
        )

    for lo, hi in ((seg.start, seg.end), seg.sentence):
        found = [t for t in times if lo <= t.evidence.start < hi and event_time(t)]
        nights = [t for t in found if (t.value or "").endswith("TNI") and t.end is not None]
        found = [  # a night told with it anchors a clock time: "overnight, at 1 a.m."
            t
            for t in found
            if not unanchored_clock(t, published) or any(n.start <= t.start <= n.end for n in nights)
        ]
        if found:
            # equally precise: a clock time fixes the calendar day, "overnight" straddles two
            return min(
                found,
                key=lambda t: (
                    t.date_prec or 9,
                    t.evidence.start not in governed,
                    not (t.value or "")[11:12].isdigit(),
                ),
            )
    return None


def after_publication(t: TimeSpan, published: datetime | None) -> bool:
    """The time starts on a day after the publication day, in its own calendar: a reported event has
    happened, so "Autopsies will be performed Tuesday" in Monday's paper dates no incident."""
    day = t.local_date()
    return published is not None and day is not None and day > published.date()


#: A clock time that names no day: digits with an optional a.m./p.m., or a named hour.
_CLOCK = re.compile(r"(?:\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?\s?m\b\.?)?|midnight|noon|midday)", re.I)


def unanchored_clock(t: TimeSpan, published: datetime | None) -> bool:
    """A clock time that names no day ("about 6:30 p.m.", "2:17") read on the publication day only
    because nothing else anchored it: it tells the hour, not the day. Local news is written the day after
    as often as the same day, so the day comes from a time told near it (``carried_time``), else from the
    publication fallback, whose range says honestly that the day is not known."""
    if published is None or not (t.value or "")[11:12].isdigit() or t.local_date() != published.date():
        return False
    text = " ".join(t.text.lower().replace(",", " ").split())
    for zone in time_lexicon().zones:  # "6:30 p.m. EDT", "3.00 Moscow time"
        if text.endswith(" " + zone):
            text = text[: -len(zone) - 1]
            break
    return bool(_CLOCK.fullmatch(text))


def says_nothing(t: TimeSpan, published: datetime | None) -> bool:
    """A week, month or year that holds the publication date ("this week", "2015", "earlier this month")
    says no more than the report's own date does: it leaves the event to a more precise time told near it."""
    if published is None or t.start is None or t.end is None or (t.date_prec or 0) < DatePrec.WEEK:
        return False
    moment = published if published.tzinfo is not None else published.replace(tzinfo=UTC)
    return t.start <= moment <= t.end


def speech_times(doc: Doc, times: list[TimeSpan], claims: list[Claim]) -> set[int]:
    """Start offsets of the time expressions whose nearest governing verb is a claim's reporting cue.

    Three readings leave a time to the event although the parse hangs it on the cue: a time inside what
    was said, or before both the speaker and the cue when what was said comes first ("A girl was shot
    Monday, police said": the comma parse often makes "said" the root); a cue in the present tense
    ("On Wednesday evening, officials say they were called"), which a past day cannot date; and a cue that
    reports nothing (no content, no stance: "deputies responded to a home Wednesday night")."""
    cues = {
        c.cue.start: c
        for c in claims
        if c.cue is not None and (c.content is not None or c.stance != Stance.OTHER.value)
    }
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
        claim = cues.get(head.idx)
        if claim is not None and not told_in_content(t, claim) and head.tag_ not in ("VBZ", "VBP"):
            found.add(t.evidence.start)
    return found


def told_in_content(t: TimeSpan, claim: Claim) -> bool:
    """The time belongs to what was said: inside the content, or, where the content comes first ("X was
    shot Monday, police said"), before the speaker and the cue."""
    content, at = claim.content, t.evidence.start
    if content is None or claim.cue is None:
        return False
    if content.start <= at < content.end:
        return True
    said_from = min(claim.cue.start, claim.source.start if claim.source is not None else claim.cue.start)
    return content.end <= claim.cue.start and content.start <= at < said_from


#: Event types of violence itself: where a document tells one, the arrests, court dates and deaths in
#: hospital it also tells are what followed it.
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"})


def followup_times(
    doc: Doc,
    times: list[TimeSpan],
    events: list[EventMention],
    ignored: set[int] | frozenset[int] = frozenset(),
    violence: set[int] | None = None,
) -> set[int]:
    """Start offsets of the times that date what followed a violent event rather than the event itself.

    A follow-up story ("A man charged in the Dec. 6 shooting appeared in court Monday") tells the attack and
    the steps after it -- arrest, charge, court, death in hospital, vigil -- each with its own time; the
    incident is the attack, so a time whose nearest governing verb is one of those steps (``times.yaml``:
    ``followup_verbs``) does not date it, nor one told with a state after it (``after_state``: "was still in
    grave condition Saturday", "taken into custody Friday"), or with a death on a later day than a day the
    violence is told on ("shot Friday night ... died Saturday"). Not when the way up to that verb passes
    through the violent event itself ("arrested a suspect in a shooting Tuesday night": the time is the
    shooting's), not where the document tells violence nowhere (an arrest report on its own is dated by its
    own time), and not where no other day is told (``ignored``: speech acts, page stamps; a month or a year is
    no day): police often arrest on the day itself, and the step's day is then a closer bound than the
    publication date."""
    violent = [e for e in events if e.event_type in VIOLENT_TYPES]
    if not violent:
        return set()
    verbs = time_lexicon().followup_verbs
    deaths = _followups()[0]
    still, held = _state_words(), _followup_nouns()
    if violence is None:  # ``violence_times``, when the caller has not worked it out already
        violence = violence_times(doc, times, events)
    # the days told for the violence itself: a death told on a later day followed it
    attack_days = {
        t.local_date()
        for t in times
        if t.evidence.start in violence
        and t.date_prec == DatePrec.DAY
        and t.evidence.start not in ignored
        and (t.value or "")[:1].isdigit()
    }
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
        if through_event or head.i in cues:
            continue
        if (head.pos_ == "VERB" and (head.lemma_.lower() in verbs or death_after(head))) or (
            head.pos_ in ("VERB", "AUX") and after_state(head, still, held)
        ):  # "still in grave condition on Saturday", "was taken into custody Friday": a state after it
            found.add(t.evidence.start)
        elif head.lemma_.lower() in deaths and any(d is not None and d < t.local_date() for d in attack_days):
            found.add(t.evidence.start)  # "shot Friday night ... died Saturday": the death followed
    if all(t.evidence.start in found for t in dated if t.date_prec == DatePrec.DAY):
        return set()  # no other day dates the event: the follow-up's day is the closest bound
    return found


def violence_times(doc: Doc, times: list[TimeSpan], events: list[EventMention]) -> set[int]:
    """Start offsets of the times that hang on a violent event's cue ("shot Thursday", "the shooting
    Saturday night"): the nearest verb above the expression, or a word on the way up to it, is the cue."""
    cues: set[int] = set()
    for e in events:
        if e.event_type in VIOLENT_TYPES:
            span = doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")
            cues.update(t.i for t in span or ())
    harm = _harm_verbs()  # "a baby was killed Saturday night": the harm told is the violence, cue or not
    cues.update(t.i for t in doc if t.pos_ == "VERB" and t.lemma_.lower() in harm)
    occurring = _occurrence_verbs()
    found: set[int] = set()
    for t in times:
        region = doc.char_span(t.evidence.start, t.evidence.end, alignment_mode="expand")
        if region is None or not len(region):
            continue
        head = region.root.head
        for _ in range(4):
            if head.i in cues:
                found.add(t.evidence.start)
                break
            if (head.pos_ in ("VERB", "AUX") and head.dep_ not in ("amod", "acl")) or head.head is head:
                # a participle inside the noun phrase goes on to its noun: "Friday's officer-involved
                # shooting", "a gunshot wound suffered on Friday"
                if head.lemma_.lower() in occurring and (
                    any(c.dep_ in ("nsubj", "nsubjpass") and c.i in cues for c in head.children)
                    or (head.dep_ == "relcl" and head.head.i in cues)
                ):  # "The shooting occurred on April 20", "the shooting, which happened Friday"
                    found.add(t.evidence.start)
                break
            head = head.head
    return found


def carried_time(
    before: int,
    times: list[TimeSpan],
    speech: set[int],
    published: datetime | None,
    ahead: bool = False,
    violent: set[int] | frozenset[int] = frozenset(),
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
        and not unanchored_clock(t, published)
        and (
            (ahead and t.date_prec == DatePrec.DAY)
            or not (published is not None and is_background_time(t, published))
        )
        and not after_publication(t, published)
    ]
    if not earlier:
        return None
    if ahead:  # the day the story gives the violence, before the days of what followed it
        attack = [t for t in earlier if t.evidence.start in violent and t.date_prec == DatePrec.DAY]
        earlier = attack or earlier
    carried = (min if ahead else max)(earlier, key=lambda t: t.evidence.start)
    if carried.date_prec != DatePrec.DAY:
        return carried
    zone = carried.zone() or UTC
    local = carried.start.astimezone(zone).replace(hour=0, minute=0, second=0, microsecond=0)
    if (carried.value or "").endswith("TNI"):  # a clock time told in a night says which of its days
        narrowed = clock_in_night(carried, times, speech)
        if narrowed is not carried and narrowed.start is not None:
            local = narrowed.start.astimezone(zone).replace(hour=0, minute=0, second=0, microsecond=0)
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
        and (t.value or "")[11:16] != "00:00"  # midnight is where the two days meet: it names neither
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


#: How far (characters, about two sentences) from a night the day that names it may be told.
NEAR = 300


def narrow_time(
    time: TimeSpan, times: list[TimeSpan], excluded: set[int] | frozenset[int], published: datetime | None
) -> TimeSpan:
    """A vaguer time narrowed by a day the same story tells within it.

    A night the text gives no day of ("overnight", "last night") straddles two days: a clock time told in
    it says which (``clock_in_night``), else the day the story names for it near by ("... overnight. It
    was early Sunday when ..."). A named night ("Friday night") stays the named day's, as news and the
    archives date it, even when a clock in the story runs past midnight. A weekend or a week holds several
    days: a day told in it ("over the weekend ... on Sunday evening") is the one. The first such time told
    in the story wins; the times in ``excluded`` (speech acts, page stamps, other places' sentences) and
    clock times that name no day are never read."""
    if time.start is None or time.end is None:
        return time
    if (time.value or "").endswith("TNI"):
        if _names_day(time):  # "Friday night" is Friday's, even when the story goes on past midnight
            return time
        narrowed = clock_in_night(time, times, excluded)
        if narrowed is not time:
            return narrowed
        days = {time.start.date(), time.end.date()} if time.zone() is None else {
            time.start.astimezone(time.zone()).date(), time.end.astimezone(time.zone()).date()
        }
        at = time.evidence.start if time.evidence is not None else None
        inside = [
            t
            for t in _day_times(times, excluded, published, time)
            if t.local_date() in days
            and not (t.value or "").endswith("TNI")  # another night is as vague as this one
            and (t.value or "")[11:16] != "00:00"
            and (at is None or abs(t.evidence.start - at) <= NEAR)
        ]
    elif time.date_prec in (DatePrec.RANGE, DatePrec.WEEK):
        inside = [
            t
            for t in _day_times(times, excluded, published, time)
            if t.start is not None and time.start <= t.start <= time.end
        ]
    else:
        return time
    if not inside:
        return time
    told = min(inside, key=lambda t: t.evidence.start)
    zone = told.zone() or time.zone() or UTC
    day = datetime.combine(told.local_date(), datetime.min.time(), tzinfo=zone)
    return time.model_copy(
        update={  # the part of the vaguer time on that day
            "start": max(time.start, day.astimezone(UTC)),
            "end": min(time.end, (day + timedelta(days=1) - timedelta(seconds=1)).astimezone(UTC)),
            "value": told.local_date().isoformat(),
            "date_prec": DatePrec.DAY,
        }
    )


def _day_times(
    times: list[TimeSpan], excluded: set[int] | frozenset[int], published: datetime | None, own: TimeSpan
) -> list[TimeSpan]:
    """The day-precise times of the story that may narrow ``own``."""
    return [
        t
        for t in times
        if t.date_prec == DatePrec.DAY
        and t.evidence is not None
        and t is not own
        and (t.value or "")[:1].isdigit()
        and t.evidence.start not in excluded
        and not unanchored_clock(t, published)
        and not after_publication(t, published)
    ]


def _names_day(night: TimeSpan) -> bool:
    """The night's own words name its day ("Saturday night", "the night of May 3")."""
    lex = time_lexicon()
    words = set(night.text.lower().replace(",", " ").split())
    return bool(words & (set(lex.weekdays) | set(lex.months))) or any(c.isdigit() for c in night.text)


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
