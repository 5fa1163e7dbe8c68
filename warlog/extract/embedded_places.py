"""Toponyms inside the names of organisations, events and products ('The Washington Post', 'Air Zimbabwe',
'Abuja Chamber of Commerce'): found apart from ``doc._.places``.

Why apart: a newspaper's or an airline's name says nothing about where an event happened, so the place
finder leaves such names alone; but GeoWebNews counts these embedded toponyms as toponyms (its
Embedded_Literal / Embedded_Non_Lit types), and a reader may want the places a text's organisations are
named after. Only names that rarely mean anything else count: a country, a first-level unit, or a city of
``CITY_POPULATION`` people, each by its own name; never a listed common word ('Union', 'Trust').
"""

from __future__ import annotations

from spacy.tokens import Doc

from warlog.extract.place_cues import Cues
from warlog.extract.place_readings import CITY_POPULATION
from warlog.geo.gazetteer import Gazetteer
from warlog.geo.names import lookup_key
from warlog.geo.ranking import ADMIN1, COUNTRY, SETTLEMENT, own_name

#: the NER labels of names that may hold a place's name (a person's name holding one is a person's)
HOLDERS = frozenset({"ORG", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART"})
_MAX_TOKENS = 4
_MIN_KEY = 3  # 'US', 'EU', 'BC' inside a name are as often other abbreviations


def embedded_spans(
    doc: Doc, gazetteer: Gazetteer, cues: Cues, taken: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Character spans of the toponyms inside organisation-like entities, in text order, none overlapping
    ``taken`` (the places and adjectival toponyms already found)."""
    found: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ not in HOLDERS:
            continue
        i = ent.start
        while i < ent.end:
            stop = _longest_name(doc, i, ent.end, gazetteer, cues)
            if not stop:
                i += 1
                continue
            start, end = doc[i].idx, doc[stop - 1].idx + len(doc[stop - 1])
            if not any(s < end and start < e for s, e in taken):
                found.append((start, end))
            i = stop
    return found


def _longest_name(doc: Doc, i: int, limit: int, gazetteer: Gazetteer, cues: Cues) -> int:
    """The end token of the longest capitalised run from ``i`` that names a prominent place, or 0."""
    if not doc[i].text[:1].isupper():
        return 0
    for stop in range(min(limit, i + _MAX_TOKENS), i, -1):
        if not doc[stop - 1].text[:1].isupper():
            continue
        key = lookup_key(doc[i:stop].text)
        if len(key) < _MIN_KEY or key in cues.not_places or key in cues.compass:
            continue
        if any(_prominent(h, key) for h in gazetteer.lookup_key(key)):
            return stop
    return 0


def _prominent(entry, key: str) -> bool:
    if not own_name(entry, key):
        return entry.kind == COUNTRY  # 'DPRK', 'Britain': a country's other names are curated
    return entry.kind in (COUNTRY, ADMIN1) or (
        entry.kind == SETTLEMENT and entry.population >= CITY_POPULATION
    )


__all__ = ["HOLDERS", "embedded_spans"]
