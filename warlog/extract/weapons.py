"""Weapons named in the text, normalised through ``warlog/data/weapons.yaml``.

Why a PhraseMatcher over generated variants: reports spell one system many ways ("Tochka-U", "Tochka U",
"TOCHKA-U", "Tochkas"), and spaCy's tokenizer splits some of them on hyphens and not others. Each alias is
expanded once, at component creation, into its hyphen / space / joined spellings and a plural, each
tokenised by the pipeline's own tokenizer, so matching is one linear pass per document.

Generic class nouns ("missile", "drone") are weapons too, but when one directly follows a named system in
one phrase ("Iskander ballistic missiles") it widens that match instead of adding a second weapon.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from warlog.data import load_yaml, require_keys
from warlog.errors import LexiconError
from warlog.extract.base import Component
from warlog.extract.spans import char_span
from warlog.schema import Weapon

__all__ = ["WeaponEntry", "WeaponFinder", "WeaponLexicon", "alias_variants", "load_weapon_lexicon"]

LEXICON = "weapons.yaml"
#: Words allowed between a named system and the class noun that widens it ("Kalibr cruise missiles").
MODIFIER_WORDS = frozenset({"cruise", "ballistic", "guided", "hypersonic", "attack", "kamikaze", "suicide"})


@dataclass(frozen=True)
class WeaponEntry:
    """One lexicon entry: the normalised name, its category and the spellings that name it."""

    name: str
    category: str
    aliases: tuple[str, ...]
    exact: tuple[str, ...] = ()
    generic: bool = False


@dataclass(frozen=True)
class WeaponLexicon:
    """The validated contents of ``weapons.yaml``."""

    categories: tuple[str, ...]
    entries: tuple[WeaponEntry, ...]
    category_sub_types: dict[str, str]

    def by_key(self) -> dict[str, WeaponEntry]:
        return {f"W{i}": entry for i, entry in enumerate(self.entries)}


def alias_variants(alias: str) -> set[str]:
    """Spellings of one alias: hyphen, space and joined forms, each also with a plural "s".

    >>> sorted(alias_variants("Tochka-U"))[:3]
    ['Tochka U', 'Tochka Us', 'Tochka-U']
    """
    forms = {alias}
    if "-" in alias:
        forms |= {alias.replace("-", " "), alias.replace("-", "")}
    elif " " in alias and any(ch.isdigit() for ch in alias):
        forms |= {alias.replace(" ", "-"), alias.replace(" ", "")}
    plurals = {f + "s" for f in forms if f[-1].isalnum() and not f.endswith("s")}
    return {f for f in forms | plurals if f.strip()}


@cache
def load_weapon_lexicon() -> WeaponLexicon:
    """Read and validate ``weapons.yaml`` once per process; raises ``LexiconError`` naming the bad entry."""
    raw = load_yaml(LEXICON)
    if not isinstance(raw, dict) or not isinstance(raw.get("weapons"), list):
        raise LexiconError(f"lexicon {LEXICON!r} must be a mapping with a 'weapons' list")
    categories = tuple(str(c) for c in raw.get("categories") or [])
    entries: list[WeaponEntry] = []
    seen: dict[str, str] = {}
    for item in raw["weapons"]:
        if not isinstance(item, dict):
            raise LexiconError(f"lexicon {LEXICON!r}: entry {item!r} must be a mapping")
        require_keys(LEXICON, item, ("name", "category", "aliases"))
        if item["category"] not in categories:
            raise LexiconError(
                f"lexicon {LEXICON!r}: weapon {item['name']!r} has category {item['category']!r}; "
                f"use one of {', '.join(categories)} or add it to 'categories'"
            )
        aliases = tuple(str(a) for a in item["aliases"] or [])
        exact = tuple(str(a) for a in item.get("exact") or [])
        if not aliases and not exact:
            raise LexiconError(f"lexicon {LEXICON!r}: weapon {item['name']!r} has no aliases")
        for alias in aliases:
            key = alias.lower()
            if key in seen:
                raise LexiconError(
                    f"lexicon {LEXICON!r}: alias {alias!r} names both {seen[key]!r} and {item['name']!r}; "
                    "keep it under one weapon"
                )
            seen[key] = item["name"]
        entries.append(
            WeaponEntry(
                name=str(item["name"]),
                category=str(item["category"]),
                aliases=aliases,
                exact=exact,
                generic=bool(item.get("generic", False)),
            )
        )
    mapping = raw.get("category_sub_types") or {}
    unknown = [c for c in mapping if c not in categories]
    if unknown:
        raise LexiconError(f"lexicon {LEXICON!r}: category_sub_types names unknown categories {unknown}")
    return WeaponLexicon(categories=categories, entries=tuple(entries), category_sub_types=dict(mapping))


class WeaponFinder(Component):
    """Weapons named in the text as ``schema.Weapon`` records, in text order."""

    attr = "weapons"

    def __init__(self, nlp: Language, name: str, lexicon: WeaponLexicon | None = None) -> None:
        super().__init__(nlp, name)
        self.lexicon = lexicon or load_weapon_lexicon()
        self.entries = self.lexicon.by_key()
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        for key, entry in self.entries.items():
            lower = {v.lower() for a in entry.aliases for v in alias_variants(a)}
            if lower:
                self.matcher.add(key, list(nlp.tokenizer.pipe(sorted(lower))))
            exact = {v for a in entry.exact for v in alias_variants(a)}
            if exact:
                self.exact_matcher.add(key, list(nlp.tokenizer.pipe(sorted(exact))))

    def match(self, doc: Doc) -> list[Weapon]:
        keys: dict[tuple[int, int], str] = {}
        for matcher in (self.matcher, self.exact_matcher):
            for key, start, end in matcher(doc):
                keys[(start, end)] = self.nlp.vocab.strings[key]
        spans = filter_spans([doc[s:e] for s, e in keys])
        spans.sort(key=lambda sp: sp.start)
        weapons: list[Weapon] = []
        i = 0
        while i < len(spans):
            span = spans[i]
            entry = self.entries[keys[(span.start, span.end)]]
            end_tok = span.end
            # widen a named system over the class noun that follows it in the same phrase
            if not entry.generic and i + 1 < len(spans):
                nxt = spans[i + 1]
                gap = doc[span.end : nxt.start]
                if (
                    self.entries[keys[(nxt.start, nxt.end)]].generic
                    and len(gap) <= 2
                    and all(t.lower_ in MODIFIER_WORDS for t in gap)
                ):
                    end_tok = nxt.end
                    i += 1
            text_span = doc[span.start : end_tok]
            weapons.append(
                Weapon(
                    name=entry.name,
                    text=text_span.text,
                    category=entry.category,
                    evidence=char_span(doc, text_span.start_char, text_span.end_char),
                )
            )
            i += 1
        return weapons
