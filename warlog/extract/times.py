"""Time expressions normalised relative to the document's publication time and zone.

``TimeFinder`` writes ``doc._.times``: one ``schema.TimeSpan`` per expression, in text order, with
``start``/``end`` in UTC (the zone the text named kept in ``tz``), UCDP ``date_prec``, a TIMEX3-style
``value`` and the evidence span. Finding is a regex grammar (``warlog.extract.timex``), reading is calendar
arithmetic against the publication time (``warlog.extract.timerules``), and words around a candidate rule
readings out here (``_plausible``). Joining what belongs together -- a clock time and its day, "between
3.00 and 3.30 Moscow time" -- is ``warlog.extract.time_joins``; "since February 24" becomes a range ending
at publication here. The incident assembler's pure helpers (``governing_time``, ``is_background_time``,
``page_stamps``) live in ``warlog.extract.time_stamps`` and are re-exported from this module.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from spacy.language import Language
from spacy.tokens import Doc

from warlog.extract.base import Component
from warlog.extract.spans import doc_text
from warlog.extract.time_context import NAMED_KINDS, amount_after, names_a_work, read_in_context
from warlog.extract.time_joins import DAY_VALUE, join_clocks, join_dates
from warlog.extract.time_stamps import governing_time, is_background_time, page_stamps
from warlog.extract.time_tense import clause_tense
from warlog.extract.timenorm import Anchor, Norm, day_norm, part_of_day_norm, prec_of
from warlog.extract.timerules import Resolver
from warlog.extract.timex import LEXICON, Candidate, TimeLexicon, families, find_candidates, time_lexicon
from warlog.schema import Span, TimeSpan

__all__ = [
    "TimeFinder", "find_times", "governing_time", "is_background_time", "page_stamps", "zone_label",
]

_DEMONSTRATIVES = frozenset({"the", "this", "that", "these", "those"})
_SINCE = re.compile(r"\bsince\s+$", re.I)
#: a bare "a year" / "an hour" is a duration only after these words ("for a year"), else "$5 a year"
_ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an)\s+(?:[a-z]+\s+)?[\"'`‘“]*$", re.I)
_OF_NAME_AFTER = re.compile(r"\s+(?:for|of)\s+(?!(?:this|last|next|that|the\s+same)\s+year|\d)", re.I)
_BARE_PLURAL_CUES = re.compile(r"\b(?:for|in|within|over|after)\s+$", re.I)
_ARTICLE_DURATION_CUES = re.compile(r"\b(?:for|in|within|over|about|nearly|almost|after|than)\s+$", re.I)


class TimeFinder(Component):
    """Finds and normalises time expressions; writes ``doc._.times`` (list of ``schema.TimeSpan``)."""

    attr = "times"

    def __init__(self, nlp: Language, name: str, lexicon: str = LEXICON) -> None:
        super().__init__(nlp, name)
        self.lexicon = lexicon
        self.lex = time_lexicon(lexicon)
        families(lexicon)  # compile (and read what each family needs) now, not on the first document

    def match(self, doc: Doc) -> list[TimeSpan]:
        return find_times(doc, doc._.published, self.lexicon)


# --------------------------------------------------------------------------------------------- finding


def find_times(
    doc: Doc, published: datetime | None, lexicon: str = LEXICON, split_ranges: bool = False,
) -> list[TimeSpan]:
    """Every time expression of ``doc`` normalised against ``published`` (aware, or None), in text order.

    A range written with two expressions ("between 1990 and 1995", "from 3.00 to 3.30") is one TimeSpan
    covering both, which is what an incident needs; ``split_ranges=True`` gives instead one TimeSpan per
    expression, each with its own value, as TimeML annotates them (two TIMEX3s)."""
    lex = time_lexicon(lexicon)
    anchor = Anchor.of(published) if published is not None else None
    resolver = Resolver(anchor, lex)
    text = doc_text(doc)  # joined once per Doc and shared with the other components
    # has_annotation walks the whole Doc: ask once per document, not once per candidate
    tagged, parsed = doc.has_annotation("TAG"), doc.has_annotation("DEP")
    cands = [c for c in find_candidates(text, lexicon) if _plausible(doc, c, tagged, text, lex)]
    sentences = _sentence_bounds(doc)
    norms: list[Norm | None] = []
    for cand in cands:
        if cand.kind == "clock":
            norms.append(None)  # read below, once the day it belongs to is known
            continue
        tense = clause_tense(doc, cand.start, cand.end, lex, parsed, text)
        norms.append(read_in_context(doc, cand, resolver.read(cand, text[cand.start:cand.end], tense), text,
                                 resolver, tagged))
    _refer_back(cands, norms, resolver, text)
    _same_weekday(cands, norms, resolver, lex)
    keep = [(c, n) for c, n in zip(cands, norms, strict=True) if n is not None or c.kind == "clock"]
    out = join_dates(join_clocks(keep, text, anchor, lex, sentences), text)
    if split_ranges:
        out = [part for item in out for part in (_flatten(item) if item[0].parts else [item])]
    spans: list[TimeSpan] = []
    for cand, norm in out:
        if norm is None:
            continue
        start = cand.start
        since = _SINCE.search(text, max(0, start - 8), start)
        if since and norm.start is not None and norm.kind == "date" and anchor is not None \
                and norm.start < anchor.moment:  # "since February 24": a range up to the report
            start = since.start()
            norm.end = anchor.moment
            norm.prec = prec_of(norm.start, norm.end)
        spans.append(_time_span(text, start, cand.end, norm))
    return spans


def _flatten(item: tuple[Candidate, Norm | None]) -> list[tuple[Candidate, Norm | None]]:
    """The expressions a joined range was made of, each with the reading it had before joining."""
    out: list[tuple[Candidate, Norm | None]] = []
    for part in item[0].parts:
        out.extend(_flatten(part) if part[0].parts else [part])
    return out


def _refer_back(
    cands: list[Candidate], norms: list[Norm | None], resolver: Resolver, text: str | None = None,
) -> None:
    """Expressions read from the text before them rather than from the publication date.

    "That day" / "later that year" take the date last mentioned. "A year ago" / "a year earlier" in a
    report about a quarter means that quarter a year before: earnings and statistics reports compare a
    quarter with the same quarter of the year before -- until they turn to a span of months ("in the
    first nine months, ... a year earlier"), which is compared with the year before. "Last year" right
    after a figure ("a loss of $3 million last year") is that comparison too; a quarter that is itself a
    year back ("the year-ago quarter") is never the report's own. "By mid-afternoon" is on the day last
    told."""
    quarter: str | None = None
    previous: str | None = None
    last_day: str | None = None
    for i, (cand, norm) in enumerate(zip(cands, norms, strict=True)):
        if cand.kind == "part_of_day" and not cand.groups.get("word") and last_day:
            norms[i] = resolver.part_of_day_on(cand.groups, last_day)  # "by mid-afternoon": of the day told
            continue
        if cand.kind == "anaphor":
            step = 1 if cand.groups.get("next") else 0  # "the following month": the one after
            norms[i] = resolver.refer_back(cand.groups["unit"].lower(), previous, step) if previous else None
            continue
        if cand.kind == "year_quarter" and norm is not None and norm.value is None:
            # "the 1988 period" after talk of the third quarter: that quarter of 1988
            year = int(cand.groups["year"])
            norms[i] = resolver.quarter_in(year, quarter) if quarter else resolver.year_of(year)
            continue
        if norm is None or norm.value is None:
            continue
        if norm.kind in ("date", "time") and norm.value[:1].isdigit():
            previous = norm.value
            if DAY_VALUE.match(norm.value):
                last_day = norm.value
        if norm.kind == "duration" and re.fullmatch(r"P(?:[2-9]|1[01])M", norm.value):
            quarter = None  # "the first nine months ... a year earlier": those months of the year before
        # "the year-ago quarter", "the quarter a year ago" are not the report's own quarter
        year_back = _low_rel(cand) in _YEAR_BACK_QUARTERS or bool(cand.groups.get("back"))
        if cand.kind in ("quarter", "year_quarter") and not year_back \
                and re.fullmatch(r"\d{4}-Q\d", norm.value):
            quarter = norm.value
        elif quarter and re.fullmatch(r"\d{4}", norm.value) and (cand.kind == "year_earlier" or (
                cand.kind == "ago" and (cand.groups.get("num") or "").lower() in ("a", "one", "1")) or (
                cand.kind == "relative" and _low_rel(cand) == "last" and text is not None
                and _FIGURE_BEFORE.search(text, max(0, cand.start - 16), cand.start))):
            # "a loss of $3 million last year" in a quarter's report: that quarter's figure a year before
            norms[i] = resolver.quarter_year_before(quarter)


def _same_weekday(
    cands: list[Candidate], norms: list[Norm | None], resolver: Resolver, lex: TimeLexicon,
) -> None:
    """A bare weekday is the day a full date with that weekday names elsewhere in the story.

    "Shot Friday, May 13 ... On Friday, neighbours gathered" in a report of Friday May 20: the story has
    said which Friday it means; read alone, the bare one would be the publication day or a week off. Only a
    reading exactly a week away is moved, and only when one date gives that weekday."""
    if resolver.anchor is None:
        return
    told: dict[int, set[date]] = {}
    for cand, norm in zip(cands, norms, strict=True):
        if cand.kind in ("date_mdy", "date_dmy") and cand.groups.get("wd") and norm is not None \
                and norm.value and DAY_VALUE.match(norm.value):
            told.setdefault(lex.weekdays[cand.groups["wd"].lower()], set()).add(
                date.fromisoformat(norm.value[:10]))
    if not told:
        return
    for i, (cand, norm) in enumerate(zip(cands, norms, strict=True)):
        g = cand.groups
        if cand.kind != "weekday" or g.get("rel") or norm is None or not norm.value \
                or not DAY_VALUE.match(norm.value):
            continue
        days = told.get(lex.weekdays[g["wd"].lower()], set())
        read = date.fromisoformat(norm.value[:10])
        if len(days) == 1 and abs((next(iter(days)) - read).days) == 7:
            day = next(iter(days))
            norms[i] = part_of_day_norm(day, g["pod"], lex, resolver.zone) if g.get("pod") \
                else day_norm(day, resolver.zone)


_FIGURE_BEFORE = re.compile(r"(?:\d|million|billion|cents?|%)\s+$", re.I)
_YEAR_BACK_QUARTERS = frozenset(
    {"year-earlier", "year-ago", "last year's", "previous", "same", "corresponding", "comparable"})


def _low_rel(cand: Candidate) -> str:
    return " ".join((cand.groups.get("rel") or "").lower().split())


def _plausible(
    doc: Doc, cand: Candidate, tagged: bool = True, text: str | None = None, lex: TimeLexicon | None = None,
) -> bool:
    """Reject readings the words around a candidate rule out ("2000 troops", "May" the modal verb)."""
    text = doc.text if text is None else text  # Doc.text is rebuilt on every access: pass it in
    lex = time_lexicon() if lex is None else lex
    g = cand.groups
    bare_article = (g.get("num") or "").lower() in ("a", "an") and not g.get("det") and not g.get("approx")
    if cand.kind == "duration" and bare_article and not _ARTICLE_DURATION_CUES.search(
        text[max(0, cand.start - 10):cand.start]
    ):
        return False
    if cand.kind == "duration" and not (g.get("num") or g.get("det") or g.get("approx") or g.get("the")) \
            and not _BARE_PLURAL_CUES.search(text[max(0, cand.start - 10):cand.start]):
        return False  # a bare plural is a vague duration only after "for", "in", "within" ...
    if cand.kind == "month" and not (g.get("rel") or g.get("mod") or g.get("rel2")) \
            and _ARTICLE_BEFORE.search(text, max(0, cand.start - 24), cand.start) \
            and _OF_NAME_AFTER.match(text, cand.end):
        return False  # "the annual March for Life", "a March of the Mothers": a march, not the month
    if cand.kind == "clock" and g.get("h2") is not None and amount_after(text, cand.end, lex):
        return False  # "between 1.8 million and 2.35 million": amounts, not clock times
    if text[cand.start:cand.start + 1].isupper() and _names_a_street(text, cand.end, lex):
        return False  # "Noon Road", "Sunday Street": a capitalised time word before a street word is a name
    if cand.kind not in NAMED_KINDS and names_a_work(text, cand, lex):
        return False  # ABC's "This Week", the film "High Noon", "This is VOA Today": titles
    if not tagged:
        return True
    if cand.kind == "clock" and (g.get("ampm") or "").lower().startswith("in"):
        after = doc.char_span(cand.end, min(len(text), cand.end + 24), alignment_mode="expand")
        if after is not None and len(after) and after[0].tag_ in ("NN", "NNS"):
            return False  # "killed 4 in the morning raid": a count
    if cand.kind == "part_of_day" and not g.get("word"):
        after = doc.char_span(cand.end, min(len(text), cand.end + 24), alignment_mode="expand")
        if after is not None and len(after) and after[0].tag_ in ("NN", "NNS"):
            return False  # "the morning rush", "the evening news": a kind of thing, not a time
    if cand.kind == "year" and not (g.get("mod") or g.get("fiscal")):
        after = doc.char_span(cand.end, min(len(text), cand.end + 40), alignment_mode="expand")
        before = doc.char_span(max(0, cand.start - 20), cand.start, alignment_mode="expand")
        determined = before is not None and len(before) and (
            before[-1].tag_ in ("PRP$", "POS") or before[-1].lower_ in _DEMONSTRATIVES)
        if after is not None and len(after) and after[0].tag_ == "NNS" and not determined:
            return False  # "2000 troops" is a count, "the 1996 bombing" a year
    if cand.kind == "month" and g["mon"].lower() == "may" and not g.get("rel"):
        tokens = doc.char_span(cand.start, cand.end, alignment_mode="expand")
        if tokens is not None and any(t.tag_ == "MD" for t in tokens):
            return False
    return True


_NEXT_CAPITALISED = re.compile(r"[ \t]+([A-Z][A-Za-z]*)\.?(?![\w-])")


def _names_a_street(text: str, end: int, lex: TimeLexicon) -> bool:
    """Whether a capitalised street word ("Road", "St.") follows ``end``: the word before is in a name."""
    m = _NEXT_CAPITALISED.match(text, end)
    return m is not None and m.group(1).lower() in lex.street_words


def _sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    if doc.has_annotation("SENT_START"):
        return [(s.start_char, s.end_char) for s in doc.sents]
    return [(0, len(doc.text))]



def _time_span(text: str, start: int, end: int, norm: Norm) -> TimeSpan:
    return TimeSpan(
        start=norm.start.astimezone(UTC) if norm.start is not None else None,
        end=norm.end.astimezone(UTC) if norm.end is not None else None,
        text=text[start:end],
        date_prec=norm.prec,
        tz=norm.tz or zone_label(norm.start),
        value=norm.value,
        evidence=Span(start=start, end=end, text=text[start:end]),
    )


def zone_label(moment: datetime | None) -> str | None:
    """The zone a time was read in, kept beside its UTC start so its local day can be recovered: an IANA
    name when the anchor had one, else the offset ("+03:00") of a publication date given with one; None
    for UTC (the default anchor, which says nothing about where the event was)."""
    if moment is None or moment.tzinfo is None:
        return None
    key = getattr(moment.tzinfo, "key", None)
    if key:
        return key
    offset = moment.utcoffset()
    if not offset:
        return None
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
