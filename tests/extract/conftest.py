"""Fixtures the extraction tests share."""

from __future__ import annotations

import pytest


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
