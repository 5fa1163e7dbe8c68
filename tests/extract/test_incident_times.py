"""Which time dates an incident: the assembler's time choice, fed with time expressions written by hand.

Kept apart from test_incidents.py (places, grouping, claims) because it tests the rules that pick an
incident's date from ``doc._.times``: speech and page-stamp times excluded, vague times skipped, the lead's
time for a headline, and the fallback when nothing is said."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.extract.test_incidents import PUBLISHED, build, event, place, span
from warlog.extract.incidents import IncidentAssembler
from warlog.schema import TimeSpan


@pytest.fixture(scope="module")
def assembler(model):
    return IncidentAssembler(model, "warlog_incidents")


def day(text: str, phrase: str, value: str, prec: int = 1) -> TimeSpan:
    start = datetime.fromisoformat(value[:10]).replace(tzinfo=UTC)
    return TimeSpan(start=start, end=start.replace(hour=23, minute=59), text=phrase, date_prec=prec,
                    value=value, evidence=span(text, phrase))


@pytest.fixture
def shelling(model, assembler):
    """The one report of a shelling of Belgorod told in ``text``, with the given time expressions."""

    def run(text: str, times: list[TimeSpan]):
        doc = build(model, text, events=[event(text, "Shelling", "Shelling/artillery/missile attack")],
                    places=[place(text, "Belgorod", 1)], times=times)
        (report,) = assembler.match(doc)
        return report

    return run


def test_headline_incident_takes_the_time_told_in_the_lead(shelling):
    text = "Shelling hits Belgorod. Two houses burned on Saturday night, the governor said."
    report = shelling(text, [day(text, "Saturday night", "2022-07-02TNI")])
    assert (report.time.value, report.time.fallback) == ("2022-07-02", False)


def test_now_does_not_date_an_incident(shelling):
    text = "Shelling hit Belgorod, and the town is now quiet."
    now = TimeSpan(start=PUBLISHED, end=PUBLISHED, text="now", value="PRESENT_REF",
                   evidence=span(text, "now"))
    assert shelling(text, [now]).time.fallback is True


def test_a_page_stamp_does_not_date_an_incident(shelling):
    text = "Posted: July 4, 2022\n\nShelling hit Belgorod."
    report = shelling(text, [day(text, "July 4, 2022", "2022-07-04")])
    assert report.time.fallback is True


def test_the_year_of_publication_gives_way_to_a_day_told_later(shelling):
    text = "Shelling hit Belgorod in 2022. It began on Saturday, the governor said."
    year = TimeSpan(start=datetime(2022, 1, 1, tzinfo=UTC), end=datetime(2022, 12, 31, 23, tzinfo=UTC),
                    text="2022", date_prec=5, value="2022", evidence=span(text, "2022"))
    report = shelling(text, [year, day(text, "Saturday", "2022-07-02")])
    assert report.time.value == "2022-07-02"


def test_a_clock_time_dates_the_event_before_overnight(shelling):
    text = "Shelling hit Belgorod overnight, at 1 a.m. local time."
    clock = TimeSpan(start=datetime(2022, 7, 4, 1, tzinfo=UTC), end=datetime(2022, 7, 4, 1, tzinfo=UTC),
                     text="1 a.m. local time", date_prec=1, value="2022-07-04T01:00",
                     evidence=span(text, "1 a.m. local time"))
    report = shelling(text, [day(text, "overnight", "2022-07-03TNI"), clock])
    assert report.time.value == "2022-07-04T01:00"


def test_no_time_at_all_reads_as_the_day_before_publication(shelling):
    report = shelling("Shelling hit Belgorod.", [])
    assert (report.time.value, report.time.fallback, report.time.date_prec) == ("2022-07-03", True, 2)


def test_a_clock_time_within_the_night_names_its_calendar_day(shelling):
    text = "Shelling hit Belgorod overnight. The first shell landed at 2:30 a.m., the governor said."
    night = TimeSpan(start=datetime(2022, 7, 3, 18, tzinfo=UTC), end=datetime(2022, 7, 4, 5, 59, tzinfo=UTC),
                     text="overnight", date_prec=1, value="2022-07-03TNI", evidence=span(text, "overnight"))
    at = datetime(2022, 7, 4, 2, 30, tzinfo=UTC)
    clock = TimeSpan(start=at, end=at, text="2:30 a.m.", date_prec=1, value="2022-07-04T02:30",
                     evidence=span(text, "2:30 a.m."))
    time = shelling(text, [night, clock]).time
    assert time.value == "2022-07-04"
    assert (time.start, time.end) == (datetime(2022, 7, 4, tzinfo=UTC), night.end)  # the night on that day


def test_this_week_gives_way_to_a_day_told_later(shelling):
    text = "Shelling hit Belgorod this week. It began on Saturday, the governor said."
    week = TimeSpan(start=datetime(2022, 7, 4, tzinfo=UTC), end=datetime(2022, 7, 10, 23, tzinfo=UTC),
                    text="this week", date_prec=3, value="2022-W27", evidence=span(text, "this week"))
    assert shelling(text, [week, day(text, "Saturday", "2022-07-02")]).time.value == "2022-07-02"


def test_a_clock_time_of_another_incident_does_not_date_the_night(model, assembler):
    text = "Shelling hit Belgorod overnight. Drones struck Kursk at 2:30 a.m., the ministry said."
    night = TimeSpan(start=datetime(2022, 7, 3, 18, tzinfo=UTC), end=datetime(2022, 7, 4, 5, 59, tzinfo=UTC),
                     text="overnight", date_prec=1, value="2022-07-03TNI", evidence=span(text, "overnight"))
    at = datetime(2022, 7, 4, 2, 30, tzinfo=UTC)
    clock = TimeSpan(start=at, end=at, text="2:30 a.m.", date_prec=1, value="2022-07-04T02:30",
                     evidence=span(text, "2:30 a.m."))
    doc = build(model, text, events=[event(text, "Shelling", "Shelling/artillery/missile attack"),
                                     event(text, "struck", "Air/drone strike")],
                places=[place(text, "Belgorod", 1), place(text, "Kursk", 2)], times=[night, clock])
    belgorod = next(r for r in assembler.match(doc) if r.place.name == "Belgorod")
    assert belgorod.time.value == "2022-07-03TNI"


def test_times_keep_the_publication_offset_so_the_local_day_survives():
    import warlog

    text = ("On Monday, Russian forces shelled Kharkiv, killing two people. "
            "Later, drones struck a market in Kyiv, killing four people.")
    result = warlog.extract(text, published="2022-10-18T09:00:00+03:00")
    assert [i.place.name for i in result.incidents] == ["Kharkiv", "Kyiv"]
    for incident in result.incidents:  # the second one's time is carried from the first sentence
        assert incident.time.tz == "+03:00"
        assert incident.time.start.isoformat() == "2022-10-16T21:00:00+00:00"
        assert incident.time.local_date().isoformat() == "2022-10-17"


def test_zone_label_names_zones_and_offsets_but_not_utc():
    from datetime import UTC, datetime, timedelta, timezone
    from zoneinfo import ZoneInfo

    from warlog.extract.times import zone_label

    assert zone_label(datetime(2022, 1, 1, tzinfo=ZoneInfo("Europe/Kyiv"))) == "Europe/Kyiv"
    assert zone_label(datetime(2022, 1, 1, tzinfo=timezone(timedelta(hours=-5, minutes=-30)))) == "-05:30"
    assert zone_label(datetime(2022, 1, 1, tzinfo=UTC)) is None
