"""What became of the people harmed, told in ways the earlier readers missed: "passed away", a headline's
victim "shot ... has died", "pronounced dead" of a counted victim, "shot but survived", "the attempted
murders of", an unborn child inside a toll, "a fourth victim", and the one wounded who is the one who
died. Every text here is written for the test."""

from __future__ import annotations

import pytest

from warlog.data import load_yaml
from warlog.errors import LexiconError
from warlog.extract import casualty_lexicon as casualty_lexicon_module
from warlog.extract.casualties import casualty_lexicon, casualty_totals
from warlog.schema import CasualtyMention, Count, Span


def totals(mentions: list[CasualtyMention]) -> tuple[int | None, int | None]:
    killed, injured = casualty_totals(mentions)
    return killed.best, injured.best


def mention(kind: str, n: int, text: str, start: int, word: str) -> CasualtyMention:
    span = Span(start=start, end=start + len(text), text=text)
    count = Count(low=n, best=n, high=n, text=word, evidence=span)
    return CasualtyMention(kind=kind, count=count, evidence=span)


# -------------------------------------------------------------------------------------- deaths told anew


def test_passed_away_is_a_death(toll):
    assert totals(toll("The man passed away on Tuesday.")) == (1, None)


def test_pass_without_away_is_no_death(toll):
    found = toll("The soldier passed the checkpoint on Tuesday.")
    assert [m for m in found if m.kind == "killed"] == []


def test_a_headline_victim_shot_then_dead_is_a_death(toll):
    assert totals(toll("Teen shot near the river has died, police say.")) == (1, None)


def test_one_of_two_shot_who_dies_is_one_death(toll):
    found = toll("One of two men shot late Friday in Riverton dies.")
    assert [m.kind for m in found if m.count.best == 1] == ["killed"]


def test_a_shooter_whose_object_is_named_is_not_the_one_who_died(toll):
    # "shot his wife and died": the shooting's object is the wife, not the subject who died
    found = toll("Police said the farmer shot his wife before he died.")
    assert ("casualties", "wife") in {(m.kind, m.count.text) for m in found}


def test_a_counted_victim_pronounced_dead_is_killed(toll):
    text = "Two people were injured and one victim was pronounced dead at the scene."
    assert totals(toll(text)) == (1, 2)


# ----------------------------------------------------------------------------------------- who lived


def test_shot_but_survived_is_injured(toll):
    found = toll("The farmer's neighbor was shot but survived.")
    assert [m.kind for m in found] == ["injured"]


def test_shot_and_did_not_survive_is_not_injured(toll):
    found = toll("The courier was shot and did not survive.")
    assert "injured" not in {m.kind for m in found}


def test_attempted_murders_are_people_attacked_not_dead(toll):
    text = "The two brothers were charged with the attempted murders of four students."
    assert totals(toll(text)) == (None, 4)


def test_a_murder_without_attempted_stays_a_death(toll):
    assert totals(toll("He was charged with the murders of four students.")) == (4, None)


# ------------------------------------------------------------------------------------- who is counted


def test_an_unborn_child_included_in_a_toll_is_not_counted(toll):
    text = "Gunmen fired on the wedding party, killing five people, including an unborn child."
    assert totals(toll(text)) == (4, None)


def test_a_child_included_in_a_toll_is_counted(toll):
    text = "Gunmen fired on the wedding party, killing five people, including a young child."
    assert totals(toll(text)) == (5, None)


def test_a_fourth_victim_makes_four_harmed(toll):
    text = ("A woman was shot in the leg, a man was shot in the arm and a boy was shot in the hand. "
            "A fourth victim was also injured.")
    assert totals(toll(text)) == (None, 4)


def test_a_fourth_victim_beside_one_dead_leaves_three_injured(toll):
    text = "One man was killed outside the bar. A fourth victim was found later with a wound to the leg."
    assert totals(toll(text)) == (1, 3)


def test_a_number_before_a_possessive_counts_the_people_owned(toll):
    text = "Two sheriff's deputies were critically wounded and taken to local hospitals."
    assert totals(toll(text)) == (None, 2)


def test_a_number_before_a_possessive_of_one_person_counts_that_person_once(toll):
    assert totals(toll("The two men's mother was killed.")) == (1, None)


# ------------------------------------------------------------------------- the wounded who is the dead


def test_the_one_wounded_told_by_the_noun_of_the_one_dead_is_that_person():
    hurt = mention("injured", 1, "boy was critically injured", 0, "boy")
    dead = mention("killed", 1, "boy died", 60, "boy")
    assert totals([hurt, dead]) == (1, None)


def test_a_wounded_person_told_anew_after_the_death_is_one_more():
    dead = mention("killed", 1, "killed the girl", 0, "girl")
    hurt = mention("injured", 1, "injured an 8-year-old girl", 20, "girl")
    assert totals([dead, hurt]) == (1, 1)


def test_a_second_man_wounded_is_not_the_man_who_died():
    dead = mention("killed", 1, "man was killed", 0, "man")
    hurt = mention("injured", 1, "a second man was wounded", 20, "man")
    assert totals([dead, hurt]) == (1, 1)


def test_the_wounded_of_another_noun_stays_injured():
    dead = mention("killed", 1, "man was killed", 0, "man")
    hurt = mention("injured", 1, "woman was wounded", 20, "woman")
    assert totals([dead, hurt]) == (1, 1)


def test_ages_are_not_matched_as_one_person():
    dead = mention("killed", 1, "old was pronounced dead", 0, "old")
    hurt = mention("injured", 1, "old was wounded", 40, "old")
    assert totals([dead, hurt]) == (1, 1)


def test_the_wounded_stay_when_two_died():
    # with two dead, which of them was the one told wounded is not known: nothing is taken off
    dead = mention("killed", 2, "two men were killed", 0, "two")
    man = mention("killed", 1, "man died", 30, "man")
    hurt = mention("injured", 1, "man was wounded", 60, "man")
    assert totals([dead, man, hurt]) == (2, 1)


# ------------------------------------------------------------------------------------------- lexicon


def test_the_new_words_are_loaded_from_the_lexicon():
    lex = casualty_lexicon()
    assert lex.intransitive["pass away"] == "killed"
    assert "survive" in lex.survive and "attempted" in lex.attempts
    assert lex.ordinals["fourth"] == 4 and "an" in lex.indefinites


def test_an_ordinal_that_is_not_a_place_is_rejected(monkeypatch):
    raw = load_yaml("casualties.yaml")
    bad = {**raw, "ordinal_words": {"first": 1}}
    monkeypatch.setattr(casualty_lexicon_module, "load_yaml", lambda name: bad)
    casualty_lexicon.cache_clear()
    try:
        with pytest.raises(LexiconError, match="ordinal_words"):
            casualty_lexicon()
    finally:
        monkeypatch.undo()
        casualty_lexicon.cache_clear()
