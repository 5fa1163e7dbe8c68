"""Toponyms: gazetteer phrase matches that override weak NER labels, resolved to GeoNames."""

from __future__ import annotations

from spacy.tokens import Doc

from warlog.extract.base import Component


class PlaceFinder(Component):
    """Toponyms: gazetteer phrase matches that override weak NER labels, resolved to GeoNames."""

    attr = "places"

    def match(self, doc: Doc) -> list:
        return []  # placeholder until the component lands
