"""The rule layer's readings: one method per family of time expression, all relative to the publication.

Tense decides which way an undated word points: "on Friday" in a past-tense sentence is the Friday before
the report (or the report's own day), in "will meet on Friday" the one after. News reports past events, so
a word with no tense cue reads as past. Words that need an anchor and have none (no publication date) keep
their text and get no value rather than a guessed one.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date, timedelta

from warlog.extract.timenorm import (
    Anchor,
    Norm,
    _dateparser,
    add_months,
    at_granularity,
    day_norm,
    duration_value,
    month_norm,
    part_of_day_norm,
    prec_of,
    quarter_norm,
    read_number,
    shift,
    unit_of,
    week_norm,
    year_norm,
    year_of,
)
from warlog.extract.timex import Candidate, TimeLexicon
from warlog.schema import DatePrec

PAST, FUTURE = "past", "future"
_REL_STEP = {"last": -1, "past": -1, "previous": -1, "this past": -1, "this": 0, "current": 0,
             "next": 1, "coming": 1, "this coming": 1}


def _low(text: str | None) -> str:
    return " ".join((text or "").lower().split())


class Resolver:
    """Reads candidates against one anchor (the publication time in the document's zone)."""

    def __init__(self, anchor: Anchor | None, lex: TimeLexicon) -> None:
        self.anchor = anchor
        self.lex = lex
        self.zone = anchor.zone if anchor else None

    def read(self, cand: Candidate, text: str, tense: str | None) -> Norm | None:
        """The reading of one candidate, or None when it is not a time expression after all."""
        method = getattr(self, "_" + cand.kind, None)
        if method is None:
            return None
        if self.anchor is None and cand.kind not in ("duration", "set", "weekday_set", "reference", "iso",
                                                     "month_year", "year", "decade", "century", "spoken_year",
                                                     "period_ended", "year_quarter", "half"):
            if cand.kind in ("date_mdy", "date_dmy") and cand.groups.get("year"):
                return method(cand.groups, text, tense)
            return Norm(None, kind="date")
        return method(cand.groups, text, tense)

    # ----------------------------------------------------------------------------- absolute dates

    def _pick_year(self, month: int, day: int | None, tense: str | None) -> int:
        """The year of a month (and day) written without one.

        The reading nearest the report, unless the tense contradicts it by more than a week (a month):
        "on Jan. 14" in a report of Jan. 7 is next week; "in April" in a past-tense sentence of a January
        report is last April."""
        a = self.anchor.day
        if day is None:
            first = date(a.year, month, 1)
            here = date(a.year, a.month, 1)
            slack = timedelta(days=0)
        else:
            first = date(a.year, month, min(day, calendar.monthrange(a.year, month)[1]))
            here, slack = a, timedelta(days=45)
        if (first.month, first.day) == (2, 29) or (month, day) == (2, 29):
            first = first.replace(day=28)
        options = [first.replace(year=first.year + k) for k in (-1, 0, 1)]
        best = min(options, key=lambda d: abs(d - here))
        if tense == PAST and best - here > slack:
            best = options[options.index(best) - 1]
        elif tense == FUTURE and here - best > slack and best is not options[-1]:
            best = options[options.index(best) + 1]
        return best.year

    def _month_number(self, word: str) -> int:
        return self.lex.months[word.lower().rstrip(".")]

    def _date_mdy(self, g: dict, text: str, tense: str | None) -> Norm | None:
        month, day = self._month_number(g["mon"]), int(g["day"])
        year = int(g["year"]) if g.get("year") else self._pick_year(month, day, tense)
        try:
            told = date(year, month, day)
        except ValueError:
            return None
        if g.get("pod"):
            # "the morning of July 14": those hours; the value names the day, as TimeBank annotates
            # "the night of Oct. 23", and the day is what dates an incident
            part = part_of_day_norm(told, _low(g["pod"]), self.lex, self.zone)
            return replace(part, value=told.isoformat())
        return day_norm(told, self.zone)

    _date_dmy = _date_mdy

    def _range_dmy(self, g: dict, text: str, tense: str | None) -> Norm | None:
        """"3-5 July": one range from the first day to the last; the value is the first day's."""
        last = self._date_mdy(g, text, tense)
        if last is None:
            return None
        try:
            first = day_norm(date(int(last.value[:4]), int(last.value[5:7]), int(g["d1"])), self.zone)
        except ValueError:
            return None
        first.end = last.end
        first.prec = prec_of(first.start, last.end)
        return first

    _range_mdy = _range_dmy

    def _iso(self, g: dict, text: str, tense: str | None) -> Norm | None:
        try:
            return day_norm(date(int(g["year"]), int(g["mon"]), int(g["day"])), self.zone)
        except ValueError:
            return None

    def _numeric(self, g: dict, text: str, tense: str | None) -> Norm | None:
        if self.anchor is None:
            return None
        parsed = _dateparser(g["num"], self.anchor.moment.replace(microsecond=0))
        return day_norm(parsed.date(), self.zone) if parsed else None

    def _month_year(self, g: dict, text: str, tense: str | None) -> Norm | None:
        year = year_of(g["year"], self.lex)
        return month_norm(year, self._month_number(g["mon"]), self.zone) if year else None

    def _month(self, g: dict, text: str, tense: str | None) -> Norm:
        month = self._month_number(g["mon"])
        a = self.anchor.day
        rel, rel2 = _low(g.get("rel")), _low(g.get("rel2"))
        if rel2:
            year = a.year + {"last year": -1, "this year": 0, "next year": 1}[rel2]
        elif rel in ("last", "this past"):
            year = a.year if month < a.month else a.year - 1
        elif rel in ("next", "this coming"):
            year = a.year if month > a.month else a.year + 1
        elif rel == "this":
            year = a.year
        else:
            year = self._pick_year(month, None, tense)
        return month_norm(year, month, self.zone)

    def _year(self, g: dict, text: str, tense: str | None) -> Norm:
        return year_norm(int(g["year"]), self.zone)

    def _spoken_year(self, g: dict, text: str, tense: str | None) -> Norm | None:
        year = year_of(g.get("year") or g.get("year2") or "", self.lex)
        return year_norm(year, self.zone) if year else None

    def _decade(self, g: dict, text: str, tense: str | None) -> Norm:
        raw = g["dec"]
        if raw[0] == "'":  # "the '90s"
            first = 1900 + int(raw[1:]) if int(raw[1:]) >= 30 else 2000 + int(raw[1:])
        else:
            first = int(raw)
        start, end = year_norm(first, self.zone).start, year_norm(first + 9, self.zone).end
        return Norm(str(first)[:3], start, end, DatePrec.YEAR)

    def _century(self, g: dict, text: str, tense: str | None) -> Norm | None:
        n = int(g["n"])
        if not 1 <= n <= 21:
            return None
        first = (n - 1) * 100
        start, end = year_norm(max(first, 1), self.zone).start, year_norm(first + 99, self.zone).end
        return Norm(f"{n - 1:02d}", start, end, DatePrec.YEAR)

    def _holiday(self, g: dict, text: str, tense: str | None) -> Norm:
        word = _low(g["hol"])
        if word in self.lex.floating_holidays:
            month, weekday, nth = self.lex.floating_holidays[word]
            year = self._pick_year(month, 1 + 7 * (nth - 1), tense)
            first = date(year, month, 1)
            offset = (weekday - first.weekday()) % 7 + 7 * (nth - 1)
            return day_norm(first + timedelta(days=offset), self.zone)
        month, day = self.lex.holidays[word]
        return day_norm(date(self._pick_year(month, day, tense), month, day), self.zone)

    def _season(self, g: dict, text: str, tense: str | None) -> Norm | None:
        word, rel = _low(g["season"]), _low(g.get("rel"))
        if word == "fall" and not (rel in ("last", "this", "next") or g.get("year") or g.get("mod")):
            return None  # "the fall of the city" is not a season
        season = self.lex.seasons[word]
        a = self.anchor.day if self.anchor else None
        if g.get("year"):
            year = year_of(g["year"], self.lex)
            if year is None:
                return None
        elif a is None:
            return Norm(None)
        else:
            year = self._season_year(season["month"], rel, tense)
        last_month = add_months(date(year, season["month"], 1), 2)
        start = month_norm(year, season["month"], self.zone).start
        end = month_norm(last_month.year, last_month.month, self.zone).end
        return Norm(f"{year:04d}-{season['code']}", start, end, DatePrec.YEAR)

    def _season_year(self, first_month: int, rel: str, tense: str | None) -> int:
        """The year a season (named by its first month) starts in, as "last/this/next/the" point to it."""
        a = self.anchor.day
        latest = a.year if a.month >= first_month else a.year - 1  # the occurrence most recently begun
        inside = (a.year * 12 + a.month) - (latest * 12 + first_month) < 3
        upcoming = a.year if a.month < first_month else a.year + 1
        if rel == "last":
            return latest - 1 if inside else latest
        if rel == "next":
            return upcoming
        if rel == "this" and tense == PAST and latest == a.year:  # "began trading this summer" (October)
            return latest
        if rel == "this" or tense == FUTURE:
            return latest if inside else upcoming
        return latest

    # ----------------------------------------------------------------------------- relative dates

    def _weekday_date(self, wd: int, rel: str, tense: str | None) -> date:
        a = self.anchor.day
        back, ahead = (a.weekday() - wd) % 7, (wd - a.weekday()) % 7
        if rel in ("last", "this past"):
            return a - timedelta(days=back or 7)
        if rel in ("next", "this coming"):
            return a + timedelta(days=ahead or 7)
        if tense == FUTURE:
            return a + timedelta(days=ahead)
        return a - timedelta(days=back)

    def _weekday(self, g: dict, text: str, tense: str | None) -> Norm:
        wd = self.lex.weekdays[g["wd"].lower()]
        day = self._weekday_date(wd, _low(g.get("rel")), tense)
        if g.get("pod"):
            return part_of_day_norm(day, g["pod"], self.lex, self.zone)
        return day_norm(day, self.zone)

    def deictic_day(self, word: str) -> date:
        a = self.anchor.day
        offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
                   "the day after tomorrow": 2, "this": 0, "last": -1, "overnight": 0}
        return a + timedelta(days=offsets.get(word, 0))

    def _deictic(self, g: dict, text: str, tense: str | None) -> Norm:
        word, pod = _low(g["word"]), _low(g.get("pod"))
        day = self.deictic_day(word)
        if word == "overnight" or (word == "last" and pod in ("night", "evening")):
            return part_of_day_norm(self.anchor.day - timedelta(days=1), "overnight", self.lex, self.zone)
        if word == "tonight":  # the coming night; clock times in it are placed by the component
            return part_of_day_norm(day, "tonight", self.lex, self.zone)
        if pod:
            return part_of_day_norm(day, pod, self.lex, self.zone)
        return day_norm(day, self.zone)

    def _ago(self, g: dict, text: str, tense: str | None) -> Norm:
        amount = read_number(g["num"], self.lex)
        code, clock, factor = unit_of(g["unit"], self.lex)
        if _low(g["dir"]) in ("later", "before"):
            # "three days later", "30 days before the vote": counted from another event of the story, not
            # from the report, so what the text fixes is the length (TimeML: a DURATION, "P3D")
            return Norm(duration_value(None if amount is None else amount * factor, code, clock),
                        kind="duration")
        backwards = _low(g["dir"]) in ("ago", "earlier", "before")
        if amount is None:
            return Norm("PAST_REF" if backwards else "FUTURE_REF", kind="ref")
        amount *= factor * (-1 if backwards else 1)
        if clock:
            unit = {"H": "hours", "M": "minutes", "S": "seconds"}[code]
            moment = self.anchor.moment + timedelta(**{unit: amount})
            norm = at_granularity(moment.date(), "D", self.zone)
            norm.value = f"{moment.date().isoformat()}T{moment.hour:02d}:{moment.minute:02d}"
            return norm
        target = shift(self.anchor.day, amount, code)
        return at_granularity(target, code if code in ("D", "W", "M", "Q") else "Y", self.zone)

    def _relative(self, g: dict, text: str, tense: str | None) -> Norm | None:
        step = _REL_STEP.get(_low(g["rel"]), 0)
        unit = _low(g["unit"])
        a = self.anchor.day
        if unit in self.lex.seasons:
            return self._season({"season": unit, "rel": g["rel"], "mod": g.get("mod")}, text, tense)
        if unit == "weekend":
            return week_norm(a + timedelta(weeks=step), self.zone, weekend=True)
        if unit == "decade":
            first = a.year // 10 * 10 + 10 * step
            start, end = year_norm(first, self.zone).start, year_norm(first + 9, self.zone).end
            return Norm(str(first)[:3], start, end, DatePrec.YEAR)
        if unit == "century":
            return Norm(f"{a.year // 100 + step:02d}", prec=DatePrec.YEAR)
        code = {"week": "W", "month": "M", "year": "Y"}[unit]
        return at_granularity(shift(a, step, code), code, self.zone)

    def _weekend(self, g: dict, text: str, tense: str | None) -> Norm:
        a, rel = self.anchor.day, _low(g["rel"])
        step = {"last": -1, "next": 1}.get(rel)
        if step is None:  # "the/this weekend": the one just past, unless in it or future tense
            step = 0 if a.weekday() >= 5 or tense == FUTURE else -1
        return week_norm(a + timedelta(weeks=step), self.zone, weekend=True)

    def _quarter(self, g: dict, text: str, tense: str | None) -> Norm | None:
        a = self.anchor.day if self.anchor else None
        ordinal, rel = _low(g.get("ord")), _low(g.get("rel"))
        if not ordinal and not rel and not _low(text).startswith("the"):
            return None
        if g.get("year") and ordinal:
            return quarter_norm(int(g["year"]), self.lex.ordinals[ordinal], self.zone)
        if a is None:
            return Norm(None)
        current = (a.month - 1) // 3 + 1
        # "the corresponding period" of an earnings report is the same one a year before
        year_back = {"year-earlier": 1, "year-ago": 1, "last year's": 1, "corresponding": 1, "comparable": 1,
                     "next year's": -1}.get(rel, 0)
        if g.get("back"):
            year_back = 1
        if ordinal:
            q = self.lex.ordinals[ordinal]
            q = 4 if q == -1 else q
            year = a.year - year_back
            if not year_back and rel != "this year's" and q > current and tense != FUTURE:  # last Q4
                year -= 1
            return quarter_norm(year, q, self.zone)
        if rel == "current":
            return quarter_norm(a.year, current, self.zone)
        prev_year, prev_q = (a.year - 1, 4) if current == 1 else (a.year, current - 1)
        return quarter_norm(prev_year - year_back, prev_q, self.zone)

    def _anaphor(self, g: dict, text: str, tense: str | None) -> Norm:
        return Norm(None)  # "that day": read from the date before it (``refer_back``)

    def refer_back(self, unit: str, previous: str, step: int = 0) -> Norm | None:
        """"that day" / "later that year" read as the day or year of the date last mentioned; with
        ``step=1`` ("the following month") the unit after it."""
        if not re.match(r"\d{4}", previous):
            return None
        year = int(previous[:4])
        if unit == "year":
            return year_norm(year + step, self.zone)
        if unit == "month" and re.match(r"\d{4}-\d\d(?!\d)", previous):
            first = add_months(date(year, int(previous[5:7]), 1), step)
            return month_norm(first.year, first.month, self.zone)
        if unit in ("day", "week") and re.match(r"\d{4}-\d\d-\d\d", previous):
            day = date.fromisoformat(previous[:10]) + timedelta(days=step if unit == "day" else 7 * step)
            return day_norm(day, self.zone) if unit == "day" else week_norm(day, self.zone)
        return None

    def _year_earlier(self, g: dict, text: str, tense: str | None) -> Norm:
        return year_norm(self.anchor.day.year - 1, self.zone)

    def quarter_in(self, year: int, value: str) -> Norm:
        """The quarter of ``value`` ("1989-Q3") in another ``year``."""
        return quarter_norm(year, int(value[-1]), self.zone)

    def year_of(self, year: int) -> Norm:
        return year_norm(year, self.zone)

    def quarter_year_before(self, value: str) -> Norm:
        return quarter_norm(int(value[:4]) - 1, int(value[-1]), self.zone)

    # ----------------------------------------------------------------------------- durations, sets, refs

    def _duration(self, g: dict, text: str, tense: str | None) -> Norm | None:
        det = _low(g.get("det")).removeprefix("the ").strip()
        unit = _low(g["unit"])
        if self.anchor is not None and g.get("num") is None and unit in ("year", "decade") \
                and det in ("past", "last", "previous"):
            # "over the past year": TimeML reads a single coarse unit as the calendar year (decade) before
            return self._relative({"rel": "last", "unit": unit}, text, tense)
        amount = read_number(g.get("num"), self.lex)
        code, clock, factor = unit_of(g["unit"], self.lex)
        if g.get("num") is None and g["unit"].lower().endswith("s"):
            amount = None  # "the coming weeks": an unknown number of them
        if amount is not None:
            amount *= factor
            if amount > 1000:
                return None
        half = bool(re.search(r"1/2|½", g.get("num") or ""))  # "2 1/2 years"
        norm = Norm(duration_value(amount, code, clock, half), kind="duration")
        if self.anchor is not None and amount is not None and det:
            moment = self.anchor.moment
            delta = timedelta(hours=amount) if code == "H" and clock else None
            if det in ("past", "last", "previous", "latest", "final"):
                start = moment - delta if delta else datetime_shift(moment, -amount, code)
                norm.start, norm.end = start, moment
            elif det in ("next", "coming", "following"):
                end = moment + delta if delta else datetime_shift(moment, amount, code)
                norm.start, norm.end = moment, end
            if norm.start is not None:
                norm.prec = prec_of(norm.start, norm.end)
        return norm

    def _half(self, g: dict, text: str, tense: str | None) -> Norm:
        """"the last half of 1989" (1989-H2), "the first two quarters of 1990" (1990-H1)."""
        year = int(g["year"])
        second = _low(g.get("ord") or g.get("qord")) in ("second", "last", "latter")
        start = month_norm(year, 7 if second else 1, self.zone).start
        end = month_norm(year, 12 if second else 6, self.zone).end
        return Norm(f"{year:04d}-H{2 if second else 1}", start, end, DatePrec.YEAR)

    def _year_quarter(self, g: dict, text: str, tense: str | None) -> Norm:
        """"the 1988 third quarter"; "the 1988 period" is read by ``refer_back`` as the quarter discussed."""
        if g.get("ord"):
            return quarter_norm(int(g["year"]), self.lex.ordinals[_low(g["ord"])], self.zone)
        return Norm(None)

    def _this_year(self, g: dict, text: str, tense: str | None) -> Norm:
        """"the end of the year", "earlier in the year": the report's own year, at year precision."""
        return year_norm(self.anchor.day.year, self.zone)

    def _period_ended(self, g: dict, text: str, tense: str | None) -> Norm:
        """"the year ended March 31": an accounting period, a duration; its last day is read on its own."""
        code, clock, factor = unit_of(g["unit"], self.lex)
        return Norm(duration_value(factor, code, clock), kind="duration")

    def _set(self, g: dict, text: str, tense: str | None) -> Norm | None:
        word = _low(g["word"])
        if word in self.lex.sets:
            return Norm(self.lex.sets[word], kind="set")
        head = word.split(" ", 1)[1].rstrip("s")
        if head in self.lex.weekdays:
            return Norm(f"XXXX-WXX-{self.lex.weekdays[head] + 1}", kind="set")
        if head in self.lex.parts_of_day:
            return Norm(f"XXXX-XX-XXT{self.lex.parts_of_day[head]['code']}", kind="set")
        if head in self.lex.seasons:
            return Norm(f"XXXX-{self.lex.seasons[head]['code']}", kind="set")
        if head in self.lex.months:  # "each July": that month of every year ("each may" is no month)
            if not g["word"].split()[-1][:1].isupper():
                return None
            return Norm(f"XXXX-{self.lex.months[head]:02d}", kind="set")
        code, clock, factor = unit_of(head, self.lex)
        return Norm(duration_value(factor, code, clock), kind="set")

    def _weekday_set(self, g: dict, text: str, tense: str | None) -> Norm:
        """"on Tuesdays", "Tuesday nights": every such weekday (and part of it)."""
        value = f"XXXX-WXX-{self.lex.weekdays[g['wd'].lower()] + 1}"
        if g.get("pod"):
            value += "T" + self.lex.parts_of_day[_low(g["pod"])]["code"]
        return Norm(value, kind="set")

    def _part_of_day(self, g: dict, text: str, tense: str | None) -> Norm:
        """"mid-afternoon yesterday" on its day; a bare "by mid-afternoon" on the publication day here,
        which the component replaces by the day the story was last on (``part_of_day_on``)."""
        day = self.deictic_day(_low(g.get("word")) or "today")
        return part_of_day_norm(day, _low(g["pod"]), self.lex, self.zone)

    def part_of_day_on(self, g: dict, previous: str) -> Norm:
        """A part of day without its own day ("by mid-afternoon") on the day last told (``previous``, a
        TIMEX3 value starting with a day): a story gives the day once and the hours after it."""
        return part_of_day_norm(date.fromisoformat(previous[:10]), _low(g["pod"]), self.lex, self.zone)

    def _reference(self, g: dict, text: str, tense: str | None) -> Norm:
        value = self.lex.references[_low(g["word"])]
        if value == "PRESENT_REF" and self.anchor is not None:
            norm = day_norm(self.anchor.day, self.zone)
            norm.value = value
            norm.kind = "ref"
            return norm
        return Norm(value, kind="ref")


def datetime_shift(moment, amount: int, code: str):
    """A datetime moved by calendar units, keeping its clock time and zone."""
    moved = shift(moment.date(), amount, code)
    return moment.replace(year=moved.year, month=moved.month, day=moved.day)
