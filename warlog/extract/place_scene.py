"""Is a named place the scene of the incident? Places of care, residences, streets, neighbourhoods, city
parts and sections, the tails of longer names, persons the model mistakes for towns: the tests a local
story's places pass before one may stand for where the event happened.

Why apart from the story's places (``story_places``): these read one mention against the words around it;
the story's places weigh all mentions together. The word lists are data (``casualties_places.yaml``), all
read through one validated loader (``place_words``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from warlog.data import load_yaml, word_list
from warlog.extract.place_cues import person_followers
from warlog.schema import Place

#: The lexicon of this module's word lists.
PLACES_LEXICON = "casualties_places.yaml"


def place_words(key: str) -> list[str]:
    """The word list ``key`` of ``casualties_places.yaml``, checked to be a non-empty list of strings.
    Not cached itself: ``load_yaml`` is, and each caller caches what it builds from the list."""
    return word_list(PLACES_LEXICON, load_yaml(PLACES_LEXICON), key)


def _alternatives(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first (so "medical center" beats "medical")."""
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


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
    words, preps = (_alternatives(place_words(k)) for k in ("residence_words", "residence_preps"))
    after = re.compile(rf"(?:,\s*\w+\.?,?)?\s+(?:{words})\b", re.IGNORECASE)
    before = re.compile(rf",\s*(?:{preps})\s+$", re.IGNORECASE)
    return after, before


def person_name(span) -> bool:
    """The name is a person's: NER calls it PERSON and it reads as one, inside a longer name ("Sheriff
    Earl Butler", "Cleveland Smelley") or not after a locative word ("Davis said"). The small model
    calls many small towns persons, but "north of Benton" is a place (``locative_words``)."""
    people = [t for t in span if t.ent_type_ == "PERSON"]
    if not people:
        return False
    doc, first, last = span.doc, people[0], people[-1]
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if after is not None and after.lower_ in person_followers():
        return False  # "Broken Arrow teen shot": people are not followed by a town's young or its police
    inside = after is not None and after.ent_iob_ == "I" and after.ent_type_ == "PERSON"
    longer = (first.ent_iob_ == "I" and first.i == span.start) or inside
    before = doc[first.i - 1].lower_ if first.i > 0 else ""
    return longer or before not in locative_words()


@cache
def locative_words() -> frozenset[str]:
    """``casualties_places.yaml``: words before a name that make it a place ("north of Benton")."""
    return frozenset(w.lower() for w in place_words("locative_words"))


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
    """A city-part word in any case ("the Austin neighborhood"), or a word of a longer name written as one
    ("Dorchester Road", "GRADY HOSPITAL"): a lower-case one names a thing in the town ("on a St. Louis
    street", "a Hamilton school"), not a part of its name."""
    parts = _alternatives(w.lower() for w in place_words("city_part_words"))
    names = _alternatives(f for w in place_words("name_part_words") for f in (w.capitalize(), w.upper()))
    return re.compile(rf"(?<=[\w.])[\s-]+(?:(?i:{parts})|{names})\b")


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


def plain_name(name: str) -> str:
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
    alternatives = _alternatives(w.lower() for w in place_words("neighbourhood_words"))
    return re.compile(rf"(?<=[\w.])[\s-]+(?:{alternatives})\b", re.IGNORECASE)


@cache
def neighbourhood_pattern() -> re.Pattern:
    """After a name, a word that makes it a part of a city wherever it is named ("the Englewood
    neighborhood"): ``neighbourhood_words`` of ``casualties_places.yaml``. ``story_place`` finds such
    names in one pass over the text instead (``neighbourhood_names``)."""
    alternatives = _alternatives(w.lower() for w in place_words("neighbourhood_words"))
    return re.compile(rf"[\s-]+(?:{alternatives})\b", re.IGNORECASE)


@cache
def city_parts() -> frozenset[str]:
    """``casualties_places.yaml``: words that make the place before them a part of a city, or a part of
    a longer name (a street, a school): either way not the city the incident is coded at."""
    return frozenset(w.lower() for key in ("city_part_words", "name_part_words") for w in place_words(key))


def off_scene(text: str, place: Place) -> bool:
    """``place`` is named for something other than where an event happened: the town of a hospital the
    wounded were taken to (``care_place``), a word of a longer name the gazetteer does not know
    (``inner_name``: "Village" of "Little Village"). The town of a news outlet (``outlet_place``) is no
    scene either, but only the story's town weighs it: a report told beside a byline keeps its place."""
    return care_place(text, place) or inner_name(text, place)


def outlet_place(text: str, place: Place) -> bool:
    """``place`` opens the name of a news outlet ("the Houston Chronicle", "Casper Star-Tribune", "Beckley
    WV News"): bylines, photo credits and "told the Oakton Herald" name the paper's home town, which a
    suburb's story repeats as often as its own town and a war story as often as the city struck.
    ``outlet_words`` of ``casualties_places.yaml``, matched case-sensitively right after the place (an
    upper-case state code may come between)."""
    ev = place.evidence
    return ev is not None and bool(outlet_pattern().match(text, ev.end))


@cache
def outlet_pattern() -> re.Pattern:
    return re.compile(rf"(?:[ \t]+[A-Z]{{2,3}})?[ \t]+(?:{_alternatives(place_words('outlet_words'))})\b")


def agency_place(text: str, place: Place) -> bool:
    """``place`` is the seat of the police force named ("Chicago police said", "the Hialeah Police
    Department"): the jurisdiction that works the case. ``agency_words`` of ``casualties_places.yaml``,
    matched case-insensitively right after the place (an optional "'s" between)."""
    ev = place.evidence
    return ev is not None and bool(agency_pattern().match(text, ev.end))


@cache
def agency_pattern() -> re.Pattern:
    return re.compile(rf"(?:['’]s)?[ \t]+(?i:{_alternatives(place_words('agency_words'))})(?![\w-])")


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
    return frozenset(place_words("name_lead_words"))


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
    alternatives = _alternatives(w.lower() for w in place_words("struck_words"))
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)


_CARE_KEYS = ("care_verbs", "care_nouns")


@cache
def care_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The phrases of care of ``care_place``: a care verb then "to/at/in" and a few words ending at the
    place; a care noun, a few capitalised words and "in/at" ending at it; after the place, a few
    capitalised words (or "area") then a care noun."""
    escaped = ((re.escape(w.lower()).replace(r"\ ", r"\s+") for w in place_words(k)) for k in _CARE_KEYS)
    verbs, nouns = ("|".join(sorted(words, key=len, reverse=True)) for words in escaped)
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


def section_name(name: str) -> bool:
    """ "the South Side", "Downtown": a city section named by direction (``casualties_places.yaml``)."""
    return " ".join(name.lower().replace("-", " ").split()) in city_section_names()


@cache
def city_section_names() -> frozenset[str]:
    return frozenset(plain_name(w) for w in place_words("city_section_names"))


_ORDINAL_BEFORE = re.compile(
    r"(?:\b\d+(?:st|nd|rd|th)|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"eleventh|twelfth))\s+$",
    re.IGNORECASE,
)


def ordinal_before(text: str, start: int) -> bool:
    """ "the Third Ward", "7th District": a numbered part of a city, whatever the gazetteer reads."""
    return bool(_ORDINAL_BEFORE.search(text[max(0, start - 16) : start]))
