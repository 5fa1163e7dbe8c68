"""Killed / injured figures as low/best/high ranges."""

from __future__ import annotations

from spacy.tokens import Doc

from warlog.extract.base import Component


class CasualtyFinder(Component):
    """Killed / injured figures as low/best/high ranges."""

    attr = "casualties"

    def match(self, doc: Doc) -> list:
        return []  # placeholder until the component lands
