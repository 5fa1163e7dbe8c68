"""``warlog ingest --workers N`` / ``--scheduler ADDRESS``: the driver side of the distributed ingest.

Who does what: the driver reads the inputs (lazily), drops documents already stored (content id, one
query per partition), ships partitions to the workers, and commits each finished partition in one
transaction (``Store.save_extractions``); the workers do the CPU work. Only the driver writes, because
SQLite has one writer and PostgreSQL prefers batched inserts to thousands of small connections.

Why the result is the same database as the single-process path: the workers run the same
``Extractor.prepare`` + ``nlp.pipe`` with the same per-document fallback, the driver saves the same
``Extraction`` records with the same ``origin``, and the resolve step runs afterwards on the driver over
the store, ordered by the store (not by which partition finished first).

Why it is idempotent: nothing is written before a partition's results reach the driver, and a partition
is committed whole; a killed worker's partition is rerun by Dask (``retries``), a killed driver leaves only
committed partitions, and a rerun skips every stored document. A partition that still fails is recorded
as one ``W001`` error per document (``warlog errors``), never dropped.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from distributed import Client

from warlog.errors import InputError
from warlog.ingest.batch import iter_inputs
from warlog.ingest.reader import DocumentInput
from warlog.ingest.validate import MAX_CHARS
from warlog.scale.cluster import MEMORY_LIMIT, connect
from warlog.scale.partition import PARTITION_SIZE, RETRIES, Done, Hook, item_name, run_partitions
from warlog.schema import Document, Extraction, ExtractionError
from warlog.store.repo import Store
from warlog.store.runner import IngestSummary, Progress, resolve_store


def ingest_distributed(
    paths: Iterable[str | Path],
    store: Store,
    client: Client,
    *,
    mapping: Mapping[str, str] | None = None,
    max_chars: int = MAX_CHARS,
    resolve: bool = True,
    partition_size: int = PARTITION_SIZE,
    window: int | None = None,
    retries: int = RETRIES,
    progress: Progress | None = None,
    hook: Hook | None = None,
) -> IngestSummary:
    """Ingest every document under ``paths`` through the workers of ``client`` (see the module docstring).

    The client's workers must have the ``ExtractorPlugin`` (``warlog.scale.connect`` registers it);
    ``max_chars`` here only bounds what the readers load, the workers' extractor validates the text."""
    summary = IngestSummary()
    started = time.perf_counter()
    feeder = _Feeder(store, summary, partition_size)

    def tick() -> None:
        summary.seconds = time.perf_counter() - started
        if progress is not None:
            progress(summary)

    parts = feeder.partitions(iter_inputs(paths, mapping=mapping, max_chars=max_chars))
    for done in run_partitions(client, parts, window=window, retries=retries, hook=hook):
        _commit(store, done, summary, retries)
        feeder.release(done.items)
        tick()
    tick()
    if resolve:
        summary.incidents = len(resolve_store(store))
    summary.seconds = time.perf_counter() - started
    return summary


def ingest_on_cluster(
    paths: Iterable[str | Path],
    store: Store,
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    memory_limit: str = MEMORY_LIMIT,
    language: str | None = None,
    max_chars: int = MAX_CHARS,
    focus: Sequence[str] = (),
    **options,
) -> IngestSummary:
    """Start (``workers``) or join (``scheduler``) a cluster, ingest, and close what was started."""
    with connect(
        workers, scheduler, memory_limit=memory_limit, max_chars=max_chars, language=language, focus=focus
    ) as client:
        return ingest_distributed(paths, store, client, max_chars=max_chars, **options)


class _Feeder:
    """Turns the input stream into partitions of documents not yet stored, lazily.

    Duplicates are caught three ways, all bounded in memory: within the partition being filled, against
    partitions in flight (ids forgotten once committed), and against the store (one query a partition)."""

    def __init__(self, store: Store, summary: IngestSummary, size: int) -> None:
        self.store, self.summary, self.size = store, summary, size
        self.inflight: set[str] = set()

    def partitions(self, stream: Iterable[DocumentInput | InputError]) -> Iterator[list[DocumentInput]]:
        batch: dict[str, DocumentInput] = {}
        for item in stream:
            self.summary.seen += 1
            if isinstance(item, InputError):
                _fail(self.store, self.summary, [
                    ExtractionError(name=item.source or "<input>", code=item.code, message=item.message)
                ])
                continue
            key = Document.content_id(item.text, item.url)
            if key in batch or key in self.inflight:
                self.summary.skipped += 1
                continue
            batch[key] = item
            if len(batch) >= self.size:
                if fresh := self._fresh(batch):
                    yield fresh
                batch = {}
        if batch and (fresh := self._fresh(batch)):
            yield fresh

    def _fresh(self, batch: dict[str, DocumentInput]) -> list[DocumentInput]:
        stored = self.store.stored_ids(batch)
        self.summary.skipped += len(stored)
        fresh = {k: v for k, v in batch.items() if k not in stored}
        self.inflight.update(fresh)
        return list(fresh.values())

    def release(self, items: list[DocumentInput]) -> None:
        self.inflight.difference_update(Document.content_id(i.text, i.url) for i in items)


def _commit(store: Store, done: Done, summary: IngestSummary, retries: int) -> None:
    if done.results is None:
        _fail(store, summary, done.failures(retries))
        return
    extractions = [(r, item_name(i)) for i, r in zip(done.items, done.results, strict=True)
                   if isinstance(r, Extraction)]
    for extraction, added in zip(extractions, store.save_extractions(extractions), strict=True):
        if added:
            summary.added += 1
            summary.reports += len(extraction[0].incidents)
        else:
            summary.skipped += 1
    _fail(store, summary, [r for r in done.results if isinstance(r, ExtractionError)])


def _fail(store: Store, summary: IngestSummary, errors: list[ExtractionError]) -> None:
    for error in errors:
        store.record_error(error)
    summary.failed += len(errors)
    summary.errors.extend(errors)
