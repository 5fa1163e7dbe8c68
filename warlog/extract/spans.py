"""Helpers to turn spaCy spans / char offsets into ``schema.Span`` evidence."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from warlog.schema import Span

_TEXT_KEY = ("warlog", "text")


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc: spaCy rebuilds it from the tokens on every access, which made
    per-mention evidence cost as much as the whole document."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def char_span(doc: Doc, start: int, end: int) -> Span:
    """Evidence for the characters ``[start, end)`` of the document."""
    return Span(start=start, end=end, text=doc_text(doc)[start:end])


def from_spacy(span: SpacySpan) -> Span:
    """Evidence for a spaCy span (token-aligned)."""
    return Span(start=span.start_char, end=span.end_char, text=span.text)


def evidence_span(sent: SpacySpan, start: int, end: int) -> Span:
    """Evidence ``[start, end)`` inside ``sent``, sliced from the sentence's text: ``Doc.text`` is rebuilt
    from every token on each access, which would make a figure cost as much as the whole document."""
    offset = sent.start_char
    return Span(start=start, end=end, text=sent.text[start - offset : end - offset])
