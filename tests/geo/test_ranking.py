from collections import Counter

from warlog.geo.gazetteer import Entry
from warlog.geo.ranking import Context, coherence, haversine_km, rank


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


def test_us_evidence_turns_a_country_name_into_the_state():
    # "Georgia" is a country and a US state: with US evidence the state wins over the bigger country
    country = Entry(20, "Georgia", 42.0, 43.5, "GE", None, None, "PCLI", 6, 3_700_000)
    state = Entry(21, "Georgia", 32.75, -83.5, "US", "Georgia", None, "ADM1", 4, 10_000_000)
    context = Context(countries=Counter({"US": 4.0, "GE": 0.5}))
    assert rank([country, state], "georgia", context)[0][1] is state
    assert rank([country, state], "georgia", Context())[0][1] is country


def test_namesake_beside_the_other_places_of_the_story_wins():
    # a big foreign Paris against a small one beside the story's other, unambiguous town
    paris_fr = Entry(30, "Paris", 48.85, 2.35, "FR", "Ile-de-France", None, "PPLC", 1, 2_100_000)
    paris_tn = Entry(31, "Paris", 36.30, -88.33, "US", "Tennessee", None, "PPL", 1, 10_000)
    huntingdon = Entry(32, "Huntingdon", 36.0, -88.43, "US", "Tennessee", None, "PPL", 1, 4_000)
    support = coherence({"paris": (paris_fr, paris_tn), "huntingdon": (huntingdon,)})
    assert support[31] == 1.0
    assert 30 not in support
    context = Context(countries=Counter({"US": 1.0, "FR": 0.5}), support=support)
    assert rank([paris_fr, paris_tn], "paris", context)[0][1] is paris_tn


def test_a_lone_name_gets_no_coherence_support():
    assert coherence({"paris": (EGYPT, LOUISIANA)}) == {}


def test_a_state_is_supported_by_towns_of_other_names_inside_it():
    support = coherence({"louisiana": (STATE,), "alexandria": (LOUISIANA,)})
    assert support[STATE.id] == 1.0


KYIV_CITY = Entry(20, "Kyiv", 50.45, 30.52, "UA", "Kyiv", None, "PPLC", 1, 2_900_000)
KYIV_OBLAST = Entry(21, "Kyiv Oblast", 50.3, 30.4, "UA", "Kyiv Oblast", None, "ADM1", 4, 1_700_000)
ODESA = Entry(30, "Odesa", 46.48, 30.73, "UA", "Odesa Oblast", None, "PPL", 1, 1_000_000)
ODESSA_TEXAS = Entry(31, "Odessa", 31.85, -102.37, "US", "Texas", None, "PPL", 1, 120_000)
OCEAN = Entry(40, "Atlantic Ocean", 10.0, -25.0, None, None, None, "OCN", 7, 0)
ATLANTIC_TOWN = Entry(41, "Atlantic", 41.4, -95.0, "US", "Iowa", None, "PPL", 1, 7_000)


def test_a_qualifier_does_not_vote_for_the_unit_it_names():
    # "Kyiv, Kyiv Oblast": the oblast qualifies the name, it is not what the name means
    ranked = rank([KYIV_OBLAST, KYIV_CITY], "kyiv", Context(), qualifiers=(KYIV_OBLAST,))
    assert ranked[0][1] is KYIV_CITY


def test_a_respelling_of_a_city_counts_as_its_own_name():
    # "Odessa" is the Ukrainian city's name in another transliteration, not only the Texas town's
    assert rank([ODESSA_TEXAS, ODESA], "odessa", Context())[0][1] is ODESA


def test_the_short_name_of_an_ocean_beats_a_small_town():
    context = Context(countries=Counter({"US": 1}))
    assert rank([ATLANTIC_TOWN, OCEAN], "atlantic", context)[0][1] is OCEAN


def _county_town(gid, admin1, county, pop, name="Paris", country="US"):
    return Entry(gid, name, 0.0, 0.0, country, admin1, county, "PPL", 1, pop)


def test_town_in_a_county_another_name_of_the_document_puts_it_in_gains():
    from warlog.geo.ranking import add_counties

    tennessee = _county_town(1, "Tennessee", "Henry County", 10_000)
    texas = _county_town(2, "Texas", "Lamar County", 25_000)
    county = Entry(3, "Henry County", 0.0, 0.0, "US", "Tennessee", None, "ADM2", 3, 32_000)
    context = Context()
    add_counties(context, "paris", (tennessee, texas))
    assert rank([tennessee, texas], "paris", context)[0][1] is texas  # a town's own county is no evidence
    add_counties(context, "henry county", (county,))
    assert rank([tennessee, texas], "paris", context)[0][1] is tennessee
    assert ("US", "Tennessee", "Henry County") in context.admin2


# A bare name shared by a large city and a first-level unit of a small country (made-up places)
BIG_CITY = _town(30, "US", "Ohio", 600_000, 41.0, -83.0, name="Marlowe")
PARISH = Entry(31, "Marlowe", 13.0, -61.0, "VC", "Marlowe", None, "ADM1", 4, 8_000)
BIG_STATE = Entry(32, "Marlowe", 33.0, -83.0, "US", "Marlowe", None, "ADM1", 4, 9_000_000)
UNKNOWN_UNIT = Entry(33, "Marlowe", 13.0, -61.0, "VC", "Marlowe", None, "ADM1", 4, 0)


def _split_vote() -> Context:
    # "Shots fired in Marlowe": the one name votes half for each country, the unit's first (the tie's focus)
    return Context(countries=Counter({"VC": 0.5, "US": 0.5}))


def test_small_unit_abroad_ranks_below_a_far_larger_city_of_its_name():
    ranked = rank([PARISH, BIG_CITY], "marlowe", _split_vote())
    assert ranked[0][1] is BIG_CITY


def test_small_unit_ranks_below_the_city_without_any_context():
    assert rank([PARISH, BIG_CITY], "marlowe", Context())[0][1] is BIG_CITY


def test_a_populous_state_still_beats_a_city_of_its_name():
    context = Context(countries=Counter({"US": 1.0}))
    assert rank([BIG_CITY, BIG_STATE], "marlowe", context)[0][1] is BIG_STATE


def test_unit_of_unknown_population_keeps_its_prior():
    assert rank([UNKNOWN_UNIT, BIG_CITY], "marlowe", _split_vote())[0][1] is UNKNOWN_UNIT


def test_document_about_the_small_country_still_gets_its_unit():
    context = Context(countries=Counter({"VC": 3.0}))
    assert rank([PARISH, BIG_CITY], "marlowe", context)[0][1] is PARISH


def test_an_outnumbered_unit_still_wins_when_kinds_ask_for_a_unit():
    assert rank([PARISH, BIG_CITY], "marlowe", Context(), kinds=(4,))[0][1] is PARISH
