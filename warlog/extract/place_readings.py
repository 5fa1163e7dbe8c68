"""Which gazetteer readings of a name a document allows: pure functions over ``Entry`` records.

Why apart from ``places.py``: the finder walks the document; these judge candidates alone (is a town
inside the unit a qualifier names, is a name a country's or a short word's, does one town of some size
bear it worldwide), so they can be tested without a pipeline.
"""

from __future__ import annotations

from spacy.tokens import Doc

from warlog.geo.gazetteer import Entry
from warlog.geo.names import lookup_key
from warlog.geo.ranking import ADMIN1, ADMIN2, COUNTRY, LARGER, SETTLEMENT, haversine_km, own_name

#: a unit named after a town of at least this many people is not what a bare mention of the name means
TOWN_MIN_POPULATION = 1000
#: a town this large makes a bare name a city reading ('New York') and keeps a weak match anywhere
CITY_POPULATION = 100_000
#: the one town of this size bearing a name worldwide is that name's reading ('Avdiivka')
UNIQUE_TOWN_POPULATION = 5_000


def drop_eponymous_units(hits: tuple[Entry, ...], key: str) -> tuple[Entry, ...]:
    """A bare 'Kharkiv' is the city, not the oblast or raion named after it: drop units that hold a town
    among the candidates, unless the unit's own name is the mention ('Montana' the state stays)."""
    towns = [h for h in hits if h.kind == SETTLEMENT and h.population >= TOWN_MIN_POPULATION]
    if not towns:
        return hits
    held = {(t.country, t.admin1) for t in towns} | {(t.country, t.admin2) for t in towns}
    kept = tuple(
        h
        for h in hits
        if h.kind not in (ADMIN1, ADMIN2) or (h.country, h.name) not in held or lookup_key(h.name) == key
    )
    return kept or hits


def big_city_named(entry: Entry, key: str) -> bool:
    """Whether a candidate is a city of ``CITY_POPULATION`` people that bears the name: as its own name or
    as '<name> City' ('New York City', 'Kuwait City': GeoNames' names of cities a text calls by the bare
    name)."""
    if entry.kind != SETTLEMENT or entry.population < CITY_POPULATION:
        return False
    return own_name(entry, key) or lookup_key(entry.name) == f"{key} city"


def drop_small_namesakes(hits: tuple[Entry, ...], key: str, admin1: dict) -> tuple[Entry, ...]:
    """A bare 'California' is the state, not the small town of that name in Pennsylvania: when the name is
    a first-level unit's own name, drop the towns under ``CITY_POPULATION`` of the same country that lie
    outside it, unless the document names the town's own first-level unit (``admin1``: a Pennsylvania
    story). A town inside the unit of its name stays ('Marib' lies in Marib governorate); towns of other
    countries stay too ('Hamilton', Ohio is no parish of Bermuda, whatever a bare name means)."""
    units = [h for h in hits if h.kind == ADMIN1 and lookup_key(h.name) == key]
    if not units:
        return hits
    lands = {u.country for u in units}
    kept = tuple(
        h
        for h in hits
        if h.kind != SETTLEMENT
        or h.country not in lands
        or h.population >= CITY_POPULATION
        or admin1.get(h.admin1)
        or any(within_unit(h, u) for u in units)
    )
    return kept or hits


def inside(place: Entry, unit: Entry) -> bool:
    """Whether a place lies in a country or first-level unit (by the gazetteer's names of them)."""
    if place.id == unit.id or place.country != unit.country:
        return False
    return unit.kind == COUNTRY or place.admin1 == unit.name


def sure_units(kinds: tuple[int, ...] | None, hits: tuple[Entry, ...]) -> tuple[Entry, ...]:
    """The admin units a qualifier names beyond doubt: written as a unit ('Donetsk Oblast', 'Cook
    County'), or a bare name that is a first-level unit and no country ('Tbilisi, Georgia' may name the
    country, 'New York' the city). A bare county name after a comma is as likely the next item of a list
    ('Becker, Clay'); so is any qualifier followed by another place ('Washington, New York and Boston')."""
    if kinds:
        return tuple(h for h in hits if h.kind in kinds and h.kind in (ADMIN1, ADMIN2))
    if any(h.kind == COUNTRY or h.kind == SETTLEMENT and h.population >= CITY_POPULATION for h in hits):
        return ()  # 'Georgia' may be the country, 'New York' the city
    return tuple(h for h in hits if h.kind == ADMIN1)


#: how far from a unit's point a place of that unit may lie when the gazetteer lacks its unit names (km)
_UNIT_REACH = {ADMIN1: 250.0, ADMIN2: 60.0}


def within_unit(place: Entry, unit: Entry) -> bool:
    """Whether a place lies in an admin unit: by the unit names the gazetteer gives it, or, where those
    differ in spelling or level ('Kyiv' is its own first-level unit), by distance from the unit's point."""
    if place.country != unit.country:
        return False
    if unit.name in (place.admin1, place.admin2):
        return True
    return haversine_km(place.lat, place.lon, unit.lat, unit.lon) <= _UNIT_REACH.get(unit.kind, 0.0)


def whole_entity(doc: Doc, start: int, stop: int) -> bool:
    """Whether tokens start..stop are one whole NER entity (a leading 'the' of the entity aside)."""
    opens = doc[start].ent_iob_ == "B" or (
        start > 0 and doc[start - 1].ent_iob_ == "B" and doc[start - 1].lower_ == "the"
    )
    return opens and (stop >= len(doc) or doc[stop].ent_iob_ != "I")


def transliterated_town(hits: tuple[Entry, ...], countries: frozenset[str]) -> bool:
    """Whether a name is borne only by places of one country whose names English transliterates from
    Cyrillic (geo_translit.yaml), one of them a town of some size ('Volnovakha', 'Sievierodonetsk'): such a
    name is rarely an English word, so a capitalised one is the town even where no place word stands by it.
    The town's own raion and oblast may share its name ('Volnovakha Raion')."""
    lands = {h.country for h in hits}
    if len(lands) != 1 or not lands <= countries:
        return False
    return any(h.kind == SETTLEMENT and h.population >= UNIQUE_TOWN_POPULATION for h in hits)


def short_name_hits(hits: tuple[Entry, ...]) -> tuple[Entry, ...]:
    """Names of three letters or fewer ('US', 'EU', 'BC') stand for countries, first-level units and
    regions; as settlement names they are mostly other words."""
    return tuple(h for h in hits if h.kind in (COUNTRY, ADMIN1, LARGER))


def unique_town(hits: tuple[Entry, ...]) -> bool:
    """One town of some size bears the name worldwide ('Avdiivka'): NER calling it an organisation is the
    model's mistake, not a second reading."""
    towns = [h for h in hits if h.kind == SETTLEMENT]
    return len(towns) == 1 and towns[0].population >= UNIQUE_TOWN_POPULATION


__all__ = [
    "big_city_named",
    "drop_eponymous_units",
    "drop_small_namesakes",
    "inside",
    "short_name_hits",
    "sure_units",
    "transliterated_town",
    "unique_town",
    "whole_entity",
    "within_unit",
]
