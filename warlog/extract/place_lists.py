"""Lists of toponyms: names written side by side ("Oregon and Washington", "Washington, New York and
Boston", "Otoe and Washington counties") are of one kind, so the clear members say what the others are.

Why: "Washington" and "New York" are each a first-level unit and a city of millions; neither the prior nor
the document's countries can tell them apart, as both readings lie in the United States. Writers list like
with like, so a state among the items makes the others states, a city makes them cities, and a plural unit
word after the list ("counties", "states") makes every item that unit. Pure functions over mentions and
their first-pass rankings; the resolver ranks again with the kinds these return.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from warlog.extract.place_mentions import Mention
from warlog.extract.place_readings import big_city_named, within_unit
from warlog.geo.gazetteer import Entry
from warlog.geo.names import lookup_key
from warlog.geo.ranking import ADMIN1, ADMIN2, COUNTRY, SETTLEMENT, own_name

#: what stands between two items of one list ("X, Y", "X and Y", "X, Y, and Z", "X or Y", "X & Y")
_JOINERS = frozenset({",", "and", "or", "&", ", and", ", or"})
_NEXT_WORD = re.compile(r"\s*([^\W\d_]+)")


def both_readings(key: str, ranked: Sequence[tuple[float, Entry]]) -> bool:
    """Whether a name is the own name of a first-level unit and of a city ('Washington', 'New York')."""
    kinds = {e.kind for _, e in ranked if e.kind == ADMIN1 and own_name(e, key) or big_city_named(e, key)}
    return kinds == {ADMIN1, SETTLEMENT}


def list_kinds(
    text: str, mentions: list[Mention], ranked: list[list], words: dict[str, int]
) -> dict[int, tuple[int, ...]]:
    """The kind each listed mention should take (index -> kinds), from the other items of its list. A
    plural unit word after the last item ('counties') types every item; otherwise only a name with both a
    state and a city reading takes the one kind its clear fellow items agree on."""
    out: dict[int, tuple[int, ...]] = {}
    n = len(mentions)
    k = 0
    while k < n:
        stop = k + 1
        while stop < n and text[mentions[stop - 1].end : mentions[stop].start].strip() in _JOINERS:
            stop += 1
        items = range(k, stop)
        after = _NEXT_WORD.match(text, mentions[stop - 1].end)
        typed = words.get(after.group(1).lower()) if after else None
        single = stop - k == 1
        lone = single and typed is not None and after.group(1).islower()
        if typed is not None and (not single or lone and _own_kind(mentions[k], ranked[k], typed)):
            # "Otoe and Washington counties"; alone only in lower case and of a unit of the name itself
            # ("Washington state", never the "Washington State" of a university's name)
            for j in items:
                if mentions[j].kinds is None:
                    out[j] = (typed,)
        elif stop - k > 1:
            # "Washington, D.C.": a unit after a comma that holds a town of the name before it qualifies that
            # name; it is no item of the list, and the name it qualifies needs no list to say what it is
            quals = {j for j in items if j > k and _qualifies(text, mentions, ranked, j)}
            items = [j for j in items if j not in quals and j + 1 not in quals]
            mixed = [j for j in items if ranked[j] and both_readings(lookup_key(mentions[j].name), ranked[j])]
            clear = {
                ranked[j][0][1].kind
                for j in items
                if ranked[j] and j not in mixed and ranked[j][0][1].kind in (ADMIN1, SETTLEMENT)
            }
            if len(clear) == 1:
                kind = clear.pop()
                out.update({j: (kind,) for j in mixed if mentions[j].kinds is None})
        k = stop
    return out


def _qualifies(text: str, mentions: list[Mention], ranked: list[list], j: int) -> bool:
    """Whether mention ``j`` qualifies the one before it: a comma between, a unit holding one of its towns
    ('Washington, D.C.', 'Alexandria, La.'), and no further item after it."""
    if text[mentions[j - 1].end : mentions[j].start].strip() != "," or not ranked[j]:
        return False
    if j + 1 < len(mentions) and text[mentions[j].end : mentions[j + 1].start].strip() in _JOINERS - {","}:
        return False  # "Washington, New York and Boston": an item followed by more items is listed
    unit = ranked[j][0][1]
    if unit.kind not in (ADMIN1, ADMIN2, COUNTRY):
        return False
    return any(
        e.kind == SETTLEMENT and (unit.kind == COUNTRY and e.country == unit.country or within_unit(e, unit))
        for _, e in ranked[j - 1]
    )


def _own_kind(m: Mention, ranked: list, kind: int) -> bool:
    key = lookup_key(m.name)
    return any(e.kind == kind and own_name(e, key) for _, e in ranked)


__all__ = ["both_readings", "list_kinds"]
