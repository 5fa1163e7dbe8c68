"""Sentence starts at paragraph breaks, set before the parser runs.

News text puts headlines, datelines and paragraphs on their own lines, often without a final full stop;
the parser then glues a headline to the lead sentence, and one "sentence" holds two events. The parser keeps
boundaries set before it, so this component marks them:

- after a blank line, always;
- after a single line break (HTML extraction separates paragraphs so) when the line before ends in final
  punctuation, or the next line starts with a capital and the line before does not end in a lowercase
  word or a comma (a hard-wrapped sentence usually does).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

FINAL = frozenset({".", "!", "?", ":", '"', "”", "’", "'", ")"})


class ParagraphSplitter:
    """Marks the token after a paragraph break as a sentence start."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        for token in doc[1:-1]:
            if not (token.is_space and "\n" in token.text):
                continue
            nxt = doc[token.i + 1]
            if nxt.is_space:
                continue
            prev = doc[token.i - 1]
            if token.text.count("\n") >= 2 or _ends_line(prev.text) or _starts_line(prev.text, nxt.text):
                nxt.is_sent_start = True
        return doc


def _ends_line(prev: str) -> bool:
    return prev[-1:] in FINAL


def _starts_line(prev: str, nxt: str) -> bool:
    capital = nxt[:1].isupper() or nxt[:1].isdigit()
    return capital and not (prev[:1].islower() or prev == ",")
