"""ActorFinder: named groups, demonym-led forces and capitals used as metonymy."""

from __future__ import annotations

import pytest
import spacy

from warlog.extract.actors import ActorFinder


@pytest.fixture(scope="module")
def finder() -> ActorFinder:
    return ActorFinder(spacy.blank("en"), "warlog_actors")


def find(finder: ActorFinder, text: str):
    return finder.match(finder.nlp.make_doc(text))


def test_demonym_and_force_noun_make_state_forces(finder):
    (actor,) = find(finder, "Russian troops entered the village.")
    assert actor.name == "Russian troops"
    assert actor.entity == "Military Forces of Russia (2000-)"
    assert actor.type == 1
    assert actor.side == "RU"


def test_possessive_state_name_and_modifier(finder):
    (actor,) = find(finder, "Ukraine's armed forces said they held the line.")
    assert actor.entity == "Military Forces of Ukraine (2019-)"
    assert actor.name == "Ukraine's armed forces"


def test_police_branch_has_its_own_entity(finder):
    (actor,) = find(finder, "Israeli riot police moved in.")
    assert actor.entity == "Police Forces of Israel (2022-)"


@pytest.mark.parametrize(
    ("text", "entity", "inter", "side"),
    [
        ("the Kyiv regime", "Government of Ukraine (2019-)", 1, "UA"),
        ("Wagner mercenaries", "Wagner Group", 8, "RU"),
        ("Hamas fighters", "Hamas Movement", 2, "PS"),
        ("the IDF", "Military Forces of Israel (2022-)", 1, "IL"),
        ("Protesters", "Protesters", 6, None),
    ],
)
def test_named_groups_normalise(finder, text, entity, inter, side):
    actors = find(finder, f"{text} were there.")
    assert (actors[0].entity, actors[0].type, actors[0].side) == (entity, inter, side)


def test_lower_case_us_is_not_the_united_states(finder):
    assert [a.side for a in find(finder, "US forces and then us forces")] == ["US"]


def test_pro_and_backed_qualifiers_are_not_the_state(finder):
    actors = find(finder, "pro-Russian forces and Russian-backed separatists advanced.")
    assert all(a.side != "RU" for a in actors)


def test_evidence_spans_index_the_text(finder):
    text = "Later, Ukrainian forces and Hamas were named."
    for actor in find(finder, text):
        assert text[actor.evidence.start : actor.evidence.end] == actor.name


def test_capital_as_subject_of_attack_verb_is_military(run_components):
    doc = run_components("Moscow launched missiles at the port.", ["warlog_actors"])
    (actor,) = doc._.actors
    assert (actor.name, actor.entity) == ("Moscow", "Military Forces of Russia (2000-)")


def test_capital_as_subject_of_other_verb_is_government(run_components):
    doc = run_components("Moscow denied the report on Monday.", ["warlog_actors"])
    assert [a.entity for a in doc._.actors] == ["Government of Russia (2000-)"]


def test_capital_as_place_is_not_an_actor(run_components):
    doc = run_components("Missiles hit a factory in Kyiv.", ["warlog_actors"])
    assert doc._.actors == []


def test_capital_without_parse_is_not_an_actor(finder):
    assert find(finder, "Moscow launched missiles.") == []
