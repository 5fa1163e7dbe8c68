"""The tense of the clause a time expression modifies: does "on Friday" look back or ahead?

Apart from ``times`` because it is a reading of the parse, not of the expression: a weekday or a month
without a year means the last one in a past-tense clause ("was shot on Friday") and the next one under a
future auxiliary, a verb of planning or a schedule told in the present ("talks resume Monday"), with the
exceptions news writing makes (the past perfect, "could not be reached", "Tuesday's vote").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from warlog.extract.timerules import FUTURE, PAST
from warlog.extract.timex import TimeLexicon

_PAST_AUX = frozenset({"had", "has", "have", "did", "was", "were"})
_PRESENT_AUX = frozenset({"is", "are", "be", "'s", "'re", "am"})
_SAYING = frozenset({"say", "tell", "report", "claim", "state", "add", "announce", "confirm", "deny"})
_AHEAD = re.compile(r"\bas\s+(?:soon|early|late)\s+as\s+$", re.I)


def clause_tense(
    doc: Doc, start: int, end: int, lex: TimeLexicon, parsed: bool = True, text: str | None = None,
) -> str | None:
    """Past or future of the clause a time expression modifies; None when nothing says.

    Future when the governing verb, or a verb it depends on, has a future auxiliary ("will meet on Friday")
    or is a verb of planning ("were planning to drive on Monday"); past for a past-tense verb."""
    text = doc.text if text is None else text
    if _AHEAD.search(text[max(0, start - 20):start]):  # "as soon as Tuesday"
        return FUTURE
    # "until 9 a.m. Tuesday": the cue stands before the clock time that leads the day
    lead = _CLOCK_LEAD.search(text, max(0, start - 24), start)
    cue_end = lead.start() if lead else start
    before = text[max(0, cue_end - 12) : cue_end].lower().split()
    span = doc.char_span(start, end, alignment_mode="expand")
    if before and before[-1] in lex.ahead_cues:  # "until mid-November", "payable Dec. 15"
        # ... unless the clause is told in the past perfect: "Until Thursday, they had not called him"
        return PAST if parsed and span is not None and len(span) and _past_perfect(span.root) else FUTURE
    if text.startswith(("'s", "’s"), end):  # "Tuesday's vote", "Friday's close": already happened
        return None
    if span is None or not len(span):
        return None
    if parsed:
        tok = span.root
        governs = tok.head if tok.head.dep_ != "prep" else tok.head.head  # "meet (on) Thursday"
        tok = _verb_above(tok)
        verb, past, came_from, infinitive = tok, None, "", False
        for _ in range(3):
            aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
            lemma = verb.lemma_.lower()
            if aux & lex.future_auxiliaries and "have" in aux:
                return PAST  # a modal perfect looks back: "may have been responsible on Wednesday"
            if "could" in aux and _negated(verb):
                return PAST  # "could not be reached Wednesday": a past attempt, not a future one
            planned = lemma in lex.future_verbs and (
                verb.tag_ in ("VB", "VBG", "VBZ", "VBP") or (verb.tag_ == "VBN" and aux & _PRESENT_AUX)
            )
            # "planned to leave on Thursday", "has scheduled a news conference Thursday": the plan, even if
            # made in the past, points ahead -- unless told in the past perfect ("had been scheduled to
            # expire Friday"), in the passive ("the raid was planned on Monday") or with the time first
            # ("On Friday, the government planned to pay"), which dates the planning
            # "the talks, set to resume Monday", "was expected to sign the bill Friday": what a verb of
            # planning governs lies after it
            scheduled = (
                (lemma in lex.scheduling_verbs or (lemma in lex.future_verbs and came_from == "xcomp"))
                and "had" not in aux
                and not _past_perfect(verb.head)  # "had been due to expire Friday"
                and (
                    came_from == "xcomp"
                    or (
                        verb.idx < start
                        and verb.dep_ != "acl"
                        and not any(c.dep_ == "auxpass" for c in verb.children)
                    )
                )
            )
            # "a summit set for April", "the accession was planned for March": what was arranged for a time
            # lies ahead -- unless the sentence tells it in the past ("a service planned for Saturday was
            # canceled"); "a record set on Aug. 6" was no arrangement
            arranged = (
                lemma in lex.future_verbs
                and verb.tag_ == "VBN"
                and came_from == ""
                and text[max(0, start - 4) : start].lower() == "for "
                and (verb.dep_ != "acl" or not _told_in_past(_verb_above(verb.head)))
            )
            if aux & lex.future_auxiliaries or planned or scheduled or arranged:
                return FUTURE
            if verb.i == governs.i and _is_to_come(verb, aux, lex):
                return FUTURE
            participle = verb.tag_ == "VBN" and not aux and verb.dep_ in ("acl", "advcl")
            if (verb.tag_ == "VBD" or aux & _PAST_AUX or participle) and verb.dep_ != "xcomp":
                # the nearest tensed verb decides: "announced Friday, holders would" is past; but what
                # one "has decided to do in March" lies after the decision, so it has no tense here
                return None if came_from == "xcomp" and infinitive else PAST
            infinitive = verb.tag_ == "VB" and "to" in aux
            if past is None:  # "is heard in May" is a passive, not a past
                past = verb.tag_ == "VBD" or bool(aux & _PAST_AUX) or (verb.tag_ == "VBN" and not aux)
            if verb.head is verb or verb.dep_ not in ("xcomp", "ccomp", "advcl", "conj", "acl", "relcl"):
                break
            came_from, verb = verb.dep_, verb.head
        return PAST if past else None
    window = text[max(0, start - 60):start].lower()
    if _AHEAD.search(window):
        return FUTURE
    return FUTURE if re.search(r"\b(?:will|shall)\b|'ll\b", window) else None


_CLOCK_LEAD = re.compile(r"\b\d{1,2}(?:[:.]\d\d)?\s*(?:a\.m\.|p\.m\.|am|pm)(?:\s+[A-Z]{2,4})?,?\s+$", re.I)
_NEGATIONS = frozenset({"not", "n't", "never", "neither", "nor", "no"})


def _verb_above(tok):
    """The nearest verb at or above ``tok``, a few steps up the parse at most."""
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX") or tok.head is tok:
            break
        tok = tok.head
    return tok


def _past_perfect(tok) -> bool:
    """The clause above ``tok`` is told in the past perfect ("they had not called him")."""
    verb = _verb_above(tok)
    return any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)


def _told_in_past(verb) -> bool:
    """The verb is in the simple past or has a past auxiliary ("was canceled")."""
    return verb.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)


def _negated(verb) -> bool:
    """A negation on the verb or its subject: "could not be reached", "Neither he nor ... could be found"."""
    for child in verb.children:
        if child.dep_ == "neg" or (
            child.dep_.startswith("nsubj") and any(t.lower_ in _NEGATIONS for t in child.subtree)
        ):
            return True
    return False


def _is_to_come(verb, aux: set[str], lex: TimeLexicon) -> bool:
    """A scheduled event in the present tense: "is to resume trading Tuesday", "meet separately Monday".

    News writes arrangements in the simple present ("talks resume Monday"); reports of what was said use
    the past ("said Monday"), so a present-tense main verb that is not a verb of saying points ahead."""
    if verb.tag_ == "VB" and "to" in aux and verb.head.lower_ in _PRESENT_AUX:
        return True
    # "Weakness hurt the index on Friday": a verb whose past is spelt as its present says no tense
    return (
        verb.tag_ in ("VBZ", "VBP")
        and verb.dep_ == "ROOT"
        and verb.lemma_.lower() not in _SAYING
        and verb.lower_ not in _PRESENT_AUX
        and not (aux & _PRESENT_AUX)
        and verb.lower_ not in lex.same_form_past
    )
