import pytest

from warlog.errors import GazetteerError
from warlog.geo import Gazetteer


def test_lookup_ignores_case_apostrophes_and_accents(small_gazetteer):
    for written in ("ARTEMIVS'K", "artemivsk", "Artemivs’k"):
        assert [e.id for e in small_gazetteer.lookup(written)] == [713174]
    assert 706483 in [e.id for e in small_gazetteer.lookup("Kharkív")]


def test_lookup_returns_every_place_of_a_name(small_gazetteer):
    assert {e.id for e in small_gazetteer.lookup("Krasnohorivka")} == {704393, 704390}


def test_an_abbreviated_first_word_finds_the_name_spelled_out(small_gazetteer):
    for written in ("Mt. Oliver", "Mt Oliver", "Mount Oliver"):
        assert [e.id for e in small_gazetteer.lookup(written)] == [5210000]


def test_unknown_name_returns_nothing(small_gazetteer):
    assert small_gazetteer.lookup("Nowhere-on-Sea") == ()
    assert small_gazetteer.lookup("") == ()


def test_country_by_iso_code(small_gazetteer):
    assert small_gazetteer.country("ua").id == 690791
    assert small_gazetteer.country("ZZ") is None


def test_get_by_id(small_gazetteer):
    assert small_gazetteer.get(578072).name == "Belgorod"
    assert small_gazetteer.get(1) is None


def test_missing_database_says_how_to_build_one(tmp_path):
    with pytest.raises(GazetteerError, match="default"):
        Gazetteer(tmp_path / "absent.sqlite")


def test_a_file_that_is_not_a_gazetteer_is_refused(tmp_path):
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(GazetteerError, match="rebuild"):
        Gazetteer(junk)
