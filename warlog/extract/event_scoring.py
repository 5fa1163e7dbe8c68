"""Scoring a stretch of text for ACLED sub-event types: cue matching, weapons, boosts, escalations.

Apart from the lexicon (``event_lexicon``: what the words are) and from the per-sentence filters
(``event_filters``: whether a cue tells a happening) because this is the arithmetic both the snippet
classifier (``classify_text`` / ``classify_outcome``) and the ``EventFinder`` share:

1. cue phrases are found by two PhraseMatchers built once (on lemmas and on lower-case words), keeping the
   longest match where cues overlap ("stun grenade" is not a grenade attack);
2. each distinct phrase adds its weight to its label; each weapon category named adds ``weapon_weight`` to
   the sub-type it implies (``weapons.yaml``: missile → shelling, drone → air/drone strike); but a strike
   cue whose verb hits a person, with no heavy weapon named, adds nothing to shelling or air strikes
   (``person_strikes``: "striking the boy" is a blow or a bullet);
3. boosts, escalations and the territory rule combine labels (see the YAML header for the order);
4. the best label wins. An ACLED sub-type is an event; a non-conflict category or too low a score is none.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from warlog.extract.actors import ActorFinder
from warlog.extract.cue_syntax import strikes_a_person
from warlog.extract.event_lexicon import Escalation, EventLexicon
from warlog.extract.weapons import WeaponFinder
from warlog.schema import SUB_EVENT_TYPES, Actor, Weapon

__all__ = ["NO_EVENT", "EventClassifier", "Scores", "is_year"]

#: The outcome of a text with no event at all (neither conflict nor a known non-conflict category).
NO_EVENT = "none"
#: ACLED inter codes of armed non-state actors (rebels, political and identity militias).
NON_STATE_TYPES = frozenset({2, 3, 4})
ARMED_TYPES = frozenset({1, 2, 3, 4, 8})
#: Dependencies by which a year premodifies a noun ("the 2017 attack").
YEAR_DEPS = frozenset({"nummod", "compound", "amod", "npadvmod", "nmod", "det"})
#: The share of its weight a cue adds when a stronger cue of the same label is already present.
CORROBORATION = 0.5
#: What is left of a dampened label's score ("intercepted" when a strike that harmed people is also told).
DAMPING = 0.5


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

    def __init__(self, nlp: Language, lexicon: EventLexicon) -> None:
        self.lexicon = lex = lexicon
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
        #: labels whose cue tells that something happened (sub-types and harm): see event_filters.time_anchor
        self.event_labels = frozenset(SUB_EVENT_TYPES) | {"harm", "casualties"}
        #: phrase indices of the cues that strike people in vain (``person_strikes``; see ``_struck_people``)
        self.person_cues = frozenset(i for i, p in enumerate(lex.phrases) if p in lex.person_strikes.phrases)

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
        lo, hi = doc[start].idx if start < len(doc) else len(doc.text), doc[end - 1].idx + len(doc[end - 1])
        own = hits[bisect_left(hits, start, key=_first) : bisect_left(hits, end, key=_first)]
        voided = self._struck_people(doc, own, weapons, lo, hi)
        for s, e, i in own:
            if e > end:
                continue
            for label, weight in lex.labels_of[i]:
                if (label, s, e) in seen or (s in voided and label in lex.person_strikes.voids):
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

    def _struck_people(
        self, doc: Doc, hits: list[tuple[int, int, int]], weapons: list[Weapon], lo: int, hi: int
    ) -> frozenset[int]:
        """Start tokens of ``person_strikes`` cues whose verb strikes a person ("striking the boy", "struck
        by a car"): they add nothing to the lexicon's ``voids`` sub-types. Empty when the stretch names a
        weapon of those sub-types or an aircraft ("a missile struck the man"), or without a parse."""
        rule = self.lexicon.person_strikes
        found = [(s, e) for s, e, i in hits if i in self.person_cues]
        if not found or not doc.has_annotation("DEP"):
            return frozenset()
        for weapon in _within(weapons, lo, hi):
            category = weapon.category or ""
            if (
                self.lexicon.weapon_sub_types.get(category) in rule.voids
                or category in self.lexicon.weapon_modifiers
            ):
                return frozenset()
        return frozenset(s for s, e in found if strikes_a_person(doc[s:e].root, rule.persons))

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
    return any(child.i < start and child.dep_ in YEAR_DEPS and is_year(child.text) for child in root.children)


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


def is_year(text: str) -> bool:
    """Whether ``text`` is a plausible year (four digits, 1800-2100)."""
    return len(text) == 4 and text.isdigit() and 1800 <= int(text) <= 2100


def _first(hit: tuple[int, int, int]) -> int:
    return hit[0]


def _evidence_start(record: Weapon | Actor) -> int:
    return record.evidence.start if record.evidence is not None else -1


def _within(records: list, lo: int, hi: int) -> list:
    """The records (in text order, with evidence) whose evidence starts in ``[lo, hi)``."""
    first = bisect_left(records, lo, key=_evidence_start)
    return records[first : bisect_left(records, hi, key=_evidence_start)]
