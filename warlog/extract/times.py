"""Time expressions normalised relative to the document's publication time and zone.

``TimeFinder`` writes ``doc._.times``: one ``schema.TimeSpan`` per expression, in text order, with
``start``/``end`` in UTC (the zone the text named kept in ``tz``), UCDP ``date_prec``, a TIMEX3-style
``value`` and the evidence span. Finding is a regex grammar (``warlog.extract.timex``), reading is calendar
arithmetic against the publication time (``warlog.extract.timerules``); this module joins what belongs
together — a clock time and the day it belongs to (in its sentence, else the day last told), "between
3.00 and 3.30 Moscow time" into one range, "since February 24" into a range ending at publication — and
offers the incident assembler pure functions: ``governing_time`` (which expression dates an event
sentence), ``is_background_time`` and ``page_stamps`` (the "Posted: ..." times that date the page itself).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from warlog.extract.base import Component
from warlog.extract.spans import doc_text
from warlog.extract.time_context import NAMED_KINDS, amount_after, names_a_work, read_in_context
from warlog.extract.time_tense import clause_tense
from warlog.extract.timenorm import Anchor, Norm, clock_norm, clock_of, prec_of, zone_of
from warlog.extract.timerules import Resolver
from warlog.extract.timex import LEXICON, Candidate, TimeLexicon, families, find_candidates, time_lexicon
from warlog.schema import DatePrec, Span, TimeSpan

__all__ = ["TimeFinder", "find_times", "governing_time", "is_background_time", "page_stamps"]

_DEMONSTRATIVES = frozenset({"the", "this", "that", "these", "those"})
_RANGE_OPEN = frozenset({"between", "from"})
_RANGE_JOIN = re.compile(r"\s*(?:and|to|until|till|through|-|–)\s*$", re.I)
_SINCE = re.compile(r"\bsince\s+$", re.I)
_GAP = re.compile(r"^[\s,]*(?:(?:on|at|in|of)\s+)?$", re.I)
_DAY_KINDS = frozenset({"date_mdy", "date_dmy", "iso", "numeric", "weekday", "deictic", "holiday"})
_NIGHT_WORDS = frozenset({"tonight", "overnight", "last"})
_SMALL_HOURS_END = 6  # hours before this belong to the morning that ends a night
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")
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
    keep = [(c, n) for c, n in zip(cands, norms, strict=True) if n is not None or c.kind == "clock"]
    out = _join_dates(_join_clocks(keep, text, anchor, lex, sentences), text)
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
            if _DAY_VALUE.match(norm.value):
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


def _sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    if doc.has_annotation("SENT_START"):
        return [(s.start_char, s.end_char) for s in doc.sents]
    return [(0, len(doc.text))]


def _sentence_of(bounds: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for lo, hi in bounds:
        if lo <= pos < hi:
            return lo, hi
    return 0, 0


# --------------------------------------------------------------------------------------------- clocks


def _join_clocks(
    items: list[tuple[Candidate, Norm | None]], text: str, anchor: Anchor | None, lex: TimeLexicon,
    sentences: list[tuple[int, int]],
) -> list[tuple[Candidate, Norm | None]]:
    """Read clock times on the day they belong to; fold "between A and B" (and a night word) into ranges."""
    out: list[tuple[Candidate, Norm | None]] = []
    i = 0
    while i < len(items):
        cand, norm = items[i]
        if cand.kind != "clock":
            out.append((cand, norm))
            i += 1
            continue
        second = None
        pre = (cand.groups.get("pre") or "").strip().lower()
        if pre in _RANGE_OPEN and i + 1 < len(items) and items[i + 1][0].kind == "clock" \
                and _RANGE_JOIN.match(text[cand.end:items[i + 1][0].start]):
            second = items[i + 1][0]
        day_item = _day_for(cand, items, text, sentences)
        zone_name = (second or cand).groups.get("zone") or cand.groups.get("zone")
        first_norm = _read_clock(cand, day_item, zone_name, anchor, lex)
        if second is None:
            if day_item is not None and i + 1 < len(items) and items[i + 1][0] is day_item[0] \
                    and _CLOCK_DAY_GAP.fullmatch(text, cand.end, day_item[0].start):
                # "10 p.m. Wednesday", "5 p.m. EST, Nov. 6": one expression, as TimeML marks it
                out.append((Candidate(cand.kind, cand.start, day_item[0].end, cand.groups), first_norm))
                i += 2
                continue
            out.append((cand, first_norm))
            i += 1
            continue
        second_norm = _read_clock(second, day_item, zone_name, anchor, lex)
        parts = [(cand, _copy(first_norm)), (second, _copy(second_norm))]
        start = cand.start - len(cand.groups.get("pre") or "")
        if day_item is not None and day_item[0].end <= start and _GAP.match(text[day_item[0].end:start]) \
                and out and out[-1][0] is day_item[0]:
            parts.insert(0, out.pop())  # "tonight between 3.00 and 3.30": the night word is in the range
            start = day_item[0].start
        merged = Candidate("range", start, second.end, cand.groups, parts)
        if first_norm is not None and second_norm is not None and first_norm.start is not None:
            first_norm.end = second_norm.end
        out.append((merged, first_norm))
        i += 2
    return out


_CLOCK_DAY_GAP = re.compile(r"[\s,]*")
_OPENER = re.compile(r"\b(?:between|from)\s+$", re.I)


def _join_dates(items: list[tuple[Candidate, Norm | None]], text: str) -> list[tuple[Candidate, Norm | None]]:
    """"between 1 and 5 July", "from March to May 2022": one range spanning both dates."""
    out: list[tuple[Candidate, Norm | None]] = []
    i = 0
    while i < len(items):
        cand, norm = items[i]
        opener = _OPENER.search(text[max(0, cand.start - 9):cand.start])
        if opener and norm is not None and norm.kind == "date" and norm.start is not None \
                and i + 1 < len(items):
            other, second = items[i + 1]
            if second is not None and second.kind == "date" and second.end is not None \
                    and second.end > norm.start and _RANGE_JOIN.match(text[cand.end:other.start]):
                start = cand.start - (len(text[max(0, cand.start - 9):cand.start]) - opener.start())
                parts = [(cand, _copy(norm)), (other, second)]
                norm.end = second.end
                norm.prec = prec_of(norm.start, norm.end)
                out.append((Candidate("range", start, other.end, cand.groups, parts), norm))
                i += 2
                continue
        out.append((cand, norm))
        i += 1
    return out


def _copy(norm: Norm | None) -> Norm | None:
    return replace(norm) if norm is not None else None


def _day_for(cand: Candidate, items, text: str, sentences) -> tuple[Candidate, Norm] | None:
    """The day-level expression a clock time belongs to.

    The nearest one in its sentence ("5 p.m. Friday", "Friday night, police said, at about 11 p.m."); else
    the last one told before it: a story says the day once and gives the hour later ("A man was shot
    Monday night. The shooting happened at 11 p.m."). Only without either is the publication day used."""
    lo, hi = _sentence_of(sentences, cand.start)
    best, best_gap, last = None, len(text) + 1, None
    for other, norm in items:
        if other.kind not in _DAY_KINDS or norm is None or not norm.value \
                or not _DAY_VALUE.match(norm.value):
            continue
        if lo <= other.start < hi:
            gap = cand.start - other.end if other.end <= cand.start else other.start - cand.end
            if 0 <= gap < best_gap:
                best, best_gap = (other, norm), gap
        elif other.end <= cand.start and not best:
            last = (other, norm)
    return best or last


def _read_clock(cand: Candidate, day_item, zone_name: str | None, anchor: Anchor | None,
                lex: TimeLexicon) -> Norm | None:
    hm = clock_of(cand)
    if hm is None:
        return None
    if anchor is None and day_item is None:
        return Norm(None, kind="time")
    zone, iana = zone_of(zone_name, lex)
    zone = zone or (anchor.zone if anchor else UTC)
    day = anchor.day if anchor else None
    if day_item is not None:
        other, norm = day_item
        word = (other.groups.get("word") or "").strip().lower() if other.kind == "deictic" else ""
        if word in _NIGHT_WORDS and anchor is not None:
            day = _night_day(word, hm, anchor)
        elif norm.value and _DAY_VALUE.match(norm.value):
            day = date.fromisoformat(norm.value[:10])
            hm = _hour_in_part(cand, hm, norm.value[10:])
            if norm.value.endswith("TNI") and hm[0] < _SMALL_HOURS_END:
                day += timedelta(days=1)  # "Friday night ... at 1 a.m.": the small hours of Saturday
    if day is None:
        return Norm(None, kind="time")
    return clock_norm(day, hm, zone, iana)


def _hour_in_part(cand: Candidate, hm: tuple[int, int], part: str) -> tuple[int, int]:
    """A clock time written without a.m./p.m. on the 12-hour clock ("10:30 Monday night", "7.15 on
    Friday evening") is an afternoon or evening hour when the day it belongs to is."""
    g = cand.groups
    if g.get("h2") is None or not 1 <= hm[0] < 12 or part not in ("TAF", "TEV", "TNI"):
        return hm
    if part == "TNI" and hm[0] < _SMALL_HOURS_END:
        return hm  # "2.30 Saturday night" is most likely the small hours
    return hm[0] + 12, hm[1]


def _night_day(word: str, hm: tuple[int, int], anchor: Anchor) -> date:
    """The date of a clock time said to fall "overnight" / "last night" / "tonight".

    Small hours belong to the morning that ends the night; evening hours to the day before it. "Tonight"
    in a report dated without a clock time, or in the morning, is the night that has just passed."""
    morning = anchor.day
    if word == "tonight" and not anchor.dated_only and anchor.moment.hour >= 12:
        morning = anchor.day + timedelta(days=1)
    return morning if hm[0] < 12 else morning - timedelta(days=1)


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


# --------------------------------------------------------------------------------------------- incidents

_STAMP_CHAIN = re.compile(r"[\s,|\-–@]*(?:at\s+)?", re.I)


@cache
def _stamp_cue(lexicon: str) -> re.Pattern[str]:
    words = sorted(time_lexicon(lexicon).stamp_cues, key=len, reverse=True)
    if not words:
        return re.compile(r"(?!)")
    alts = "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)
    return re.compile(rf"\b(?:{alts})\s*:?\s*$", re.I)


def page_stamps(
    text: str,
    times: list[TimeSpan],
    published: datetime | None = None,
    lexicon: str = LEXICON,
) -> set[int]:
    """Evidence starts of the times that stamp the page itself ("Posted: Monday, May 4, 2015 5:29 PM",
    "(Published Sunday, July 13, 2014)"): they say when the page was written or edited, so they never
    date an event. A time right after a stamp ("... 2015" then "5:29 PM EDT") belongs to it.

    With ``published``, a dateline counts too: the publication day written out with its year and no
    preposition before it ("INDIANAPOLIS (July 3, 2015) --", "By Staff, August 17, 2015"). News dates an
    event of the publication day by its weekday or "today"; a full date with its year standing bare is
    the page's own -- unless no other day is told, where it is the best guess at the event's."""
    cue = _stamp_cue(lexicon)
    found: set[int] = set()
    last_end = -1
    day = _local_day(published)
    for t in sorted((t for t in times if t.evidence is not None), key=lambda t: t.evidence.start):
        start = t.evidence.start
        chained = last_end >= 0 and start >= last_end and _STAMP_CHAIN.fullmatch(text, last_end, start)
        if chained or cue.search(text, max(0, start - 24), start):
            found.add(start)
            last_end = t.evidence.end
    datelines = {t.evidence.start for t in times if t.evidence is not None and _dateline(text, t, day)}
    if any(
        t.evidence is not None
        and t.evidence.start not in found | datelines
        and _DAY_VALUE.match(t.value or "")
        for t in times
    ):  # the dateline is the page's, unless it is the only day the report gives
        found |= datelines
    return found


_YEAR_WRITTEN = re.compile(r"\b(?:19|20)\d\d\b")
_PREPOSITION_BEFORE = re.compile(r"\b(?:on|at|in|of|since|by|until|till|before|after|from|through)\s+$", re.I)


def _local_day(published: datetime | None) -> date | None:
    if published is None:
        return None
    return published.date() if published.tzinfo is None else published.astimezone(published.tzinfo).date()


def _dateline(text: str, t: TimeSpan, day: date | None) -> bool:
    """The publication day written out with its year and no preposition before it: a dateline."""
    if day is None or not t.value or t.value[:10] != day.isoformat() or len(t.value) != 10:
        return False
    if not _YEAR_WRITTEN.search(t.evidence.text):
        return False
    return not _PREPOSITION_BEFORE.search(text, max(0, t.evidence.start - 12), t.evidence.start)


def is_background_time(ts: TimeSpan, published: datetime | None) -> bool:
    """True when ``ts`` ends clearly before the report's news window ("In April" in a July article,
    "last year", "in 2014"); durations, vague references and undated expressions are never background."""
    if published is None or ts.end is None or ts.start is None or ts.fallback:
        return False
    if published.tzinfo is None:
        published = published.replace(tzinfo=UTC)
    window = timedelta(days=time_lexicon().background_window_days)
    return ts.end < published - window


def governing_time(
    times: list[TimeSpan], sentence_span: Span | tuple[int, int], published: datetime | None,
    anchor: int | None = None,
) -> TimeSpan:
    """The time that dates an event sentence.

    The dated expression in the sentence (nearest to ``anchor``, the event trigger's offset, when given;
    else the most precise, then the first), else the nearest earlier non-background one in previous
    sentences, else the publication day with ``fallback=True`` and date_prec 1 (none at all without a
    publication date)."""
    lo, hi = (sentence_span.start, sentence_span.end) if isinstance(sentence_span, Span) else sentence_span
    dated = [t for t in times if t.evidence is not None and t.start is not None and t.value
             and not t.value.startswith("P")]
    inside = [t for t in dated if lo <= t.evidence.start < hi]
    if inside:
        if anchor is not None:
            return min(inside, key=lambda t: abs(t.evidence.start - anchor))
        return min(inside, key=lambda t: (
            is_background_time(t, published), t.date_prec or 9, t.evidence.start))
    before = [t for t in dated if t.evidence.end <= lo and not is_background_time(t, published)
              and t.value not in ("PRESENT_REF",)]
    if before:
        return max(before, key=lambda t: t.evidence.start)
    if published is None:
        return TimeSpan(fallback=True)
    if published.tzinfo is None:
        published = published.replace(tzinfo=UTC)
    day = published.replace(hour=0, minute=0, second=0, microsecond=0)
    return TimeSpan(
        start=day.astimezone(UTC), end=(day + timedelta(days=1) - timedelta(seconds=1)).astimezone(UTC),
        date_prec=DatePrec.DAY, value=day.date().isoformat(), fallback=True,
    )
