"""Attributions carried by an adjunct instead of a verb of saying: "In a poll released Monday, C",
"In the ministry's words, C", "To many voters, C", "As the memo put it, C".

Why apart from ``claims``: these frames have no reporting verb for the verb rules to start from; the cue
is a preposition (or the idiom "put it") and the whole rest of the sentence is what the source holds.
They are found from the parse alone, and only where the adjunct opens its sentence and a comma closes it
("In a poll, C"), since a preposition inside a clause ("leads in the poll") rarely frames a claim.
The nouns and prepositions are data (``reporting_verbs.yaml``: ``frame_nouns``, ``view_nouns``,
``viewpoint_preps``, ``as_idioms``). Functions here return character ranges; ``claims`` trims them into spans.
"""

from __future__ import annotations

from spacy.tokens import Token

from warlog.extract.stances import ClaimLexicon

Range = tuple[int, int]
# (source range, cue range, content range, the source's head token)
Frame = tuple[Range, Range, Range, Token]

PARTY_LABELS = frozenset({"PERSON", "ORG", "NORP"})
OPENERS = frozenset({"CCONJ", "ADV", "PUNCT", "SPACE"})  # "But in a new poll, ...": words before the adjunct
MAX_OPENERS = 2
RELATIVES = frozenset({"which", "whom", "whose", "that", "what"})


def adjunct_frame(token: Token, lexicon: ClaimLexicon) -> Frame | None:
    """The attribution a sentence-opening prepositional phrase frames, or None: "In a poll released
    Monday, C" (a record: the phrase's noun is the source), "In his words, C" (a possessor's words or
    view) or "To many voters, C" (a party: whose view C is)."""
    if token.pos_ != "ADP" or token.dep_ != "prep":
        return None
    word = token.lower_
    if word not in lexicon.viewpoint_preps and word not in lexicon.frame_prep:
        return None
    obj = next((c for c in token.children if c.dep_ == "pobj"), None)
    if obj is None or obj.lower_ in RELATIVES or not _opens_sentence(token):
        return None
    if not _frames(word, obj, lexicon):
        return None
    last = token.right_edge  # the parser may hang the closing comma on the phrase itself
    comma = last.i if last.text == "," else last.i + 1
    sent = token.sent
    if comma >= sent.end - 1 or token.doc[comma].text != ",":
        return None
    head = token.head
    if head.i < comma or lexicon.lemma(head) is not None:
        return None  # "In a statement, the ministry said C": the verb of saying is the cue
    doc = token.doc
    source = (obj.left_edge.idx, doc[comma].idx)
    content = (doc[comma + 1].idx, sent.end_char)
    return source, (token.idx, token.idx + len(token.text)), content, obj


def _frames(word: str, obj: Token, lexicon: ClaimLexicon) -> bool:
    """Whether the preposition and its object frame a claim: a record ("In a poll"), a possessor's words
    or view ("In his words"), or a party's view ("To the governor")."""
    if word in lexicon.frame_prep:
        if obj.lower_ in lexicon.frame_nouns:
            return True
        return obj.lower_ in lexicon.view_nouns and any(c.dep_ == "poss" for c in obj.children)
    return word in lexicon.viewpoint_preps and _is_party(obj)


def is_as_idiom(token: Token, lexicon: ClaimLexicon) -> bool:
    """An idiom cue ("As the memo put it, C"): the verb with the subordinator "as", a subject and "it"."""
    if token.lemma_.lower() not in lexicon.as_idioms or token.pos_ != "VERB":
        return False
    children = list(token.children)
    return (
        any(c.dep_ == "mark" and c.lower_ == "as" for c in children)
        and any(c.dep_ == "dobj" and c.lower_ == "it" for c in children)
        and any(c.dep_ == "nsubj" for c in children)
    )


def idiom_end(token: Token) -> int:
    """End offset of an idiom cue with its object ("put it")."""
    obj = next((c for c in token.children if c.dep_ == "dobj" and c.i == token.i + 1), None)
    last = obj if obj is not None else token
    return last.idx + len(last.text)


def _opens_sentence(token: Token) -> bool:
    """Whether only a conjunction or an adverb ("But", "Still") comes before the phrase in its sentence."""
    doc, first = token.doc, token.left_edge.i
    k = first
    for _ in range(MAX_OPENERS + 1):  # walk back to the sentence start rather than build the sentence
        if k == 0 or doc[k].is_sent_start:
            return all(doc[j].pos_ in OPENERS for j in range(k, first))
        k -= 1
    return False


def _is_party(obj: Token) -> bool:
    """A person, group or organisation ("To Republicans", "To Ms. Lee", "to him"), not a thing ("To the
    north", "To that end")."""
    if obj.tag_ == "PRP":
        return obj.lower_ not in ("it", "that", "this")
    return obj.ent_type_ in PARTY_LABELS
