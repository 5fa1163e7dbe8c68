"""Ingest one posted document: extract, store, resolve incrementally; the library call behind POST.

Why a class with a lock: the spaCy pipeline is loaded lazily, once per app (seconds; a server that never
ingests never pays it), and a pipeline is not safe to run from two threads at once. The resolve step after
each document is incremental (``resolve_store`` looks only at unresolved reports and their neighbours).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from warlog.store.models import ReportRow
from warlog.store.repo import Store

if TYPE_CHECKING:
    from warlog.extract.pipeline import Extractor


@dataclass
class IngestResult:
    document_id: str
    added: bool
    reports: int
    incidents: list[str]


def _default_extractor() -> Extractor:
    from warlog.extract.pipeline import Extractor

    return Extractor()


class Ingestor:
    """Holds the lazily loaded extractor of one app."""

    def __init__(self, store: Store, extractor: Callable[[], Extractor] | None = None) -> None:
        self.store = store
        self._factory = extractor or _default_extractor
        self._extractor: Extractor | None = None
        self._lock = threading.Lock()

    def extractor(self) -> Extractor:
        if self._extractor is None:
            self._extractor = self._factory()
        return self._extractor

    def ingest(self, text: str, *, published: str | None = None, source: str | None = None,
               url: str | None = None, title: str | None = None) -> IngestResult:
        """Raises ``InputError`` (W1xx) for text that cannot be processed; re-posting is a no-op."""
        from warlog.extract.extensions import get_list
        from warlog.ingest.reader import DocumentInput
        from warlog.schema import Extraction
        from warlog.store.runner import resolve_store

        item = DocumentInput(text=text, published=published, source=source, url=url, title=title,
                             name=url or title or "<posted document>")
        with self._lock:
            extractor = self.extractor()
            document, doc = extractor.prepare(item)
            added = False
            if not self.store.has_document(document.id):
                doc = extractor.nlp(doc)
                extraction = Extraction(document=document, incidents=get_list(doc, "reports"))
                added = self.store.save_extraction(extraction, origin=item.name)
                resolve_store(self.store)
        with self.store.session() as s:
            rows = s.execute(
                select(ReportRow.key, ReportRow.incident_id)
                .where(ReportRow.document_id == document.id)
                .order_by(ReportRow.position)
            ).all()
        incidents = list(dict.fromkeys(i for _, i in rows if i is not None))
        return IngestResult(document_id=document.id, added=added, reports=len(rows), incidents=incidents)
