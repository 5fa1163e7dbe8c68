"""Character spans of an attribution's parts: a token's subtree, a trimmed span, the cue with its
auxiliaries.

Why apart from ``claims``: every attribution rule (verbs, nouns, adjuncts, quotations) cuts its source,
cue and content the same way, so the cutting lives in one small module the rules share. Conventions
follow attribution corpora (PolNeAR, PARC): edge punctuation and a final period are left out, a closing
quote mark the parser left outside a quotation is put back in.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from warlog.extract.spans import char_span, doc_text
from warlog.schema import Span

EDGE_PUNCT = frozenset(",;:—–-―()[]")
CLOSING_QUOTES = frozenset("”’\"'»")
AUXILIARIES = frozenset({"aux", "auxpass", "neg"})
PARTICLES = frozenset({"prt"})
ADVERBS = frozenset({"advmod"})


def subtree(token: Token) -> tuple[int, int]:
    left, right = token.left_edge, token.right_edge
    return left.idx, right.idx + len(right.text)


def speaker_extent(subject: Token) -> tuple[int, int]:
    """The speaker's noun phrase without a relative clause after it ("the senator, who said A, ..."): the
    relative clause is the speaker's own claim or a description, and PolNeAR gives each word one role."""
    start, end = subtree(subject)
    relative = next((c for c in subject.rights if c.dep_ == "relcl"), None)
    if relative is None:
        return start, end
    last = relative.left_edge.i - 1
    while last > subject.i and (subject.doc[last].is_punct or subject.doc[last].is_space):
        last -= 1
    return start, subject.doc[last].idx + len(subject.doc[last].text)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def trim(doc: Doc, start: int, end: int) -> Span | None:
    """Strip whitespace, edge punctuation and a final period (kept when a closing quote follows it)."""
    text = doc_text(doc)
    while start < end and (text[start].isspace() or text[start] in EDGE_PUNCT):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in EDGE_PUNCT or text[end - 1] == "."):
        if text[end - 1] == "." and end - 2 >= start and text[end - 2].isupper() and end - 3 >= start \
                and text[end - 3] == ".":
            break  # an abbreviation such as "U.S."
        end -= 1
    if end < len(text) and text[end] in CLOSING_QUOTES and opens_quote(text, start, end):
        end += 1  # the parser left the closing quote mark on the reporting verb
    if start >= end:
        return None
    return Span(start=start, end=end, text=text[start:end])


def opens_quote(text: str, start: int, end: int) -> bool:
    inner = text[start:end]
    return inner.count("“") > inner.count("”") or inner.count('"') % 2 == 1


def attached(token: Token, cue: Token, deps: frozenset[str]) -> bool:
    return token.head.i == cue.i and token.dep_ in deps


def cue_extent(doc: Doc, cue: Token) -> Span:
    """The cue verb with the auxiliaries and negation right before it and a particle right after; an
    adverb between them stays inside ("did not immediately respond", "has also said")."""
    first = cue.i
    k = cue.i
    while k - 1 >= cue.sent.start and attached(doc[k - 1], cue, AUXILIARIES | ADVERBS):
        k -= 1
        if doc[k].dep_ in AUXILIARIES:
            first = k
    last = cue.i
    if last + 1 < cue.sent.end and attached(doc[last + 1], cue, PARTICLES):
        last += 1
    return char_span(doc, doc[first].idx, doc[last].idx + len(doc[last].text))
