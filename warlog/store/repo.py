"""Open the database and read/write warlog records in it.

``open_db(url=None)`` is the one entry point. Without a URL it uses a SQLite file: ``$WARLOG_HOME/warlog.db``
when ``WARLOG_HOME`` is set, else ``./warlog.db`` in the working directory (so a project folder keeps its
own database, like git). The file is created on first use, in WAL mode so readers (the API, an export) do
not block the ingest writer. ``postgresql://...`` URLs are used as given (driver: psycopg 3). Either way
Alembic upgrades the schema to head on open.

Why one transaction per document: ``save_extraction`` writes the document, its reports, places, claims and
evidence spans together or not at all, so an interrupted batch leaves only whole documents behind and a rerun
skips exactly those (documents are keyed by URL + content hash).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, delete, event, func, select, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from warlog.errors import StoreError
from warlog.resolve.items import ReportItem, report_key, report_text
from warlog.schema import Document, Extraction, ExtractionError, Incident, Place, Report
from warlog.store.models import (
    ClaimRow,
    DocumentRow,
    EvidenceSpanRow,
    IncidentRow,
    IngestErrorRow,
    PlaceRow,
    ReportRow,
    ReviewLogRow,
)
from warlog.store.review import apply_corrections

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


@dataclass
class IncidentQuery:
    """Filters for ``Store.query_incidents`` (all optional; lists are any-of)."""

    start: datetime | None = None  # incidents whose time range ends on or after this
    end: datetime | None = None  # ... and starts on or before this
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat
    countries: Sequence[str] = ()
    event_types: Sequence[str] = ()
    gradings: Sequence[str] = ()


def default_url() -> str:
    """``sqlite:///$WARLOG_HOME/warlog.db`` or ``sqlite:///./warlog.db``."""
    home = os.environ.get("WARLOG_HOME")
    path = Path(home) / "warlog.db" if home else Path.cwd() / "warlog.db"
    return f"sqlite:///{path}"


def open_db(url: str | None = None) -> Store:
    """Open (creating and migrating as needed) the database at ``url``; see the module docstring."""
    url = url or default_url()
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).expanduser().parent.mkdir(parents=True, exist_ok=True)
    try:
        engine = create_engine(url)
    except Exception as exc:  # bad scheme, missing driver
        raise StoreError(
            f"cannot open the database ({exc}); pass sqlite:///FILE or postgresql://...", source=url
        ) from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    try:
        _migrate(engine)
    except OperationalError as exc:
        raise StoreError(
            f"cannot reach or create the database ({exc.orig}); check the URL and permissions",
            source=_safe(url),
        ) from exc
    return Store(engine)


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def _migrate(engine: Engine) -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        return f"{scheme}://***@{rest.split('@', 1)[1]}"
    return url


class Store:
    """Reads and writes warlog records; every public method is its own transaction."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._session = sessionmaker(engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self._session.begin() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()

    # ----------------------------------------------------------------------------------------- documents

    def has_document(self, document_id: str) -> bool:
        with self.session() as s:
            return s.get(DocumentRow, document_id) is not None

    def count(self, what: str = "documents") -> int:
        table = {
            "documents": DocumentRow,
            "reports": ReportRow,
            "incidents": IncidentRow,
            "errors": IngestErrorRow,
            "claims": ClaimRow,
        }[what]
        with self.session() as s:
            return s.scalar(select(func.count()).select_from(table)) or 0

    def document(self, document_id: str) -> Document | None:
        with self.session() as s:
            row = s.get(DocumentRow, document_id)
            return None if row is None else _document(row)

    def stored_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of these document ids are already stored (one query, for batch runners)."""
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return set()
        with self.session() as s:
            return set(s.scalars(select(DocumentRow.id).where(DocumentRow.id.in_(wanted))).all())

    def save_extractions(self, items: Sequence[tuple[Extraction, str | None]]) -> list[bool]:
        """``save_extraction`` for many documents in one transaction (one commit per batch, not per document).

        Each document is still whole or absent: if another writer stored one of them meanwhile, the batch
        is rolled back and saved one document at a time. Returns, per item, whether it was added."""
        try:
            with self.session() as s:
                stored = set(
                    s.scalars(
                        select(DocumentRow.id).where(DocumentRow.id.in_([e.document.id for e, _ in items]))
                    ).all()
                )
                added = []
                for extraction, origin in items:
                    fresh = extraction.document.id not in stored
                    if fresh:
                        _add_extraction(s, extraction, origin)
                        stored.add(extraction.document.id)
                    added.append(fresh)
                return added
        except IntegrityError:
            return [self.save_extraction(e, origin=o) for e, o in items]

    def save_extraction(self, extraction: Extraction, *, origin: str | None = None) -> bool:
        """Write one document with everything extracted from it, atomically. False when already stored."""
        try:
            with self.session() as s:
                if s.get(DocumentRow, extraction.document.id) is not None:
                    return False
                _add_extraction(s, extraction, origin)
        except IntegrityError:  # another writer stored the same document meanwhile
            return False
        return True

    # ----------------------------------------------------------------------------------------- errors

    def record_error(self, error: ExtractionError) -> None:
        """Keep one row per (name, code): a retried failure refreshes its message and time."""
        with self.session() as s:
            row = s.scalar(
                select(IngestErrorRow).where(
                    IngestErrorRow.name == error.name, IngestErrorRow.code == error.code
                )
            )
            if row is None:
                row = IngestErrorRow(name=error.name, code=error.code)
                s.add(row)
            row.message, row.document_id, row.at = error.message, error.document_id, datetime.now(UTC)

    def errors(self) -> list[ExtractionError]:
        with self.session() as s:
            rows = s.scalars(select(IngestErrorRow).order_by(IngestErrorRow.id)).all()
            return [
                ExtractionError(document_id=r.document_id, name=r.name, code=r.code, message=r.message)
                for r in rows
            ]

    # ----------------------------------------------------------------------------------------- reports

    def report_items(
        self,
        *,
        unresolved_only: bool = False,
        resolved_only: bool = False,
        since: datetime | None = None,
        until: datetime | None = None,
        incident_ids: Iterable[str] | None = None,
    ) -> list[ReportItem]:
        """Reports with their document's publisher, date and text, in document then position order.

        ``since``/``until`` bound the report's start (its document's publication when it states none);
        reports with neither are always included."""
        query = select(ReportRow, DocumentRow).join(DocumentRow, ReportRow.document_id == DocumentRow.id)
        if unresolved_only:
            query = query.where(ReportRow.incident_id.is_(None))
        if resolved_only:
            query = query.where(ReportRow.incident_id.is_not(None))
        if incident_ids is not None:
            query = query.where(ReportRow.incident_id.in_(list(incident_ids)))
        when = func.coalesce(ReportRow.time_start, DocumentRow.published)
        if since is not None:
            query = query.where((when >= _utc(since)) | when.is_(None))
        if until is not None:
            query = query.where((when <= _utc(until)) | when.is_(None))
        query = query.order_by(DocumentRow.published, ReportRow.document_id, ReportRow.position)
        with self.session() as s:
            return [_item(r, d) for r, d in s.execute(query).all()]

    # ----------------------------------------------------------------------------------------- incidents

    def incidents(self, ids: Iterable[str] | None = None) -> list[Incident]:
        query = select(IncidentRow.record).order_by(IncidentRow.time_start, IncidentRow.id)
        if ids is not None:
            query = query.where(IncidentRow.id.in_(list(ids)))
        with self.session() as s:
            return [Incident.model_validate(rec) for rec in s.scalars(query).all()]

    def query_incidents(self, query: IncidentQuery | None = None) -> list[Incident]:
        """Incidents matching the filters, in time order (the SQL is ``warlog.store.queries``'s, shared
        with the API)."""
        from warlog.store.queries import filtered_incidents  # queries builds on this module

        return filtered_incidents(self, query)

    def incidents_for_reports(self, keys: Sequence[str]) -> list[Incident]:
        """The incidents holding any of these reports (what an incremental resolve must reconsider)."""
        with self.session() as s:
            ids = set(
                s.scalars(
                    select(ReportRow.incident_id).where(
                        ReportRow.key.in_(list(keys)), ReportRow.incident_id.is_not(None)
                    )
                ).all()
            )
        return self.incidents(ids)

    def save_incidents(self, incidents: Sequence[Incident], *, actor: str = "resolver") -> None:
        """Upsert incidents, point their reports at them and log merges, in one transaction."""
        now = datetime.now(UTC)
        with self.session() as s:
            for inc in incidents:
                row = s.get(IncidentRow, inc.id)
                created = row is None
                if created:
                    row = IncidentRow(id=inc.id, merged_from=[])
                elif row.review_status != "unreviewed":
                    inc = inc.model_copy(
                        update={"review_status": row.review_status, "grading": row.grading or inc.grading}
                    )
                if not created and row.corrections:  # a reviewer's corrected fields outlive resolves
                    inc = apply_corrections(inc, row.corrections)
                old_merged = set(row.merged_from or [])
                _fill_incident(s, row, inc, now)
                if created:
                    s.add(row)
                s.flush()
                s.execute(
                    update(ReportRow).where(ReportRow.key.in_(inc.report_ids)).values(incident_id=inc.id)
                )
                if created:
                    s.add(
                        ReviewLogRow(
                            incident_id=inc.id,
                            at=now,
                            actor=actor,
                            action="create",
                            note=f"{len(inc.report_ids)} report(s)",
                        )
                    )
                for gone in sorted(set(inc.merged_from) - old_merged):
                    s.add(ReviewLogRow(incident_id=inc.id, at=now, actor=actor, action="merge", old=gone))
                    s.execute(
                        update(ReportRow).where(ReportRow.incident_id == gone).values(incident_id=inc.id)
                    )
                    s.execute(delete(IncidentRow).where(IncidentRow.id == gone))

    def review(
        self, incident_id: str, *, actor: str, field: str, value: str, note: str | None = None
    ) -> None:
        """A reviewer sets ``grading`` or ``review_status``; the old value goes to the audit log."""
        if field not in {"grading", "review_status"}:
            raise StoreError(
                f"cannot review the field {field!r}; use grading or review_status", source=incident_id
            )
        with self.session() as s:
            row = s.get(IncidentRow, incident_id)
            if row is None:
                raise StoreError("no such incident; list them with `warlog export`", source=incident_id)
            old = getattr(row, field)
            setattr(row, field, value)
            row.record = {**row.record, field: value}
            if field == "grading" and row.review_status == "unreviewed":  # a reviewer's grading sticks
                row.review_status = "reviewed"
                row.record = {**row.record, "review_status": "reviewed"}
            s.add(
                ReviewLogRow(
                    incident_id=incident_id,
                    at=datetime.now(UTC),
                    actor=actor,
                    action="review",
                    field=field,
                    old=old,
                    new=value,
                    note=note,
                )
            )

    def audit_log(self, incident_id: str) -> list[dict]:
        with self.session() as s:
            rows = s.scalars(
                select(ReviewLogRow).where(ReviewLogRow.incident_id == incident_id).order_by(ReviewLogRow.id)
            ).all()
            return [
                {
                    "at": r.at,
                    "actor": r.actor,
                    "action": r.action,
                    "field": r.field,
                    "old": r.old,
                    "new": r.new,
                    "note": r.note,
                }
                for r in rows
            ]


# --------------------------------------------------------------------------------------------- mapping


def _document(row: DocumentRow) -> Document:
    return Document(
        id=row.id,
        text=row.text,
        url=row.url,
        source=row.source,
        title=row.title,
        published=_aware(row.published),
        language=row.language,
        ingested=_aware(row.ingested),
    )


def _utc(value: datetime | None) -> datetime | None:
    """What goes into a column: UTC (SQLite keeps no zone, so every stored time must share one)."""
    if value is None:
        return None
    return value.astimezone(UTC) if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _aware(value: datetime | None) -> datetime | None:
    """SQLite drops the zone; everything is stored in UTC, so put it back."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


def _place_row(place: Place | None) -> PlaceRow | None:
    if place is None:
        return None
    return PlaceRow(
        name=place.name,
        geonameid=place.geonameid,
        lat=place.lat,
        lon=place.lon,
        country=place.country,
        admin1=place.admin1,
        admin2=place.admin2,
        feature_code=place.feature_code,
        where_prec=place.where_prec,
    )


def _add_extraction(s: Session, extraction: Extraction, origin: str | None) -> None:
    """Add one document and its reports to the session (the caller checked it is not stored)."""
    doc = extraction.document
    s.add(
        DocumentRow(
            id=doc.id,
            url=doc.url,
            source=doc.source,
            title=doc.title,
            published=_utc(doc.published),
            language=doc.language,
            text=doc.text,
            ingested=_utc(doc.ingested) or datetime.now(UTC),
            origin=origin,
        )
    )
    s.flush()
    for n, report in enumerate(extraction.incidents):
        _add_report(s, doc.id, n, report)
    if origin:
        s.execute(delete(IngestErrorRow).where(IngestErrorRow.name == origin))


def _add_report(s: Session, document_id: str, position: int, report: Report) -> None:
    key = report_key(document_id, position)
    place = _place_row(report.place)
    if place is not None:
        s.add(place)
        s.flush()
    time = report.time
    s.add(
        ReportRow(
            key=key,
            document_id=document_id,
            position=position,
            event_type=report.event_type,
            sub_event_type=report.sub_event_type,
            background=report.background,
            place_id=place.id if place is not None else None,
            time_start=_utc(time.start) if time else None,
            time_end=_utc(time.end) if time else None,
            time_text=time.text if time else None,
            date_prec=time.date_prec if time else None,
            killed_low=report.killed.low,
            killed_best=report.killed.best,
            killed_high=report.killed.high,
            injured_low=report.injured.low,
            injured_best=report.injured.best,
            injured_high=report.injured.high,
            weapons=[w.model_dump(mode="json", exclude={"evidence"}) for w in report.weapons],
            actors=[a.model_dump(mode="json", exclude={"evidence"}) for a in report.actors],
            grading=report.grading,
            summary=report.summary,
            record=report.model_dump(mode="json"),
        )
    )
    s.flush()
    spans: list[tuple[str, object, int | None]] = [("sentence", sp, None) for sp in report.evidence]
    for role, value in (
        ("place", report.place),
        ("time", report.time),
        ("killed", report.killed),
        ("injured", report.injured),
    ):
        if value is not None and value.evidence is not None:
            spans.append((role, value.evidence, None))
    spans += [("weapon", w.evidence, None) for w in report.weapons if w.evidence]
    spans += [("actor", a.evidence, None) for a in report.actors if a.evidence]
    for claim in report.claims:
        row = ClaimRow(
            report_key=key,
            claimant_name=claim.claimant.name,
            claimant_entity=claim.claimant.entity,
            claimant_type=claim.claimant.type,
            claimant_side=claim.claimant.side,
            stance=claim.stance,
            modality=claim.modality,
            perpetrator=claim.perpetrator,
            target=claim.target,
            killed_low=claim.killed.low if claim.killed else None,
            killed_high=claim.killed.high if claim.killed else None,
        )
        s.add(row)
        s.flush()
        for role, span in (
            ("claim.source", claim.source),
            ("claim.cue", claim.cue),
            ("claim.content", claim.content),
        ):
            if span is not None:
                spans.append((role, span, row.id))
    for role, span, claim_id in spans:
        s.add(
            EvidenceSpanRow(
                document_id=document_id,
                report_key=key,
                claim_id=claim_id,
                role=role,
                start=span.start,
                end=span.end,
                text=span.text,
            )
        )


def _fill_incident(s: Session, row: IncidentRow, inc: Incident, now: datetime) -> None:
    if row.place_id is not None:
        s.execute(delete(PlaceRow).where(PlaceRow.id == row.place_id))
        row.place_id = None
    place = _place_row(inc.place)
    if place is not None:
        s.add(place)
        s.flush()
        row.place_id = place.id
    row.event_type, row.sub_event_type = inc.event_type, inc.sub_event_type
    row.country = inc.place.country if inc.place else None
    row.lat = inc.place.lat if inc.place else None
    row.lon = inc.place.lon if inc.place else None
    row.time_start = _utc(inc.time.start) if inc.time else None
    row.time_end = _utc(inc.time.end) if inc.time else None
    row.date_prec = inc.time.date_prec if inc.time else None
    day = inc.time.local_date() if inc.time else None
    row.event_date = day.isoformat() if day else None
    row.killed_low, row.killed_best, row.killed_high = inc.killed.low, inc.killed.best, inc.killed.high
    row.injured_low, row.injured_best, row.injured_high = inc.injured.low, inc.injured.best, inc.injured.high
    row.number_of_sources, row.grading = inc.number_of_sources, inc.grading
    row.grading_reasons, row.review_status = list(inc.grading_reasons), inc.review_status
    row.merged_from, row.record, row.updated = list(inc.merged_from), inc.model_dump(mode="json"), now


def _item(row: ReportRow, doc: DocumentRow) -> ReportItem:
    report = Report.model_validate(row.record)
    if report.document_id is None:
        report = report.model_copy(update={"document_id": doc.id})
    text = report_text(report, title=doc.title, document_text=doc.text)
    return ReportItem(
        key=row.key,
        report=report,
        published=_aware(doc.published),
        source=doc.source or doc.url and _host(doc.url) or doc.id,
        text=text,
        incident_id=row.incident_id,
    )


def _host(url: str) -> str:
    return url.split("://", 1)[-1].split("/", 1)[0].removeprefix("www.")
