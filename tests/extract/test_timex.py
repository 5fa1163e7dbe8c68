"""The time finder's scan: the shortcuts that spare it work must never change a candidate."""

from __future__ import annotations

import re
from re import _parser as sre_parser

import pytest

from warlog.extract import timex
from warlog.extract.timex import _first_char_guard, _required, find_candidates

TEXTS = [
    "Two days ago, on Monday, March 3, 2022, at 10:30 p.m. local time, shelling resumed.",
    "In the third quarter of 2021 sales rose; a year earlier they fell. The fiscal year ended in June.",
    "SHELLING CONTINUED OVERNIGHT AND ON THE SAME DAY, THREE WEEKS AGO, AT 0340 GMT.",
    "It happened on Christmas Eve, in the late 1990s, early in the 21st century, every Friday.",
    "Hostilities were reported between 3.00 and 3.30 Moscow time; nineteen ninety-five was calm.",
    # characters beyond ASCII that a case-insensitive pattern matches to an ASCII letter
    "Two dayſ ago, the ſame day, 3 DAYS AGO at 5 p.m. FİNAL, THE WEEKEND, Mid-\u212aarch.",
    "",
]


def _every_family(name: str = timex.LEXICON):
    return tuple((kind, pattern, ()) for kind, pattern in timex.patterns(name))


@pytest.mark.parametrize("text", TEXTS)
def test_skipping_families_changes_no_candidate(text, monkeypatch):
    shortcut = find_candidates(text)
    monkeypatch.setattr(timex, "families", _every_family)
    assert find_candidates(text) == shortcut


def test_a_text_with_no_time_word_has_no_candidate():
    assert find_candidates("The convoy crossed the river and the crew went home.") == []


def test_first_char_guard_names_the_characters_a_match_begins_with():
    assert _first_char_guard(r"(?:ab|cd)?x", 0) == "(?=[acx])"
    assert _first_char_guard(r"(?<!\w)\d+y", 0) == r"(?=[\d])"


def test_first_char_guard_is_empty_for_a_pattern_that_may_match_nothing():
    assert _first_char_guard(r"a?b*", 0) == ""
    assert _first_char_guard(r"[^a]b", 0) == ""  # a negated class: its first characters are not listed


def test_required_words_are_those_every_match_contains():
    parsed = sre_parser.parse(r"(?:the\s+)?(?:\d+\s+)?(?:day|week)s?\s+ago", re.I).data
    assert _required(parsed) in (("day", "week"), ("ago",))
    assert _required(sre_parser.parse(r"(?:the\s+)?\d+", re.I).data) is None
