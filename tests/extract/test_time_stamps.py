"""Page stamps (update notes, wire datelines) and names built on time words ("Noon Road")."""

from __future__ import annotations

import pytest

from warlog.extract import timex
from warlog.extract.times import page_stamps
from warlog.ingest.dates import parse_published
from warlog.schema import TimeSpan

PUBLISHED = "2017-01-24"  # a Tuesday


@pytest.fixture
def times(read_times):
    return lambda text, published=PUBLISHED: read_times(text, published)


def stamped(text: str, found: list[TimeSpan], published: str = PUBLISHED) -> list[str]:
    stamps = page_stamps(text, found, parse_published(published))
    return [t.text for t in found if t.evidence.start in stamps]


# ------------------------------------------------------------------------------------------- datelines


def test_a_wire_dateline_with_its_agency_is_a_page_stamp(times):
    text = "SPRINGFIELD, Ill., Jan. 23 (AP) -- Two men were shot Sunday outside a store."
    assert stamped(text, times(text)) == ["Jan. 23"]


def test_a_dateline_with_a_bare_dash_is_a_page_stamp(times):
    text = "Harbor Town, Jan. 23 — A clerk was shot on Sunday night."
    assert stamped(text, times(text)) == ["Jan. 23"]


def test_a_date_in_a_sentence_before_a_dash_is_no_dateline(times):
    text = "The clerk was shot on Jan. 22 - the second attack on Sunday."
    assert stamped(text, times(text)) == []


# ------------------------------------------------------------------------------------------- updates


def test_an_update_note_with_a_numeric_date_is_a_page_stamp(times):
    text = "UPDATE (1/24/17): The victim was named.\n\nA clerk was shot Saturday night."
    assert stamped(text, times(text)) == ["1/24/17"]


def test_an_update_note_with_a_clock_and_date_is_a_page_stamp(times):
    text = "Update, 9:15 a.m., Jan. 24: The victim died.\n\nA clerk was shot Saturday."
    assert stamped(text, times(text)) == ["9:15 a.m., Jan. 24"]


def test_update_in_running_text_is_no_stamp_cue(times):
    text = "Police gave an update Monday on the shooting of a clerk."
    assert stamped(text, times(text)) == []


def test_a_posted_stamp_and_its_updated_twin_are_page_stamps(times):
    text = ("Clerk hurt in robbery Posted: Monday, January 23, 2017 10:21 PM EST Updated: Monday, "
            "January 23, 2017 10:21 PM EST\n\nA clerk was shot Sunday.")
    assert stamped(text, times(text)) == [
        "Monday, January 23, 2017", "10:21 PM EST", "Monday, January 23, 2017", "10:21 PM EST"]


def test_updated_at_a_clock_and_date_is_a_page_stamp(times):
    text = "Updated at 4:05 pm, January 23rd, 2017 By: Staff\n\nA clerk was shot Sunday night."
    assert stamped(text, times(text)) == ["4:05 pm, January 23rd, 2017"]


def test_a_dated_link_to_another_story_is_a_page_stamp(times):
    text = ("A clerk was shot Sunday night.\n\nMore stories\n"
            "Store owner charged after robbery – January 12th, 2017\nComments")
    assert stamped(text, times(text)) == ["January 12th, 2017"]


def test_a_date_after_a_dash_inside_a_line_is_no_link(times):
    text = "A clerk was shot Sunday night – January 22nd, 2017 – outside the store."
    assert stamped(text, times(text)) == []


def test_stamp_heads_come_from_the_lexicon():
    assert {"update", "correction"} <= timex.time_lexicon().stamp_heads


# ---------------------------------------------------------------------------------- names of streets


def test_a_time_word_before_a_street_word_is_a_name(times):
    assert times("A clerk was shot on Noon Road in the town.") == []


def test_a_weekday_before_an_abbreviated_street_is_a_name(times):
    assert times("The store stands on Sunday St. near the river.") == []


def test_noon_before_a_day_is_still_a_time(times):
    assert [t.value for t in times("Shots rang out at noon Sunday.")] == ["2017-01-22T12:00"]


def test_street_words_come_from_the_lexicon():
    assert {"road", "street", "avenue"} <= timex.time_lexicon().street_words
