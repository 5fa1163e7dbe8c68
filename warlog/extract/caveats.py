"""Reporter caveats ("could not be independently verified", "unconfirmed") and which claims they qualify.

Why regular expressions over the text rather than the parse: caveats are fixed phrases with small
variations ("could not immediately be verified"), and one precompiled alternation per kind scans a
document in linear time. The phrases live in ``warlog/data/caveats.yaml``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from warlog.data import load_yaml
from warlog.errors import LexiconError
from warlog.schema import Caveat, Claim, Span

LEXICON = "caveats.yaml"
KINDS = frozenset({"unverified", "unconfirmed", "disputed"})
GAP = r"(?:\s+[\w'’-]+){0,3}"  # what "[...]" in a phrase stands for: up to three words
LOOKBACK_SENTENCES = 2  # a caveat after a claim qualifies claims up to this many sentences back


@dataclass(frozen=True)
class CaveatPatterns:
    """One compiled alternation per caveat kind."""

    patterns: tuple[tuple[str, re.Pattern[str]], ...]

    def find(self, text: str) -> list[Caveat]:
        """Every caveat in ``text``, in text order, overlapping matches dropped."""
        hits: list[tuple[int, int, str]] = []
        for kind, pattern in self.patterns:
            hits.extend((m.start(), m.end(), kind) for m in pattern.finditer(text))
        hits.sort(key=lambda h: (h[0], -h[1]))
        caveats: list[Caveat] = []
        last_end = -1
        for start, end, kind in hits:
            if start < last_end:
                continue
            caveats.append(Caveat(kind=kind, evidence=Span(start=start, end=end, text=text[start:end])))
            last_end = end
        return caveats


def _compile(phrase: str) -> str:
    parts = [re.escape(p.strip()) for p in phrase.split("[...]")]
    body = (GAP + r"\s+").join(parts)
    return body.replace(r"\ ", r"\s+")


@cache
def load_caveat_patterns(name: str = LEXICON) -> CaveatPatterns:
    """Read caveats.yaml once per process; fails naming the entry that is wrong."""
    raw = load_yaml(name)
    entries = raw.get("caveats") if isinstance(raw, dict) else None
    if not isinstance(entries, list):
        raise LexiconError(f"lexicon {name!r} must have a `caveats` list of {{kind, phrases}} entries")
    compiled: list[tuple[str, re.Pattern[str]]] = []
    for entry in entries:
        kind = entry.get("kind") if isinstance(entry, dict) else None
        phrases = entry.get("phrases") if isinstance(entry, dict) else None
        if kind not in KINDS or not phrases:
            raise LexiconError(
                f"lexicon {name!r}: entry {entry!r} needs kind (one of {sorted(KINDS)}) and phrases"
            )
        alternation = "|".join(_compile(str(p)) for p in sorted(phrases, key=len, reverse=True))
        compiled.append((kind, re.compile(rf"\b(?:{alternation})\b", re.IGNORECASE)))
    return CaveatPatterns(tuple(compiled))


def attach_caveats(claims: list[Claim], caveats: list[Caveat], sentence_starts: list[int]) -> None:
    """Give each claim the caveats that qualify it.

    A caveat inside a claim's content qualifies that claim; otherwise it qualifies the claims of its own
    sentence, or, failing those, the claims of the nearest earlier sentence that has any (within
    ``LOOKBACK_SENTENCES``): reporters put "this could not be verified" right after the claim."""

    def sentence_of(offset: int) -> int:
        return bisect_right(sentence_starts, offset) - 1

    by_sentence: dict[int, list[Claim]] = {}
    for claim in claims:
        anchor = claim.cue or claim.source or claim.content
        if anchor is not None:
            by_sentence.setdefault(sentence_of(anchor.start), []).append(claim)
    for caveat in caveats:
        start = caveat.evidence.start
        inside = [c for c in claims if c.content is not None and c.content.start <= start < c.content.end]
        if inside:
            targets = inside
        else:
            index = sentence_of(start)
            targets = []
            for back in range(LOOKBACK_SENTENCES + 1):
                targets = by_sentence.get(index - back, [])
                if targets:
                    break
        for claim in targets:
            claim.caveats.append(caveat)
