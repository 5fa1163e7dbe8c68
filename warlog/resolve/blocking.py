"""Blocking: which incidents a report is even compared with (time window × place cell).

Why: scoring every report against every incident is quadratic; 1M reports must merge in minutes. An
incident is indexed under (day, place cell) for every day its reports cover and every cell they fall in;
a report looks up the days of its own time range (± ``slack_days``) in its cell and the 8 cells around it.
Reports are also indexed and looked up under their publication day (± the fallback slack): news of one
incident is published together even when the stated times disagree or were misread. Event family is
checked by the scorer (a feature), which costs nothing and avoids a third key. Text keys (a report's
rarest terms, see ``TEXT_KEYS``) add candidates that neither time nor place would: follow-up news weeks
later, and reports whose date or town extraction misread.

Place cells, from precise to coarse:

- ``g:<row>:<col>``: a 0.5° grid cell (≈ 55 km), for places with coordinates at admin2 precision or better
  (admin2 is approximated by the grid: raion centroids fall in one cell, and the 3×3 look-up covers edges);
- ``a:<country>:<admin1>:<admin2>`` for admin names without coordinates;
- ``C:<country>``: every incident of a country; only reports that know nothing finer look here;
- ``*``: every incident; only reports that know no place at all look here.

A report's time is its stated range, or its publication day when it states none (news reports yesterday's
events, hence the slack; a publication date says little about the event day, hence the wider slack then).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime

from warlog.resolve.items import ReportItem
from warlog.resolve.scoring import time_range

CELL_DEG = 0.5
MAX_INDEX_DAYS = 40  # a month-precision report covers a month; longer ranges are indexed by their start
#: Text keys: a report is also indexed under its TEXT_KEYS heaviest TF-IDF terms (rare words and names:
#: a victim's or street's name), and looks up the TEXT_RECENT latest incidents of each. Why: follow-up
#: news (an arrest, a trial) comes weeks later, and a misread date or mis-geocoded town puts a report in
#: the wrong (day, cell); a shared rare name is a place- and time-free key. Reports arrive in time order,
#: so the latest incidents of a term are the ones a report most likely continues; the cap bounds the cost.
TEXT_KEYS = 3
TEXT_RECENT = 12
#: A text key must be selective: a term in more documents than this (a city's name, a word of the
#: template) no longer points at one incident, and at scale it would only add comparisons.
TEXT_MAX_DF = 30


def days(start: datetime | None, end: datetime | None, slack: int = 0) -> range:
    if start is None:
        return range(0, 1)  # day 0: "no time known", its own bucket
    first = start.toordinal() - slack
    last = (end or start).toordinal() + slack
    return range(first, min(last, first + MAX_INDEX_DAYS) + 1)


def cells(item: ReportItem) -> tuple[list[str], list[str]]:
    """(keys to index the report's incident under, keys to look the report up in)."""
    place = item.report.place
    country = place.country if place is not None else None
    if place is not None and place.lat is not None and place.lon is not None and (place.where_prec or 1) <= 3:
        row, col = math.floor(place.lat / CELL_DEG), math.floor(place.lon / CELL_DEG)
        own = f"g:{row}:{col}"
        near = [f"g:{row + dr}:{col + dc}" for dr in (-1, 0, 1) for dc in (-1, 0, 1)]
        index = [own, "*"] + ([f"C:{country}"] if country else [])
        return index, near + (["c:" + country] if country else []) + ["?"]
    if place is not None and place.admin2 and country:
        own = f"a:{country}:{place.admin1 or ''}:{place.admin2}"
        return [own, f"C:{country}", "*"], [own, f"c:{country}", "?"]
    if country:
        return [f"c:{country}", f"C:{country}", "*"], [f"C:{country}", "?"]
    return ["?", "*"], ["*"]


class BlockIndex:
    """(day, cell) → incident numbers. Append-only; cheap to grow one report at a time."""

    def __init__(
        self, slack_days: int = 1, fallback_slack_days: int = 10, df: Mapping[str, int] | None = None
    ) -> None:
        """``df``: document frequencies of terms (the resolver's vectorizer), to keep text keys selective."""
        self.df = df if df is not None else {}
        self.slack = slack_days
        self.fallback_slack = fallback_slack_days
        self._index: dict[tuple[int, str], list[int]] = defaultdict(list)
        self._terms: dict[str, list[int]] = defaultdict(list)

    def add(self, item: ReportItem, incident: int) -> None:
        start, end, _ = time_range(item)
        index_keys, _ = cells(item)
        for day in _with_published(days(start, end), item):
            for key in index_keys:
                bucket = self._index[(day, key)]
                if not bucket or bucket[-1] != incident:
                    bucket.append(incident)
        for term in _top_terms(item, self.df):
            bucket = self._terms[term]
            if incident not in bucket[-TEXT_RECENT:]:
                bucket.append(incident)

    def candidates(self, item: ReportItem) -> Iterator[int]:
        """Distinct incident numbers that share a day and a cell with the report."""
        start, end, prec = time_range(item)
        _, lookup = cells(item)
        seen: set[int] = set()
        index = self._index
        span = days(start, end, self.slack if prec is not None else self.fallback_slack)
        for day in _with_published(span, item, self.fallback_slack):
            for key in lookup:
                for number in index.get((day, key), ()):
                    if number not in seen:
                        seen.add(number)
                        yield number
        terms = self._terms
        for term in _top_terms(item, self.df):
            for number in terms.get(term, ())[-TEXT_RECENT:]:
                if number not in seen:
                    seen.add(number)
                    yield number


def _top_terms(item: ReportItem, df: Mapping[str, int]) -> list[str]:
    """The heaviest selective terms of the report's TF-IDF vector (stored heaviest first)."""
    out = []
    for term in item.vector:
        if len(out) == TEXT_KEYS:
            break
        if df.get(term, 0) <= TEXT_MAX_DF:
            out.append(term)
    return out


def _with_published(span: range, item: ReportItem, slack: int = 0) -> Iterable[int]:
    """The days of the stated time plus the publication day(s): reports of one incident are published
    together even when their stated times disagree (or were misread)."""
    if item.published is None:
        return span
    day = item.published.toordinal()
    extra = [d for d in range(day - slack, day + slack + 1) if d not in span]
    return [*span, *extra] if extra else span
