"""The casualty vocabulary (``warlog/data/casualties.yaml``), loaded and checked once per process.

Apart from the readers because it is data plumbing, not parsing: every casualty module asks the same
validated tables ("which verbs kill", "which nouns name people"), and a bad lexicon should fail here with
a ``LexiconError`` naming the file and the key, before any document is read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Token

from warlog.data import load_yaml, require_keys
from warlog.errors import LexiconError
from warlog.schema import CasualtyCategory

__all__ = ["KINDS", "LEXICON", "CasualtyLexicon", "casualty_lexicon"]

LEXICON = "casualties.yaml"
KINDS = ("killed", "injured", "casualties", "missing", "captured")


@dataclass(frozen=True)
class CasualtyLexicon:
    """The validated contents of ``casualties.yaml``: lemma → kind or category tables."""

    transitive: dict[str, str]
    intransitive: dict[str, str]
    adjectives: dict[str, str]
    counted_nouns: dict[str, str]
    toll_nouns: dict[str, str]
    adverbs: dict[str, str]
    light_verbs: frozenset[str]
    fatal: frozenset[str]
    tally_verbs: frozenset[str]
    victims: dict[str, str]
    pronouns: frozenset[str]
    subset: frozenset[str]
    aggregate: re.Pattern
    modals: frozenset[str]
    name_verbs: frozenset[str]
    conditions: dict[str, str]
    event_nouns: dict[str, str]
    fatal_modifiers: frozenset[str]
    additional: frozenset[str]
    reflexive: frozenset[str]
    uncounted: frozenset[str]
    injured_words: frozenset[str] = frozenset()  # "wounded", "injured": "two of the wounded died"
    also: frozenset[str] = frozenset()  # "a woman was also shot": one more victim
    suffer: frozenset[str] = frozenset()  # "four men suffered injuries"
    treat: frozenset[str] = frozenset()  # "six were treated for gunshot wounds"
    bear: frozenset[str] = frozenset()  # "three of them had minor wounds"
    life_verbs: frozenset[str] = frozenset()  # "claimed the life of a man": a death
    life_nouns: frozenset[str] = frozenset()
    number_nouns: frozenset[str] = frozenset()  # "the number of fatalities rose to three"
    definites: frozenset[str] = frozenset()  # "killed in the shootings": this story's, not a tally
    state_nouns: frozenset[str] = frozenset()  # "in critical condition"
    state_adjectives: frozenset[str] = frozenset()
    hospital_nouns: frozenset[str] = frozenset()  # "sends four people to the hospital"
    conveyance_verbs: frozenset[str] = frozenset()
    multiples: dict[str, int] = field(default_factory=dict)  # "a triple homicide": 3
    self_killing: dict[str, frozenset[str]] = field(default_factory=dict)  # "turned the gun on himself"
    suicide_nouns: frozenset[str] = frozenset()  # "a murder-suicide"
    age_units: frozenset[str] = frozenset()  # "a 9-month-old": an age standing for a person
    assailants: frozenset[str] = frozenset()  # "two gunmen shot": who shoots, not who is shot
    groups: dict[str, int | None] = field(default_factory=dict)  # "a family of five": 5
    survivor_words: frozenset[str] = frozenset()  # "in stable condition": will live
    negative_determiners: frozenset[str] = frozenset()  # "no other student was hurt": nobody
    ordinals: dict[str, int] = field(default_factory=dict)  # "a fourth victim was injured": 4 harmed
    indefinites: frozenset[str] = frozenset()  # "injured an 8-year-old girl": someone told anew
    survive: frozenset[str] = frozenset()  # "was shot but survived": injured
    attempts: frozenset[str] = frozenset()  # "the attempted murder of": not a death

    def predicate_kind(self, tok: Token) -> str | None:
        """The kind a word predicated of victims states: "dead", "wounded", "killed"."""
        word = tok.lemma_.lower()
        by_lemma = self.adjectives.get(word) if tok.pos_ in {"ADJ", "VERB"} else None  # "shots" ≠ "shot"
        return self.adjectives.get(tok.lower_) or by_lemma or (
            self.transitive.get(word) if tok.tag_ == "VBN" else None
        ) or self.counted_nouns.get(word if tok.pos_ == "NOUN" else "")


def _kind_table(raw: dict, key: str) -> dict[str, str]:
    table = raw.get(key) or {}
    if not isinstance(table, dict) or not set(table) <= set(KINDS):
        raise LexiconError(f"lexicon {LEXICON!r}: {key!r} must map kinds ({', '.join(KINDS)}) to word lists")
    return {str(w).lower(): kind for kind, words in table.items() for w in (words or [])}


@cache
def casualty_lexicon() -> CasualtyLexicon:
    """Load and check the casualty lexicon once per process."""
    raw = load_yaml(LEXICON)
    if not isinstance(raw, dict):
        raise LexiconError(f"lexicon {LEXICON!r} must be a mapping; see the comments in the shipped file")
    keys = ("transitive_verbs", "intransitive_verbs", "adjectives", "counted_nouns", "toll_nouns", "adverbs",
            "light_verbs", "fatal_complements", "tally_verbs", "victim_nouns", "singular_pronouns",
            "subset_prepositions", "aggregate_phrases", "modal_auxiliaries", "name_victim_verbs",
            "condition_nouns", "event_nouns", "fatal_modifiers", "additional_words", "reflexive_pronouns",
            "uncounted_modifiers", "also_adverbs", "suffer_verbs", "state_nouns", "state_adjectives",
            "hospital_nouns", "conveyance_verbs", "multiple_words",
            "self_killing", "suicide_nouns", "age_units",
            "assailant_nouns", "group_nouns", "survivor_words", "negative_determiners",
            "ordinal_words", "indefinite_articles", "survive_verbs",
            "attempt_modifiers", "treatment_verbs", "bearing_verbs", "life_verbs", "life_nouns",
            "number_nouns", "definite_determiners")
    require_keys(LEXICON, raw, keys)
    categories = {c.value for c in CasualtyCategory}
    if not set(raw["victim_nouns"]) <= categories:
        raise LexiconError(f"lexicon {LEXICON!r}: victim_nouns keys must be among {sorted(categories)}")
    victims: dict[str, str] = {}
    for category in ("unknown", "civilians", "military", "children"):  # specific categories win
        victims.update({str(w).lower(): category for w in raw["victim_nouns"].get(category) or []})
    multiples = raw["multiple_words"]
    if not isinstance(multiples, dict) or not all(isinstance(n, int) and n > 1 for n in multiples.values()):
        raise LexiconError(f"lexicon {LEXICON!r}: 'multiple_words' must map words to whole numbers above 1")
    self_killing = raw["self_killing"]
    if not isinstance(self_killing, dict) or not all(isinstance(v, list) for v in self_killing.values()):
        raise LexiconError(
            f"lexicon {LEXICON!r}: 'self_killing' must map verb lemmas to lists of object nouns"
        )
    ordinals = raw["ordinal_words"]
    if not isinstance(ordinals, dict) or not all(isinstance(n, int) and n > 1 for n in ordinals.values()):
        raise LexiconError(f"lexicon {LEXICON!r}: 'ordinal_words' must map words to whole numbers above 1")
    groups = raw["group_nouns"]
    if not isinstance(groups, dict) or not all(n is None or isinstance(n, int) for n in groups.values()):
        raise LexiconError(f"lexicon {LEXICON!r}: 'group_nouns' must map nouns to a size or null")
    phrases = sorted((str(p).lower() for p in raw["aggregate_phrases"]), key=len, reverse=True)
    aggregate = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b", re.IGNORECASE)
    words = {k: frozenset(str(w).lower() for w in raw[k]) for k in keys if isinstance(raw[k], list)}
    transitive = _kind_table(raw, "transitive_verbs")
    transitive.update({w: "killed" for w in words["tally_verbs"]})
    return CasualtyLexicon(
        transitive=transitive,
        intransitive=_kind_table(raw, "intransitive_verbs"),
        adjectives=_kind_table(raw, "adjectives"),
        counted_nouns=_kind_table(raw, "counted_nouns"),
        toll_nouns=_kind_table(raw, "toll_nouns"),
        adverbs=_kind_table(raw, "adverbs"),
        light_verbs=words["light_verbs"],
        fatal=words["fatal_complements"],
        tally_verbs=words["tally_verbs"],
        victims=victims,
        pronouns=words["singular_pronouns"],
        subset=words["subset_prepositions"],
        aggregate=aggregate,
        modals=words["modal_auxiliaries"],
        name_verbs=words["name_victim_verbs"],
        conditions=_kind_table(raw, "condition_nouns"),
        event_nouns=_kind_table(raw, "event_nouns"),
        fatal_modifiers=words["fatal_modifiers"],
        additional=words["additional_words"],
        reflexive=words["reflexive_pronouns"],
        uncounted=words["uncounted_modifiers"],
        also=words["also_adverbs"],
        suffer=words["suffer_verbs"],
        treat=words["treatment_verbs"],
        bear=words["bearing_verbs"],
        life_verbs=words["life_verbs"],
        life_nouns=words["life_nouns"],
        number_nouns=words["number_nouns"],
        definites=words["definite_determiners"],
        state_nouns=words["state_nouns"],
        state_adjectives=words["state_adjectives"],
        hospital_nouns=words["hospital_nouns"],
        conveyance_verbs=words["conveyance_verbs"],
        multiples={str(w).lower(): n for w, n in multiples.items()},
        self_killing={
            str(v).lower(): frozenset(str(o).lower() for o in objs) for v, objs in self_killing.items()
        },
        suicide_nouns=words["suicide_nouns"],
        age_units=words["age_units"],
        assailants=words["assailant_nouns"],
        groups={str(w).lower(): n for w, n in groups.items()},
        survivor_words=words["survivor_words"],
        negative_determiners=words["negative_determiners"],
        ordinals={str(w).lower(): n for w, n in ordinals.items()},
        indefinites=words["indefinite_articles"],
        survive=words["survive_verbs"],
        attempts=words["attempt_modifiers"],
        injured_words=frozenset(w for w, k in _kind_table(raw, "adjectives").items() if k == "injured"),
    )
