"""Toponyms inside organisation names (warlog.extract.embedded_places, PlaceFinder.embedded), over texts
written for these tests and the small gazetteer of tests/extract/test_place_cues.py."""

from __future__ import annotations

import pytest

from tests.extract.test_place_cues import ROWS, _with_ents
from tests.geo.smalldump import dump_text
from warlog.extract.places import PlaceFinder
from warlog.geo import Gazetteer, import_geonames_dump
from warlog.schema import Place, Span


@pytest.fixture(scope="module")
def finder(model, tmp_path_factory):
    folder = tmp_path_factory.mktemp("embedded")
    dump = folder / "XX.txt"
    dump.write_text(dump_text(ROWS), encoding="utf-8")
    import_geonames_dump(dump, db=folder / "embedded.sqlite")
    return PlaceFinder(model, "warlog_places", gazetteer=Gazetteer(folder / "embedded.sqlite"))


def test_city_inside_an_organisations_name_is_an_embedded_toponym(model, finder):
    doc = _with_ents(model, "Editors of The Kharkiv Herald met today.", [("The Kharkiv Herald", "ORG")])
    [place] = finder.embedded(doc, places=[])
    assert (place.name, place.geonameid) == ("Kharkiv", 706483)
    assert doc.text[place.evidence.start : place.evidence.end] == "Kharkiv"


def test_a_name_inside_an_organisations_name_is_embedded_not_an_event_place(model, finder):
    doc = _with_ents(model, "Pilots of Air Kharkiv met today.", [("Air Kharkiv", "ORG")])
    assert "Kharkiv" not in [p.name for p in finder.match(doc)]
    assert [p.geonameid for p in finder.embedded(doc)] == [706483]


def test_small_town_inside_a_name_is_not_taken(model, finder):
    doc = _with_ents(model, "Editors of The Bakhmut Herald met today.", [("The Bakhmut Herald", "ORG")])
    assert finder.embedded(doc, places=[]) == []


def test_a_persons_name_holds_no_toponym(model, finder):
    doc = _with_ents(model, "Yesterday Paris Kharkiv spoke.", [("Paris Kharkiv", "PERSON")])
    assert finder.embedded(doc, places=[]) == []


def test_spans_already_found_are_skipped(model, finder):
    text = "Editors of The Kharkiv Herald met today."
    doc = _with_ents(model, text, [("The Kharkiv Herald", "ORG")])
    start = text.index("Kharkiv")
    found = Place(name="Kharkiv", evidence=Span(start=start, end=start + 7, text="Kharkiv"))
    assert finder.embedded(doc, places=[found]) == []
