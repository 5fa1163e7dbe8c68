"""Whether a cue the scorer found tells a happening: history, dating clauses, hypotheticals, negations.

Apart from the scoring (``event_scoring``) because these checks are the ``EventFinder``'s only: on whole
snippets they cost the classifier more than they save (measured on CASE 2021), so ``classify_text`` never
calls them. Each reads the parse around one cue and the lexicon's word lists; without a parse nothing is
filtered. The single links that stop a climb up the parse live in ``cue_syntax``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from warlog.extract.cue_syntax import dated_clause, names_a_thing
from warlog.extract.event_lexicon import EventLexicon
from warlog.extract.event_scoring import is_year

__all__ = ["cue_root", "irrealis", "tells_history", "time_anchor"]

#: Words before a past war that make it a yardstick, not the subject ("the worst since World War II").
YARDSTICKS = frozenset({"since", "after", "since the", "after the"})


def tells_history(sent: SpacySpan, lex: EventLexicon) -> bool:
    """Whether a sentence tells history, not news: it names years, all of them before ``history_before``
    ("the Treaty of Portsmouth (1905)"), or names a past war (``history_markers``: "World War II") other
    than as a yardstick ("the largest attack since World War II")."""
    years = [int(tok.text) for tok in sent if tok.like_num and is_year(tok.text)]
    if years and max(years) < lex.history_before:
        return True
    if lex.history_markers is None:
        return False
    return any(
        sent.text[max(0, m.start() - 7) : m.start()].lower().strip() not in YARDSTICKS
        for m in lex.history_markers.finditer(sent.text)
    )


def time_anchor(doc: Doc, start: int, end: int, cued: bytearray, lex: EventLexicon) -> bool:
    """Whether the cue at ``[start, end)`` only dates another happening: it sits in a clause opened by
    a ``background_marks`` word ("a mass grave was found after the troops retreated") whose governing
    verb is no event cue itself ("two died after a missile hit the house" keeps the strike); ``cued``
    marks the tokens of cues that tell an event or harm."""
    tok = cue_root(doc, start, end)
    if tok is None:
        return False
    marks = lex.background_marks
    for _ in range(3):
        if tok.dep_ == "advcl":
            opened = any(c.dep_ == "mark" and c.lower_ in marks for c in tok.children)
            return opened and not cued[tok.head.i]
        if tok.head is tok:
            return False
        tok = tok.head
    return False


def irrealis(doc: Doc, start: int, end: int, lex: EventLexicon) -> bool:
    """Whether the cue at ``[start, end)`` is hypothetical or negated: a conditional ("if ... attacked"),
    a modal ("could strike"), a verb of intent or threat ("threatened to shell") or a negation ("no
    clashes") on the cue or on the two words it hangs from. Needs a parse; without one nothing is."""
    tok = cue_root(doc, start, end)
    if tok is None:
        return False
    words = lex.irrealis
    depth = 0
    asserted_of = False  # a subject is asserted of its verb: "the attack marked ..." keeps the attack
    while depth < 3:
        for child in tok.children:
            low = child.lower_
            if (child.dep_ == "mark" and low in words["marks"]) or (
                child.dep_ == "aux" and low in words["modals"]
            ):
                return True
            if child.dep_ in {"neg", "det"} and low in words["negations"]:
                return True
            if (
                depth < 2
                and child.dep_ == "aux"
                and child.tag_ == "TO"
                and tok.head.lemma_.lower() not in words["aspectual"]
            ):
                return True  # an infinitive: "ready to fight", "to carry out an operation"
        lemma = tok.lemma_.lower()
        if depth and not asserted_of and (lemma in words["verbs"] or lemma in words["heads"]):
            return True
        if tok.head is tok or dated_clause(tok, lex.background_marks) or names_a_thing(tok, words["heads"]):
            break  # "fighting for his life after he was shot", "seek suspects in the shooting"
        if tok.dep_ != "conj":  # "fighting and shelling": the second is judged where the first hangs
            depth += 1
            asserted_of = tok.dep_ in {"nsubj", "nsubjpass", "csubj"}
        tok = tok.head
    return False


def cue_root(doc: Doc, start: int, end: int) -> Token | None:
    """The syntactic head of the cue at ``[start, end)``; None without a parse (nothing can be judged)."""
    if not doc.has_annotation("DEP"):
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None
