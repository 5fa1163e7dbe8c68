"""Normalising time-expression candidates against the publication time: values, UTC bounds and date_prec.

Why calendar arithmetic by hand rather than dateparser: the TIMEX3 value must keep the granularity the text
used ("last week" is ``2022-W26``, not a day), relative words need the tense of their sentence ("Friday" in
"will meet on Friday" is ahead of the report), and the bounds must be whole calendar units in the zone the
text named. dateparser is kept for the one family it reads better than a rule: numeric dates ("04.07.2022").

Bounds: ``start`` is the first instant, ``end`` the last second of the unit (a point in time has
``end == start``); both are aware datetimes in the expression's zone, converted to UTC by the component.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo

from warlog.extract.timex import Candidate, TimeLexicon, time_lexicon
from warlog.schema import DatePrec

_ONE_SECOND = timedelta(seconds=1)


@dataclass
class Norm:
    """A normalised expression before it becomes a ``schema.TimeSpan``."""

    value: str | None
    start: datetime | None = None
    end: datetime | None = None
    prec: int | None = None
    tz: str | None = None
    kind: str = "date"  # date | time | duration | set | ref


@dataclass
class Anchor:
    """The publication time in the document's zone, and whether a clock time was given with it."""

    day: date
    moment: datetime
    zone: tzinfo
    dated_only: bool  # published as a date alone (midnight): the hour of the report is unknown

    @classmethod
    def of(cls, published: datetime) -> Anchor:
        zone = published.tzinfo or UTC
        local = published.astimezone(zone)
        midnight = local.hour == 0 and local.minute == 0 and local.second == 0
        return cls(day=local.date(), moment=local, zone=zone, dated_only=midnight)


# --------------------------------------------------------------------------------------------- calendar


def _at(day: date, zone: tzinfo, hour: float = 0) -> datetime:
    return datetime.combine(day, time(), tzinfo=zone) + timedelta(hours=hour)


def _span(first: date, after: date, zone: tzinfo) -> tuple[datetime, datetime]:
    return _at(first, zone), _at(after, zone) - _ONE_SECOND


def day_norm(day: date, zone: tzinfo) -> Norm:
    return Norm(day.isoformat(), *_span(day, day + timedelta(days=1), zone), prec=DatePrec.DAY)


def month_norm(year: int, month: int, zone: tzinfo) -> Norm:
    nxt = date(year + month // 12, month % 12 + 1, 1)
    return Norm(f"{year:04d}-{month:02d}", *_span(date(year, month, 1), nxt, zone), prec=DatePrec.MONTH)


def year_norm(year: int, zone: tzinfo) -> Norm:
    return Norm(f"{year:04d}", *_span(date(year, 1, 1), date(year + 1, 1, 1), zone), prec=DatePrec.YEAR)


def week_norm(day: date, zone: tzinfo, weekend: bool = False) -> Norm:
    iso = day.isocalendar()
    monday = day - timedelta(days=day.weekday())
    value = f"{iso.year:04d}-W{iso.week:02d}"
    if weekend:
        saturday = monday + timedelta(days=5)
        return Norm(value + "-WE", *_span(saturday, saturday + timedelta(days=2), zone), prec=DatePrec.RANGE)
    return Norm(value, *_span(monday, monday + timedelta(7), zone), prec=DatePrec.WEEK)


def quarter_norm(year: int, quarter: int, zone: tzinfo) -> Norm:
    first = date(year, 3 * quarter - 2, 1)
    after = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
    return Norm(f"{year:04d}-Q{quarter}", *_span(first, after, zone), prec=DatePrec.YEAR)


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def shift(day: date, amount: int, code: str) -> date:
    """``day`` moved by ``amount`` calendar units (D, W, M, Q, Y, DE, CE)."""
    if code == "D":
        return day + timedelta(days=amount)
    if code == "W":
        return day + timedelta(weeks=amount)
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}.get(code, 0) * amount
    return add_months(day, months)


def at_granularity(day: date, code: str, zone: tzinfo) -> Norm:
    """The calendar unit of size ``code`` that contains ``day``."""
    if code == "D":
        return day_norm(day, zone)
    if code == "W":
        return week_norm(day, zone)
    if code == "M":
        return month_norm(day.year, day.month, zone)
    if code == "Q":
        return quarter_norm(day.year, (day.month - 1) // 3 + 1, zone)
    return year_norm(day.year, zone)


def prec_of(start: datetime, end: datetime) -> int:
    """UCDP date_prec of a range by its length."""
    return DatePrec.of_range(start, end)


@lru_cache(maxsize=4096)
def _dateparser(text: str, base: datetime) -> datetime | None:
    """dateparser for numeric dates only (slow: cached, and only reached behind the regex layer)."""
    import dateparser

    return dateparser.parse(
        text, settings={"RELATIVE_BASE": base.replace(tzinfo=None), "PREFER_DAY_OF_MONTH": "first",
                        "DATE_ORDER": "DMY" if "." in text else "MDY"}
    )


# --------------------------------------------------------------------------------------------- numbers


def read_number(text: str | None, lex: TimeLexicon) -> int | None:
    """"3", "two", "twenty-four", "a" -> int; vague words ("several") -> None; absent -> 1."""
    if text is None:
        return 1
    words = re.split(r"[\s-]+", text.lower().strip())
    if words[0].isdigit():
        return int(words[0])
    joined = " ".join(words)
    if joined in lex.numbers:
        return lex.numbers[joined]
    total = 0
    for word in words:
        value = lex.numbers.get(word)
        if value is None:
            return None
        total += value
    return total


def year_of(text: str, lex: TimeLexicon) -> int | None:
    """"1996" or a year read out in words ("nineteen ninety-six", "two thousand and one") -> 1996 / 2001."""
    text = " ".join(text.lower().split())
    if text.isdigit():
        return int(text)
    for word, first in sorted(lex.spoken_centuries.items(), key=lambda kv: -len(kv[0])):
        if text == word:
            return first
        if text.startswith(word) and text[len(word)] in " -":
            rest = text[len(word) + 1:].strip(" -").removeprefix("and ").strip()
            within = read_number(rest, lex)
            return first + within if within is not None and 0 <= within < 100 else None
    return None


def unit_of(text: str, lex: TimeLexicon) -> tuple[str, bool, int]:
    """The TIMEX3 code, whether it is a clock unit, and its factor, for "days", "centuries", "fortnight"."""
    word = text.lower()
    for form in (word, word[:-1], word[:-3] + "y"):
        if form in lex.units:
            entry = lex.units[form]
            return entry["code"], bool(entry.get("clock")), int(entry.get("factor", 1))
    return "D", False, 1


#: Half a unit in the next smaller one, as ISO 8601 writes "2 1/2 years" (P2Y6M) or "5 1/2 hours" (PT5H30M).
_HALF = {("Y", False): "6M", ("D", False): "T12H", ("H", True): "30M", ("M", True): "30S"}


def duration_value(amount: int | None, code: str, clock: bool, half: bool = False) -> str:
    amount_text = "X" if amount is None else str(amount)
    rest = _HALF.get((code, clock), "") if half and amount is not None else ""
    return f"PT{amount_text}{code}{rest}" if clock else f"P{amount_text}{code}{rest}"


def zone_of(name: str | None, lex: TimeLexicon) -> tuple[tzinfo | None, str | None]:
    """The tzinfo and IANA name for a zone as written ("Moscow time"); (None, None) when unknown/local."""
    if not name:
        return None, None
    iana = lex.zones.get(re.sub(r"\s+", " ", name.lower()))
    if not iana:
        return None, None
    return ZoneInfo(iana), iana


def clock_of(cand: Candidate) -> tuple[int, int] | None:
    """(hour, minute) of a clock candidate on the 24-hour clock; None when absurd."""
    g = cand.groups
    word = (g.get("word") or "").lower()
    if word in ("noon", "midday"):
        return 12, 0
    if word == "midnight":
        return 0, 0
    if g.get("hm"):
        hour, minute = int(g["hm"][:2]), int(g["hm"][2:])
    elif g.get("h2") is not None:
        hour, minute = int(g["h2"]), int(g["mi2"])
    else:
        hour, minute = int(g["h"]), int(g.get("mi") or 0)
        ampm = " ".join((g.get("ampm") or "").lower().split())
        if ampm.startswith("in the "):  # "4 in the morning": the half of the clock the part of day lies in
            part = time_lexicon().parts_of_day.get(ampm[7:]) or {"start": 0}
            ampm = "pm" if part["start"] >= 12 else "am"
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
    if hour > 23 or minute > 59:
        return None
    return hour, minute


def clock_norm(day: date, hm: tuple[int, int], zone: tzinfo, iana: str | None) -> Norm:
    moment = datetime.combine(day, time(*hm), tzinfo=zone)
    return Norm(f"{day.isoformat()}T{hm[0]:02d}:{hm[1]:02d}", moment, moment, DatePrec.DAY, iana, "time")


def part_of_day_norm(day: date, word: str, lex: TimeLexicon, zone: tzinfo) -> Norm:
    """"Friday morning" -> ``2022-07-01TMO`` with the hours the lexicon gives the part of day."""
    part = lex.parts_of_day[word.lower()]
    start = _at(day, zone, part["start"])
    end = _at(day, zone, part["end"]) - _ONE_SECOND
    return Norm(f"{day.isoformat()}T{part['code']}", start, end, DatePrec.DAY, None, "time")
