"""Time expressions whose reading depends on the words around them: titles, amounts, sets, quarters."""

from __future__ import annotations

import pytest

from warlog.errors import LexiconError
from warlog.extract import timex
from warlog.extract.times import find_times
from warlog.ingest.dates import parse_published
from warlog.schema import TimeSpan

MONDAY = "2022-07-04"  # a Monday


@pytest.fixture
def times(read_times):
    return lambda text, published=MONDAY: read_times(text, published)


@pytest.fixture
def parsed(model):
    """Times of a text read with the statistical model (tags and parse), as in the pipeline."""

    def run(text: str, published: str | None = MONDAY) -> list[TimeSpan]:
        return find_times(model(text), parse_published(published))

    return run


def pairs(found: list[TimeSpan]) -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in found]


# ------------------------------------------------------------------------------------ not a time at all


def test_decimal_before_million_is_an_amount_not_a_clock(times):
    assert times("The firm would issue between 1.8 million and 2.35 million new shares.") == []


def test_decimal_before_percent_is_an_amount_not_a_clock(times):
    assert times("Prices rose between 2.5 and 3.15 percent.") == []


def test_quoted_title_case_show_name_is_not_a_time(times):
    assert times('The minister told ABC\'s "This Week" that the talks would go on.') == []


def test_title_case_after_a_capitalised_name_is_not_a_time(times):
    assert times("The poster showed a scene from the film High Noon in the square.") == []


def test_title_case_time_word_starting_a_sentence_is_kept(times):
    assert pairs(times("Shelling resumed. Today the army said it held the line.")) == [("Today", MONDAY)]


def test_time_words_in_capitals_throughout_are_kept(times):
    assert [t.value for t in times("SHELLING RESUMED OVERNIGHT, THE ARMY SAID TODAY.")] == [
        "2022-07-03TNI", MONDAY]


def test_title_case_headline_keeps_its_time(times):
    found = times("Drone Strikes Hit The Port Tonight\nThe army said the port was hit.")
    assert [t.text for t in found] == ["Tonight"]


def test_quoted_campaign_named_after_a_month_is_not_a_time(times):
    assert times('She led the "March of the Mothers" through the capital.') == []


def test_quoted_campaign_named_after_a_season_is_not_a_time(times):
    assert times('Thousands joined a "Spring of Peace" rally in the capital.') == []


# ------------------------------------------------------------------------------------------------- sets


def test_each_month_is_a_yearly_set(times):
    assert pairs(times("Marchers parade each July through the old town.")) == [("each July", "XXXX-07")]


def test_each_may_the_modal_is_no_month(times):
    assert times("The two sides each may decide later.") == []


def test_plural_weekday_is_a_weekly_set(times):
    assert pairs(times("Flights leave on Tuesdays.")) == [("Tuesdays", "XXXX-WXX-2")]


def test_weekday_nights_are_a_weekly_set_of_nights(times):
    assert pairs(times("The ferry sails on Tuesday nights.")) == [("Tuesday nights", "XXXX-WXX-2TNI")]


# ---------------------------------------------------------------------------------- days, parts, clocks


def test_the_week_of_a_date_is_that_week(times):
    found = times("A court hearing is set for the week of March 6.", "2000-02-24")
    assert pairs(found) == [("the week of March 6", "2000-W10")]


def test_mid_afternoon_yesterday_is_that_part_of_yesterday(times):
    assert pairs(times("Shares were up by mid-afternoon yesterday.")) == [
        ("mid-afternoon yesterday", "2022-07-03TAF")]


def test_mid_afternoon_alone_takes_the_day_last_told(times):
    found = times("Fighting began on Saturday. By mid afternoon the town had fallen.")
    assert [t.value for t in found] == ["2022-07-02", "2022-07-02TAF"]


def test_an_hour_in_the_morning_is_a_clock_time(times):
    assert pairs(times("The convoy left at 4 in the morning.")) == [("4 in the morning", "2022-07-04T04:00")]


def test_an_hour_in_the_evening_is_after_noon(times):
    assert [t.value for t in times("The convoy left at 8 in the evening.")] == ["2022-07-04T20:00"]


def test_a_count_before_in_the_morning_raid_is_no_clock(parsed):
    assert [t.value for t in parsed("Soldiers killed 4 in the morning raid.")] == []


def test_month_closing_this_year_so_far_is_this_years(times):
    found = times("Sales were flat this year through August.", "1989-10-27")
    assert [t.value for t in found if t.text == "August"] == ["1989-08"]


# ------------------------------------------------------------------------------------------- references


def test_then_current_is_a_past_reference(times):
    assert pairs(times("Holders may buy shares at half the then current price.")) == [
        ("then current", "PAST_REF")]


def test_one_day_after_a_modal_is_some_day_to_come(parsed):
    assert [t.value for t in parsed("The city will one day host the talks.")] == ["FUTURE_REF"]


def test_one_day_after_a_preposition_stays_a_duration(parsed):
    assert [t.value for t in parsed("The ceasefire was followed by one day of calm.")] == ["P1D"]


# --------------------------------------------------------------------------------------------- quarters


def test_a_year_ago_after_the_year_ago_quarter_is_the_report_quarter_a_year_back(times):
    found = times("Profit rose in the third quarter. In the year-ago quarter it fell, and a year ago costs "
                  "were higher.", "1989-10-30")
    assert [t.value for t in found] == ["1989-Q3", "1988-Q3", "1988-Q3"]


def test_the_quarter_a_year_ago_is_one_expression(times):
    found = times("For the quarter a year ago, the bank earned less.", "1989-10-26")
    assert pairs(found) == [("the quarter a year ago", "1988-Q3")]


def test_the_corresponding_period_last_year_is_the_quarter_a_year_back(times):
    found = times("The loss compares with a profit for the corresponding period last year.", "1989-11-01")
    assert pairs(found) == [("the corresponding period last year", "1988-Q3")]


def test_last_year_after_a_figure_in_a_quarter_report_is_that_quarter_a_year_back(times):
    found = times("In the third quarter the bank earned $24 million, against a loss of $3 million last year.",
                  "1989-11-02")
    assert [t.value for t in found] == ["1989-Q3", "1988-Q3"]


def test_last_year_without_a_figure_stays_the_year(times):
    found = times("In the third quarter the bank earned $24 million; it was founded last year.", "1989-11-02")
    assert [t.value for t in found] == ["1989-Q3", "1988"]


# --------------------------------------------------------------------------------------------- lexicon


def test_amount_words_written_as_one_string_raise_lexicon_error(monkeypatch):
    raw = {s: {} for s in timex._SECTIONS}
    raw["amount_words"] = "million, billion"
    monkeypatch.setattr(timex, "load_yaml", lambda name: raw)
    with pytest.raises(LexiconError, match="amount_words"):
        timex.time_lexicon.__wrapped__("bad.yaml")


def test_lexicon_lists_the_amount_words():
    assert {"million", "percent"} <= timex.time_lexicon().amount_words
