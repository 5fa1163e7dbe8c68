"""Where a report happened (warlog.extract.incident_places): the place of a segment, and the settling of
doubtful or coarse places by the story's own town."""

from __future__ import annotations

import pytest
import spacy

from tests.extract.place_helpers import in_order, named, place_at
from warlog.errors import LexiconError
from warlog.extract import incident_places
from warlog.extract.drafts import Draft, Segment
from warlog.extract.incident_places import (
    city_counties,
    city_of_county,
    lies_within,
    segment_place,
    settle_places,
)
from warlog.extract.incidents import _grounded
from warlog.geo.gazetteer import Entry, Gazetteer
from warlog.schema import CasualtyMention, Count, EventMention, Place, Span


def _draft(start: int, end: int, background: bool = False) -> Draft:
    cue = Span(start=start, end=start + 1, text="x")
    event = EventMention(event_type="Violence against civilians", sub_event_type="Attack", trigger=cue,
                         sentence=Span(start=start, end=end, text="x" * (end - start)))
    return Draft(segments=[Segment(start, end, (start, end), event, background=background)])


def _segment_draft(text: str, place: Place) -> Draft:
    draft = _draft(0, len(text))
    draft.segments[0].place = place
    return draft


def _figure_at(start: int, end: int, kind: str = "injured", n: int = 2) -> CasualtyMention:
    span = Span(start=start, end=end, text="x" * (end - start))
    return CasualtyMention(kind=kind, count=Count(low=n, best=n, high=n, evidence=span), evidence=span)


def test_of_two_towns_in_a_sentence_the_event_beats_a_victims_home_town():
    text = "An Elmwood man died in an Oakton shooting on Friday."
    sites = [place_at(text, "Elmwood", geonameid=2), place_at(text, "Oakton", geonameid=3)]
    trigger = Span(start=text.index("shooting"), end=text.index("shooting") + 8, text="shooting")
    event = EventMention(event_type="Violence against civilians", sub_event_type="Attack", trigger=trigger,
                         sentence=Span(start=0, end=len(text), text=text))
    seg = Segment(0, len(text), (0, len(text)), event)
    assert segment_place(seg, sites, "US", text).name == "Oakton"
    assert segment_place(seg, sites, "US").name == "Elmwood"  # without the text: the first named


def test_a_town_inside_a_state_can_stand_for_the_state():
    state = Place(name="Texas", resolved_name="Texas", where_prec=4, country="US", admin1="Texas")
    assert lies_within(Place(name="Plano", where_prec=1, country="US", admin1="Texas"), state)
    assert not lies_within(Place(name="Tulsa", where_prec=1, country="US", admin1="Oklahoma"), state)


def test_the_lead_report_takes_the_story_town_over_a_town_named_once(model):
    text = "Oakton police said a man was shot near Elmwood. Oakton officers came. Oakton is quiet."
    sites = in_order(named(text, "Oakton", 1, admin1="Ohio"), named(text, "Elmwood", 2, admin1="Ohio"))
    lead = _segment_draft(text, sites[1])
    settle_places([lead], model(text), sites, "US")
    assert lead.place.name == "Oakton"


def test_a_later_report_at_a_trusted_town_of_its_own_keeps_it(model):
    text = "Oakton was shelled. Oakton officials spoke of Oakton. Drones also struck Elmwood."
    sites = in_order(named(text, "Oakton", 1, admin1="Ohio"), named(text, "Elmwood", 2, admin1="Iowa"))
    lead, later = _segment_draft(text, sites[0]), _segment_draft(text, sites[-1])
    settle_places([lead, later], model(text), sites, "US")
    assert (lead.place.name, later.place.name) == ("Oakton", "Elmwood")


def test_a_lead_report_at_the_town_the_story_names_most_keeps_it_against_another_provinces_towns(model):
    # a war report: the strike's city is named again and again, the front's villages once each
    text = "Missiles hit Oakton. Oakton residents fled. Oakton was dark. Fights near Elmwood and Fairview."
    sites = in_order(named(text, "Oakton", 1, admin1="Ohio"), named(text, "Elmwood", 2, admin1="Iowa"),
                   named(text, "Fairview", 3, admin1="Iowa"))
    lead = _segment_draft(text, sites[0])
    settle_places([lead], model(text), sites, "US")
    assert lead.place.name == "Oakton"


def test_a_report_with_only_a_state_takes_the_story_town(model):
    text = "A man was shot in Ohio. Oakton police said Oakton was calm."
    sites = in_order(named(text, "Oakton", 1, admin1="Ohio"),
                   [place_at(text, "Ohio", geonameid=9, admin1="Ohio", where_prec=4, feature_code="ADM1")])
    report = _segment_draft(text, sites[0])
    settle_places([report], model(text), sites, "US")
    assert report.place.name == "Oakton"


def test_the_story_town_alone_does_not_make_a_report_of_commentary(model):
    text = "NATO is in a confrontation with Russia, analysts said. Oakton officials met in Oakton."
    sites = named(text, "Oakton", 1, admin1="Ohio")
    country = place_at(text, "Russia", geonameid=9, country="RU", where_prec=6, feature_code="PCLI")
    report = _segment_draft(text, country)
    settle_places([report], model(text), sites, "US")
    assert report.place.name == "Oakton" and report.story_located
    assert not _grounded(report, [])
    figure = _figure_at(report.segments[0].start, report.segments[0].start + 4, "killed", 2)
    assert _grounded(report, [figure])  # with a figure of its own it is an incident, at the story's town


# ----------------------------------------------------------------------------------------- one-city counties


def _blank_doc(text: str):
    return spacy.blank("en")(text)


def _gazetteer(monkeypatch, *entries: Entry) -> None:
    known = {e.id: e for e in entries}

    class Stub:
        def get(self, geonameid: int) -> Entry | None:
            return known.get(geonameid)

    monkeypatch.setattr(Gazetteer, "default", classmethod(lambda cls: Stub()))


def _entry(gid: int, name: str, admin1: str, admin2: str | None, population: int, kind: int = 1) -> Entry:
    return Entry(id=gid, name=name, lat=0.0, lon=0.0, country="US", admin1=admin1, admin2=admin2, fcode="PPL",
                 kind=kind, population=population)


def test_a_neighbourhood_of_a_county_that_is_one_city_is_coded_at_the_city(monkeypatch):
    brooklyn = _entry(5110302, "Brooklyn", "New York", "Kings County", 2_700_000)
    _gazetteer(monkeypatch, brooklyn, _entry(11, "Elmwood Flats", "New York", "Kings County", 90_000))
    text = "A man was shot in Elmwood Flats on Sunday."
    place = place_at(text, "Elmwood Flats", geonameid=11, admin1="New York", admin2="Kings County")
    city = city_of_county(place)
    assert city is not None and (city.resolved_name, city.geonameid) == ("Brooklyn", 5110302)
    assert city.evidence == place.evidence  # still the words the report wrote


def test_a_town_of_an_ordinary_county_and_the_city_itself_keep_their_place(monkeypatch):
    brooklyn = _entry(5110302, "Brooklyn", "New York", "Kings County", 2_700_000)
    _gazetteer(monkeypatch, brooklyn, _entry(12, "Oakton", "New York", "Kings County", 9_000_000))
    text = "Oakton and Brooklyn and Elmwood."
    assert city_of_county(place_at(text, "Elmwood", geonameid=13, admin1="Ohio", admin2="Elm County")) is None
    assert city_of_county(place_at(text, "Brooklyn", geonameid=5110302, admin1="New York",
                                 admin2="Kings County")) is None
    # a place larger than the city is no neighbourhood of it
    larger = place_at(text, "Oakton", geonameid=12, admin1="New York", admin2="Kings County")
    assert city_of_county(larger) is None


def test_a_province_that_is_one_city_is_coded_at_the_city(monkeypatch):
    _gazetteer(monkeypatch, _entry(4140963, "Washington", "District of Columbia", None, 690_000))
    text = "Six were shot in Southeast D.C. on Sunday."
    province = place_at(text, "D.C.", geonameid=99, where_prec=4, feature_code="ADM1",
                      admin1="District of Columbia")
    draft = _segment_draft(text, province)
    settle_places([draft], _blank_doc(text), [province], "US")
    assert draft.place.resolved_name == "Washington" and draft.place.where_prec == 1


def test_the_one_city_counties_are_loaded_from_the_lexicon():
    assert city_counties()[("US", "New York", "Kings County")] == 5110302
    assert ("US", "District of Columbia", None) in city_counties()


def test_a_one_city_county_entry_without_an_id_is_rejected(monkeypatch):
    monkeypatch.setattr(incident_places, "load_yaml", lambda name: {
        "city_counties": [{"country": "US", "admin1": "Ohio", "admin2": "Elm County", "id": "x"}]})
    city_counties.cache_clear()
    try:
        with pytest.raises(LexiconError, match="casualties_places.yaml"):
            city_counties()
    finally:
        city_counties.cache_clear()


# --------------------------------------------------------------------------------------------- police seats


def _at(text: str, name: str, gid: int, lat: float, lon: float, admin1: str = "Ohio") -> list[Place]:
    return named(text, name, gid, admin1=admin1, lat=lat, lon=lon)


def test_a_report_at_a_neighbourhood_takes_the_nearby_city_whose_police_work_the_case(monkeypatch, model):
    _gazetteer(monkeypatch, _entry(41, "Elm Park", "Ohio", "Elm County", 30_000),
               _entry(42, "Oakton", "Ohio", "Elm County", 900_000))
    text = "Four were shot in Elm Park on Friday. Oakton police said the men will live. Elm Park was calm."
    sites = in_order(_at(text, "Elm Park", 41, 40.0, -83.0), _at(text, "Oakton", 42, 40.05, -83.05))
    report = _segment_draft(text, sites[0])
    settle_places([report], model(text), sites, "US")
    assert report.place.name == "Oakton"


def test_a_suburb_with_police_of_its_own_keeps_its_place(monkeypatch, model):
    _gazetteer(monkeypatch, _entry(41, "Elm Park", "Ohio", "Elm County", 30_000),
               _entry(42, "Oakton", "Ohio", "Elm County", 900_000))
    text = "Four were shot in Elm Park on Friday. Elm Park police and Oakton police came. Elm Park was calm."
    sites = in_order(_at(text, "Elm Park", 41, 40.0, -83.0), _at(text, "Oakton", 42, 40.05, -83.05))
    report = _segment_draft(text, sites[0])
    settle_places([report], model(text), sites, "US")
    assert report.place.name == "Elm Park"


@pytest.mark.parametrize(("lat", "population"), [(41.0, 900_000), (40.05, 10_000)])
def test_a_distant_or_smaller_police_seat_leaves_the_report_its_town(monkeypatch, model, lat, population):
    _gazetteer(monkeypatch, _entry(41, "Elm Park", "Ohio", "Elm County", 30_000),
               _entry(42, "Oakton", "Ohio", "Elm County", population))
    text = "Four were shot in Elm Park on Friday. Oakton police said the men will live. Elm Park was calm."
    sites = in_order(_at(text, "Elm Park", 41, 40.0, -83.0), _at(text, "Oakton", 42, lat, -83.05))
    report = _segment_draft(text, sites[0])
    settle_places([report], model(text), sites, "US")
    assert report.place.name == "Elm Park"


# ------------------------------------------------------------------------------------------ far namesakes


def test_a_small_namesake_across_the_country_gives_way_to_the_story_town_however_often_named(monkeypatch,
                                                                                           model):
    _gazetteer(monkeypatch, _entry(51, "Elmwood", "Wisconsin", "Elm County", 1_500),
               _entry(52, "Oakton", "Ohio", "Oak County", 600_000),
               _entry(53, "Fairview", "Ohio", None, 20_000))
    text = "Girl shot in Elmwood. The Elmwood shooting. Elmwood mourns. Oakton police, Fairview deputies came"
    sites = in_order(_at(text, "Elmwood", 51, 44.0, -90.0, "Wisconsin"), _at(text, "Oakton", 52, 40.0, -83.0),
                     _at(text, "Fairview", 53, 40.1, -83.1))
    lead = _segment_draft(text, sites[0])
    settle_places([lead], model(text), sites, "US")
    assert lead.place.name == "Oakton"


def test_a_city_far_from_the_story_town_keeps_a_lead_report_named_more_often(monkeypatch, model):
    # a war report: missiles on a capital, the front's villages in another province named once each
    _gazetteer(monkeypatch, _entry(51, "Elmwood", "Wisconsin", "Elm County", 2_000_000),
               _entry(52, "Oakton", "Ohio", "Oak County", 600_000),
               _entry(53, "Fairview", "Ohio", None, 20_000))
    text = "Missiles hit Elmwood. Elmwood residents fled. Elmwood was dark. Fights near Oakton and Fairview."
    sites = in_order(_at(text, "Elmwood", 51, 44.0, -90.0, "Wisconsin"), _at(text, "Oakton", 52, 40.0, -83.0),
                     _at(text, "Fairview", 53, 40.1, -83.1))
    lead = _segment_draft(text, sites[0])
    settle_places([lead], model(text), sites, "US")
    assert lead.place.name == "Elmwood"


# ------------------------------------------------------------------------------------ a report placed nowhere


def test_a_report_placed_nowhere_takes_the_seat_of_the_police_named():
    text = "A man shot himself at home, according to the Oakton police report. Elmwood fire crews came."
    seen = in_order(named(text, "Oakton", 1, admin1="Ohio"), named(text, "Elmwood", 2, admin1="Ohio"))
    report, past = _draft(0, 30), _draft(0, 30, background=True)
    incident_places._place_by_agency([report, past], text, seen, "US")
    assert report.place.name == "Oakton"
    assert past.place is None  # a back-reference is left as told


def test_a_report_with_a_place_keeps_it_beside_the_police_named():
    text = "A man was shot in Elmwood, according to the Oakton police report."
    seen = in_order(named(text, "Oakton", 1, admin1="Ohio"), named(text, "Elmwood", 2, admin1="Ohio"))
    report = _segment_draft(text, seen[0])
    incident_places._place_by_agency([report], text, seen, "US")
    assert report.place.name == "Elmwood"


def test_no_police_seat_leaves_a_report_placed_nowhere():
    text = "A man shot himself at home, a report said. Oakton fire crews came."
    report = _draft(0, 30)
    incident_places._place_by_agency([report], text, named(text, "Oakton", 1, admin1="Ohio"), "US")
    assert report.place is None
