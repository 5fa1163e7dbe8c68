"""How place names are keyed: one normalisation shared by the builder, the dump importer and look-ups.

Why one function: a name written "Artemivs'k", "Artemivsk" or "ARTEMIVSK" must meet the same key whether it
came from the gazetteer or from a news text, so the key is computed the same way on both sides. Latin names
also get an accent-free key ("Kharkív" -> "kharkiv"); Cyrillic keys stay Cyrillic (case-folded).

``skeleton`` is a looser key for names transliterated from Cyrillic, which English reporting spells many
ways ("Shchastia", "Schastia", "Shchastya"); its letter rules are data (``geo_translit.yaml``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from warlog.data import load_yaml
from warlog.errors import LexiconError

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


#: the only characters beyond ASCII that a case-insensitive pattern matches to an ASCII letter (dotted and
#: dotless i, long s, Kelvin sign): ``ascii_fold`` maps them so ``str.lower`` meets what such a pattern meets
_FOLD_TO_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_FOLD_CHARS = tuple(chr(code) for code in _FOLD_TO_ASCII)


def ascii_fold(text: str) -> str:
    """``text`` lower-cased so that an ASCII word occurs in it wherever a case-insensitive regular
    expression of that word matches the text: a substring test that may stand in for a regex scan."""
    if not text.isascii() and any(ch in text for ch in _FOLD_CHARS):  # rare: translate() is slow
        text = text.translate(_FOLD_TO_ASCII)
    return text.lower()


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


@cache
def _abbreviations() -> dict[str, str]:
    """``geo_abbreviations.yaml``: abbreviated first words and the word each stands for."""
    raw = load_yaml("geo_abbreviations.yaml")
    table = raw.get("abbreviations") if isinstance(raw, dict) else None
    valid = isinstance(table, dict) and all(isinstance(w, str) for pair in table.items() for w in pair)
    if not valid:
        raise LexiconError("lexicon 'geo_abbreviations.yaml' must map 'abbreviations' to {short: word}")
    return {normalize(k): normalize(v) for k, v in table.items()}


def expanded_key(key: str) -> str | None:
    """The key with an abbreviated first word spelled out ("mt juliet" -> "mount juliet"), or None when its
    first word is no abbreviation: a second look-up for names the gazetteer lacks as written."""
    first, _, rest = key.partition(" ")
    word = _abbreviations().get(first) if rest else None
    return f"{word} {rest}" if word else None


class _Translit:
    """The rules of ``geo_translit.yaml``, validated once."""

    def __init__(self) -> None:
        data = load_yaml("geo_translit.yaml")
        needed = ("countries", "replacements", "drop", "min_length")
        if not isinstance(data, dict) or any(k not in data for k in needed):
            raise LexiconError(
                f"lexicon 'geo_translit.yaml' must be a mapping with the keys {', '.join(needed)}"
            )
        pairs = data["replacements"]
        if not all(isinstance(p, list) and len(p) == 2 for p in pairs):
            raise LexiconError("lexicon 'geo_translit.yaml': each replacement must be a [from, to] pair")
        self.countries = frozenset(str(c).upper() for c in data["countries"])
        self.pairs = [(str(a), str(b)) for a, b in pairs]
        self.groups = re.compile(
            "|".join(re.escape(a) for a, _ in sorted(self.pairs, key=lambda p: -len(p[0])))
        )
        self.to = dict(self.pairs)
        self.drop = set(str(data["drop"]))
        self.min_length = int(data["min_length"])


@cache
def translit() -> _Translit:
    """The transliteration rules (loaded on first use)."""
    return _Translit()


@lru_cache(maxsize=100_000)
def skeleton(name: str, short: bool = False) -> str:
    """A key that the spellings of one Cyrillic name share: 'Kharkov' and 'Kharkiv' -> 'HrHv'.

    Letter groups become one symbol, vowels go (a leading vowel leaves a '_' mark), doubled letters become
    one and spaces go. Empty for non-Latin names and, unless ``short`` (comparing two names already found
    to name one place), for skeletons too short to tell places apart."""
    key = lookup_key(name)
    if not key or not _LATIN.match(key):
        return ""
    rules = translit()
    text = rules.groups.sub(lambda m: rules.to[m.group(0)], key.replace(" ", ""))
    out: list[str] = ["_"] if text[:1] in rules.drop else []
    for ch in text:
        if ch in rules.drop or not ch.isalpha():
            continue
        if not out or out[-1] != ch:
            out.append(ch)
    consonants = len(out) - (1 if out[:1] == ["_"] else 0)
    return "".join(out) if consonants >= (1 if short else rules.min_length) else ""
