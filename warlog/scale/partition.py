"""Partitions of documents: the task a worker runs on one, and the bounded window that feeds the cluster.

Why partitions of ~100 documents: one task per document would drown the scheduler in tiny tasks (each
costs ~1 ms of scheduler time and a round trip), while huge partitions make a retry expensive and memory
lumpy. Why a window of in-flight partitions: ``client.map`` over millions of documents would read them
all into the driver's memory first; the window keeps at most ``window`` partitions out at a time and reads
the input lazily, so memory stays flat however long the archive is.

The task is pure CPU (validate → tokenise → pipeline → records); it never touches the database, so a
worker that dies mid-partition leaves nothing behind and Dask simply runs the partition again elsewhere.
"""

from __future__ import annotations

import itertools
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from distributed import Client, as_completed

from warlog.errors import InputError
from warlog.extract.extensions import get_list
from warlog.extract.pipeline import Extractor
from warlog.ingest.reader import DocumentInput
from warlog.scale.plugin import worker_extractor
from warlog.schema import Extraction, ExtractionError

#: The code of a component failure on one document (as the single-process runner records it).
INTERNAL_ERROR = "W000"
#: The code of every document of a partition that still failed after Dask's retries (worker killed again
#: and again, out of memory, a crash in the task itself).
PARTITION_FAILED = "W001"

PARTITION_SIZE = 100
#: Documents per ``nlp.pipe`` call inside a partition (the single-process ``Extractor.pipe`` default).
PIPE_BATCH = 32
RETRIES = 2

#: spaCy pipelines and warlog's components are not written for concurrent calls on one ``Language``.
_ONE_AT_A_TIME = threading.Lock()

Hook = Callable[[list[DocumentInput]], None]
Result = Extraction | ExtractionError


def item_name(item: DocumentInput) -> str:
    """How a document is called in errors and in the store's ``origin`` (as the single-process path)."""
    return item.name or item.url or "<text>"


def extract_batch(extractor: Extractor, items: list[DocumentInput]) -> list[Result]:
    """One result per item, in order: an ``Extraction``, or an ``ExtractionError`` for that item alone.

    Documents go through the pipeline ``PIPE_BATCH`` at a time and each is turned into records at once, as
    in the single-process ``Extractor.pipe``: a whole partition of Docs alive together made worker memory
    ratchet up (1.5 GB per worker on 5,000 documents against 0.7 GB for one process). A component failure
    inside ``nlp.pipe`` reruns that batch one document at a time to pin it down, exactly as
    ``warlog.store.runner`` does, so both paths record the same errors."""
    results: list[Result] = []
    for lo in range(0, len(items), PIPE_BATCH):
        results.extend(_extract_chunk(extractor, items[lo : lo + PIPE_BATCH]))
    return results


def _extract_chunk(extractor: Extractor, items: list[DocumentInput]) -> list[Result]:
    results: list[Result | None] = [None] * len(items)
    prepared = []
    for i, item in enumerate(items):
        try:
            document, doc = extractor.prepare(item)
        except InputError as exc:
            results[i] = ExtractionError(name=item_name(item), code=exc.code, message=exc.message)
            continue
        prepared.append((i, document, doc))
    try:
        processed = list(extractor.nlp.pipe(doc for _, _, doc in prepared))
    except Exception:  # noqa: BLE001  (a component bug on one document: find it)
        processed = [_one(extractor, doc) for _, _, doc in prepared]
    for (i, document, _), doc in zip(prepared, processed, strict=True):
        if isinstance(doc, Exception):
            results[i] = ExtractionError(
                document_id=document.id,
                name=item_name(items[i]),
                code=INTERNAL_ERROR,
                message=f"extraction failed ({type(doc).__name__}: {doc}); report this document",
            )
        else:
            results[i] = Extraction(document=document, incidents=get_list(doc, "reports"))
    return results  # type: ignore[return-value]


def _one(extractor: Extractor, doc):
    try:
        return extractor.nlp(doc)
    except Exception as exc:  # noqa: BLE001  (recorded for this document, the partition goes on)
        return exc


def extract_partition(items: list[DocumentInput], hook: Hook | None = None) -> list[Result]:
    """The Dask task: run the worker's extractor (loaded once by ``ExtractorPlugin``) over a partition.

    ``hook`` is for tests only (make a worker raise or die on a partition); production passes None."""
    if hook is not None:
        hook(items)
    with _ONE_AT_A_TIME:  # a worker started with several threads still runs one partition at a time
        return extract_batch(worker_extractor(), items)


@dataclass
class Done:
    """A finished partition: its items and either their results or the exception that failed it."""

    items: list[DocumentInput]
    results: list[Result] | None = None
    error: BaseException | None = None

    def failures(self, retries: int) -> list[ExtractionError]:
        """Every document of a failed partition as an error row: recorded, never silently dropped."""
        reason = f"{type(self.error).__name__}: {self.error}"
        return [
            ExtractionError(
                name=item_name(item),
                code=PARTITION_FAILED,
                message=f"its partition failed after {retries} retries ({reason}); rerun the same "
                "`warlog ingest` to retry the documents not stored",
            )
            for item in self.items
        ]


def partitions(items: Iterable[DocumentInput], size: int = PARTITION_SIZE) -> Iterator[list[DocumentInput]]:
    """Lists of ``size`` items, read lazily."""
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def run_partitions(
    client: Client,
    parts: Iterable[list[DocumentInput]],
    *,
    window: int | None = None,
    retries: int = RETRIES,
    hook: Hook | None = None,
) -> Iterator[Done]:
    """Submit partitions with at most ``window`` in flight; yield each as it finishes (any order).

    ``parts`` is pulled only when a slot frees, so a lazy input stays lazy. A failed partition is
    yielded with its exception after Dask's ``retries``; the caller decides how to record it."""
    window = window or max(2, 2 * len(client.scheduler_info(n_workers=-1).get("workers", {})))
    run = uuid.uuid4().hex[:8]
    inflight: dict = {}
    finished = as_completed()
    source = iter(parts)
    counter = itertools.count()
    try:
        while True:
            while len(inflight) < window:
                part = next(source, None)
                if part is None:
                    break
                future = client.submit(
                    extract_partition, part, hook, key=f"warlog-partition-{run}-{next(counter)}",
                    retries=retries, pure=False,
                )
                inflight[future] = part
                finished.add(future)
            if not inflight:
                return
            future = next(finished)
            part = inflight.pop(future)
            try:
                done = Done(part, results=future.result())
            except Exception as exc:  # noqa: BLE001  (KilledWorker, cancelled, the task's own exception)
                done = Done(part, error=exc)
            future.release()
            yield done
    finally:
        if inflight:  # the driver stops early (Ctrl-C, error): leave nothing running on the cluster
            client.cancel(list(inflight))
