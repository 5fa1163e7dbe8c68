"""Parties (forces, governments, groups) normalised through warlog/data/actors.yaml."""

from __future__ import annotations

from spacy.tokens import Doc

from warlog.extract.base import Component


class ActorFinder(Component):
    """Parties (forces, governments, groups) normalised through warlog/data/actors.yaml."""

    attr = "actors"

    def match(self, doc: Doc) -> list:
        return []  # placeholder until the component lands
