"""Weapons named in the text, normalised through warlog/data/weapons.yaml."""

from __future__ import annotations

from spacy.tokens import Doc

from warlog.extract.base import Component


class WeaponFinder(Component):
    """Weapons named in the text, normalised through warlog/data/weapons.yaml."""

    attr = "weapons"

    def match(self, doc: Doc) -> list:
        return []  # placeholder until the component lands
