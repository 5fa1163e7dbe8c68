"""The SQL tables behind the store (SQLAlchemy 2 declarative models).

Why these tables: a reviewer queries incidents by place, time, type and grading, follows an incident to its
reports, a report to its claims and every value to the span of text it came from. Those are relational and
get real columns. JSON is used only where the shape is open: the list of weapons/actors of a report, the
grading reasons, and ``record``, the full ``schema.Report`` / ``schema.Incident`` as produced, which makes
the round trip lossless while the schema is still growing (the columns beside it are what queries use).

The schema is created and upgraded by Alembic (``warlog/store/migrations``); change a model here, then add a
migration there.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class CasualtyColumns:
    """Killed and injured as low/best/high: the same six columns on reports and on merged incidents."""

    killed_low: Mapped[int | None] = mapped_column(Integer)
    killed_best: Mapped[int | None] = mapped_column(Integer)
    killed_high: Mapped[int | None] = mapped_column(Integer)
    injured_low: Mapped[int | None] = mapped_column(Integer)
    injured_best: Mapped[int | None] = mapped_column(Integer)
    injured_high: Mapped[int | None] = mapped_column(Integer)


class DocumentRow(Base):
    """One ingested document; ``id`` is ``schema.Document.content_id`` (URL + text hash)."""

    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    url: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(String(300))
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    language: Mapped[str] = mapped_column(String(16), default="en")
    text: Mapped[str] = mapped_column(Text)
    ingested: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    origin: Mapped[str | None] = mapped_column(Text)  # the file / feed / WARC record it came from


class IngestErrorRow(Base):
    """A document that failed, and why; one row per (origin name, code), refreshed on retry."""

    __tablename__ = "ingest_errors"
    __table_args__ = (UniqueConstraint("name", "code", name="uq_ingest_errors_name_code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(Text)
    document_id: Mapped[str | None] = mapped_column(String(32))
    code: Mapped[str] = mapped_column(String(16))
    message: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class PlaceRow(Base):
    """A resolved or unresolved toponym of a report or the consensus place of an incident."""

    __tablename__ = "places"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(Text)
    geonameid: Mapped[int | None] = mapped_column(Integer)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    country: Mapped[str | None] = mapped_column(String(2))
    admin1: Mapped[str | None] = mapped_column(Text)
    admin2: Mapped[str | None] = mapped_column(Text)
    feature_code: Mapped[str | None] = mapped_column(String(16))
    where_prec: Mapped[int | None] = mapped_column(Integer)


class IncidentRow(CasualtyColumns, Base):
    """A canonical incident (the consensus of its reports)."""

    __tablename__ = "incidents"
    __table_args__ = (
        Index("ix_incidents_time_start", "time_start"),
        Index("ix_incidents_country", "country"),
        Index("ix_incidents_event_type", "event_type"),
        Index("ix_incidents_event_date", "event_date"),
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    event_type: Mapped[str | None] = mapped_column(String(64))
    sub_event_type: Mapped[str | None] = mapped_column(String(64))
    place_id: Mapped[int | None] = mapped_column(ForeignKey("places.id", ondelete="SET NULL"))
    country: Mapped[str | None] = mapped_column(String(2))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    time_start: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    time_end: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # the local day of the event (ACLED's event_date), "YYYY-MM-DD": what timelines and day counts group by
    event_date: Mapped[str | None] = mapped_column(String(10))
    date_prec: Mapped[int | None] = mapped_column(Integer)
    number_of_sources: Mapped[int] = mapped_column(Integer, default=0)
    grading: Mapped[str | None] = mapped_column(String(16))
    grading_reasons: Mapped[list] = mapped_column(JSON, default=list)
    review_status: Mapped[str] = mapped_column(String(16), default="unreviewed")
    merged_from: Mapped[list] = mapped_column(JSON, default=list)
    record: Mapped[dict] = mapped_column(JSON)
    updated: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # A reviewer's corrected fields (``warlog.store.review``), re-applied whenever the resolver rewrites it.
    corrections: Mapped[dict | None] = mapped_column(JSON, default=dict)


class ReportRow(CasualtyColumns, Base):
    """One incident as one document tells it; ``key`` is ``<document_id>:<n>``."""

    __tablename__ = "reports"
    __table_args__ = (
        Index("ix_reports_incident", "incident_id"),
        Index("ix_reports_document", "document_id"),
    )

    key: Mapped[str] = mapped_column(String(48), primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    incident_id: Mapped[str | None] = mapped_column(ForeignKey("incidents.id", ondelete="SET NULL"))
    event_type: Mapped[str | None] = mapped_column(String(64))
    sub_event_type: Mapped[str | None] = mapped_column(String(64))
    background: Mapped[bool] = mapped_column(Boolean, default=False)
    place_id: Mapped[int | None] = mapped_column(ForeignKey("places.id", ondelete="SET NULL"))
    time_start: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    time_end: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    time_text: Mapped[str | None] = mapped_column(Text)
    date_prec: Mapped[int | None] = mapped_column(Integer)
    weapons: Mapped[list] = mapped_column(JSON, default=list)
    actors: Mapped[list] = mapped_column(JSON, default=list)
    grading: Mapped[str | None] = mapped_column(String(16))
    summary: Mapped[str | None] = mapped_column(Text)
    record: Mapped[dict] = mapped_column(JSON)


class ClaimRow(Base):
    """One party's assertion inside a report."""

    __tablename__ = "claims"
    __table_args__ = (Index("ix_claims_report", "report_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    report_key: Mapped[str] = mapped_column(ForeignKey("reports.key", ondelete="CASCADE"))
    claimant_name: Mapped[str] = mapped_column(Text)
    claimant_entity: Mapped[str | None] = mapped_column(Text)
    claimant_type: Mapped[str] = mapped_column(String(16))
    claimant_side: Mapped[str | None] = mapped_column(String(8))
    stance: Mapped[str] = mapped_column(String(32))
    modality: Mapped[str] = mapped_column(String(16))
    perpetrator: Mapped[str | None] = mapped_column(Text)
    target: Mapped[str | None] = mapped_column(Text)
    killed_low: Mapped[int | None] = mapped_column(Integer)
    killed_high: Mapped[int | None] = mapped_column(Integer)


class EvidenceSpanRow(Base):
    """A character span of a document supporting a report field or a claim part."""

    __tablename__ = "evidence_spans"
    __table_args__ = (Index("ix_evidence_report", "report_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    report_key: Mapped[str | None] = mapped_column(ForeignKey("reports.key", ondelete="CASCADE"))
    claim_id: Mapped[int | None] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(32))  # sentence, place, time, killed, claim.source, ...
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class ReviewLogRow(Base):
    """The audit log: who changed what on an incident, when (merges by the resolver are logged too)."""

    __tablename__ = "review_log"
    __table_args__ = (Index("ix_review_log_incident", "incident_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    incident_id: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    actor: Mapped[str] = mapped_column(String(120))
    action: Mapped[str] = mapped_column(String(32))
    field: Mapped[str | None] = mapped_column(String(64))
    old: Mapped[str | None] = mapped_column(Text)
    new: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)


class ApiTokenRow(Base):
    """An API token for write (and optionally read) access; only the SHA-256 of the token is stored."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    revoked: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
