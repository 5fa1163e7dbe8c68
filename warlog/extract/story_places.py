"""The story's own places: the dateline, the province the story is set in, the settlement it is about,
and which settlements it trusts as a scene.

Why: a local news story repeats the town it reports from while it names other settlements (a victim's
home town, the hospital's town, a namesake abroad) once; an ACLED or GVA row codes the town of the event,
which a report without a place of its own shares with the story.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from warlog.extract.place_scene import (
    before_city_parts,
    care_place,
    city_part,
    city_part_pattern,
    inner_name,
    neighbourhood_names,
    ordinal_before,
    outlet_place,
    person_name,
    plain_name,
    section_name,
    street_place,
)
from warlog.extract.spans import doc_text
from warlog.geo.gazetteer import Gazetteer
from warlog.schema import Place, WherePrec


def located(place: Place | None) -> bool:
    """The place is at most province-precise: somewhere an event can be coded."""
    return place is not None and place.where_prec is not None and place.where_prec <= WherePrec.ADMIN1


def story_place(sites: list[Place], doc: Doc, focus: str | None) -> Place | None:
    """The settlement a local story is about: of the trusted settlements in the story's region (the
    province most of its places lie in), the one it names most often, the first named of equals.

    Why: a local news story repeats the town it reports from ("Memphis police said", "in Memphis") while
    the other settlements it names (a victim's home town, the hospital's town, a namesake abroad that a
    street or a surname happens to match) come up once. A mention followed by a city-part word ("the
    Austin neighborhood", "Maple Street") does not count, the name's other mentions do; a name the story
    ever calls a neighbourhood ("neighbourhood_words") is no candidate at all. The dateline's town
    counts ``DATELINE_WEIGHT`` mentions more; an ambiguous town is first read as its namesake in the
    story's province where the places component kept one (``_namesake_in``)."""
    text = doc_text(doc)
    called = neighbourhood_names(text)
    sections = {place_key(p) for p in sites if plain_name(p.name) in called}
    # a hospital's town is no candidate, but it tells the province: the wounded are taken nearby
    region = _story_region(sites, focus, text, sections)
    part = city_part_pattern()
    sites = [_namesake_in(p, region) for p in sites]
    candidates = [  # each mention on its own: "the Wichita area" is one, "in Wichita" another
        p
        for p in sites
        if (p.feature_code or "").startswith("PPL")
        and not care_place(text, p)
        and not inner_name(text, p)
        and not street_place(text, p)
        and place_key(p) not in sections
        and trusted_place(p, doc, focus, region, set())
        and (p.evidence is None or not part.match(text, p.evidence.end))
    ]
    towns = _in_region(candidates, region, text)
    if not towns:
        return None
    named = mention_counts(towns)
    dateline = dateline_place(text, sites, focus)
    if dateline is not None and place_key(dateline) in named:  # the reporter's town
        named[place_key(dateline)] += DATELINE_WEIGHT
    first: dict[str, int] = {}
    for i, p in enumerate(towns):
        first.setdefault(place_key(p), i)
    best = max(first, key=lambda k: (named[k], -first[k]))
    return towns[first[best]]


def _in_region(candidates: list[Place], region: str | None, text: str) -> list[Place]:
    """The story's candidate towns, best first: those of the story's region, else, of the region, a news
    outlet's town ("© The Washington Times" in a story that names only "D.C."): a local paper covers its
    own city, but where the story names another town of the province the outlet's is a byline, not the
    scene (``outlet_place``); else any candidate."""
    own = [p for p in candidates if not outlet_place(text, p)]
    if region is None:
        return own or candidates
    return (
        [p for p in own if p.admin1 == region]
        or [p for p in candidates if p.admin1 == region]
        or own
        or candidates
    )


#: What a dateline's town counts for beside its mentions: local stories file from the town they cover.
DATELINE_WEIGHT = 2


def _story_region(
    sites: list[Place], focus: str | None, text: str = "", sections: set[str] | None = None
) -> str | None:
    """The province the story is set in: the one the most different places it names lie in.

    Why different places, not mentions: a story repeats its own town, but it also repeats a name the
    gazetteer reads as a namesake far away ("Roxbury" three times is a Boston neighbourhood, not the
    Wisconsin village), while a second place of the same province ("Boston", "Suffolk County") is
    independent evidence. A name's repeats count a little (``_REPEAT_WEIGHT``), to break ties; a name
    whose reading is ambiguous, a small town (``_SMALL_TOWN``: the kind of namesake a neighbourhood's
    name happens to match), a name the story calls a neighbourhood or a city part, a place of care
    (``care_place``) count less or not at all; the dateline's place counts ``DATELINE_WEIGHT`` more.
    Ties go to the province named first."""
    weights: dict[str, float] = {}
    mentions: dict[str, int] = {}
    where: dict[str, str] = {}
    order: dict[str, int] = {}
    sections = sections or set()
    for i, p in enumerate(sites):
        if not p.admin1 or not located(p) or (focus is not None and p.country != focus):
            continue
        key = place_key(p)
        if key in sections or (p.evidence is not None and ordinal_before(text, p.evidence.start)):
            continue
        if street_place(text, p):
            continue
        mentions[key] = mentions.get(key, 0) + 1
        if key in weights:
            continue
        weight = 1.0
        if (p.reason or "").startswith("ambiguous") or _small_town(p):
            weight = 0.5
        weights[key], where[key] = weight, p.admin1
        order.setdefault(p.admin1, i)
    if not weights:
        return None
    counts: dict[str, float] = {}
    for key, weight in weights.items():
        counts[where[key]] = counts.get(where[key], 0.0) + weight * (1 + _REPEAT_WEIGHT * (mentions[key] - 1))
    dateline = dateline_place(text, sites, focus) if text else None
    if dateline is not None and dateline.admin1 in counts:
        counts[dateline.admin1] += DATELINE_WEIGHT
    return max(counts, key=lambda a: (counts[a], -order[a]))


#: What each repeat of a name adds to its province's support (a tie-breaker, see ``_story_region``).
_REPEAT_WEIGHT = 0.1


#: Below this population a settlement is a small town: often the only namesake the gazetteer knows of a
#: neighbourhood's or a street's name, so it is weak evidence for a province.
_SMALL_TOWN = 5000


def _small_town(place: Place) -> bool:
    population = _population(place)
    return population is not None and population < _SMALL_TOWN


def _population(place: Place) -> int | None:
    """A settlement's population from the gazetteer (None for other places)."""
    if place.where_prec != WherePrec.EXACT or place.geonameid is None:
        return None
    entry = Gazetteer.default().get(place.geonameid)  # already open: the places component used it
    return entry.population if entry is not None and entry.kind == WherePrec.EXACT else None


def _namesake_in(place: Place, region: str | None) -> Place:
    """An ambiguous settlement read as its close namesake in the story's province, where the places
    component kept one ("Greenville" in a South Carolina story is not Greenville, North Carolina)."""
    if region is None or place.admin1 == region or not place.alternatives:
        return place
    gazetteer = Gazetteer.default()  # already open: the places component resolved this place with it
    kind = WherePrec.EXACT if (place.where_prec or 99) <= WherePrec.NEAR else place.where_prec
    for alt in place.alternatives:
        entry = gazetteer.get(alt.geonameid) if alt.geonameid else None
        if entry is not None and entry.admin1 == region and entry.kind == kind:
            return place.model_copy(update={
                "geonameid": entry.id, "lat": entry.lat, "lon": entry.lon, "country": entry.country,
                "admin1": entry.admin1, "admin2": entry.admin2, "feature_code": entry.fcode,
                "resolved_name": entry.name,
            })
    return place


def mention_counts(places: list[Place]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for p in places:
        counts[place_key(p)] = counts.get(place_key(p), 0) + 1
    return counts


def place_key(place: Place) -> str:
    return (
        str(place.geonameid) if place.geonameid is not None else (place.resolved_name or place.name).lower()
    )


#: After a dateline's place: ", State" or ", County", then "(Outlet)", then a dash or colon.
_DATELINE_TAIL = re.compile(
    r"(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,2})?\s*(?:\([^()\n]{1,40}\))?\s*(?:—|–|--?|:)"
)


_CAPS_DATELINE = re.compile(r"(?m)^[ \t]*([A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3})\b")


_DATELINE_REACH = 600  # characters from the start: a dateline opens the body, after a headline and byline


def dateline_place(text: str, sites: list[Place], focus: str | None) -> Place | None:
    """The place of a dateline ("PITTSBURGH (KDKA) —", "HOBART, Okla. -"): a settlement or county at the
    start of a line, followed by an optional province, an optional outlet and a dash."""
    for p in sites:
        ev = p.evidence
        if ev.start > _DATELINE_REACH:
            break
        line_start = ev.start == 0 or text[: ev.start].rstrip(" \t").endswith("\n")
        if not line_start or p.where_prec is None or p.where_prec > WherePrec.ADMIN2:
            continue
        if (focus is None or p.country == focus) and _DATELINE_TAIL.match(text, ev.end):
            return p
    # a capitalised dateline the place finder passed over, named again in the story ("PITTSBURGH (KDKA) —
    # ... Pittsburgh police said"): that mention's place
    found = _CAPS_DATELINE.search(text, 0, _DATELINE_REACH)
    if found is None or not _DATELINE_TAIL.match(text, found.end(1)):
        return None
    name = found.group(1).lower()
    return next(
        (
            p
            for p in sites
            if p.name.lower() == name
            and p.where_prec == WherePrec.EXACT
            and (focus is None or p.country == focus)
        ),
        None,
    )


def trusted_place(
    place: Place | None, doc: Doc, focus: str | None, region: str | None, parts: set[str] | None = None
) -> bool:
    """A settlement that is plausibly where a local story happened (see ``settle_places``). ``parts``:
    ``before_city_parts`` of the document, when the caller has it."""
    if place is None or place.where_prec is None or place.where_prec > WherePrec.NEAR:
        return False
    if focus is not None and place.country != focus:
        return False
    if (place.feature_code or "") == "PPLX" or section_name(place.name):  # a section of a city
        return False
    ev = place.evidence
    if parts is None:
        parts = before_city_parts(doc_text(doc))
    if ev is not None and city_part(parts, place.name):  # "the Austin neighborhood"
        return False
    if street_place(doc_text(doc), place):  # "the 4500 block of South Wolcott"
        return False
    ambiguous = (place.reason or "").startswith("ambiguous")
    if ambiguous and region is not None and place.admin1 != region:
        return False
    span = doc.char_span(ev.start, ev.end, alignment_mode="expand") if ev is not None else None
    return span is None or not person_name(span)
