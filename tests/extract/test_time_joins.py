"""Clock times read on their day, parts of a named day, and weekdays the story has dated already."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from warlog.extract.times import find_times
from warlog.ingest.dates import parse_published
from warlog.schema import TimeSpan

WEDNESDAY = "2016-07-20"  # a Wednesday


@pytest.fixture
def times(read_times):
    return lambda text, published=WEDNESDAY: read_times(text, published)


def pairs(found: list[TimeSpan]) -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in found]


# ------------------------------------------------------------------------------------- clock and its day


def test_a_day_right_after_a_clock_is_its_day_across_a_sentence_break(blank):
    words = ["Officers", "came", "at", "11:06", "p.m.", "Sunday", "to", "the", "park", "."]
    starts = [True, False, False, False, False, True, False, False, False, False]
    doc = Doc(blank.vocab, words=words, sent_starts=starts)  # a splitter that ends a sentence at "p.m."
    found = find_times(doc, parse_published(WEDNESDAY))
    assert pairs(found) == [("11:06 p.m. Sunday", "2016-07-17T23:06")]


def test_a_twelve_hour_clock_last_night_is_in_the_evening(times):
    assert pairs(times("A woman was hurt at 9:30 last night near the depot.")) == [
        ("9:30 last night", "2016-07-19T21:30")]


def test_a_small_hours_clock_last_night_stays_in_the_morning(times):
    assert [t.value for t in times("Shots were heard at 2:15 last night.")] == ["2016-07-20T02:15"]


def test_midnight_on_a_named_night_ends_that_day(times):
    ts = times("The car was set alight around midnight Thursday night, police said.", "2016-07-22")
    assert pairs(ts) == [("midnight Thursday night", "2016-07-21T24:00")]
    assert ts[0].start.date().isoformat() == "2016-07-21"


def test_one_in_the_morning_of_a_named_night_is_the_next_day(times):
    found = times("The car was set alight at 1 a.m. Thursday night.", "2016-07-22")
    assert [t.value for t in found] == ["2016-07-22T01:00"]


# ------------------------------------------------------------------------------ a part of a named day


def test_the_morning_of_a_date_is_one_expression_covering_the_morning(times):
    found = times("The clash began on the morning of July 14 near the bridge.")
    assert pairs(found) == [("the morning of July 14", "2016-07-14")]
    assert (found[0].start.hour, found[0].end.hour) == (6, 11)


def test_early_on_the_night_of_a_day_month_date_is_that_night(times):
    found = times("Early on the night of 3 May the post was shelled.")
    assert pairs(found) == [("Early on the night of 3 May", "2016-05-03")]
    assert found[0].start.hour == 22


def test_a_morning_not_tied_to_a_date_is_left_alone(times):
    assert pairs(times("The morning was quiet. On July 14 the post was shelled.")) == [
        ("July 14", "2016-07-14")]


# ---------------------------------------------------------------------------------- weekday told before


def test_a_bare_weekday_takes_the_date_given_with_that_weekday(times):
    text = "A guard was shot Friday, July 8. On Friday, neighbours held a vigil."
    assert pairs(times(text, "2016-07-15")) == [("Friday, July 8", "2016-07-08"), ("Friday", "2016-07-08")]


def test_a_bare_weekday_after_its_own_date_stays(times):
    text = "A guard was shot Tuesday, July 19. Police said Tuesday that he died."
    assert [t.value for t in times(text)] == ["2016-07-19", "2016-07-19"]


def test_another_weekday_is_not_moved(times):
    text = "A guard was shot Friday, July 8. He died on Tuesday."
    assert [t.value for t in times(text, "2016-07-15")] == ["2016-07-08", "2016-07-12"]


def test_two_dates_with_the_weekday_leave_a_bare_one_alone(times):
    text = "Shots on Friday, July 1 and on Friday, July 8. On Friday, a vigil."
    assert [t.value for t in times(text, "2016-07-15")][-1] == "2016-07-15"


def test_twelve_something_in_a_morning_is_after_midnight(times):
    found = times("The alarm went off at 12:17 Saturday morning.", "2016-07-18")
    assert [t.value for t in found] == ["2016-07-16T00:17"]
