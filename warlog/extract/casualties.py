"""Killed / injured figures as low/best/high ranges, tied to their casualty word through the parse.

A number is a casualty figure only when the dependency parse links it to a death or injury word: the verb
whose object or subject it counts ("killing at least three civilians", "59 killed", "three people died"),
an adjective predicated of it ("three people dead", "left 5 wounded"), a casualty noun it counts
("12 deaths", "no casualties"), a death toll it measures ("the death toll rose to 12") or an adverb
("four were shot, one fatally"). Everything else with a number in it — ages, times, "three missiles",
"two cars" — is not, because the counted noun must name people. Figures that are part of a larger one
("including two children", "one of the dead was a child") are lower bounds with a category hint, and
sentences that speak of tallies ("since February", "so far this year") mark their figures ``aggregate``.

Kinds: ``killed``, ``injured``, ``casualties`` (people harmed, not split: "12 casualties", "four people
were shot"), ``missing``, ``captured``. Where one sentence gives both people harmed and people killed
("four people were shot, one fatally"), the injured figure is derived (3) as its own mention. A figure of
"others" ("four other victims", "two more") is marked ``others``: it adds to the figure before it. People
coordinated without a number ("a woman and a child were shot") are counted one each. Victims told in
parts — "two of them later died", "a woman was also shot", "killed two and then himself", "four men
suffered gunshot wounds" — are read with the helpers of ``warlog.extract.casualty_parts``.
The vocabulary is data: ``warlog/data/casualties.yaml``; numbers are read by ``warlog.extract.numbers``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from warlog.data import load_yaml, require_keys
from warlog.errors import LexiconError
from warlog.extract import extensions  # noqa: F401  (registers doc._.casualties)
from warlog.extract.base import Component
from warlog.extract.casualty_parts import (
    also_victim,
    headline_pair,
    own_participle,
    partitive_figure,
    suffered,
    survivors,
    then_himself,
)
from warlog.extract.numbers import Quantity, combine_counts, find_quantities, parse_number
from warlog.extract.spans import doc_text
from warlog.schema import CasualtyCategory, CasualtyMention, Count, Span

__all__ = ["CasualtyFinder", "casualty_totals", "combine_counts"]

LEXICON = "casualties.yaml"
KINDS = ("killed", "injured", "casualties", "missing", "captured")
#: Dependency labels by which a number modifies the noun it counts.
COUNTING_DEPS = frozenset({"nummod", "det", "quantmod", "amod", "compound", "nmod"})
#: Dependency labels by which a noun or predicate word describes its head.
MODIFIER_DEPS = frozenset({"amod", "acl", "relcl", "appos"})
#: Dependency labels of a light verb's complements that may carry the casualty word.
COMPLEMENT_DEPS = frozenset({"acomp", "oprd", "xcomp", "advcl", "ccomp", "attr", "amod", "conj", "dobj"})


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
            "uncounted_modifiers", "also_adverbs", "suffer_verbs")
    require_keys(LEXICON, raw, keys)
    categories = {c.value for c in CasualtyCategory}
    if not set(raw["victim_nouns"]) <= categories:
        raise LexiconError(f"lexicon {LEXICON!r}: victim_nouns keys must be among {sorted(categories)}")
    victims: dict[str, str] = {}
    for category in ("unknown", "civilians", "military", "children"):  # specific categories win
        victims.update({str(w).lower(): category for w in raw["victim_nouns"].get(category) or []})
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
        injured_words=frozenset(w for w, k in _kind_table(raw, "adjectives").items() if k == "injured"),
    )


@dataclass(frozen=True)
class Link:
    """How a figure reached its casualty word."""

    kind: str
    cue: Token
    noun: Token | None = None
    subset: bool = False


class CasualtyFinder(Component):
    """Writes ``doc._.casualties``: ``CasualtyMention`` records in text order."""

    attr = "casualties"

    def __init__(self, nlp, name: str) -> None:
        super().__init__(nlp, name)
        self.lex = casualty_lexicon()

    def match(self, doc: Doc) -> list[CasualtyMention]:
        found: list[CasualtyMention] = []
        for sent in doc.sents:
            found.extend(self.sentence_mentions(sent))
        return sorted(found, key=lambda m: (m.evidence.start, m.evidence.end))

    def sentence_mentions(self, sent: SpacySpan) -> list[CasualtyMention]:
        """The casualty figures of one sentence."""
        found: list[CasualtyMention] = []
        counted: set[int] = set()  # tokens whose victims already have a figure
        linked: list[tuple[Quantity, Link]] = []
        for q in find_quantities(sent):
            link = self._link(sent.doc[q.head], q.is_zero)
            if link is None or self._hypothetical(link.cue, q):
                continue
            counted.update(t.i for t in (link.noun, sent.doc[q.head]) if t is not None)
            linked.append((q, link))
        for group in self._coordinated(sent, linked, counted):
            found.extend(self._mentions(sent, *group[0]) if len(group) == 1 else [self._sum(sent, group)])
        found.extend(self._singular_victims(sent, counted))
        found.extend(self._then_himself(sent, counted, found))
        if found and self.lex.aggregate.search(sent.text):
            found = [m.model_copy(update={"aggregate": True}) for m in found]
        elif found:
            found = [m.model_copy(update={"aggregate": True}) if self._tally(m, sent) else m for m in found]
        return found + _derived_injured(sent, found)

    # ------------------------------------------------------------------------------------- linking

    def _link(self, num: Token, q_zero: bool = False) -> Link | None:
        """Tie the figure headed by ``num`` to a casualty word, or None when it counts something else."""
        lex = self.lex
        anchor, noun = num, None
        of_obj = next(
            (c for p in num.children if p.lower_ == "of" for c in p.children if c.dep_ == "pobj"), None
        )
        if q_zero and of_obj is not None:
            return None  # "none of the victims ..." says something else of them
        for child in num.children:  # "Three dead, two wounded": the figure's own predicate
            if child.dep_ in MODIFIER_DEPS and lex.predicate_kind(child):
                return Link(self._refine(child, lex.predicate_kind(child)), child)
        if num.dep_ in COUNTING_DEPS and num.head.i != num.i and num.head.pos_ != "NUM":
            kind = lex.predicate_kind(num.head) or lex.counted_nouns.get(num.head.lemma_.lower())
            if kind:  # "3 dead", "12 deaths", "59 killed" read as a noun phrase
                return Link(kind, num.head)
            if not self._is_victim(num.head):
                return None
            anchor = noun = num.head
        elif of_obj is not None:
            kind = lex.predicate_kind(of_obj) or lex.counted_nouns.get(of_obj.lemma_.lower())
            partitive = any(c.lower_ in {"the", "them", "those", "these"} for c in of_obj.subtree)
            if kind and partitive:  # "one of the dead", "two of the wounded"
                died = num.head.i != num.i and self._verb_kind(num.head, num.dep_) == "killed"
                if died and kind != "killed":  # "one of the wounded has died": a death, not an injury
                    return Link("killed", num.head, self._predicate_noun(num), subset=True)
                return Link(kind, of_obj, self._predicate_noun(num), subset=True)
            if self._is_victim(of_obj):  # "dozens of people", "three of the soldiers"
                noun = of_obj
            elif of_obj.pos_ != "PRON":  # "two of those incidents were fatal" counts incidents
                return None
        after = num.doc[num.i + 1] if num.i + 1 < len(num.doc) else None
        adverb = next((c for c in num.children if c.lower_ in lex.adverbs), None) or (
            after if after is not None and after.lower_ in lex.adverbs else None
        )
        if adverb is not None:  # "one fatally" (how many died); "two critically" (some of the injured)
            kind = lex.adverbs[adverb.lower_]
            return Link(kind, adverb, noun, subset=kind != "killed")
        link = self._cue(anchor, noun)
        joined = num.dep_ in {"conj", "appos"} and num.i > 0 and num.nbor(-1).lower_ in {"and", ","}
        if link is None and joined and after is not None and (
            after.tag_ in {"VBN", "JJ"} and lex.predicate_kind(after)
        ):  # "one person dead and six injured": the figure's own predicate right after it
            return Link(self._refine(after, lex.predicate_kind(after)), after, noun)
        if link is None and anchor.dep_ == "pobj" and anchor.head.lower_ in lex.subset - {"of"}:
            return self._superset(anchor, noun)
        if link is None and anchor.dep_ in {"dobj", "attr", "nsubj"} and anchor.head.lemma_ in lex.subset:
            return self._superset(anchor, noun)
        return link

    def _cue(self, anchor: Token, noun: Token | None) -> Link | None:
        """The casualty word said of the people ``anchor`` stands for: its own modifiers, the verb it is
        an argument of, a toll it measures, or the complement of a light verb ("left", "found", "were")."""
        lex = self.lex
        for child in anchor.children:  # "three people dead", "three people killed", "people who died"
            if child.dep_ in MODIFIER_DEPS:
                kind = lex.predicate_kind(child) or self._verb_kind(child, "nsubj")
                if kind:
                    return Link(self._refine(child, kind), child, noun)
            if child.dep_ == "prep" and child.lower_ == "with":  # "four others with injuries"
                state = next((g for g in child.children if g.lemma_.lower() in lex.conditions), None)
                if state is not None:
                    return Link(lex.conditions[state.lemma_.lower()], state, noun)
        if anchor.dep_ == "appos":
            return None  # "six people, three men and three women, ...": parts restating a figure
        while anchor.dep_ == "conj" and anchor.head.pos_ in {"NOUN", "NUM", "PROPN", "PRON"}:
            anchor = anchor.head  # "three soldiers and two civilians were killed"
        head, dep = anchor.head, anchor.dep_
        if head.i == anchor.i:
            return None
        # "Two men charged after girl shot, killed": the men's own verb is "charged"
        own = dep == "nsubj" and head.pos_ == "VERB" and own_participle(anchor, lex.predicate_kind)
        kind = None if own else self._verb_kind(head, dep, bare=anchor.pos_ == "NUM" and noun is None)
        if kind:
            return Link(self._refine(head, kind), head, noun)
        condition = self._suffered(head) if dep == "nsubj" else None
        if condition is not None:  # "four men suffered gunshot wounds"
            return Link(condition[0], condition[1], noun)
        if dep == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in lex.event_nouns:
            return Link(self._event_kind(head.head), head.head, noun)  # "the deaths of three people"
        if dep == "pobj" and head.head.i != head.i:  # "the death toll rose to 12", "a toll of 12"
            toll = self._toll(head.head)
            if toll:
                return Link(toll[0], toll[1], noun)
        if dep in {"attr", "nsubj"} and head.lemma_ == "be":
            toll = self._toll(head)
            if toll:
                return Link(toll[0], toll[1], noun)
        if head.lemma_ in lex.light_verbs and dep in {"dobj", "nsubj", "nsubjpass"}:  # "left 5 wounded"
            return self._complement(head, anchor, noun)
        return None

    def _complement(self, verb: Token, anchor: Token, noun: Token | None) -> Link | None:
        """The casualty word a light verb says of ``anchor``: of several ("left one man dead and six
        others with gunshot wounds") the first after the figure, else the first."""
        lex = self.lex
        found: list[tuple[Token, str]] = []
        for comp in verb.children:
            if comp.i == anchor.i:
                continue
            if comp.dep_ in COMPLEMENT_DEPS:
                kind = lex.predicate_kind(comp) or (
                    lex.transitive.get(comp.lemma_.lower()) if comp.dep_ == "conj" else None
                )
                if kind:
                    found.append((comp, self._refine(comp, kind)))
            elif comp.dep_ == "prep" and comp.lower_ == "with":  # "... six others with gunshot wounds"
                state = next((g for g in comp.children if g.lemma_.lower() in lex.conditions), None)
                if state is not None:
                    found.append((state, lex.conditions[state.lemma_.lower()]))
        if not found:
            return None
        after = [f for f in found if f[0].i > anchor.i]
        cue, kind = min(after, key=lambda f: f[0].i) if after else found[0]
        return Link(kind, cue, noun)

    def _verb_kind(self, verb: Token, dep: str, bare: bool = False) -> str | None:
        """The kind a verb gives the argument in relation ``dep`` to it. ``bare``: the argument is a
        number alone, as in the headline "Four shot outside club" (victims, not shooters)."""
        lex = self.lex
        lemma = verb.lemma_.lower()
        if lemma == "lose" and any(c.lemma_ == "life" for c in verb.children):
            return "killed" if dep == "nsubj" else None  # "three soldiers lost their lives"
        if lemma in lex.transitive:
            objectless = not any(c.dep_ in {"dobj", "agent"} or c.lower_ == "at" for c in verb.children)
            left_behind = verb.dep_ == "conj" and verb.head.lemma_ in lex.light_verbs  # "left 2 dead, 3 hurt"
            passive_or_reduced = dep == "nsubjpass" or (
                dep == "nsubj" and objectless and (verb.tag_ == "VBN" or left_behind or bare)
            )
            # "killed 2, injured 5", "left one dead and six injured": a bare figure beside the verb
            if dep == "dobj" or passive_or_reduced or (dep == "npadvmod" and bare and _number_beside(verb)):
                return lex.transitive[lemma]
        if lemma in lex.intransitive and dep == "nsubj":
            return lex.intransitive[lemma]
        if dep == "nsubj" and verb.pos_ == "ADJ" and verb.lower_ in lex.adjectives:
            return lex.adjectives[verb.lower_]
        return None

    def _refine(self, verb: Token, kind: str) -> str:
        """A shooting that killed: "shot dead", "shot and killed", "fatally shot", "shot to death"; an
        injury that killed: "fatally wounded"."""
        if kind == "injured":
            fatal = any(
                c.lower_ in self.lex.adverbs and self.lex.adverbs[c.lower_] == "killed"
                for c in verb.children
                if c.dep_ == "advmod"
            )
            return "killed" if fatal else kind
        if kind != "casualties":
            return kind
        for child in verb.children:
            word = child.lower_
            near = child.i < verb.i or child.i - verb.i <= 2  # "fatally shot", "shot dead", "shot him dead"
            if near and (word in self.lex.fatal or self.lex.adverbs.get(word) == "killed"):
                return "killed"
            if child.dep_ == "prep" and any(g.lower_ in self.lex.fatal for g in child.children):
                return "killed"
            own_args = any(g.dep_ in {"dobj", "nsubj", "nsubjpass"} for g in child.children)
            # "shot and killed"; the headline "shot, killed" (a bare participle clause)
            joined = child.dep_ == "conj" or (child.dep_ == "advcl" and child.tag_ == "VBN")
            if joined and child.pos_ == "VERB" and not own_args:
                other = self.lex.transitive.get(child.lemma_.lower())
                if other in {"killed", "injured"}:
                    return other
        return headline_pair(verb, self.lex) or kind  # "... girl shot, killed"

    def _toll(self, verb: Token) -> tuple[str, Token] | None:
        """The toll noun a verb states the figure of: subject or object of "rose", "stands", "raising"."""
        candidates = [verb] + [c for c in verb.children if c.dep_ in {"nsubj", "dobj", "nsubjpass"}]
        for tok in candidates:
            kind = self.lex.toll_nouns.get(tok.lemma_.lower())
            if kind:
                injury = any(c.lemma_.lower() in {"injury", "casualty"} for c in tok.children)
                return ("injured" if injury else kind), tok
        return None

    def _event_kind(self, noun: Token) -> str:
        """"the death of", "the killing of" → killed; "the shooting of" → casualties unless "fatal"."""
        kind = self.lex.event_nouns[noun.lemma_.lower()]
        if kind == "casualties" and any(c.lower_ in self.lex.fatal_modifiers for c in noun.children):
            return "killed"
        return kind

    def _superset(self, anchor: Token, noun: Token | None) -> Link | None:
        """A figure that is part of a larger one: "including two children", "the dead included three"."""
        lex = self.lex
        head = anchor.head
        whole = head.head if head.dep_ == "prep" else next(
            (c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i != anchor.i), None
        )
        if whole is None or whole.i == anchor.i:
            return None
        kind = lex.predicate_kind(whole) or lex.counted_nouns.get(whole.lemma_.lower())
        if kind:
            return Link(kind, whole, noun, subset=True)
        inner = self._link(whole) if whole.pos_ == "NUM" else self._cue(whole, None)
        if inner is None:
            return None
        return Link(inner.kind, inner.cue, noun, subset=True)

    def _predicate_noun(self, num: Token) -> Token | None:
        """"one of the dead was a child": the noun said of the figure."""
        if num.dep_ in {"nsubj", "nsubjpass"}:
            return next((c for c in num.head.children if c.dep_ in {"attr", "acomp"}), None)
        return next((c for c in num.children if c.dep_ == "appos"), None)

    def _uncounted(self, tok: Token) -> bool:
        """"an unborn child": not a person a toll counts (GVA, ACLED), whatever happened to it."""
        return any(c.lower_ in self.lex.uncounted for c in tok.children if c.dep_ in {"amod", "compound"})

    def _is_victim(self, tok: Token) -> bool:
        return tok.lemma_.lower() in self.lex.victims or tok.lower_ in self.lex.victims

    def _category(self, noun: Token | None) -> str:
        if noun is None:
            return CasualtyCategory.UNKNOWN.value
        return self.lex.victims.get(noun.lower_) or self.lex.victims.get(
            noun.lemma_.lower(), CasualtyCategory.UNKNOWN.value
        )

    def _hypothetical(self, cue: Token, q: Quantity | None) -> bool:
        """"could kill thousands" is a fear, not a figure; "were not killed" with a number is a denial."""
        verb = cue if cue.pos_ in {"VERB", "AUX", "ADJ"} else cue.head
        if verb.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            return True  # "tried to kill", "threatened to kill": an intent
        for child in verb.children:
            if child.dep_ == "aux" and child.lower_ in self.lex.modals:
                return True
            if child.dep_ == "neg" and q is not None and not q.is_zero:
                return True
        return False

    def _tally(self, mention: CasualtyMention, sent: SpacySpan) -> bool:
        """"Russia has lost 30,000 troops": a tally verb in the present perfect."""
        doc = sent.doc
        for tok in doc.char_span(mention.evidence.start, mention.evidence.end, alignment_mode="expand") or []:
            if tok.lemma_.lower() in self.lex.tally_verbs:
                return any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children)
        return False

    # ------------------------------------------------------------------------------------- coordination

    def _coordinated(self, sent: SpacySpan, linked: list, counted: set[int]) -> list[list]:
        """Group figures coordinated under one casualty word: "three children and two adults were found
        dead" is one figure of 5; "a girl and four others were wounded" adds the girl (5). A group is a
        list of (Quantity, Link) pairs and of single victim tokens (each one person)."""
        doc = sent.doc
        groups: dict[tuple, list] = {}
        for q, link in linked:
            anchor = link.noun if link.noun is not None else doc[q.head]
            root = anchor
            while root.dep_ == "conj" and root.head.pos_ in {"NOUN", "NUM", "PROPN", "PRON"}:
                root = root.head
            key = (root.i, link.kind, link.cue.i) if not link.subset else (q.start, link.kind, -1)
            groups.setdefault(key, []).append((q, link))
        result = []
        for (root_i, _kind, cue_i), members in groups.items():
            if cue_i >= 0:
                anchors = {(lk.noun if lk.noun is not None else doc[q.head]).i for q, lk in members}
                for tok in _conjuncts(doc[root_i]):
                    if tok.i not in anchors and tok.i not in counted and self._one_victim(tok):
                        members.append(tok)
                        counted.add(tok.i)
            result.append(members)
        return result

    def _one_victim(self, tok: Token) -> bool:
        """A singular noun or name for one person: "a girl", "the driver", "John Doe"."""
        if any(c.dep_ == "nummod" for c in tok.children) or self._uncounted(tok):
            return False
        return tok.tag_ in {"NN", "NNP"} and (self._is_victim(tok) or tok.ent_type_ == "PERSON")

    def _sum(self, sent: SpacySpan, group: list) -> CasualtyMention:
        doc = sent.doc
        pairs = [member for member in group if not isinstance(member, Token)]
        parts = [m for pair in pairs for m in self._mentions(sent, *pair)]
        singles = [member for member in group if isinstance(member, Token)]
        first, rest = parts[0].count.best, [m.count.best for m in parts[1:]]
        if first is not None and None not in rest and len(rest) > 1 and sum(rest) + len(singles) == first:
            return parts[0]  # "six people, three men and three women": a breakdown, not more people

        def total(values: list[int | None]) -> int | None:
            return None if any(v is None for v in values) else sum(values) + len(singles)

        counts = [m.count for m in parts]
        categories = {c.category for c in counts} | {self._category(t) for t in singles}
        spans = [m.evidence for m in parts] + [_span(sent, t.idx, t.idx + len(t)) for t in singles]
        start, end = min(e.start for e in spans), max(e.end for e in spans)
        figure_spans = [c.evidence for c in counts if c.evidence is not None] + spans[len(parts):]
        fstart, fend = min(e.start for e in figure_spans), max(e.end for e in figure_spans)
        count = Count(
            low=total([c.low for c in counts]),
            best=total([c.best for c in counts]),
            high=total([c.high for c in counts]),
            category=categories.pop() if len(categories) == 1 else CasualtyCategory.UNKNOWN.value,
            text=doc_text(doc)[fstart:fend],
            evidence=_span(sent, fstart, fend),
        )
        return CasualtyMention(kind=parts[0].kind, count=count, evidence=_span(sent, start, end))

    # ------------------------------------------------------------------------------------- records

    def _mentions(self, sent: SpacySpan, q: Quantity, link: Link) -> list[CasualtyMention]:
        doc = sent.doc
        low, best, high = q.low, q.best, q.high
        if link.subset and not q.is_zero:
            low, best, high = (low if low is not None else best), None, None  # a part: at least this many
        category = self._category(link.noun)
        if link.subset and category == CasualtyCategory.UNKNOWN.value:
            category = self._category(self._predicate_noun(doc[q.head]))
        tokens = [q.start, q.end - 1, link.cue.i] + ([link.noun.i] if link.noun is not None else [])
        noun_after = link.noun is not None and link.noun.i > q.head
        figure_end = link.noun.i if noun_after else q.end - 1
        count = Count(
            low=low,
            best=best,
            high=high,
            category=category,
            text=doc[q.start : q.end].text,
            evidence=_span(sent, doc[q.start].idx, doc[figure_end].idx + len(doc[figure_end])),
        )
        start, end = doc[min(tokens)].idx, doc[max(tokens)].idx + len(doc[max(tokens)])
        evidence = _span(sent, start, end)
        if link.kind == "casualties" and q.is_zero:  # "no casualties": nobody killed, nobody injured
            return [CasualtyMention(kind=k, count=count, evidence=evidence) for k in ("killed", "injured")]
        others = not link.subset and not q.is_zero and self._additional(doc, q, link.noun)
        part = partitive_figure(doc[q.head])  # "two of them later died"
        return [CasualtyMention(kind=link.kind, count=count, evidence=evidence, others=others,
                                partitive=part)]

    def _additional(self, doc: Doc, q: Quantity, noun: Token | None) -> bool:
        """"four other victims", "four others", "two more were hurt": people beyond those already told."""
        words = self.lex.additional
        after = doc[q.end] if q.end < len(doc) else None
        if after is not None and after.lower_ in words:
            return True
        if noun is not None and (noun.lower_ in words or any(
            c.lower_ in words for c in noun.children if c.dep_ in {"amod", "advmod"}
        )):
            return True
        return any(c.lower_ in words for c in doc[q.head].children if c.dep_ in {"amod", "advmod"})

    def _singular_victims(self, sent: SpacySpan, counted: set[int]) -> list[CasualtyMention]:
        """"killed a man", "he was shot and killed", "John Doe died": one victim, no number written."""
        lex = self.lex
        found: dict[int, CasualtyMention] = {}  # victim token -> its most specific mention
        rank = {"killed": 0, "injured": 1}
        for verb in sent:
            lemma = verb.lemma_.lower()
            if verb.lower_ in lex.adjectives and verb.dep_ in {"acomp", "oprd", "xcomp"}:
                predicate = verb  # "was found dead", "is dead"
                verb = verb.head
                if verb.lemma_ not in lex.light_verbs:
                    continue
                victim = next((c for c in verb.children if c.dep_ == "dobj"), None) or next(
                    (c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None
                )  # "left a boy dead", "he was found dead"
            elif (
                verb.lower_ in lex.adjectives and verb.dep_ == "amod" and verb.i > verb.head.i
                and verb.head.dep_ == "dobj" and verb.head.head.lemma_ in lex.light_verbs
            ):  # "left a boy dead": the adjective after its noun
                predicate, victim = verb, verb.head
                verb = verb.head.head
            elif lemma in lex.transitive or lemma in lex.intransitive:
                predicate = verb
                victim = self._victim_of(verb)
            elif self._suffered(verb) is not None:  # "a woman suffered a gunshot wound"
                predicate = self._suffered(verb)[1]
                victim = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            elif lemma in lex.event_nouns and verb.pos_ == "NOUN":  # "the fatal shooting of a girl"
                predicate = verb
                victim = next((g for c in verb.children if c.lower_ == "of" for g in c.children
                               if g.dep_ == "pobj"), None)
            elif (
                verb.lower_ in lex.adjectives
                and verb.dep_ in {"amod", "advmod"} and verb.head.dep_ == "ROOT"
            ):
                predicate, victim = verb, verb.head  # headline: "Teen dead after ..."
                verb = verb.head
            else:
                continue
            if victim is None or victim.i in counted or self._hypothetical(verb, None):
                continue
            negated = any(c.dep_ == "neg" for c in verb.children)
            if negated or any(c.dep_ == "nummod" for c in victim.children) or self._uncounted(victim):
                continue
            named = victim.ent_type_ == "PERSON" or (
                victim.pos_ == "PROPN" and not victim.ent_type_ and lemma in lex.name_verbs
            )
            singular = victim.tag_ in {"NN", "NNP"} and (self._is_victim(victim) or named)
            age_noun = victim.lower_ == "old" and any(c.lower_ == "year" for c in victim.subtree)
            if not (singular or age_noun or victim.lower_ in lex.pronouns):
                continue
            if predicate is not verb and predicate.lower_ in lex.adjectives:
                kind = self._refine(predicate, lex.adjectives[predicate.lower_])  # "found shot to death"
            elif lemma in lex.event_nouns and predicate.pos_ == "NOUN":
                kind = self._event_kind(predicate)
            elif lemma in lex.suffer:  # "he suffered a gunshot wound": shot, maybe the one who died
                kind = self._suffered(verb)[0].replace("injured", "casualties")
            else:
                kind = lex.intransitive.get(lemma) or self._refine(verb, lex.transitive[lemma])
            known = found.get(victim.i)  # "he was shot and later died" is one victim, who died
            if known is not None and rank.get(known.kind, 2) <= rank.get(kind, 2):
                continue
            doc = sent.doc
            first, last = min(victim.i, verb.i, predicate.i), max(victim.i, verb.i, predicate.i)
            # "a woman and a child were shot": each coordinated person is one more victim
            n = 1 + sum(1 for t in _conjuncts(victim)[1:] if t.i not in counted and (
                self._one_victim(t) or t.lower_ in lex.pronouns))
            count = Count(low=n, best=n, high=n, category=self._category(victim), text=victim.text,
                          evidence=_span(sent, victim.idx, victim.idx + len(victim)))
            evidence = _span(sent, doc[first].idx, doc[last].idx + len(doc[last]))
            # "then killed himself": the shooter is one more dead beyond the victims told before
            # "a woman was also shot": one more victim than those told before
            beyond = (kind == "killed" and victim.lower_ in lex.reflexive) or also_victim(verb, victim, lex)
            found[victim.i] = CasualtyMention(kind=kind, count=count, evidence=evidence, others=beyond)
        return list(found.values())

    def _then_himself(self, sent: SpacySpan, counted: set[int], before: list) -> list[CasualtyMention]:
        """"killed two people and then himself": the killer's own death (``casualty_parts.then_himself``)."""
        return then_himself(sent, counted, before, self.lex, lambda verb: self._hypothetical(verb, None))

    def _suffered(self, verb: Token) -> tuple[str, Token] | None:
        """"suffered injuries", "sustained a fatal gunshot wound": the kind its subject bears."""
        return suffered(verb, self.lex)

    def _victim_of(self, verb: Token) -> Token | None:
        lemma = verb.lemma_.lower()
        deps = {"nsubj"} if lemma in self.lex.intransitive else {"nsubjpass", "dobj", "nsubj"}
        while True:
            victim = next((c for c in verb.children if c.dep_ in deps - {"nsubj"}), None) or next(
                (c for c in verb.children if c.dep_ in deps & {"nsubj"}), None
            )
            if victim is None and verb.dep_ == "acl" and verb.tag_ == "VBN" and lemma in self.lex.transitive:
                return verb.head  # "Toddler killed in shooting", "a man shot by police": the noun it reduces
            if victim is not None or verb.dep_ != "conj" or verb.head.i == verb.i:
                break
            verb = verb.head  # "he was shot and killed": the subject of the first verb, never its object
            deps = {"nsubjpass"} | ({"nsubj"} if lemma in self.lex.intransitive else set())
        if victim is not None and victim.tag_ == "WP" and verb.dep_ == "relcl":
            return verb.head  # "a woman who was shot": the noun the clause is about
        if victim is not None and victim.dep_ == "nsubj" and lemma in self.lex.transitive:
            if verb.dep_ == "conj" and verb.head.lemma_ in self.lex.light_verbs:
                return victim  # "left a boy dead and a woman wounded"
            headline = (
                victim.pos_ in {"NOUN", "PROPN"}
                and not own_participle(victim, self.lex.predicate_kind)  # "Man charged after girl shot"
                and not any(c.dep_ in {"dobj", "agent", "ccomp", "xcomp"} for c in verb.children)
                and not any(c.dep_ == "det" for c in victim.children)
            )
            return victim if headline else None  # "Woman killed" (headline); "the gunman killed": the killer
        return victim


def _span(sent: SpacySpan, start: int, end: int) -> Span:
    """Evidence ``[start, end)`` inside ``sent``, sliced from the sentence's text: ``Doc.text`` is rebuilt
    from every token on each access, which would make a figure cost as much as the whole document."""
    offset = sent.start_char
    return Span(start=start, end=end, text=sent.text[start - offset : end - offset])


def _number_beside(tok: Token) -> bool:
    """A number right before or after ``tok``: "injured 5", "six injured"."""
    doc = tok.doc
    return any(0 <= i < len(doc) and doc[i].pos_ == "NUM" for i in (tok.i - 1, tok.i + 1))


def _conjuncts(tok: Token) -> list[Token]:
    """``tok`` and every noun coordinated with it ("a woman and two men": woman, men)."""
    found, todo = [], [tok]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(c for c in current.children if c.dep_ == "conj")
    return found


def _derived_injured(sent: SpacySpan, found: list[CasualtyMention]) -> list[CasualtyMention]:
    """"Four people were shot, one fatally": people harmed minus people killed are the injured (3)."""
    kinds = {m.kind for m in found}
    if "casualties" not in kinds or "killed" not in kinds or "injured" in kinds:
        return []
    harmed = max((m for m in found if m.kind == "casualties" and m.count.best is not None),
                 key=lambda m: m.count.best, default=None)
    killed = [  # a bare figure ("one fatally", "killing two") counts some of those harmed
        m for m in found
        if m.kind == "killed" and m.count.best is not None and not m.aggregate
        and m.count.text is not None and parse_number(m.count.text.split()[-1]) is not None
    ]
    if harmed is None or not killed or harmed.aggregate:
        return []
    if harmed.others:  # "one was killed and four other victims": the killed are not among the four
        killed = [m for m in killed if m.evidence.start >= harmed.count.evidence.start]
        if not killed:
            n = harmed.count.best
            count = Count(low=n, best=n, high=n, category=harmed.count.category,
                          evidence=harmed.count.evidence)
            return [CasualtyMention(kind="injured", count=count, evidence=harmed.evidence)]
    dead = max(m.count.best for m in killed)
    if dead > harmed.count.best:
        return []
    start = min(harmed.evidence.start, *(m.evidence.start for m in killed))
    end = max(harmed.evidence.end, *(m.evidence.end for m in killed))
    n = harmed.count.best - dead
    count = Count(low=n, best=n, high=n, category=harmed.count.category, evidence=harmed.count.evidence)
    return [CasualtyMention(kind="injured", count=count, evidence=_span(sent, start, end))]


def casualty_totals(mentions: list[CasualtyMention]) -> tuple[Count, Count]:
    """Killed and injured for one article that tells one incident, from its non-aggregate mentions.

    Within one article the figures are mostly parts and updates of one toll ("he died", "one victim",
    "three people were killed"), not competing estimates, so the total per kind is the largest whole
    figure (parts — "one of the dead", "two critically" — only count when nothing larger is stated).
    Where people harmed are counted ("six people were shot"), the injured are at least the people harmed
    less the killed: the Gun Violence Archive's reading of "shot". A figure of "others" ("a man was shot;
    two other men were wounded") adds to the figure it continues (``_added_up``); the wounded told later to
    have died ("four were wounded; one of them has died") come off the injured (``survivors``). For
    competing estimates of one figure from different sources use ``combine_counts``."""
    own = _added_up([m for m in mentions if not m.aggregate])
    killed = _largest(own, "killed")
    injured = survivors(own, _largest(own, "injured"), casualty_lexicon().injured_words)
    harmed = _largest(own, "casualties")
    dead, shot = _figure(killed) or 0, _figure(harmed)
    if shot is not None and shot > dead and shot - dead > (_figure(injured) or 0):
        n = shot - dead
        injured = Count(low=n, best=n, high=n, category=harmed.category, text=harmed.text,
                        evidence=harmed.evidence)
    return killed, injured


#: What an "others" figure adds to: the nearest earlier figure of these kinds, close enough to be the same
#: passage ("A man was shot. Police said two other men were wounded": 3 hurt).
OTHERS_BASE = {"killed": ("killed",), "injured": ("injured", "casualties"),
               "casualties": ("killed", "injured", "casualties")}
OTHERS_WINDOW = 300  # characters between the figure an "others" figure adds to and that figure


def _added_up(mentions: list[CasualtyMention]) -> list[CasualtyMention]:
    """Each "others" figure as the total it implies: its own people plus the nearest earlier figure it
    continues. Without an earlier figure nearby it stands as written."""
    result: list[CasualtyMention] = []
    for i, m in enumerate(mentions):
        if not m.others or _figure(m.count) is None or m.kind not in OTHERS_BASE:
            result.append(m)
            continue
        base = _others_base(mentions[:i], m)
        if base is None:
            result.append(m)
            continue
        extra = _figure(base.count) or 0
        count = m.count.model_copy(update={k: (v + extra if v is not None else None) for k, v in (
            ("low", m.count.low), ("best", m.count.best), ("high", m.count.high))})
        result.append(m.model_copy(update={"count": count, "others": False}))
    return result


def _others_base(earlier: list[CasualtyMention], m: CasualtyMention) -> CasualtyMention | None:
    """The figure "others" continues: the nearest earlier one it can add to. Injured "others" after a
    death contrast with the dead ("two killed, two others hurt": 2 hurt), so a death in between stops.
    Only one victim told before is continued ("a man was shot; two other men were wounded": 3): after a
    group ("four people were shot ... two other victims fled") "other" mostly sets some of that group
    apart from the rest, and adding would count them twice. A killer who killed himself is one more
    dead whatever the figure before ("killed two children, then himself": 3)."""
    for b in reversed(earlier):
        if m.evidence.start - b.evidence.end > OTHERS_WINDOW or b.evidence.start >= m.evidence.start:
            return None
        if m.kind == "injured" and b.kind == "killed":
            return None
        if not b.others and b.kind in OTHERS_BASE[m.kind] and _figure(b.count) is not None:
            return b if _figure(b.count) == 1 or _reflexive(m) else None
    return None


def _reflexive(m: CasualtyMention) -> bool:
    """A death told of "himself": the killer, never one of the victims counted before."""
    return m.kind == "killed" and (m.count.text or "").lower() in casualty_lexicon().reflexive


def _figure(count: Count) -> int | None:
    return next((v for v in (count.best, count.low, count.high) if v is not None), None)


def _largest(mentions: list[CasualtyMention], kind: str) -> Count:
    """The largest figure; several statements of that same figure are read together ("at least three
    killed" and "three people dead" make low 3 and best 3)."""
    counts = [m.count for m in mentions if m.kind == kind and _figure(m.count) is not None]
    if not counts:
        return Count()
    top = max(_figure(c) for c in counts)
    same = [c for c in counts if _figure(c) == top]
    if len(same) == 1:
        return same[0]
    merged = combine_counts(same)
    return merged.model_copy(update={"text": same[0].text, "evidence": same[0].evidence})
