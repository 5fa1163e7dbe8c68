"""Where a cue sits in the parse, as far as it bears on whether the cue reports a happening.

``EventFinder._irrealis`` climbs from a cue to the words it hangs from, looking for a condition, a modal
or a verb of intent ("threatened to shell"). Some links stop that climb: what lies beyond them does not
make the cue hypothetical. They live here, apart from the scoring in ``events``, so each is tested alone.
"""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["dated_clause", "names_a_thing"]


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
