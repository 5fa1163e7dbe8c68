"""What single words and their children say to the casualty readers: the kind a verb gives its argument,
a shooting made fatal ("shot dead"), a toll noun, a victim's category, a fear rather than a fact.

Apart because every construction reader (figures in ``casualty_links``, lone victims in
``casualty_victims``, records in ``casualty_records``) asks these same questions of a token; the answers
depend only on the token, its children and the lexicon, never on which construction is being read.
``CasualtyWords`` is a mixin: its subclasses set ``self.lex``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from warlog.extract.casualty_lexicon import CasualtyLexicon
from warlog.extract.casualty_parts import (
    died_after,
    headline_pair,
    not_survived,
    suffered,
    survived,
    verb_lemma,
)
from warlog.extract.spans import evidence_span
from warlog.schema import CasualtyCategory, CasualtyMention

if TYPE_CHECKING:
    from warlog.extract.numbers import Quantity

__all__ = ["CasualtyWords", "conjuncts", "evidence_span", "number_beside", "shot_at", "verb_lemma"]


class CasualtyWords:
    """Token questions answered from the casualty lexicon ``self.lex``."""

    lex: CasualtyLexicon

    def _verb_kind(self, verb: Token, dep: str, bare: bool = False) -> str | None:
        """The kind a verb gives the argument in relation ``dep`` to it. ``bare``: the argument is a
        number alone, as in the headline "Four shot outside club" (victims, not shooters)."""
        lex = self.lex
        lemma = verb_lemma(verb, lex)
        if lemma == "lose" and any(c.lemma_ == "life" for c in verb.children):
            return "killed" if dep == "nsubj" else None  # "three soldiers lost their lives"
        if dep == "nsubj" and not_survived(verb, lex):
            return "killed"  # "two of the victims did not survive"
        if lemma in lex.transitive and shot_at(verb):
            return None  # "three people were shot at": fired on, nobody said to be hit
        if lemma in lex.transitive:
            objectless = not any(c.dep_ in {"dobj", "agent"} or c.lower_ == "at" for c in verb.children)
            left_behind = verb.dep_ == "conj" and verb.head.lemma_ in lex.light_verbs  # "left 2 dead, 3 hurt"
            passive_or_reduced = dep == "nsubjpass" or (
                dep == "nsubj" and objectless and (verb.tag_ == "VBN" or left_behind or bare)
            ) or (dep == "nsubj" and self._headline_verb(verb))
            # "killed 2, injured 5", "left one dead and six injured": a bare figure beside the verb
            if dep == "dobj" or passive_or_reduced or (dep == "npadvmod" and bare and number_beside(verb)):
                return lex.transitive[lemma]
        if lemma in lex.intransitive and dep == "nsubj":
            return lex.intransitive[lemma]
        if dep == "nsubj" and verb.pos_ == "ADJ" and verb.lower_ in lex.adjectives:
            return lex.adjectives[verb.lower_]
        return None

    def _headline_verb(self, verb: Token) -> bool:
        """"Four teens shot after party", "Five people shot outside bar": a headline's bare past form
        whose subject are the victims. Read so only with no auxiliary (an active "have shot"), nobody
        shot as object ("shot a man"; "outside bar" misread as one is no person), no "at" (shot at),
        and a subject that is not an assailant (``lex.assailants``: "two gunmen shot")."""
        if verb.tag_ != "VBD" or any(c.dep_ in {"aux", "auxpass", "neg", "agent"} or c.lower_ == "at"
                                     for c in verb.children):
            return False
        if any(c.dep_ == "dobj" and (self._is_victim(c) or c.ent_type_ == "PERSON" or c.pos_ == "PRON")
               and c.nbor(-1).text != ":" for c in verb.children):  # not "...: police" (who says it)
            return False
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        return subject is not None and subject.lemma_.lower() not in self.lex.assailants and (
            subject.lower_ not in self.lex.assailants)

    def _refine(self, verb: Token, kind: str) -> str:
        """A shooting that killed: "shot dead", "shot and killed", "fatally shot", "shot to death", "shot
        and pronounced dead" (a light verb joined to it, with a death adjective); an injury that killed:
        "fatally wounded"."""
        if kind == "injured":
            fatal = any(
                c.lower_ in self.lex.adverbs and self.lex.adverbs[c.lower_] == "killed"
                for c in verb.children
                if c.dep_ == "advmod"
            )
            denied = any(  # "was not fatally wounded" (the "not" is at times hung on "was")
                c.dep_ == "neg" or (c.dep_ in {"aux", "auxpass"} and any(g.dep_ == "neg" for g in c.children))
                for c in verb.children
            )
            return "killed" if fatal and not denied else kind
        if kind != "casualties":
            return kind
        if survived(verb, self.lex):  # "was shot but survived"
            return "injured"
        for child in verb.children:
            word = child.lower_
            near = child.i < verb.i or child.i - verb.i <= 2  # "fatally shot", "shot dead", "shot him dead"
            near = near or (  # "shot his daughter dead"; not "four shot outside club; 1 dead"
                child.dep_ in {"oprd", "acomp", "advcl", "xcomp", "ccomp"} and child.i > verb.i
                and not any(t.text in {",", ";", ":"} for t in verb.doc[verb.i + 1 : child.i])
                and not any(c.dep_ == "nummod" for c in child.children)
            )
            if near and (word in self.lex.fatal or self.lex.adverbs.get(word) == "killed"):
                return "killed"
            if child.dep_ == "prep" and any(g.lower_ in self.lex.fatal for g in child.children):
                return "killed"
            own_args = any(g.dep_ in {"dobj", "nsubj", "nsubjpass"} for g in child.children)
            # "shot and killed"; the headline "shot, killed" (a bare participle clause)
            joined = child.dep_ == "conj" or (child.dep_ == "advcl" and child.tag_ == "VBN") or (
                child.dep_ == "acl" and child.tag_ == "VBN" and child.i == verb.i + 2
                and child.nbor(-1).text == ","
            )  # the headline "17-year-old shot, killed inside house"
            if joined and child.pos_ == "VERB" and not own_args:
                other = self.lex.transitive.get(child.lemma_.lower())
                if other in {"killed", "injured"}:
                    return other
                if child.lemma_.lower() in self.lex.light_verbs and any(  # "shot and pronounced dead"
                    g.dep_ in {"oprd", "acomp"} and self.lex.adjectives.get(g.lower_) == "killed"
                    for g in child.children
                ):
                    return "killed"
        # "... girl shot, killed"; "Teen shot on West Side has died"
        return headline_pair(verb, self.lex) or died_after(verb, self.lex) or kind

    def _toll(self, verb: Token) -> tuple[str, Token] | None:
        """The toll noun a verb states the figure of: subject or object of "rose", "stands", "raising"; or
        the number (``lex.number_nouns``) of a casualty noun: "the number of fatalities"."""
        candidates = [verb] + [c for c in verb.children if c.dep_ in {"nsubj", "dobj", "nsubjpass"}]
        for tok in candidates:
            kind = self.lex.toll_nouns.get(tok.lemma_.lower())
            if kind is None and tok.lemma_.lower() in self.lex.number_nouns:  # "the number of fatalities"
                counted = (g for c in tok.children if c.lower_ == "of" for g in c.children
                           if g.dep_ == "pobj")
                kind = next((self.lex.predicate_kind(g) or self.lex.counted_nouns.get(g.lemma_.lower())
                             for g in counted), None)
                if kind is not None:
                    return kind, tok
            if kind:
                injury = any(c.lemma_.lower() in {"injury", "casualty"} for c in tok.children)
                return ("injured" if injury else kind), tok
        return None

    def _event_kind(self, noun: Token) -> str:
        """"the death of", "the killing of" → killed; "the shooting of" → casualties unless "fatal"; "the
        attempted murder of" → casualties (the victims were attacked, and lived)."""
        kind = self.lex.event_nouns[noun.lemma_.lower()]
        if any(c.dep_ in {"amod", "compound"} and c.lower_ in self.lex.attempts for c in noun.children):
            return "casualties"  # "the attempted murders of five teens": attacked, not dead
        if kind == "casualties" and any(c.lower_ in self.lex.fatal_modifiers for c in noun.children):
            return "killed"
        return kind

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
        if verb.dep_ == "xcomp" and verb.lemma_ != "be" and any(  # not "appears to be the death of"
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
        ):
            return True  # "tried to kill", "threatened to kill": an intent
        first = verb
        while first.dep_ == "conj" and not any(
            c.dep_ in {"aux", "nsubj", "nsubjpass"} for c in first.children
        ):
            first = first.head  # "could have hit her and killed her": the modal of the first verb holds
        if first is not verb and any(c.dep_ == "aux" and c.lower_ in self.lex.modals for c in first.children):
            return True
        denial = q is not None and not q.is_zero and not not_survived(verb, self.lex)  # "did not survive"
        for child in verb.children:
            if child.dep_ == "aux" and child.lower_ in self.lex.modals:
                return True
            if denial and (child.dep_ == "neg" or (  # "were not injured"
                child.dep_ in {"aux", "auxpass"} and any(g.dep_ == "neg" for g in child.children)
            )):
                return True
        return False

    def _tally(self, mention: CasualtyMention, sent: SpacySpan) -> bool:
        """"Russia has lost 30,000 troops": a tally verb in the present perfect."""
        doc = sent.doc
        for tok in doc.char_span(mention.evidence.start, mention.evidence.end, alignment_mode="expand") or []:
            if tok.lemma_.lower() in self.lex.tally_verbs:
                return any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children)
        return False

    def _tally_sentence(self, sent: SpacySpan) -> bool:
        """A sentence that speaks of tallies (``lex.aggregate``: "since February", "so far this year").
        "since" as an adverb right after the auxiliary of a perfect ("he has since died", "has since
        been declared dead") dates a later event, not the start of a count, and is no tally; nor is a
        definite plural ("killed in the shootings", ``_own_events``)."""
        for match in self.lex.aggregate.finditer(sent.text):
            span = sent.char_span(match.start(), match.end())
            tok = span[0] if span is not None and len(span) == 1 else None
            if tok is None:
                return True
            if tok.lower_ == "since":
                perfect = tok.i > 0 and tok.nbor(-1).lemma_ == "have" and not any(
                    True for _ in tok.children)  # "has since died": no object, right after the auxiliary
                if not perfect:
                    return True
            elif not self._own_events(tok):
                return True
        return False

    def _own_events(self, noun: Token) -> bool:
        """"killed in the shootings", "Wednesday's shootings": a plural tally noun made definite
        (``lex.definites``, or a possessive) with no number of its own, not one "of" many and not
        counting its victims ("the shootings of two teenagers" may be two events), names the story's
        events."""
        if noun.tag_ != "NNS" or any(c.dep_ == "nummod" for c in noun.children):
            return False
        if (noun.dep_ == "pobj" and noun.head.lower_ == "of") or any(c.lower_ == "of" for c in noun.children):
            return False  # "one of the shootings"; "the shootings of two teenagers" may be two events
        return any((c.dep_ == "det" and c.lower_ in self.lex.definites) or c.dep_ == "poss"
                   for c in noun.children)

    def _one_victim(self, tok: Token) -> bool:
        """A singular noun or name for one person: "a girl", "the driver", "John Doe"."""
        if any(c.dep_ == "nummod" for c in tok.children) or self._uncounted(tok):
            return False
        return tok.tag_ in {"NN", "NNP"} and (self._is_victim(tok) or tok.ent_type_ == "PERSON")

    def _suffered(self, verb: Token) -> tuple[str, Token] | None:
        """"suffered injuries", "sustained a fatal gunshot wound": the kind its subject bears."""
        return suffered(verb, self.lex)


def shot_at(verb: Token) -> bool:
    """"they were shot at": a stranded "at" (no object of its own) says the shots were aimed, not that
    they hit; "shot at a party" names where."""
    return any(c.lower_ == "at" and not any(True for _ in c.children) for c in verb.children)


def number_beside(tok: Token) -> bool:
    """A number right before or after ``tok``: "injured 5", "six injured"."""
    doc = tok.doc
    return any(0 <= i < len(doc) and doc[i].pos_ == "NUM" for i in (tok.i - 1, tok.i + 1))


def conjuncts(tok: Token) -> list[Token]:
    """``tok`` and every noun coordinated with it ("a woman and two men": woman, men)."""
    found, todo = [], [tok]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(c for c in current.children if c.dep_ == "conj")
    return found
