"""Killed / injured figures as low/best/high ranges, tied to their casualty word through the parse.

A number is a casualty figure only when the dependency parse links it to a death or injury word: the verb
whose object or subject it counts ("killing at least three civilians", "59 killed", "three people died"),
an adjective predicated of it ("three people dead", "left 5 wounded"), a casualty noun it counts
("12 deaths", "no casualties"), a death toll it measures ("the death toll rose to 12") or an adverb
("four were shot, one fatally"). Everything else with a number in it — ages, times, "three missiles",
"two cars" — is not, because the counted noun must name people. Figures that are part of a larger one
("including two children", "one of the dead was a child") are lower bounds with a category hint, and
sentences that speak of tallies ("since February", "so far this year") mark their figures ``aggregate``.

Kinds: ``killed``, ``injured``, ``casualties`` (people harmed, not split: "12 casualties", "four people
were shot"), ``missing``, ``captured``. Where one sentence gives both people harmed and people killed
("four people were shot, one fatally"), the injured figure is derived (3) as its own mention. A figure of
"others" ("four other victims", "two more") is marked ``others``: it adds to the figure before it. People
coordinated without a number ("a woman and a child were shot") are counted one each. Victims told in
parts — "two of them later died", "a woman was also shot", "killed two and then himself", "four men
suffered gunshot wounds", "then turned the gun on himself" — are read with the helpers of
``warlog.extract.casualty_parts``. Victims told by their state ("in critical condition", "taken to the
hospital with minor injuries"), by an age ("16-year-old shot") or by the event's name ("a triple
homicide", "a murder-suicide") are read with ``warlog.extract.casualty_states``; a title-case headline
("Two Men Shot Outside Bar") is re-read in sentence case (``warlog.extract.casualty_headlines``).
Lone victims told clause by clause ("a woman was shot in the back and a boy was shot in the arm") make
one figure, and a relative told as shot after a death in the sentence ("a father was killed and his son
was shot") is the survivor (``casualty_records.new_victims``, ``survivors_beside_dead``). Lives a shooting
"claimed", a victim who "did not survive", a headline's "dies" misread as a noun, "the number of
fatalities", people "treated for" or "having" wounds are read with ``casualty_parts``; "has since died"
and "killed in the shootings" are no tallies (``CasualtyWords._tally_sentence``).
The vocabulary is data: ``warlog/data/casualties.yaml``; numbers are read by ``warlog.extract.numbers``.

The work is split by job: the vocabulary (``casualty_lexicon``), token questions (``casualty_words``),
figures linked to their casualty word (``casualty_links``), victims without a number
(``casualty_victims``), states, ages and counted events (``casualty_states``), headlines
(``casualty_headlines``), records and sums within a sentence (``casualty_records``), victims told in parts
(``casualty_parts``) and an article's totals (``casualty_totals``). This module is the component that runs
them per sentence, and the public face: import the names below from here.
"""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from warlog.extract import extensions  # noqa: F401  (registers doc._.casualties)
from warlog.extract.base import Component
from warlog.extract.casualty_headlines import recased, shifted, title_case
from warlog.extract.casualty_lexicon import KINDS, LEXICON, CasualtyLexicon, _kind_table, casualty_lexicon
from warlog.extract.casualty_links import COMPLEMENT_DEPS, COUNTING_DEPS, MODIFIER_DEPS, FigureLinks, Link
from warlog.extract.casualty_records import (
    CasualtyRecords,
    derived_injured,
    new_victims,
    survivors_beside_dead,
)
from warlog.extract.casualty_totals import OTHERS_BASE, OTHERS_WINDOW, casualty_totals
from warlog.extract.casualty_victims import SingleVictims
from warlog.extract.numbers import Quantity, combine_counts, find_quantities
from warlog.schema import CasualtyMention

__all__ = [
    "COMPLEMENT_DEPS",
    "COUNTING_DEPS",
    "KINDS",
    "LEXICON",
    "MODIFIER_DEPS",
    "OTHERS_BASE",
    "OTHERS_WINDOW",
    "CasualtyFinder",
    "CasualtyLexicon",
    "Link",
    "_kind_table",
    "casualty_lexicon",
    "casualty_totals",
    "combine_counts",
]


class CasualtyFinder(Component, FigureLinks, SingleVictims, CasualtyRecords):
    """Writes ``doc._.casualties``: ``CasualtyMention`` records in text order.

    The readers are mixins over one lexicon (``self.lex``): figures (``FigureLinks``), lone victims
    (``SingleVictims``) and records (``CasualtyRecords``); this class only runs them per sentence."""

    attr = "casualties"

    def __init__(self, nlp, name: str) -> None:
        super().__init__(nlp, name)
        self.lex = casualty_lexicon()

    def match(self, doc: Doc) -> list[CasualtyMention]:
        found: list[CasualtyMention] = []
        for sent in doc.sents:
            found.extend(self._headline_mentions(sent) if title_case(sent) else self.sentence_mentions(sent))
        return sorted(found, key=lambda m: (m.evidence.start, m.evidence.end))

    def _headline_mentions(self, sent: SpacySpan) -> list[CasualtyMention]:
        """A title-case line read as parsed and in sentence case (``casualty_headlines``): the reading
        with more figures, or with more people counted where both find as many ("Family of Five Found
        Dead" read as one family is the worse reading); the sentence-case one on a tie."""
        first = self.sentence_mentions(sent)
        recast = recased(self.nlp, sent)
        again = [m for s in recast.sents for m in self.sentence_mentions(s)] if recast is not None else []

        def weight(found: list[CasualtyMention]) -> tuple[int, int]:
            return len(found), sum(m.count.best or m.count.low or 0 for m in found)

        return [shifted(m, sent) for m in again] if weight(again) >= weight(first) else first

    def sentence_mentions(self, sent: SpacySpan) -> list[CasualtyMention]:
        """The casualty figures of one sentence."""
        found: list[CasualtyMention] = []
        counted: set[int] = set()  # tokens whose victims already have a figure
        linked: list[tuple[Quantity, Link]] = []
        for q in find_quantities(sent):
            link = self._link(sent.doc[q.head], q.is_zero, q.start)
            if link is None or self._hypothetical(link.cue, q):
                continue
            counted.update(t.i for t in (link.noun, sent.doc[q.head]) if t is not None)
            linked.append((q, link))
        for group in self._coordinated(sent, linked, counted):
            found.extend(self._mentions(sent, *group[0]) if len(group) == 1 else [self._sum(sent, group)])
        found.extend(self._multiple_events(sent, counted))
        singles = self._singular_victims(sent, counted)
        found.extend(self._then_himself(sent, counted, found + singles))
        singles = survivors_beside_dead(sent, singles, found)
        found.extend(singles + new_victims(sent, singles))
        if found and self._tally_sentence(sent):
            found = [m.model_copy(update={"aggregate": True}) for m in found]
        elif found:
            found = [m.model_copy(update={"aggregate": True}) if self._tally(m, sent) else m for m in found]
        return found + derived_injured(sent, found)
