"""An article's killed and injured totals from its mentions: the largest whole figure per kind, "others"
added to the figure they continue, the wounded who later died taken off the injured.

Apart because it works on records, not on the parse: it is the one place that decides how the figures of
a whole article combine into one toll, and ``warlog.extract.incidents`` and the benchmark call it on
mentions from any source. Competing estimates of one figure use ``numbers.combine_counts`` instead.
"""

from __future__ import annotations

import re

from warlog.extract.casualty_lexicon import casualty_lexicon
from warlog.extract.casualty_parts import survivors
from warlog.extract.numbers import combine_counts, first_figure, parse_number
from warlog.schema import CasualtyMention, Count

__all__ = ["OTHERS_BASE", "OTHERS_WINDOW", "casualty_totals"]


def casualty_totals(mentions: list[CasualtyMention]) -> tuple[Count, Count]:
    """Killed and injured for one article that tells one incident, from its non-aggregate mentions.

    Within one article the figures are mostly parts and updates of one toll ("he died", "one victim",
    "three people were killed"), not competing estimates, so the total per kind is the largest whole
    figure (parts — "one of the dead", "two critically" — only count when nothing larger is stated).
    Where people harmed are counted ("six people were shot"), the injured are at least the people harmed
    less the killed: the Gun Violence Archive's reading of "shot". A figure of "others" ("a man was shot;
    two other men were wounded") adds to the figure it continues (``_added_up``); the wounded told later to
    have died ("four were wounded; one of them has died") come off the injured (``survivors``). For
    competing estimates of one figure from different sources use ``combine_counts``."""
    own = _added_up([m for m in mentions if not m.aggregate])
    killed = _largest(own, "killed")
    if first_figure(killed) == 1:
        own = [m for m in own if not _wounded_then_dead(m, own)]
    injured = survivors(own, _largest(own, "injured"), casualty_lexicon().injured_words)
    harmed = _largest(own, "casualties")
    dead, shot = first_figure(killed) or 0, first_figure(harmed)
    if shot is not None and shot > dead and shot - dead > (first_figure(injured) or 0):
        n = shot - dead
        injured = Count(low=n, best=n, high=n, category=harmed.category, text=harmed.text,
                        evidence=harmed.evidence)
    return killed, injured


#: What an "others" figure adds to: the nearest earlier figure of these kinds, close enough to be the same
#: passage ("A man was shot. Police said two other men were wounded": 3 hurt).
OTHERS_BASE = {"killed": ("killed",), "injured": ("injured", "casualties"),
               "casualties": ("killed", "injured", "casualties")}
OTHERS_WINDOW = 300  # characters between the figure an "others" figure adds to and that figure


def _added_up(mentions: list[CasualtyMention]) -> list[CasualtyMention]:
    """Each "others" figure as the total it implies: its own people plus the nearest earlier figure it
    continues. Without an earlier figure nearby it stands as written."""
    result: list[CasualtyMention] = []
    for i, m in enumerate(mentions):
        if not m.others or first_figure(m.count) is None or m.kind not in OTHERS_BASE:
            result.append(m)
            continue
        base = _others_base(mentions[:i], m)
        if base is None:
            result.append(m)
            continue
        extra = first_figure(base.count) or 0
        count = m.count.model_copy(update={k: (v + extra if v is not None else None) for k, v in (
            ("low", m.count.low), ("best", m.count.best), ("high", m.count.high))})
        result.append(m.model_copy(update={"count": count, "others": False}))
    return result


def _others_base(earlier: list[CasualtyMention], m: CasualtyMention) -> CasualtyMention | None:
    """The figure "others" continues: the nearest earlier one it can add to. Injured "others" after a
    death contrast with the dead ("two killed, two others hurt": 2 hurt), so a death in between stops.
    Only one victim told before is continued ("a man was shot; two other men were wounded": 3): after a
    group ("four people were shot ... two other victims fled") "other" mostly sets some of that group
    apart from the rest, and adding would count them twice; but someone "also" shot beside the dead is
    beside them all ("three were killed; a woman was also shot": 4 harmed, so 1 injured). One victim
    told again by the noun of an earlier one is that person again (``_same_victim``). Injured "others"
    do not continue one person told only as shot after one death was told ("one man dead ... Smith was
    shot ... three other men were wounded": 3): that person is mostly the one who died. A killer who
    killed himself is one more dead whatever the figure before ("killed two children, then himself": 3)."""
    if any(_same_victim(m, b) for b in earlier):
        return None
    for b in reversed(earlier):
        if m.evidence.start - b.evidence.end > OTHERS_WINDOW or b.evidence.start >= m.evidence.start:
            return None
        if m.kind == "injured" and b.kind == "killed":
            return None
        if not b.others and b.kind in OTHERS_BASE[m.kind] and first_figure(b.count) is not None:
            if m.kind == "injured" and b.kind == "casualties" and any(  # the one shot is the one dead
                k.kind == "killed" and first_figure(k.count) == 1 for k in earlier
            ):
                return None
            beside_dead = m.kind == "casualties" and b.kind == "killed" and first_figure(m.count) == 1 and (
                _also(m))
            return b if first_figure(b.count) == 1 or _reflexive(m) or beside_dead else None
    return None


def _wounded_then_dead(m: CasualtyMention, mentions: list[CasualtyMention]) -> bool:
    """One person told as injured by the same word as the one person told dead ("a boy was critically
    injured ... the boy died"; "the 3-year-old who was injured ... the 3-year-old has died"): the victim
    who died, not one more who lived. Only where the article tells one death (the caller checks), never
    for one told as another, a second or "also" ("one man was killed and a second man was wounded"), for
    one introduced anew after the death ("killed the girl and injured an 8-year-old girl"), for another
    age ("the 14-year-old died; the 17-year-old was wounded") or for a bare number ("one")."""
    if m.kind != "injured" or m.others or first_figure(m.count) != 1 or _also(m):
        return False
    word = (m.count.text or "").lower()
    if not word.isalpha() or parse_number(word) is not None or word == "old":  # ages: "17-year-old"
        return False
    lex = casualty_lexicon()
    said = m.evidence.text.lower()
    words = set(re.findall(r"[\w-]+", said))
    if words & (lex.additional | set(lex.ordinals)):
        return False
    ages = _ages(said, lex.age_units)
    dead = [k for k in mentions if k.kind == "killed" and first_figure(k.count) == 1 and (
        (k.count.text or "").lower() == word) and not (ages and _ages(k.evidence.text.lower(), lex.age_units)
                                                       - ages)]
    if words & lex.indefinites and any(k.evidence.start < m.evidence.start for k in dead):
        return False  # "killed the girl and injured an 8-year-old girl": a second girl
    return bool(dead)


def _ages(text: str, units: frozenset[str]) -> set[str]:
    """The ages a text tells ("the 14-year-old": 14), by the age units of the lexicon."""
    return {m.group(1) for m in re.finditer(r"(\w+)[- ](\w+?)s?[- ]old\b", text) if m.group(2) in units}


def _same_victim(m: CasualtyMention, base: CasualtyMention) -> bool:
    """One victim told again by the noun of one told before ("her son was wounded ... her son Kodi was
    also wounded", a killer who "killed himself" in the headline and again below): the
    same person, not one more."""
    text, before = (m.count.text or "").lower(), (base.count.text or "").lower()
    if first_figure(m.count) != 1:
        return False
    return bool(text) and text == before and text.isalpha()


def _also(m: CasualtyMention) -> bool:
    """A figure told with "also" ("three were killed; a woman was also shot"): the writer sets these
    people beside every victim told before, the dead of a group as much as one dead person. (Beside a
    group of people shot, "also" mostly names one of that group: "six were shot ... Smith was also
    shot" is six.)"""
    words = casualty_lexicon().also
    return any(w in words for w in m.evidence.text.lower().split())


def _reflexive(m: CasualtyMention) -> bool:
    """A death told of "himself" or of "his own life": the killer, never one of the victims counted before."""
    text = (m.count.text or "").lower()
    return m.kind == "killed" and (text in casualty_lexicon().reflexive or "own" in text.split())


def _largest(mentions: list[CasualtyMention], kind: str) -> Count:
    """The largest figure; several statements of that same figure are read together ("at least three
    killed" and "three people dead" make low 3 and best 3)."""
    counts = [m.count for m in mentions if m.kind == kind and first_figure(m.count) is not None]
    if not counts:
        return Count()
    top = max(first_figure(c) for c in counts)
    same = [c for c in counts if first_figure(c) == top]
    if len(same) == 1:
        return same[0]
    merged = combine_counts(same)
    return merged.model_copy(update={"text": same[0].text, "evidence": same[0].evidence})
