"""Victims told without a number: "killed a man", "he was shot and killed", "John Doe died", the
headline "Woman killed", "a woman and a child were shot", "killed two and then himself".

Apart because a lone victim is found from the verb outwards (which noun did the killing happen to?),
the opposite direction from a written figure (``casualty_links``), and needs its own guards: the killer
is not a victim, a named subject of its own reduced clause ("Man charged after girl shot") is not one.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from warlog.extract.casualty_parts import (
    also_victim,
    lives_taken,
    misread_death,
    not_survived,
    nth_victim,
    own_death,
    own_participle,
    then_himself,
)
from warlog.extract.casualty_states import age_noun, multiple_event, state_of, state_victim, survives
from warlog.extract.casualty_words import CasualtyWords, conjuncts, evidence_span, shot_at, verb_lemma
from warlog.extract.numbers import parse_number
from warlog.schema import CasualtyMention, Count

__all__ = ["SingleVictims"]


#: Parts of speech no casualty predicate is written as (the predicate is a verb, adjective, noun or adverb;
#: "of" alone among the prepositions: "claimed the life of a man"). Skipping them keeps the component cheap.
_NO_PREDICATE = frozenset({"PUNCT", "DET", "CCONJ", "SCONJ", "PART", "NUM", "SPACE", "SYM", "PRON", "ADP"})


class SingleVictims(CasualtyWords):
    """Counts one victim per person a casualty verb or adjective is said of, where no number is written."""

    def _singular_victims(self, sent: SpacySpan, counted: set[int]) -> list[CasualtyMention]:
        """"killed a man", "he was shot and killed", "John Doe died": one victim, no number written."""
        lex = self.lex
        found: dict[int, CasualtyMention] = {}  # victim token -> its most specific mention
        rank = {"killed": 0, "injured": 1}
        for verb in sent:
            if verb.pos_ in _NO_PREDICATE and verb.lower_ != "of":  # cheap: most tokens tell no harm
                continue
            lemma, preset = verb_lemma(verb, lex), None
            participle = lemma in lex.transitive and verb.tag_ in {"VBN", "VBD"}
            shooting = verb.lower_ in lex.adjectives or participle
            shooting = shooting and not any(c.dep_ == "dobj" for c in verb.children)
            if shooting and age_noun(verb, lex) is not None:
                predicate, victim = verb, age_noun(verb, lex)  # headline: "16-year-old shot outside club"
                preset = self._refine(verb, lex.adjectives.get(verb.lower_) or lex.transitive[lemma])
            elif verb.dep_ == "amod" and verb.i < verb.head.i and self._is_victim(verb.head) and (
                self._attributive(verb) is not None
            ):
                predicate, victim, preset = verb, verb.head, self._attributive(verb)  # "the murdered teen"
            elif verb.dep_ == "compound" and verb.tag_ == "NN" and (
                lex.event_nouns.get(lemma) == "killed" and self._is_victim(verb.head)
            ):
                predicate, victim, preset = verb, verb.head, "killed"  # "the homicide victim"
            elif verb.lower_ in lex.adjectives and (
                verb.dep_ in {"acomp", "oprd", "xcomp"} or (verb.dep_ == "ccomp" and verb.pos_ == "ADJ")
            ):
                predicate = verb  # "was found dead", "is dead"
                own = next((c for c in verb.children if c.dep_ == "nsubj"), None)  # "found him dead" (ccomp)
                verb = verb.head
                found_one = own or next((c for c in verb.children if c.dep_ == "dobj"), None)
                if verb.lemma_ not in lex.light_verbs or (predicate.dep_ == "ccomp" and found_one is None):
                    continue  # a "dead" clause of its own says nothing of the finder
                victim = own or next((c for c in verb.children if c.dep_ == "dobj"), None) or next(
                    (c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None
                )  # "left a boy dead", "he was found dead"
                if victim is None and verb.dep_ == "acl":
                    victim = verb.head  # "a boy found fatally shot in the garage"
            elif (
                verb.lower_ in lex.adjectives and verb.dep_ in {"amod", "acl"} and verb.i > verb.head.i
                and verb.head.dep_ == "dobj" and verb.head.head.lemma_ in lex.light_verbs
            ):  # "left a boy dead": the adjective after its noun
                predicate, victim = verb, verb.head
                verb = verb.head.head
            elif verb.lower_ == "of" and lives_taken(verb, lex):  # "claimed the life of a 47-year-old man"
                predicate, preset = verb.head, "killed"
                victim = next((c for c in verb.children if c.dep_ == "pobj"), None)
            elif misread_death(verb, lex) is not None:  # headline "9-month-old dies after ...": a noun
                predicate, preset, victim = verb, "killed", misread_death(verb, lex)
            elif not_survived(verb, lex):  # "was taken to a hospital, but did not survive"
                predicate, preset = verb, "killed"
                victim = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                if victim is None and verb.dep_ == "conj":
                    victim = next((c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            elif lemma in lex.transitive or lemma in lex.intransitive:
                predicate = verb
                victim = self._victim_of(verb)
            elif self._suffered(verb) is not None:  # "a woman suffered a gunshot wound"
                predicate = self._suffered(verb)[1]
                subjects = (c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"})
                victim = next(subjects, None) or age_noun(verb, lex)  # "he was treated for a wound"
                if victim is None and verb.dep_ == "xcomp":  # "a boy was found suffering from a wound"
                    victim = next((c for c in verb.head.children if c.dep_ in {"nsubjpass", "dobj"}), None)
            elif lemma in lex.event_nouns and verb.pos_ == "NOUN":  # "the fatal shooting of a girl"
                predicate = verb
                victim = next((g for c in verb.children if c.lower_ == "of" for g in c.children
                               if g.dep_ == "pobj"), None) or next(  # "the 17-year-old's shooting death"
                    (c for c in verb.children if c.dep_ == "poss" and c.pos_ != "PRON"
                     and lex.event_nouns[lemma] == "killed"), None)  # not "Mother's Day shooting"
            elif (
                verb.lower_ in lex.adjectives
                and verb.dep_ in {"amod", "advmod"} and verb.head.dep_ == "ROOT"
            ):
                predicate, victim = verb, verb.head  # headline: "Teen dead after ..."
                verb = verb.head
            elif verb.lower_ in lex.adjectives and verb.dep_ == "ROOT" and verb.pos_ == "ADJ":
                predicate, preset = verb, lex.adjectives[verb.lower_]  # headline: "Man and child dead in ..."
                victim = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            elif (state := state_of(verb, lex)) is not None:  # "he is in critical condition"
                predicate, victim = state[1], state_victim(verb, lex)
                preset = "injured" if survives(state[1], lex) else "casualties"  # "in stable condition"
            else:
                continue
            if victim is None or victim.i in counted or self._hypothetical(verb, None) or shot_at(verb):
                continue  # "the family was shot at": nobody hit
            denied = any(c.dep_ == "neg" for c in verb.children) and not not_survived(verb, lex)
            negated = denied or any(  # "no other student was hurt"
                c.dep_ == "det" and c.lower_ in lex.negative_determiners for c in victim.children)
            if negated or any(c.dep_ == "nummod" for c in victim.children) or self._uncounted(victim):
                continue
            named = victim.ent_type_ == "PERSON" or (
                victim.pos_ == "PROPN" and not victim.ent_type_ and lemma in lex.name_verbs
            )
            singular = victim.tag_ in {"NN", "NNP"} and (self._is_victim(victim) or named)
            aged = victim.lower_ == "old" and any(c.lower_ in lex.age_units for c in victim.subtree)
            if not (singular or aged or victim.lower_ in lex.pronouns):
                continue
            if preset is not None:
                kind = preset
            elif predicate is not verb and predicate.lower_ in lex.adjectives:
                kind = self._refine(predicate, lex.adjectives[predicate.lower_])  # "found shot to death"
            elif lemma in lex.event_nouns and predicate.pos_ == "NOUN":
                kind = self._event_kind(predicate)
            elif lemma in lex.suffer or lemma in lex.treat or lemma in lex.bear:  # "he suffered a wound"
                kind, wound = self._suffered(verb)
                kind = kind if survives(wound, lex) else kind.replace("injured", "casualties")
            else:
                kind = lex.intransitive.get(lemma) or self._refine(verb, lex.transitive[lemma])
            known = found.get(victim.i)  # "he was shot and later died" is one victim, who died
            if known is not None and rank.get(known.kind, 2) <= rank.get(kind, 2):
                continue
            doc = sent.doc
            also = also_victim(verb, victim, lex)  # "a woman was also shot": cited, so totals can tell
            marks = (victim.i, verb.i, predicate.i) + ((also.i,) if also is not None else ())
            first, last = min(marks), max(marks)
            # "a woman and a child were shot": each coordinated person is one more victim
            root = victim  # "a girl and a woman wounded by gunfire": the clause hangs on the last one
            while root.dep_ == "conj" and root.head.pos_ in {"NOUN", "PROPN"} and self._one_victim(root.head):
                root = root.head
            place = nth_victim(victim, lex) if kind in {"injured", "casualties"} else None
            if place is not None:  # "a fourth victim was also injured": four harmed in all
                kind, also = "casualties", None
            n = place or self._group_size(victim) + sum(1 for t in conjuncts(root) if t.i != victim.i and (
                t.i not in counted and (self._one_victim(t) or t.lower_ in lex.pronouns)))
            count = Count(low=n, best=n, high=n, category=self._category(victim), text=victim.text,
                          evidence=evidence_span(sent, victim.idx, victim.idx + len(victim)))
            evidence = evidence_span(sent, doc[first].idx, doc[last].idx + len(doc[last]))
            # "then killed himself": the shooter is one more dead beyond the victims told before
            # "a woman was also shot": one more victim than those told before
            # but a child who shot himself is the victim already told ("a 9-year-old boy shot himself")
            killer = kind == "killed" and victim.lower_ in lex.reflexive and not self._child_agent(verb)
            beyond = killer or also is not None
            found[victim.i] = CasualtyMention(kind=kind, count=count, evidence=evidence, others=beyond)
        return list(found.values())

    def _multiple_events(self, sent: SpacySpan, counted: set[int]) -> list[CasualtyMention]:
        """"a triple homicide" (3 killed), "a quadruple shooting" (4 shot): victims counted by the event."""
        found = []
        for noun in sent:
            multiple = multiple_event(noun, self.lex) if noun.pos_ == "NOUN" else None
            if multiple is None or noun.i in counted:
                continue
            (n, word), kind = multiple, self._event_kind(noun)
            if noun.i + 2 < len(sent.doc) and sent.doc[noun.i + 1].text == "-" and (
                sent.doc[noun.i + 2].lemma_.lower() in self.lex.suicide_nouns
            ):  # "a double murder-suicide": the killer dies too
                n, noun = n + 1, sent.doc[noun.i + 2]
            counted.add(noun.i)
            start, end = word.idx, noun.idx + len(noun)
            count = Count(low=n, best=n, high=n, text=word.text, evidence=evidence_span(sent, start, end))
            found.append(CasualtyMention(kind=kind, count=count,
                                         evidence=evidence_span(sent, start, end)))
        return found

    def _group_size(self, victim: Token) -> int:
        """How many people one noun stands for: "a family of five" 5, "a couple" 2, anyone else 1."""
        if victim.lemma_.lower() not in self.lex.groups:
            return 1
        size = next((parse_number(o.text) for p in victim.children if p.lower_ == "of" for o in p.children
                     if o.dep_ == "pobj" and o.pos_ == "NUM"), None)
        return size or self.lex.groups[victim.lemma_.lower()] or 1

    def _attributive(self, word: Token) -> str | None:
        """"the murdered teen", "the dead man": a death said of a person by a word before it. "the
        wounded teen" is one harmed (``casualties``): such a victim is often the one who later died."""
        if word.tag_ not in {"VBN", "JJ"}:
            return None  # "Man Charged With Killing Son": a headline's gerund
        kind = self.lex.adjectives.get(word.lower_) or (
            self.lex.transitive.get(word.lemma_.lower()) if word.tag_ == "VBN" else None
        )
        kind = self._refine(word, kind) if kind in {"killed", "injured"} else None
        return "casualties" if kind == "injured" else kind

    def _child_agent(self, verb: Token) -> bool:
        """The one who did it is a child ("a 9-year-old boy fatally shot himself"): a child's death by
        his own hand is an accident, the victim the story is about, not a killer beyond his victims."""
        while True:
            agent = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if agent is not None or verb.dep_ not in {"conj", "relcl"} or verb.head.i == verb.i:
                break
            verb = verb.head
        if agent is not None and agent.tag_ == "WP" and verb.dep_ == "relcl":
            agent = verb.head  # "his son, who killed himself"
        return agent is not None and self._category(agent) == "children"

    def _then_himself(self, sent: SpacySpan, counted: set[int], before: list) -> list[CasualtyMention]:
        """"killed two people and then himself": the killer's own death (``casualty_parts.then_himself``)."""
        hypothetical = lambda verb: self._hypothetical(verb, None)  # noqa: E731
        found = then_himself(sent, counted, before, self.lex, hypothetical)
        return found + own_death(sent, counted, before + found, self.lex, hypothetical)

    def _victim_of(self, verb: Token) -> Token | None:
        lemma = verb_lemma(verb, self.lex)
        deps = {"nsubj"} if lemma in self.lex.intransitive else {"nsubjpass", "dobj", "nsubj"}
        while True:
            objects = [c for c in verb.children if c.dep_ in deps - {"nsubj"}]  # "killed Columbia teen"
            victim = next((c for c in objects if self._is_victim(c)), None) or next(iter(objects), None)
            victim = victim or next((c for c in verb.children if c.dep_ in deps & {"nsubj"}), None)
            if victim is None and verb.dep_ == "acl" and verb.tag_ == "VBN" and lemma in self.lex.transitive:
                return verb.head  # "Toddler killed in shooting", "a man shot by police": the noun it reduces
            found = verb.head if verb.dep_ == "xcomp" and verb.head.lemma_ in self.lex.light_verbs else None
            if victim is None and found is not None and verb.tag_ == "VBN":  # "a boy found fatally shot"
                return found.head if found.dep_ == "acl" else next(
                    (c for c in found.children if c.dep_ in {"dobj", "nsubjpass"}), None)
            if victim is not None or verb.dep_ != "conj" or verb.head.i == verb.i:
                break
            verb = verb.head  # "he was shot and killed": the subject of the first verb, never its object
            deps = {"nsubjpass"} | ({"nsubj"} if lemma in self.lex.intransitive else set())
        if victim is not None and victim.tag_ == "WP" and verb.dep_ == "relcl":
            return verb.head  # "a woman who was shot": the noun the clause is about
        if victim is not None and victim.tag_ == "WP" and verb.dep_ == "ccomp" and verb.head.dep_ == "relcl":
            return verb.head.head  # "a boy who police say was shot"
        if victim is not None and victim.dep_ == "nsubj" and lemma in self.lex.transitive:
            aged = next((c for c in verb.children if c.i > verb.i and c.lower_ == "old" and any(
                g.lower_ in self.lex.age_units for g in c.subtree)), None)
            if aged is not None:
                return aged  # "man kills 4-month-old": the age after the verb is its object
            if verb.dep_ == "conj" and verb.head.lemma_ in self.lex.light_verbs:
                return victim  # "left a boy dead and a woman wounded"
            if verb.dep_ == "ccomp" and verb.tag_ == "VBN" and verb.head.lemma_ in self.lex.light_verbs:
                return victim  # "they found a man shot to death"
            headline = (
                victim.pos_ in {"NOUN", "PROPN"}
                and not own_participle(victim, self.lex.predicate_kind)  # "Man charged after girl shot"
                and not any(c.dep_ in {"dobj", "agent", "ccomp", "xcomp"} for c in verb.children)
                and not any(c.dep_ == "det" for c in victim.children)
            )
            return victim if headline else None  # "Woman killed" (headline); "the gunman killed": the killer
        return victim
