"""The story's own places (warlog.extract.story_places): the dateline, the settlements it trusts, the
province it is set in and the town it is about."""

from __future__ import annotations

import pytest

from tests.extract.place_helpers import in_order, named, place_at
from warlog.extract.place_scene import before_city_parts, city_part, city_section_names
from warlog.extract.story_places import _namesake_in, dateline_place, story_place, trusted_place
from warlog.geo.gazetteer import Entry, Gazetteer
from warlog.schema import Place, PlaceCandidate


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


# ----------------------------------------------------------------------------------------------- datelines


def test_a_capitalised_place_opening_a_line_before_a_dash_is_the_dateline():
    text = "Man shot on porch.\n\nSPRINGVILLE, Ind. (WXYZ) — A man was shot on Friday."
    town = place_at(text, "SPRINGVILLE", admin1="Indiana")
    assert dateline_place(text, [town], "US") is town


def test_a_place_inside_a_sentence_is_no_dateline():
    text = "Man shot on porch.\n\nPolice in Springville said a man was shot - he survived."
    assert dateline_place(text, [place_at(text, "Springville", admin1="Indiana")], "US") is None


def test_a_dateline_the_finder_missed_is_taken_from_the_same_name_later_in_the_story():
    text = "Man hurt.\n\nSPRINGVILLE (WXYZ) – A man was hurt. Springville police said he will survive."
    later = place_at(text, "Springville", admin1="Indiana")
    assert dateline_place(text, [later], "US") is later


# ------------------------------------------------------------------------------------------ trusted places


def test_a_place_called_a_neighborhood_is_not_trusted_as_the_city(model):
    text = "A man was shot in the Maple Grove neighborhood on Sunday."
    doc = model(text)
    assert not trusted_place(place_at(text, "Maple Grove", admin1="Texas"), doc, "US", None)
    assert city_part(before_city_parts(text), "Maple Grove")
    assert not city_part(before_city_parts(text), "Grove Hill")


def test_a_settlement_abroad_is_not_trusted_in_a_story_about_one_country(model):
    text = "A man was shot in Springville on Sunday."
    place = place_at(text, "Springville", country="PH")
    assert not trusted_place(place, model(text), "US", None)
    assert trusted_place(place.model_copy(update={"country": "US"}), model(text), "US", None)


def test_an_ambiguous_town_outside_the_datelines_state_is_not_trusted(model):
    text = "A man was shot in Springville on Sunday."
    place = place_at(text, "Springville", admin1="Alabama", reason="ambiguous: close alternatives kept")
    assert not trusted_place(place, model(text), "US", "Pennsylvania")
    assert trusted_place(place, model(text), "US", "Alabama")


def test_a_name_that_is_part_of_a_street_is_not_trusted_as_a_town(model):
    text = "The girl was shot inside a home on Maple Parkway on Sunday."
    assert not trusted_place(place_at(text, "Maple", admin1="Ohio"), model(text), "US", None)


def test_a_city_section_named_by_its_direction_is_not_trusted_as_a_town(model):
    text = "A man was shot on the South Side on Sunday."
    assert "south side" in city_section_names()
    assert not trusted_place(place_at(text, "South Side", admin1="Ohio"), model(text), "US", None)


def _doc_with_person(model, text: str, name: str):
    doc = model.make_doc(text)
    start = text.index(name)
    doc.ents = [doc.char_span(start, start + len(name), label="PERSON")]
    return doc


def test_a_town_the_model_calls_a_person_after_a_locative_word_is_trusted(model):
    text = "Deputies went to a home just north of Benton to investigate a shooting."
    doc = _doc_with_person(model, text, "Benton")
    assert trusted_place(place_at(text, "Benton", admin1="Louisiana"), doc, "US", None)


def test_a_name_the_model_calls_a_person_that_reads_as_one_is_not_trusted(model):
    text = "Sheriff Earl Butler said the boy will live."
    doc = _doc_with_person(model, text, "Earl Butler")
    assert not trusted_place(place_at(text, "Butler", admin1="Ohio"), doc, "US", None)
    said = "Butler said the boy will live."
    assert not trusted_place(place_at(said, "Butler", admin1="Ohio"), _doc_with_person(model, said, "Butler"),
                             "US", None)


# ----------------------------------------------------------------------------------------- the story's town


def test_the_story_place_is_the_town_the_story_names_most(model):
    text = "A man was shot in Elmwood. Oakton police said he will live. The Oakton mayor spoke in Oakton."
    sites = in_order(named(text, "Elmwood", 2, admin1="Ohio"), named(text, "Oakton", 1, admin1="Ohio"))
    assert story_place(sites, model(text), "US").name == "Oakton"


def test_the_story_place_stays_in_the_province_most_places_lie_in(model):
    text = "Oakton police said a man was shot. Elmwood, Ohio. Elmwood police. Oakton."
    sites = in_order(named(text, "Oakton", 1, admin1="Maine"),
                   named(text, "Elmwood", 2, admin1="Ohio"),
                   [place_at(text, "Ohio", geonameid=9, admin1="Ohio", where_prec=4, feature_code="ADM1")])
    assert story_place(sites, model(text), "US").name == "Elmwood"


def test_a_mention_before_a_street_word_does_not_count_for_the_story_place(model):
    text = "A man was shot on Birch Road. Birch Road was closed. Police in Oakton said he will live."
    sites = in_order(named(text, "Birch", 3, admin1="Ohio"), named(text, "Oakton", 1, admin1="Ohio"))
    assert story_place(sites, model(text), "US").name == "Oakton"


def test_an_ambiguous_town_is_read_as_its_namesake_in_the_story_province(monkeypatch):
    namesake = Entry(id=7, name="Oakton", lat=1.0, lon=2.0, country="US", admin1="Ohio", admin2=None,
                     fcode="PPL", kind=1, population=10)

    class Stub:
        def get(self, geonameid: int) -> Entry | None:
            return namesake if geonameid == 7 else None

    monkeypatch.setattr(Gazetteer, "default", classmethod(lambda cls: Stub()))
    alt = PlaceCandidate(geonameid=7, name="Oakton", lat=1.0, lon=2.0, country="US")
    place = Place(name="Oakton", geonameid=3, country="US", admin1="Maine", where_prec=1, alternatives=[alt])
    assert _namesake_in(place, "Ohio").admin1 == "Ohio" and _namesake_in(place, "Ohio").geonameid == 7
    assert _namesake_in(place, "Iowa") is place


def test_a_name_the_story_once_calls_a_neighborhood_is_no_story_town(model):
    text = "A man was shot in the Elmwood neighborhood. Elmwood is calm. Elmwood. Oakton police said so."
    sites = in_order(named(text, "Elmwood", 2, admin1="Ohio"), named(text, "Oakton", 1, admin1="Ohio"))
    assert story_place(sites, model(text), "US").name == "Oakton"


def test_a_town_the_story_calls_an_area_stays_a_town(model):
    text = "A man was shot in the Oakton area. Oakton police said Oakton was calm. Elmwood is near."
    sites = in_order(named(text, "Oakton", 1, admin1="Ohio"), named(text, "Elmwood", 2, admin1="Ohio"))
    assert story_place(sites, model(text), "US").name == "Oakton"


def test_a_hospitals_town_is_no_story_town(model):
    text = ("A man was shot in Elmwood. He was taken to Mercy Hospital in Oakton. "
            "He was later flown to Oakton. Oakton Regional Medical Center said he is stable.")
    sites = in_order(named(text, "Elmwood", 2, admin1="Ohio"), named(text, "Oakton", 3, admin1="Ohio"))
    assert story_place(sites, model(text), "US").name == "Elmwood"


def test_a_town_the_story_calls_a_neighbourhood_where_the_finder_missed_it_is_no_story_town(model):
    text = "Five wounded in Elmwood shooting. Police in Oakton said the Elmwood neighborhood block was calm."
    elmwood = place_at(text, "Elmwood", geonameid=2, admin1="Ohio")
    sites = in_order([elmwood], named(text, "Oakton", 1, admin1="Ohio"))
    assert story_place(sites, model(text), "US").name == "Oakton"


# ------------------------------------------------------------------------------------- the story's province


def test_a_repeated_small_namesake_abroad_in_the_country_loses_to_another_provinces_town(model, populations):
    populations.update({11: 1_900, 12: 650_000})
    text = "Girl shot in Elmwood. The Elmwood shooting. Police in Elmwood and Oakton police said she lives."
    sites = in_order(named(text, "Elmwood", 11, admin1="Wisconsin"),
                   named(text, "Oakton", 12, admin1="Massachusetts"))
    assert story_place(sites, model(text), "US").name == "Oakton"


def test_different_places_of_one_province_outweigh_one_name_repeated(model, populations):
    populations.update({21: 20_000, 22: 20_000, 23: 20_000})
    text = "Elmwood shooting. Elmwood police. Elmwood. Oakton police and Pinecrest deputies came."
    sites = in_order(named(text, "Elmwood", 21, admin1="Kentucky"),
                   named(text, "Oakton", 22, admin1="Ohio"),
                   named(text, "Pinecrest", 23, admin1="Ohio"))
    assert story_place(sites, model(text), "US").admin1 == "Ohio"


def test_a_numbered_ward_is_no_evidence_of_a_province(model, populations):
    populations.update({31: 5_000, 32: 2_000_000})
    text = "Teen killed in Third Ward shooting. A teen was killed in the 3rd Ward, Oakton police say."
    ward, town = named(text, "Ward", 31, admin1="Arkansas"), named(text, "Oakton", 32, admin1="Texas")
    sites = in_order(ward, town)
    assert story_place(sites, model(text), "US").admin1 == "Texas"


# ------------------------------------------------------------------------------------------------- outlets


def test_an_outlets_town_gives_way_to_another_town_of_the_province(model):
    text = ("A man was shot in Elmwood. Photo: Oakton Chronicle. Photo: Oakton Chronicle. "
            "Photo: Oakton Chronicle.")
    sites = in_order(named(text, "Elmwood", 2, admin1="Ohio"), named(text, "Oakton", 1, admin1="Ohio"))
    assert story_place(sites, model(text), "US").name == "Elmwood"


def test_an_outlets_town_is_the_story_town_where_the_province_has_no_other(model):
    text = "Six were shot in Ohio on Sunday, the Oakton Times said. Police in Elmwood, Iowa, made no arrest."
    sites = in_order(named(text, "Oakton", 1, admin1="Ohio"), named(text, "Elmwood", 2, admin1="Iowa"),
                   [place_at(text, "Ohio", geonameid=9, admin1="Ohio", where_prec=4, feature_code="ADM1")])
    assert story_place(sites, model(text), "US").name == "Oakton"
