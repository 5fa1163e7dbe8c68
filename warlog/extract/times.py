"""Time expressions normalised relative to the document's publication time."""

from __future__ import annotations

from spacy.tokens import Doc

from warlog.extract.base import Component


class TimeFinder(Component):
    """Time expressions normalised relative to the document's publication time."""

    attr = "times"

    def match(self, doc: Doc) -> list:
        return []  # placeholder until the component lands
