"""Where a cue's speaker and content sit in the parse: the subject it climbs to, the clause, object or
preposition it governs, a parenthetical's host clause, the noun an object relative hangs from.

Why apart from ``claims``: ``claims`` decides which words are cues and how attributions nest; these
functions only read the dependency tree around one cue, so they are tested through ``claims`` but kept
small and separate. Word lists come from ``reporting_verbs.yaml`` through ``ClaimLexicon``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from warlog.extract.claim_spans import subtree, trim
from warlog.extract.speakers import RELATIVE_PRONOUNS
from warlog.extract.stances import ClaimLexicon
from warlog.schema import Span

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
CLAUSES = frozenset({"ccomp", "xcomp", "parataxis"})
WH_TAGS = frozenset({"WP", "WDT"})
# dependencies a cue's speaker is found above: "went on to say" (xcomp), "and warned" (conj), "..., adding"
# (advcl), "started off by stressing" (pcomp under a preposition, climbed through both)
CLIMB = frozenset({"xcomp", "conj", "advcl", "pcomp", "prep", "advmod", "acomp"})
OBJECT_OF_PREP = frozenset({"pobj", "pcomp"})
PASSIVE_COMPLEMENTS = frozenset({"oprd", "xcomp", "acomp", "attr"})  # "is seen as C", "is expected to C"
MAX_QUESTION_OBJECT = 4  # tokens of an object between a cue and its question ("asked the senator if")


def carried_on(cue: Token, lexicon: ClaimLexicon) -> bool:
    """An infinitive that goes on a subject's own speech ("went on to deny the report", "continued to
    praise X"): the verb above it has a subject, unlike "ways to offer cheaper insurance"."""
    head = cue.head
    return cue.dep_ in ("xcomp", "advcl") and head.pos_ == "VERB" and head.lemma_.lower() in lexicon.carry_on


def intends(cue: Token, head: Token | None, lexicon: ClaimLexicon) -> bool:
    """Whether a verb of will governs a "to"-infinitive that is not itself a no-comment ("declined to
    comment" is read from "comment")."""
    if head is None or head.dep_ != "xcomp" or head.head.i != cue.i or not non_finite(head):
        return False
    return not lexicon.is_no_comment(head)


def non_finite(cue: Token) -> bool:
    """An infinitive, which reports a claim only when it governs a clause ("wanted to say that ...")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in cue.children)


def subject(cue: Token) -> Token | None:
    """The speaker: the cue's subject, or the subject of the verb it hangs from ("..., adding that",
    "began by stressing", "issued a paper welcoming")."""
    token = cue
    for _ in range(6):
        # the subject nearest the verb: with two ("The plan is dead, he said" read as two subjects of
        # "said"), the farther one opens the reported clause
        subject = min((c for c in token.children if c.dep_ in SUBJECTS), key=lambda c: abs(c.i - token.i),
                      default=None)
        if subject is None:
            # the parser sometimes hangs the subject on an auxiliary split off by an adverb
            # ("the military did, however, claim ...": nsubj <- did <-aux- claim)
            auxiliaries = [c for c in token.children if c.dep_ in ("aux", "auxpass") and c.i < token.i]
            subject = next((g for a in auxiliaries for g in a.children if g.dep_ in SUBJECTS), None)
        if subject is not None:
            return subject
        if token.dep_ in CLIMB and token.head.i != token.i:
            token = token.head
            continue
        if token.dep_ == "acl" and token.tag_ == "VBG" and token.head.dep_ in ("dobj", "pobj"):
            token = token.head.head  # "issued a paper welcoming C": the paper's issuer speaks
            continue
        return None
    return None


def discourse_marker(cue: Token, subject: Token | None) -> bool:
    """ "You know, C" / "you see, C": a filler addressed to the listener, not the speaker's claim."""
    return subject is not None and subject.lower_ == "you" and subject.i == cue.i - 1


def subject_outside(cue: Token, quote: tuple[int, int]) -> Token | None:
    """A subject of the cue outside its quotation: the parser may take a quoted clause's subject for the
    cue's own (“... One of the best,” Ann Lee said: both "One" and "Lee" hang on "said")."""
    return next((c for c in cue.children if c.dep_ in SUBJECTS and not quote[0] <= c.idx < quote[1]), None)


def expletive(subject: Token, cue: Token) -> bool:
    """"It was reported that ...": the subject is a placeholder, the claim has no named source."""
    return subject.lower_ == "it" and (subject.dep_ == "nsubjpass" or cue.tag_ == "VBN")


def content_head(cue: Token, lemma: str, lexicon: ClaimLexicon) -> Token | None:
    clause = next((c for c in cue.children if c.dep_ in CLAUSES and not parenthetical(c, lexicon)), None)
    if clause is not None:
        return clause
    relative = next((c for c in cue.children if c.dep_ == "dobj" and c.tag_ in WH_TAGS and c.i < cue.i), None)
    if relative is not None:
        return relative  # "what the senators said": the content is the fronted "what"
    if lemma in lexicon.speech:
        clause = next((c for c in cue.rights if c.dep_ == "advcl" and (is_bare_clause(c)
                                                                        or is_question(c, cue))), None)
        if clause is not None:
            return clause  # "said after the vote he would ...": the parser took the clause for an adverbial
    if cue.dep_ == "parataxis" and cue.head.i != cue.i:
        return None
    if cue.dep_ == "ccomp" and cue.head.i != cue.i:
        return None
    if lemma in lexicon.object_cues:
        obj = next((c for c in cue.children if c.dep_ in ("dobj", "intj", "oprd")), None)
        if obj is not None:
            return obj
    if lemma in lexicon.speech and any(c.dep_ == "dative" for c in cue.children):
        obj = next((c for c in cue.children if c.dep_ == "dobj"), None)
        if obj is not None:
            return obj  # "asked the senator a question", "told them the news": what was said, not to whom
    if lemma in lexicon.speech:
        # "said earlier on Friday during a news conference that ...": the parser hung the clause elsewhere
        for token in cue.doc[cue.i + 1 : min(cue.sent.end, cue.i + 12)]:
            if token.lower_ == "that" and token.dep_ == "mark" and token.head.i > cue.i:
                return token.head
    preps = lexicon.prep_cues.get(lemma)
    if preps:
        prep = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ in preps), None)
        obj = next((c for c in prep.children if c.dep_ in OBJECT_OF_PREP), None) if prep is not None else None
        if obj is not None:
            return obj
        # "calling for the army to leave": the parser made the preposition the mark of a clause
        clause = next((c for c in cue.rights if c.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in preps and m.i < c.i for m in c.children)), None)
        if clause is not None:
            return clause
    if lemma in lexicon.speech and cue.dep_ != "relcl":
        # "joked about moving abroad", "wrote about the account": what a verb of saying is about (in "the
        # things he said about the war" the noun the relative clause hangs from is what was said)
        prep = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ in lexicon.topic_preps
                     and c.i > cue.i), None)
        obj = next((c for c in prep.children if c.dep_ in OBJECT_OF_PREP), None) if prep is not None else None
        if obj is not None:
            return obj
    if lemma in lexicon.speech:
        # "did not say when": a bare wh-word closing the clause is an indirect question; "said so" the
        # pro-form of what was said
        wh = next((c for c in cue.rights if c.dep_ == "advmod" and (c.tag_ == "WRB" or c.lower_ == "so")
                   and c.i == cue.i + 1), None)
        if wh is not None and (wh.lower_ == "so" or wh.i + 1 >= cue.sent.end or cue.doc[wh.i + 1].is_punct):
            return wh
    if lexicon.verb_stance.get(lemma) is not None:
        obj = next((c for c in cue.children if c.dep_ == "dobj"), None)
        if obj is not None:
            return obj
    return None


def parenthetical(clause: Token, lexicon: ClaimLexicon) -> bool:
    """"At one point, she said, the plan changed": a verb of speech with its own subject set off inside
    the sentence is the sentence's attribution, not the content of the verb it hangs from."""
    return clause.dep_ == "parataxis" and (lexicon.lemma(clause) or "") in lexicon.speech and any(
        c.dep_ in SUBJECTS for c in clause.children) and not any(c.dep_ in CLAUSES for c in clause.children)


def is_bare_clause(clause: Token) -> bool:
    """A finite clause with its own subject and no subordinator ("if", "when", "because")."""
    return clause.pos_ in ("VERB", "AUX") and any(c.dep_ in SUBJECTS for c in clause.children) and not any(
        c.dep_ == "mark" or (c.dep_ == "advmod" and c.tag_ == "WRB") for c in clause.children)


def is_question(clause: Token, cue: Token) -> bool:
    """An indirect question right after the cue ("has not said when it will vote"), or after its object
    ("asked him if he would run"): the clause opens with a wh-word, "whether" or "if", which the parser
    read as an adverbial's marker."""
    first = clause.left_edge
    wh = first.tag_ == "WRB" or first.lower_ in ("whether", "if")
    if not wh or first.lower_ == "as":
        return False
    if first.i == cue.i + 1:
        return True
    between = cue.doc[cue.i + 1 : first.i]  # "asked the senator whether": an object, then the question
    return 0 < len(between) <= MAX_QUESTION_OBJECT and all(t.head.i == cue.i or t.head.i in range(
        cue.i + 1, first.i) for t in between) and any(t.dep_ in ("dobj", "dative") for t in between)


def content_span(doc: Doc, cue: Token, head: Token) -> Span | None:
    start, end = subtree(head)
    if head.dep_ in ("dobj", "oprd") and head.i > cue.i:
        # "called the mayor a liar": the object and its predicate ("a liar") after it
        for child in cue.children:
            if child.dep_ == "oprd" and child.i > head.i:
                end = max(end, subtree(child)[1])
        # "accused Russia of shelling ...": the object and the prepositional clause after it
        for child in cue.children:
            if child.dep_ == "prep" and child.i > head.i and child.lower_ in ("of", "for", "as"):
                end = max(end, subtree(child)[1])
    return trim(doc, start, end)


def postposed_speaker(doc: Doc, cue: Token) -> Token | None:
    """"C, the General Staff said": the noun phrase between a comma and a subjectless parenthetical cue
    is its speaker, even where the parser hung it on the clause before (as an apposition)."""
    head = doc[cue.i - 1] if cue.i > 0 else None
    if head is None or head.pos_ not in ("NOUN", "PROPN"):
        return None
    lo = head.left_edge.i
    if lo == 0 or doc[lo - 1].text != "," or head.i - lo > 6:
        return None
    return head


def parenthetical_content(doc: Doc, cue: Token) -> Span | None:
    """"C1, he said, C2": the clause around the parenthetical, its longer side."""
    head = cue.head
    start, end = subtree(head)
    left = trim(doc, start, cue.left_edge.idx)
    right = trim(doc, cue.right_edge.idx + len(cue.right_edge.text), end)
    sides = [s for s in (left, right) if s is not None]
    return max(sides, key=lambda s: s.end - s.start) if sides else None


def antecedent(doc: Doc, cue: Token, subject: Token | None) -> Span | None:
    """The noun an object relative clause hangs from ("the things the senator said", "an offer he
    rebuffed"), as the content: the clause's own subject speaks, its object is the noun it modifies."""
    if cue.dep_ != "relcl" or subject is None or subject.dep_ != "nsubj":
        return None
    if subject.lower_ in RELATIVE_PRONOUNS:
        return None  # "a guard who said": the relative pronoun is the subject, the clause has its own content
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "oprd") for c in cue.children):
        return None
    noun = cue.head
    if noun.i > cue.i or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    return trim(doc, noun.left_edge.idx, noun.idx + len(noun.text))


def passive_view(doc: Doc, cue: Token, subject: Token | None, lexicon: ClaimLexicon):
    """"Twitter is increasingly seen as a source of news", "the union is regarded as liberal", "he was
    criticized for the remark": a passive verb of saying or thinking with no agent reports a view held of
    its subject by people left unnamed. The content is the subject with what is said of it (its "as"
    phrase, predicate or infinitive), as attribution corpora annotate it; None without such a complement,
    where the verb names an act done to the subject ("the list was released")."""
    if subject is None or subject.dep_ != "nsubjpass" or subject.head.i != cue.i or subject.i > cue.i:
        return None
    if subject.lower_ in RELATIVE_PRONOUNS or subject.tag_ in WH_TAGS:
        return None
    if any(c.dep_ == "agent" for c in cue.children):
        return None  # "C was endorsed by X": X speaks (read by ``attributions``)
    if lexicon.lemma(cue) in lexicon.passive_speakers:
        return None
    complement = next((c for c in cue.rights if c.dep_ in PASSIVE_COMPLEMENTS or (
        c.dep_ == "prep" and c.lower_ in lexicon.passive_preps)), None)
    if complement is None:
        return None
    return trim(doc, subject.left_edge.idx, subtree(complement)[1])
