"""Readings of a time expression that the words around it decide.

Apart from ``times`` because they are judgements about the text beside an expression, not about the
expression: a title-case "This Week" after a quotation mark names a show, "2.35" before "million" is an
amount, "the week of March 6" is a week and "will one day be" points to some day to come.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc

from warlog.extract.timenorm import Norm, month_norm, week_norm
from warlog.extract.timerules import Resolver
from warlog.extract.timex import Candidate, TimeLexicon, time_lexicon

__all__ = ["NAMED_KINDS", "amount_after", "names_a_work", "read_in_context"]

_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")

_WEEK_OF = re.compile(r"\bthe\s+week\s+of\s+$", re.I)
_THIS_YEAR_TO = re.compile(r"\bthis\s+year\s+(?:through|until|till|to)\s+$", re.I)
_SOMEDAY_MODALS = frozenset({"will", "would", "could", "may", "might", "can", "shall", "should", "must"})


def read_in_context(
    doc: Doc, cand: Candidate, norm: Norm | None, text: str, resolver: Resolver, tagged: bool,
) -> Norm | None:
    """Readings the words around an expression change.

    "the week of March 6" is that date's week (the candidate grows to take "the week of"); "will one day
    be", "he one day hopes" use "one day" for some day to come (TimeML FUTURE_REF), while "after one day"
    and "followed by one day" keep the duration."""
    if norm is None or norm.value is None:
        return norm
    if cand.kind in ("date_mdy", "date_dmy") and _DAY_VALUE.fullmatch(norm.value) and resolver.zone:
        week = _WEEK_OF.search(text, max(0, cand.start - 16), cand.start)
        if week:
            cand.start = week.start()
            return week_norm(date.fromisoformat(norm.value), resolver.zone)
    words, g = " ".join(text[cand.start:cand.end].lower().split()), cand.groups
    if cand.kind == "month" and resolver.anchor is not None and not (g.get("rel") or g.get("rel2")) \
            and _THIS_YEAR_TO.search(text, max(0, cand.start - 24), cand.start):
        # "sales this year through August": a month that closes a stretch of this year lies in it
        return month_norm(resolver.anchor.day.year, time_lexicon().months[g["mon"].lower()], resolver.zone)
    if cand.kind == "duration" and tagged and words == "one day":
        span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
        if span is not None and len(span):
            before = doc[span.start - 1] if span.start > 0 else None
            after = doc[span.end] if span.end < len(doc) else None
            modal = before is not None and before.lower_ in _SOMEDAY_MODALS
            verb = after is not None and after.tag_ in ("VB", "VBP", "VBZ", "VBD") and (
                before is None or before.tag_ in ("PRP", "MD", "NNP", "NN", "NNS"))
            if modal or verb:
                return Norm("FUTURE_REF", kind="ref")
    return norm


_AMOUNT_AFTER = re.compile(r"\s*([a-z]+(?:\s+cent)?|%)", re.I)
#: kinds whose words are capitalised anyway (names of months, days, holidays), so case says nothing
NAMED_KINDS = frozenset({"date_mdy", "date_dmy", "range_dmy", "range_mdy", "month", "month_year", "weekday",
                         "holiday", "iso", "numeric", "year"})
_QUOTES = "\"'`‘’“”"
_BREAKS = ".!?:;\n([—–-_"
_CAPITALISED_BEFORE = re.compile(r"([A-Za-z][\w.'’-]*)\s*$")
_WORD = re.compile(r"[A-Za-z]+")


def amount_after(text: str, end: int, lex: TimeLexicon) -> bool:
    """Whether an amount word ("million", "percent", "%") follows ``end``: the number before is no clock."""
    m = _AMOUNT_AFTER.match(text, end)
    return m is not None and (m.group(1) == "%" or " ".join(m.group(1).lower().split()) in lex.amount_words)


def names_a_work(text: str, cand: Candidate, lex: TimeLexicon) -> bool:
    """A time phrase in title case inside a sentence, after an opening quote or a capitalised word, is
    the name of a show, film or campaign; at the start of a sentence, or in a headline, case says nothing."""
    words = _WORD.findall(text, cand.start, cand.end)
    if not words or not all(w[0].isupper() and not w[1:].isupper() for w in words):
        return False  # not title case ("This Week"); capitals throughout ("THIS MORNING") say nothing
    if all(w.lower() in lex.months or w.lower() in lex.weekdays for w in words):
        return False
    i = cand.start
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    quoted = i > 0 and text[i - 1] in _QUOTES
    while i > 0 and text[i - 1] in _QUOTES:
        i -= 1
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    if i == 0 or text[i - 1] in _BREAKS:
        return False  # a sentence (or quotation) begins with it
    if _headline(text, cand.start):
        return False
    before = _CAPITALISED_BEFORE.search(text, max(0, i - 30), i)
    return quoted or (before is not None and before.group(1)[0].isupper())


def _headline(text: str, pos: int) -> bool:
    """Whether ``pos`` lies in a short line most of whose words are capitalised (a title)."""
    lo, hi = text.rfind("\n", 0, pos) + 1, text.find("\n", pos)
    line = text[lo:hi if hi >= 0 else len(text)]
    words = _WORD.findall(line)
    return len(line) <= 160 and len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)
