"""Tolls told in ways the earlier readers missed: lives a shooting "claimed", a victim who "did not
survive", a headline's "dies" read as a noun, "the number of fatalities", "Up to 16 were injured" (the
modifier parsed as a preposition), people "treated for" or "having" wounds; and sentences wrongly read as
tallies ("has since died", "killed in the shootings"). Every text here is written for the test."""

from __future__ import annotations

import pytest

from warlog.data import load_yaml
from warlog.errors import LexiconError
from warlog.extract import casualty_lexicon as casualty_lexicon_module
from warlog.extract.casualties import casualty_lexicon


def figures(found, kind: str) -> list[tuple[int | None, int | None, int | None]]:
    return [(m.count.low, m.count.best, m.count.high) for m in found if m.kind == kind]


# ---------------------------------------------------------------------------------------- deaths


def test_claimed_the_life_of_a_named_victim_is_a_death(toll):
    assert figures(toll("The shooting claimed the life of 47-year-old Dana Price."), "killed") == [(1, 1, 1)]


def test_cost_the_lives_of_counted_soldiers_is_their_death(toll):
    assert figures(toll("The strike cost the lives of 12 soldiers."), "killed") == [(12, 12, 12)]


def test_lives_celebrated_are_no_death(toll):
    assert toll("The party celebrated the lives of former patients.") == []


def test_did_not_survive_is_a_death_of_the_subject(toll):
    found = toll("The man was taken to a hospital, but did not survive.")
    assert figures(found, "killed") == [(1, 1, 1)]


def test_some_of_the_victims_did_not_survive_is_a_death_figure(toll):
    found = toll("Four people were shot. Two of them did not survive.")
    assert [m.count.low for m in found if m.kind == "killed"] == [2]


def test_a_headline_dies_read_as_a_noun_is_the_death_of_the_age(toll):
    found = toll("9-month-old dies after uncle's gun goes off")
    assert figures(found, "killed") == [(1, 1, 1)]


def test_a_plural_noun_that_is_no_death_verb_is_no_death(toll):
    assert toll("The old dies were cast again.") == []


def test_bringing_the_number_of_fatalities_to_three_is_a_toll(toll):
    found = toll("The woman died on Monday, bringing the number of fatalities to three.")
    assert (3, 3, 3) in figures(found, "killed")


def test_the_number_of_injured_is_an_injury_toll(toll):
    assert figures(toll("The number of injured stands at 12."), "injured") == [(12, 12, 12)]


def test_the_number_of_shootings_is_no_toll(toll):
    assert toll("The number of shootings rose to 40.") == []


# -------------------------------------------------------------------------------------- injuries


def test_up_to_n_parsed_as_a_preposition_is_the_subject_figure(toll):
    assert figures(toll("Up to 16 were injured."), "injured") == [(None, None, 16)]


def test_more_than_n_is_no_other_people(toll):
    found = toll("More than 20 were killed in the attack.")
    assert [(m.count.low, m.others) for m in found if m.kind == "killed"] == [(21, False)]


def test_two_more_are_still_other_people(toll):
    assert [m.others for m in toll("Two more were hurt.")] == [True]


def test_treated_for_wounds_are_injured(toll):
    assert figures(toll("Six people were treated for gunshot wounds."), "injured") == [(6, 6, 6)]


def test_carers_who_treat_are_not_injured(toll):
    assert toll("Doctors treated the boy for burns.") == []


def test_wounds_they_live_with_make_the_bearers_injured(toll):
    found = toll("Three of them had non-life-threatening gunshot wounds.")
    assert figures(found, "injured") == [(3, 3, 3)]


def test_wounds_of_untold_fate_make_the_bearers_harmed_only(toll):
    found = toll("All five had gunshot wounds.")
    assert figures(found, "injured") == [] and figures(found, "casualties") == [(5, 5, 5)]


# ---------------------------------------------------------------------------------------- tallies


def test_has_since_died_is_no_tally(toll):
    found = toll("He has since died of his wounds, police said.")
    assert [(m.kind, m.aggregate) for m in found] == [("killed", False)]


def test_killed_since_a_date_is_still_a_tally(toll):
    assert [m.aggregate for m in toll("Three people have been killed since February.")] == [True]


def test_a_war_tally_since_february_stays_a_tally(toll):
    assert [m.aggregate for m in toll("Russia has lost 30,000 troops since February.")] == [True]


def test_killed_in_the_shootings_is_this_incident(toll):
    assert [m.aggregate for m in toll("Three people were killed in the shootings.")] == [False]


def test_a_possessive_makes_the_shootings_this_incident(toll):
    assert [m.aggregate for m in toll("Wednesday's shootings left one man dead.")] == [False]


@pytest.mark.parametrize("text", [
    "Two people were killed in shootings across the city.",
    "Two people were killed in two shootings.",
    "Two people were killed in one of the shootings.",
])
def test_shootings_not_of_this_story_stay_tallies(toll, text):
    assert [m.aggregate for m in toll(text) if m.kind == "killed"] == [True]


# ---------------------------------------------------------------------------------------- lexicon


def test_the_new_words_are_loaded_from_the_lexicon():
    lex = casualty_lexicon()
    assert "treat" in lex.treat and "have" in lex.bear and "claim" in lex.life_verbs
    assert "life" in lex.life_nouns and "number" in lex.number_nouns and "the" in lex.definites


def test_a_lexicon_without_the_treatment_verbs_is_rejected(monkeypatch):
    raw = load_yaml("casualties.yaml")
    bad = {k: v for k, v in raw.items() if k != "treatment_verbs"}
    monkeypatch.setattr(casualty_lexicon_module, "load_yaml", lambda name: bad)
    casualty_lexicon.cache_clear()
    try:
        with pytest.raises(LexiconError, match="treatment_verbs"):
            casualty_lexicon()
    finally:
        monkeypatch.undo()
        casualty_lexicon.cache_clear()
