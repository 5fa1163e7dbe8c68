"""Attributions without a verb of saying: a sentence-opening adjunct ("In a poll, C", "In his words, C",
"To X, C") and the idiom "as X put it, C" (``warlog.extract.adjuncts``). Texts written for these tests;
none is taken from a news report."""

from __future__ import annotations

import pytest

from tests.extract.claim_helpers import only_claim as _only
from warlog.extract.stances import load_claim_lexicon

# --------------------------------------------------------------------------------------------- adjuncts


def test_opening_poll_phrase_is_the_source_of_its_sentence(claims_of):
    claim = _only(claims_of("In a poll released on Monday, the mayor leads his rival by five points."))
    assert claim.cue.text == "In"
    assert claim.source.text == "a poll released on Monday"
    assert claim.content.text == "the mayor leads his rival by five points"


def test_opening_words_of_a_party_are_its_claim(claims_of):
    claim = _only(claims_of("In the governor's words, the bridge will reopen within a month."))
    assert claim.source.text == "the governor's words"
    assert claim.content.text == "the bridge will reopen within a month"


def test_to_a_person_gives_their_view(claims_of):
    claim = _only(claims_of("To Ann Lee, the bridge is a symbol of resistance."))
    assert claim.cue.text == "To"
    assert claim.source.text == "Ann Lee"
    assert claim.content.text == "the bridge is a symbol of resistance"


@pytest.mark.parametrize("text", [
    "For years, the bridge was closed to trucks.",
    "For Ann Lee, the bridge was a long walk from home.",
    "In the morning, the bridge was closed to trucks.",
    "In other words, the bridge was closed to trucks.",
    "The mayor leads in the latest poll.",
])
def test_time_or_place_adjunct_is_not_an_attribution(claims_of, text):
    assert not claims_of(text)._.claims


def test_statement_phrase_before_a_verb_of_saying_leaves_the_verb_as_cue(claims_of):
    claim = _only(claims_of("In a statement, the ministry said two drones were shot down."))
    assert claim.cue.text == "said"
    assert claim.source.text == "the ministry"


def test_as_x_put_it_attributes_the_main_clause(claims_of):
    claim = _only(claims_of("As the governor put it, the city will not be intimidated."))
    assert claim.cue.text == "put it"
    assert claim.source.text == "the governor"
    assert claim.content.text == "the city will not be intimidated"


def test_put_without_as_is_not_a_cue(claims_of):
    assert not claims_of("The workers put the sandbags by the door.")._.claims


def test_lexicon_lists_adjunct_words():
    lexicon = load_claim_lexicon()
    assert "poll" in lexicon.frame_nouns and "in" in lexicon.frame_prep
    assert "to" in lexicon.viewpoint_preps and "for" not in lexicon.viewpoint_preps
    assert "words" in lexicon.view_nouns and "put" in lexicon.as_idioms
