"""Pydantic models of every request and response body, so the OpenAPI spec is precise.

Why declared apart from ``warlog.schema``: the API serves read models (an incident summary, a detail with
report keys and claim ids from the store) rather than the extraction records, and the web UI codes against
these names. Fields may be added here; never renamed.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CountOut(Model):
    low: int | None = None
    best: int | None = None
    high: int | None = None


class PlaceOut(Model):
    name: str
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    where_prec: int | None = None
    geonameid: int | None = None


class IncidentSummary(Model):
    id: str
    event_type: str | None = None
    sub_event_type: str | None = None
    summary: str | None = None
    place: PlaceOut | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    time_start: datetime | None = None
    time_end: datetime | None = None
    event_date: date | None = Field(
        None, description="The local day of the event (ACLED's event_date), not the UTC day of time_start."
    )
    date_prec: int | None = None
    killed: CountOut
    injured: CountOut
    number_of_sources: int
    grading: str | None = None
    review_status: str
    weapons: list[str]
    actors: list[str]


class IncidentPage(Model):
    total: int
    limit: int
    offset: int
    items: list[IncidentSummary]


class EvidenceOut(Model):
    role: str
    start: int
    end: int
    text: str


class ClaimantOut(Model):
    name: str
    entity: str | None = None
    type: str
    side: str | None = None


class ClaimOut(Model):
    id: int
    claimant: ClaimantOut
    stance: str
    modality: str
    perpetrator: str | None = None
    target: str | None = None
    killed_low: int | None = None
    killed_high: int | None = None
    caveats: list[str]
    evidence: list[EvidenceOut]


class ReportOut(Model):
    key: str
    document_id: str
    position: int
    background: bool
    event_type: str | None = None
    sub_event_type: str | None = None
    summary: str | None = None
    place: PlaceOut | None = None
    time_start: datetime | None = None
    time_end: datetime | None = None
    time_text: str | None = None
    date_prec: int | None = None
    killed: CountOut
    injured: CountOut
    weapons: list[str]
    actors: list[str]
    evidence: list[EvidenceOut]
    claims: list[ClaimOut]


class DocumentRef(Model):
    id: str
    url: str | None = None
    source: str | None = None
    title: str | None = None
    published: datetime | None = None


class ReviewLogEntry(Model):
    at: datetime
    actor: str
    action: str
    field: str | None = None
    old: str | None = None
    new: str | None = None
    note: str | None = None


class IncidentDetail(IncidentSummary):
    grading_reasons: list[str]
    merged_from: list[str]
    reports: list[ReportOut]
    documents: list[DocumentRef]
    review_log: list[ReviewLogEntry]


class DocumentOut(DocumentRef):
    language: str
    text: str
    report_keys: list[str]


class StatsRow(Model):
    key: str
    incidents: int
    killed: int


class StatsOut(Model):
    by: str
    rows: list[StatsRow]


class Health(Model):
    status: str
    version: str


class DocumentIn(Model):
    """A document to ingest: its text plus what is known of it (``published`` anchors relative dates)."""

    text: str = Field(min_length=1, description="The article text (plain text).")
    published: str | None = Field(None, description="Publication date/time, ISO 8601.")
    source: str | None = Field(None, max_length=300)
    url: str | None = Field(None, max_length=2000)
    title: str | None = Field(None, max_length=2000)


class IngestOut(Model):
    document_id: str
    added: bool
    reports: int
    incidents: list[str]


class ReviewFields(Model):
    """Fields a reviewer may correct; omitted fields are left as they are."""

    event_type: str | None = None
    sub_event_type: str | None = None
    grading: str | None = None
    killed_low: int | None = Field(None, ge=0)
    killed_best: int | None = Field(None, ge=0)
    killed_high: int | None = Field(None, ge=0)
    injured_low: int | None = Field(None, ge=0)
    injured_best: int | None = Field(None, ge=0)
    injured_high: int | None = Field(None, ge=0)
    place_name: str | None = Field(None, min_length=1, max_length=300)
    lat: float | None = Field(None, ge=-90, le=90)
    lon: float | None = Field(None, ge=-180, le=180)
    where_prec: int | None = Field(None, ge=1, le=7)
    time_start: datetime | None = None
    time_end: datetime | None = None
    date_prec: int | None = Field(None, ge=1, le=5)


class ReviewIn(Model):
    action: Literal["accept", "correct", "discount", "merge", "split"]
    fields: ReviewFields | None = None
    into: str | None = Field(None, description="merge: the incident this one is merged into.")
    report_keys: list[str] | None = Field(None, description="split: the reports moved to a new incident.")
    note: str | None = Field(None, max_length=2000)


class ErrorBody(Model):
    code: str
    message: str


class ErrorOut(Model):
    error: ErrorBody
