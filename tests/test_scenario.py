"""The motivating report of issue 2, end to end through the full pipeline.

The text is samples/border_city_strike.txt (written for warlog, not copied from any outlet): an accusation
of a missile strike with cluster munitions on a border city, a governor's casualty figure, an interception
claim, a drone strike at a second city at a stated Moscow time, an unverifiable video, a no-comment, a
claim of responsibility near a third city, and two back-references to April.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

import warlog

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "border_city_strike.txt"


@pytest.fixture(scope="module")
def result() -> warlog.Extraction:
    return warlog.extract(SAMPLE.read_text(encoding="utf-8"), published="2022-07-04", source="Sample Wire")


def by_place(result: warlog.Extraction, name: str, background: bool = False) -> warlog.Report:
    found = [r for r in result.incidents if r.place and r.place.name == name and r.background == background]
    assert len(found) == 1, [(r.place and r.place.name, r.background) for r in result.incidents]
    return found[0]


def test_current_incident_at_the_border_city(result):
    main = by_place(result, "Belgorod")
    assert main.event_type == "Explosions/Remote violence"
    assert main.sub_event_type == "Shelling/artillery/missile attack"
    assert main.place.country == "RU"
    assert main.place.where_prec == 1
    assert abs(main.place.lat - 50.6) < 0.3 and abs(main.place.lon - 36.6) < 0.3
    assert main.killed.low == 3
    names = {w.name for w in main.weapons}
    assert "OTR-21 Tochka" in names
    assert any("cluster" in n.lower() for n in names)


def test_current_incident_time_is_the_night_before_publication_in_utc(result):
    time = by_place(result, "Belgorod").time
    assert time.date_prec == 1
    assert time.start.utcoffset().total_seconds() == 0
    assert datetime(2022, 7, 3, 12, tzinfo=UTC) <= time.start < datetime(2022, 7, 4, tzinfo=UTC)
    assert datetime(2022, 7, 4, tzinfo=UTC) <= time.end <= datetime(2022, 7, 4, 12, tzinfo=UTC)
    assert not time.fallback


def test_claims_on_the_current_incident(result):
    claims = by_place(result, "Belgorod").claims
    stances = [c.stance for c in claims]
    accusations = [c for c in claims if c.stance == "accusation"]
    assert accusations, stances
    assert any(c.claimant.side == "RU" and "defen" in (c.claimant.entity or "").lower() for c in accusations)
    governor = [c for c in claims if "Gladkov" in (c.claimant.entity or c.claimant.name)]
    assert governor and governor[0].claimant.side == "RU"
    assert governor[0].stance in ("accusation", "casualty_report")
    assert "interception" in stances
    no_comment = [c for c in claims if c.stance == "no_comment"]
    assert no_comment and no_comment[0].claimant.side == "UA"
    for claim in claims:
        assert claim.cue is not None and claim.cue.text == SAMPLE.read_text()[claim.cue.start : claim.cue.end]


def test_reporter_caveat_keeps_the_incident_unconfirmed(result):
    main = by_place(result, "Belgorod")
    assert main.grading in ("Contested", "Weak")
    assert any(c.caveats for c in main.claims)
    assert any("verified" in reason for reason in main.grading_reasons)


def test_drone_strike_at_the_second_city_at_moscow_time(result):
    kursk = by_place(result, "Kursk")
    assert kursk.sub_event_type == "Air/drone strike"
    assert kursk.time.tz == "Europe/Moscow"
    assert kursk.time.start == datetime(2022, 7, 4, 0, 0, tzinfo=UTC)
    assert kursk.time.end == datetime(2022, 7, 4, 0, 30, tzinfo=UTC)


def test_responsibility_for_the_strike_near_the_third_city(result):
    base = by_place(result, "Valuyki")
    assert base.place.where_prec == 2
    responsibility = [c for c in base.claims if c.stance == "responsibility"]
    assert responsibility and responsibility[0].claimant.side == "UA"
    assert all(c.stance != "responsibility" for c in by_place(result, "Belgorod").claims)


def test_april_incidents_are_background_and_not_merged(result):
    depot = by_place(result, "Belgorod", background=True)
    station = by_place(result, "Kramatorsk", background=True)
    assert depot.time.date_prec == 4 and station.time.date_prec == 4
    assert depot.time.start.month == 4 and station.time.start.month == 4
    assert station.killed.low == 59 and station.injured.low == 110
    assert by_place(result, "Belgorod").killed.low == 3


def test_every_evidence_span_points_at_its_text(result):
    text = result.document.text
    for report in result.incidents:
        spans = list(report.evidence)
        if report.place and report.place.evidence:
            spans.append(report.place.evidence)
        for claim in report.claims:
            spans.extend(claim.evidence)
        for span in spans:
            assert text[span.start : span.end] == span.text
