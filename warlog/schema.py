"""The records every layer of warlog speaks.

One module, imported by ingest, extract, resolve, store and serve, so the shape of an incident is defined
once. The JSON produced by ``Extraction.model_dump(mode="json")`` is a stable interface: scripts read it.

Why spans everywhere: every extracted value carries the character span of the text that supports it, so a
reviewer can see *where* a figure or a claim came from. Spans index into ``Document.text``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta, timezone, tzinfo
from enum import IntEnum, StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, model_validator


class Record(BaseModel):
    """Base for all records: strict about unknown fields so typos fail loudly."""

    model_config = ConfigDict(extra="forbid", use_enum_values=True)


class Span(Record):
    """A half-open character range ``[start, end)`` into the document text, with the text it covers."""

    start: int
    end: int
    text: str


# --------------------------------------------------------------------------------------------- documents


class Document(Record):
    """One input text as it arrived. ``id`` is a content hash so re-ingesting the same text is a no-op."""

    id: str
    text: str
    url: str | None = None
    source: str | None = None
    title: str | None = None
    published: datetime | None = None
    language: str = "en"
    ingested: datetime | None = None

    @staticmethod
    def content_id(text: str, url: str | None = None) -> str:
        """Stable id from URL + text; two copies of one article at one URL share it."""
        digest = hashlib.sha256()
        digest.update((url or "").encode("utf-8"))
        digest.update(b"\0")
        digest.update(text.encode("utf-8"))
        return digest.hexdigest()[:16]


# --------------------------------------------------------------------------------------------- places


class WherePrec(IntEnum):
    """UCDP ``where_prec``: how precisely the place of an event is known."""

    EXACT = 1  # the settlement itself
    NEAR = 2  # near / outskirts of / N km from a settlement
    ADMIN2 = 3  # district / raion
    ADMIN1 = 4  # province / oblast / region
    LARGER = 5  # a larger area, between places, a front line
    COUNTRY = 6
    SEA_AIR = 7


class PlaceCandidate(Record):
    """One gazetteer entry a toponym could refer to (kept for ambiguous names)."""

    geonameid: int
    name: str
    lat: float
    lon: float
    country: str | None = None
    feature_code: str | None = None
    population: int = 0
    score: float = 0.0


class Place(Record):
    """A toponym as written and what it resolved to. Unresolved places keep ``reason``."""

    name: str
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None  # ISO 3166-1 alpha-2
    admin1: str | None = None
    admin2: str | None = None
    feature_code: str | None = None
    where_prec: int | None = None
    resolved_name: str | None = None
    reason: str | None = None  # why it is unresolved, or how it was chosen
    alternatives: list[PlaceCandidate] = Field(default_factory=list)
    evidence: Span | None = None


# --------------------------------------------------------------------------------------------- times


class DatePrec(IntEnum):
    """UCDP ``date_prec``: how precisely the date of an event is known."""

    DAY = 1
    RANGE = 2  # a range of 2-6 days
    WEEK = 3
    MONTH = 4
    YEAR = 5

    @classmethod
    def of_range(cls, start: datetime, end: datetime) -> DatePrec:
        """The precision a time range carries by its length (a little slack for end-of-unit seconds)."""
        days = (end - start).total_seconds() / 86400
        for limit, prec in ((1.01, cls.DAY), (6.01, cls.RANGE), (7.01, cls.WEEK), (31.01, cls.MONTH)):
            if days <= limit:
                return prec
        return cls.YEAR


class TimeSpan(Record):
    """A normalised time expression. ``start``/``end`` are aware datetimes in UTC; ``tz`` keeps the zone
    the text used ("Europe/Moscow" for "Moscow time"); ``fallback`` marks the publication date used
    because no time was stated."""

    start: datetime | None = None
    end: datetime | None = None
    text: str = ""
    date_prec: int | None = None
    tz: str | None = None
    value: str | None = None  # a TIMEX3-style value ("2022-07-04", "2022-04", "P2D")
    fallback: bool = False
    evidence: Span | None = None

    def zone(self) -> tzinfo | None:
        """The zone of ``tz`` (an IANA name or an offset such as "+03:00"); None when unknown."""
        return zone_of(self.tz) if self.tz else None

    def local_date(self) -> date | None:
        """The day the event happened where it happened (ACLED's ``event_date``), not the UTC day: "early on
        Monday" in Kyiv starts at 21:00 UTC on Sunday. Read in the span's own zone when it is known, else
        from its TIMEX value (written in the text's local calendar), else from the UTC start."""
        if self.start is None:
            return None
        zone = self.zone()
        if zone is not None:
            return self.start.astimezone(zone).date()
        if self.value and _ISO_DAY.match(self.value):
            return date.fromisoformat(self.value[:10])
        return self.start.date()


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_OFFSET = re.compile(r"(?P<sign>[+-])(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?")


def zone_of(name: str) -> tzinfo | None:
    """An IANA zone ("Europe/Kyiv") or a fixed offset ("+03:00", "UTC+03:00"); ``None`` if unreadable."""
    offset = _OFFSET.fullmatch(name.removeprefix("UTC").strip())
    if offset:
        sign = -1 if offset["sign"] == "-" else 1
        return timezone(sign * timedelta(hours=int(offset["h"]), minutes=int(offset["m"] or 0)))
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


# --------------------------------------------------------------------------------------------- counts


class CasualtyCategory(StrEnum):
    CIVILIANS = "civilians"
    MILITARY = "military"
    CHILDREN = "children"
    UNKNOWN = "unknown"


class Count(Record):
    """A casualty figure as a range. ``low`` is ACLED's conservative figure; null where unknown."""

    low: int | None = None
    best: int | None = None
    high: int | None = None
    category: str = CasualtyCategory.UNKNOWN.value
    text: str | None = None
    evidence: Span | None = None

    def is_empty(self) -> bool:
        return self.low is None and self.best is None and self.high is None


# --------------------------------------------------------------------------------------------- actors


class ActorType(IntEnum):
    """ACLED ``inter`` codes."""

    STATE_FORCES = 1
    REBEL_GROUPS = 2
    POLITICAL_MILITIAS = 3
    IDENTITY_MILITIAS = 4
    RIOTERS = 5
    PROTESTERS = 6
    CIVILIANS = 7
    EXTERNAL_OTHER = 8


class Actor(Record):
    """A party mentioned in a report: the phrase as written and the entity it normalises to."""

    name: str  # as written
    entity: str | None = None  # normalised, e.g. "Military Forces of Russia"
    type: int | None = None  # ACLED inter code
    side: str | None = None  # ISO-2 of the state the actor belongs to or fights for
    role: str | None = None  # perpetrator | target | other
    evidence: Span | None = None


def unique_actors(actors: Iterable[Actor]) -> list[Actor]:
    """Each party once (by entity, else name), in order of first mention, keeping a role if any mention
    states one: "Russian forces attacked" then "Russian forces said" is one perpetrator, not two actors."""
    seen: dict[str, Actor] = {}
    for actor in actors:
        key = (actor.entity or actor.name).lower()
        if key not in seen or (seen[key].role is None and actor.role is not None):
            seen[key] = actor if key not in seen else seen[key].model_copy(update={"role": actor.role})
    return list(seen.values())


class Weapon(Record):
    """A weapon named in a report, normalised through the lexicon (``Tochka-U`` → ``OTR-21 Tochka``)."""

    name: str
    text: str
    category: str | None = None  # missile, drone, artillery, aircraft, cluster munition, ...
    evidence: Span | None = None


# --------------------------------------------------------------------------------------------- claims


class ClaimantType(StrEnum):
    GOVERNMENT = "government"
    MILITARY = "military"
    OFFICIAL = "official"
    MEDIA = "media"
    NGO = "NGO"
    WITNESS = "witness"
    UNKNOWN = "unknown"


class Stance(StrEnum):
    ACCUSATION = "accusation"
    DENIAL = "denial"
    RESPONSIBILITY = "responsibility"
    INTERCEPTION = "interception"
    CASUALTY_REPORT = "casualty_report"
    NO_COMMENT = "no_comment"
    OTHER = "other"


class Modality(StrEnum):
    ASSERTED = "asserted"
    NEGATED = "negated"
    HYPOTHETICAL = "hypothetical"
    HISTORICAL = "historical"


class Claimant(Record):
    """Who makes a claim. ``name`` as written; ``entity`` resolved ("the governor" → the named governor)."""

    name: str
    entity: str | None = None
    type: str = ClaimantType.UNKNOWN.value
    side: str | None = None


class Caveat(Record):
    """A reporter's hedge on evidence ("could not be independently verified")."""

    kind: str  # unverified | unconfirmed | disputed
    evidence: Span


class Claim(Record):
    """One party's assertion, with the spans of who said it (source), how (cue) and what (content)."""

    claimant: Claimant
    stance: str = Stance.OTHER.value
    modality: str = Modality.ASSERTED.value
    source: Span | None = None
    cue: Span | None = None
    content: Span | None = None
    caveats: list[Caveat] = Field(default_factory=list)
    perpetrator: str | None = None
    target: str | None = None
    weapons: list[str] = Field(default_factory=list)
    killed: Count | None = None
    injured: Count | None = None
    evidence: list[Span] = Field(default_factory=list)  # source, cue, content (filled when left empty)

    @model_validator(mode="after")
    def _fill_evidence(self) -> Claim:
        if not self.evidence:
            self.evidence = [s for s in (self.source, self.cue, self.content) if s is not None]
        return self


# --------------------------------------------------------------------------------------------- reports

#: ACLED's 25 sub-event types by event type (exact strings): the taxonomy every layer codes and filters by.
SUB_EVENT_TYPES: dict[str, str] = {
    "Armed clash": "Battles",
    "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Chemical weapon": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence",
    "Sexual violence": "Violence against civilians",
    "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Peaceful protest": "Protests",
    "Protest with intervention": "Protests",
    "Excessive force against protesters": "Protests",
    "Violent demonstration": "Riots",
    "Mob violence": "Riots",
    "Agreement": "Strategic developments",
    "Arrests": "Strategic developments",
    "Change to group/activity": "Strategic developments",
    "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
    "Other": "Strategic developments",
}
EVENT_TYPES: tuple[str, ...] = tuple(dict.fromkeys(SUB_EVENT_TYPES.values()))



class Grading(StrEnum):
    """Airwars grading. ``DISCOUNTED`` is only ever set by a reviewer."""

    CONFIRMED = "Confirmed"
    FAIR = "Fair"
    WEAK = "Weak"
    CONTESTED = "Contested"
    DISCOUNTED = "Discounted"


class IncidentFields(Record):
    """What a report and a merged incident both say about one event (one schema, two granularities)."""

    event_type: str | None = None
    sub_event_type: str | None = None
    place: Place | None = None
    time: TimeSpan | None = None
    killed: Count = Field(default_factory=Count)
    injured: Count = Field(default_factory=Count)
    weapons: list[Weapon] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    grading: str | None = None
    grading_reasons: list[str] = Field(default_factory=list)
    summary: str | None = None  # the sentence(s) that state the event, trimmed


class Report(IncidentFields):
    """An incident as one document tells it. The extraction output calls these ``incidents``."""

    document_id: str | None = None
    background: bool = False
    evidence: list[Span] = Field(default_factory=list)  # the sentences the incident was read from


class Extraction(Record):
    """What ``warlog.extract`` returns for one document."""

    document: Document
    incidents: list[Report] = Field(default_factory=list)


class ExtractionError(Record):
    """A document that could not be processed, and why (the batch goes on)."""

    document_id: str | None = None
    name: str
    code: str
    message: str


# --------------------------------------------------------------------------------------------- mentions
# What single components find in a document before the incident assembler groups them into reports.


class CasualtyMention(Record):
    """A casualty figure found in the text: "59 killed", "at least three people dead".

    ``aggregate`` marks war tallies ("Russia has lost 30,000 troops since February") that are not the
    casualties of one incident. ``others`` marks a figure of people beyond those already told ("one man
    was killed and four other victims were hurt"): it adds to them rather than restating them.
    ``partitive`` marks a figure of some of a group told before ("four were wounded; two of them later
    died"): those people are not also counted in the group's own kind."""

    kind: str  # killed | injured | missing | captured
    count: Count
    aggregate: bool = False
    others: bool = False
    partitive: bool = False
    evidence: Span


class EventMention(Record):
    """A sentence-level cue that an event happened: "missiles hit", "shot down", "clashes"."""

    event_type: str
    sub_event_type: str
    trigger: Span
    sentence: Span
    confidence: float = 1.0


# --------------------------------------------------------------------------------------------- incidents
# Added by the store/resolve work (issue 6): the canonical incident that reports of many documents merge into.


class ReviewStatus(StrEnum):
    UNREVIEWED = "unreviewed"
    REVIEWED = "reviewed"
    DISPUTED = "disputed"


class Incident(IncidentFields):
    """One real-world incident as all its reports tell it: consensus fields plus every claim with its source.

    ``id`` is stable: it is minted once, from the first report that opened the incident, and kept when later
    reports attach. ``merged_from`` lists the ids of incidents folded into this one. ``report_ids`` are the
    store keys (``<document_id>:<n>``) of the reports, in the same order as ``reports``."""

    id: str
    merged_from: list[str] = Field(default_factory=list)
    report_ids: list[str] = Field(default_factory=list)
    reports: list[Report] = Field(default_factory=list)
    claim_reports: list[str] = Field(default_factory=list)  # the report id each claim came from (its source)
    sources: list[str] = Field(default_factory=list)  # distinct publishers (or document ids when unknown)
    number_of_sources: int = 0
    review_status: str = ReviewStatus.UNREVIEWED.value
