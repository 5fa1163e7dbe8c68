"""Group what the components found in one document into incident reports.

The components work at the level of mentions (a place, a time, a figure, a claim). An incident is what a
conflict coder would write one ACLED row for: one event, at one place, at one time. The assembler:

1. cuts each sentence with event cues into *segments*, one per cue (so "helicopters struck a depot in A,
   and a missile strike in B killed 59" yields two events);
2. gives each segment its place, time and background flag (a back-reference such as "In April, ...");
3. groups segments into reports: same place and same background status, or a place-less continuation
   of the report before it;
4. links every claim and caveat to the report it is about, collects casualty figures (non-aggregate),
   weapons and actors from the report's text and its claims, and grades it;
5. joins the story's first current report with the next one when both count the same victims and their
   times agree (``drafts.join_same_victims``): a headline and its lead read at two places are one incident.

Pure logic over the Doc and the schema records on it; no I/O.
"""

from __future__ import annotations

from datetime import datetime
from functools import cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from warlog.data import load_yaml, require_keys
from warlog.errors import LexiconError
from warlog.extract.actors import load_actor_lexicon
from warlog.extract.base import Component
from warlog.extract.casualties import casualty_totals
from warlog.extract.drafts import (
    Draft,
    Segment,
    Sentences,
    inside_any,
    join_follow_up,
    join_same_victims,
    merge_lead,
    same_place,
)
from warlog.extract.extensions import get_list
from warlog.extract.grading import grade
from warlog.extract.incident_places import (
    focus_country,
    located,
    place_from_lead,
    segment_place,
    settle_places,
)
from warlog.extract.incident_times import (
    VIOLENT_TYPES,
    carried_time,
    fallback_time,
    followup_times,
    narrow_time,
    segment_time,
    speech_times,
    told_elsewhere,
    violence_times,
)
from warlog.extract.numbers import first_figure
from warlog.extract.place_scene import off_scene
from warlog.extract.report_claims import claim_counts, link_caveats, link_claims
from warlog.extract.roles import PERPETRATOR, claimed_perpetrator
from warlog.extract.spans import char_span, doc_text
from warlog.extract.times import is_background_time, page_stamps
from warlog.schema import (
    SUB_EVENT_TYPES,
    CasualtyMention,
    Claim,
    EventMention,
    Modality,
    Report,
    TimeSpan,
    Weapon,
    unique_actors,
)

DISRUPTED = "Disrupted weapons use"
#: Words that end one clause and start the next inside a sentence: where a second event's segment begins.
CLAUSE_BREAKS = (", and ", "; ", ", while ", ", but ", " and ", ", ")


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
        sentences = Sentences(doc)
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
        speech = speech_times(doc, times, claims) | page_stamps(doc_text(doc), times, published)
        violent = violence_times(doc, times, events)
        speech |= followup_times(doc, times, events, speech, violent)
        segments = [
            s for s in _segments(doc, events, sentences) if not _unreal(s, claims) and not _reference(doc, s)
        ]
        focus = focus_country(places)
        # where events can happen: resolved places that are not a party ("Moscow denied ...") nor where the
        # wounded were cared for ("taken to Mercy Hospital in Oakton"), nor the tail of a longer name
        text = doc_text(doc)
        sites = [
            p
            for p in places
            if p.geonameid is not None and not inside_any(p.evidence, actor_spans) and not off_scene(text, p)
        ]
        for seg in segments:
            seg.place = segment_place(seg, sites, focus, text)
            seg.time = segment_time(seg, times, speech, published, violent)
            at = seg.time.evidence if seg.time is not None else None
            seg.on_violence = at is not None and at.start in violent
            seg.background = seg.sentence[0] in cue_sentences or (
                seg.time is not None and published is not None and is_background_time(seg.time, published)
            )
        casualties = [m for m in get_list(doc, "casualties") if not m.aggregate]
        drafts = _group(segments)
        place_from_lead(drafts, sites, focus)
        settle_places(drafts, doc, sites, focus, [p for p in places if p.geonameid is not None])
        drafts = merge_lead(drafts, lambda d: _carried(d, times, speech, published, violent))
        drafts = [d for d in drafts if _grounded(d, casualties)]
        if not drafts:
            return []
        link_claims(drafts, claims, sentences)
        link_caveats(drafts, get_list(doc, "caveats"), claims, sentences, doc)
        _attach_loose_figures(drafts, casualties)
        drafts = join_follow_up(drafts, lambda d: _figures(doc, d))
        drafts = join_same_victims(
            drafts,
            lambda d: _figures(doc, d),
            lambda d: d.time if d.time is not None else _carried(d, times, speech, published, violent),
        )
        return [
            self._report(doc, draft, published, times, speech, told_elsewhere(draft, drafts, times), violent)
            for draft in drafts
        ]

    def _background_sentences(self, doc: Doc, sentences: Sentences) -> set[int]:
        starts: set[int] = set()
        for _, start, _end in self.background_cues(doc):
            starts.add(sentences.of(doc[start].idx)[0])
        return starts

    def _report(
        self,
        doc: Doc,
        draft: Draft,
        published: datetime | None,
        times: list[TimeSpan],
        speech: set[int],
        elsewhere: frozenset[int] = frozenset(),
        violent: set[int] | frozenset[int] = frozenset(),
    ) -> Report:
        spans = _spans(draft)
        mentions = _mentions(doc, draft)
        for claim in draft.claims:
            claim_counts(claim, mentions)
        killed, injured = casualty_totals(mentions)
        weapons = _dedupe_weapons(w for w in get_list(doc, "weapons") if inside_any(w.evidence, spans))
        own = [(s.start, s.end) for s in draft.segments]
        actors = unique_actors(a for a in get_list(doc, "actors") if inside_any(a.evidence, own))
        if not any(a.role == PERPETRATOR for a in actors):  # the clauses name none: do the claims?
            named = claimed_perpetrator(draft.claims, load_actor_lexicon())
            actors = unique_actors([named, *actors]) if named is not None else actors
        event = _event(draft)
        first = draft.segments[0]
        time = draft.time
        if time is None and not draft.background:
            time = _carried(draft, times, speech, published, violent)
        if time is not None:
            time = narrow_time(time, times, speech | elsewhere, published)
        if time is None:
            time = fallback_time(published)
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


def _spans(draft: Draft) -> list[tuple[int, int]]:
    """Where a report is told: its segments and the content of its claims."""
    spans = [(s.start, s.end) for s in draft.segments]
    return spans + [(c.content.start, c.content.end) for c in draft.claims if c.content is not None]


def _mentions(doc: Doc, draft: Draft) -> list[CasualtyMention]:
    """The report's figures: those told inside it, then the loose ones it continues."""
    spans = _spans(draft)
    told = [m for m in get_list(doc, "casualties") if not m.aggregate and inside_any(m.evidence, spans)]
    return told + draft.loose


def _figures(doc: Doc, draft: Draft) -> tuple[int | None, int | None, int | None]:
    """(killed, injured) as a coder would write them, None for a kind the report does not state; then
    the people told shot ("Teen shot"), None where the report tells a death or all of them wounded:
    ``drafts.join_same_victims`` reads a next report of as many dead as what became of them."""
    mentions = _mentions(doc, draft)
    killed, injured = casualty_totals(mentions)
    shot = _largest_figure(mentions, "casualties")
    if shot <= _largest_figure(mentions, "injured") or any(m.kind == "killed" for m in mentions):
        shot = 0  # every one told wounded, or a death told: the outcome is known
    return first_figure(killed), first_figure(injured), shot or None


def _largest_figure(mentions: list[CasualtyMention], kind: str) -> int:
    return max((first_figure(m.count) or 0 for m in mentions if m.kind == kind), default=0)


# ----------------------------------------------------------------------------------------- segments


def _segments(doc: Doc, events: list[EventMention], sentences: Sentences) -> list[Segment]:
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


def _carried(
    draft: Draft,
    times: list[TimeSpan],
    speech: set[int],
    published: datetime | None,
    violent: set[int] | frozenset[int] = frozenset(),
) -> TimeSpan | None:
    """The time a report that states none takes: the last told before its first sentence, else the first
    told after it."""
    lead = draft.segments[0].sentence
    before = carried_time(lead[0], times, speech, published)
    if before is not None:
        return before
    if _event(draft).event_type not in VIOLENT_TYPES:  # an arrest is dated by its own day, not the attack's
        violent = frozenset()
    return carried_time(lead[1], times, speech, published, ahead=True, violent=violent)


def _grounded(draft: Draft, casualties: list[CasualtyMention]) -> bool:
    """A report worth a row: it happened somewhere at most province-precise, or it harmed people.

    ACLED codes events at a location; a cue word with only a country behind it ("the war in Ukraine",
    an opinion piece on world affairs) is commentary, not an incident. The story's own town, given to a
    report that names no place (``settle_places``), says where a report with a figure happened; it does
    not make commentary in a datelined story ("NATO is in confrontation with Russia") an incident."""
    if located(draft.place) and not draft.story_located:
        return True
    return any(inside_any(m.evidence, [(s.start, s.end) for s in draft.segments]) for m in casualties)


def _loose_owner(drafts: list[Draft], m: CasualtyMention) -> int | None:
    """The report a figure told outside any event continues: the one told last before it, else (a figure
    in the headline or lead, before every report) the first current report."""
    told = [
        (max(s.start for s in d.segments if s.start <= m.evidence.start), i)
        for i, d in enumerate(drafts)
        if d.segments[0].start <= m.evidence.start
    ]
    if told:
        return max(told)[1]
    return next((i for i, d in enumerate(drafts) if not d.background), None)


def _attach_loose_figures(drafts: list[Draft], casualties: list[CasualtyMention]) -> None:
    """A figure in a sentence that tells no event of its own ("Police said two other men were wounded")
    continues the report told last before it; after a background report it stays out of the current ones.
    A figure told before any report (a headline, a lead: "Man fatally shot" above the story) is the
    story's summary of its first current report, the one the story is about."""
    covered = [(s.start, s.end) for d in drafts for s in d.segments]
    covered += [(c.content.start, c.content.end) for d in drafts for c in d.claims if c.content is not None]
    for m in casualties:
        if inside_any(m.evidence, covered):
            continue
        owner = _loose_owner(drafts, m)
        if owner is not None and not drafts[owner].background:
            drafts[owner].loose.append(m)


# ----------------------------------------------------------------------------------------- grouping


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
                if draft.background == seg.background and same_place(draft.place, seg.place):
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


def _dedupe_weapons(weapons) -> list[Weapon]:
    seen: dict[str, Weapon] = {}
    for weapon in weapons:
        seen.setdefault(weapon.name, weapon)
    return list(seen.values())
