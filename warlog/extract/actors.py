"""Parties (forces, governments, groups) normalised through ``warlog/data/actors.yaml``.

Three routes from a phrase to an ACLED-style entity, all driven by the lexicon:

1. named groups and fixed phrases ("Wagner", "the Kyiv regime", "IDF") — a case-insensitive PhraseMatcher;
2. a state's demonym or possessive name, an optional modifier, then a force noun ("Russian troops",
   "Ukraine's armed forces", "Israeli riot police") — the state word is found by a case-sensitive
   PhraseMatcher (demonyms are capitalised; "us forces" is not "US forces") and the force noun by a
   lookup of the next few tokens;
3. metonymy: a capital or a country name that is the subject of a verb ("Moscow launched ...") is the
   state acting. Capitals are also places, so without a parse (or when not a subject) nothing is found;
   the verb picks the military ("struck") or the government ("said").

"pro-Russian forces" and "Russian-backed separatists" are not Russia's forces: a state word right after
"pro-"/"anti-" or right before "-backed" is skipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.util import filter_spans

from warlog.data import load_yaml, require_keys
from warlog.errors import LexiconError
from warlog.extract.base import Component
from warlog.extract.roles import PERPETRATOR, role_of
from warlog.extract.spans import from_spacy
from warlog.schema import Actor, ActorType

__all__ = ["ActorFinder", "ActorLexicon", "State", "load_actor_lexicon"]

LEXICON = "actors.yaml"
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
NEGATING_PREFIXES = frozenset({"pro", "anti", "non"})


@dataclass(frozen=True)
class State:
    """A state the lexicon knows: its ISO code, ACLED name and period, and the words that name it."""

    iso: str
    state: str
    period: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]


@dataclass(frozen=True)
class Group:
    entity: str
    type: int
    side: str | None
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class ActorLexicon:
    """The validated contents of ``actors.yaml``."""

    states: dict[str, State]
    templates: dict[str, str]  # branch -> entity template
    branch_nouns: dict[tuple[str, ...], str]  # lower-case token tuple -> branch
    modifiers: frozenset[str]
    military_verbs: frozenset[str]
    groups: tuple[Group, ...]
    attack_nouns: frozenset[tuple[str, ...]] = frozenset()  # lower-case token tuples
    defence_verbs: frozenset[str] = frozenset()
    target_preps: frozenset[str] = frozenset()

    @property
    def attack_heads(self) -> frozenset[str]:
        """The last word of each attack noun ("strike" of "air strike"): the head a preposition hangs on."""
        return frozenset(words[-1] for words in self.attack_nouns)

    def entity(self, iso: str, branch: str) -> str:
        state = self.states[iso]
        return self.templates[branch].format(state=state.state, period=state.period)


def _words(raw: dict, key: str) -> list[str]:
    value = raw.get(key) or []
    if not isinstance(value, list):
        raise LexiconError(f"lexicon {LEXICON!r}: {key!r} must be a list of words")
    return [str(v) for v in value]


@cache
def load_actor_lexicon() -> ActorLexicon:
    """Read and validate ``actors.yaml`` once per process; raises ``LexiconError`` naming the bad entry."""
    raw = load_yaml(LEXICON)
    if not isinstance(raw, dict):
        raise LexiconError(f"lexicon {LEXICON!r} must be a mapping")
    for key in ("branches", "countries", "groups"):
        if key not in raw:
            raise LexiconError(f"lexicon {LEXICON!r} lacks the {key!r} section")
    templates: dict[str, str] = {}
    nouns: dict[tuple[str, ...], str] = {}
    for branch, spec in raw["branches"].items():
        require_keys(LEXICON, spec, ("template", "nouns"))
        templates[branch] = str(spec["template"])
        for noun in spec["nouns"]:
            words = tuple(str(noun).lower().split())
            if words in nouns:
                raise LexiconError(f"lexicon {LEXICON!r}: force noun {noun!r} is listed under two branches")
            nouns[words] = branch
    states: dict[str, State] = {}
    for item in raw["countries"]:
        require_keys(LEXICON, item, ("iso", "state", "period"))
        iso = str(item["iso"])
        if len(iso) != 2 or not iso.isupper() or iso in states:
            raise LexiconError(
                f"lexicon {LEXICON!r}: country {item!r} needs a unique ISO-2 code such as 'RU'"
            )
        states[iso] = State(
            iso=iso,
            state=str(item["state"]),
            period=str(item["period"]),
            names=tuple(_words(item, "names")),
            demonyms=tuple(_words(item, "demonyms")),
            capitals=tuple(_words(item, "capitals")),
        )
    groups: list[Group] = []
    for item in raw["groups"]:
        require_keys(LEXICON, item, ("entity", "type", "aliases"))
        inter = item["type"]
        if inter not in {t.value for t in ActorType}:
            raise LexiconError(
                f"lexicon {LEXICON!r}: {item['entity']!r} has type {inter!r}; use an ACLED inter 1-8"
            )
        side = item.get("side")
        if side is not None and side not in states and not (isinstance(side, str) and len(side) == 2):
            raise LexiconError(
                f"lexicon {LEXICON!r}: {item['entity']!r} has side {side!r}; use an ISO-2 code"
            )
        groups.append(Group(str(item["entity"]), int(inter), side, tuple(_words(item, "aliases"))))
    return ActorLexicon(
        states=states,
        templates=templates,
        branch_nouns=nouns,
        modifiers=frozenset(w.lower() for w in _words(raw, "modifiers")),
        military_verbs=frozenset(w.lower() for w in _words(raw, "military_verbs")),
        groups=tuple(groups),
        attack_nouns=frozenset(tuple(w.lower().split()) for w in _words(raw, "attack_nouns")),
        defence_verbs=frozenset(w.lower() for w in _words(raw, "defence_verbs")),
        target_preps=frozenset(w.lower() for w in _words(raw, "target_preps")),
    )


class ActorFinder(Component):
    """Actors as ``schema.Actor`` records (name as written, ACLED entity, inter type, side), in text order."""

    attr = "actors"

    def __init__(self, nlp: Language, name: str, lexicon: ActorLexicon | None = None) -> None:
        super().__init__(nlp, name)
        self.lexicon = lex = lexicon or load_actor_lexicon()
        self.groups = {f"G{i}": g for i, g in enumerate(lex.groups)}
        self.group_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for key, group in self.groups.items():
            self.group_matcher.add(key, list(nlp.tokenizer.pipe(sorted(set(group.aliases)))))
        self.state_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        for iso, state in lex.states.items():
            for kind, words in (
                ("demonym", state.demonyms),
                ("name", state.names),
                ("capital", state.capitals),
            ):
                forms = set(words)
                if kind == "demonym":  # "the Russians attacked" names the state's forces
                    forms |= {w + "s" for w in words if w[-1].isalpha() and not w.endswith("s")}
                if forms:
                    self.state_matcher.add(f"{iso}|{kind}", list(nlp.tokenizer.pipe(sorted(forms))))
        self.max_noun = max((len(k) for k in lex.branch_nouns), default=1)
        self.max_attack = max((len(k) for k in lex.attack_nouns), default=1)

    def match(self, doc: Doc) -> list[Actor]:
        found: list[tuple[SpacySpan, Actor]] = []
        for key, start, end in self.group_matcher(doc):
            group = self.groups[self.nlp.vocab.strings[key]]
            span = doc[start:end]
            found.append((span, self._actor(span, group.entity, group.type, group.side)))
        for key, start, end in self.state_matcher(doc):
            iso, kind = self.nlp.vocab.strings[key].split("|")
            hit = self._state_actor(doc, start, end, iso, kind)
            if hit is not None:
                found.append(hit)
        by_span = {}
        for span, actor in found:  # group aliases first: they win ties over the generic routes
            by_span.setdefault((span.start, span.end), (span, actor))
        kept = filter_spans([span for span, _ in by_span.values()])
        return [self._with_role(*by_span[(s.start, s.end)]) for s in sorted(kept, key=lambda s: s.start)]

    def _with_role(self, span: SpacySpan, actor: Actor) -> Actor:
        if actor.role is not None or not span.doc.has_annotation("DEP"):
            return actor
        lex = self.lexicon
        role = role_of(
            span,
            attack_verbs=lex.military_verbs,
            defence_verbs=lex.defence_verbs,
            attack_nouns=lex.attack_heads,
            target_preps=lex.target_preps,
        )
        return actor if role is None else actor.model_copy(update={"role": role})

    def _state_actor(
        self, doc: Doc, start: int, end: int, iso: str, kind: str
    ) -> tuple[SpacySpan, Actor] | None:
        if _negated(doc, start, end):
            return None
        lex = self.lexicon
        pos = end
        if kind == "name" and pos < len(doc) and doc[pos].lower_ in {"'s", "’s"}:
            pos += 1
        elif kind != "demonym":
            return self._metonym(doc, start, end, iso)
        # the force noun itself first ("air defence"), then after one modifier ("armed forces", "air force")
        starts = [pos] + ([pos + 1] if pos < len(doc) and doc[pos].lower_ in lex.modifiers else [])
        for noun_start in starts:
            for size in range(self.max_noun, 0, -1):
                words = tuple(t.lower_ for t in doc[noun_start : noun_start + size])
                branch = lex.branch_nouns.get(words) if len(words) == size else None
                if branch is not None:
                    span = doc[start : noun_start + size]
                    return span, self._actor(span, lex.entity(iso, branch), ActorType.STATE_FORCES, iso)
        if len(starts) > 1:
            pos = starts[-1]
        for size in range(self.max_attack, 0, -1):  # "a Russian missile", "Russia's strikes": who attacked
            words = tuple(t.lower_ for t in doc[pos : pos + size])
            if len(words) == size and words in lex.attack_nouns:
                span = doc[start : pos + size]
                actor = self._actor(span, lex.entity(iso, "military"), ActorType.STATE_FORCES, iso)
                return span, actor.model_copy(update={"role": PERPETRATOR})
        if kind == "demonym" and doc[end - 1].text.endswith("s") and doc[start].pos_ in {"PROPN", "NOUN"}:
            return self._metonym(doc, start, end, iso)
        return None

    def _metonym(self, doc: Doc, start: int, end: int, iso: str) -> tuple[SpacySpan, Actor] | None:
        """A capital or state name as the subject of a verb is the state acting ("Moscow struck")."""
        head_tok = doc[end - 1]
        if head_tok.dep_ not in SUBJECT_DEPS or head_tok.head.pos_ != "VERB":
            return None
        branch = "military" if head_tok.head.lemma_.lower() in self.lexicon.military_verbs else "government"
        span = doc[start:end]
        return span, self._actor(span, self.lexicon.entity(iso, branch), ActorType.STATE_FORCES, iso)

    @staticmethod
    def _actor(span: SpacySpan, entity: str, inter: int, side: str | None) -> Actor:
        return Actor(name=span.text, entity=entity, type=int(inter), side=side, evidence=from_spacy(span))


def _negated(doc: Doc, start: int, end: int) -> bool:
    """ "pro-Russian", "anti-Ukrainian", "Russian-backed": the state word qualifies someone else."""
    if start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in NEGATING_PREFIXES:
        return True
    if start >= 1 and doc[start - 1].lower_ in {"pro-", "anti-"}:
        return True
    return (
        end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in {"backed", "led", "controlled"}
    )
