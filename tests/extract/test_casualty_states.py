"""Victims told by their state, their age or the event's name (warlog.extract.casualty_states and the
readers that use it): "in critical condition", "sent four people to the hospital", "16-year-old shot",
"a triple homicide". Every text here is written for the test."""

from __future__ import annotations

import pytest

from warlog.data import load_yaml
from warlog.errors import LexiconError
from warlog.extract import casualty_lexicon as casualty_lexicon_module
from warlog.extract.casualties import CasualtyFinder, casualty_lexicon, casualty_totals
from warlog.extract.casualty_states import age_noun, multiple_event, state_of, state_victim
from warlog.schema import CasualtyMention


@pytest.fixture(scope="module")
def lex(model):
    return CasualtyFinder(model, "warlog_casualties").lex


def kinds(mentions: list[CasualtyMention]) -> list[tuple[str, int | None]]:
    return [(m.kind, m.count.best) for m in mentions]


def totals(mentions: list[CasualtyMention]) -> tuple[int | None, int | None]:
    killed, injured = casualty_totals(mentions)
    return killed.best, injured.best


# ------------------------------------------------------------------------------------------- state words


def test_in_critical_condition_is_a_state_of_its_subject(model, lex):
    doc = model("The cashier is in critical condition.")
    verb = next(t for t in doc if t.lower_ == "is")
    kind, word = state_of(verb, lex)
    assert (kind, word.text) == ("injured", "condition")
    assert state_victim(verb, lex).text == "cashier"


def test_a_condition_without_a_state_adjective_is_no_state(model, lex):
    doc = model("The car is in working condition.")
    assert state_of(next(t for t in doc if t.lower_ == "is"), lex) is None


def test_to_the_hospital_is_a_state_only_after_a_conveyance_verb(model, lex):
    taken = model("The driver was taken to the hospital.")
    visited = model("The driver visited the hospital.")
    assert state_of(next(t for t in taken if t.lower_ == "taken"), lex)[0] == "casualties"
    assert state_of(next(t for t in visited if t.lower_ == "visited"), lex) is None


def test_the_carried_not_the_carrier_is_the_victim(model, lex):
    doc = model("Two officers took the man to the hospital.")
    verb = next(t for t in doc if t.lower_ == "took")
    assert state_victim(verb, lex).text == "man"


def test_an_age_before_its_predicate_stands_for_the_person(model, lex):
    doc = model("14-year-old shot near park.")
    shot = next(t for t in doc if t.lower_ == "shot")
    assert age_noun(shot, lex) is not None and age_noun(shot, lex).lower_ == "old"


def test_a_multiplying_adjective_counts_the_victims_of_its_event(model, lex):
    doc = model("Detectives are working a triple homicide.")
    n, word = multiple_event(next(t for t in doc if t.lower_ == "homicide"), lex)
    assert (n, word.text) == (3, "triple")


# ------------------------------------------------------------------------------------------- figures


def test_one_in_critical_condition_beside_the_dead_is_one_injured(toll):
    found = toll("Three dead and one in critical condition after the fire fight.")
    assert ("killed", 3) in kinds(found)
    assert ("injured", 1) in kinds(found)


def test_a_shooting_that_sends_people_to_the_hospital_harms_them(toll):
    assert kinds(toll("A shooting at the bar sends 4 people to the hospital.")) == [("casualties", 4)]


def test_people_taken_to_the_hospital_in_critical_condition_are_injured(toll):
    assert kinds(toll("Two men were taken to the hospital in critical condition.")) == [("injured", 2)]


def test_people_who_were_not_injured_are_no_figure(toll):
    assert kinds(toll("His mother and two other children were home but were not injured.")) == []


# ------------------------------------------------------------------------------------------- lone victims


def test_a_person_in_critical_condition_is_one_harmed(toll):
    assert kinds(toll("The cashier is in critical condition.")) == [("casualties", 1)]


def test_a_victim_in_critical_condition_who_died_is_counted_once_as_killed(toll):
    found = toll("The cashier was in critical condition. The cashier died on Sunday.")
    assert totals(found) == (1, None)


def test_a_headline_person_in_critical_condition_is_one_harmed(toll):
    found = toll("Child in critical condition after shooting in Parkway Village.")
    assert kinds(found) == [("casualties", 1)]


def test_a_victim_taken_to_the_hospital_with_injuries_is_one_harmed(toll):
    assert kinds(toll("A woman was taken to the hospital with gunshot injuries.")) == [("casualties", 1)]


def test_a_shooting_that_left_a_boy_in_serious_condition_harms_him(toll):
    found = toll("Two men were arrested after a shooting that left a 15-year-old boy in serious condition.")
    assert kinds(found) == [("casualties", 1)]


def test_a_victim_found_suffering_from_a_wound_is_one_harmed(toll):
    assert kinds(toll("A 13-year-old boy was found suffering from a gunshot wound.")) == [("casualties", 1)]


def test_a_headline_age_shot_is_one_harmed(toll):
    assert kinds(toll("11-year-old shot on Elm Street.")) == [("casualties", 1)]


def test_a_headline_age_shot_comma_killed_is_one_killed(toll):
    assert kinds(toll("17-year-old shot, killed inside house.")) == [("killed", 1)]


def test_a_possessed_shooting_death_is_one_killed(toll):
    assert kinds(toll("Teen charged in 17-year-old's shooting death.")) == [("killed", 1)]


def test_a_possessed_holiday_shooting_is_no_victim(toll):
    assert kinds(toll("Police made an arrest in the Mother's Day shooting.")) == []


def test_found_a_named_person_dead_is_one_killed(toll):
    found = toll("Officers found 19-year-old Dana Ellison dead from a gunshot wound.")
    assert kinds(found) == [("killed", 1)]


def test_found_a_girl_dead_is_one_killed(toll):
    assert kinds(toll("Police found a 16-year-old girl dead in the basement.")) == [("killed", 1)]


def test_the_victim_noun_among_two_objects_is_the_victim(toll):
    assert kinds(toll("A man was charged in a shooting that killed Riverton teen Sunday.")) == [("killed", 1)]


# ------------------------------------------------------------------------------------------- events, fates


def test_a_triple_homicide_is_three_killed(toll):
    assert kinds(toll("Police identified the victims of the triple homicide.")) == [("killed", 3)]


def test_a_quadruple_shooting_is_four_harmed(toll):
    assert kinds(toll("Officers responded to a quadruple shooting on Main Street.")) == [("casualties", 4)]


def test_shot_but_not_fatally_wounded_is_no_death(toll):
    found = toll("A 3-year-old child was also shot in the hand, but was not fatally wounded.")
    assert "killed" not in {m.kind for m in found}


def test_a_modal_holds_for_a_joined_killing(toll):
    assert kinds(toll("Doctors said the bullet could have hit her heart and killed her.")) == []


def test_a_child_who_shot_himself_is_not_one_more_dead(toll):
    found = toll("A 9-year-old boy died on Monday. The boy fatally shot himself with a shotgun.")
    assert totals(found)[0] == 1


def test_a_killer_who_shot_himself_is_one_more_dead(toll):
    found = toll("The father killed his wife. He then fatally shot himself.")
    assert totals(found)[0] == 2


def test_a_murder_suicide_is_at_least_the_victim_and_the_killer(toll):
    assert kinds(toll("Police are calling it a murder-suicide.")) == [("killed", 2)]


def test_a_double_murder_suicide_is_three_dead(toll):
    assert kinds(toll("Police investigate double murder-suicide.")) == [("killed", 3)]


def test_turning_the_gun_on_himself_is_one_more_dead_than_his_victims(toll):
    found = toll("A man shot his 1-year-old daughter dead before turning the gun on himself.")
    assert totals(found)[0] == 2


def test_taking_his_own_life_alone_is_one_death(toll):
    found = toll("The gunman later took his own life.")
    assert kinds(found) == [("killed", 1)]


def test_taking_the_life_of_another_is_no_killer_death(toll):
    assert kinds(toll("The gunman took the life savings of his neighbour.")) == []


def test_an_age_in_months_stands_for_the_person(toll):
    assert kinds(toll("1-month-old suffers fatal gunshot wound.")) == [("killed", 1)]


def test_the_murdered_teen_is_one_killed(toll):
    assert kinds(toll("Family of murdered teen lead peace walk.")) == [("killed", 1)]


def test_the_wounded_officer_is_one_harmed(toll):
    assert kinds(toll("The wounded officer was released from the hospital.")) == [("casualties", 1)]


def test_a_critical_moment_is_no_victim(toll):
    assert kinds(toll("It was a critical moment for the team.")) == []


def test_the_homicide_victim_is_one_killed(toll):
    assert kinds(toll("Greater Bluffton homicide victim identified.")) == [("killed", 1)]


def test_a_proper_noun_compound_is_no_event_victim(toll):
    found = toll("Visitors toured the Murder Mystery Victim exhibit downtown on Sunday afternoon.")
    assert kinds(found) == []


def test_a_hunter_is_a_person_who_can_be_killed(toll):
    assert kinds(toll("A turkey hunter was shot and killed Sunday morning.")) == [("killed", 1)]


def test_a_victim_of_a_clause_told_through_police_is_the_noun_it_is_about(toll):
    found = toll("Services are tonight for a boy who police say was accidentally shot and killed.")
    assert kinds(found) == [("killed", 1)]


# ------------------------------------------------------------------------------------ headlines, clauses


def test_a_headline_count_shot_is_that_many_harmed(toll):
    assert kinds(toll("Four teens shot after party in Riverton.")) == [("casualties", 4)]


def test_a_headline_place_misread_as_object_still_leaves_the_victims(toll):
    assert kinds(toll("Four people shot outside bar in Elm Township.")) == [("casualties", 4)]


def test_gunmen_who_shot_are_not_victims(toll):
    assert kinds(toll("Two gunmen shot at the car and fled.")) == []


def test_officers_who_shot_a_man_are_not_victims(toll):
    assert kinds(toll("Two police officers who shot the man were placed on leave.")) == [("casualties", 1)]


def test_a_later_clause_with_its_own_dead_does_not_make_the_shooting_fatal(toll):
    found = toll("Four people shot outside a night club; 1 dead as shooter remains at large.")
    assert totals(found) == (1, 3)


def test_a_clause_hung_on_the_last_of_two_people_counts_both(toll):
    found = toll("A 3-year-old girl and 23-year-old woman wounded by gunfire have been released.")
    assert kinds(found) == [("injured", 2)]


def test_a_boy_found_fatally_shot_is_one_killed(toll):
    found = toll("Family grieving after 17-year-old boy found fatally shot in garage.")
    assert kinds(found) == [("killed", 1)]


def test_a_man_found_shot_to_death_is_one_killed(toll):
    assert kinds(toll("When officers arrived, they found a man shot to death.")) == [("killed", 1)]


def test_what_appears_to_be_a_death_is_still_a_death(toll):
    found = toll("Deputies are investigating what appears to be the shooting death of a 14-year-old boy.")
    assert kinds(found) == [("killed", 1)]


def test_tried_to_kill_is_still_an_intent(toll):
    assert kinds(toll("Police say he tried to kill his wife.")) == []


# ------------------------------------------------------------------------------------ groups, shots that miss


def test_a_family_of_five_found_dead_is_five_killed(toll):
    assert kinds(toll("A family of five was found dead in their home.")) == [("killed", 5)]


def test_a_couple_found_dead_is_two_killed(toll):
    assert kinds(toll("An elderly couple was found dead in their home.")) == [("killed", 2)]


def test_a_family_alone_is_one_victim(toll):
    assert kinds(toll("The family was shot in the driveway.")) == [("casualties", 1)]


def test_shot_at_with_nothing_after_is_no_hit(toll):
    assert kinds(toll("The family was shot at.")) == []


def test_shot_at_a_place_is_still_a_hit(toll):
    assert kinds(toll("Three people were shot at a party.")) == [("casualties", 3)]


def test_a_count_shot_to_death_then_the_gunman_himself_is_one_more_dead(toll):
    found = toll("Four shot to death in Mason County, then gunman kills himself.")
    assert ("killed", 4) in kinds(found)
    assert totals(found)[0] == 5


# ------------------------------------------------------------------------------------ survivors


def test_a_victim_in_stable_condition_beside_a_death_is_one_injured(toll):
    found = toll("The girl died on Sunday. Her father is in stable condition.")
    assert totals(found) == (1, 1)


def test_a_victim_with_minor_injuries_is_one_injured(toll):
    assert kinds(toll("The suspect was taken to the hospital with minor injuries.")) == [("injured", 1)]


def test_a_non_life_threatening_wound_is_one_injured(toll):
    found = toll("Her father suffered a non-life-threatening gunshot wound.")
    assert kinds(found) == [("injured", 1)]


def test_a_victim_in_critical_condition_is_only_harmed(toll):
    assert kinds(toll("He is in critical condition.")) == [("casualties", 1)]


def test_a_man_who_kills_an_infant_is_not_the_victim(toll):
    found = toll("Man allegedly kills 4-month-old before leaving the house.")
    assert [m.count.text for m in found] == ["old"]


# ------------------------------------------------------------------------- the new lexicon tables


def test_the_shipped_lexicon_has_counted_events_and_self_killings():
    lex = casualty_lexicon()
    assert lex.multiples["triple"] == 3
    assert "gun" in lex.self_killing["turn"] and "life" in lex.self_killing["take"]
    assert {"year", "month"} <= lex.age_units
    assert lex.groups["couple"] == 2 and lex.groups["family"] is None
    assert "stable" in lex.survivor_words and "critical" not in lex.survivor_words


def test_survivor_words_are_not_states_of_danger():
    lex = casualty_lexicon()
    assert not {"critical", "serious", "grave", "poor"} & lex.survivor_words


def test_a_multiple_word_that_is_not_a_count_is_rejected(monkeypatch):
    raw = load_yaml("casualties.yaml")
    bad = {**raw, "multiple_words": {"twin": 1}}
    monkeypatch.setattr(casualty_lexicon_module, "load_yaml", lambda name: bad)
    casualty_lexicon.cache_clear()
    try:
        with pytest.raises(LexiconError, match="multiple_words"):
            casualty_lexicon()
    finally:
        monkeypatch.undo()
        casualty_lexicon.cache_clear()
