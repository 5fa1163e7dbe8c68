"""Parse links that stop the climb from a cue to the words that could make it hypothetical."""

from __future__ import annotations

from warlog.extract.cue_syntax import dated_clause, names_a_thing, strikes_a_person

MARKS = frozenset({"after", "before", "when"})
HEADS = frozenset({"threat", "plan"})
PERSONS = frozenset({"boy", "man", "teen"})


def token(doc, word):
    return next(t for t in doc if t.text == word)


def test_clause_opened_by_after_is_dated(model):
    doc = model("The boy is fighting for his life after he was shot in the head.")
    assert dated_clause(token(doc, "shot"), MARKS)


def test_infinitive_of_intent_is_not_a_dated_clause(model):
    doc = model("The gang threatened to shoot the witness.")
    assert not dated_clause(token(doc, "shoot"), MARKS)


def test_shooting_that_describes_suspects_names_a_thing(model):
    doc = model("Police seek suspects in the shooting.")
    assert names_a_thing(token(doc, "shooting"), HEADS)


def test_attack_under_a_topic_head_does_not_stop_the_climb(model):
    doc = model("They fear the threat of an attack.")
    assert not names_a_thing(token(doc, "attack"), HEADS)


def test_verb_with_a_person_object_strikes_a_person(model):
    doc = model("He fired twice, striking the boy in the leg.")
    assert strikes_a_person(token(doc, "striking"), PERSONS)


def test_passive_with_a_person_subject_strikes_a_person(model):
    doc = model("The man was struck by a car on Friday.")
    assert strikes_a_person(token(doc, "struck"), PERSONS)


def test_an_age_counts_as_a_person(model):
    doc = model("The bullet struck a 12-year-old in the back.")
    assert strikes_a_person(token(doc, "struck"), PERSONS)


def test_striking_a_place_strikes_no_person(model):
    doc = model("Missiles struck the city overnight.")
    assert not strikes_a_person(token(doc, "struck"), PERSONS)
