"""Figures tied to their casualty word: a number's path through the parse to "killed", "dead", "deaths",
"the death toll", "fatally", or the complement of a light verb ("left 5 wounded").

Apart because this is the one job of reading a *written number*: the verb whose object or subject it
counts, the adjective predicated of it, the noun it counts, the toll it measures, the larger figure it is
part of ("including two children"). Victims told without a number are read in ``casualty_victims``.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from warlog.extract.casualty_parts import lives_taken, own_participle
from warlog.extract.casualty_states import state_of
from warlog.extract.casualty_words import CasualtyWords

__all__ = ["COMPLEMENT_DEPS", "COUNTING_DEPS", "MODIFIER_DEPS", "FigureLinks", "Link"]

#: Dependency labels by which a number modifies the noun it counts.
COUNTING_DEPS = frozenset({"nummod", "det", "quantmod", "amod", "compound", "nmod"})
#: Dependency labels by which a noun or predicate word describes its head.
MODIFIER_DEPS = frozenset({"amod", "acl", "relcl", "appos"})
#: Dependency labels of a light verb's complements that may carry the casualty word.
COMPLEMENT_DEPS = frozenset({"acomp", "oprd", "xcomp", "advcl", "ccomp", "attr", "amod", "conj", "dobj"})


@dataclass(frozen=True)
class Link:
    """How a figure reached its casualty word."""

    kind: str
    cue: Token
    noun: Token | None = None
    subset: bool = False


class FigureLinks(CasualtyWords):
    """Links a number to the casualty word it counts (``_link``), or to None when it counts something else."""

    def _link(self, num: Token, q_zero: bool = False, start: int | None = None) -> Link | None:
        """Tie the figure headed by ``num`` to a casualty word, or None when it counts something else.
        ``start``: the first token of the figure with its modifiers ("Up to 16")."""
        lex = self.lex
        if start is not None and start < num.i and num.dep_ == "pobj":
            subject = self._prep_subject(num.doc[start])
            if subject is not None:  # "Up to 16 were injured": the modifier parsed as the verb's preposition
                return subject
        anchor, noun = num, None
        of_obj = next(
            (c for p in num.children if p.lower_ == "of" for c in p.children if c.dep_ == "pobj"), None
        )
        if q_zero and of_obj is not None:
            return None  # "none of the victims ..." says something else of them
        for child in num.children:  # "Three dead, two wounded": the figure's own predicate
            if child.dep_ in MODIFIER_DEPS and lex.predicate_kind(child):
                return Link(self._refine(child, lex.predicate_kind(child)), child)
        counted = num.head
        owned = counted.head
        possessor = num.dep_ == "nummod" and counted.dep_ == "poss" and owned.i > counted.i
        if possessor and owned.tag_ == "NNS" and self._is_victim(owned):
            # "two sheriff's deputies": the parser counts the possessor; the deputies are counted
            counted = owned
        if num.dep_ in COUNTING_DEPS and counted.i != num.i and counted.pos_ != "NUM":
            kind = lex.predicate_kind(counted) or lex.counted_nouns.get(counted.lemma_.lower())
            if kind == "casualties" and counted.dep_ in {"nsubj", "nsubjpass"}:  # "one victim died"
                fate = self._cue(counted, counted)  # the fate the victims' own verb tells
                verb = counted.head  # its own verb, or the complement of a light one: "was pronounced dead"
                said = fate is not None and (fate.cue.i == verb.i or (
                    fate.cue.head.i == verb.i and verb.lemma_ in lex.light_verbs))
                if said and fate.kind in {"killed", "injured"}:
                    return fate
            if kind:  # "3 dead", "12 deaths", "59 killed" read as a noun phrase; "Four shot to death"
                return Link(self._refine(counted, kind), counted)
            if not self._is_victim(counted):
                return None
            anchor = noun = counted
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
        state = state_of(num, lex)
        if state is not None and state[0] == "injured":  # "three dead and one in critical condition"
            return Link(state[0], state[1], noun)
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

    def _prep_subject(self, first: Token) -> Link | None:
        """"Up to 16 were injured": the parser hangs the figure's modifier ("Up") on the verb as a
        preposition, leaving the verb with no subject; the figure is then that subject."""
        verb = first.head
        if first.dep_ != "prep" or verb.pos_ != "VERB" or verb.i < first.i or any(
            c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children
        ):
            return None
        dep = "nsubjpass" if any(c.dep_ == "auxpass" for c in verb.children) else "nsubj"
        kind = self._verb_kind(verb, dep, bare=True)
        return Link(self._refine(verb, kind), verb) if kind else None

    def _cue(self, anchor: Token, noun: Token | None) -> Link | None:
        """The casualty word said of the people ``anchor`` stands for: its own modifiers, the verb it is
        an argument of, a toll it measures, or the complement of a light verb ("left", "found", "were")."""
        lex = self.lex
        for child in anchor.children:  # "three people dead", "three people killed", "people who died"
            shooters = child.dep_ == "relcl" and {"nsubj", "dobj"} <= {g.dep_ for g in child.children}
            if child.dep_ in MODIFIER_DEPS and not shooters:  # not "two officers who shot the man"
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
        state = self._state_link(anchor, head, dep, noun)
        if state is not None:  # "two men are in critical condition", "sent four people to the hospital"
            return state
        condition = self._suffered(head) if dep in {"nsubj", "nsubjpass"} else None
        if condition is not None:  # "four men suffered gunshot wounds"
            return Link(condition[0], condition[1], noun)
        if dep == "pobj" and lives_taken(head, lex):  # "claimed the lives of three people"
            return Link("killed", head.head, noun)
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

    def _state_link(self, anchor: Token, head: Token, dep: str, noun: Token | None) -> Link | None:
        """The state the people ``anchor`` counts are told to be in (``casualty_states``): their own
        ("two people in critical condition"), or that of the verb they are subject or object of."""
        state = state_of(anchor, self.lex) if anchor.pos_ != "NUM" else None
        if state is None and dep in {"nsubj", "nsubjpass", "dobj"}:
            state = state_of(head, self.lex)
            carrier = dep == "nsubj" and any(c.dep_ == "dobj" for c in head.children)
            if state is not None and carrier:
                return None  # "two officers took him to the hospital": the carriers are not harmed
        return Link(state[0], state[1], noun) if state is not None else None

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
