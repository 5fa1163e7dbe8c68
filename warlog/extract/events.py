"""Sentence-level event cues mapped to ACLED event types and sub-types: the public entry points.

The knowledge is data: ``warlog/data/event_cues.yaml`` (cue phrases per ACLED sub-type and per modifier,
with weights, boosts, escalations and priorities) and ``warlog/data/event_other.yaml`` (cues of
non-conflict events: disasters, crime, diplomacy, blame). The work is split by job:

- ``event_lexicon``: the two YAML files validated into one ``EventLexicon``;
- ``event_scoring``: cue matching and the arithmetic of weights, weapons, boosts and escalations
  (``EventClassifier``, ``Scores``);
- ``event_filters`` (with ``cue_syntax``): whether a cue tells a happening, for the ``EventFinder`` only;
- this module: reading the lexicon, one classifier per vocabulary, the snippet classifiers and the
  ``EventFinder`` component. Every public name of the family is importable from here.

``classify_text`` types a Doc or a Span (a group of sentences: what the incident assembler needs);
``classify_outcome`` also names the non-conflict category (what ``bench.event_types`` scores). The
``EventFinder`` component scores each sentence on its own and writes up to three ``EventMention``s per
sentence (strongest first, then further sub-types with a strong score of their own and a separate cue),
skipping cues that the parse shows to be hypothetical, future or negated ("if ... attacked", "will launch",
"no clashes"), topics rather than happenings ("survivors of sexual violence", "the refusal to send
missiles"), clauses that only date another happening ("found after the troops retreated") and sentences
that tell history ("during World War II", only years before 1991). These checks are the EventFinder's only:
on whole snippets they cost the classifier more than they save (measured on CASE 2021).

Both paths ignore cue words inside a date ("on 1 March") and cues of a past event named by its year ("the
2017 chemical attack"); a capture told in the passive ("rebels were pushed back") goes to the other side.

Why weighted cues and not a trained model: the project may not ship weights learnt from a benchmark, and
coders must be able to read why a text got its type: ``explain`` returns the scores.
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.vocab import Vocab

from warlog.data import load_yaml
from warlog.extract.base import Component
from warlog.extract.event_filters import irrealis, tells_history, time_anchor
from warlog.extract.event_lexicon import CUES, OTHER, EventLexicon, build_event_lexicon
from warlog.extract.event_scoring import NO_EVENT, EventClassifier, Scores
from warlog.extract.spans import char_span
from warlog.extract.weapons import load_weapon_lexicon
from warlog.schema import EVENT_TYPES, SUB_EVENT_TYPES, EventMention

__all__ = [
    "EVENT_TYPES",
    "NO_EVENT",
    "SUB_EVENT_TYPES",
    "EventClassifier",
    "EventFinder",
    "EventLexicon",
    "Scores",
    "classifier_for",
    "classify_outcome",
    "classify_text",
    "explain",
    "load_event_lexicon",
]

MAX_EVENTS_PER_SENTENCE = 3


@cache
def load_event_lexicon() -> EventLexicon:
    """Read and validate both event lexicons once per process; raises ``LexiconError`` naming the entry."""
    return build_event_lexicon(load_yaml(CUES), load_yaml(OTHER), load_weapon_lexicon().category_sub_types)


_CLASSIFIERS: dict[int, tuple[Vocab, EventClassifier]] = {}


def classifier_for(vocab: Vocab, nlp: Language | None = None) -> EventClassifier:
    """The classifier of one vocabulary, built on first use (matchers are tied to a vocab's strings)."""
    entry = _CLASSIFIERS.get(id(vocab))
    if entry is None or entry[0] is not vocab:
        built = EventClassifier(
            nlp if nlp is not None else spacy.blank("en", vocab=vocab), load_event_lexicon()
        )
        _CLASSIFIERS[id(vocab)] = entry = (vocab, built)
    return entry[1]


def explain(target: Doc | SpacySpan) -> list[tuple[str, float]]:
    """Every label's final score for a Doc or Span, best first: why ``classify_outcome`` chose what it did."""
    return classifier_for(target.vocab).explain(target)


def classify_outcome(target: Doc | SpacySpan) -> str:
    """An ACLED sub-event type, a non-conflict category of ``event_other.yaml``, or ``NO_EVENT``.

    Used by ``bench.event_types`` to score snippets that report disasters, crime or diplomacy."""
    return classifier_for(target.vocab).outcome(target)[0]


def classify_text(target: Doc | SpacySpan) -> tuple[str, str] | None:
    """``(event_type, sub_event_type)`` of a Doc or Span (a group of sentences); None: no conflict event.

    Combines cue phrases, weapons and actors over the whole stretch: a missile that killed civilians is a
    "Shelling/artillery/missile attack"; an interception is "Disrupted weapons use" only when no strike that
    harmed people outweighs it. Reads ``doc._.weapons`` / ``doc._.actors`` when those components ran."""
    label = classifier_for(target.vocab).outcome(target, overlay=False)[0]
    sub = SUB_EVENT_TYPES.get(label)
    return (sub, label) if sub is not None else None


# --------------------------------------------------------------------------------------------- component


class EventFinder(Component):
    """One ``EventMention`` per conflict event cue of a sentence: the strongest first, at most three."""

    attr = "events"

    def __init__(self, nlp: Language, name: str) -> None:
        super().__init__(nlp, name)
        self.classifier = classifier_for(nlp.vocab, nlp)

    def match(self, doc: Doc) -> list[EventMention]:
        if not len(doc):
            return []
        clf = self.classifier
        hits = clf.cue_hits(doc)
        if not hits and not doc._.weapons:
            return []
        weapons, actors = clf.weapons_of(doc), clf.actors_of(doc)
        sentences = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        found: list[EventMention] = []
        events = frozenset(clf.event_labels)
        cued = bytearray(len(doc))  # tokens of a cue that tells an event or harm: "killed after a strike"
        for s, e, i in hits:
            if any(label in events for label, _ in clf.lexicon.labels_of[i]):
                cued[s:e] = b"\x01" * (e - s)
        for sent in sentences:
            if tells_history(sent, clf.lexicon):
                continue
            scores = clf.score(doc, sent.start, sent.end, hits, weapons, actors)
            found.extend(self._sentence_events(doc, sent, scores, cued))
        return found

    def _sentence_events(
        self, doc: Doc, sent: SpacySpan, scores: Scores, cued: bytearray
    ) -> list[EventMention]:
        lex = self.classifier.lexicon
        ranked = self.classifier.ranked(scores, overlay=False)
        if not ranked or ranked[0][1] < lex.sentence_min_score or ranked[0][0] not in SUB_EVENT_TYPES:
            return []
        top = ranked[0][1]
        runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
        events: list[EventMention] = []
        used: list[tuple[int, int]] = []
        sentence = char_span(doc, sent.start_char, sent.end_char)
        for rank, (label, value) in enumerate(ranked):
            if len(events) >= MAX_EVENTS_PER_SENTENCE or label not in SUB_EVENT_TYPES:
                break
            if rank and value < lex.secondary_min_score:
                break
            start, end, _ = scores.trigger[label]
            if (
                any(start < e and s < end for s, e in used)
                or irrealis(doc, start, end, lex)
                or time_anchor(doc, start, end, cued, lex)
            ):
                continue
            used.append((start, end))
            confidence = value / (top + runner_up) if rank else top / (top + runner_up)
            events.append(
                EventMention(
                    event_type=SUB_EVENT_TYPES[label],
                    sub_event_type=label,
                    trigger=char_span(doc, start, end),
                    sentence=sentence,
                    confidence=round(min(1.0, confidence), 3),
                )
            )
        return events
