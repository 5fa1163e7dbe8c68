from collections import Counter

from warlog.geo.gazetteer import Entry
from warlog.geo.ranking import Context, haversine_km, rank


def _town(gid, country, admin1, pop, lat=0.0, lon=0.0, name="Alexandria"):
    return Entry(gid, name, lat, lon, country, admin1, None, "PPL", 1, pop)


EGYPT = _town(1, "EG", "Alexandria", 4_500_000, 31.2, 29.9)
LOUISIANA = _town(2, "US", "Louisiana", 47_000, 31.3, -92.4)
VIRGINIA = _town(3, "US", "Virginia", 159_000, 38.8, -77.0)
STATE = Entry(10, "Louisiana", 31.0, -92.0, "US", "Louisiana", None, "ADM1", 4, 4_600_000)


def test_population_wins_without_context():
    assert rank([LOUISIANA, VIRGINIA, EGYPT], "alexandria", Context())[0][1] is EGYPT


def test_document_country_outweighs_population():
    context = Context(countries=Counter({"US": 3}))
    assert rank([LOUISIANA, VIRGINIA, EGYPT], "alexandria", context)[0][1].country == "US"


def test_qualifier_picks_the_town_in_that_state():
    ranked = rank([LOUISIANA, VIRGINIA, EGYPT], "alexandria", Context(), qualifiers=(STATE,))
    assert ranked[0][1] is LOUISIANA


def test_nearby_resolved_places_pull_ambiguous_ones():
    context = Context(countries=Counter({"US": 1}), points=[(31.0, -92.5)])
    assert rank([LOUISIANA, VIRGINIA], "alexandria", context)[0][1] is LOUISIANA


def test_kinds_narrow_the_candidates_when_any_fit():
    assert rank([LOUISIANA, STATE], "louisiana", Context(), kinds=(4,))[0][1] is STATE
    assert rank([LOUISIANA], "alexandria", Context(), kinds=(4,))[0][1] is LOUISIANA


def test_haversine_of_a_degree_of_latitude():
    assert 110 < haversine_km(0.0, 0.0, 1.0, 0.0) < 112
