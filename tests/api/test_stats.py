"""GET /api/stats (counts per day, country, region, type) and GET /api/export (files with media types)."""

from __future__ import annotations

import io
import json

import pyarrow.parquet as pq
import pytest


def test_stats_by_day_has_sorted_iso_days(api):
    body = api.client.get("/api/stats", params={"by": "day"}).json()
    keys = [row["key"] for row in body["rows"]]
    assert body["by"] == "day" and keys == sorted(keys) and keys
    assert all(len(k) == 10 and k[4] == "-" for k in keys)


def test_stats_count_every_incident_once(api):
    total = api.client.get("/api/incidents").json()["total"]
    rows = api.client.get("/api/stats", params={"by": "country"}).json()["rows"]
    assert rows[0]["key"] == "UA" and sum(r["incidents"] for r in rows) == total


def test_stats_follow_the_filters(api):
    rows = api.client.get("/api/stats", params={"by": "admin1", "q": "Lviv"}).json()["rows"]
    assert [r["key"] for r in rows] == ["Lviv Oblast"]


def test_stats_killed_sums_the_conservative_figure(api):
    rows = api.client.get("/api/stats", params={"by": "event_type", "q": "Kharkiv"}).json()["rows"]
    assert rows[0]["killed"] >= 3


def test_unknown_grouping_is_422(api):
    assert api.client.get("/api/stats", params={"by": "week"}).status_code == 422


@pytest.mark.parametrize(
    "fmt, media",
    [
        ("acled-csv", "text/csv"),
        ("geojson", "application/geo+json"),
        ("parquet", "application/vnd.apache.parquet"),
        ("jsonl", "application/x-ndjson"),
    ],
)
def test_export_sends_a_file_with_its_media_type(api, fmt, media):
    reply = api.client.get("/api/export", params={"format": fmt})
    assert reply.status_code == 200
    assert reply.headers["content-type"].startswith(media)
    assert reply.headers["content-disposition"].startswith("attachment; filename=")


def test_export_follows_the_filters(api):
    geo = api.client.get("/api/export", params={"format": "geojson", "q": "Lviv"}).json()
    assert [f["properties"]["location"] for f in geo["features"]] == ["Lviv"]
    lines = api.client.get("/api/export", params={"format": "jsonl", "country": "PL"}).text
    assert lines == ""


def test_export_parquet_and_csv_hold_every_incident(api):
    total = api.client.get("/api/incidents").json()["total"]
    table = pq.read_table(io.BytesIO(api.client.get("/api/export", params={"format": "parquet"}).content))
    assert table.num_rows == total
    csv_text = api.client.get("/api/export").text
    assert csv_text.startswith("event_date,") and len(csv_text.strip().splitlines()) == total + 1
    jsonl = api.client.get("/api/export", params={"format": "jsonl"}).text.splitlines()
    assert {json.loads(line)["id"] for line in jsonl} == {
        i["id"] for i in api.client.get("/api/incidents").json()["items"]
    }


def test_unknown_export_format_is_422(api):
    reply = api.client.get("/api/export", params={"format": "xlsx"})
    assert reply.status_code == 422 and "format" in reply.json()["error"]["message"]
