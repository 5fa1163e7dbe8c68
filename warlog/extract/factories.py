"""spaCy factory registrations: each component's string name, default config and what it assigns.

Registered here, not on the classes (as in spaCy's own ``pipeline/factories.py``), so the pipeline's
names and defaults can be read in one place.
"""

from __future__ import annotations

from spacy.language import Language

from warlog.extract import extensions  # noqa: F401  (registers doc._ attributes)
from warlog.extract.actors import ActorFinder
from warlog.extract.casualties import CasualtyFinder
from warlog.extract.claims import ClaimFinder
from warlog.extract.events import EventFinder
from warlog.extract.incidents import IncidentAssembler
from warlog.extract.paragraphs import ParagraphSplitter
from warlog.extract.places import PlaceFinder
from warlog.extract.times import TimeFinder
from warlog.extract.weapons import WeaponFinder


@Language.factory("warlog_paragraphs", assigns=["token.is_sent_start"], default_config={})
def make_paragraphs(nlp: Language, name: str) -> ParagraphSplitter:
    return ParagraphSplitter(nlp, name)


@Language.factory("warlog_places", assigns=["doc._.places"], default_config={"focus": []})
def make_places(nlp: Language, name: str, focus: list[str]) -> PlaceFinder:
    """``focus``: ISO-2 codes of the countries a collection is about (``warlog ingest --focus UA``)."""
    finder = PlaceFinder(nlp, name)
    finder.focus = focus
    return finder


@Language.factory("warlog_times", assigns=["doc._.times"], requires=["doc._.published"], default_config={})
def make_times(nlp: Language, name: str) -> TimeFinder:
    return TimeFinder(nlp, name)


@Language.factory("warlog_casualties", assigns=["doc._.casualties"], default_config={})
def make_casualties(nlp: Language, name: str) -> CasualtyFinder:
    return CasualtyFinder(nlp, name)


@Language.factory("warlog_weapons", assigns=["doc._.weapons"], default_config={})
def make_weapons(nlp: Language, name: str) -> WeaponFinder:
    return WeaponFinder(nlp, name)


@Language.factory("warlog_actors", assigns=["doc._.actors"], default_config={})
def make_actors(nlp: Language, name: str) -> ActorFinder:
    return ActorFinder(nlp, name)


@Language.factory("warlog_events", assigns=["doc._.events"], default_config={})
def make_events(nlp: Language, name: str) -> EventFinder:
    return EventFinder(nlp, name)


@Language.factory("warlog_claims", assigns=["doc._.claims", "doc._.caveats"], default_config={})
def make_claims(nlp: Language, name: str) -> ClaimFinder:
    return ClaimFinder(nlp, name)


@Language.factory(
    "warlog_incidents",
    assigns=["doc._.reports"],
    requires=["doc._.events", "doc._.places", "doc._.times", "doc._.casualties", "doc._.claims"],
    default_config={},
)
def make_incidents(nlp: Language, name: str) -> IncidentAssembler:
    return IncidentAssembler(nlp, name)


#: The warlog components in the order they run after the statistical model.
WARLOG_COMPONENTS: tuple[str, ...] = (
    "warlog_places",
    "warlog_times",
    "warlog_casualties",
    "warlog_weapons",
    "warlog_actors",
    "warlog_events",
    "warlog_claims",
    "warlog_incidents",
)
