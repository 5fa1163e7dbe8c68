"""Load → extract → save → resolve: the library functions behind ``warlog ingest`` and ``warlog resolve``.

Why here: the store is the one layer that may import ingest, extract and resolve (imports go one way), so
the loop that ties them together lives beside it.

Guarantees: each document is committed on its own (``Store.save_extraction``), so Ctrl-C or a crash loses
nothing committed; a rerun recomputes the document id before running the model and skips stored documents
(a re-ingest is a no-op, and cheap); a bad document (or a component failure on it) is recorded with its
error and the batch goes on.

The same ingest on a Dask cluster (``warlog ingest --workers N``) is ``warlog.scale.ingest_distributed``:
it reuses ``IngestSummary``, ``Progress`` and ``resolve_store`` from here (scale sits above store, so the
import goes that way), extracts on the workers and commits whole partitions with ``Store.save_extractions``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from spacy.tokens import Doc

from warlog.errors import InputError
from warlog.extract.extensions import get_list
from warlog.extract.pipeline import Extractor
from warlog.ingest.batch import iter_inputs
from warlog.ingest.validate import MAX_CHARS
from warlog.resolve.blocking import MAX_INDEX_DAYS
from warlog.resolve.merge import Resolver
from warlog.resolve.scoring import time_range
from warlog.schema import Document, Extraction, ExtractionError, Incident
from warlog.store.repo import Store

INTERNAL_ERROR = "W000"
#: How far before/after the new reports stored reports are loaded as merge candidates (blocking never
#: looks further: MAX_INDEX_DAYS of a month-long report plus the fallback slack).
CONTEXT = timedelta(days=MAX_INDEX_DAYS + 15)


@dataclass
class IngestSummary:
    seen: int = 0
    added: int = 0
    skipped: int = 0  # already in the store
    failed: int = 0
    reports: int = 0
    incidents: int = 0  # created or changed by the resolve step
    seconds: float = 0.0
    errors: list[ExtractionError] = field(default_factory=list)

    @property
    def docs_per_s(self) -> float:
        return self.seen / self.seconds if self.seconds else 0.0


Progress = Callable[[IngestSummary], None]


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    *,
    extractor: Extractor | None = None,
    mapping: Mapping[str, str] | None = None,
    max_chars: int = MAX_CHARS,
    language: str | None = None,
    focus: Sequence[str] = (),
    resolve: bool = True,
    batch_size: int = 16,
    progress: Progress | None = None,
) -> IngestSummary:
    """Ingest every document under ``paths`` into ``store``, then (by default) resolve new reports.

    ``focus``: ISO-2 codes of the countries the collection is about (see ``Extractor``)."""
    extractor = extractor or Extractor(max_chars=max_chars, language=language, focus=tuple(focus))
    summary = IngestSummary()
    started = time.perf_counter()
    pending: list[tuple[Document, Doc, str]] = []

    def flush() -> None:
        _save_batch(extractor, store, pending, summary)
        pending.clear()
        summary.seconds = time.perf_counter() - started
        if progress is not None:
            progress(summary)

    for item in iter_inputs(paths, mapping=mapping, max_chars=max_chars):
        summary.seen += 1
        if isinstance(item, InputError):
            _fail(
                store,
                summary,
                ExtractionError(name=item.source or "<input>", code=item.code, message=item.message),
            )
            continue
        name = item.name or item.url or "<text>"
        try:
            document, doc = extractor.prepare(item)
        except InputError as exc:
            _fail(store, summary, ExtractionError(name=name, code=exc.code, message=exc.message))
            continue
        if store.has_document(document.id) or any(p[0].id == document.id for p in pending):
            summary.skipped += 1
            continue
        pending.append((document, doc, name))
        if len(pending) >= batch_size:
            flush()
    flush()
    if resolve:
        summary.incidents = len(resolve_store(store))
    summary.seconds = time.perf_counter() - started
    return summary


def _save_batch(extractor: Extractor, store: Store, pending: list, summary: IngestSummary) -> None:
    if not pending:
        return
    try:
        processed = list(extractor.nlp.pipe(doc for _, doc, _ in pending))
    except Exception:  # a component bug on one document: retry one by one to find it
        processed = []
        for document, doc, name in pending:
            try:
                processed.append(extractor.nlp(doc))
            except Exception as exc:  # recorded, never fatal for the batch
                processed.append(None)
                _fail(
                    store,
                    summary,
                    ExtractionError(
                        document_id=document.id,
                        name=name,
                        code=INTERNAL_ERROR,
                        message=f"extraction failed ({type(exc).__name__}: {exc}); report this document",
                    ),
                )
    for (document, _, name), doc in zip(pending, processed, strict=True):
        if doc is None:
            continue
        extraction = Extraction(document=document, incidents=get_list(doc, "reports"))
        if store.save_extraction(extraction, origin=name):
            summary.added += 1
            summary.reports += len(extraction.incidents)
        else:
            summary.skipped += 1


def _fail(store: Store, summary: IngestSummary, error: ExtractionError) -> None:
    store.record_error(error)
    summary.failed += 1
    summary.errors.append(error)


def resolve_store(
    store: Store, *, threshold: float | None = None, embeddings: bool = False
) -> list[Incident]:
    """Attach the store's unresolved reports to incidents (new or existing) and save what changed.

    Existing incidents keep their ids; only those that gained reports (or were merged) are rewritten.
    ``embeddings`` without the optional extra fails here, before any work, with ``EmbeddingsUnavailable``."""
    resolver = Resolver(threshold=threshold, embeddings=embeddings)
    new = store.report_items(unresolved_only=True)
    if not new:
        return []
    starts = [t for t in (time_range(i)[0] for i in new) if t is not None]
    window = {}
    if starts and len(starts) == len(new):  # only reports near the new ones in time can be candidates
        window = {"since": min(starts) - CONTEXT, "until": max(starts) + CONTEXT}
    nearby = {i.incident_id for i in store.report_items(resolved_only=True, **window)}
    attached = store.report_items(incident_ids=nearby)  # every report of those incidents, near or not
    resolver.seed(attached, store.incidents(nearby))
    resolver.add(new)
    changed = resolver.incidents(changed_only=True)
    store.save_incidents(changed)
    return changed
