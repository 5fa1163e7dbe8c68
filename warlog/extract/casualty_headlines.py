"""Headlines in title case ("Two Men Shot Outside Bar", "Child Killed, Father Critical After Shooting")
read as the sentences they are.

The model tags capitalised words as proper nouns and parses such a line as a name ("Men Shot" a person,
"Teen Shot" a compound), so the casualty readers, which follow the parse, miss the figures a headline
gives most plainly. The casualty component therefore re-parses a title-case line in sentence case (the
first letter kept, the rest lower-cased) with the model's own pipes only, reads that, and maps the
figures back onto the original text. Lower-casing keeps every character offset (the line is only
re-parsed where it does), so evidence spans still point into ``doc.text``.

Apart from the readers because it is about which parse to read, not what a parse says; the cost is one
short extra parse per title-case line, a headline or a subhead.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from warlog.schema import CasualtyMention, Span

__all__ = ["TITLE_SHARE", "recased", "shifted", "title_case"]

#: Share of a line's words of 3 letters or more that start with a capital for it to be title case.
TITLE_SHARE = 0.7
#: Longest line (tokens) read as a headline: title-case body text is a list of names, not a headline.
MAX_TOKENS = 25
#: Fewest longer words for the share to mean anything.
MIN_WORDS = 3


def title_case(sent: SpacySpan) -> bool:
    """A line written in title case: most of its words capitalised, and short as headlines are."""
    if len(sent) > MAX_TOKENS:
        return False
    words = [t.text for t in sent if t.is_alpha and len(t.text) >= 3]
    if len(words) < MIN_WORDS:
        return False
    # all capitals is a shout or a transcript, not title case: its figures read no better lower-cased
    return sum(w[0].isupper() and not w.isupper() for w in words) >= TITLE_SHARE * len(words)


def recased(nlp: Language, sent: SpacySpan) -> Doc | None:
    """``sent`` in sentence case, parsed by the model's own pipes (never warlog's: they would run the
    casualty component again). None where lower-casing would move a character offset."""
    text = sent.text
    lowered = text[:1] + text[1:].lower()
    if len(lowered) != len(text):
        return None
    doc = nlp.make_doc(lowered)
    for name, proc in nlp.pipeline:
        if not name.startswith("warlog"):
            doc = proc(doc)
    return doc


def shifted(mention: CasualtyMention, sent: SpacySpan) -> CasualtyMention:
    """A mention read from the re-parsed ``sent``, moved to where ``sent`` starts in its document and
    citing its original (title-case) text."""
    offset, text = sent.start_char, sent.text

    def move(span: Span | None) -> Span | None:
        if span is None:
            return None
        return Span(start=span.start + offset, end=span.end + offset, text=text[span.start : span.end])

    count = mention.count.model_copy(update={"evidence": move(mention.count.evidence)})
    return mention.model_copy(update={"count": count, "evidence": move(mention.evidence)})
