"""PlaceFinder over texts written for these tests, with the statistical model for NER and a small
gazetteer imported from a hand-written GeoNames dump (tests/geo/smalldump.py)."""

from __future__ import annotations

import pytest

from tests.geo.smalldump import small_dump, small_gazetteer  # noqa: F401
from warlog.extract.places import Cues, Mention, PlaceFinder


@pytest.fixture(scope="module")
def finder(model, small_gazetteer):  # noqa: F811
    return PlaceFinder(model, "warlog_places", gazetteer=small_gazetteer)


@pytest.fixture(scope="module")
def places(model, finder):
    def run(text: str):
        return finder.match(model(text))

    return run


def _by_name(found, name):
    hits = [p for p in found if p.name == name]
    assert hits, f"{name!r} not among {[p.name for p in found]}"
    return hits[0]


def test_village_in_a_named_oblast_resolves_inside_it(places):
    found = places("Russian forces shelled the village of Krasnohorivka, Donetsk Oblast, on Monday.")
    village = _by_name(found, "Krasnohorivka")
    assert village.geonameid == 704393
    assert village.where_prec == 1
    oblast = _by_name(found, "Donetsk Oblast")
    assert (oblast.geonameid, oblast.where_prec) == (709716, 4)


def test_near_widens_the_evidence_and_sets_where_prec_2(places):
    place = _by_name(places("Two civilians were killed near Bakhmut on Tuesday."), "Bakhmut")
    assert place.where_prec == 2
    assert place.evidence.text == "near Bakhmut"


def test_distance_and_direction_count_as_near(places):
    place = _by_name(places("A depot 15 km south of Kharkiv was hit overnight."), "Kharkiv")
    assert place.where_prec == 2
    assert place.evidence.text == "15 km south of Kharkiv"


def test_region_word_makes_it_the_admin1_unit(places):
    place = _by_name(places("A drone struck a fuel depot in the Belgorod region."), "Belgorod region")
    assert (place.geonameid, place.where_prec) == (578071, 4)


def test_bare_city_name_is_the_city_not_its_oblast(places):
    place = _by_name(places("Missiles hit Kharkiv on Monday morning."), "Kharkiv")
    assert (place.geonameid, place.where_prec) == (706483, 1)


def test_old_soviet_name_resolves_to_the_current_place(places):
    assert _by_name(places("Fighting continued in Artemivsk."), "Artemivsk").geonameid == 713174


def test_state_abbreviation_qualifies_an_ambiguous_town(places):
    # "La." reaches Louisiana through the alias lexicon only in the full gazetteer; the state name does here
    place = _by_name(places("Police in Alexandria, Louisiana said the fire was set."), "Alexandria")
    assert place.geonameid == 4314550


def test_ambiguous_name_keeps_its_alternatives(model, finder):
    doc = model("Krasnohorivka was quiet.")
    [place] = finder.resolve_spans(doc, [(0, 13)])
    assert place.geonameid == 704393
    assert 704390 in [a.geonameid for a in place.alternatives]


def test_unknown_place_stays_unresolved_with_a_reason(model, finder):
    doc = model("Shelling was reported in Zzyxovka.")
    [place] = finder.resolve(doc, [Mention(25, 33, "Zzyxovka")])
    assert place.geonameid is None and place.lat is None
    assert "gazetteer" in place.reason


def test_demonyms_are_context_not_places(places):
    found = places("Russian troops advanced toward Bakhmut.")
    assert "Russian" not in [p.name for p in found]


def test_places_come_in_text_order_with_spans_into_the_text(places):
    text = "From Belgorod to Kharkiv and on to Bakhmut."
    found = places(text)
    starts = [p.evidence.start for p in found]
    assert starts == sorted(starts)
    for p in found:
        assert text[p.evidence.start : p.evidence.end] == p.evidence.text


def test_capitalised_common_words_are_not_places(places):
    found = places("On Thursday the Council met in March to discuss the budget.")
    assert found == []


def test_empty_text_gives_no_places(places):
    assert places("") == []


def test_cue_lexicon_loads_and_compiles():
    cues = Cues()
    assert "oblast" in cues.admin1
    assert cues.demonyms["Ukrainian"] == "UA"
    assert cues.near_before.search("on the outskirts of ")


def test_title_word_after_a_name_makes_it_a_place(places):
    found = places("Belgorod regional governor said three people were hurt.")
    assert _by_name(found, "Belgorod").geonameid == 578072


def test_settlement_word_before_a_name_requires_a_settlement(places):
    place = _by_name(places("Troops entered the town of Shebekino."), "Shebekino")
    assert (place.geonameid, place.where_prec) == (495112, 1)


def test_given_span_holding_a_longer_name_resolves_to_the_place_inside(model, finder):
    text = "The Bank of Ukraine raised its rate."
    doc = model(text)
    [place] = finder.resolve_spans(doc, [(4, 19)])
    assert (place.geonameid, place.where_prec) == (690791, 6)


def test_inner_name_must_lie_where_the_qualifier_says(model, finder):
    text = "Shelling hit Nova Alexandria, Donetsk Oblast, at night."
    doc = model(text)
    [place] = finder.resolve_spans(doc, [(13, 28)])
    assert place.geonameid is None  # no Alexandria in Ukraine: a US namesake would be a wrong answer


def test_unit_word_after_a_given_span_does_not_constrain_it(model, finder):
    text = "The Ukraine District Court ruled on Monday."
    doc = model(text)
    [place] = finder.resolve_spans(doc, [(4, 11)])
    assert place.geonameid == 690791


def test_adjectival_toponyms_resolve_to_countries_apart_from_places(model, finder):
    doc = model("Ukrainian and Russian officials met in Kharkiv on Friday.")
    adjectival = finder.adjectival(doc, places=finder.match(doc))
    assert [(p.name, p.geonameid, p.where_prec) for p in adjectival] == [
        ("Ukrainian", 690791, 6),
        ("Russian", 2017370, 6),
    ]
    assert "Russian" not in [p.name for p in finder.match(doc)]


def test_place_demonyms_are_loaded_as_names():
    cues = Cues()
    assert cues.place_demonyms["European"] == "Europe"
    assert cues.demonyms["Malaysian"] == "MY"


def test_titlecase_short_word_is_not_a_state_abbreviation(model):
    from warlog.geo import Gazetteer

    full = PlaceFinder(model, "warlog_places", gazetteer=Gazetteer.default())
    assert [p.name for p in full.match(model("He played for La Galaxy before he left."))] == []
    found = full.match(model("Police in Alexandria, La. said the fire was set."))
    assert _by_name(found, "La.").resolved_name == "Louisiana"
    assert _by_name(found, "Alexandria").admin1 == "Louisiana"


def test_a_name_that_is_a_country_and_a_state_splits_its_vote(finder):
    from collections import Counter

    from warlog.geo.gazetteer import Entry
    from warlog.geo.ranking import Context

    country = Entry(20, "Georgia", 42.0, 43.5, "GE", None, None, "PCLI", 6, 3_700_000)
    state = Entry(21, "Georgia", 32.75, -83.5, "US", "Georgia", None, "ADM1", 4, 10_000_000)
    context = Context()
    finder._vote(context, Mention(0, 7, "Georgia"), (country, state))
    assert context.countries == Counter({"GE": 0.5, "US": 0.5})
    assert context.admin1["Georgia"] == 0.5


def test_place_in_a_persons_title_is_not_a_place(run_components):
    doc = run_components("The Duchess of Edinburgh visited Kyiv on Monday.", ["warlog_places"])
    names = [p.name for p in doc._.places]
    assert "Edinburgh" not in names
    assert "Kyiv" in names


def test_a_bare_compass_word_is_not_a_place(run_components):
    text = "Officials said the West should prepare for a long war in Ukraine."
    doc = run_components(text, ["warlog_places"])
    assert [p.name for p in doc._.places] == ["Ukraine"]


def _with_ents(model, text: str, *spans: tuple[str, str]):
    """The model's parse of ``text`` with the named entities set by hand, so NER's mood cannot change the
    test: each span is (words as written, label)."""
    from spacy.tokens import Span as TokenSpan

    doc = model(text)
    ents, after = [], 0
    for words, label in spans:  # in text order: each is searched for after the one before
        start = text.index(words, after)
        after = start + len(words)
        span = doc.char_span(start, after, label=label)
        assert span is not None, words
        ents.append(span)
    doc.ents = ents
    assert all(isinstance(e, TokenSpan) for e in doc.ents)
    return doc


def test_possessive_is_no_part_of_an_ner_place(model, finder):
    doc = _with_ents(model, "Shelling hit Ukraine's east on Monday.", ("Ukraine's", "GPE"))
    place = _by_name(finder.match(doc), "Ukraine")
    assert place.geonameid == 690791


def test_an_ner_place_with_no_capital_letter_is_no_place(model, finder):
    text = "He marched in the dead of that cold winter, far from Kyiv."
    doc = _with_ents(model, text, ("cold", "GPE"), ("Kyiv", "GPE"))
    assert [p.name for p in finder.match(doc)] == ["Kyiv"]


def test_ner_place_run_into_other_words_resolves_the_names_inside_it(model, finder):
    doc = _with_ents(model, "Talks between Ukraine Russia delegations stalled.", ("Ukraine Russia", "GPE"))
    found = finder.match(doc)
    assert [p.name for p in found] == ["Ukraine", "Russia"]
    assert [p.geonameid for p in found] == [690791, 2017370]


def test_unknown_respelling_resolves_in_the_documents_country(model, finder):
    text = "Missiles hit Kharkow, Ukraine, on Monday."
    doc = _with_ents(model, text, ("Kharkow", "GPE"), ("Ukraine", "GPE"))
    assert _by_name(finder.match(doc), "Kharkow").geonameid == 706483


def test_unknown_respelling_without_country_evidence_needs_a_close_spelling_of_a_town(model, finder):
    near = _with_ents(model, "An oil depot burned in Kharkiw overnight.", ("Kharkiw", "GPE"))
    assert _by_name(finder.match(near), "Kharkiw").geonameid == 706483
    far = _with_ents(model, "An oil depot burned in Khirkevo overnight.", ("Khirkevo", "GPE"))
    assert _by_name(finder.match(far), "Khirkevo").geonameid is None


def test_a_unit_shares_its_vote_with_sizeable_towns_of_its_name(finder):
    from warlog.geo.gazetteer import Entry
    from warlog.geo.ranking import Context

    unit = Entry(1, "Berea", -29.2, 27.7, "LS", "Berea", None, "ADM1", 4, 80_000)
    town = Entry(2, "Berea", 37.6, -84.3, "US", "Kentucky", None, "PPL", 1, 15_000)
    context = Context()
    finder._vote(context, Mention(0, 5, "Berea"), (unit, town))
    assert context.countries == {"LS": 0.5, "US": 0.5}


def test_a_repeated_name_votes_once(finder):
    from warlog.geo.gazetteer import Entry
    from warlog.geo.ranking import Context

    town = Entry(2, "Berea", 37.6, -84.3, "US", "Kentucky", None, "PPL", 1, 15_000)
    context = Context()
    for _ in range(3):
        finder._vote(context, Mention(0, 5, "Berea"), (town,))
    assert context.countries["US"] == 1.0


def test_a_surname_of_a_person_named_in_full_is_not_a_town(model, finder):
    text = "Mayor Linda Kharkiv spoke on Monday. Kharkiv said the budget was balanced."
    doc = _with_ents(model, text, ("Linda Kharkiv", "PERSON"))
    names = [p.name for p in finder.match(doc)]
    assert "Kharkiv" not in names


def test_a_persons_surname_after_a_place_word_is_still_a_place(model, finder):
    text = "Mayor Linda Kharkiv spoke on Monday. Missiles later hit Kharkiv."
    doc = _with_ents(model, text, ("Linda Kharkiv", "PERSON"), ("Kharkiv", "GPE"))
    # the second, bare mention after "hit" names the city
    assert [p.geonameid for p in finder.match(doc) if p.name == "Kharkiv"] == [706483]
