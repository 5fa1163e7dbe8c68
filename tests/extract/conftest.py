"""Fixtures the extraction tests share."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from warlog.extract.casualties import CasualtyFinder
from warlog.extract.times import TimeFinder
from warlog.ingest.dates import parse_published
from warlog.schema import CasualtyMention, TimeSpan


@pytest.fixture(scope="session")
def claims_of(run_components):
    """Run the claims component over a text you wrote; every evidence span must match the text it cites."""

    def run(text: str):
        doc = run_components(text, ["warlog_claims"])
        for claim in doc._.claims:
            for span in claim.evidence:
                assert doc.text[span.start : span.end] == span.text
        return doc

    return run


@pytest.fixture(scope="session")
def toll(model):
    """The casualty mentions (the toll as told) the casualty component finds in a text you wrote."""
    finder = CasualtyFinder(model, "warlog_casualties")

    def run(text: str) -> list[CasualtyMention]:
        return finder.match(model(text))

    return run


@pytest.fixture(scope="session")
def blank() -> Language:
    """A tokenizer-only pipeline: components run on it fast, without the model's parse."""
    return spacy.blank("en")


@pytest.fixture(scope="session")
def read_times(blank):
    """The times component alone over a text you wrote, anchored at ``published`` (no parse: the tense
    falls back to the past)."""
    finder = TimeFinder(blank, "warlog_times")

    def run(text: str, published: str | None) -> list[TimeSpan]:
        doc = blank.make_doc(text)
        doc._.published = parse_published(published)
        return finder(doc)._.times

    return run
