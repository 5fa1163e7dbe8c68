"""Victims told by the state the harm left them in, not by a casualty verb: "he is in critical condition",
"a shooting that left a boy in serious condition", "three dead and one in critical condition", "she was
taken to the hospital with minor injuries", "the shooting sent four people to the hospital".

Apart because these phrases carry no casualty word of their own: the harm is read from a preposition
("in" a condition, "with" an injury, "to" a hospital) on the word that tells of the victim, and the victim
is the subject or object that word is said of. Local news tells the wounded this way as often as with
"wounded", and the Gun Violence Archive counts them as injured. The vocabulary is data
(``state_nouns``, ``state_adjectives``, ``hospital_nouns``, ``conveyance_verbs`` in ``casualties.yaml``).

A *figure* so told ("one in critical condition") counts the injured: the people were alive when told,
beside any dead. *One victim* so told counts only as harmed (``casualties``): the one in critical
condition is often the one a later sentence says died, and the article's totals
(``casualty_totals``) then count that person once.
"""

from __future__ import annotations

from spacy.tokens import Token

from warlog.extract.casualty_lexicon import CasualtyLexicon

__all__ = ["age_noun", "multiple_event", "state_of", "state_victim", "survives"]

#: Kinds by preference when one word tells several states ("taken to the hospital in critical condition").
_RANK = {"injured": 0, "casualties": 1}


def state_of(tok: Token, lex: CasualtyLexicon) -> tuple[str, Token] | None:
    """The harm ``tok``'s prepositions tell of the person it is said of, with the word that tells it:
    ("injured", condition) for "in critical condition"; for a conveyance verb (``lex.conveyance_verbs``)
    also (kind, wound) for "with minor injuries" and ("casualties", hospital) for "to the hospital".
    A "fatal" wound is left to the death readers. None when no state is told."""
    found: list[tuple[str, Token]] = []
    conveyed = tok.lemma_.lower() in lex.conveyance_verbs
    for prep, obj in _prep_objects(tok):
        word = obj.lemma_.lower()
        if prep == "in" and word in lex.state_nouns and any(
            c.lower_ in lex.state_adjectives for c in obj.children if c.dep_ in {"amod", "compound"}
        ):
            found.append(("injured", obj))
        elif conveyed and prep == "with" and word in lex.conditions and not _fatal(obj, lex):
            found.append((lex.conditions[word], obj))
        elif conveyed and prep == "to" and _hospital(obj, lex):
            found.append(("casualties", obj))
            # "to the hospital in critical condition", "to the hospital with injuries"
            inner = state_of(obj, lex) if obj.pos_ in {"NOUN", "PROPN"} else None
            if inner is not None and inner[0] == "injured":
                found.append(inner)
            for sub, wound in _prep_objects(obj):
                if sub == "with" and wound.lemma_.lower() in lex.conditions and not _fatal(wound, lex):
                    found.append((lex.conditions[wound.lemma_.lower()], wound))
    if not found:
        return None
    return min(found, key=lambda f: _RANK.get(f[0], 2))


def survives(state: Token, lex: CasualtyLexicon) -> bool:
    """The state word says the victim will live: "stable condition", "minor injuries", "a
    non-life-threatening wound" (``lex.survivor_words`` among the words of its phrase)."""
    return any(t.lower_ in lex.survivor_words for t in state.doc[state.left_edge.i : state.i])


def state_victim(word: Token, lex: CasualtyLexicon) -> Token | None:
    """Whom a state word is said of: the word itself when it names a person ("Child in critical
    condition"), the object of a verb that carries someone ("sent four people to the hospital", "left a
    boy in serious condition"), else its subject ("he is in stable condition", "she was taken to the
    hospital"); a verb joined to another without a subject of its own takes that verb's subject ("he was
    shot and taken to the hospital"). The one who carries ("police took him") is never the victim: the
    object comes first."""
    if word.pos_ in {"NOUN", "PROPN", "NUM"}:
        return word
    obj = next((c for c in word.children if c.dep_ == "dobj" and c.lower_ not in lex.reflexive), None)
    if obj is not None:
        return obj
    verb = word
    while True:
        subject = next((c for c in verb.children if c.dep_ in {"nsubjpass", "nsubj"}), None)
        if subject is not None or verb.dep_ != "conj" or verb.head.i == verb.i:
            break
        verb = verb.head
    return subject


def age_noun(tok: Token, lex: CasualtyLexicon) -> Token | None:
    """"16-year-old shot", "9-month-old dies": the "old" of an age (in ``lex.age_units``) that stands for
    the person, before the word said of it."""
    return next(
        (c for c in tok.children if c.lower_ == "old" and c.i < tok.i
         and c.dep_ in {"amod", "nsubj", "compound"} and any(g.lower_ in lex.age_units for g in c.subtree)),
        None,
    )


def multiple_event(noun: Token, lex: CasualtyLexicon) -> tuple[int, Token] | None:
    """"a triple homicide", "the quadruple shooting": the number of victims an adjective of
    ``lex.multiples`` gives the event noun it qualifies, with that adjective."""
    if noun.lemma_.lower() not in lex.event_nouns:
        return None
    word = next(
        (c for c in noun.children if c.dep_ in {"amod", "compound"} and c.lower_ in lex.multiples), None
    )
    if word is None and noun.head.lemma_.lower() in lex.suicide_nouns and noun.dep_ == "compound":
        # "double murder-suicide"
        word = next((c for c in noun.head.children if c.lower_ in lex.multiples), None)
    if word is None and _murder_suicide(noun, lex):
        return 1, noun  # "a murder-suicide": one victim, and the killer (the caller adds him)
    return (lex.multiples[word.lower_], word) if word is not None else None


def _murder_suicide(noun: Token, lex: CasualtyLexicon) -> bool:
    doc = noun.doc
    return noun.i + 2 < len(doc) and doc[noun.i + 1].text == "-" and doc[noun.i + 2].lemma_.lower() in (
        lex.suicide_nouns) and lex.event_nouns.get(noun.lemma_.lower()) == "killed"


def _prep_objects(tok: Token) -> list[tuple[str, Token]]:
    return [(p.lower_, o) for p in tok.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]


def _hospital(obj: Token, lex: CasualtyLexicon) -> bool:
    """"the hospital", "Christ Medical Center", "UMC Trauma": a hospital noun or a compound before it."""
    return obj.lemma_.lower() in lex.hospital_nouns or any(
        c.lower_ in lex.hospital_nouns for c in obj.children if c.dep_ == "compound"
    )


def _fatal(obj: Token, lex: CasualtyLexicon) -> bool:
    return any(c.lower_ in lex.fatal_modifiers for c in obj.children)
