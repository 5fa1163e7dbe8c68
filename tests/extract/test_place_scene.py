"""Is a named place the scene? (warlog.extract.place_scene): places of care, residences, streets,
neighbourhoods, city parts, the tails of longer names, and the word lists they read."""

from __future__ import annotations

import pytest

from tests.extract.place_helpers import place_at
from warlog.errors import LexiconError
from warlog.extract import place_scene
from warlog.extract.place_cues import person_followers
from warlog.extract.place_scene import (
    agency_place,
    before_city_parts,
    care_patterns,
    care_place,
    city_part,
    city_parts,
    city_section_names,
    inner_name,
    locative_words,
    name_lead_words,
    neighbourhood_names,
    neighbourhood_pattern,
    off_scene,
    outlet_place,
    person_name,
    residence_patterns,
    residence_place,
    street_place,
)

# ----------------------------------------------------------------------------------------- places of care


@pytest.mark.parametrize("text", [
    "He was taken to Mercy Hospital in Oakton, where he died.",
    "The boy was taken by medical helicopter to Saint Ann Hospital for Children at Valley Health in Oakton.",
    "She was airlifted to Oakton Children's Hospital.",
    "The victims were taken to Oakton Regional Medical Center.",
    "Boy Hurt In Hunting Accident Flown To Oakton",
    "He is expected to be transported to an Oakton area hospital.",
])
def test_the_town_of_the_hospital_the_wounded_were_taken_to_is_a_place_of_care(text):
    assert care_place(text, place_at(text, "Oakton"))


@pytest.mark.parametrize("text", [
    "He was taken to the hospital after being shot in Oakton.",
    "A man was shot in Oakton on Friday. He was taken to a hospital.",
    "Oakton police said the man is in a hospital.",
    "Man Shot In Oakton Rushed To Hospital",
    "A hospital in Oakton was hit during a rocket attack.",
    "Oakton Regional Hospital was shelled overnight, the governor said.",
])
def test_the_town_where_the_shooting_happened_is_no_place_of_care(text):
    assert not care_place(text, place_at(text, "Oakton"))


def test_the_care_words_are_loaded_from_the_lexicon():
    verb, noun, named = care_patterns()
    assert verb.search("was airlifted to ") and noun.search("Memorial Hospital in ")
    assert named.match(" Medical Center")


def test_a_care_word_list_that_is_not_a_list_is_rejected(monkeypatch):
    monkeypatch.setattr(place_scene, "load_yaml", lambda name: {"care_verbs": "taken", "care_nouns": []})
    care_patterns.cache_clear()
    try:
        with pytest.raises(LexiconError, match="casualties_places.yaml"):
            care_patterns()
    finally:
        care_patterns.cache_clear()


# ----------------------------------------------------------------------------------------- streets, sections


@pytest.mark.parametrize("text", [
    "Four men were wounded in Little Village on Monday.",
    "Shots were fired in the Old West End.",
    "An officer fired near Lake Elmwood and Civic Center.",
])
def test_the_tail_of_a_longer_name_is_no_scene(text):
    name = text.split()[text.split().index(next(w for w in text.split() if w in name_lead_words())) + 1]
    place = place_at(text, name)
    assert inner_name(text, place) and off_scene(text, place)


def test_a_town_after_an_ordinary_word_is_no_tail_of_a_name():
    text = "Man Shot In Village Park. A man was shot in Oakton."
    assert not inner_name(text, place_at(text, "Village"))
    assert not off_scene(text, place_at(text, "Oakton"))


def test_a_name_after_a_block_number_is_a_street():
    text = "Four were shot in the 4900 block of West Hubbard, police said."
    assert street_place(text, place_at(text, "Hubbard"))
    assert not street_place("He lived in Hubbard.", place_at("He lived in Hubbard.", "Hubbard"))


def test_a_name_the_story_calls_a_neighbourhood_anywhere_is_found_in_one_pass():
    names = neighbourhood_names("Shots rang out on the same Austin neighborhood block. In the Marquette Park "
                                "neighborhood, a boy was hurt.")
    assert {"austin", "marquette park", "marquette"} <= names
    assert "oakton" not in neighbourhood_names("The Oakton area was calm.")


# ------------------------------------------------------------------------------------------------ home towns


def test_the_locative_words_are_loaded_from_the_lexicon():
    assert {"in", "near", "of"} <= locative_words()


@pytest.mark.parametrize(("text", "home"), [
    ("A Kuna man was hurt.", True),
    ("Jane Doe, 20, of Kuna, was hurt.", True),
    ("A Kuna, Idaho, man was hurt.", True),
    ("It happened north of Kuna.", False),
    ("A man was shot in Kuna.", False),
])
def test_a_home_town_is_told_apart_from_the_place_of_an_event(text, home):
    assert residence_place(text, place_at(text, "Kuna")) is home


def test_the_residence_words_are_loaded_from_the_lexicon():
    after, before = residence_patterns()
    assert after.match(" teen") and before.search(", of ")


# ---------------------------------------------------------------------------------------------- word lists


def test_the_city_part_words_are_loaded_from_the_lexicon():
    assert {"neighborhood", "section"} <= city_parts()


@pytest.mark.parametrize("loader", [neighbourhood_pattern, city_section_names])
def test_a_place_word_list_that_is_not_a_list_is_rejected(monkeypatch, loader):
    monkeypatch.setattr(place_scene, "load_yaml", lambda name: {
        "neighbourhood_words": "neighborhood", "city_section_names": "south side"})
    loader.cache_clear()
    try:
        with pytest.raises(LexiconError, match="casualties_places.yaml"):
            loader()
    finally:
        loader.cache_clear()


# ------------------------------------------------------------------------------------------------- outlets


@pytest.mark.parametrize(("text", "outlet"), [
    ("Photo: Jane Roe, Oakton Chronicle", True),
    ("the Oakton Star-Tribune reported", True),
    ("according to Oakton WV News", True),
    ("A man was shot in Oakton on Sunday.", False),
    ("Oakton police said the man will live.", False),
    ("the Oakton news conference", False),  # lower case: no outlet's name
])
def test_a_town_that_opens_a_news_outlets_name_is_an_outlet_place(text, outlet):
    assert outlet_place(text, place_at(text, "Oakton")) is outlet


def test_an_outlets_town_is_still_a_scene_for_the_report_beside_it():
    text = "A man was shot in Oakton, the Oakton Herald reported."
    assert not off_scene(text, place_at(text, "Oakton", nth=1))


def test_every_word_list_of_the_places_lexicon_loads():
    from warlog.extract.place_scene import place_words

    keys = ("city_part_words", "name_part_words", "city_section_names", "neighbourhood_words", "care_verbs",
            "care_nouns", "struck_words", "locative_words", "residence_words", "residence_preps",
            "name_lead_words", "outlet_words", "agency_words")
    assert all(place_words(key) and all(isinstance(w, str) for w in place_words(key)) for key in keys)


def test_a_missing_word_list_is_rejected_with_the_lexicons_name(monkeypatch):
    from warlog.extract.place_scene import place_words

    monkeypatch.setattr(place_scene, "load_yaml", lambda name: {})
    with pytest.raises(LexiconError, match="'outlet_words'.*casualties_places.yaml"):
        place_words("outlet_words")


# ------------------------------------------------------------------------------------------ police seats


@pytest.mark.parametrize(("text", "seat"), [
    ("Oakton police said the man will live.", True),
    ("the Oakton Police Department released his name", True),
    ("Oakton's police chief spoke.", True),
    ("Oakton PD is investigating.", True),
    ("A man was shot in Oakton on Sunday.", False),
    ("Oakton policeman", False),  # no whole agency word
])
def test_a_town_before_its_police_is_a_police_seat(text, seat):
    assert agency_place(text, place_at(text, "Oakton")) is seat


# ------------------------------------------------------------------------------- names of streets and venues


@pytest.mark.parametrize(("text", "part"), [
    ("shots on Oakton Street at noon", True),
    ("a fight at the Oakton Theatre", True),
    ("OAKTON ROAD was closed", True),
    ("in the Oakton neighborhood", True),  # a city-part word in any case
    ("four shot on an Oakton street", False),  # a street of the town, not a name
    ("at an Oakton school", False),
])
def test_a_capitalised_name_word_makes_a_street_or_venue_a_lower_case_one_does_not(text, part):
    assert city_part(before_city_parts(text), "Oakton") is part


# ------------------------------------------------------------------------------ persons the model mistakes


def _person_span(model, text: str, start: int, end: int):
    """The tokens start..end of ``text`` as one PERSON entity, whatever the model says."""
    from spacy.tokens import Span as TokenSpan

    doc = model(text)
    doc.ents = [TokenSpan(doc, start, end, label="PERSON")]
    return doc[start:end]


@pytest.mark.parametrize("text", ["Deer Park teen hurt in shooting.", "Deer Park police arrest two men."])
def test_a_person_before_a_towns_young_or_police_is_no_person(model, text):
    assert not person_name(_person_span(model, text, 0, 2))


def test_a_person_before_other_words_stays_a_person(model):
    assert person_name(_person_span(model, "Deer Park told reporters she was fine.", 0, 2))


def test_the_person_followers_are_read_from_the_cue_lexicon():
    assert {"teen", "police"} <= person_followers()
