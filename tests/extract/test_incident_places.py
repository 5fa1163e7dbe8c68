"""Where a local incident happened (warlog.extract.incident_places): places of care, streets, home towns,
persons the model mistakes for towns, and the province a story is set in."""

from __future__ import annotations

import pytest

from warlog.errors import LexiconError
from warlog.extract import incident_places
from warlog.extract.drafts import Segment
from warlog.extract.incident_places import (
    care_patterns,
    care_place,
    inner_name,
    locative_words,
    name_lead_words,
    neighbourhood_names,
    off_scene,
    residence_patterns,
    residence_place,
    segment_place,
    story_place,
    street_place,
    trusted_place,
)
from warlog.geo.gazetteer import Entry, Gazetteer
from warlog.schema import EventMention, Place, Span


def _place(text: str, name: str, nth: int = 0, **fields) -> Place:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    defaults = {"geonameid": 1, "country": "US", "where_prec": 1, "feature_code": "PPL"}
    return Place(name=name, resolved_name=name, evidence=Span(start=start, end=start + len(name), text=name),
                 **(defaults | fields))


def _mentions(text: str, name: str, gid: int, **fields) -> list[Place]:
    return [_place(text, name, nth=i, geonameid=gid, **fields) for i in range(text.count(name))]


def _sites(*groups: list[Place]) -> list[Place]:
    return sorted((p for g in groups for p in g), key=lambda p: p.evidence.start)


@pytest.fixture
def populations(monkeypatch):
    """A gazetteer that knows only the populations the test gives (geonameid -> population)."""
    known: dict[int, int] = {}

    class Stub:
        def get(self, geonameid: int) -> Entry | None:
            if geonameid not in known:
                return None
            return Entry(id=geonameid, name="x", lat=0.0, lon=0.0, country="US", admin1=None, admin2=None,
                         fcode="PPL", kind=1, population=known[geonameid])

    monkeypatch.setattr(Gazetteer, "default", classmethod(lambda cls: Stub()))
    return known


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
    assert care_place(text, _place(text, "Oakton"))


@pytest.mark.parametrize("text", [
    "He was taken to the hospital after being shot in Oakton.",
    "A man was shot in Oakton on Friday. He was taken to a hospital.",
    "Oakton police said the man is in a hospital.",
    "Man Shot In Oakton Rushed To Hospital",
    "A hospital in Oakton was hit during a rocket attack.",
    "Oakton Regional Hospital was shelled overnight, the governor said.",
])
def test_the_town_where_the_shooting_happened_is_no_place_of_care(text):
    assert not care_place(text, _place(text, "Oakton"))


def test_a_hospitals_town_is_no_story_town(model):
    text = ("A man was shot in Elmwood. He was taken to Mercy Hospital in Oakton. "
            "He was later flown to Oakton. Oakton Regional Medical Center said he is stable.")
    sites = _sites(_mentions(text, "Elmwood", 2, admin1="Ohio"), _mentions(text, "Oakton", 3, admin1="Ohio"))
    assert story_place(sites, model(text), "US").name == "Elmwood"


def test_the_care_words_are_loaded_from_the_lexicon():
    verb, noun, named = care_patterns()
    assert verb.search("was airlifted to ") and noun.search("Memorial Hospital in ")
    assert named.match(" Medical Center")


def test_a_care_word_list_that_is_not_a_list_is_rejected(monkeypatch):
    monkeypatch.setattr(incident_places, "load_yaml", lambda name: {"care_verbs": "taken", "care_nouns": []})
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
    place = _place(text, name)
    assert inner_name(text, place) and off_scene(text, place)


def test_a_town_after_an_ordinary_word_is_no_tail_of_a_name():
    text = "Man Shot In Village Park. A man was shot in Oakton."
    assert not inner_name(text, _place(text, "Village"))
    assert not off_scene(text, _place(text, "Oakton"))


def test_a_name_after_a_block_number_is_a_street():
    text = "Four were shot in the 4900 block of West Hubbard, police said."
    assert street_place(text, _place(text, "Hubbard"))
    assert not street_place("He lived in Hubbard.", _place("He lived in Hubbard.", "Hubbard"))


def test_a_name_the_story_calls_a_neighbourhood_anywhere_is_found_in_one_pass():
    names = neighbourhood_names("Shots rang out on the same Austin neighborhood block. In the Marquette Park "
                                "neighborhood, a boy was hurt.")
    assert {"austin", "marquette park", "marquette"} <= names
    assert "oakton" not in neighbourhood_names("The Oakton area was calm.")


def test_a_town_the_story_calls_a_neighbourhood_where_the_finder_missed_it_is_no_story_town(model):
    text = "Five wounded in Elmwood shooting. Police in Oakton said the Elmwood neighborhood block was calm."
    elmwood = _place(text, "Elmwood", geonameid=2, admin1="Ohio")
    sites = _sites([elmwood], _mentions(text, "Oakton", 1, admin1="Ohio"))
    assert story_place(sites, model(text), "US").name == "Oakton"


# ------------------------------------------------------------------------------------- the story's province


def test_a_repeated_small_namesake_abroad_in_the_country_loses_to_another_provinces_town(model, populations):
    populations.update({11: 1_900, 12: 650_000})
    text = "Girl shot in Elmwood. The Elmwood shooting. Police in Elmwood and Oakton police said she lives."
    sites = _sites(_mentions(text, "Elmwood", 11, admin1="Wisconsin"),
                   _mentions(text, "Oakton", 12, admin1="Massachusetts"))
    assert story_place(sites, model(text), "US").name == "Oakton"


def test_different_places_of_one_province_outweigh_one_name_repeated(model, populations):
    populations.update({21: 20_000, 22: 20_000, 23: 20_000})
    text = "Elmwood shooting. Elmwood police. Elmwood. Oakton police and Pinecrest deputies came."
    sites = _sites(_mentions(text, "Elmwood", 21, admin1="Kentucky"),
                   _mentions(text, "Oakton", 22, admin1="Ohio"),
                   _mentions(text, "Pinecrest", 23, admin1="Ohio"))
    assert story_place(sites, model(text), "US").admin1 == "Ohio"


def test_a_numbered_ward_is_no_evidence_of_a_province(model, populations):
    populations.update({31: 5_000, 32: 2_000_000})
    text = "Teen killed in Third Ward shooting. A teen was killed in the 3rd Ward, Oakton police say."
    ward, town = _mentions(text, "Ward", 31, admin1="Arkansas"), _mentions(text, "Oakton", 32, admin1="Texas")
    sites = _sites(ward, town)
    assert story_place(sites, model(text), "US").admin1 == "Texas"


# ------------------------------------------------------------------------------------- persons, home towns


def _doc_with_person(model, text: str, name: str):
    doc = model.make_doc(text)
    start = text.index(name)
    doc.ents = [doc.char_span(start, start + len(name), label="PERSON")]
    return doc


def test_a_town_the_model_calls_a_person_after_a_locative_word_is_trusted(model):
    text = "Deputies went to a home just north of Benton to investigate a shooting."
    doc = _doc_with_person(model, text, "Benton")
    assert trusted_place(_place(text, "Benton", admin1="Louisiana"), doc, "US", None)


def test_a_name_the_model_calls_a_person_that_reads_as_one_is_not_trusted(model):
    text = "Sheriff Earl Butler said the boy will live."
    doc = _doc_with_person(model, text, "Earl Butler")
    assert not trusted_place(_place(text, "Butler", admin1="Ohio"), doc, "US", None)
    said = "Butler said the boy will live."
    assert not trusted_place(_place(said, "Butler", admin1="Ohio"), _doc_with_person(model, said, "Butler"),
                             "US", None)


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
    assert residence_place(text, _place(text, "Kuna")) is home


def test_of_two_towns_in_a_sentence_the_event_beats_a_victims_home_town():
    text = "An Elmwood man died in an Oakton shooting on Friday."
    sites = [_place(text, "Elmwood", geonameid=2), _place(text, "Oakton", geonameid=3)]
    trigger = Span(start=text.index("shooting"), end=text.index("shooting") + 8, text="shooting")
    event = EventMention(event_type="Violence against civilians", sub_event_type="Attack", trigger=trigger,
                         sentence=Span(start=0, end=len(text), text=text))
    seg = Segment(0, len(text), (0, len(text)), event)
    assert segment_place(seg, sites, "US", text).name == "Oakton"
    assert segment_place(seg, sites, "US").name == "Elmwood"  # without the text: the first named


def test_the_residence_words_are_loaded_from_the_lexicon():
    after, before = residence_patterns()
    assert after.match(" teen") and before.search(", of ")
