"""Lists of toponyms (warlog.extract.place_lists) and the readings of a state's name
(warlog.extract.place_readings), over texts written for these tests and a small gazetteer of hand-written
GeoNames rows (names and numbers rounded)."""

from __future__ import annotations

import pytest

from tests.extract.test_place_cues import _entry, _with_ents
from tests.geo.smalldump import dump_text
from warlog.extract.place_readings import big_city_named, drop_small_namesakes
from warlog.extract.places import PlaceFinder
from warlog.geo import Gazetteer, import_geonames_dump
from warlog.geo.gazetteer import Entry
from warlog.geo.ranking import ADMIN1, SETTLEMENT

# geonameid, name, asciiname, alternatenames, lat, lon, class, code, country, admin1, admin2, population
ROWS = [
    (6252001, "United States", "United States", "", 39.76, -98.5, "A", "PCLI", "US", "00", "", 327000000),
    (5815135, "Washington", "Washington", "", 47.5, -120.5, "A", "ADM1", "US", "WA", "", 7000000),
    (
        4138106,
        "District of Columbia",
        "District of Columbia",
        "",
        38.9,
        -77.0,
        "A",
        "ADM1",
        "US",
        "DC",
        "",
        0,
    ),
    (5128638, "New York", "New York", "", 43.0, -75.5, "A", "ADM1", "US", "NY", "", 19000000),
    (5744337, "Oregon", "Oregon", "", 44.0, -120.5, "A", "ADM1", "US", "OR", "", 4000000),
    (5332921, "California", "California", "", 37.25, -119.75, "A", "ADM1", "US", "CA", "", 39000000),
    (6254927, "Pennsylvania", "Pennsylvania", "", 40.9, -77.7, "A", "ADM1", "US", "PA", "", 12800000),
    (5073708, "Nebraska", "Nebraska", "", 41.5, -99.75, "A", "ADM1", "US", "NE", "", 1900000),
    (4140963, "Washington", "Washington", "", 38.895, -77.036, "P", "PPLC", "US", "DC", "001", 690000),
    (
        5128581,
        "New York City",
        "New York City",
        "New York",
        40.714,
        -74.006,
        "P",
        "PPL",
        "US",
        "NY",
        "",
        8800000,
    ),
    (4930956, "Boston", "Boston", "", 42.358, -71.06, "P", "PPLA", "US", "MA", "025", 670000),
    (5180199, "California", "California", "", 40.066, -79.892, "P", "PPL", "US", "PA", "125", 6000),
    (5074472, "Otoe County", "Otoe County", "Otoe", 40.65, -96.13, "A", "ADM2", "US", "NE", "131", 16000),
    (
        5081200,
        "Washington County",
        "Washington County",
        "Washington",
        41.53,
        -96.22,
        "A",
        "ADM2",
        "US",
        "NE",
        "177",
        20000,
    ),
    (5074470, "Otoe", "Otoe", "", 40.72, -96.12, "P", "PPL", "US", "NE", "131", 170),
]


@pytest.fixture(scope="module")
def finder(model, tmp_path_factory):
    folder = tmp_path_factory.mktemp("lists")
    dump = folder / "US.txt"
    dump.write_text(dump_text(ROWS), encoding="utf-8")
    db = folder / "lists.sqlite"
    import_geonames_dump(dump, db=db)
    return PlaceFinder(model, "warlog_places", gazetteer=Gazetteer(db))


def _ids(model, finder, text: str, names: list[str]) -> dict[str, int | None]:
    doc = _with_ents(model, text, [(n, "GPE") for n in names])
    return {p.name: p.geonameid for p in finder.match(doc)}


def test_a_name_among_cities_is_the_city(model, finder):
    text = "After stops in Washington, New York and Boston, the prince flew home."
    ids = _ids(model, finder, text, ["Washington", "New York", "Boston"])
    assert ids["Washington"] == 4140963
    assert ids["New York"] == 5128581


def test_a_name_among_states_is_the_state(model, finder):
    text = "Jobs left western states such as Oregon or Washington last year."
    assert _ids(model, finder, text, ["Oregon", "Washington"])["Washington"] == 5815135


def test_a_plural_unit_word_after_a_list_types_every_item(model, finder):
    text = "The fire spread to Otoe and Washington counties on Monday."
    ids = _ids(model, finder, text, ["Otoe", "Washington"])
    assert ids == {"Otoe": 5074472, "Washington": 5081200}


def test_lower_case_state_after_a_name_is_the_state(model, finder):
    text = "Officials in Washington state said the fire spread."
    assert _ids(model, finder, text, ["Washington"])["Washington"] == 5815135


def test_a_unit_after_a_comma_qualifies_rather_than_lists(model, finder):
    text = "She lives in Washington, District of Columbia. Her sister lives in Boston."
    ids = _ids(model, finder, text, ["Washington", "District of Columbia", "Boston"])
    assert ids["Washington"] == 4140963


def test_a_state_followed_by_more_items_is_listed_not_a_qualifier(model, finder):
    # without the list, "New York" after a comma would qualify "Washington" as the state it lies in
    text = "Flights from Washington, New York and Boston resumed."
    ids = _ids(model, finder, text, ["Washington", "New York", "Boston"])
    assert ids["New York"] == 5128581


def test_bare_state_name_is_the_state_not_a_small_namesake(model, finder):
    text = "Soldiers trained in California before the deployment."
    assert _ids(model, finder, text, ["California"])["California"] == 5332921


# ------------------------------------------------------------------------------------ pure readings


def test_small_town_named_like_a_state_elsewhere_is_dropped():
    state = Entry(1, "California", 37.25, -119.75, "US", "California", None, "ADM1", ADMIN1, 39_000_000)
    town = Entry(2, "California", 40.07, -79.89, "US", "Pennsylvania", None, "PPL", SETTLEMENT, 6000)
    assert drop_small_namesakes((state, town), "california", {}) == (state,)


def test_small_namesake_stays_where_the_document_names_its_state():
    state = Entry(1, "California", 37.25, -119.75, "US", "California", None, "ADM1", ADMIN1, 39_000_000)
    town = Entry(2, "California", 40.07, -79.89, "US", "Pennsylvania", None, "PPL", SETTLEMENT, 6000)
    kept = drop_small_namesakes((state, town), "california", {"Pennsylvania": 1.0})
    assert town in kept


def test_towns_of_another_country_are_no_namesakes_to_drop():
    parish = _entry(1, ADMIN1, "BM", name="Hamilton", population=5000)
    town = _entry(2, SETTLEMENT, "US", name="Hamilton", population=60_000)
    assert drop_small_namesakes((parish, town), "hamilton", {}) == (parish, town)


def test_city_called_name_city_bears_the_bare_name():
    city = _entry(1, SETTLEMENT, "US", name="New York City", population=8_800_000)
    assert big_city_named(city, "new york")
    assert not big_city_named(_entry(2, SETTLEMENT, "US", name="New York Mills", population=3000), "new york")


def test_list_kind_words_reads_known_levels_only():
    from warlog.extract.place_cues import list_kind_words
    from warlog.geo.ranking import ADMIN2

    words = list_kind_words({"admin1": ["States"], "admin2": ["counties"], "planet": ["worlds"]})
    assert words == {"states": ADMIN1, "counties": ADMIN2}
