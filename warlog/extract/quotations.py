"""Quotations beside a cue: the one a cue introduces or follows, the paragraph a "said:" line opens,
and a quotation that continues a quoted claim with no cue of its own.

Why apart from ``claims``: these rules read the text's quote marks (``warlog.extract.quotes``) around a
cue rather than the parse, and keeping them together keeps ``claims`` to the parse rules.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Token

from warlog.extract.claim_spans import trim
from warlog.extract.spans import char_span, doc_text
from warlog.schema import Claim, Span

OPENING_QUOTES = frozenset("“‘\"'«")
MAX_QUOTE_GAP = 200  # characters between a quotation and its cue ("..., Name, the long title, said")
MAX_COLON_LEAD = 40  # characters between a cue and the colon ending its line ("said on Monday:")
MIN_QUOTE_TOKENS = 4
SENTENCE_ENDS = frozenset(".!?:”\"")  # what a short quotation opening a sentence may follow


def quote_containing(quotes, quote_starts, offset: int):
    """The quotation (from ``quotes``, sorted, with their ``quote_starts``) that ``offset`` lies inside."""
    i = bisect_right(quote_starts, offset) - 1
    if i >= 0 and quotes[i][0] < offset < quotes[i][1]:
        return quotes[i]
    return None


def adjacent_quote(doc: Doc, cue: Token, quotes) -> tuple[int, int] | None:
    """The quotation this cue introduces or follows: in the cue's sentence, or just after "said:"."""
    sent = cue.sent
    best = None
    for q_start, q_end in quotes:
        if q_end < sent.start_char - 3:
            continue
        if q_start >= sent.end_char + 2:
            break
        if q_end - q_start < 2 or not is_quotation(doc_text(doc), (q_start, q_end)):
            continue
        if q_start <= cue.idx < q_end:
            return None
        if q_end <= cue.idx:
            gap = doc_text(doc)[q_end : cue.idx]
        else:
            gap = doc_text(doc)[cue.idx + len(cue) : q_start]
            if any(ch in ".!?" for ch in gap):
                continue  # the quotation starts a new sentence of its own
        if len(gap) > MAX_QUOTE_GAP or "\n" in gap and not introduces_paragraph(gap):
            continue
        if best is None or len(gap) < best[0]:
            best = (len(gap), (q_start, q_end))
    return best[1] if best is not None else None


def is_quotation(text: str, quote: tuple[int, int]) -> bool:
    """Whether quote marks enclose somebody's words rather than a scare-quoted term: four words or more,
    or a shorter quotation that opens a sentence (or follows a colon) and closes on its own punctuation
    (“Not one,” she said), the shape of speech; a term inside a sentence ("a “plan,” he said") is not."""
    start, end = quote
    if len(text[start:end].split()) >= MIN_QUOTE_TOKENS:
        return True
    if end - start <= 3 or text[end - 2] not in ",.?!":
        return False
    i = start - 1
    while i >= 0 and text[i].isspace():  # back over the spaces before the opening mark
        if text[i] == "\n":
            return True
        i -= 1
    return i < 0 or text[i] in SENTENCE_ENDS


def introduces_paragraph(gap: str) -> bool:
    """"He said:" closing a line introduces the next paragraph: a colon right before the line break,
    only spaces after it (the quotation opens the next paragraph)."""
    line, _, rest = gap.partition("\n")
    return line.rstrip().endswith(":") and not rest.strip() and len(line) <= MAX_COLON_LEAD


def next_paragraph(doc: Doc, cue: Token) -> Span | None:
    """The paragraph a cue ending its line with a colon introduces ("The report concludes:"), as its
    content; None where the line goes on past the colon."""
    text = doc_text(doc)
    end = cue.idx + len(cue.text)
    line_end = text.find("\n", end)
    if line_end < 0 or not introduces_paragraph(text[end : line_end + 1]):
        return None
    start = line_end
    while start < len(text) and text[start].isspace():
        start += 1
    stop = text.find("\n", start)
    return trim(doc, start, len(text) if stop < 0 else stop)


def continued_quotes(doc: Doc, claims: list[Claim], quotes, taken) -> list[Claim]:
    """A quotation with no cue of its own right after a quoted claim continues that speaker's words."""
    extra: list[Claim] = []
    by_end = sorted((c for c in claims if c.content is not None), key=lambda c: c.content.end)
    for q_start, q_end in quotes:
        if any(a < q_end and q_start < b for a, b in taken):
            continue
        if len(doc_text(doc)[q_start:q_end].split()) < MIN_QUOTE_TOKENS:
            continue
        previous = [c for c in by_end if c.content.end <= q_start and c.content.text[:1] in OPENING_QUOTES]
        if not previous:
            continue
        last = previous[-1]
        between = doc_text(doc)[max(last.content.end, last.cue.end if last.cue else 0) : q_start]
        if len(between) > 120 or "\n\n" in between and len(between) > 4:
            continue
        extra.append(last.model_copy(update={"content": char_span(doc, q_start, q_end), "caveats": []}))
        taken.append((q_start, q_end))
    return extra
