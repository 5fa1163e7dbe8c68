"""Attributions: who (source) says (cue) what (content), with stance and modality."""

from __future__ import annotations

from spacy.tokens import Doc

from warlog.extract.base import Component


class ClaimFinder(Component):
    """Attributions: who (source) says (cue) what (content), with stance and modality."""

    attr = "claims"

    def match(self, doc: Doc) -> list:
        return []  # placeholder until the component lands
