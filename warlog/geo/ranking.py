"""Rank the gazetteer candidates of a toponym using what the rest of the document says.

Pure functions over ``Entry`` records, so the ranking can be tested without a pipeline. The score adds:
- a prior: countries and first-level units are what a bare famous name usually means; for settlements the
  (log) population stands in for prominence;
- the document's countries and admin1 units (named, or implied by demonyms), its focus country, and an
  explicit qualifier ("Krasnohorivka, Donetsk Oblast"; "Alexandria, La.");
- proximity to the places already resolved with confidence in the same document.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from warlog.geo.gazetteer import Entry
from warlog.geo.names import lookup_key, skeleton

SETTLEMENT, ADMIN2, ADMIN1, LARGER, COUNTRY, SEA = 1, 3, 4, 5, 6, 7
#: Base scores of the kinds that are not settlements: a bare "Georgia" is a country or a state before it is
#: a village; a settlement's base grows with the log of its population (0.8 per tenfold).
_BASE = {COUNTRY: 7.0, LARGER: 6.5, SEA: 7.0, ADMIN1: 5.0, ADMIN2: 2.5}
_EXACT = 1.0  # the mention is the place's own name, not one of its alternate names
_CAPITAL = 1.0
_COUNTRY_SHARE = 3.0  # times the share of the document's country evidence
_FOCUS = 0.7
_ADMIN1_CONTEXT = 1.5
_ADMIN2_CONTEXT = 1.5  # a town in a county the document names, or a county holding a town it names
_QUALIFIER_COUNTRY = 3.0
_QUALIFIER_ADMIN = 4.0
_NEAR = 1.5  # a candidate within 150 km of a confidently resolved place (half within 400 km)
_COHERENCE = 1.5  # times a candidate's support: other names of the document with a namesake near it
_COHERENCE_CANDIDATES = 12  # the most prominent namesakes of each name that take part
_CELL = 1.0  # degrees: namesakes in the same or a neighbouring cell count as near
#: a first-level unit whose own-name town is this many times as populous is weighed as a town of its size:
#: a parish of 8,000 people is not what a bare "Charlotte" means beside a city of 900,000
_OUTNUMBERED = 5


def coherence(candidates: dict[str, tuple[Entry, ...]]) -> dict[int, float]:
    """Support of each candidate from the document's other names, capped at 1. A town or district is
    supported by the namesakes of other names in the same or a neighbouring 1-degree cell; a first-level
    unit or a country by those inside it. A name with one namesake gives 1, a Springfield with twenty gives
    1/20 each. Towns of one local story sit together, so "Paris" beside "Henry County" and "Huntingdon" is
    the Tennessee town. Grid cells and dictionaries keep it linear in the number of candidates."""
    cells: dict[tuple[int, int], dict[str, float]] = {}
    units: dict[tuple[str | None, str | None], dict[str, float]] = {}
    pools: dict[str, list[Entry]] = {}
    for key, hits in candidates.items():
        pool = [h for h in hits if h.kind in (SETTLEMENT, ADMIN2, ADMIN1, COUNTRY)]
        pool.sort(key=lambda h: -h.population)
        pool = pool[:_COHERENCE_CANDIDATES]
        if not pool:
            continue
        pools[key] = pool
        share = 1.0 / len(pool)
        for h in pool:
            if h.kind in (SETTLEMENT, ADMIN2):
                cell = cells.setdefault(_cell(h), {})
                cell[key] = max(cell.get(key, 0.0), share)
                for unit in ((h.country, h.admin1), (h.country, None)):
                    holder = units.setdefault(unit, {})
                    holder[key] = max(holder.get(key, 0.0), share)
    support: dict[int, float] = {}
    if len(pools) < 2:
        return support
    for key, pool in pools.items():
        for h in pool:
            near: dict[str, float] = {}
            if h.kind in (SETTLEMENT, ADMIN2):
                row, col = _cell(h)
                groups = [cells.get((row + dr, col + dc), {}) for dr in (-1, 0, 1) for dc in (-1, 0, 1)]
            else:
                groups = [units.get((h.country, h.name if h.kind == ADMIN1 else None), {})]
            for group in groups:
                for other, share in group.items():
                    if other != key and share > near.get(other, 0.0):
                        near[other] = share
            if near:
                support[h.id] = min(1.0, sum(near.values()))
    return support


def _cell(entry: Entry) -> tuple[int, int]:
    return math.floor(entry.lat / _CELL), math.floor(entry.lon / _CELL)


@dataclass
class Context:
    """What a document says about where it is."""

    countries: Counter = field(default_factory=Counter)  # ISO-2 -> weight
    admin1: Counter = field(default_factory=Counter)  # admin1 name -> weight
    # (country, admin1, county) -> the names of the document that put a place in it: "Paris" and "Henry
    # County" in one story meet in Henry County, Tennessee
    admin2: dict[tuple, set[str]] = field(default_factory=dict)
    points: list[tuple[float, float]] = field(default_factory=list)  # confidently resolved places
    support: dict[int, float] = field(default_factory=dict)  # place id -> coherence with other names
    voted: set[str] = field(default_factory=set)  # names that have voted on the countries already

    @property
    def focus(self) -> str | None:
        if not self.countries:
            return None
        iso, weight = self.countries.most_common(1)[0]
        return iso if weight > 0 else None


def add_counties(context: Context, key: str, candidates: tuple[Entry, ...] | list[Entry]) -> None:
    """Note the counties a name of the document may place it in: a county of that very name, or the
    county of a town of that very name. ``score`` then favours the readings two names agree on."""
    for h in candidates:
        if h.kind == ADMIN2 and own_name(h, key):
            context.admin2.setdefault((h.country, h.admin1, h.name), set()).add(key)
        elif h.kind == SETTLEMENT and h.admin2 and own_name(h, key):
            context.admin2.setdefault((h.country, h.admin1, h.admin2), set()).add(key)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def prior(entry: Entry, key: str) -> float:
    """How likely a bare mention means this place, before context."""
    weight = 0.8 * math.log10(entry.population + 10)
    if entry.kind == SETTLEMENT:
        score = weight + (_CAPITAL if entry.fcode == "PPLC" else 0.0)
    else:
        score = _BASE.get(entry.kind, 2.0) + 0.1 * weight
    if own_name(entry, key) or entry.kind in (LARGER, SEA):
        score += _EXACT  # the short names of seas and regions ("Atlantic") are curated, not incidental
    return score


def own_name(entry: Entry, key: str) -> bool:
    """Whether the looked-up key is the place's own name, in any transliteration ('Odessa' is Odesa's own
    name as much as the Texas town's; 'Mexico' is not Mexico City's)."""
    name = lookup_key(entry.name)
    if name == key:
        return True
    skel = skeleton(key, short=True)
    return bool(skel) and skeleton(name, short=True) == skel


def score(entry: Entry, key: str, context: Context, qualifiers: tuple[Entry, ...] = ()) -> float:
    """The candidate's score in this document (higher is better)."""
    return _score(entry, key, context, qualifiers, context.focus, sum(context.countries.values()) or 1.0)


def _score(
    entry: Entry, key: str, context: Context, qualifiers: tuple[Entry, ...], focus: str | None, total_c: float
) -> float:
    total = prior(entry, key)
    if entry.country:
        total += _COUNTRY_SHARE * context.countries.get(entry.country, 0.0) / total_c
        if entry.country == focus:
            total += _FOCUS
    # a place reached through one of its alternate names ("Mexico" -> Mexico City) gets half the local pull
    local = 1.0 if own_name(entry, key) else 0.5
    if entry.admin1 and entry.kind in (SETTLEMENT, ADMIN2) and context.admin1.get(entry.admin1):
        total += _ADMIN1_CONTEXT * local
    if context.admin2 and entry.kind in (SETTLEMENT, ADMIN2):
        county = entry.admin2 if entry.kind == SETTLEMENT else entry.name
        names = context.admin2.get((entry.country, entry.admin1, county))
        if names and (len(names) > 1 or key not in names):
            total += _ADMIN2_CONTEXT * local
    for q in qualifiers:
        if q.id == entry.id:
            continue  # "Kyiv, Kyiv Oblast": the unit that qualifies a name is not what the name means
        if q.kind == COUNTRY and q.country == entry.country:
            total += _QUALIFIER_COUNTRY
        elif (
            q.kind in (ADMIN1, ADMIN2)
            and q.country == entry.country
            and q.name in (entry.admin1, entry.admin2)
        ):
            total += _QUALIFIER_ADMIN
    if context.support:
        total += _COHERENCE * context.support.get(entry.id, 0.0)
    if context.points and entry.kind in (SETTLEMENT, ADMIN2):
        total += _near(entry, context.points) * local
    return total


def _outnumbered(entry: Entry, key: str, town: int) -> float:
    """How much a first-level unit's prior drops when a town of that very name (``town``: its population)
    outnumbers it ``_OUTNUMBERED`` times over: the unit then ranks as a town of its own population would.
    The unit prior assumes a state or province is more prominent than any town sharing its name, which
    holds for "Georgia" or "Donetsk" but not for the parishes and districts of small countries ("Toledo",
    Belize; "Charlotte", Saint Vincent), whose flat base outranked cities of hundreds of thousands. A unit
    of unknown population (0) keeps its prior: the gazetteer does not know it is small."""
    if entry.kind != ADMIN1 or not entry.population or town < _OUTNUMBERED * entry.population:
        return 0.0
    as_town = 0.8 * math.log10(entry.population + 10) + (_EXACT if own_name(entry, key) else 0.0)
    return max(0.0, prior(entry, key) - as_town)


#: squared distances in degrees of latitude (111.2 km each) of the two proximity rings, 150 and 400 km
_RING_NEAR, _RING_FAR = (150 / 111.2) ** 2, (400 / 111.2) ** 2


def _near(entry: Entry, points: list[tuple[float, float]]) -> float:
    """The proximity pull of the nearest confidently resolved place: an equirectangular distance, which at
    these few hundred km differs from the great circle by far less than the rings are wide, and costs no
    trigonometry per pair."""
    scale = math.cos(math.radians(entry.lat))
    best = math.inf
    for lat, lon in points:
        dlon = abs(entry.lon - lon)
        dlon = min(dlon, 360.0 - dlon) * scale
        dist = (entry.lat - lat) ** 2 + dlon * dlon
        if dist < best:
            best = dist
    return _NEAR if best < _RING_NEAR else _NEAR / 2 if best < _RING_FAR else 0.0


def rank(
    candidates: tuple[Entry, ...] | list[Entry],
    key: str,
    context: Context,
    *,
    kinds: tuple[int, ...] | None = None,
    qualifiers: tuple[Entry, ...] = (),
) -> list[tuple[float, Entry]]:
    """Candidates best first; ``kinds`` keeps only those kinds when any candidate has one of them."""
    pool = list(candidates)
    if kinds:
        narrowed = [c for c in pool if c.kind in kinds]
        pool = narrowed or pool
    focus, total_c = context.focus, sum(context.countries.values()) or 1.0
    scored = [(_score(c, key, context, qualifiers, focus, total_c), c) for c in pool]
    town = max((c.population for c in pool if c.kind == SETTLEMENT and own_name(c, key)), default=0)
    if town:
        scored = [(s - _outnumbered(c, key, town), c) for s, c in scored]
    scored.sort(key=lambda pair: (-pair[0], -pair[1].population, pair[1].id))
    return scored
