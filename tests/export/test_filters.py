from __future__ import annotations

from datetime import UTC, datetime

import pytest

from warlog.errors import ExportError
from warlog.export.filters import build_query


def test_dates_countries_and_gradings_are_normalised():
    q = build_query(start="2022-07-01", end="2022-07-31", countries=["ua"], gradings=["fair"])
    assert q.start == datetime(2022, 7, 1, tzinfo=UTC)
    assert q.end.date().isoformat() == "2022-07-31" and q.end.hour == 23
    assert (q.countries, q.gradings) == (["UA"], ["Fair"])


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"start": "July 1st"}, "ISO 8601"),
        ({"bbox": "1,2,3"}, "min_lon,min_lat,max_lon,max_lat"),
        ({"bbox": "40,50,30,45"}, "minimums come first"),
        ({"event_types": ["Shelling"]}, "unknown event type"),
        ({"gradings": ["Strong"]}, "unknown grading"),
        ({"countries": ["Ukraine"]}, "ISO 3166-1"),
    ],
)
def test_bad_filters_say_how_to_write_them(kwargs, message):
    with pytest.raises(ExportError, match=message):
        build_query(**kwargs)
