"""Helpers to turn spaCy spans / char offsets into ``schema.Span`` evidence."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from warlog.schema import Span


def char_span(doc: Doc, start: int, end: int) -> Span:
    """Evidence for the characters ``[start, end)`` of the document."""
    return Span(start=start, end=end, text=doc.text[start:end])


def from_spacy(span: SpacySpan) -> Span:
    """Evidence for a spaCy span (token-aligned)."""
    return Span(start=span.start_char, end=span.end_char, text=span.text)
