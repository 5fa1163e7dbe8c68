"""Sentence-level event cues mapped to ACLED event types and sub-types."""

from __future__ import annotations

from spacy.tokens import Doc

from warlog.extract.base import Component


class EventFinder(Component):
    """Sentence-level event cues mapped to ACLED event types and sub-types."""

    attr = "events"

    def match(self, doc: Doc) -> list:
        return []  # placeholder until the component lands
