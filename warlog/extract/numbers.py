"""Numbers in running text as ranges: "at least three" → low 3, "up to 10" → high 10, "dozens" → low 24.

Casualty figures are rarely bare integers: reporters hedge ("more than 50", "nearly 40"), round ("dozens",
"hundreds") and bracket ("between 3 and 5"). A figure is therefore read as a ``Count``-shaped range, with
ACLED's conventions (the conservative figure is the low bound). Plain number words ("twenty-three",
"one hundred and five") are read by ``text2num``; hedges, vague quantities and the words that make a number
an age or a time are data (``warlog/data/casualties_numbers.yaml``).

``combine_counts`` merges several figures for one incident into one range; its rule is documented there.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from spacy.lang.en.lex_attrs import _num_words
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token
from text_to_num import text2num

from warlog.data import load_yaml, require_keys
from warlog.errors import LexiconError
from warlog.schema import CasualtyCategory, Count

LEXICON = "casualties_numbers.yaml"
NUMBER_WORDS = frozenset(_num_words)
DIGITS = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+(\.\d+)?$")
#: Entity labels under which a number is not a head count.
YEAR = re.compile(r"(?:19|20)\d\d")
NOT_COUNT_ENTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})
#: Figures above this are not the casualties of anything a news report counts one by one.
MAX_FIGURE = 10_000_000


@dataclass(frozen=True)
class Quantity:
    """A figure found in a Doc: token range ``[start, end)`` (modifiers included), ``head`` the token the
    figure hangs from in the parse (its last number word), and the range it stands for."""

    start: int
    end: int
    head: int
    low: int | None
    best: int | None
    high: int | None

    @property
    def is_zero(self) -> bool:
        return self.high == 0


@dataclass(frozen=True)
class NumberLexicon:
    """The validated contents of ``casualties_numbers.yaml``; phrases are tuples of lower-cased words."""

    modifiers: dict[tuple[str, ...], str]
    vague: dict[tuple[str, ...], tuple[int | None, int | None, int | None]]
    zero: frozenset[tuple[str, ...]]
    joiners: frozenset[str]
    not_after: frozenset[str]
    scales: dict[str, int]
    starts: frozenset[str] = frozenset()  # first words of the zero and vague phrases

    def __post_init__(self) -> None:
        object.__setattr__(self, "starts", frozenset(p[0] for p in (*self.zero, *self.vague)))


@cache
def number_lexicon() -> NumberLexicon:
    """Load and check the numbers lexicon once per process."""
    raw = load_yaml(LEXICON)
    if not isinstance(raw, dict):
        raise LexiconError(f"lexicon {LEXICON!r} must be a mapping; see the comments in the shipped file")
    require_keys(LEXICON, raw, ("modifiers", "vague", "zero", "range_joiners", "not_counts_after", "scales"))
    kinds = {"at_least", "more_than", "up_to", "fewer_than", "about", "nearly"}
    unknown = set(raw["modifiers"]) - kinds
    if unknown:
        raise LexiconError(
            f"lexicon {LEXICON!r}: unknown modifier kinds {sorted(unknown)}; use {sorted(kinds)}"
        )
    modifiers = {
        tuple(p.lower().split()): kind for kind, phrases in raw["modifiers"].items() for p in phrases
    }
    vague = {}
    for phrase, rng in raw["vague"].items():
        if not isinstance(rng, dict) or not set(rng) <= {"low", "best", "high"} or not rng:
            raise LexiconError(
                f"lexicon {LEXICON!r}: vague {phrase!r} needs some of low/best/high, got {rng!r}"
            )
        vague[tuple(str(phrase).lower().split())] = (rng.get("low"), rng.get("best"), rng.get("high"))
    return NumberLexicon(
        modifiers=modifiers,
        vague=vague,
        zero=frozenset(tuple(str(p).lower().split()) for p in raw["zero"]),
        joiners=frozenset(str(j).lower() for j in raw["range_joiners"]),
        not_after=frozenset(str(w).lower() for w in raw["not_counts_after"]),
        scales={str(k).lower(): int(v) for k, v in raw["scales"].items()},
    )


def parse_number(text: str) -> int | None:
    """The integer a written number stands for: "30,000", "12", "twenty-three", "1.5 million"; else None."""
    words = text.lower().replace("-", " ").split()
    if not words:
        return None
    scales = number_lexicon().scales
    if DIGITS.match(words[0]):
        value = float(words[0].replace(",", ""))
        for word in words[1:]:
            if word not in scales:
                return None
            value *= scales[word]
        return int(value) if value == int(value) else None
    if not all(w in NUMBER_WORDS or w == "and" for w in words):
        return None
    try:
        return int(text2num(" ".join(words), "en"))
    except ValueError:
        return None


def _is_number_token(tok: Token) -> bool:
    if not tok.like_num:
        return False
    return bool(DIGITS.match(tok.text)) or tok.lower_ in NUMBER_WORDS


def _phrase_before(doc, index: int, lower_bound: int, table) -> tuple[int, object] | None:
    """The longest phrase of ``table`` ending just before token ``index`` (not before ``lower_bound``)."""
    for length in (4, 3, 2, 1):
        start = index - length
        if start < lower_bound:
            continue
        key = tuple(t.lower_ for t in doc[start:index])
        if key in table:
            return start, table[key]
    return None


def _phrase_at(doc, index: int, upper_bound: int, table) -> int | None:
    """The length of the longest phrase of ``table`` starting at token ``index``."""
    for length in (4, 3, 2, 1):
        if index + length > upper_bound:
            continue
        key = tuple(t.lower_ for t in doc[index : index + length])
        if key in table:
            return length
    return None


def _number_run(doc, i: int, end: int) -> tuple[int, int | None]:
    """Read consecutive number tokens from ``i``: returns the end index and the value (None if unreadable)."""
    lex = number_lexicon()
    j = i + 1
    while j < end:
        tok = doc[j]
        digits_first = bool(DIGITS.match(doc[i].text))
        word_after_word = _is_number_token(tok) and not DIGITS.match(tok.text) and not digits_first
        if word_after_word or (tok.lower_ in lex.scales and digits_first):
            j += 1
        elif (
            tok.text in {"-", "and"}
            and j + 1 < end
            and _is_number_token(doc[j + 1])
            and not DIGITS.match(doc[j + 1].text)
            and not DIGITS.match(doc[i].text)
            and (tok.text == "-" or doc[j - 1].lower_ in lex.scales)
        ):
            j += 2
        else:
            break
    return j, parse_number(" ".join(t.text for t in doc[i:j] if t.text != "-"))


def _not_a_count(doc, i: int, j: int, end: int) -> bool:
    """Ages ("24-year-old"), times ("6 p.m."), ordinals, dates and money are not head counts."""
    lex = number_lexicon()
    nxt = j + 1 if j < end and doc[j].text == "-" else j
    if nxt < end and doc[nxt].lower_ in lex.not_after:
        return True
    if j - i == 1 and doc[i].ent_type_ == "DATE" and YEAR.fullmatch(doc[i].text):
        return True  # "the 2007 shooting death": a year the NER dates, whatever noun follows
    if any(doc[k].ent_type_ in NOT_COUNT_ENTS for k in range(i, j)):
        # NER marks "a dozen" CARDINAL but may mark ages/dates; trust it only when the next word agrees
        return not (nxt < end and doc[nxt].pos_ in {"NOUN", "VERB", "ADJ"} and doc[nxt].ent_type_ == "")
    return False


def find_quantities(sent: SpacySpan) -> list[Quantity]:
    """Every figure in a sentence (or any span), left to right, with its hedges read into a range."""
    lex = number_lexicon()
    doc, start, end = sent.doc, sent.start, sent.end
    found: list[Quantity] = []
    i = start
    while i < end:
        tok = doc[i]
        word = tok.lower_
        if word not in lex.starts and not tok.like_num:
            i += 1  # most tokens: one set lookup
            continue
        zero_len = _phrase_at(doc, i, end, lex.zero) if word in lex.starts else None
        vague_len = _phrase_at(doc, i, end, lex.vague) if word in lex.starts else None
        if zero_len:
            j = i + zero_len
            if j < end and doc[j].lower_ in {"else", "other", "more", "longer"}:
                i = j + 1
                continue
            found.append(Quantity(i, j, j - 1, 0, 0, 0))
            i = j
            continue
        if vague_len:
            j = i + vague_len
            lo, best, hi = lex.vague[tuple(t.lower_ for t in doc[i:j])]
            head = j - 1
            if doc[head].lower_ == "of":
                head -= 1
            if i > start and doc[i - 1].lower_ in {"a", "an"}:
                i -= 1  # "a dozen": the article belongs to the figure
            found.append(_hedged(doc, start, Quantity(i, j, head, lo, best, hi)))
            i = j
            continue
        if not _is_number_token(tok):
            i += 1
            continue
        j, value = _number_run(doc, i, end)
        if value is None or value > MAX_FIGURE or _not_a_count(doc, i, j, end):
            i = j
            continue
        if j < end and doc[j].lower_ == "dozen":  # "two dozen" = 24
            value, j = value * 12, j + 1
        q = Quantity(i, j, j - 1, value, value, value)
        q = _range(doc, start, end, q) or q
        found.append(_hedged(doc, start, q))
        i = q.end
    return found


def _range(doc, start: int, end: int, q: Quantity) -> Quantity | None:
    """"3 to 5", "3-5", "three or four", "between 3 and 5" → low 3, high 5."""
    lex = number_lexicon()
    j = q.end
    if j + 1 >= end or doc[j].lower_ not in lex.joiners or not _is_number_token(doc[j + 1]):
        return None
    if doc[j].lower_ == "and" and not (q.start > start and doc[q.start - 1].lower_ == "between"):
        return None
    k, second = _number_run(doc, j + 1, end)
    if second is None or q.low is None or second <= q.low or _not_a_count(doc, j + 1, k, end):
        return None
    first = q.start - 1 if doc[q.start - 1].lower_ == "between" and q.start > start else q.start
    return Quantity(first, k, k - 1, q.low, None, second)


def _hedged(doc, start: int, q: Quantity) -> Quantity:
    """Apply a modifier just before the figure ("at least", "more than", "up to", "about", "nearly")."""
    lex = number_lexicon()
    found = _phrase_before(doc, q.start, start, lex.modifiers)
    if found is None:
        return q
    first, kind = found
    value = q.best if q.best is not None else q.low if q.low is not None else q.high
    if value is None:
        return q
    low, best, high = {
        "at_least": (value, None, None),
        "more_than": (value + 1, None, None),
        "up_to": (None, None, value),
        "fewer_than": (None, None, max(value - 1, 0)),
        "about": (q.low if q.best is None else None, value, None),
        "nearly": (None, value, value),
    }[kind]
    if kind in {"at_least", "more_than"} and q.low is not None and q.best is None:
        low = q.low + (1 if kind == "more_than" else 0)  # "more than dozens": still a lower bound
    return Quantity(first, q.end, q.head, low, best, high)


# ----------------------------------------------------------------------------------------- combining


def _interval(count: Count) -> tuple[int, float]:
    lo = count.low if count.low is not None else count.best if count.best is not None else 0
    hi = count.high if count.high is not None else float("inf")
    if count.high is None and count.best is not None and count.low is None:
        hi = count.best  # "about 10": a point estimate
    return lo, hi


def _category(counts: Iterable[Count], deciding: list[Count]) -> str:
    """The category of the figures that decide the result; a civilian or child hint elsewhere → civilians."""
    unknown = CasualtyCategory.UNKNOWN.value
    named = {c.category for c in deciding if c.category != unknown}
    if len(named) == 1:
        return named.pop()
    if named:
        return CasualtyCategory.CIVILIANS.value if named <= {"civilians", "children"} else unknown
    hints = {c.category for c in counts if c.category != unknown}
    if hints and hints <= {"civilians", "children"}:
        return CasualtyCategory.CIVILIANS.value
    return unknown


def combine_counts(counts: list[Count]) -> Count:
    """Merge several figures for one incident (one or many sources) into one range.

    The rule, in ACLED's spirit (record what is supported, keep the conservative figure as ``low``):

    * Each figure is an interval: "5" is [5, 5], "at least 3" is [3, ∞), "up to 10" is [0, 10], "about 10"
      is [10, 10], "between 3 and 5" is [3, 5].
    * If all intervals overlap, the figures agree and the result is their intersection: "at least 3" with
      "5 killed" gives 5, and a partial figure ("one of the dead was a child": at least 1) never lowers a
      toll. ``best`` is the most often stated point figure inside it (ties → the lower one).
    * If they conflict ("5 killed" vs "the toll rose to 12"), the result is the range they span: ``low`` is
      the lowest stated figure (ACLED's conservative figure), ``high`` the highest, ``best`` the most often
      stated point figure (ties → the lower: the conservative one).

    The category is that of the deciding figures; a child or civilian figure elsewhere marks the whole as
    civilian harm. An empty list gives an empty ``Count``.
    """
    counts = [c for c in counts if not c.is_empty()]
    if not counts:
        return Count()
    if len(counts) == 1:
        return counts[0].model_copy()
    intervals = [_interval(c) for c in counts]
    lo = max(i[0] for i in intervals)
    hi = min(i[1] for i in intervals)
    points = Counter(c.best for c in counts if c.best is not None)
    if lo <= hi:
        low = lo if any(c.low is not None or c.best is not None for c in counts) else None
        high = int(hi) if hi != float("inf") else None
        inside = [v for v in points if lo <= v <= hi]
        best = low if high is not None and low == high else _modal(points, inside)
        deciding = [c for c, (a, b) in zip(counts, intervals, strict=True) if a == lo or b == hi]
    else:
        stated_lows = [c.low if c.low is not None else c.best for c in counts]
        stated_highs = [c.high if c.high is not None else c.best for c in counts]
        low = min((v for v in stated_lows if v is not None), default=None)
        high_values = [v for v in stated_highs if v is not None]
        high = max(high_values) if high_values else None
        best = _modal(points, list(points))
        deciding = [c for c in counts if c.best == best or c.low == low]
    texts = [c.text for c in counts if c.text]
    evidence = next((c.evidence for c in deciding if c.evidence is not None), counts[0].evidence)
    return Count(
        low=low,
        best=best,
        high=high,
        category=_category(counts, deciding),
        text="; ".join(dict.fromkeys(texts)) or None,
        evidence=evidence,
    )


def _modal(points: Counter, candidates: list[int]) -> int | None:
    if not candidates:
        return None
    return min(candidates, key=lambda v: (-points[v], v))


def first_figure(count: Count) -> int | None:
    """The one number a count stands for: its best, else its low, else its high bound."""
    return next((v for v in (count.best, count.low, count.high) if v is not None), None)
