"""The report being assembled: the segments a document's event sentences are cut into, and the drafts they
are grouped into, with the small position helpers every assembly step shares.

Why a module of its own: places (``incident_places``), times (``incident_times``) and the assembler
(``incidents``) all read and write these; keeping them here lets each of those modules stay one job.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc

from warlog.schema import CasualtyMention, Caveat, Claim, EventMention, Place, Span, TimeSpan


@dataclass
class Segment:
    """The part of a sentence that tells one event."""

    start: int
    end: int
    sentence: tuple[int, int]
    event: EventMention
    place: Place | None = None
    time: TimeSpan | None = None
    background: bool = False


@dataclass
class Draft:
    """A report being assembled."""

    segments: list[Segment] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    caveats: list[Caveat] = field(default_factory=list)
    settled: Place | None = None  # the place chosen over the segments' own (``settle_places``)
    loose: list[CasualtyMention] = field(default_factory=list)  # figures told after it, outside any event

    @property
    def background(self) -> bool:
        return self.segments[0].background

    @property
    def place(self) -> Place | None:
        if self.settled is not None:
            return self.settled
        places = [s.place for s in self.segments if s.place is not None]
        return min(places, key=precision) if places else None

    def covers(self, start: int, end: int) -> int:
        """How many characters of ``[start, end)`` fall inside this report's segments."""
        return sum(max(0, min(end, s.end) - max(start, s.start)) for s in self.segments)


class Sentences:
    """Sentence boundaries by character offset, for quick 'which sentence is this in' lookups."""

    def __init__(self, doc: Doc) -> None:
        self.bounds = [(s.start_char, s.end_char) for s in doc.sents]
        self.starts = [b[0] for b in self.bounds]

    def of(self, char: int) -> tuple[int, int]:
        i = max(0, bisect.bisect_right(self.starts, char) - 1)
        return self.bounds[i]


def precision(place: Place) -> int:
    return place.where_prec if place.where_prec is not None else 99


def inside_any(span: Span | None, regions: list[tuple[int, int]]) -> bool:
    return span is not None and any(lo <= span.start and span.end <= hi for lo, hi in regions)


def same_place(a: Place | None, b: Place | None) -> bool:
    return a is not None and b is not None and a.geonameid == b.geonameid
