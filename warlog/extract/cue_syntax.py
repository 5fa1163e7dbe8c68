"""Where a cue sits in the parse, as far as it bears on whether the cue reports a happening.

``event_filters.irrealis`` climbs from a cue to the words it hangs from, looking for a condition, a modal
or a verb of intent ("threatened to shell"). Some links stop that climb: what lies beyond them does not
make the cue hypothetical. They live here, apart from the scoring in ``event_scoring`` and the filters in
``event_filters``, so each is tested alone. ``strikes_a_person`` reads what a strike verb hits: the scorer
uses it to keep "striking the boy" out of shelling (``person_strikes`` in ``event_cues.yaml``).
"""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["dated_clause", "names_a_thing", "strikes_a_person"]


def dated_clause(tok: Token, marks: frozenset[str]) -> bool:
    """Whether ``tok`` heads an adverbial clause opened by a time word ("after he was shot"): what it tells
    happened whatever the verb it hangs from (a vow or a fight for life does not make it hypothetical)."""
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in marks for c in tok.children)


def names_a_thing(tok: Token, heads: frozenset[str]) -> bool:
    """Whether ``tok`` is the object of a preposition that modifies a noun other than a topic head
    ("suspects in the shooting", "charges in the killing"): the noun it describes, not the verb above it,
    says whether it happened, so a verb of intent there ("police seek suspects") does not reach it."""
    prep = tok.head
    return (
        tok.dep_ == "pobj"
        and prep.dep_ == "prep"
        and prep.head.pos_ in {"NOUN", "PROPN"}
        and prep.head.lemma_.lower() not in heads
    )


def strikes_a_person(tok: Token, persons: frozenset[str]) -> bool:
    """Whether the verb ``tok`` has a person as its object ("striking the boy") or, in the passive, as its
    subject ("a teen was struck by a car", headlines too: "Teen struck by car"): one of ``persons``
    (lemmas or words), a PERSON name or an age ("a 5-year-old"). What is struck says what kind of blow it
    was: a town or a depot is shelled, a boy is hit by a bullet, a fist or a car."""
    if tok.pos_ not in {"VERB", "AUX"}:
        return False
    passive = any(
        child.dep_ == "agent" for child in tok.children
    )  # "struck by": passive with or without "was"
    deps = {"dobj", "nsubjpass", "nsubj"} if passive else {"dobj", "nsubjpass"}
    return any(child.dep_ in deps and _is_person(child, persons) for child in tok.children)


def _is_person(tok: Token, persons: frozenset[str]) -> bool:
    if tok.ent_type_ == "PERSON" or tok.lower_ in persons or tok.lemma_.lower() in persons:
        return True
    # "a 5-year-old": the tokenizer splits it into 5 - year - old, with "old" the head
    return tok.lower_ == "old" and tok.i >= 2 and tok.doc[tok.i - 2].lower_ in {"year", "years"}
