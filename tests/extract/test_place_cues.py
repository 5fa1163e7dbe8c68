"""The place finder's word-and-name judgements (warlog.extract.place_cues) and the rules built on them,
over texts written for these tests and a small gazetteer of hand-written GeoNames rows."""

from __future__ import annotations

import pytest
from spacy.tokens import Span as SpacySpan

from tests.geo.smalldump import dump_text
from warlog.extract.place_cues import Cues
from warlog.extract.place_readings import sure_units
from warlog.extract.places import Mention, PlaceFinder
from warlog.geo import Gazetteer, import_geonames_dump
from warlog.geo.gazetteer import Entry
from warlog.geo.ranking import ADMIN1, COUNTRY, SETTLEMENT, Context

# geonameid, name, asciiname, alternatenames, lat, lon, class, code, country, admin1, admin2, population
ROWS = [
    (690791, "Ukraine", "Ukraine", "", 49.0, 32.0, "A", "PCLI", "UA", "00", "", 41000000),
    (2017370, "Russia", "Russia", "", 60.0, 100.0, "A", "PCLI", "RU", "00", "", 144000000),
    (3017382, "France", "France", "", 46.0, 2.0, "A", "PCLI", "FR", "00", "", 67000000),
    (6252001, "United States", "United States", "", 39.76, -98.5, "A", "PCLI", "US", "00", "", 327000000),
    (709716, "Donetsk Oblast", "Donetsk Oblast", "", 48.0, 37.8, "A", "ADM1", "UA", "05", "", 4100000),
    (696634, "Poltava Oblast", "Poltava Oblast", "", 49.6, 34.0, "A", "ADM1", "UA", "18", "", 1400000),
    (4662168, "Tennessee", "Tennessee", "", 35.75, -86.25, "A", "ADM1", "US", "TN", "", 6700000),
    (4331987, "Louisiana", "Louisiana", "", 31.0, -92.0, "A", "ADM1", "US", "LA", "", 4600000),
    (4626295, "Henry County", "Henry County", "", 36.33, -88.3, "A", "ADM2", "US", "TN", "079", 32000),
    (706483, "Kharkiv", "Kharkiv", "Kharkov", 49.981, 36.253, "P", "PPLA", "UA", "07", "", 1430000),
    (713174, "Bakhmut", "Bakhmut", "Artemivsk", 48.594, 37.999, "P", "PPL", "UA", "05", "", 72000),
    (2988507, "Paris", "Paris", "", 48.853, 2.349, "P", "PPLC", "FR", "11", "", 2100000),
    (4647963, "Paris", "Paris", "", 36.302, -88.326, "P", "PPLA2", "US", "TN", "079", 10000),
    (5000001, "Marquette", "Marquette", "Market", 46.543, -87.395, "P", "PPL", "US", "MI", "", 21000),
    (2973001, "Still", "Still", "", 48.55, 7.4, "P", "PPL", "FR", "44", "", 1900),
    (7000001, "Novoselivka", "Novoselivka", "", 48.1, 37.6, "P", "PPL", "UA", "05", "", 900),
    (7000002, "Novoselivka", "Novoselivka", "", 49.7, 34.2, "P", "PPL", "UA", "18", "", 1200),
    (7000003, "Pisky", "Pisky", "", 49.8, 33.9, "P", "PPL", "UA", "18", "", 600),
]


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory) -> Gazetteer:
    folder = tmp_path_factory.mktemp("rules")
    dump = folder / "XX.txt"
    dump.write_text(dump_text(ROWS), encoding="utf-8")
    db = folder / "rules.sqlite"
    import_geonames_dump(dump, db=db)
    return Gazetteer(db)


@pytest.fixture(scope="module")
def finder(model, gazetteer):
    return PlaceFinder(model, "warlog_places", gazetteer=gazetteer)


def _with_ents(model, text: str, ents: list[tuple[str, str]]):
    """The model's parse of ``text`` with its entities replaced by ``ents`` (substring, label): the rules
    are tested apart from what this model version happens to label."""
    doc = model(text)
    spans = []
    for sub, label in ents:
        start = text.index(sub)
        spans.append(doc.char_span(start, start + len(sub), label=label, alignment_mode="expand"))
    doc.ents = spans
    return doc


def _names(places) -> list[str]:
    return [p.name for p in places if p.lat is not None]


def _entry(gid: int, kind: int, country: str, name: str = "Market", population: int = 0) -> Entry:
    return Entry(gid, name, 0.0, 0.0, country, None, None, "PPL", kind, population)


# ------------------------------------------------------------------------------------ trusted names


def test_town_reached_only_through_an_odd_alternate_name_is_no_reading():
    cues = Cues()
    marquette = _entry(1, SETTLEMENT, "US", name="Marquette")
    assert cues.trusted((marquette,), "market") == ()


def test_own_names_units_and_transliterated_countries_keep_their_readings():
    cues = Cues()
    own = _entry(1, SETTLEMENT, "US", name="Market")
    unit = _entry(2, ADMIN1, "US", name="Marketland")
    ukrainian = _entry(3, SETTLEMENT, "UA", name="Bakhmut")
    kept = cues.trusted((own, unit, ukrainian), "market")
    assert kept == (own, unit, ukrainian)


def test_curated_alias_is_trusted():
    cues = Cues()
    moscow = _entry(524901, SETTLEMENT, "XX", name="Moscow")  # a country outside the transliterated ones
    assert cues.trusted((moscow,), "kremlin") == (moscow,)


def test_capitalised_word_known_only_as_an_alternate_name_is_not_found(model, finder):
    found = finder.match(_with_ents(model, "Analysts at Market Research said prices rose.", []))
    assert "Market" not in _names(found)
    found = finder.match(_with_ents(model, "He drove to Marquette on Sunday.", []))
    assert _names(found) == ["Marquette"]


# ------------------------------------------------------------------------------------ datelines


def test_capitals_opening_a_story_before_the_agency_are_its_dateline(model):
    doc = model("KHARKIV (Reuters) - Officials said power was back.")
    assert Cues.dateline(doc, 0, 1)


def test_capitals_without_a_dateline_mark_are_not_a_dateline(model):
    assert not Cues.dateline(model("KHARKIV was quiet on Monday."), 0, 1)
    assert not Cues.dateline(model("Kharkiv (Reuters) - Officials said power was back."), 0, 1)


def test_dateline_place_is_found(model, finder):
    found = finder.match(_with_ents(model, "KHARKIV (Reuters) - Officials said power was back.", []))
    assert _names(found) == ["KHARKIV"]


# ------------------------------------------------------------------------------------ NER slips


def test_date_glued_to_a_town_or_a_place_word_at_the_end_is_not_a_persons_name(model):
    cues = Cues()
    doc = model("25/03/2022 Bakhmut police said Chuhuiv Airbase and George Washington were named.")
    assert not cues.person_name(SpacySpan(doc, 0, 2, label="PERSON"))
    airbase = doc.char_span(31, 46, label="PERSON")
    assert airbase.text == "Chuhuiv Airbase" and not cues.person_name(airbase)
    assert cues.person_name(doc.char_span(51, 68, label="PERSON"))


def test_town_in_a_date_glued_person_entity_before_a_facility_word_is_a_place(model, finder):
    doc = _with_ents(
        model, "25/03/2022 Bakhmut police station was damaged.", [("25/03/2022 Bakhmut", "PERSON")]
    )
    assert _names(finder.match(doc)) == ["Bakhmut"]


def test_strong_place_word_outweighs_a_work_of_art_label(model, finder):
    doc = _with_ents(model, "Fire and injuries in Kharkiv (Image 1)", [("Kharkiv (Image 1", "WORK_OF_ART")])
    assert _names(finder.match(doc)) == ["Kharkiv"]


def test_a_date_label_still_blocks_a_name(model, finder):
    doc = _with_ents(model, "Fire was reported in Paris 2024 week.", [("Paris 2024", "DATE")])
    assert "Paris" not in _names(finder.match(doc))


def test_verb_of_attack_before_a_name_makes_it_a_place(model, finder):
    doc = _with_ents(model, "Artillery hitting Kharkiv again.", [("Kharkiv", "PERSON")])
    assert _names(finder.match(doc)) == ["Kharkiv"]


def test_country_taken_for_an_organisation_is_the_country(model, finder):
    doc = _with_ents(model, "Analysts said that Russia wants more.", [("Russia", "ORG")])
    assert _names(finder.match(doc)) == ["Russia"]


def test_country_name_opening_a_longer_organisation_is_not_the_country(model, finder):
    doc = _with_ents(model, "Analysts said that Russia Today wants more.", [("Russia Today", "ORG")])
    assert "Russia" not in _names(finder.match(doc))


def test_transliterated_village_fits_without_other_evidence(model, finder):
    doc = _with_ents(model, "Heavy shelling of Novoselivka overnight.", [("Novoselivka", "ORG")])
    assert _names(finder.match(doc)) == ["Novoselivka"]


# ------------------------------------------------------------------------------------ qualifiers


def test_name_before_a_comma_and_a_state_must_lie_in_that_state(model, finder):
    doc = _with_ents(model, "Still, Louisiana voters were calm.", [("Louisiana", "GPE")])
    assert _names(finder.match(doc)) == ["Louisiana"]


def test_village_qualified_by_a_unit_it_is_not_in_stays_unresolved(model, finder):
    text = "Shelling hit Pisky, Donetsk Oblast, overnight."
    found = finder.match(_with_ents(model, text, [("Donetsk Oblast", "GPE")]))
    pisky = next(p for p in found if p.name == "Pisky")
    assert pisky.lat is None and "Donetsk Oblast" in pisky.reason
    assert 7000003 in [a.geonameid for a in pisky.alternatives]
    assert "Donetsk Oblast" in _names(found)


def test_village_qualified_by_its_own_unit_resolves_inside_it(model, finder):
    text = "Shelling hit Novoselivka, Poltava Oblast, overnight."
    found = finder.match(_with_ents(model, text, [("Novoselivka", "GPE"), ("Poltava Oblast", "GPE")]))
    assert next(p for p in found if p.name == "Novoselivka").geonameid == 7000002


def test_a_bare_qualifier_that_may_be_a_country_or_a_city_says_nothing_sure():
    country = _entry(1, COUNTRY, "GE", name="Georgia")
    state = _entry(2, ADMIN1, "US", name="Georgia")
    assert sure_units(None, (country, state)) == ()
    city = _entry(3, SETTLEMENT, "US", name="New York", population=8_000_000)
    assert sure_units(None, (state, city)) == ()
    assert sure_units(None, (state,)) == (state,)
    assert sure_units((ADMIN1,), (country, state)) == (state,)  # "Georgia Oblast" says the unit


# ------------------------------------------------------------------------------------ counties


def test_town_in_a_county_the_document_names_wins_over_a_capital(model, finder):
    text = "Paris police said the Henry County sheriff would help."
    found = finder.match(_with_ents(model, text, [("Paris", "GPE"), ("Henry County", "GPE")]))
    assert next(p for p in found if p.name == "Paris").geonameid == 4647963


def test_without_the_county_the_capital_wins(model, finder):
    found = finder.match(_with_ents(model, "Paris police said the sheriff would help.", [("Paris", "GPE")]))
    assert next(p for p in found if p.name == "Paris").geonameid == 2988507


# ------------------------------------------------------------------------------------ determinism


def test_country_votes_follow_the_order_of_the_candidates(finder):
    context = Context()
    hits = tuple(
        _entry(i, SETTLEMENT, iso, name="Springfield") for i, iso in enumerate(["US", "ZA", "AU", "CA"])
    )
    finder._vote(context, Mention(0, 11, "Springfield"), hits)
    assert list(context.countries) == ["US", "ZA", "AU", "CA"]


# ------------------------------------------------------------------------------------ transliterated names


def test_name_only_places_of_one_transliterated_country_bear_is_a_town():
    from warlog.extract.place_readings import transliterated_town

    countries = Cues().translit_countries
    town = _entry(1, SETTLEMENT, "UA", name="Volnovakha", population=21_000)
    raion = _entry(2, 3, "UA", name="Volnovakha Raion", population=80_000)
    assert transliterated_town((raion, town), countries)
    assert not transliterated_town((town, _entry(3, SETTLEMENT, "US", name="Volnovakha")), countries)
    assert not transliterated_town((_entry(4, SETTLEMENT, "UA", population=900),), countries)
    assert not transliterated_town((_entry(5, SETTLEMENT, "FR", population=90_000),), countries)


def test_transliterated_town_opening_a_headline_is_a_place(model, finder):
    found = finder.match(_with_ents(model, "Bakhmut, drone footage of damaged houses.", []))
    assert _names(found) == ["Bakhmut"]


def test_a_name_of_two_countries_needs_a_place_word(model, finder):
    found = finder.match(_with_ents(model, "Paris, drone footage of damaged houses.", []))
    assert _names(found) == []


def test_a_person_label_keeps_a_transliterated_name_a_person(model, finder):
    found = finder.match(_with_ents(model, "Bakhmut said the houses were damaged.", [("Bakhmut", "PERSON")]))
    assert _names(found) == []


# ------------------------------------------------------------------------------------ streets, organisations


def test_name_before_a_capitalised_street_word_is_no_place(model, finder):
    found = finder.match(_with_ents(model, "The crash happened on Paris Road near the school.", []))
    assert _names(found) == []


def test_lower_case_road_after_a_name_leaves_the_place(model, finder):
    found = finder.match(_with_ents(model, "Troops shelled the Bakhmut road and houses in Paris.", []))
    assert "Bakhmut" in _names(found)


def test_street_cue_reads_capitalised_street_words_only(model):
    cues = Cues()
    doc = model("They met on Still Road and on the Still road.")
    assert cues.street(doc, 4)
    assert not cues.street(doc, 9)


def test_preposition_before_an_organisation_is_the_organisation_s(model, finder):
    text = "She studied at Still Valley School for years."
    found = finder.match(_with_ents(model, text, [("Still Valley School", "ORG")]))
    assert _names(found) == []


def test_preposition_before_a_bare_name_still_makes_it_a_place(model, finder):
    found = finder.match(_with_ents(model, "Drones hit houses in Still overnight.", []))
    assert _names(found) == ["Still"]


def test_oblast_qualifier_rules_out_a_namesake_of_another_country(model, finder):
    text = "Two tanks were hit in Still, Donetsk Oblast."
    found = finder.match(_with_ents(model, text, [("Still", "GPE"), ("Donetsk Oblast", "GPE")]))
    still = next(p for p in found if p.name == "Still")
    assert still.lat is None
    assert "Donetsk Oblast" in (still.reason or "")


# ------------------------------------------------------------------------------------ a collection's focus


# two towns of one (invented) name: the larger abroad, the smaller in the country a collection is about
FOCUS_ROWS = [
    (690791, "Ukraine", "Ukraine", "", 49.0, 32.0, "A", "PCLI", "UA", "00", "", 41000000),
    (1527747, "Kyrgyzstan", "Kyrgyzstan", "", 41.5, 75.0, "A", "PCLI", "KG", "00", "", 6300000),
    (9000001, "Zarivka", "Zarivka", "", 42.84, 75.3, "P", "PPL", "KG", "02", "", 70000),
    (9000002, "Zarivka", "Zarivka", "", 47.25, 35.7, "P", "PPL", "UA", "26", "", 30000),
]


def test_collection_focus_pulls_a_lone_ambiguous_name_to_its_country(model, tmp_path):
    dump = tmp_path / "XX.txt"
    dump.write_text(dump_text(FOCUS_ROWS), encoding="utf-8")
    import_geonames_dump(dump, db=tmp_path / "focus.sqlite")
    finder = PlaceFinder(model, "warlog_places", gazetteer=Gazetteer(tmp_path / "focus.sqlite"))
    doc = _with_ents(model, "Shelling reported in Zarivka.", [("Zarivka", "GPE")])
    assert finder.match(doc)[0].country == "KG"
    finder.focus = ["ua"]
    assert finder.match(doc)[0].country == "UA"


def test_collection_focus_must_be_iso_codes(model, gazetteer):
    from warlog.errors import GazetteerError

    finder = PlaceFinder(model, "warlog_places", gazetteer=gazetteer)
    with pytest.raises(GazetteerError, match="ISO-2"):
        finder.focus = ["Ukraine"]


def test_unique_town_opening_a_longer_organisation_is_the_organisation_s(model, finder):
    text = "She sold the house with Marquette Valley Realty last spring."
    found = finder.match(_with_ents(model, text, [("Marquette Valley Realty", "ORG")]))
    assert _names(found) == []


def test_unique_town_taken_alone_for_an_organisation_is_the_town(model, finder):
    text = "Marquette reported two new cases last spring."
    found = finder.match(_with_ents(model, text, [("Marquette", "ORG")]))
    assert _names(found) == ["Marquette"]


def test_abbreviated_street_word_makes_a_street(model, finder):
    found = finder.match(_with_ents(model, "The house on Paris St. burned down.", []))
    assert _names(found) == []


WINDOWS = [
    "Russian forces shelled the village of ",
    "the strike hit 15 km south of ",
    "fighting on the outskirts of the ",
    "artillery fire near ",
    "SHELLING NEAR\n",
    "A DRONE FELL 5 KM FROM THE ",
    "the village of",  # no white space before the name: no phrase ends the window
    "the town of\u00a0",
    "residents in ",
    "the roof ",
    "",
]


@pytest.mark.parametrize("window", WINDOWS)
def test_cue_phrase_tests_agree_with_the_cue_patterns(window):
    cues = Cues()
    assert cues.settled_before(window) == bool(cues.settlement_before.search(window))
    spatial = cues.distance_before.search(window) or cues.near_before.search(window)
    found = cues.spatial_before(window)
    assert (found and found.group(1)) == (spatial and spatial.group(1))


def test_cue_phrases_are_found_before_a_name():
    cues = Cues()
    assert cues.settled_before("shelled the village of ")
    assert cues.spatial_before("hit 15 km south of ").group(1) == "15 km south of "
    assert cues.spatial_before("residents in ") is None


def test_the_words_that_make_a_place_even_of_a_person_are_loaded_from_the_lexicon():
    cues = Cues()
    assert {"police", "teen"} <= cues.person_followers
    assert "said" not in cues.person_followers and "home" not in cues.followers
