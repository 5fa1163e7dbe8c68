"""Numbers as ranges (warlog.extract.numbers): hedges, vague quantities, ranges, non-counts, merging."""

from __future__ import annotations

import pytest
import spacy

from warlog.extract.numbers import combine_counts, find_quantities, first_figure, number_lexicon, parse_number
from warlog.schema import Count


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def figures(blank, text: str) -> list[tuple[str, int | None, int | None, int | None]]:
    doc = blank(text)
    return [(doc[q.start : q.end].text, q.low, q.best, q.high) for q in find_quantities(doc[:])]


# ----------------------------------------------------------------------------------------- parse_number


def test_parse_number_reads_digits_with_thousands_separators():
    assert parse_number("30,000") == 30000


def test_parse_number_reads_hyphenated_and_compound_number_words():
    assert parse_number("twenty-three") == 23
    assert parse_number("one hundred and five") == 105


def test_parse_number_applies_a_scale_word_to_a_decimal():
    assert parse_number("1.5 million") == 1_500_000


def test_parse_number_rejects_words_that_are_not_numbers():
    assert parse_number("three missiles") is None
    assert parse_number("") is None


# ----------------------------------------------------------------------------------------- hedges


def test_at_least_n_sets_low_bound(blank):
    assert figures(blank, "at least 3 people") == [("at least 3", 3, None, None)]


def test_more_than_n_sets_low_to_n_plus_one(blank):
    assert figures(blank, "more than 50 people") == [("more than 50", 51, None, None)]


def test_up_to_n_sets_high_bound(blank):
    assert figures(blank, "up to 10 people") == [("up to 10", None, None, 10)]


def test_fewer_than_n_sets_high_to_n_minus_one(blank):
    assert figures(blank, "fewer than 20 people") == [("fewer than 20", None, None, 19)]


def test_about_n_sets_only_the_best_estimate(blank):
    assert figures(blank, "about twelve people") == [("about twelve", None, 12, None)]


def test_nearly_n_sets_best_and_high(blank):
    assert figures(blank, "nearly 40 people") == [("nearly 40", None, 40, 40)]


def test_exact_number_word_sets_all_three(blank):
    assert figures(blank, "three people") == [("three", 3, 3, 3)]


# ----------------------------------------------------------------------------------------- vague words


def test_dozens_sets_low_24(blank):
    assert figures(blank, "dozens of people") == [("dozens", 24, None, None)]


def test_a_dozen_is_twelve_and_includes_the_article(blank):
    assert figures(blank, "a dozen people") == [("a dozen", 12, 12, 12)]


def test_half_a_dozen_is_six(blank):
    assert figures(blank, "half a dozen people") == [("half a dozen", 6, 6, 6)]


def test_a_number_of_dozens_multiplies(blank):
    assert figures(blank, "two dozen people") == [("two dozen", 24, 24, 24)]


def test_hundreds_sets_low_200(blank):
    assert figures(blank, "hundreds of people") == [("hundreds", 200, None, None)]


def test_more_than_a_dozen_is_a_lower_bound_of_thirteen(blank):
    assert figures(blank, "more than a dozen people") == [("more than a dozen", 13, None, None)]


# ----------------------------------------------------------------------------------------- ranges


def test_between_n_and_m_is_a_range(blank):
    assert figures(blank, "between 3 and 5 people") == [("between 3 and 5", 3, None, 5)]


def test_hyphenated_digits_are_a_range(blank):
    assert figures(blank, "3-5 people") == [("3-5", 3, None, 5)]


def test_n_or_m_is_a_range(blank):
    assert figures(blank, "three or four people") == [("three or four", 3, None, 4)]


def test_descending_pair_is_not_a_range(blank):
    assert [f[0] for f in figures(blank, "a 5 to 3 vote")] == ["5", "3"]


# ----------------------------------------------------------------------------------------- non-counts


def test_age_is_not_a_count(blank):
    assert figures(blank, "a 24-year-old man") == []


def test_clock_time_is_not_a_count(blank):
    assert figures(blank, "at 6 p.m. on Monday") == []


def test_ordinal_is_not_a_count(blank):
    assert figures(blank, "the 12th victim") == []


def test_no_one_is_zero(blank):
    assert figures(blank, "no one was hurt") == [("no one", 0, 0, 0)]


def test_no_one_else_is_not_zero(blank):
    assert figures(blank, "no one else was hurt") == []


def test_no_more_than_is_a_bound_not_zero(blank):
    assert figures(blank, "no more than 5 people") == [("no more than 5", None, None, 5)]


# ----------------------------------------------------------------------------------------- lexicon


def test_every_vague_word_gives_some_bound():
    for phrase, (low, best, high) in number_lexicon().vague.items():
        assert (low, best, high) != (None, None, None), phrase


def test_zero_words_survive_yaml_booleans():
    assert ("no",) in number_lexicon().zero


# ----------------------------------------------------------------------------------------- combine_counts


def test_combine_counts_of_nothing_is_empty():
    assert combine_counts([]).is_empty()


def test_combine_counts_keeps_a_single_figure():
    assert combine_counts([Count(low=3, best=3, high=3)]).best == 3


def test_combine_counts_agreeing_lower_bound_and_exact_gives_the_exact_figure():
    merged = combine_counts([Count(low=3), Count(low=5, best=5, high=5)])
    assert (merged.low, merged.best, merged.high) == (5, 5, 5)


def test_combine_counts_partial_child_figure_never_lowers_the_toll_but_marks_civilians():
    merged = combine_counts([Count(low=5, best=5, high=5), Count(low=1, category="children")])
    assert (merged.low, merged.best) == (5, 5)
    assert merged.category == "civilians"


def test_combine_counts_conflicting_figures_span_a_range_with_conservative_low():
    merged = combine_counts([Count(low=5, best=5, high=5), Count(low=12, best=12, high=12)])
    assert (merged.low, merged.best, merged.high) == (5, 5, 12)


def test_combine_counts_best_is_the_most_often_stated_figure():
    figures_ = [Count(low=7, best=7, high=7), Count(low=7, best=7, high=7), Count(low=5, best=5, high=5)]
    merged = combine_counts(figures_)
    assert (merged.low, merged.best, merged.high) == (5, 7, 7)


def test_combine_counts_two_lower_bounds_keep_the_higher_supported_bound():
    merged = combine_counts([Count(low=3), Count(low=10)])
    assert (merged.low, merged.best, merged.high) == (10, None, None)


def test_combine_counts_upper_bound_and_exact_agree_on_the_exact():
    merged = combine_counts([Count(high=10), Count(low=4, best=4, high=4)])
    assert (merged.low, merged.best, merged.high) == (4, 4, 4)


def test_combine_counts_same_figure_as_military_and_as_civilians_leaves_category_unknown():
    merged = combine_counts([Count(low=5, best=5, high=5, category="military"),
                             Count(low=5, best=5, high=5, category="civilians")])
    assert merged.category == "unknown"


def test_a_year_before_a_noun_is_not_a_count(model):
    doc = model("Police reopened the 2007 shooting death of a local teacher.")
    assert [q for q in find_quantities(doc[:]) if q.best == 2007] == []


def test_a_four_digit_head_count_is_still_a_count(model):
    doc = model("More than 2,000 people were evacuated from the town.")
    assert [q.low for q in find_quantities(doc[:])] == [2001]


def test_first_figure_prefers_best_then_low_then_high():
    assert first_figure(Count(low=3, best=5, high=9)) == 5
    assert first_figure(Count(low=3, high=9)) == 3
    assert first_figure(Count(high=9)) == 9
    assert first_figure(Count()) is None
