"""The word lists the place finder reads, and the small judgements it makes with them alone.

Why apart from ``places.py``: the finder walks a document; these say what one name or one word around it
means ('the village of', 'Kyiv-based', a dateline 'BOSTON (Reuters) -'), and which gazetteer readings of a
capitalised word to believe when no NER label or place word vouches for it. The words are data
(``geo_cues.yaml``, ``geo_demonyms.yaml``, ``geo_aliases.yaml``); nothing here reads a document's text
beyond the tokens it is handed.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc

from warlog.data import load_yaml, word_list
from warlog.errors import LexiconError
from warlog.geo.gazetteer import Entry
from warlog.geo.names import ascii_fold, keys, lookup_key, translit
from warlog.geo.ranking import ADMIN1, ADMIN2, SETTLEMENT, own_name

#: what follows a dateline's place: "BOSTON (Reuters) -", "KYIV — ", "SAN DIEGO, April 5"
_DATELINE_AFTER = {"(", "—", "–", "--", "-", ","}
_DATELINE_MIN_LETTERS = 4  # "US", "UK" in capitals are words of running text, not datelines
_KIND_NAMES = {"admin1": ADMIN1, "admin2": ADMIN2}
_TAIL_CHARS = 24  # longer than any word a cue phrase ends with


@cache
def person_followers() -> frozenset[str]:
    """``person_followers`` of ``geo_cues.yaml``: words after a name that make even a 'person' a town
    ("Wilmington police", "a Kenner teen"). The place finder (``Cues``) and the scene rules
    (``place_scene.person_name``) read this one list."""
    words = word_list("geo_cues.yaml", load_yaml("geo_cues.yaml"), "person_followers")
    return frozenset(w.lower() for w in words)


class Cues:
    """The words of ``geo_cues.yaml`` and ``geo_demonyms.yaml``, compiled once."""

    def __init__(self) -> None:
        data = load_yaml("geo_cues.yaml")
        needed = (
            "admin1_words",
            "admin2_words",
            "settlement_words",
            "near_phrases",
            "distance_units",
            "directions",
            "place_preps",
            "place_suffixes",
        )
        if not isinstance(data, dict) or any(k not in data for k in needed):
            raise LexiconError(f"lexicon 'geo_cues.yaml' must be a mapping with the keys {', '.join(needed)}")
        self.admin1 = {str(w).lower() for w in data["admin1_words"]}
        self.admin2 = {str(w).lower() for w in data["admin2_words"]}
        self.units = self.admin1 | self.admin2
        self.preps = {str(w).lower() for w in data["place_preps"]}
        self.suffixes = {str(w).lower() for w in data["place_suffixes"]}
        self.not_places = {lookup_key(str(w)) for w in data.get("not_places", [])}
        self.strong = {str(w).lower() for w in data.get("strong_preps", [])}
        self.followers = {str(w).lower() for w in data.get("place_followers", [])}
        self.person_followers = set(person_followers())
        self.titles = {str(w).lower() for w in data.get("person_titles", [])}
        self.streets = {str(w).lower() for w in data.get("street_words", [])}
        if not isinstance(data.get("list_kinds", {}), dict):
            raise LexiconError("lexicon 'geo_cues.yaml': 'list_kinds' must map admin1/admin2 to word lists")
        self.list_kinds = list_kind_words(data.get("list_kinds"))
        self.compass = {lookup_key(str(w)) for w in data["directions"]}
        settle = "|".join(re.escape(w) for w in sorted(data["settlement_words"], key=len, reverse=True))
        near = "|".join(re.escape(w) for w in sorted(data["near_phrases"], key=len, reverse=True))
        units = "|".join(re.escape(w) for w in sorted(data["distance_units"], key=len, reverse=True))
        dirs = "|".join(re.escape(w) for w in sorted(data["directions"], key=len, reverse=True))
        of_settlement = rf"(?:(?:the\s+)?(?:{settle})\s+of\s+)?"
        self.settlement_before = re.compile(rf"\b(?:{settle})\s+of\s+$", re.IGNORECASE)
        self.near_before = re.compile(
            rf"(?<![\w])(?<!the\s)((?:{near})\s+{of_settlement}(?:the\s+)?)$", re.IGNORECASE
        )
        self.distance_before = re.compile(
            rf"(?<![\w.])(\d+(?:[.,]\d+)?\s*-?\s*(?:{units})\.?\s+(?:(?:to\s+the\s+)?(?:{dirs})\s+)?"
            rf"(?:of|from)\s+{of_settlement}(?:the\s+)?)$",
            re.IGNORECASE,
        )
        # the words each of those phrases ends with (before the white space that ends the window), so a
        # window that ends otherwise -- most do -- is ruled out without running the patterns over it
        near_ends = {str(w).split()[-1].lower() for w in data["near_phrases"] if str(w).split()}
        self._settlement_ends = ("of",)
        self._spatial_ends = tuple(sorted(near_ends | {"of", "from", "the"}))
        demonyms = load_yaml("geo_demonyms.yaml")
        if not isinstance(demonyms, dict) or not isinstance(demonyms.get("demonyms"), dict):
            raise LexiconError("lexicon 'geo_demonyms.yaml' must map 'demonyms' to {word: ISO-2}")
        self.demonyms = {str(k): str(v).upper() for k, v in demonyms["demonyms"].items()}
        named = demonyms.get("place_demonyms", {}) or {}
        if not isinstance(named, dict):
            raise LexiconError("lexicon 'geo_demonyms.yaml': 'place_demonyms' must map {word: place name}")
        self.place_demonyms = {str(k): str(v) for k, v in named.items()}

        aliases = load_yaml("geo_aliases.yaml") or {}
        if not isinstance(aliases, dict) or not isinstance(aliases.get("aliases", []), list):
            raise LexiconError("lexicon 'geo_aliases.yaml' must map 'aliases' to a list of {name, id|admin}")
        self.curated = {k for entry in aliases["aliases"] for k in keys(str(entry.get("name", "")))}
        self.translit_countries = translit().countries

    def settled_before(self, window: str) -> bool:
        """Whether ``window`` (the text before a name) ends with a settlement phrase: 'the village of '."""
        tail = _tail(window)
        if not tail or not tail.endswith(self._settlement_ends):
            return False
        return bool(self.settlement_before.search(window))

    def spatial_before(self, window: str) -> re.Match[str] | None:
        """The distance phrase ('15 km south of ') or else the near phrase ('near ', 'on the outskirts of
        the ') that ends ``window``; group 1 is the phrase."""
        tail = _tail(window)
        if not tail or not tail.endswith(self._spatial_ends):
            return None
        return self.distance_before.search(window) or self.near_before.search(window)

    def trusted(self, hits: tuple[Entry, ...], key: str) -> tuple[Entry, ...]:
        """The readings of a capitalised word that the gazetteer alone may vouch for. GeoNames gives
        towns odd alternate names ('Market' for Marquette, 'Chopin' for Chopinzinho, 'Exchange' for
        Atlas): a town reached only through such a name is no reading unless the name is the town's own
        (in any transliteration), a curated alias (geo_aliases.yaml) or a name of a country whose places
        English spells many ways (geo_translit.yaml: Artemivsk is Bakhmut). Units, countries and seas keep
        their aliases ('DPRK'); NER places are not filtered here."""
        if key in self.curated:
            return hits
        return tuple(
            h
            for h in hits
            if h.kind != SETTLEMENT or h.country in self.translit_countries or own_name(h, key)
        )

    def person_name(self, ent) -> bool:
        """Whether a PERSON entity can be a person's name: '25/03/2022 Mariupol' (a date glued to a town)
        and 'Chuhuiv Airbase' (a place word at the end) are the model's slips, and block nothing."""
        if any(t.like_num or any(ch.isdigit() for ch in t.text) for t in ent):
            return False
        last = ent[-1].lower_
        return last not in self.units and last not in self.followers

    def street(self, doc: Doc, stop: int) -> bool:
        """Whether the name ending before token ``stop`` is part of a street's name ('Mayfield Road',
        'Illinois Route 159'): a capitalised street word follows. A lower-case one ('the Kharkiv highway')
        names a road to the town, which this leaves alone."""
        if stop >= len(doc):
            return False
        nxt = doc[stop]
        return nxt.text[:1].isupper() and nxt.lower_ in self.streets

    @staticmethod
    def dateline(doc: Doc, start: int, stop: int) -> bool:
        """'BOSTON (Reuters) -', 'KYIV —', 'SOUTH WAZIRISTAN, April 5': a place in capitals opening a
        sentence or line and followed by the agency, a dash or the date is where the story was filed."""
        name = doc[start:stop].text
        if not name.isupper() or sum(ch.isalpha() for ch in name) < _DATELINE_MIN_LETTERS:
            return False
        opens = start == 0 or doc[start].is_sent_start or "\n" in doc[start - 1].text
        if not opens or stop >= len(doc) or doc[stop].text not in _DATELINE_AFTER:
            return False
        if doc[stop].text == ",":
            return stop + 1 < len(doc) and doc[stop + 1].ent_type_ == "DATE"
        return True


def _tail(window: str) -> str:
    """The last words of ``window`` case-folded, white space after them dropped; empty when the window does
    not end with white space, as every phrase the cue patterns match does (``\\s+$``)."""
    stripped = window.rstrip()
    return ascii_fold(stripped[-_TAIL_CHARS:]) if len(stripped) < len(window) else ""


def list_kind_words(data: dict | None) -> dict[str, int]:
    """``list_kinds`` of geo_cues.yaml ({admin1: [states, ...], admin2: [counties, ...]}) as word -> kind."""
    out: dict[str, int] = {}
    for name, words in (data or {}).items():
        kind = _KIND_NAMES.get(str(name))
        if kind is None or not isinstance(words, list):
            continue
        out.update({str(w).lower(): kind for w in words})
    return out


__all__ = ["Cues", "list_kind_words"]
