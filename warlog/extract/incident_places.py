"""Where a report happened: the place of each segment, the story's lead place for place-less reports, and
the settling of doubtful places by the dateline and the settlements the story trusts.

Why these rules: a news story names many places (the dateline, the victims' home towns, places abroad,
streets and neighbourhoods); an ACLED row has one location, the one the event happened at.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc

from warlog.data import load_yaml, require_keys
from warlog.errors import LexiconError
from warlog.extract.drafts import Draft, Segment, precision
from warlog.extract.spans import doc_text
from warlog.geo.gazetteer import Gazetteer
from warlog.schema import Place, WherePrec


def located(place: Place | None) -> bool:
    """The place is at most province-precise: somewhere an event can be coded."""
    return place is not None and place.where_prec is not None and place.where_prec <= WherePrec.ADMIN1


def segment_place(seg: Segment, sites: list[Place], focus: str | None) -> Place | None:
    """The most precise of the ``sites`` in the segment (else in its sentence), preferring the document's
    focus country: in a story about Memphis, a capitalised word that happens to be a hamlet abroad is not
    where the shooting was."""
    for lo, hi in ((seg.start, seg.end), seg.sentence):
        found = [p for p in sites if lo <= p.evidence.start < hi]
        if found:
            return min(found, key=lambda p: (focus is not None and p.country != focus, precision(p)))
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
    inside a party's name ("Moscow said") never displaces a trusted settlement of a report."""
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
    story = story_place(named if named is not None else sites, doc, focus)
    if story is None:
        return
    counts = _mention_counts(named if named is not None else sites)
    free = any(_key(p) == _key(story) for p in sites)  # named outside a party's name too
    current = [d for d in drafts if not d.background]
    for i, draft in enumerate(current):
        place = draft.place
        trusted = trusted_place(place, doc, focus, story.admin1, parts)
        if not free and trusted:
            continue
        if _doubtful_against(place, story, counts, lead=i == 0, trusted=trusted):
            draft.story_located = not located(place)
            draft.settled = story


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
    region = _story_region(sites, focus)
    part = city_part_pattern()
    sites = [_namesake_in(p, region) for p in sites]
    section = neighbourhood_pattern()
    sections = {_key(p) for p in sites if p.evidence is not None and section.match(text, p.evidence.end)}
    towns = [  # each mention on its own: "the Wichita area" is one, "in Wichita" another
        p
        for p in sites
        if (p.feature_code or "").startswith("PPL")
        and _key(p) not in sections
        and trusted_place(p, doc, focus, region, set())
        and (p.evidence is None or not part.match(text, p.evidence.end))
    ]
    if region is not None:
        towns = [p for p in towns if p.admin1 == region] or towns
    if not towns:
        return None
    named = _mention_counts(towns)
    dateline = dateline_place(text, sites, focus)
    if dateline is not None and _key(dateline) in named:  # the reporter's town
        named[_key(dateline)] += DATELINE_WEIGHT
    first: dict[str, int] = {}
    for i, p in enumerate(towns):
        first.setdefault(_key(p), i)
    best = max(first, key=lambda k: (named[k], -first[k]))
    return towns[first[best]]


#: What a dateline's town counts for beside its mentions: local stories file from the town they cover.
DATELINE_WEIGHT = 2


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
    if place.admin1 != story.admin1 or place.country != story.country:
        return True
    return named.get(_key(place), 0) < named.get(_key(story), 0)


def _story_region(sites: list[Place], focus: str | None) -> str | None:
    """The province most of the story's located places (in its focus country) lie in; a place whose
    reading is ambiguous counts half ("Greenville ... Greenville ... S.C." is South Carolina)."""
    counts: dict[str, float] = {}
    for p in sites:
        if p.admin1 and located(p) and (focus is None or p.country == focus):
            weight = 0.5 if (p.reason or "").startswith("ambiguous") else 1.0
            counts[p.admin1] = counts.get(p.admin1, 0.0) + weight
    return max(counts, key=counts.__getitem__) if counts else None


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


def _mention_counts(places: list[Place]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for p in places:
        counts[_key(p)] = counts.get(_key(p), 0) + 1
    return counts


def _key(place: Place) -> str:
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
    if (place.feature_code or "") == "PPLX" or _section_name(place.name):  # a section of a city
        return False
    ev = place.evidence
    if parts is None:
        parts = before_city_parts(doc_text(doc))
    if ev is not None and city_part(parts, place.name):  # "the Austin neighborhood"
        return False
    ambiguous = (place.reason or "").startswith("ambiguous")
    if ambiguous and region is not None and place.admin1 != region:
        return False
    span = doc.char_span(ev.start, ev.end, alignment_mode="expand") if ev is not None else None
    return span is None or not any(t.ent_type_ == "PERSON" for t in span)


def before_city_parts(text: str) -> set[str]:
    """The last one to four words before each city-part word, lower-cased ("austin", "side austin", ...):
    one pass over the document, so each place costs one set lookup."""
    found: set[str] = set()
    for m in city_part_pattern().finditer(text):
        words = text[max(0, m.start() - 60) : m.start()].lower().replace("-", " ").split()
        found.update(" ".join(words[-n:]) for n in range(1, min(4, len(words)) + 1))
    return found


def city_part(parts: set[str], name: str) -> bool:
    """The story calls ``name`` a part of a city somewhere ("in the West Side Austin neighborhood")."""
    return " ".join(name.lower().replace("-", " ").split()) in parts


@cache
def city_part_pattern() -> re.Pattern:
    words = "|".join(sorted(city_parts(), key=len, reverse=True))
    return re.compile(rf"(?<=[\w.])[\s-]+(?:{words})\b", re.IGNORECASE)


@cache
def neighbourhood_pattern() -> re.Pattern:
    """After a name, a word that makes it a part of a city wherever it is named ("the Englewood
    neighborhood"): ``neighbourhood_words`` of ``casualties_places.yaml``."""
    raw = load_yaml("casualties_places.yaml")
    words = raw.get("neighbourhood_words")
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise LexiconError("lexicon 'casualties_places.yaml': 'neighbourhood_words' must be a list of words")
    alternatives = "|".join(sorted((re.escape(w.lower()) for w in words), key=len, reverse=True))
    return re.compile(rf"[\s-]+(?:{alternatives})\b", re.IGNORECASE)


@cache
def city_parts() -> frozenset[str]:
    """``casualties_places.yaml``: words that make the place before them a part of a city, or a part of
    a longer name (a street, a school): either way not the city the incident is coded at."""
    raw = load_yaml("casualties_places.yaml")
    keys = ("city_part_words", "name_part_words")
    require_keys("casualties_places.yaml", raw, keys)
    for key in keys:
        if not isinstance(raw[key], list) or not all(isinstance(w, str) for w in raw[key]):
            raise LexiconError(f"lexicon 'casualties_places.yaml': {key!r} must be a list of words")
    return frozenset(w.lower() for key in keys for w in raw[key])


def _section_name(name: str) -> bool:
    """ "the South Side", "Downtown": a city section named by direction (``casualties_places.yaml``)."""
    return " ".join(name.lower().replace("-", " ").split()) in city_section_names()


@cache
def city_section_names() -> frozenset[str]:
    raw = load_yaml("casualties_places.yaml")
    names = raw.get("city_section_names")
    if not isinstance(names, list) or not all(isinstance(w, str) for w in names):
        raise LexiconError("lexicon 'casualties_places.yaml': 'city_section_names' must be a list of names")
    return frozenset(" ".join(w.lower().replace("-", " ").split()) for w in names)


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
