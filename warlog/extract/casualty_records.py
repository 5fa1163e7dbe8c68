"""Linked figures made into ``CasualtyMention`` records: coordinated figures summed ("three children and
two adults"), parts made lower bounds, "others" marked, and the injured derived from people harmed less
people killed ("four were shot, one fatally").

Apart because it builds records from links already found: it decides how figures combine *within one
sentence* and what evidence spans they carry, not which words are casualty words (``casualty_links``,
``casualty_words``) nor how an article's figures add up (``casualty_totals``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from warlog.extract.casualty_parts import partitive_figure
from warlog.extract.casualty_words import CasualtyWords, conjuncts, evidence_span
from warlog.extract.numbers import Quantity, parse_number
from warlog.extract.spans import doc_text
from warlog.schema import CasualtyCategory, CasualtyMention, Count

if TYPE_CHECKING:
    from warlog.extract.casualty_links import Link

__all__ = ["CasualtyRecords", "derived_injured", "new_victims", "survivors_beside_dead"]


class CasualtyRecords(CasualtyWords):
    """Builds the mentions of one sentence from (Quantity, Link) pairs and single victim tokens."""

    def _coordinated(self, sent: SpacySpan, linked: list, counted: set[int]) -> list[list]:
        """Group figures coordinated under one casualty word: "three children and two adults were found
        dead" is one figure of 5; "a girl and four others were wounded" adds the girl (5). A group is a
        list of (Quantity, Link) pairs and of single victim tokens (each one person)."""
        doc = sent.doc
        groups: dict[tuple, list] = {}
        for q, link in linked:
            anchor = link.noun if link.noun is not None else doc[q.head]
            root = anchor
            while root.dep_ == "conj" and root.head.pos_ in {"NOUN", "NUM", "PROPN", "PRON"}:
                root = root.head
            key = (root.i, link.kind, link.cue.i) if not link.subset else (q.start, link.kind, -1)
            groups.setdefault(key, []).append((q, link))
        result = []
        for (root_i, _kind, cue_i), members in groups.items():
            if cue_i >= 0:
                anchors = {(lk.noun if lk.noun is not None else doc[q.head]).i for q, lk in members}
                for tok in conjuncts(doc[root_i]):
                    if tok.i not in anchors and tok.i not in counted and self._one_victim(tok):
                        members.append(tok)
                        counted.add(tok.i)
            result.append(members)
        return result

    def _sum(self, sent: SpacySpan, group: list) -> CasualtyMention:
        doc = sent.doc
        pairs = [member for member in group if not isinstance(member, Token)]
        parts = [m for pair in pairs for m in self._mentions(sent, *pair)]
        singles = [member for member in group if isinstance(member, Token)]
        first, rest = parts[0].count.best, [m.count.best for m in parts[1:]]
        if first is not None and None not in rest and len(rest) > 1 and sum(rest) + len(singles) == first:
            return parts[0]  # "six people, three men and three women": a breakdown, not more people

        def total(values: list[int | None]) -> int | None:
            return None if any(v is None for v in values) else sum(values) + len(singles)

        counts = [m.count for m in parts]
        categories = {c.category for c in counts} | {self._category(t) for t in singles}
        spans = [m.evidence for m in parts] + [evidence_span(sent, t.idx, t.idx + len(t)) for t in singles]
        start, end = min(e.start for e in spans), max(e.end for e in spans)
        figure_spans = [c.evidence for c in counts if c.evidence is not None] + spans[len(parts):]
        fstart, fend = min(e.start for e in figure_spans), max(e.end for e in figure_spans)
        count = Count(
            low=total([c.low for c in counts]),
            best=total([c.best for c in counts]),
            high=total([c.high for c in counts]),
            category=categories.pop() if len(categories) == 1 else CasualtyCategory.UNKNOWN.value,
            text=doc_text(doc)[fstart:fend],
            evidence=evidence_span(sent, fstart, fend),
        )
        return CasualtyMention(kind=parts[0].kind, count=count, evidence=evidence_span(sent, start, end))

    # ------------------------------------------------------------------------------------- records

    def _mentions(self, sent: SpacySpan, q: Quantity, link: Link) -> list[CasualtyMention]:
        doc = sent.doc
        low, best, high = q.low, q.best, q.high
        unborn = 0 if link.subset or q.is_zero else self._unborn(doc[q.head], link)
        if unborn:  # "six people were killed, including an unborn child": five
            low, best, high = (None if v is None else max(v - unborn, 0) for v in (low, best, high))
        if link.subset and not q.is_zero:
            low, best, high = (low if low is not None else best), None, None  # a part: at least this many
        category = self._category(link.noun)
        if link.subset and category == CasualtyCategory.UNKNOWN.value:
            category = self._category(self._predicate_noun(doc[q.head]))
        tokens = [q.start, q.end - 1, link.cue.i] + ([link.noun.i] if link.noun is not None else [])
        noun_after = link.noun is not None and link.noun.i > q.head
        figure_end = link.noun.i if noun_after else q.end - 1
        count = Count(
            low=low,
            best=best,
            high=high,
            category=category,
            text=doc[q.start : q.end].text,
            evidence=evidence_span(sent, doc[q.start].idx, doc[figure_end].idx + len(doc[figure_end])),
        )
        start, end = doc[min(tokens)].idx, doc[max(tokens)].idx + len(doc[max(tokens)])
        evidence = evidence_span(sent, start, end)
        if link.kind == "casualties" and q.is_zero:  # "no casualties": nobody killed, nobody injured
            return [CasualtyMention(kind=k, count=count, evidence=evidence) for k in ("killed", "injured")]
        others = not link.subset and not q.is_zero and self._additional(doc, q, link.noun)
        part = partitive_figure(doc[q.head])  # "two of them later died"
        return [CasualtyMention(kind=link.kind, count=count, evidence=evidence, others=others,
                                partitive=part)]

    def _unborn(self, num: Token, link: Link) -> int:
        """How many of a figure's people are uncounted ones it names as included ("six people, including
        an unborn child"): the Gun Violence Archive and ACLED count no unborn child among the dead, so the
        toll is the figure less them. The "including" may hang on the number, its noun or its verb."""
        lex = self.lex
        n = 0
        for holder in {t.i: t for t in (num, link.noun, link.cue) if t is not None}.values():
            for prep in holder.children:
                if prep.dep_ != "prep" or prep.lower_ not in lex.subset - {"of"}:
                    continue
                for obj in (g for c in prep.children if c.dep_ == "pobj" for g in conjuncts(c)):
                    if self._uncounted(obj):
                        size = next((parse_number(c.text) for c in obj.children if c.dep_ == "nummod"), None)
                        n += size or 1
        return n

    def _additional(self, doc: Doc, q: Quantity, noun: Token | None) -> bool:
        """"four other victims", "four others", "two more were hurt": people beyond those already told;
        the "more" of "more than 20" is the figure's own modifier, not more people."""
        words = self.lex.additional
        after = doc[q.end] if q.end < len(doc) else None
        if after is not None and after.lower_ in words:
            return True
        def beyond(tok: Token) -> bool:  # not the figure's own modifier: "more than 20 were killed"
            return tok.lower_ in words and tok.dep_ in {"amod", "advmod"} and not q.start <= tok.i < q.end

        if noun is not None and (noun.lower_ in words or any(beyond(c) for c in noun.children)):
            return True
        return any(beyond(c) for c in doc[q.head].children)


def derived_injured(sent: SpacySpan, found: list[CasualtyMention]) -> list[CasualtyMention]:
    """"Four people were shot, one fatally": people harmed minus people killed are the injured (3)."""
    kinds = {m.kind for m in found}
    if "casualties" not in kinds or "killed" not in kinds or "injured" in kinds:
        return []
    harmed = max((m for m in found if m.kind == "casualties" and m.count.best is not None),
                 key=lambda m: m.count.best, default=None)
    killed = [  # a bare figure ("one fatally", "killing two") counts some of those harmed
        m for m in found
        if m.kind == "killed" and m.count.best is not None and not m.aggregate
        and m.count.text is not None and parse_number(m.count.text.split()[-1]) is not None
    ]
    if harmed is None or not killed or harmed.aggregate:
        return []
    if harmed.others:  # "one was killed and four other victims": the killed are not among the four
        killed = [m for m in killed if m.evidence.start >= harmed.count.evidence.start]
        if not killed:
            n = harmed.count.best
            count = Count(low=n, best=n, high=n, category=harmed.count.category,
                          evidence=harmed.count.evidence)
            return [CasualtyMention(kind="injured", count=count, evidence=harmed.evidence)]
    dead = max(m.count.best for m in killed)
    if dead > harmed.count.best:
        return []
    start = min(harmed.evidence.start, *(m.evidence.start for m in killed))
    end = max(harmed.evidence.end, *(m.evidence.end for m in killed))
    n = harmed.count.best - dead
    count = Count(low=n, best=n, high=n, category=harmed.count.category, evidence=harmed.count.evidence)
    return [CasualtyMention(kind="injured", count=count, evidence=evidence_span(sent, start, end))]



def survivors_beside_dead(sent: SpacySpan, singles: list[CasualtyMention],
                          others: list[CasualtyMention]) -> list[CasualtyMention]:
    """Lone victims of one sentence, those told only as shot made injured where the sentence first tells
    a death and then a relative of someone: "a father was killed and his son was shot", "a girl has
    died and her father is in critical condition". One victim told as shot is otherwise left harmed
    (``casualties``), since it is often the one who died ("he was taken to the hospital, where he
    died"); a relative named after the death is another person, the survivor. The killer's own death
    ("then killed himself") and deaths of a tally do not count."""
    dead = [m.evidence.end for m in singles + others
            if m.kind == "killed" and not m.aggregate and not m.others]
    if not dead:
        return singles
    result = []
    for m in singles:
        victim = _victim(sent, m)
        related = victim is not None and any(c.dep_ == "poss" for c in victim.root.children)
        if m.kind == "casualties" and not m.others and related and min(dead) <= m.evidence.start:
            m = m.model_copy(update={"kind": "injured"})
        result.append(m)
    return result


def new_victims(sent: SpacySpan, singles: list[CasualtyMention]) -> list[CasualtyMention]:
    """Lone victims each introduced anew in one sentence, clause by clause, make one figure: "a woman was
    shot in the back and a boy was shot in the arm" is two people shot. Each is told with an
    indefinite article ("a", "an"), so none is someone told before; coordinated nouns ("a woman and a
    boy were shot") are already one figure (``CasualtyRecords._coordinated``). Only the harmed who are
    not told dead (``casualties``, ``injured``; "a man was shot and a woman was wounded" is two harmed):
    deaths so told are mostly one death told twice ("a man was found dead ... a victim died"). Only
    where at least two are told; "also" victims add up in ``casualty_totals`` instead."""
    group: list[CasualtyMention] = []
    for m in singles:
        victim = _victim(sent, m)
        if m.others or m.count.best != 1 or victim is None or m.kind not in {"casualties", "injured"}:
            continue
        if any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in victim.root.children):
            group.append(m)
    found = []
    if len(group) >= 2:
        n = len(group)
        kind = "injured" if all(m.kind == "injured" for m in group) else "casualties"
        start, end = min(m.evidence.start for m in group), max(m.evidence.end for m in group)
        first, last = group[0].count.evidence, group[-1].count.evidence
        count = Count(low=n, best=n, high=n, category=group[0].count.category,
                      text=doc_text(sent.doc)[first.start : last.end],
                      evidence=evidence_span(sent, first.start, last.end))
        found.append(CasualtyMention(kind=kind, count=count, evidence=evidence_span(sent, start, end)))
    return found


def _victim(sent: SpacySpan, m: CasualtyMention) -> SpacySpan | None:
    """The words a lone victim's count cites ("son" of "his son was shot"), as a span of the parse."""
    if m.count.evidence is None:
        return None
    return sent.doc.char_span(m.count.evidence.start, m.count.evidence.end)
