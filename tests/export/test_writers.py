from __future__ import annotations

import csv
import json

import pyarrow.parquet as pq
import pytest

from tests.resolve.items import item
from warlog.errors import ExportError
from warlog.export import write_incidents
from warlog.export.rows import ACLED_COLUMNS, geo_precision, incident_row, time_precision
from warlog.resolve.merge import consensus
from warlog.schema import Count


def _incidents():
    located = consensus(
        "inc-a",
        [
            item("shelling", killed=Count(low=3, high=5), source="a"),
            item("shelling", killed=Count(best=4), source="b"),
        ],
    )
    unlocated = consensus("inc-b", [item("protest", lat=None, event_type="Protests", day=9)])
    return [located, unlocated]


def test_acled_csv_has_acled_columns_first_and_conservative_fatalities(tmp_path):
    out = tmp_path / "x.csv"
    write_incidents(_incidents(), "acled-csv", out)
    with open(out, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0])[: len(ACLED_COLUMNS)] == list(ACLED_COLUMNS)
    assert (rows[0]["event_date"], rows[0]["fatalities"], rows[0]["killed_high"]) == ("2022-07-04", "3", "5")
    assert rows[0]["source"] == "a; b"
    assert rows[1]["latitude"] == ""


def test_geojson_points_and_null_geometry_without_coordinates(tmp_path):
    out = tmp_path / "x.geojson"
    write_incidents(_incidents(), "geojson", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    assert data["features"][0]["geometry"] == {"type": "Point", "coordinates": [36.2, 50.0]}
    assert data["features"][1]["geometry"] is None


def test_parquet_has_typed_columns(tmp_path):
    out = tmp_path / "x.parquet"
    write_incidents(_incidents(), "parquet", out)
    table = pq.read_table(out)
    assert table.num_rows == 2
    assert str(table.schema.field("fatalities").type) == "int64"
    assert str(table.schema.field("latitude").type) == "double"


def test_empty_parquet_still_has_the_schema(tmp_path):
    out = tmp_path / "x.parquet"
    write_incidents([], "parquet", out)
    assert "event_date" in pq.read_table(out).schema.names


def test_jsonl_round_trips_the_full_incident(tmp_path):
    out = tmp_path / "x.jsonl"
    incidents = _incidents()
    write_incidents(incidents, "jsonl", out)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[0])["report_ids"] == incidents[0].report_ids


def test_unknown_format_and_missing_folder_are_export_errors(tmp_path):
    with pytest.raises(ExportError, match="unknown format"):
        write_incidents([], "xlsx", tmp_path / "x.xlsx")
    with pytest.raises(ExportError, match="folder does not exist"):
        write_incidents([], "jsonl", tmp_path / "no" / "x.jsonl")


def test_precision_codes_map_ucdp_to_acled():
    assert [geo_precision(p) for p in (1, 2, 3, 4, 6, None)] == [1, 2, 2, 3, 3, None]
    assert [time_precision(p) for p in (1, 2, 3, 4, 5)] == [1, 2, 2, 3, 3]


def test_actor1_is_the_perpetrator():
    from warlog.schema import Actor

    inc = _incidents()[0]
    inc.actors = [Actor(name="civilians", role="target"), Actor(name="Army", role="perpetrator")]
    row = incident_row(inc)
    assert (row["actor1"], row["actor2"]) == ("Army", "civilians")


def test_without_roles_actor2_is_the_first_party_of_another_side():
    from warlog.schema import Actor

    inc = _incidents()[0]
    inc.actors = [
        Actor(name="Ukraine's air force", entity="Military Forces of Ukraine", side="UA"),
        Actor(name="Ukrainian officials", entity="Government of Ukraine", side="UA"),
        Actor(name="Russian officials", entity="Government of Russia", side="RU"),
    ]
    row = incident_row(inc)
    assert (row["actor1"], row["actor2"]) == ("Military Forces of Ukraine", "Government of Russia")


def test_unique_actors_keeps_the_stated_role():
    from warlog.schema import Actor, unique_actors

    merged = unique_actors(
        [Actor(name="Russian forces", entity="RU army"), Actor(name="Russian troops", entity="RU army",
                                                                  role="perpetrator")]
    )
    assert [(a.name, a.role) for a in merged] == [("Russian forces", "perpetrator")]


@pytest.mark.parametrize(
    ("start", "tz", "value", "day"),
    [
        ("2022-10-16T21:00:00+00:00", "Europe/Kyiv", None, "2022-10-17"),  # early Monday in Kyiv
        ("2022-10-16T21:00:00+00:00", "+03:00", None, "2022-10-17"),  # the publication's offset
        ("2023-03-08T18:00:00+00:00", None, "2023-03-08TNI", "2023-03-08"),  # a night, by its TIMEX day
        ("2022-07-04T00:30:00+00:00", None, None, "2022-07-04"),
    ],
)
def test_event_date_is_the_local_day(start, tz, value, day):
    from datetime import datetime

    from warlog.schema import TimeSpan

    span = TimeSpan(start=datetime.fromisoformat(start), tz=tz, value=value)
    assert span.local_date().isoformat() == day
    assert incident_row(_incidents()[0].model_copy(update={"time": span}))["event_date"] == day


def test_unreadable_zone_is_no_zone():
    from warlog.schema import zone_of

    assert zone_of("Mars/Olympus") is None
    assert zone_of("UTC-05:30").utcoffset(None).total_seconds() == -(5 * 3600 + 30 * 60)
