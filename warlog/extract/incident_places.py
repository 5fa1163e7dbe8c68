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


def residence_place(text: str, place: Place) -> bool:
    """``place`` says where a person lives, not where something happened: "a Kuna man", "Jane Doe, 20, of
    Kuna" (``residence_words`` after the name, ``residence_preps`` after a comma before it, in
    ``casualties_places.yaml``); "north of Kuna" is no residence."""
    ev = place.evidence
    if ev is None:
        return False
    after, before = residence_patterns()
    return bool(after.match(text, ev.end) or before.search(text[max(0, ev.start - 12) : ev.start]))


@cache
def residence_patterns() -> tuple[re.Pattern, re.Pattern]:
    raw = load_yaml("casualties_places.yaml")
    keys = ("residence_words", "residence_preps")
    require_keys("casualties_places.yaml", raw, keys)
    for key in keys:
        if not isinstance(raw[key], list) or not raw[key] or not all(isinstance(w, str) for w in raw[key]):
            raise LexiconError(f"lexicon 'casualties_places.yaml': {key!r} must be a list of words")
    words, preps = ("|".join(sorted((re.escape(w) for w in raw[k]), key=len, reverse=True)) for k in keys)
    after = re.compile(rf"(?:,\s*\w+\.?,?)?\s+(?:{words})\b", re.IGNORECASE)
    before = re.compile(rf",\s*(?:{preps})\s+$", re.IGNORECASE)
    return after, before


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
    called = neighbourhood_names(text)
    sections = {_key(p) for p in sites if _plain(p.name) in called}
    # a hospital's town is no candidate, but it tells the province: the wounded are taken nearby
    region = _story_region(sites, focus, text, sections)
    part = city_part_pattern()
    sites = [_namesake_in(p, region) for p in sites]
    towns = [  # each mention on its own: "the Wichita area" is one, "in Wichita" another
        p
        for p in sites
        if (p.feature_code or "").startswith("PPL")
        and not off_scene(text, p)
        and not street_place(text, p)
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
    fewer = named.get(_key(place), 0) < named.get(_key(story), 0)
    if place.admin1 != story.admin1 or place.country != story.country:
        return fewer or named.get(_key(place), 0) == named.get(_key(story), 0)
    return fewer


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
        key = _key(p)
        if key in sections or (p.evidence is not None and _ordinal_before(text, p.evidence.start)):
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


_ORDINAL_BEFORE = re.compile(
    r"(?:\b\d+(?:st|nd|rd|th)|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"eleventh|twelfth))\s+$",
    re.IGNORECASE,
)


def _ordinal_before(text: str, start: int) -> bool:
    """ "the Third Ward", "7th District": a numbered part of a city, whatever the gazetteer reads."""
    return bool(_ORDINAL_BEFORE.search(text[max(0, start - 16) : start]))


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
    if street_place(doc_text(doc), place):  # "the 4500 block of South Wolcott"
        return False
    ambiguous = (place.reason or "").startswith("ambiguous")
    if ambiguous and region is not None and place.admin1 != region:
        return False
    span = doc.char_span(ev.start, ev.end, alignment_mode="expand") if ev is not None else None
    return span is None or not _person(span)


def _person(span) -> bool:
    """The name is a person's: NER calls it PERSON and it reads as one, inside a longer name ("Sheriff
    Earl Butler", "Cleveland Smelley") or not after a locative word ("Davis said"). The small model
    calls many small towns persons, but "north of Benton" is a place (``locative_words``)."""
    people = [t for t in span if t.ent_type_ == "PERSON"]
    if not people:
        return False
    doc, first, last = span.doc, people[0], people[-1]
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    inside = after is not None and after.ent_iob_ == "I" and after.ent_type_ == "PERSON"
    longer = (first.ent_iob_ == "I" and first.i == span.start) or inside
    before = doc[first.i - 1].lower_ if first.i > 0 else ""
    return longer or before not in locative_words()


@cache
def locative_words() -> frozenset[str]:
    """``casualties_places.yaml``: words before a name that make it a place ("north of Benton")."""
    raw = load_yaml("casualties_places.yaml")
    words = raw.get("locative_words")
    if not isinstance(words, list) or not words or not all(isinstance(w, str) for w in words):
        raise LexiconError("lexicon 'casualties_places.yaml': 'locative_words' must be a list of words")
    return frozenset(w.lower() for w in words)


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


def neighbourhood_names(text: str) -> set[str]:
    """The names the story calls a neighbourhood anywhere ("the same Austin neighborhood block", "the
    Marquette Park neighborhood"), lower-cased, with and without one capitalised word before the
    neighbourhood word: one pass over the text, found whether or not the place finder kept that
    mention. ``neighbourhood_words`` of ``casualties_places.yaml``."""
    found: set[str] = set()
    for m in neighbourhood_word_pattern().finditer(text):
        raw = text[max(0, m.start() - 60) : m.start()].replace("-", " ").split()
        words = [w.lower() for w in raw]
        found.update(" ".join(words[-n:]) for n in range(1, min(4, len(words)) + 1))
        if len(raw) > 1 and raw[-1][:1].isupper():  # "Marquette Park neighborhood": Marquette too
            found.update(" ".join(words[-n - 1 : -1]) for n in range(1, min(3, len(words) - 1) + 1))
    return found


def _plain(name: str) -> str:
    return " ".join(name.lower().replace("-", " ").split())


#: "the 4900 block of West Hubbard", "the 100 block of N. Main": what follows is a street, not a town.
_BLOCK_OF = re.compile(
    r"\bblock\s+of\s+(?:(?:north|south|east|west|n\.?|s\.?|e\.?|w\.?|ne|nw|se|sw)\s+)?$", re.IGNORECASE
)


def street_place(text: str, place: Place) -> bool:
    """``place`` names a street: it follows "the N block of" ("in the 4500 block of South Wolcott")."""
    ev = place.evidence
    return ev is not None and bool(_BLOCK_OF.search(text[max(0, ev.start - 30) : ev.start]))


@cache
def neighbourhood_word_pattern() -> re.Pattern:
    raw = load_yaml("casualties_places.yaml")
    words = raw.get("neighbourhood_words")
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise LexiconError("lexicon 'casualties_places.yaml': 'neighbourhood_words' must be a list of words")
    alternatives = "|".join(sorted((re.escape(w.lower()) for w in words), key=len, reverse=True))
    return re.compile(rf"(?<=[\w.])[\s-]+(?:{alternatives})\b", re.IGNORECASE)


@cache
def neighbourhood_pattern() -> re.Pattern:
    """After a name, a word that makes it a part of a city wherever it is named ("the Englewood
    neighborhood"): ``neighbourhood_words`` of ``casualties_places.yaml``. ``story_place`` finds such
    names in one pass over the text instead (``neighbourhood_names``)."""
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


def off_scene(text: str, place: Place) -> bool:
    """``place`` is named for something other than where an event happened: the town of a hospital the
    wounded were taken to (``care_place``), or a word of a longer name the gazetteer does not know
    (``inner_name``: "Village" of "Little Village")."""
    return care_place(text, place) or inner_name(text, place)


def inner_name(text: str, place: Place) -> bool:
    """``place`` is the tail of a longer name: right after a capitalised word that opens names of places
    ("Little Village", "Old West End", "Lake Mead"): ``name_lead_words`` of ``casualties_places.yaml``.
    The finder matched the tail alone to a namesake far away; the whole is a part of the story's city."""
    ev = place.evidence
    if ev is None:
        return False
    found = _LAST_WORD.search(text, max(0, ev.start - 12), ev.start)
    return found is not None and found.group(1) in name_lead_words()


_LAST_WORD = re.compile(r"\b([A-Z][a-z]*\.?)[ \t]+$")


@cache
def name_lead_words() -> frozenset[str]:
    raw = load_yaml("casualties_places.yaml")
    words = raw.get("name_lead_words")
    if not isinstance(words, list) or not words or not all(isinstance(w, str) for w in words):
        raise LexiconError("lexicon 'casualties_places.yaml': 'name_lead_words' must be a list of words")
    return frozenset(words)


def care_place(text: str, place: Place) -> bool:
    """``place`` is where the wounded were cared for, not where they were hurt: it ends a phrase of care
    ("taken by helicopter to Oakton", "Mercy Hospital in Oakton", "flown to Oakton") or begins a
    hospital's name ("Oakton Regional Medical Center", "an Oakton area hospital"). A local story names
    the hospital's town about as often as the incident's, and ACLED and GVA code the incident's.
    ``care_verbs`` / ``care_nouns`` of ``casualties_places.yaml``; the phrase stays inside a sentence."""
    ev = place.evidence
    if ev is None:
        return False
    verb, noun, named = care_patterns()
    before = text[max(0, ev.start - _CARE_REACH) : ev.start]
    breaks = list(_SENTENCE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end() :]
    if verb.search(before):
        return True
    if not (noun.search(before) or named.match(text, ev.end, ev.end + _CARE_REACH)):
        return False
    # "a hospital in Kharkiv was hit", "Oakton Regional Hospital was shelled": the hospital is the target
    after = text[ev.end : ev.end + _CARE_REACH]
    stop = _SENTENCE_BREAK.search(after)
    sentence = before + text[ev.start : ev.end] + (after[: stop.start()] if stop else after)
    return not struck_pattern().search(sentence)


#: How far a phrase of care reaches before (or a hospital's name after) the place, in characters.
_CARE_REACH = 100
#: The end of a sentence inside the look-back: a full stop after a lower-case word ("St." is none).
_SENTENCE_BREAK = re.compile(r"(?<=[a-z]{3})[.!?]\s|\n")


@cache
def struck_pattern() -> re.Pattern:
    """``struck_words`` of ``casualties_places.yaml``: words that make a hospital named beside a place the
    target of an attack rather than where the wounded were cared for."""
    raw = load_yaml("casualties_places.yaml")
    words = raw.get("struck_words")
    if not isinstance(words, list) or not words or not all(isinstance(w, str) for w in words):
        raise LexiconError("lexicon 'casualties_places.yaml': 'struck_words' must be a list of words")
    alternatives = "|".join(sorted((re.escape(w.lower()) for w in words), key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)


@cache
def care_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The phrases of care of ``care_place``: a care verb then "to/at/in" and a few words ending at the
    place; a care noun, a few capitalised words and "in/at" ending at it; after the place, a few
    capitalised words (or "area") then a care noun."""
    raw = load_yaml("casualties_places.yaml")
    keys = ("care_verbs", "care_nouns")
    require_keys("casualties_places.yaml", raw, keys)
    for key in keys:
        if not isinstance(raw[key], list) or not raw[key] or not all(isinstance(w, str) for w in raw[key]):
            raise LexiconError(f"lexicon 'casualties_places.yaml': {key!r} must be a list of words")
    verbs, nouns = (
        "|".join(sorted((re.escape(w.lower()).replace(r"\ ", r"\s+") for w in raw[k]), key=len, reverse=True))
        for k in keys
    )
    word = r"[\w.'’&-]+"
    # between the phrase and the place: names, articles, care nouns, never a clause ("the hospital after
    # being shot in Oakton" was shot in Oakton); headline capitals never hide a care verb
    skip = rf"(?!(?i:(?:{verbs}|to|in|at|after|before|is|was|were)\b))"
    between = rf"(?:{skip}[A-Z]{word}|the|a|an|of|for|in|at|area|local|nearby|regional|(?i:{nouns}))"
    verb = re.compile(
        rf"\b(?:{verbs})\b(?:\s+(?:by|via|on)\s+{word}(?:\s+{word})?)?\s+(?:to|at|in)\s+(?:{between}\s+){{0,8}}$",
        re.IGNORECASE,
    )
    capital = rf"(?:{skip}[A-Z]{word}|for|of|the|at|and|&)"
    noun = re.compile(rf"(?i:\b(?:{nouns}))(?:\s+{capital}){{0,5}}?\s+(?:in|at)\s+$")
    named = re.compile(rf"(?:['’]s)?(?:\s+(?:{skip}[A-Z]{word}|area|and|&)){{0,4}}?\s+(?i:(?:{nouns}))\b")
    return verb, noun, named


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
