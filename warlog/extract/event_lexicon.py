"""The event lexicon: ``event_cues.yaml`` and ``event_other.yaml`` read into one validated record.

Apart from the scoring (``event_scoring``) because validation is a job of its own: every entry a coder
adds is checked here once, with a message naming the entry and the fix, so the scorer can trust its
tables. ``build_event_lexicon`` takes the parsed YAML mappings (no I/O), so a malformed lexicon is
testable without files; ``warlog.extract.events.load_event_lexicon`` reads the files and caches the result.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from warlog.data import require_keys
from warlog.errors import LexiconError
from warlog.schema import SUB_EVENT_TYPES

__all__ = [
    "CUES",
    "IRREALIS_KEYS",
    "OTHER",
    "Escalation",
    "EventLexicon",
    "PersonStrikes",
    "build_event_lexicon",
]

CUES = "event_cues.yaml"
OTHER = "event_other.yaml"
#: Kinds of words that make a cue hypothetical or negated ("if Belarus is attacked", "no clashes").
IRREALIS_KEYS = ("marks", "modals", "verbs", "heads", "negations", "aspectual")


@dataclass(frozen=True)
class Escalation:
    """``when`` + any of ``with_`` (``within`` tokens apart, when set) → ``becomes``; ``suppresses`` drop."""

    when: tuple[str, ...]
    with_: tuple[str, ...]
    becomes: str
    suppresses: tuple[str, ...] = ()
    within: int | None = None
    unless: tuple[str, ...] = ()  # labels whose own cue phrases (not weapons) block the rule
    unless_any: tuple[str, ...] = ()  # labels whose cues or weapons block the rule
    weight: float | None = None  # add this to the result instead of moving the scores of the cues
    after: bool = False  # the ``with_`` cue must follow the ``when`` cue (a target after its verb)
    keep: bool = False  # with ``weight``: leave the cue scores where they are (the rule only confirms)
    early: bool = False  # apply before the boosts (so that their damping reaches the result)


@dataclass(frozen=True)
class PersonStrikes:
    """Cue ``phrases`` that add nothing to the ``voids`` sub-types when their verb strikes one of ``persons``
    (or a PERSON name) and no weapon of those sub-types is named: "a car struck the boy" is no shelling."""

    phrases: frozenset[str] = frozenset()
    voids: frozenset[str] = frozenset()
    persons: frozenset[str] = frozenset()


@dataclass(frozen=True)
class EventLexicon:
    """The validated contents of ``event_cues.yaml`` and ``event_other.yaml``."""

    phrases: tuple[str, ...]  # distinct phrases, index = match id
    labels_of: tuple[tuple[tuple[str, float], ...], ...]  # per phrase: (label, weight)
    modifiers: frozenset[str]
    categories: tuple[str, ...]
    overlay: frozenset[str]  # categories that never hide a conflict event (claims about one)
    priority: dict[str, int]
    boosts: tuple[tuple[str, frozenset[str], frozenset[str]], ...]
    escalations: tuple[Escalation, ...]
    territory: tuple[str, str, str]  # modifier, state result, non-state result
    weapon_sub_types: dict[str, str]
    weapon_modifiers: dict[str, str]  # weapon category -> modifier it signals ("aircraft" -> air_platform)
    irrealis: dict[str, frozenset[str]]  # marks / modals / verbs / negations that make a cue not an event
    history_before: int  # a sentence naming only years before this tells history, not news (EventFinder)
    history_markers: re.Pattern[str] | None  # names of past wars: a sentence about one is history
    background_marks: frozenset[str]  # words opening a clause that only dates another happening ("after")
    min_score: float
    sentence_min_score: float
    secondary_min_score: float
    weapon_weight: float
    person_strikes: PersonStrikes = PersonStrikes()  # a strike on a person is no shelling by itself


def _texts(name: str, words: object) -> list[str]:
    if not all(isinstance(w, str) for w in words or []):
        raise LexiconError(
            f"lexicon {name!r}: {words!r} must all be quoted text (YAML reads a bare no as false)"
        )
    return [w.lower() for w in words or []]  # type: ignore[union-attr]


def _cue_table(name: str, raw_cues: object, allowed: set[str]) -> list[tuple[str, str, float]]:
    if not isinstance(raw_cues, list):
        raise LexiconError(f"lexicon {name!r}: 'cues' must be a list of {{label, weight, phrases}}")
    rows: list[tuple[str, str, float]] = []
    for cue in raw_cues:
        require_keys(name, cue, ("label", "weight", "phrases"))
        label = cue["label"]
        if label not in allowed:
            raise LexiconError(
                f"lexicon {name!r}: cue label {label!r} is neither an ACLED sub-event type nor a declared "
                "modifier/category; fix the spelling or declare it"
            )
        weight = cue["weight"]
        if not isinstance(weight, int | float) or weight <= 0:
            raise LexiconError(f"lexicon {name!r}: cue {label!r} needs a positive weight, not {weight!r}")
        seen: set[str] = set()
        for phrase in cue["phrases"]:
            if not isinstance(phrase, str):  # YAML reads a bare no / yes / on as a boolean
                raise LexiconError(f"lexicon {name!r}: phrase {phrase!r} under {label!r} must be quoted text")
            text = " ".join(phrase.lower().split())
            if not text or text in seen:
                raise LexiconError(
                    f"lexicon {name!r}: phrase {phrase!r} is empty or repeated under {label!r}"
                )
            seen.add(text)
            rows.append((text, label, float(weight)))
    return rows


def build_event_lexicon(raw: object, other: object, weapon_sub_types: Mapping[str, str]) -> EventLexicon:
    """Validate the parsed ``event_cues.yaml`` (``raw``) and ``event_other.yaml`` (``other``) against each
    other and the weapon categories' sub-types; raises ``LexiconError`` naming the bad entry."""
    if not isinstance(raw, dict) or not isinstance(other, dict):
        raise LexiconError(f"lexicons {CUES!r} and {OTHER!r} must be mappings")
    modifiers = frozenset(str(m) for m in raw.get("modifiers") or [])
    categories = tuple(str(c) for c in other.get("categories") or [])
    overlay = frozenset(str(c) for c in other.get("overlay") or [])
    if not overlay <= set(categories):
        unknown_overlay = sorted(overlay - set(categories))
        raise LexiconError(f"lexicon {OTHER!r}: 'overlay' names unknown categories {unknown_overlay}")
    clash = (modifiers | set(categories)) & set(SUB_EVENT_TYPES)
    if clash:
        raise LexiconError(f"lexicon {CUES!r}: {sorted(clash)} are sub-event types, not modifiers/categories")
    rows = _cue_table(CUES, raw.get("cues"), set(SUB_EVENT_TYPES) | modifiers)
    rows += _cue_table(OTHER, other.get("cues"), set(categories))
    table: dict[str, dict[str, float]] = {}
    for text, label, weight in rows:
        table.setdefault(text, {})[label] = weight
    priority_list = [str(p) for p in raw.get("priority") or []]
    unknown = set(priority_list) - set(SUB_EVENT_TYPES)
    if unknown or len(set(priority_list)) != len(priority_list):
        raise LexiconError(
            f"lexicon {CUES!r}: 'priority' must list sub-event types once each; bad: {unknown}"
        )
    order = priority_list + [s for s in SUB_EVENT_TYPES if s not in priority_list] + list(categories)
    labels = set(SUB_EVENT_TYPES) | modifiers
    boosts = []
    for boost in raw.get("boosts") or []:
        require_keys(CUES, boost, ("modifier", "sub_types"))
        if boost["modifier"] not in modifiers or not set(boost["sub_types"]) <= set(SUB_EVENT_TYPES):
            raise LexiconError(f"lexicon {CUES!r}: boost {boost!r} must name a modifier and sub-event types")
        dampens = frozenset(boost.get("dampens") or [])
        if not dampens <= set(SUB_EVENT_TYPES):
            raise LexiconError(f"lexicon {CUES!r}: boost {boost!r} dampens unknown sub-event types")
        boosts.append((boost["modifier"], frozenset(boost["sub_types"]), dampens))
    escalations = []
    for esc in raw.get("escalations") or []:
        require_keys(CUES, esc, ("when", "with", "becomes"))
        named = set(esc["when"]) | set(esc["with"]) | {esc["becomes"]}
        for key in ("suppresses", "unless", "unless_any"):
            named |= set(esc.get(key) or [])
        if not named <= labels:
            raise LexiconError(f"lexicon {CUES!r}: escalation {esc!r} names unknown labels {named - labels}")
        within = esc.get("within")
        if within is not None and (not isinstance(within, int) or within < 1):
            raise LexiconError(f"lexicon {CUES!r}: escalation {esc!r}: 'within' must be a positive count")
        escalations.append(
            Escalation(
                tuple(esc["when"]),
                tuple(esc["with"]),
                esc["becomes"],
                tuple(esc.get("suppresses") or []),
                within,
                tuple(esc.get("unless") or []),
                tuple(esc.get("unless_any") or []),
                float(esc["weight"]) if esc.get("weight") is not None else None,
                bool(esc.get("after", False)),
                bool(esc.get("keep", False)),
                bool(esc.get("early", False)),
            )
        )
    terr = raw.get("territory") or {}
    require_keys(CUES, terr, ("modifier", "state", "non_state"))
    if terr["modifier"] not in modifiers or not {terr["state"], terr["non_state"]} <= set(SUB_EVENT_TYPES):
        raise LexiconError(f"lexicon {CUES!r}: 'territory' must name a modifier and two sub-event types")
    weapon_modifiers = {str(k): str(v) for k, v in (raw.get("weapon_modifiers") or {}).items()}
    if not set(weapon_modifiers.values()) <= modifiers:
        raise LexiconError(
            f"lexicon {CUES!r}: 'weapon_modifiers' must map weapon categories to declared modifiers"
        )
    bad = set(weapon_sub_types.values()) - set(SUB_EVENT_TYPES)
    if bad:
        raise LexiconError(f"lexicon 'weapons.yaml': category_sub_types names unknown sub-event types {bad}")
    phrases = tuple(table)
    irrealis_raw = raw.get("irrealis") or {}
    if not isinstance(irrealis_raw, dict) or not set(irrealis_raw) <= set(IRREALIS_KEYS):
        raise LexiconError(f"lexicon {CUES!r}: 'irrealis' must map {', '.join(IRREALIS_KEYS)} to word lists")
    irrealis = {key: frozenset(_texts(CUES, irrealis_raw.get(key))) for key in IRREALIS_KEYS}
    return EventLexicon(
        phrases=phrases,
        labels_of=tuple(tuple(table[p].items()) for p in phrases),
        modifiers=modifiers,
        categories=categories,
        overlay=overlay,
        priority={label: i for i, label in enumerate(order)},
        boosts=tuple(boosts),
        escalations=tuple(escalations),
        territory=(terr["modifier"], terr["state"], terr["non_state"]),
        weapon_sub_types=dict(weapon_sub_types),
        weapon_modifiers=weapon_modifiers,
        irrealis=irrealis,
        min_score=float(raw.get("min_score", 2.0)),
        sentence_min_score=float(raw.get("sentence_min_score", 3.0)),
        secondary_min_score=float(raw.get("secondary_min_score", 3.0)),
        weapon_weight=float(raw.get("weapon_weight", 1.5)),
        history_before=int(raw.get("history_before", 1990)),
        history_markers=_alternation(CUES, raw.get("history_markers")),
        background_marks=frozenset(_texts(CUES, raw.get("background_marks"))),
        person_strikes=_person_strikes(raw.get("person_strikes"), set(phrases)),
    )


def _person_strikes(raw: object, phrases: set[str]) -> PersonStrikes:
    """Validate ``person_strikes``: its phrases must be cue phrases and its voids sub-event types."""
    if raw is None:
        return PersonStrikes()
    if not isinstance(raw, dict):
        raise LexiconError(f"lexicon {CUES!r}: 'person_strikes' must be a mapping of phrases, voids, persons")
    require_keys(CUES, raw, ("phrases", "voids", "persons"))
    cues = frozenset(_texts(CUES, raw["phrases"]))
    voids = frozenset(str(v) for v in raw["voids"] or [])
    if not cues <= phrases or not voids <= set(SUB_EVENT_TYPES):
        raise LexiconError(
            f"lexicon {CUES!r}: 'person_strikes' names phrases that are no cue {sorted(cues - phrases)} or "
            f"voids that are no sub-event type {sorted(voids - set(SUB_EVENT_TYPES))}; fix the spelling"
        )
    return PersonStrikes(cues, voids, frozenset(_texts(CUES, raw["persons"])))


def _alternation(name: str, words: object) -> re.Pattern[str] | None:
    """One case-insensitive, word-bounded pattern for a list of phrases (None for an empty list)."""
    texts = _texts(name, words)
    if not texts:
        return None
    body = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in sorted(texts, key=len, reverse=True))
    return re.compile(rf"\b(?:{body})\b", re.IGNORECASE)
