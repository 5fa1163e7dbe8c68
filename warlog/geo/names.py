"""How place names are keyed: one normalisation shared by the builder, the dump importer and look-ups.

Why one function: a name written "Artemivs'k", "Artemivsk" or "ARTEMIVSK" must meet the same key whether it
came from the gazetteer or from a news text, so the key is computed the same way on both sides. Latin names
also get an accent-free key ("Kharkív" -> "kharkiv"); Cyrillic keys stay Cyrillic (case-folded).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_DROP = re.compile(r"[\u0027\u2019\u02bc\u2018`\u00b4.\u201c\u201d\"]")
_SPACE = re.compile(r"[\s\-\u2010\u2011\u2012\u2013\u2014_/,]+")
_LATIN = re.compile(r"^[\u0000-\u024f\u1e00-\u1eff]*$")
_FOLD = str.maketrans({"ß": "ss", "ø": "o", "ł": "l", "đ": "d", "æ": "ae", "œ": "oe", "ı": "i"})


def _plain(text: str) -> str:
    """Accents stripped (NFKD minus combining marks), a few letters that do not decompose folded."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalize(name: str) -> str:
    """Case-folded, apostrophes and dots dropped, hyphens and runs of spaces made one space."""
    text = unicodedata.normalize("NFKC", name).casefold()
    text = _DROP.sub("", text)
    return _SPACE.sub(" ", text).strip()


def keys(name: str) -> set[str]:
    """All keys a name is stored under: the normal key and, for Latin script, its accent-free form."""
    key = normalize(name)
    if not key:
        return set()
    found = {key}
    if _LATIN.match(key):
        plain = normalize(_plain(key))
        if plain:
            found.add(plain)
    return found


@lru_cache(maxsize=100_000)
def lookup_key(name: str) -> str:
    """The single key a name from a text is looked up under (accent-free when Latin)."""
    key = normalize(name)
    if _LATIN.match(key):
        key = normalize(_plain(key))
    return key
