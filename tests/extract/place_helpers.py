"""Places built by hand for the incident-place tests: a text you wrote, the names in it, and the fields a
resolved place would carry (a US settlement unless the test says otherwise)."""

from __future__ import annotations

from warlog.schema import Place, Span


def place_at(text: str, name: str, nth: int = 0, **fields) -> Place:
    """The ``nth`` mention of ``name`` in ``text`` as a resolved place."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    defaults = {"geonameid": 1, "country": "US", "where_prec": 1, "feature_code": "PPL"}
    return Place(name=name, resolved_name=name, evidence=Span(start=start, end=start + len(name), text=name),
                 **(defaults | fields))


def named(text: str, name: str, gid: int, **fields) -> list[Place]:
    """Every mention of ``name`` as the same place (GeoNames id ``gid``)."""
    return [place_at(text, name, nth=i, geonameid=gid, **fields) for i in range(text.count(name))]


def in_order(*groups: list[Place]) -> list[Place]:
    """The mentions of several places in text order, as the places component lists them."""
    return sorted((p for g in groups for p in g), key=lambda p: p.evidence.start)
