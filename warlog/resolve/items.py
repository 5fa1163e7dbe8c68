"""The unit the resolver works on: one report plus what its document says about it.

Why not just ``schema.Report``: merging needs the report's stable key (``<document_id>:<n>``), the
publisher (to count *independent* sources) and the publication time (the anchor when the report states no
time), none of which live on the report itself. The store builds these; tests and benches build them
directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from warlog.schema import Report


@dataclass
class ReportItem:
    key: str
    report: Report
    published: datetime | None = None
    source: str | None = None  # publisher; the document id stands in when unknown
    text: str = ""  # the sentences the report was read from (title + lead when it has none)
    incident_id: str | None = None  # set when the store already attached it to an incident
    vector: dict[str, float] = field(default_factory=dict)  # TF-IDF weights, filled by scoring.Vectorizer
    names: dict[str, float] = field(default_factory=dict)  # the capitalised-name part of ``vector``
    embedding: tuple[float, ...] = ()  # unit sentence vector, only with Resolver(embeddings=True)
    facts: Any = None  # scoring.Facts, cached on first comparison

    @property
    def document_id(self) -> str:
        return self.report.document_id or self.key.rsplit(":", 1)[0]

    @property
    def publisher(self) -> str:
        return (self.source or self.document_id).strip().lower()


def report_key(document_id: str, position: int) -> str:
    """The store key of the ``position``-th report of a document."""
    return f"{document_id}:{position}"


LEAD_CHARS = 1500


def report_text(
    report: Report, *, title: str | None, document_text: str, lead_chars: int = LEAD_CHARS
) -> str:
    """What text similarity compares for a report: its sentences, the title and the document's lead.

    Why the lead too: a report's own sentences are short ("Two men were shot, police said"); the names of
    streets and victims that tell one shooting from another are often in the title and first paragraph.
    """
    sentences = " ".join(span.text for span in report.evidence)
    return " ".join(part for part in (title, sentences, document_text[:lead_chars]) if part)
