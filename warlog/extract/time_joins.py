"""Joining time expressions that belong together, and reading clock times on their day.

Why apart from ``warlog.extract.times``: finding an expression is one regex match, but a clock time has no
day of its own ("at 11 p.m."), and a range is written as two expressions ("between 3.00 and 3.30 Moscow
time", "from March to May 2022"). This module takes the candidates in text order with their readings and
gives back what an incident needs: each clock read on the day it belongs to (in its sentence, else the day
last told, else the publication day), a clock and the day right after it as one expression, and "between A
and B" folded into one range whose parts keep their own readings (for TimeML scoring).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

from warlog.extract.timenorm import Anchor, Norm, clock_norm, clock_of, prec_of, zone_of
from warlog.extract.timex import Candidate, TimeLexicon
from warlog.schema import DatePrec

__all__ = ["DAY_VALUE", "join_clocks", "join_dates", "sentence_of"]

_RANGE_OPEN = frozenset({"between", "from"})
RANGE_JOIN = re.compile(r"\s*(?:and|to|until|till|through|-|–)\s*$", re.I)
_GAP = re.compile(r"^[\s,]*(?:(?:on|at|in|of)\s+)?$", re.I)
_DAY_KINDS = frozenset({"date_mdy", "date_dmy", "iso", "numeric", "weekday", "deictic", "holiday"})
_NIGHT_WORDS = frozenset({"tonight", "overnight", "last"})
_SMALL_HOURS_END = 6  # hours before this belong to the morning that ends a night
DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")


def sentence_of(bounds: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for lo, hi in bounds:
        if lo <= pos < hi:
            return lo, hi
    return 0, 0


def join_clocks(
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
                and RANGE_JOIN.match(text[cand.end:items[i + 1][0].start]):
            second = items[i + 1][0]
        day_item = _day_right_after(i, items, text) or _day_for(cand, items, text, sentences)
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


def join_dates(items: list[tuple[Candidate, Norm | None]], text: str) -> list[tuple[Candidate, Norm | None]]:
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
                    and second.end > norm.start and RANGE_JOIN.match(text[cand.end:other.start]):
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


def _day_right_after(i: int, items, text: str) -> tuple[Candidate, Norm] | None:
    """The day written right after clock ``i`` ("11:06 p.m. Sunday"), whatever the sentence splitter
    made of the abbreviation between them: "p.m." often ends a parsed sentence, yet the day is the clock's."""
    if i + 1 >= len(items):
        return None
    other, norm = items[i + 1]
    if other.kind not in _DAY_KINDS or norm is None or not norm.value or not DAY_VALUE.match(norm.value):
        return None
    return (other, norm) if _CLOCK_DAY_GAP.fullmatch(text, items[i][0].end, other.start) else None


def _day_for(cand: Candidate, items, text: str, sentences) -> tuple[Candidate, Norm] | None:
    """The day-level expression a clock time belongs to.

    The nearest one in its sentence ("5 p.m. Friday", "Friday night, police said, at about 11 p.m."); else
    the last one told before it: a story says the day once and gives the hour later ("A man was shot
    Monday night. The shooting happened at 11 p.m."). Only without either is the publication day used."""
    lo, hi = sentence_of(sentences, cand.start)
    best, best_gap, last = None, len(text) + 1, None
    for other, norm in items:
        if other.kind not in _DAY_KINDS or norm is None or not norm.value \
                or not DAY_VALUE.match(norm.value):
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
            hm = _hour_in_part(cand, hm, "TNI")  # "9:30 last night" is 21:30
            day = _night_day(word, hm, anchor)
        elif norm.value and DAY_VALUE.match(norm.value):
            day = date.fromisoformat(norm.value[:10])
            hm = _hour_in_part(cand, hm, norm.value[10:])
            if norm.value.endswith("TNI") and _is_midnight(cand):
                return _day_end(day, zone, iana)  # "midnight Thursday night" ends Thursday
            if norm.value.endswith("TNI") and hm[0] < _SMALL_HOURS_END:
                day += timedelta(days=1)  # "Friday night ... at 1 a.m.": the small hours of Saturday
    if day is None:
        return Norm(None, kind="time")
    return clock_norm(day, hm, zone, iana)


def _is_midnight(cand: Candidate) -> bool:
    return (cand.groups.get("word") or "").lower() == "midnight"


def _day_end(day: date, zone, iana: str | None) -> Norm:
    """Midnight told with a day's night ("midnight Thursday night") is where that day ends: TIMEX3 writes it
    ``T24:00`` of the day named, and its moment is that day's last second, so its day is the one told."""
    moment = datetime.combine(day, time(23, 59, 59), tzinfo=zone)
    return Norm(f"{day.isoformat()}T24:00", moment, moment, DatePrec.DAY, iana, "time")


def _hour_in_part(cand: Candidate, hm: tuple[int, int], part: str) -> tuple[int, int]:
    """A clock time written without a.m./p.m. on the 12-hour clock ("10:30 Monday night", "7.15 on
    Friday evening") is an afternoon or evening hour when the day it belongs to is; twelve-something in a
    morning is just after midnight."""
    g = cand.groups
    if g.get("h2") is not None and hm[0] == 12 and part == "TMO":
        return 0, hm[1]  # "12:17 Saturday morning": a quarter past midnight
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
