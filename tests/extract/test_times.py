"""Time expressions: each phrase family read against the publication date, plus the incident helpers."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from warlog.errors import LexiconError
from warlog.extract import timex
from warlog.extract.times import find_times, governing_time, is_background_time, page_stamps
from warlog.ingest.dates import parse_published
from warlog.schema import Span, TimeSpan

MONDAY = "2022-07-04"  # a Monday


@pytest.fixture
def times(read_times):
    return lambda text, published=MONDAY: read_times(text, published)


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def only(found: list[TimeSpan]) -> TimeSpan:
    assert len(found) == 1, [t.text for t in found]
    return found[0]


# ------------------------------------------------------------------------------------------ absolute dates


def test_month_day_year_is_one_day(times):
    ts = only(times("The strike came on Oct. 23, 2021, officials said."))
    assert (ts.value, ts.date_prec, ts.text) == ("2021-10-23", 1, "Oct. 23, 2021")
    assert ts.start == utc("2021-10-23T00:00") and ts.end == utc("2021-10-23T23:59:59")


def test_day_month_year_order_is_read(times):
    assert only(times("Russia invaded on 24 February 2022.")).value == "2022-02-24"


def test_date_without_year_takes_the_nearest_year(times):
    assert only(times("It happened on June 30.")).value == "2022-06-30"


def test_month_and_year_has_month_precision(times):
    ts = only(times("The offensive stalled in April 2022."))
    assert (ts.value, ts.date_prec) == ("2022-04", 4)
    assert ts.end == utc("2022-04-30T23:59:59")


def test_bare_year_has_year_precision(times):
    ts = only(times("The war began in 2014."))
    assert (ts.value, ts.date_prec) == ("2014", 5)


def test_lowercase_may_is_not_a_month(times):
    assert times("Shelling may resume.") == []


def test_decade_value_keeps_three_digits(times):
    assert only(times("It was built in the 1990s.")).value == "199"


# ------------------------------------------------------------------------------------------ relative dates


def test_on_sunday_is_the_sunday_before_publication(times):
    ts = only(times("Missiles hit the city on Sunday."))
    assert (ts.value, ts.text) == ("2022-07-03", "Sunday")


def test_weekday_of_publication_is_the_publication_day(times):
    assert only(times("The governor said on Monday that ...")).value == MONDAY


def test_early_on_monday_is_that_day(times):
    ts = only(times("The drone struck early on Monday."))
    assert ts.value == MONDAY and ts.text == "early on Monday"


def test_last_week_is_the_previous_iso_week(times):
    ts = only(times("Fighting intensified last week."))
    assert (ts.value, ts.date_prec) == ("2022-W26", 3)
    assert ts.start == utc("2022-06-27T00:00")


def test_two_days_ago_counts_back_from_publication(times):
    assert only(times("The depot burned two days ago.")).value == "2022-07-02"


def test_in_april_in_a_july_report_is_this_april(times):
    assert only(times("In April, the town was shelled.")).value == "2022-04"


def test_yesterday_follows_the_publication_zone(times):
    ts = only(times("Sirens sounded yesterday.", "2022-07-04T09:00+03:00"))
    assert ts.value == "2022-07-03"
    assert ts.start == utc("2022-07-02T21:00")


def test_without_publication_date_relative_words_stay_unresolved(times):
    ts = only(times("Missiles hit the city on Sunday.", None))
    assert ts.value is None and ts.start is None


def test_since_date_runs_to_publication(times):
    ts = only(times("Since February 24, thousands have fled."))
    assert ts.text == "Since February 24"
    assert ts.start == utc("2022-02-24T00:00") and ts.end == utc("2022-07-04T00:00")
    assert ts.date_prec == 5


def test_quarter_a_year_earlier_is_the_same_quarter_of_last_year(times):
    found = times("Sales fell in the third quarter from a year earlier.", "1989-10-26")
    assert [t.value for t in found] == ["1989-Q3", "1988-Q3"]


# ------------------------------------------------------------------------------------------ night and clock


def test_overnight_is_the_night_before_a_dated_report(times):
    ts = only(times("Explosions were heard overnight."))
    assert ts.start == utc("2022-07-03T18:00") and ts.end == utc("2022-07-04T05:59:59")
    assert ts.value == "2022-07-03TNI"


def test_tonight_clock_range_in_moscow_time_is_a_utc_range(times):
    ts = only(times("Tonight between 3.00 and 3.30 Moscow time, air defences were active."))
    assert ts.text == "Tonight between 3.00 and 3.30 Moscow time"
    assert ts.start == utc("2022-07-04T00:00") and ts.end == utc("2022-07-04T00:30")
    assert ts.tz == "Europe/Moscow" and ts.date_prec == 1


def test_gmt_clock_time_is_on_the_publication_day(times):
    ts = only(times("The blast came at 0340 GMT."))
    assert ts.start == utc("2022-07-04T03:40") and ts.tz == "Etc/GMT"
    assert ts.value == "2022-07-04T03:40"


def test_clock_time_attaches_to_the_named_day(times):
    found = times("The attack began at 5 p.m. on Friday.")
    assert [t.value for t in found] == ["2022-07-01T17:00", "2022-07-01"]


def test_clock_time_with_dot_needs_a_range_or_zone(times):
    assert times("Inflation was 3.30 and rising.") == []


# ------------------------------------------------------------------------------------------ durations, refs


def test_duration_has_a_value_but_no_bounds(times):
    ts = only(times("The siege lasted for three weeks."))
    assert (ts.value, ts.start, ts.end) == ("P3W", None, None)


def test_past_n_months_is_anchored_at_publication(times):
    ts = only(times("Over the past two months the front barely moved."))
    assert ts.value == "P2M"
    assert ts.start == utc("2022-05-04T00:00") and ts.end == utc("2022-07-04T00:00")


def test_price_per_year_is_not_a_duration(times):
    assert times("Fuel costs $5 a year more.") == []


def test_now_is_the_present_reference(times):
    assert only(times("The city is now calm.")).value == "PRESENT_REF"


def test_times_come_in_text_order(times):
    found = times("On Sunday, after two days of shelling, the town fell; on 1 July it was quiet.")
    assert [t.evidence.start for t in found] == sorted(t.evidence.start for t in found)
    assert [t.value for t in found] == ["2022-07-03", "P2D", "2022-07-01"]


# ------------------------------------------------------------------------------------------ with the parse


def test_future_tense_weekday_is_ahead(run_components):
    doc = run_components("Talks will resume on Friday in Istanbul.", ["warlog_times"], MONDAY)
    assert [t.value for t in doc._.times] == ["2022-07-08"]


def test_count_of_troops_is_not_a_year(run_components):
    doc = run_components("Some 2000 troops crossed the border.", ["warlog_times"], MONDAY)
    assert doc._.times == []


# ------------------------------------------------------------------------------------------ helpers


def test_april_in_a_july_report_is_background(times):
    assert is_background_time(only(times("In April, the town was shelled.")), parse_published(MONDAY))


def test_last_week_is_not_background(times):
    assert not is_background_time(only(times("It happened last week.")), parse_published(MONDAY))


def test_duration_is_never_background(times):
    assert not is_background_time(only(times("It lasted for two years.")), parse_published(MONDAY))


def test_governing_time_prefers_the_sentence_time(times):
    text = "In 2014 the war began. On Sunday a missile hit the station."
    found = times(text)
    second = (text.index("On Sunday"), len(text))
    assert governing_time(found, Span(start=second[0], end=second[1], text=""), None).value == "2022-07-03"


def test_governing_time_skips_background_in_earlier_sentences(times):
    text = "Overnight, drones attacked. In 2014 the war began. Two people died."
    published = parse_published(MONDAY)
    found = times(text)
    last = text.index("Two people")
    assert governing_time(found, (last, len(text)), published).value == "2022-07-03TNI"


def test_governing_time_falls_back_to_publication_day(times):
    ts = governing_time([], (0, 10), parse_published(MONDAY))
    assert ts.fallback and ts.date_prec == 1 and ts.value == MONDAY


def test_find_times_is_usable_without_the_component(blank):
    doc = blank.make_doc("Yesterday the bridge fell.")
    assert [t.value for t in find_times(doc, parse_published(MONDAY))] == ["2022-07-03"]


# ------------------------------------------------------------------------------------------ lexicon


def test_lexicon_loads_zones_as_iana_names():
    lex = timex.time_lexicon()
    assert lex.zones["moscow time"] == "Europe/Moscow" and lex.months["sept"] == 9


def test_malformed_month_raises_lexicon_error(monkeypatch):
    raw = {s: {} for s in timex._SECTIONS}
    raw["months"] = {"smarch": 13}
    monkeypatch.setattr(timex, "load_yaml", lambda name: raw)
    with pytest.raises(LexiconError, match="smarch"):
        timex.time_lexicon.__wrapped__("bad.yaml")


def test_missing_section_raises_lexicon_error(monkeypatch):
    monkeypatch.setattr(timex, "load_yaml", lambda name: {"months": {}})
    with pytest.raises(LexiconError, match="weekdays"):
        timex.time_lexicon.__wrapped__("bad.yaml")


# ------------------------------------------------------------------------------------------ ranges


def test_day_range_within_a_month_is_one_range(times):
    ts = only(times("Shelling continued on 3-5 July 2022."))
    assert ts.value == "2022-07-03" and ts.date_prec == 2
    assert ts.start == utc("2022-07-03T00:00") and ts.end == utc("2022-07-05T23:59:59")


def test_between_two_dates_is_one_range(times):
    ts = only(times("The town was cut off between June 1 and June 20, 2022."))
    assert ts.text == "between June 1 and June 20, 2022"
    assert ts.start == utc("2022-06-01T00:00") and ts.end == utc("2022-06-20T23:59:59")
    assert ts.date_prec == 4


def test_this_winter_in_february_began_the_december_before(times):
    ts = only(times("This winter has been mild.", "2022-02-01"))
    assert ts.value == "2021-WI" and ts.start == utc("2021-12-01T00:00")


def test_last_summer_in_july_is_the_previous_year(times):
    assert only(times("Last summer the port was mined.")).value == "2021-SU"


def test_later_that_day_takes_the_date_last_mentioned(times):
    found = times("On 2 June the bridge was hit. Later that day a second strike followed.")
    assert [t.value for t in found] == ["2022-06-02", "2022-06-02"]
    assert found[1].text == "Later that day"


def test_that_day_without_an_earlier_date_is_dropped(times):
    assert times("Nobody slept that day.") == []


# ------------------------------------------------------------------------------------------ follow-up rules


def test_spoken_year_is_read_as_a_year(times):
    assert [t.value for t in times("The treaty was signed in nineteen ninety-six.")] == ["1996"]


def test_the_year_two_thousand_is_a_year(times):
    assert [t.value for t in times("Nothing changed before the year two thousand.")] == ["2000"]


def test_month_with_spoken_year_has_month_precision(times):
    assert [t.value for t in times("They left in January nineteen ninety-seven.")] == ["1997-01"]


def test_spoken_count_is_not_a_year(times):
    assert times("Some two thousand five hundred people fled.") == []


def test_bare_plural_after_for_is_a_vague_duration(times):
    assert [t.value for t in times("The siege went on for years.")] == ["PXY"]


def test_bare_plural_without_a_cue_is_not_a_time(times):
    assert times("The days were long and the nights cold.") == []


def test_current_is_the_present_reference(times):
    assert [t.value for t in times("The current offensive began in the north.")] == ["PRESENT_REF"]


def test_current_year_is_read_by_its_own_family(times):
    assert [t.value for t in times("Losses in the current year are high.")] == ["2022"]


def test_decades_are_written_in_years(times):
    assert [t.value for t in times("The dispute has lasted two decades.")] == ["P20Y"]


def test_year_ended_is_a_one_year_duration(times):
    found = times("For the fiscal year ended March 31, losses rose.")
    assert [(t.text, t.value) for t in found] == [("the fiscal year", "P1Y"), ("March 31", "2022-03-31")]


def test_past_year_is_the_previous_calendar_year(times):
    assert [t.value for t in times("Over the past year the front barely moved.")] == ["2021"]


def test_past_three_years_stays_a_duration(times):
    assert [t.value for t in times("Over the past three years the front barely moved.")] == ["P3Y"]


def test_range_of_years_is_one_span_for_incidents(times):
    found = times("Attacks rose between 1990 and 1995.")
    assert [(t.value, t.start, t.end) for t in found] == [
        ("1990", utc("1990-01-01T00:00:00"), utc("1995-12-31T23:59:59"))]


def test_range_of_years_splits_into_two_timexes_on_request(blank):
    doc = blank.make_doc("Attacks rose between 1990 and 1995.")
    found = find_times(doc, parse_published(MONDAY), split_ranges=True)
    assert [(t.text, t.value) for t in found] == [("1990", "1990"), ("1995", "1995")]


def test_clock_range_splits_into_two_timexes_on_request(blank):
    doc = blank.make_doc("Shelling went on between 3.00 and 3.30 Moscow time.")
    found = find_times(doc, parse_published(MONDAY), split_ranges=True)
    assert [t.value for t in found] == ["2022-07-04T03:00", "2022-07-04T03:30"]


def test_until_puts_an_undated_month_ahead(times):
    assert [t.value for t in times("Officials extended the deadline until March.")] == ["2023-03"]


def test_lexicon_rejects_a_spoken_century_that_is_not_a_century(monkeypatch):
    raw = {s: {} for s in timex._SECTIONS}
    raw["spoken_centuries"] = {"nineteen": 1950}
    monkeypatch.setattr(timex, "load_yaml", lambda name: raw)
    with pytest.raises(LexiconError, match="spoken century"):
        timex.time_lexicon.__wrapped__("bad.yaml")


def test_planned_to_leave_on_thursday_is_ahead(run_components):
    doc = run_components("The team planned to leave Nairobi on Thursday.", ["warlog_times"], MONDAY)
    assert [t.value for t in doc._.times] == ["2022-07-07"]


def test_past_participle_clause_keeps_the_weekday_past(run_components):
    doc = run_components(
        "Under the deal, announced Friday, farmers would receive seed.", ["warlog_times"], MONDAY)
    assert [t.value for t in doc._.times] == ["2022-07-01"]


def test_decision_to_act_in_a_month_takes_the_nearest_month(run_components):
    doc = run_components("The council has decided to hold elections in August.", ["warlog_times"], MONDAY)
    assert [t.value for t in doc._.times] == ["2022-08"]


def test_present_tense_arrangement_is_ahead(run_components):
    doc = run_components("The two ministers meet Thursday in Geneva.", ["warlog_times"], MONDAY)
    assert [t.value for t in doc._.times] == ["2022-07-07"]


def test_a_march_named_for_a_cause_is_not_the_month(times):
    assert times("Thousands joined the annual March for Peace downtown.") == []


def test_month_of_last_year_is_still_a_month(times):
    assert [t.value for t in times("Fighting resumed in March of last year.")][0] == "2022-03"


def test_age_in_years_is_not_a_duration(times):
    assert times("The driver, 37 years old, was detained.") == []


def test_end_of_the_year_is_the_report_year(times):
    assert [t.value for t in times("The base should reopen by the end of the year.")] == ["2022"]


def test_near_future_is_a_future_reference(times):
    assert [t.value for t in times("No talks are planned in the near future.")] == ["FUTURE_REF"]


def test_year_with_ordinal_quarter_is_that_quarter(times):
    assert [t.value for t in times("Sales fell from the 2021 third quarter.")] == ["2021-Q3"]


def test_year_period_takes_the_quarter_under_discussion(times):
    found = times("Third-quarter profit rose, against a loss in the 2021 period.")
    assert [t.value for t in found] == ["2022-Q3", "2021-Q3"]


def test_next_years_first_quarter_is_ahead(times):
    assert [t.value for t in times("Deliveries start in next year's first quarter.")] == ["2023-Q1"]


def test_for_the_year_is_the_report_year(times):
    found = times("For the year, the ministry counted more strikes.")
    assert [(t.text, t.value) for t in found] == [("the year", "2022")]


def test_recent_years_is_a_vague_duration(times):
    assert [t.value for t in times("Raids have grown in recent years.")] == ["PXY"]


# ------------------------------------------------------------------------------------ clocks in context


@pytest.fixture
def parsed(model):
    """Times of a text read with the statistical model (sentences and parse), as in the pipeline."""

    def run(text: str, published: str | None = MONDAY) -> list[TimeSpan]:
        doc = model(text)
        return find_times(doc, parse_published(published))

    return run


def test_clock_time_takes_the_day_told_in_an_earlier_sentence(parsed):
    found = parsed("A man was shot on Saturday. Officers arrived at 9:40 p.m. and found him in a car.")
    clock = next(t for t in found if t.text.startswith("9:40"))
    assert clock.value == "2022-07-02T21:40"


def test_clock_time_without_any_day_stays_on_the_publication_day(parsed):
    clock = only(parsed("Officers arrived at 9:40 p.m. and found him in a car."))
    assert clock.value == "2022-07-04T21:40"


def test_small_hours_after_a_night_belong_to_the_next_morning(parsed):
    found = parsed("Two people were hurt on Friday night. The first call came at 1:15 a.m., police said.")
    clock = next(t for t in found if t.text.startswith("1:15"))
    assert clock.value == "2022-07-02T01:15"


def test_midnight_on_a_day_keeps_that_days_date(times):
    # news style: midnight belongs to the day it ends, so "midnight Saturday" is dated Saturday
    ts = times("The curfew began at midnight on Saturday.")[0]
    assert (ts.text, ts.value[:10]) == ("midnight", "2022-07-02")


def test_clock_without_am_pm_on_an_evening_is_an_evening_hour(times):
    ts = only(times("The blast was heard at 10:30 Saturday night."))
    assert ts.value == "2022-07-02T22:30"


def test_clock_then_day_is_one_expression(times):
    ts = only(times("Shots were fired at 10 p.m. Saturday near the market."))
    assert (ts.text, ts.value) == ("10 p.m. Saturday", "2022-07-02T22:00")


# ------------------------------------------------------------------------------------------ page stamps


def test_posted_and_updated_times_are_page_stamps(times):
    text = ("Market fire Posted: Sunday, July 3, 2022 4:10 PM EDT "
            "Updated: Monday, July 4, 2022 8:02 AM EDT\n\nA fire broke out on Saturday.")
    found = times(text)
    stamps = page_stamps(text, found)
    stamped = [t.text for t in found if t.evidence.start in stamps]
    assert stamped == ["Sunday, July 3, 2022", "4:10 PM EDT", "Monday, July 4, 2022", "8:02 AM EDT"]


def test_a_time_in_the_story_is_no_page_stamp(times):
    text = ("(Published Sunday, July 3, 2022)\n\n"
            "The council met on Friday and published its report on Saturday.")
    found = times(text)
    stamps = page_stamps(text, found)
    assert [t.text for t in found if t.evidence.start not in stamps] == ["Friday", "Saturday"]


def test_stamp_cues_come_from_the_lexicon():
    assert {"posted", "updated", "published"} <= timex.time_lexicon().stamp_cues


# ------------------------------------------------------------------------------------ tense of the clause


def test_until_before_a_past_perfect_looks_back(parsed):
    found = parsed("Until Thursday, the army had not named the unit.")
    assert [t.value for t in found] == ["2022-06-30"]


def test_deadline_before_a_clock_time_and_day_is_ahead(parsed):
    found = parsed("The mayor gave the residents until 9 a.m. Wednesday to leave the district.")
    assert [t.value[:10] for t in found] == ["2022-07-06"]


def test_has_scheduled_a_meeting_on_a_day_is_ahead(parsed):
    found = parsed("The governor has scheduled a news conference Thursday to discuss the blast.")
    assert [t.value for t in found] == ["2022-07-07"]


def test_planning_told_after_the_day_dates_the_planning(parsed):
    found = parsed("On Friday, the council planned to pay the families.")
    assert [t.value for t in found] == ["2022-07-01"]


def test_arranged_for_a_month_is_ahead(parsed):
    found = parsed("The talks were planned for early September, officials said.")
    assert [t.value for t in found] == ["2022-09"]


def test_modal_perfect_looks_back(parsed):
    found = parsed("The fire may have been responsible for a power cut on Wednesday.")
    assert [t.value for t in found] == ["2022-06-29"]


def test_could_not_be_reached_is_a_past_attempt(parsed):
    found = parsed("The commander could not be reached Wednesday for comment.")
    assert [t.value for t in found] == ["2022-06-29"]


def test_a_verb_spelt_alike_in_past_and_present_is_no_schedule(times):
    from warlog.extract.timex import time_lexicon

    assert {"hurt", "cut", "hit"} <= time_lexicon().same_form_past


def test_this_season_in_the_past_tense_is_the_one_just_gone(parsed):
    found = parsed("The unit began training this summer.", published="2022-10-20")
    assert [t.value for t in found] == ["2022-SU"]


# ------------------------------------------------------------------------------------------ datelines


def test_a_bare_dateline_of_the_publication_day_is_a_page_stamp(times):
    text = "KHARKIV (July 4, 2022) - A depot burned on Saturday night."
    found = times(text)
    stamps = page_stamps(text, found, parse_published(MONDAY))
    assert [t.text for t in found if t.evidence.start in stamps] == ["July 4, 2022"]


def test_a_dated_event_of_the_publication_day_is_no_dateline(times):
    text = "A depot burned on July 4, 2022, and again on Saturday night."
    found = times(text)
    assert page_stamps(text, found, parse_published(MONDAY)) == set()


def test_a_dateline_that_is_the_only_day_told_stays(times):
    text = "KHARKIV (July 4, 2022) - A depot burned in the city."
    found = times(text)
    assert page_stamps(text, found, parse_published(MONDAY)) == set()


# ------------------------------------------------------------------------------ counted from the story


def test_days_later_is_a_length_not_a_date(times):
    found = times("The convoy left the base. Three days later it reached the river.")
    assert [(t.text, t.value) for t in found] == [("Three days later", "P3D")]


def test_days_before_an_event_is_a_length(times):
    assert [t.value for t in times("Ten days before the vote, the bridge was hit.")] == ["P10D"]


def test_the_following_month_is_the_month_after_the_one_told(times):
    found = times("The siege began in March 2021. The following month the town fell.")
    assert [t.value for t in found] == ["2021-03", "2021-04"]


def test_the_following_day_is_the_day_after_the_date_told(times):
    found = times("The depot was hit on June 12. The following day the fire spread.")
    assert [t.value for t in found] == ["2022-06-12", "2022-06-13"]


def test_half_a_year_is_six_months(times):
    assert [t.value for t in times("The town was held for 2 1/2 years.")] == ["P2Y6M"]


def test_half_an_hour_on_the_clock_is_thirty_minutes(times):
    assert [t.value for t in times("The shelling lasted 5 1/2 hours.")] == ["PT5H30M"]


def test_a_year_earlier_after_talk_of_months_is_the_year_before(times):
    found = times("Third-quarter output rose. In the first nine months, output fell from a year earlier.")
    assert [t.value for t in found] == ["2022-Q3", "P9M", "2021"]


def test_set_to_resume_on_a_day_is_ahead(parsed):
    found = parsed("The talks, set to resume Thursday in Geneva, were postponed.", published="2022-07-05")
    assert [t.value for t in found] == ["2022-07-07"]


def test_had_been_due_on_a_day_looks_back(parsed):
    found = parsed("The offer had been due to expire Friday evening.")
    assert [t.value for t in found] == ["2022-07-01TEV"]


def test_the_last_half_of_a_year_is_its_second_half(times):
    found = times("Deliveries slowed in the last half of 2021.")
    assert [(t.text, t.value, t.date_prec) for t in found] == [("the last half of 2021", "2021-H2", 5)]


def test_the_first_two_quarters_of_a_year_are_its_first_half(times):
    assert [t.value for t in times("Losses grew in the first two quarters of 2021.")] == ["2021-H1"]


def test_the_current_fiscal_year_is_the_report_year(times):
    assert [t.value for t in times("Spending will rise in the current fiscal year.")] == ["2022"]


def test_for_the_full_year_is_the_report_year(times):
    found = times("For the full year, the ministry expects fewer strikes.")
    assert [(t.text, t.value) for t in found] == [("the full year", "2022")]


def test_a_word_list_written_as_one_string_raises_lexicon_error(monkeypatch):
    raw = {s: {} for s in timex._SECTIONS}
    raw["followup_verbs"] = "arrest, charge"
    monkeypatch.setattr(timex, "load_yaml", lambda name: raw)
    with pytest.raises(LexiconError, match="followup_verbs"):
        timex.time_lexicon.__wrapped__("bad.yaml")
