"""Helpers the claims, clauses and adjuncts tests share."""

from __future__ import annotations


def only_claim(doc, stance: str | None = None):
    """The one claim of ``doc`` (of ``stance`` when given); fails listing every claim found otherwise."""
    found = [c for c in doc._.claims if stance is None or c.stance == stance]
    assert len(found) == 1, [c.model_dump() for c in doc._.claims]
    return found[0]
