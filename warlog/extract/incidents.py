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
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from warlog.data import load_yaml
from warlog.extract.base import Component
from warlog.extract.casualties import casualty_totals
from warlog.extract.extensions import get_list
from warlog.extract.grading import grade
from warlog.extract.spans import char_span, doc_text
from warlog.extract.times import is_background_time
from warlog.schema import (
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

    @property
    def background(self) -> bool:
        return self.segments[0].background

    @property
    def place(self) -> Place | None:
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
        cue_sentences = self._background_sentences(doc, sentences)
        published = doc._.published

        speech = _speech_times(doc, times, claims)
        segments = [s for s in _segments(doc, events, sentences) if not _unreal(s, claims)]
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
        drafts = [d for d in drafts if _grounded(d, casualties)]
        if not drafts:
            return []
        _link_claims(drafts, claims, sentences)
        _link_caveats(drafts, get_list(doc, "caveats"), claims, sentences, doc)
        return [self._report(doc, draft, published, times, speech) for draft in drafts]

    def _background_sentences(self, doc: Doc, sentences: _Sentences) -> set[int]:
        starts: set[int] = set()
        for _, start, _end in self.background_cues(doc):
            starts.add(sentences.of(doc[start].idx)[0])
        return starts

    def _report(
        self, doc: Doc, draft: Draft, published: datetime | None, times: list[TimeSpan], speech: set[int]
    ) -> Report:
        spans = [(s.start, s.end) for s in draft.segments]
        spans += [(c.content.start, c.content.end) for c in draft.claims if c.content is not None]
        mentions = [
            m for m in get_list(doc, "casualties") if not m.aggregate and _inside(m.evidence, spans)
        ]
        for claim in draft.claims:
            _claim_counts(claim, mentions)
        killed, injured = casualty_totals(mentions)
        weapons = _dedupe_weapons(w for w in get_list(doc, "weapons") if _inside(w.evidence, spans))
        own = [(s.start, s.end) for s in draft.segments]
        actors = unique_actors(a for a in get_list(doc, "actors") if _inside(a.evidence, own))
        event = _event(draft)
        first = draft.segments[0]
        time = next((s.time for s in draft.segments if s.time is not None), None)
        if time is None and not draft.background:
            time = _carried_time(first.sentence[0], times, speech, published)
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
            and t.evidence.start not in speech_verbs
            and (latest is None or t.start <= latest)
        )

    for lo, hi in ((seg.start, seg.end), seg.sentence):
        found = [t for t in times if lo <= t.evidence.start < hi and event_time(t)]
        if found:
            return min(found, key=lambda t: t.date_prec or 9)
    return None


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
    before: int, times: list[TimeSpan], speech: set[int], published: datetime | None
) -> TimeSpan | None:
    """A date stated earlier carries over to later sentences that state none ("On Saturday night a man
    was shot. ... Police said a second man was wounded"). Only its day carries, not its clock time."""
    earlier = [
        t for t in times
        if t.evidence.end <= before and t.start is not None and t.end is not None
        and t.evidence.start not in speech and t.value and t.value[:1].isdigit()
        and not (published is not None and is_background_time(t, published))
        and not (published is not None and t.start > published + timedelta(days=1))
    ]
    if not earlier:
        return None
    carried = max(earlier, key=lambda t: t.evidence.start)
    if carried.date_prec != DatePrec.DAY:
        return carried
    zone = ZoneInfo(carried.tz) if carried.tz else UTC
    local = carried.start.astimezone(zone).replace(hour=0, minute=0, second=0, microsecond=0)
    return carried.model_copy(update={
        "start": local.astimezone(UTC),
        "end": (local + timedelta(days=1) - timedelta(seconds=1)).astimezone(UTC),
        "value": local.date().isoformat(),
    })


def _fallback_time(published: datetime | None) -> TimeSpan | None:
    """No time stated: the day before publication to the publication day, flagged as a fallback."""
    if published is None:
        return None
    day = published.replace(hour=0, minute=0, second=0, microsecond=0)
    return TimeSpan(
        start=day - timedelta(days=1),
        end=day + timedelta(days=1) - timedelta(seconds=1),
        text="",
        date_prec=DatePrec.RANGE,
        value=day.date().isoformat(),
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
    else happened."""
    attacks = [s.event for s in draft.segments if s.event.sub_event_type != DISRUPTED]
    return max(attacks, key=lambda e: e.confidence) if attacks else draft.segments[0].event


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



