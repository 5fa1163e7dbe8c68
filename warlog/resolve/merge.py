"""Group reports of the same incident across documents and compute each incident's consensus.

The algorithm is single-pass and incremental (online clustering): reports are taken in time order; each is
compared (``scoring.score``: log-odds from the merge model in ``warlog/data/merge_weights.yaml``) with the
members of the incidents its block shares (``blocking``), and joins the best one scoring at least
``threshold``, else opens a new incident. Background reports ("In April ...") go last, so they join the
incident they refer to rather than open one before it exists. Reports the store
already attached (``ReportItem.incident_id``) seed their incidents first, so a rerun with new documents only
attaches them: incident ids are stable.

Why greedy rather than global clustering: it is linear in the number of reports (the block bounds the
comparisons), it never moves a report a reviewer has seen to another incident, and its decisions can be
explained pair by pair.
"""

from __future__ import annotations

import gc
import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from statistics import median

from warlog.extract.grading import grade
from warlog.resolve.blocking import BlockIndex
from warlog.resolve.embeddings import Embedder
from warlog.resolve.items import ReportItem
from warlog.resolve.scoring import Vectorizer, score, time_range
from warlog.resolve.weights import EMBEDDINGS_WEIGHTS_FILE, WEIGHTS_FILE, MergeModel, load_model
from warlog.schema import Actor, Count, DatePrec, Incident, Place, ReviewStatus, TimeSpan, Weapon

#: Join the best incident whose log-odds score is at least this (from ``warlog/data/merge_weights.yaml``).
THRESHOLD = load_model().threshold
#: A report scoring at least this with two incidents shows they are one: they merge (``merged_from``).
BRIDGE = load_model().bridge
#: Members compared per incident: the first few tell what the incident is; a cap bounds big incidents.
MAX_MEMBERS_COMPARED = 8


def incident_id(first_report_key: str) -> str:
    """A stable incident id minted from the report that opened it."""
    return "inc-" + hashlib.sha1(first_report_key.encode("utf-8")).hexdigest()[:12]


@dataclass
class _Cluster:
    id: str
    members: list[ReportItem] = field(default_factory=list)
    previous: Incident | None = None  # the stored incident this continues, if any
    changed: bool = False
    merged_into: int | None = None
    merged_from: list[str] = field(default_factory=list)

    @property
    def reviewed(self) -> bool:
        """A reviewer has seen it: its boundaries (a split, a merge) are theirs, never undone by a bridge."""
        return self.previous is not None and self.previous.review_status != ReviewStatus.UNREVIEWED.value


class Resolver:
    """Holds the incidents built so far; ``add`` attaches reports; ``incidents`` gives the consensus."""

    def __init__(
        self,
        *,
        threshold: float | None = None,
        bridge: float | None = None,
        slack_days: int = 1,
        model: MergeModel | None = None,
        embeddings: bool | Embedder = False,
    ) -> None:
        """``embeddings``: also compare MiniLM sentence vectors (the optional ``warlog[embeddings]``
        extra; raises ``EmbeddingsUnavailable`` at once when it is not installed)."""
        self.embedder: Embedder | None = None
        if embeddings:
            self.embedder = embeddings if isinstance(embeddings, Embedder) else Embedder()
            self.embedder.check()
        self.model = model or load_model(EMBEDDINGS_WEIGHTS_FILE if self.embedder else WEIGHTS_FILE)
        self.threshold = self.model.threshold if threshold is None else threshold
        self.bridge = max(self.model.bridge if bridge is None else bridge, self.threshold)
        self.vectorizer = Vectorizer()
        self.blocks = BlockIndex(slack_days, df=self.vectorizer.df)
        self.clusters: list[_Cluster] = []
        self._by_id: dict[str, int] = {}

    def seed(self, items: Iterable[ReportItem], existing: Sequence[Incident] = ()) -> None:
        """Load reports already attached to stored incidents (``item.incident_id`` set)."""
        previous = {inc.id: inc for inc in existing}
        items = list(items)
        self.vectorizer.fit_items(items)
        self._embed(items)
        for item in items:
            assert item.incident_id is not None
            number = self._by_id.get(item.incident_id)
            if number is None:
                number = len(self.clusters)
                self.clusters.append(_Cluster(item.incident_id, previous=previous.get(item.incident_id)))
                self._by_id[item.incident_id] = number
            self._attach(item, number, changed=False)

    def add(self, items: Iterable[ReportItem]) -> None:
        """Attach new reports: foreground first, then background, each in time order.

        The cyclic garbage collector is paused meanwhile: the loop allocates millions of small objects
        and none of them cycles, so full collections only cost time (a third of it at 1M reports)."""
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            self._add(list(items))
        finally:
            if was_enabled:
                gc.enable()

    def _add(self, items: list[ReportItem]) -> None:
        self.vectorizer.fit_items(items)
        for item in items:
            self._vectorise(item)
        self._embed(items)
        for item in sorted(items, key=_order):
            number = self.best_match(item)
            if number is None:
                number = len(self.clusters)
                self.clusters.append(_Cluster(incident_id(item.key)))
                self._by_id[self.clusters[-1].id] = number
            self._attach(item, number, changed=True)

    def _embed(self, items: list[ReportItem]) -> None:
        if self.embedder is None:
            return
        todo = [i for i in items if not i.embedding]
        for item, vector in zip(todo, self.embedder.encode([i.text for i in todo]), strict=True):
            item.embedding = vector

    def _vectorise(self, item: ReportItem) -> None:
        item.vector = self.vectorizer.vector(item.text, publisher=item.publisher)
        item.names = self.vectorizer.names(item.vector, item.text)

    def best_match(self, item: ReportItem) -> int | None:
        """The incident the report belongs to; incidents it bridges (``bridge``) are merged into it first,
        unless a reviewer has seen either of them (a reviewer's split stays split)."""
        scored: list[tuple[float, int]] = []
        model = self.model
        for number in {self._live(n) for n in self.blocks.candidates(item)}:
            cluster = self.clusters[number]
            best_score = max(score(item, m, model) for m in cluster.members[:MAX_MEMBERS_COMPARED])
            if best_score >= self.threshold:
                scored.append((best_score, -number))
        if not scored:
            return None
        scored.sort(reverse=True)
        best = -scored[0][1]
        bridged = sorted(-n for score, n in scored[1:] if score >= self.bridge)
        if self.clusters[best].reviewed:
            bridged = []
        bridged = [n for n in bridged if not self.clusters[n].reviewed]
        if bridged and scored[0][0] >= self.bridge:
            best = min([best, *bridged])  # the oldest incident keeps its id
            for number in sorted({-scored[0][1], *bridged} - {best}):
                self._merge(number, best)
        return best

    def _live(self, number: int) -> int:
        while self.clusters[number].merged_into is not None:
            number = self.clusters[number].merged_into
        return number

    def _merge(self, source: int, target: int) -> None:
        src, dst = self.clusters[source], self.clusters[target]
        dst.members.extend(src.members)
        dst.merged_from.extend([src.id, *src.merged_from])
        dst.changed = True
        src.members, src.merged_into = [], target

    def _attach(self, item: ReportItem, number: int, *, changed: bool) -> None:
        if not item.vector:
            self._vectorise(item)
        cluster = self.clusters[number]
        cluster.members.append(item)
        cluster.changed = cluster.changed or changed
        self.blocks.add(item, number)

    def live(self) -> list[_Cluster]:
        return [c for c in self.clusters if c.merged_into is None]

    def incidents(self, *, changed_only: bool = False) -> list[Incident]:
        return [
            consensus(c.id, c.members, c.previous, merged_from=c.merged_from)
            for c in self.live()
            if c.changed or not changed_only
        ]

    def groups(self) -> list[list[str]]:
        """Report keys per incident (what the bench scores)."""
        return [[m.key for m in c.members] for c in self.live()]


def resolve(
    items: Iterable[ReportItem],
    existing_items: Iterable[ReportItem] = (),
    existing: Sequence[Incident] = (),
    *,
    threshold: float | None = None,
    model: MergeModel | None = None,
    embeddings: bool = False,
) -> list[Incident]:
    """Incidents changed or created by attaching ``items`` to those the ``existing_items`` belong to."""
    resolver = Resolver(threshold=threshold, model=model, embeddings=embeddings)
    resolver.seed(existing_items, existing)
    resolver.add(items)
    return resolver.incidents(changed_only=True)


def _order(item: ReportItem) -> tuple:
    start, _, _ = time_range(item)
    return (item.report.background, start is None, start.timestamp() if start else 0.0, item.key)


# --------------------------------------------------------------------------------------------- consensus


def consensus(
    id_: str,
    members: Sequence[ReportItem],
    previous: Incident | None = None,
    *,
    merged_from: Sequence[str] = (),
) -> Incident:
    """The merged incident: every claim kept with its report, fields agreed across sources."""
    reports = [m.report for m in members]
    foreground = [m for m in members if not m.report.background] or list(members)
    event_type, sub_event_type = _vote_type(foreground)
    claims, claim_reports = [], []
    for m in members:
        for claim in m.report.claims:
            claims.append(claim)
            claim_reports.append(m.key)
    sources = sorted({m.publisher for m in members})
    grading, reasons = grade(claims, sources=len(sources))
    incident = Incident(
        id=id_,
        merged_from=list(dict.fromkeys([*(previous.merged_from if previous else []), *merged_from])),
        report_ids=[m.key for m in members],
        reports=reports,
        claims=claims,
        claim_reports=claim_reports,
        event_type=event_type,
        sub_event_type=sub_event_type,
        place=best_place(foreground),
        time=covering_time(foreground),
        killed=combine(m.report.killed for m in foreground),
        injured=combine(m.report.injured for m in foreground),
        weapons=_unique_weapons(reports),
        actors=_unique_actors(reports),
        sources=sources,
        number_of_sources=len(sources),
        grading=grading,
        grading_reasons=reasons,
        summary=next((r.summary for r in reports if r.summary), None),
    )
    if previous is not None and previous.review_status != "unreviewed":
        incident.review_status = previous.review_status
        if previous.grading == "Discounted":  # a reviewer's call is never recomputed away
            incident.grading = previous.grading
    return incident


def _vote_type(members: Sequence[ReportItem]) -> tuple[str | None, str | None]:
    types = Counter(m.report.event_type for m in members if m.report.event_type)
    if not types:
        return None, None
    event_type = types.most_common(1)[0][0]
    subs = Counter(
        m.report.sub_event_type
        for m in members
        if m.report.event_type == event_type and m.report.sub_event_type
    )
    return event_type, subs.most_common(1)[0][0] if subs else None


def best_place(members: Sequence[ReportItem]) -> Place | None:
    """The most precise resolved place; among equals the one most reports name."""
    places = [m.report.place for m in members if m.report.place is not None]
    if not places:
        return None
    names = Counter((p.geonameid, p.name.lower()) for p in places)
    return min(
        places, key=lambda p: (p.lat is None, p.where_prec or 9, -names[(p.geonameid, p.name.lower())])
    )


def covering_time(members: Sequence[ReportItem]) -> TimeSpan | None:
    """The range covering the credible reports: those stating the time most precisely (not fallbacks)."""
    stated = [
        m.report.time
        for m in members
        if m.report.time is not None and m.report.time.start is not None and not m.report.time.fallback
    ]
    if not stated:
        fallback = [m.report.time for m in members if m.report.time is not None and m.report.time.start]
        return fallback[0] if fallback else None
    best = min(t.date_prec or 9 for t in stated)
    credible = [t for t in stated if (t.date_prec or 9) == best]
    start = min(t.start for t in credible)
    end = max(t.end or t.start for t in credible)
    if len(credible) == 1:
        return credible[0]
    zones = {t.tz for t in credible if t.tz}
    days = {t.value[:10] for t in credible if t.value and len(t.value) >= 10 and t.value[:4].isdigit()}
    return TimeSpan(
        start=start,
        end=end,
        text="; ".join(dict.fromkeys(t.text for t in credible if t.text)),
        date_prec=max(best, DatePrec.of_range(start, end)) if best != 9 else None,
        # the zone and the local day survive when the sources agree on them (the event's local day,
        # ACLED's event_date, is not the UTC day of ``start``)
        tz=zones.pop() if len(zones) == 1 else None,
        value=days.pop() if len(days) == 1 else None,
    )


def combine(counts: Iterable[Count]) -> Count:
    """Across sources: low = the most conservative figure, high = the largest, best = the median best."""
    counts = [c for c in counts if not c.is_empty()]
    if not counts:
        return Count()
    lows = [c.low if c.low is not None else c.best for c in counts]
    highs = [c.high if c.high is not None else c.best for c in counts]
    bests = [c.best for c in counts if c.best is not None]
    low = min((v for v in lows if v is not None), default=None)
    high = max((v for v in highs if v is not None), default=None)
    best = int(median(bests)) if bests else None
    categories = {c.category for c in counts}
    return Count(
        low=low, best=best, high=high, category=categories.pop() if len(categories) == 1 else "unknown"
    )


def _unique_weapons(reports) -> list[Weapon]:
    seen: dict[str, Weapon] = {}
    for r in reports:
        for w in r.weapons:
            seen.setdefault(w.name.lower(), w)
    return list(seen.values())


def _unique_actors(reports) -> list[Actor]:
    seen: dict[str, Actor] = {}
    for r in reports:
        for a in r.actors:
            seen.setdefault((a.entity or a.name).lower(), a)
    return list(seen.values())
