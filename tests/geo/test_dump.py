import zipfile

import pytest

from tests.geo.smalldump import ROWS, dump_text
from warlog.errors import GazetteerError
from warlog.geo import Gazetteer, import_geonames_dump


def test_import_counts_the_place_rows_and_skips_other_features(tmp_path, small_dump):
    count = import_geonames_dump(small_dump, db=tmp_path / "g.sqlite")
    assert count == len(ROWS) - 1  # the mill is not a place kind


def test_import_indexes_alternate_names(small_gazetteer):
    assert [e.id for e in small_gazetteer.lookup("Artemivsk")] == [713174]
    assert [e.id for e in small_gazetteer.lookup("Бахмут")] == [713174]


def test_import_fills_admin_names_from_codes(small_gazetteer):
    bakhmut = small_gazetteer.get(713174)
    assert bakhmut.admin1 == "Donetsk Oblast"
    assert bakhmut.kind == 1


def test_import_sets_kinds_from_feature_codes(small_gazetteer):
    assert small_gazetteer.get(709716).kind == 4
    assert small_gazetteer.get(690791).kind == 6
    assert small_gazetteer.get(630673).kind == 7


def test_import_reads_a_zip(tmp_path):
    archive = tmp_path / "XX.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("readme.txt", "not a table")
        zf.writestr("XX.txt", dump_text(ROWS[:3]))
    assert import_geonames_dump(archive, db=tmp_path / "z.sqlite") == 3


def test_reimport_replaces_rows_and_their_names(tmp_path, small_dump):
    db = tmp_path / "r.sqlite"
    import_geonames_dump(small_dump, db=db)
    renamed = [(713174, "Bakhmut", "Bakhmut", "Bachmut", *ROWS[12][4:])]
    (tmp_path / "new.txt").write_text(dump_text(renamed), encoding="utf-8")
    import_geonames_dump(tmp_path / "new.txt", db=db)
    gaz = Gazetteer(db)
    assert gaz.lookup("Artemivsk") == ()
    assert [e.id for e in gaz.lookup("Bachmut")] == [713174]


def test_import_rejects_a_file_that_is_not_a_geonames_table(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("name,lat,lon\nKyiv,50.4,30.5\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="columns"):
        import_geonames_dump(bad, db=tmp_path / "b.sqlite")


def test_import_of_a_missing_file_names_it(tmp_path):
    with pytest.raises(GazetteerError, match="nowhere.zip"):
        import_geonames_dump(tmp_path / "nowhere.zip", db=tmp_path / "m.sqlite")
