"""Where a report happened: the place of each segment, the story's lead place for place-less reports, and
the settling of doubtful places by the dateline and the settlements the story trusts.

Why these rules: a news story names many places (the dateline, the victims' home towns, places abroad,
streets and neighbourhoods); an ACLED row has one location, the one the event happened at. Whether one
mention can be a scene at all is ``place_scene``'s job; the story's dateline, province and town are
``story_places``'s; this module decides each report's place from them.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc

from warlog.data import load_yaml, require_keys
from warlog.errors import LexiconError
from warlog.extract.drafts import Draft, Segment, precision
from warlog.extract.place_scene import PLACES_LEXICON, agency_place, before_city_parts, residence_place
from warlog.extract.spans import doc_text
from warlog.extract.story_places import (
    dateline_place,
    located,
    mention_counts,
    place_key,
    story_place,
    trusted_place,
)
from warlog.geo.gazetteer import Gazetteer
from warlog.geo.ranking import haversine_km
from warlog.schema import Place, WherePrec

__all__ = [
    "city_of_county",
    "focus_country",
    "located",
    "lies_within",
    "place_from_lead",
    "segment_place",
    "settle_places",
]


def segment_place(
    seg: Segment, sites: list[Place], focus: str | None, text: str | None = None
) -> Place | None:
    """The most precise of the ``sites`` in the segment (else in its sentence), preferring the document's
    focus country: in a story about Memphis, a capitalised word that happens to be a hamlet abroad is not
    where the shooting was. Given the ``text``, of equally precise places one where the event happened
    beats one where a person lives (``residence_place``: "an Indianapolis man died in a Gary shooting")."""
    for lo, hi in ((seg.start, seg.end), seg.sentence):
        found = [p for p in sites if lo <= p.evidence.start < hi]
        if found:
            return min(
                found,
                key=lambda p: (
                    focus is not None and p.country != focus,
                    precision(p),
                    text is not None and residence_place(text, p),
                ),
            )
    return None


def place_from_lead(drafts: list[Draft], sites: list[Place], focus: str | None) -> None:
    """A current report whose sentences name no place happened where the story is: the first place at
    most province-precise in the focus country, as a dateline or headline gives it ("INDIANAPOLIS — ...
    The shooting happened around 2 a.m.")."""
    lead = next((p for p in sites if located(p) and (focus is None or p.country == focus)), None)
    if lead is None:
        return
    for draft in drafts:
        if draft.place is None and not draft.background:
            draft.segments[0].place = lead


def settle_places(
    drafts: list[Draft], doc: Doc, sites: list[Place], focus: str | None, named: list[Place] | None = None
) -> None:
    """A current report whose place is doubtful or coarse takes the story's dateline, else its first
    trusted settlement inside that place ("Texas" → the Texas town the lead names).

    Doubtful: a settlement abroad in a story about one country, a person's name the gazetteer also knows
    ("Phillips"), a section of a city (GVA and ACLED code the city), or an ambiguous name outside the
    province of the dateline ("PITTSBURGH (KDKA) — ... in Homewood" is not Homewood, Illinois).

    Then each current report whose place says less than the story's own settlement (``story_place``,
    found among ``named``: every resolved place, a party's name included, since "Memphis police" tells
    the story's town) takes that settlement (``_doubtful_against``). A settlement the story names only
    inside a party's name ("Moscow said") never displaces a trusted settlement of a report. A report at a
    settlement close to a larger city whose police work the case takes the city (``_settle_by_agency``:
    "in West Englewood ... Chicago police said"); a report placed nowhere takes the seat of the police
    named (``_place_by_agency``). Last, a report at a neighbourhood of a county that is one city takes
    that city (``city_of_county``)."""
    text = doc_text(doc)
    dateline = dateline_place(text, sites, focus)
    region = dateline.admin1 if dateline is not None else None
    parts = before_city_parts(text)
    trusted = [p for p in sites if trusted_place(p, doc, focus, region, parts)]
    town = [dateline] if dateline is not None and dateline.where_prec == WherePrec.EXACT else []
    county = [dateline] if dateline is not None and not town else []
    for draft in drafts:
        place = draft.place
        if draft.background:
            continue
        if trusted_place(place, doc, focus, region, parts):
            if dateline is not None and place.evidence == dateline.evidence:  # the reporter's place
                # another settlement told in the report's sentences, as the story resolves it where trusted
                by_name = {p.name.lower(): p for p in reversed(trusted) if p.evidence != dateline.evidence}
                inside = [
                    by_name[p.name.lower()]
                    for p in sites
                    if p.name.lower() in by_name
                    and any(s.sentence[0] <= p.evidence.start < s.sentence[1] for s in draft.segments)
                ]
                inside = [p for p in inside if (p.where_prec or 99) <= dateline.where_prec]
                draft.settled = inside[0] if inside else None
            continue
        coarse = place is not None and place.where_prec is not None and place.where_prec > WherePrec.NEAR
        if coarse and place.where_prec >= WherePrec.LARGER:
            better = dateline if dateline is not None and dateline.country == place.country else None
        else:  # a town dateline, else a trusted settlement told in or before the report, else the county's
            told = [p for p in trusted if p.evidence.start < draft.segments[-1].end]
            better = next((p for p in town + told + county if lies_within(p, place)), None)
        if better is not None:
            draft.settled = better
    _settle_by_story(drafts, doc, sites, focus, named, parts)
    _settle_by_agency(drafts, text, named if named is not None else sites)
    _place_by_agency(drafts, text, named if named is not None else sites, focus)
    for draft in drafts:  # last: whichever way a report was placed, a city's neighbourhood is the city
        city = city_of_county(draft.place)
        if city is not None and not draft.background:
            draft.settled = city


def _settle_by_story(
    drafts: list[Draft], doc: Doc, sites: list[Place], focus: str | None, named: list[Place] | None,
    parts: set[str],
) -> None:
    """Each current report whose place says less than the story's own settlement takes it (see
    ``settle_places``)."""
    story = story_place(named if named is not None else sites, doc, focus)
    if story is None:
        return
    counts = mention_counts(named if named is not None else sites)
    free = any(place_key(p) == place_key(story) for p in sites)  # named outside a party's name too
    current = [d for d in drafts if not d.background]
    for i, draft in enumerate(current):
        place = draft.place
        trusted = trusted_place(place, doc, focus, story.admin1, parts)
        if not free and trusted:
            continue
        if _doubtful_against(place, story, counts, lead=i == 0, trusted=trusted):
            draft.story_located = not located(place)
            draft.settled = story


def _settle_by_agency(drafts: list[Draft], text: str, named: list[Place]) -> None:
    """A current report at a settlement that is no police seat of the story, close to a larger settlement
    whose police work the case ("a shooting in West Englewood ... Chicago police said"), takes that city.

    Why: the gazetteer knows many neighbourhoods of big cities as settlements of their own (West
    Englewood, Roxbury, Broad Ripple), while GVA and ACLED code the city; a city's force works its own
    neighbourhoods, a suburb has its own ("Penn Hills police"). Only a larger seat within
    ``_AGENCY_REACH_KM`` of the same province counts: a village's story that names the police of a city
    far away, or of a smaller town, keeps its place."""
    agencies = [p for p in named if p.where_prec == WherePrec.EXACT and agency_place(text, p)]
    if not agencies:
        return
    seats = {place_key(p) for p in agencies}
    counts = mention_counts(agencies)
    for draft in drafts:
        place = draft.place
        if draft.background or place is None or place.where_prec != WherePrec.EXACT:
            continue
        if place_key(place) in seats or place.lat is None or place.lon is None:
            continue
        size = _population(place)
        near = [
            a for a in agencies
            if a.country == place.country and a.admin1 == place.admin1 and a.lat is not None
            and a.lon is not None and haversine_km(a.lat, a.lon, place.lat, place.lon) <= _AGENCY_REACH_KM
            and (_population(a) or 0) > (size or 0)
        ]
        if near:
            draft.settled = max(near, key=lambda a: (counts[place_key(a)], -near.index(a)))


def _place_by_agency(drafts: list[Draft], text: str, named: list[Place], focus: str | None) -> None:
    """A current report the story places nowhere happened where the police working it serve: the first
    settlement of the focus country named as a police seat ("according to an Oakton police report",
    "Oakton Police Chief Jane Roe said"). A force works its own town; a story that names no other place
    names the town through its police. The seat may sit inside a party's name, which keeps it out of the
    scenes a sentence offers."""
    if all(d.place is not None or d.background for d in drafts):
        return
    seats = (p for p in named if p.where_prec == WherePrec.EXACT and (focus is None or p.country == focus))
    seat = next((p for p in seats if agency_place(text, p)), None)
    if seat is None:
        return
    for draft in drafts:
        if draft.place is None and not draft.background:
            draft.settled = seat


#: How far from a police seat a settlement may lie and still be one of its neighbourhoods, in km: the
#: largest US cities reach about this far from their centre.
_AGENCY_REACH_KM = 20.0


def _population(place: Place) -> int | None:
    """A settlement's population from the gazetteer (None where it has none)."""
    if place.geonameid is None:
        return None
    entry = Gazetteer.default().get(place.geonameid)  # already open: the places component used it
    return entry.population if entry is not None else None


def _doubtful_against(
    place: Place | None, story: Place, named: dict[str, int], lead: bool, trusted: bool
) -> bool:
    """A report's place gives way to the story's settlement when it says less than it: none, coarser than
    a settlement, or not trusted where the story is (``trusted_place``: a section of a city, a person's
    name, an ambiguous name outside the story's province). The story's first current report, the one it
    is about, also gives way when its settlement lies in another province or is named less often than
    the story's; a later report at a trusted town of its own ("drones struck a substation in Kursk" in a
    story about Belgorod) keeps it."""
    if place is None or place.where_prec is None or place.where_prec > WherePrec.NEAR or not trusted:
        return True
    if not lead:
        return False
    fewer = named.get(place_key(place), 0) < named.get(place_key(story), 0)
    if place.admin1 != story.admin1 or place.country != story.country:
        return fewer or named.get(place_key(place), 0) == named.get(place_key(story), 0) or _far(place, story)
    return fewer


def _far(place: Place, story: Place) -> bool:
    """``place`` is a small town (under ``_FAR_TOWN`` people) farther from the story's settlement than a
    local story reaches (``_LOCAL_REACH_KM``): a namesake across the country that a neighbourhood's, a
    street's or a building's name happens to match ("Roxbury" read as the Wisconsin village in a Boston
    story), however often it is named. A city far away ("Russia hit Kyiv" in a story whose towns lie in
    Luhansk) is a scene in its own right."""
    if None in (place.lat, place.lon, story.lat, story.lon) or (_population(place) or 0) >= _FAR_TOWN:
        return False
    return haversine_km(place.lat, place.lon, story.lat, story.lon) > _LOCAL_REACH_KM


#: How far from the town a local story is about its lead incident may lie, in km.
_LOCAL_REACH_KM = 400.0

#: Below this population a far settlement is read as a namesake (see ``_far``).
_FAR_TOWN = 10_000


def city_of_county(place: Place | None) -> Place | None:
    """The city a place inside a county that is one city stands for ("Harlem" → Manhattan, "NoMa" and
    "D.C." → Washington): ``city_counties`` of ``casualties_places.yaml``. None for other places, for the
    city itself and for a place as large as the city ("New York City" stays itself)."""
    if place is None or place.where_prec is None or place.where_prec > WherePrec.ADMIN1:
        return None
    key = (place.country, place.admin1, place.admin2 if place.where_prec != WherePrec.ADMIN1 else None)
    city_id = city_counties().get(key)
    if city_id is None or place.geonameid == city_id:
        return None
    gazetteer = Gazetteer.default()  # already open: the places component resolved the place with it
    city = gazetteer.get(city_id)
    if city is None:
        return None
    own = gazetteer.get(place.geonameid) if place.geonameid is not None else None
    if own is not None and own.kind == WherePrec.EXACT and (own.population or 0) >= (city.population or 0):
        return None
    return place.model_copy(update={
        "geonameid": city.id, "lat": city.lat, "lon": city.lon, "country": city.country,
        "admin1": city.admin1, "admin2": city.admin2, "feature_code": city.fcode, "resolved_name": city.name,
        "where_prec": WherePrec.EXACT,
    })


@cache
def city_counties() -> dict[tuple[str, str, str | None], int]:
    """``city_counties`` of ``casualties_places.yaml``: (country, admin1, admin2) → the city's id."""
    rows = load_yaml(PLACES_LEXICON).get("city_counties")
    if not isinstance(rows, list) or not rows:
        raise LexiconError(f"lexicon {PLACES_LEXICON!r}: 'city_counties' must be a non-empty list; fix it")
    table: dict[tuple[str, str, str | None], int] = {}
    for row in rows:
        if not isinstance(row, dict):
            raise LexiconError(f"lexicon {PLACES_LEXICON!r}: city_counties entry {row!r} must be a mapping")
        require_keys(PLACES_LEXICON, row, ("country", "admin1", "admin2", "id"))
        if not isinstance(row["id"], int) or not all(
            isinstance(row[k], str) for k in ("country", "admin1")
        ) or not (row["admin2"] is None or isinstance(row["admin2"], str)):
            raise LexiconError(
                f"lexicon {PLACES_LEXICON!r}: city_counties entry {row!r} needs country, admin1 and admin2 "
                "(text; admin2 may be null) and an integer GeoNames id"
            )
        table[(row["country"], row["admin1"], row["admin2"])] = row["id"]
    return table


def lies_within(candidate: Place, place: Place | None) -> bool:
    """``candidate`` may stand for ``place``: it lies inside it, or ``place`` is a doubtful settlement."""
    if place is None or place.where_prec is None or place.where_prec <= WherePrec.NEAR:
        return True
    if place.where_prec in (WherePrec.ADMIN1, WherePrec.ADMIN2):
        return candidate.admin1 is not None and candidate.admin1 in (place.admin1, place.resolved_name)
    return candidate.country == place.country


def focus_country(places: list[Place]) -> str | None:
    """The country most of the document's resolved places lie in (ties: the first named)."""
    counts: dict[str, int] = {}
    for place in places:
        if place.country and place.geonameid is not None:
            counts[place.country] = counts.get(place.country, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None
