"""Victims told without a number: "killed a man", "he was shot and killed", "John Doe died", the
headline "Woman killed", "a woman and a child were shot", "killed two and then himself".

Apart because a lone victim is found from the verb outwards (which noun did the killing happen to?),
the opposite direction from a written figure (``casualty_links``), and needs its own guards: the killer
is not a victim, a named subject of its own reduced clause ("Man charged after girl shot") is not one.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from warlog.extract.casualty_parts import also_victim, own_participle, then_himself
from warlog.extract.casualty_words import CasualtyWords, conjuncts, evidence_span
from warlog.schema import CasualtyMention, Count

__all__ = ["SingleVictims"]


class SingleVictims(CasualtyWords):
    """Counts one victim per person a casualty verb or adjective is said of, where no number is written."""

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
            n = 1 + sum(1 for t in conjuncts(victim)[1:] if t.i not in counted and (
                self._one_victim(t) or t.lower_ in lex.pronouns))
            count = Count(low=n, best=n, high=n, category=self._category(victim), text=victim.text,
                          evidence=evidence_span(sent, victim.idx, victim.idx + len(victim)))
            evidence = evidence_span(sent, doc[first].idx, doc[last].idx + len(doc[last]))
            # "then killed himself": the shooter is one more dead beyond the victims told before
            # "a woman was also shot": one more victim than those told before
            beyond = (kind == "killed" and victim.lower_ in lex.reflexive) or also_victim(verb, victim, lex)
            found[victim.i] = CasualtyMention(kind=kind, count=count, evidence=evidence, others=beyond)
        return list(found.values())

    def _then_himself(self, sent: SpacySpan, counted: set[int], before: list) -> list[CasualtyMention]:
        """"killed two people and then himself": the killer's own death (``casualty_parts.then_himself``)."""
        return then_himself(sent, counted, before, self.lex, lambda verb: self._hypothetical(verb, None))

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
