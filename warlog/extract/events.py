"""Sentence-level event cues mapped to ACLED event types and sub-types.

The knowledge is data: ``warlog/data/event_cues.yaml`` (cue phrases per ACLED sub-type and per modifier,
with weights, boosts, escalations and priorities) and ``warlog/data/event_other.yaml`` (cues of
non-conflict events: disasters, crime, diplomacy, blame). This module only scores:

1. cue phrases are found by two PhraseMatchers built once (on lemmas and on lower-case words), keeping the
   longest match where cues overlap ("stun grenade" is not a grenade attack);
2. each distinct phrase adds its weight to its label; each weapon category named adds ``weapon_weight`` to
   the sub-type it implies (``weapons.yaml``: missile → shelling, drone → air/drone strike);
3. boosts, escalations and the territory rule combine labels (see the YAML header for the order);
4. the best label wins. An ACLED sub-type is an event; a non-conflict category or too low a score is none.

``classify_text`` types a Doc or a Span (a group of sentences: what the incident assembler needs);
``classify_outcome`` also names the non-conflict category (what ``bench.event_types`` scores). The
``EventFinder`` component scores each sentence on its own and writes up to three ``EventMention``s per
sentence (strongest first, then further sub-types with a strong score of their own and a separate cue),
skipping cues that the parse shows to be hypothetical, future or negated ("if ... attacked", "will launch",
"no clashes"), topics rather than happenings ("survivors of sexual violence", "the refusal to send
missiles"), clauses that only date another happening ("found after the troops retreated") and sentences
that tell history ("during World War II", only years before 1991). These checks are the EventFinder's only:
on whole snippets they cost the classifier more than they save (measured on CASE 2021).

Both paths ignore cue words inside a date ("on 1 March") and cues of a past event named by its year ("the
2017 chemical attack"); a capture told in the passive ("rebels were pushed back") goes to the other side.

Why weighted cues and not a trained model: the project may not ship weights learnt from a benchmark, and
coders must be able to read why a text got its type: ``explain`` returns the scores.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan
from spacy.vocab import Vocab

from warlog.data import load_yaml, require_keys
from warlog.errors import LexiconError
from warlog.extract.actors import ActorFinder
from warlog.extract.base import Component
from warlog.extract.cue_syntax import dated_clause, names_a_thing
from warlog.extract.spans import char_span
from warlog.extract.weapons import WeaponFinder, load_weapon_lexicon
from warlog.schema import EVENT_TYPES, SUB_EVENT_TYPES, Actor, EventMention, Weapon

__all__ = [
    "EVENT_TYPES",
    "NO_EVENT",
    "SUB_EVENT_TYPES",
    "EventClassifier",
    "EventFinder",
    "EventLexicon",
    "Scores",
    "classify_outcome",
    "classify_text",
    "explain",
    "load_event_lexicon",
]

CUES = "event_cues.yaml"
OTHER = "event_other.yaml"
#: The outcome of a text with no event at all (neither conflict nor a known non-conflict category).
NO_EVENT = "none"
#: ACLED inter codes of armed non-state actors (rebels, political and identity militias).
NON_STATE_TYPES = frozenset({2, 3, 4})
ARMED_TYPES = frozenset({1, 2, 3, 4, 8})
MAX_EVENTS_PER_SENTENCE = 3
#: Dependencies by which a year premodifies a noun ("the 2017 attack").
#: Words before a past war that make it a yardstick, not the subject ("the worst since World War II").
YARDSTICKS = frozenset({"since", "after", "since the", "after the"})
YEAR_DEPS = frozenset({"nummod", "compound", "amod", "npadvmod", "nmod", "det"})
#: Kinds of words that make a cue hypothetical or negated ("if Belarus is attacked", "no clashes").
IRREALIS_KEYS = ("marks", "modals", "verbs", "heads", "negations", "aspectual")
#: The share of its weight a cue adds when a stronger cue of the same label is already present.
CORROBORATION = 0.5
#: What is left of a dampened label's score ("intercepted" when a strike that harmed people is also told).
DAMPING = 0.5


# --------------------------------------------------------------------------------------------- lexicon


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


@cache
def load_event_lexicon() -> EventLexicon:
    """Read and validate both event lexicons once per process; raises ``LexiconError`` naming the entry."""
    raw, other = load_yaml(CUES), load_yaml(OTHER)
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
    weapon_sub_types = load_weapon_lexicon().category_sub_types
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
    )


def _alternation(name: str, words: object) -> re.Pattern[str] | None:
    """One case-insensitive, word-bounded pattern for a list of phrases (None for an empty list)."""
    texts = _texts(name, words)
    if not texts:
        return None
    body = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in sorted(texts, key=len, reverse=True))
    return re.compile(rf"\b(?:{body})\b", re.IGNORECASE)


# --------------------------------------------------------------------------------------------- scoring


@dataclass
class Scores:
    """Label scores for one stretch of text, with the strongest evidence of each label (char offsets)."""

    score: dict[str, float] = field(default_factory=dict)
    weights: dict[str, list[float]] = field(default_factory=dict)
    trigger: dict[str, tuple[int, int, float]] = field(default_factory=dict)
    tokens: dict[str, list[int]] = field(default_factory=dict)  # token positions of each label's cues

    def near(self, first: list[str], second: list[str], window: int, *, after: bool = False) -> bool:
        """Whether a cue of a ``first`` label lies within ``window`` tokens of a cue of a ``second`` label
        (with ``after``: the second follows the first, as an object follows its verb)."""
        here = [i for label in first for i in self.tokens.get(label, ())]
        there = [i for label in second for i in self.tokens.get(label, ())]
        if after:
            return any(0 < b - a <= window for a in here for b in there)
        return any(abs(a - b) <= window for a in here for b in there)

    def far(self, label: str, others: list[str], window: int) -> bool:
        """Whether some cue of ``label`` lies more than ``window`` tokens from every cue of ``others``."""
        there = [i for other in others for i in self.tokens.get(other, ())]
        return any(all(abs(a - b) > window for b in there) for a in self.tokens.get(label, ()))

    def add(self, label: str, weight: float, start: int, end: int, *, presence: bool = False) -> None:
        """Add evidence. Corroborating cues count half (three synonyms of one event are not three events);
        a ``presence`` label (a modifier) keeps only its strongest cue's weight."""
        weights = self.weights.setdefault(label, [])
        weights.append(weight)
        best = max(weights)
        self.score[label] = best if presence else best + CORROBORATION * (sum(weights) - best)
        trigger = self.trigger.get(label)
        if trigger is None or weight > trigger[2]:
            self.trigger[label] = (start, end, weight)

    def move(self, source: str, target: str) -> None:
        """Fold ``source``'s score and cue positions into ``target`` (its trigger too, when it has none)."""
        value = self.score.pop(source, 0.0)
        if not value:
            return
        self.tokens.setdefault(target, []).extend(self.tokens.get(source, ()))
        self.score[target] = self.score.get(target, 0.0) + value
        if target not in self.trigger and source in self.trigger:
            self.trigger[target] = self.trigger[source]

    def get(self, label: str) -> float:
        return self.score.get(label, 0.0)


class EventClassifier:
    """Cue matchers built once per vocabulary; scores any Doc or Span."""

    def __init__(self, nlp: Language, lexicon: EventLexicon | None = None) -> None:
        self.lexicon = lex = lexicon or load_event_lexicon()
        self.nlp = nlp
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.lemma = PhraseMatcher(nlp.vocab, attr="LEMMA")
        self.keys: dict[int, int] = {}
        for i, pattern in enumerate(nlp.tokenizer.pipe(lex.phrases)):
            for tok in pattern:
                tok.lemma_ = tok.lower_
            key = nlp.vocab.strings.add(f"CUE{i}")
            self.keys[key] = i
            self.lemma.add(f"CUE{i}", [pattern])
            # surface plurals too: a noun the tagger takes for a proper noun keeps its plural as its lemma
            phrase = lex.phrases[i]
            plural = phrase + ("es" if phrase.endswith(("s", "sh", "ch", "x")) else "s")
            self.lower.add(f"CUE{i}", [pattern, nlp.make_doc(plural)] if phrase[-1].isalpha() else [pattern])
        self._weapons: WeaponFinder | None = None
        self._actors: ActorFinder | None = None
        #: labels whose cue tells that something happened (sub-types and harm): see EventFinder._time_anchor
        self.event_labels = frozenset(SUB_EVENT_TYPES) | {"harm", "casualties"}

    # -- evidence -------------------------------------------------------------------------------
    def cue_hits(self, doc: Doc) -> list[tuple[int, int, int]]:
        """Cue matches ``(start_token, end_token, phrase_index)``, longest first where they overlap."""
        found = {(s, e, self.keys[k]) for k, s, e in self.lower(doc)}
        if doc.has_annotation("LEMMA"):
            found |= {(s, e, self.keys[k]) for k, s, e in self.lemma(doc)}
        taken = bytearray(len(doc))
        kept: dict[tuple[int, int], list[int]] = {}
        for s, e, i in sorted(found, key=lambda h: (h[0] - h[1], h[0])):
            if (s, e) not in kept and not any(taken[s:e]) and _not_a_cue(doc, s, e):
                taken[s:e] = b"\x01" * (e - s)  # a date ("in March") or a dated past event: no evidence
                continue
            if (s, e) in kept:
                kept[(s, e)].append(i)
            elif not any(taken[s:e]):
                taken[s:e] = b"\x01" * (e - s)
                kept[(s, e)] = [i]
        return sorted((s, e, i) for (s, e), idx in kept.items() for i in idx)

    def weapons_of(self, doc: Doc) -> list[Weapon]:
        if doc._.weapons is not None:
            return doc._.weapons
        if self._weapons is None:
            self._weapons = WeaponFinder(self.nlp, "events_weapons")
        return self._weapons.match(doc)

    def actors_of(self, doc: Doc) -> list[Actor]:
        if doc._.actors is not None:
            return doc._.actors
        if self._actors is None:
            self._actors = ActorFinder(self.nlp, "events_actors")
        return self._actors.match(doc)

    # -- scoring --------------------------------------------------------------------------------
    def score(
        self,
        doc: Doc,
        start: int,
        end: int,
        hits: list[tuple[int, int, int]],
        weapons: list[Weapon],
        actors: list[Actor],
    ) -> Scores:
        """Scores of every label over tokens ``[start, end)`` after boosts, escalations and territory.

        ``hits`` (from ``cue_hits``), ``weapons`` and ``actors`` are in text order: only the stretch's own
        share of them is visited (bisect), so scoring every sentence of a document stays linear."""
        lex = self.lexicon
        scores = Scores()
        modifiers = lex.modifiers
        seen: set[tuple[str, int, int]] = set()  # (label, phrase, -1) and (label, start, end): count once
        first = bisect_left(hits, start, key=_first)
        for s, e, i in hits[first : bisect_left(hits, end, key=_first)]:
            if e > end:
                continue
            for label, weight in lex.labels_of[i]:
                if (label, s, e) in seen:
                    continue
                if (label, i, -1) not in seen:
                    scores.add(
                        label,
                        weight,
                        doc[s].idx,
                        doc[e - 1].idx + len(doc[e - 1]),
                        presence=label in modifiers,
                    )
                seen.update({(label, i, -1), (label, s, e)})
                scores.tokens.setdefault(label, []).append(s)  # every place a label is cued, for `within`
        lo, hi = doc[start].idx if start < len(doc) else len(doc.text), doc[end - 1].idx + len(doc[end - 1])
        categories: set[str] = set()
        for weapon in _within(weapons, lo, hi):
            ev = weapon.evidence
            modifier = lex.weapon_modifiers.get(weapon.category or "")
            if modifier is not None and ev is not None and ev.end <= hi:
                scores.add(modifier, lex.weapon_weight, ev.start, ev.end, presence=True)
                span = doc.char_span(ev.start, ev.end, alignment_mode="expand")
                if span is not None:
                    scores.tokens.setdefault(modifier, []).append(span.start)
            sub = lex.weapon_sub_types.get(weapon.category or "")
            if (
                ev is not None
                and sub
                and lo <= ev.start
                and ev.end <= hi
                and weapon.category not in categories
            ):
                categories.add(weapon.category or "")
                scores.add(sub, lex.weapon_weight, ev.start, ev.end)
        for esc in lex.escalations:
            if esc.early:
                self._escalate(scores, esc)
        for modifier, sub_types, dampens in lex.boosts:
            bonus = scores.get(modifier)
            boosted = [sub for sub in sub_types if bonus and scores.get(sub)]
            for sub in boosted:
                scores.score[sub] += bonus
            for sub in dampens if boosted else ():
                if sub in scores.score:
                    scores.score[sub] *= DAMPING
        for esc in lex.escalations:
            if not esc.early:
                self._escalate(scores, esc)
        modifier, state, non_state = lex.territory
        if scores.get(modifier):
            armed = [a for a in _within(actors, lo, hi) if a.type in ARMED_TYPES]
            cue = scores.trigger[modifier][0]
            before = [a for a in armed if a.evidence is not None and a.evidence.start < cue]
            # the armed party named last before the cue is usually its subject ("rebels seized the town")
            first = before[-1] if before else (armed[0] if armed else None)
            non_state_won = first is not None and first.type in NON_STATE_TYPES
            voice = _passive(doc, cue) if before else None
            if voice is not None:
                # "rebels were pushed back": the subject lost the ground; "seized by rebels": the agent won
                lo_agent, hi_agent = voice
                agents = [
                    a for a in armed if a.evidence is not None and lo_agent <= a.evidence.start < hi_agent
                ]
                non_state_won = agents[0].type in NON_STATE_TYPES if agents else not non_state_won
            scores.move(modifier, non_state if non_state_won else state)
        for label in lex.modifiers:
            scores.score.pop(label, None)
        return scores

    @staticmethod
    def _escalate(scores: Scores, esc: Escalation) -> None:
        """Apply one escalation rule of the lexicon to ``scores`` (see the YAML header)."""
        base = [w for w in esc.when if scores.get(w)]
        extra = [w for w in esc.with_ if scores.get(w)]
        if esc.within is not None and not scores.near(base, extra, esc.within, after=esc.after):
            return
        if any(label in scores.tokens for label in esc.unless) or any(
            scores.get(label) for label in esc.unless_any
        ):
            return
        if base and (extra or not esc.with_):
            if esc.keep and esc.weight is not None:
                start_char, end_char, _ = scores.trigger[base[0]]
                scores.add(esc.becomes, esc.weight, start_char, end_char)
                scores.tokens.setdefault(esc.becomes, []).extend(scores.tokens.get(base[0], ()))
                return
            for label in base + extra:
                if esc.weight is None:
                    scores.move(label, esc.becomes)
                elif label in extra or esc.within is None or not scores.far(label, extra, esc.within):
                    # a fixed contribution: the rule says *that* it is this type, not how strongly;
                    # a base label with evidence far from the modifier keeps it (another event)
                    scores.score.pop(label, None)
            if esc.weight is not None:
                cue = (extra or base)[0]  # the modifier locates this event better than a far base cue
                start_char, end_char, _ = scores.trigger[cue]
                scores.add(esc.becomes, esc.weight, start_char, end_char)
                scores.tokens.setdefault(esc.becomes, []).extend(scores.tokens.get(cue, ()))
            for label in esc.suppresses:
                scores.score.pop(label, None)

    def ranked(self, scores: Scores, *, overlay: bool = True) -> list[tuple[str, float]]:
        """Labels best first; ties broken by the lexicon's priority. ``overlay=False`` leaves out the
        categories that describe claims about events (they must not hide the event itself)."""
        prio = self.lexicon.priority
        skip = frozenset() if overlay else self.lexicon.overlay
        return sorted(
            ((label, value) for label, value in scores.score.items() if value > 0 and label not in skip),
            key=lambda lv: (-lv[1], prio.get(lv[0], len(prio))),
        )

    def explain(self, target: Doc | SpacySpan) -> list[tuple[str, float]]:
        return self.ranked(self.outcome(target)[1])

    def outcome(self, target: Doc | SpacySpan, *, overlay: bool = True) -> tuple[str, Scores]:
        """The winning label of a Doc or Span: an ACLED sub-type, a non-conflict category or ``NO_EVENT``."""
        doc = target if isinstance(target, Doc) else target.doc
        start, end = (0, len(doc)) if isinstance(target, Doc) else (target.start, target.end)
        if end <= start:
            return NO_EVENT, Scores()
        scores = self.score(doc, start, end, self.cue_hits(doc), self.weapons_of(doc), self.actors_of(doc))
        ranked = self.ranked(scores, overlay=overlay)
        if not ranked or ranked[0][1] < self.lexicon.min_score:
            return NO_EVENT, scores
        return ranked[0][0], scores


def _not_a_cue(doc: Doc, start: int, end: int) -> bool:
    """Whether the words matched at ``[start, end)`` are no evidence of an event in this text: part of a date
    ("on 1 March") or a past event named by its year ("the 2017 chemical attack", "the 1945 bombing"):
    reports of a new event date it by day, a year before the noun recalls an event already known."""
    if doc[start].ent_type_ == "DATE":
        return True
    if not doc.has_annotation("DEP"):
        return False
    root = doc[start:end].root
    return any(
        child.i < start and child.dep_ in YEAR_DEPS and _is_year(child.text) for child in root.children
    )


def _passive(doc: Doc, char: int) -> tuple[int, int] | None:
    """None unless the verb at character ``char`` is in the passive voice (needs a parse); else the char
    range of its agent ("by the rebels"), empty when it has none."""
    if not doc.has_annotation("DEP"):
        return None
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or not len(span):
        return None
    tok = span[0]
    if not any(child.dep_ in {"auxpass", "nsubjpass"} for child in tok.children):
        return None
    for child in tok.children:
        if child.dep_ == "agent":
            words = list(child.subtree)
            return words[0].idx, words[-1].idx + len(words[-1])
    return 0, 0


def _is_year(text: str) -> bool:
    return len(text) == 4 and text.isdigit() and 1800 <= int(text) <= 2100


def _first(hit: tuple[int, int, int]) -> int:
    return hit[0]


def _evidence_start(record: Weapon | Actor) -> int:
    return record.evidence.start if record.evidence is not None else -1


def _within(records: list, lo: int, hi: int) -> list:
    """The records (in text order, with evidence) whose evidence starts in ``[lo, hi)``."""
    first = bisect_left(records, lo, key=_evidence_start)
    return records[first : bisect_left(records, hi, key=_evidence_start)]


_CLASSIFIERS: dict[int, tuple[Vocab, EventClassifier]] = {}


def classifier_for(vocab: Vocab, nlp: Language | None = None) -> EventClassifier:
    """The classifier of one vocabulary, built on first use (matchers are tied to a vocab's strings)."""
    entry = _CLASSIFIERS.get(id(vocab))
    if entry is None or entry[0] is not vocab:
        built = EventClassifier(nlp if nlp is not None else spacy.blank("en", vocab=vocab))
        _CLASSIFIERS[id(vocab)] = entry = (vocab, built)
    return entry[1]


def explain(target: Doc | SpacySpan) -> list[tuple[str, float]]:
    """Every label's final score for a Doc or Span, best first: why ``classify_outcome`` chose what it did."""
    return classifier_for(target.vocab).explain(target)


def classify_outcome(target: Doc | SpacySpan) -> str:
    """An ACLED sub-event type, a non-conflict category of ``event_other.yaml``, or ``NO_EVENT``.

    Used by ``bench.event_types`` to score snippets that report disasters, crime or diplomacy."""
    return classifier_for(target.vocab).outcome(target)[0]


def classify_text(target: Doc | SpacySpan) -> tuple[str, str] | None:
    """``(event_type, sub_event_type)`` of a Doc or Span (a group of sentences); None: no conflict event.

    Combines cue phrases, weapons and actors over the whole stretch: a missile that killed civilians is a
    "Shelling/artillery/missile attack"; an interception is "Disrupted weapons use" only when no strike that
    harmed people outweighs it. Reads ``doc._.weapons`` / ``doc._.actors`` when those components ran."""
    label = classifier_for(target.vocab).outcome(target, overlay=False)[0]
    sub = SUB_EVENT_TYPES.get(label)
    return (sub, label) if sub is not None else None


# --------------------------------------------------------------------------------------------- component


class EventFinder(Component):
    """One ``EventMention`` per conflict event cue of a sentence: the strongest first, at most three."""

    attr = "events"

    def __init__(self, nlp: Language, name: str) -> None:
        super().__init__(nlp, name)
        self.classifier = classifier_for(nlp.vocab, nlp)

    def match(self, doc: Doc) -> list[EventMention]:
        if not len(doc):
            return []
        clf = self.classifier
        hits = clf.cue_hits(doc)
        if not hits and not doc._.weapons:
            return []
        weapons, actors = clf.weapons_of(doc), clf.actors_of(doc)
        sentences = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        found: list[EventMention] = []
        events = frozenset(clf.event_labels)
        cued = bytearray(len(doc))  # tokens of a cue that tells an event or harm: "killed after a strike"
        for s, e, i in hits:
            if any(label in events for label, _ in clf.lexicon.labels_of[i]):
                cued[s:e] = b"\x01" * (e - s)
        for sent in sentences:
            if self._history(sent):
                continue
            scores = clf.score(doc, sent.start, sent.end, hits, weapons, actors)
            found.extend(self._sentence_events(doc, sent, scores, cued))
        return found

    def _sentence_events(
        self, doc: Doc, sent: SpacySpan, scores: Scores, cued: bytearray
    ) -> list[EventMention]:
        lex = self.classifier.lexicon
        ranked = self.classifier.ranked(scores, overlay=False)
        if not ranked or ranked[0][1] < lex.sentence_min_score or ranked[0][0] not in SUB_EVENT_TYPES:
            return []
        top = ranked[0][1]
        runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
        events: list[EventMention] = []
        used: list[tuple[int, int]] = []
        sentence = char_span(doc, sent.start_char, sent.end_char)
        for rank, (label, value) in enumerate(ranked):
            if len(events) >= MAX_EVENTS_PER_SENTENCE or label not in SUB_EVENT_TYPES:
                break
            if rank and value < lex.secondary_min_score:
                break
            start, end, _ = scores.trigger[label]
            if (
                any(start < e and s < end for s, e in used)
                or self._irrealis(doc, start, end)
                or self._time_anchor(doc, start, end, cued)
            ):
                continue
            used.append((start, end))
            confidence = value / (top + runner_up) if rank else top / (top + runner_up)
            events.append(
                EventMention(
                    event_type=SUB_EVENT_TYPES[label],
                    sub_event_type=label,
                    trigger=char_span(doc, start, end),
                    sentence=sentence,
                    confidence=round(min(1.0, confidence), 3),
                )
            )
        return events

    def _history(self, sent: SpacySpan) -> bool:
        """Whether a sentence tells history, not news: it names years, all of them before ``history_before``
        ("the Treaty of Portsmouth (1905)"), or names a past war (``history_markers``: "World War II") other
        than as a yardstick ("the largest attack since World War II")."""
        lex = self.classifier.lexicon
        years = [int(tok.text) for tok in sent if tok.like_num and _is_year(tok.text)]
        if years and max(years) < lex.history_before:
            return True
        if lex.history_markers is None:
            return False
        return any(
            sent.text[max(0, m.start() - 7) : m.start()].lower().strip() not in YARDSTICKS
            for m in lex.history_markers.finditer(sent.text)
        )

    def _time_anchor(self, doc: Doc, start: int, end: int, cued: bytearray) -> bool:
        """Whether the cue at ``[start, end)`` only dates another happening: it sits in a clause opened by
        a ``background_marks`` word ("a mass grave was found after the troops retreated") whose governing
        verb is no event cue itself ("two died after a missile hit the house" keeps the strike)."""
        tok = _cue_root(doc, start, end)
        if tok is None:
            return False
        marks = self.classifier.lexicon.background_marks
        for _ in range(3):
            if tok.dep_ == "advcl":
                opened = any(c.dep_ == "mark" and c.lower_ in marks for c in tok.children)
                return opened and not cued[tok.head.i]
            if tok.head is tok:
                return False
            tok = tok.head
        return False

    def _irrealis(self, doc: Doc, start: int, end: int) -> bool:
        """Whether the cue at ``[start, end)`` is hypothetical or negated: a conditional ("if ... attacked"),
        a modal ("could strike"), a verb of intent or threat ("threatened to shell") or a negation ("no
        clashes") on the cue or on the two words it hangs from. Needs a parse; without one nothing is."""
        tok = _cue_root(doc, start, end)
        if tok is None:
            return False
        words = self.classifier.lexicon.irrealis
        depth = 0
        asserted_of = False  # a subject is asserted of its verb: "the attack marked ..." keeps the attack
        while depth < 3:
            for child in tok.children:
                low = child.lower_
                if (child.dep_ == "mark" and low in words["marks"]) or (
                    child.dep_ == "aux" and low in words["modals"]
                ):
                    return True
                if child.dep_ in {"neg", "det"} and low in words["negations"]:
                    return True
                if (
                    depth < 2
                    and child.dep_ == "aux"
                    and child.tag_ == "TO"
                    and tok.head.lemma_.lower() not in words["aspectual"]
                ):
                    return True  # an infinitive: "ready to fight", "to carry out an operation"
            lemma = tok.lemma_.lower()
            if depth and not asserted_of and (lemma in words["verbs"] or lemma in words["heads"]):
                return True
            if (
                tok.head is tok
                or dated_clause(tok, self.classifier.lexicon.background_marks)
                or names_a_thing(tok, words["heads"])
            ):
                break  # "fighting for his life after he was shot", "seek suspects in the shooting"
            if tok.dep_ != "conj":  # "fighting and shelling": the second is judged where the first hangs
                depth += 1
                asserted_of = tok.dep_ in {"nsubj", "nsubjpass", "csubj"}
            tok = tok.head
        return False


def _cue_root(doc: Doc, start: int, end: int) -> Token | None:
    """The syntactic head of the cue at ``[start, end)``; None without a parse (nothing can be judged)."""
    if not doc.has_annotation("DEP"):
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None
