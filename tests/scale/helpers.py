"""What the scale tests ship to Dask workers: a tiny extractor and failure hooks (importable by reference).

Workers unpickle these by module path, so they live in a module, not in the test file. The component reads
a place and day written into the test text ("PLACE=Foo DAY=4"), so the tests check partitioning, saving,
retries and idempotency without depending on the model; "CRASH" in a text makes the component fail on
that document alone.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from tests.store.records import report
from warlog.extract.pipeline import Extractor
from warlog.ingest.reader import DocumentInput

_FIELDS = re.compile(r"PLACE=(\w+) DAY=(\d+)")
_COORDS = {"Foo": (50.0, 36.2), "Bar": (48.0, 30.0), "Baz": (46.5, 32.0)}


@Language.component("warlog_test_scale_report")
def _one_report(doc: Doc) -> Doc:
    if "CRASH" in doc.text:
        raise RuntimeError("test component failure")
    found = _FIELDS.search(doc.text)
    if found:
        lat, lon = _COORDS[found.group(1)]
        rep = report(doc._.document_id, day=int(found.group(2)), lat=lat, lon=lon, place_name=found.group(1))
        doc._.reports = [rep.model_copy(update={"evidence": []})]
    return doc


def blank_extractor(**options) -> Extractor:
    """A blank English pipeline plus the test component (loads in milliseconds in each worker)."""
    nlp = spacy.blank("en")
    nlp.add_pipe("warlog_test_scale_report")
    return Extractor(nlp, **{**options, "language": "en"})


def _first_time(marker: Path) -> bool:
    """True for exactly one caller across all worker processes (the marker file is created atomically)."""
    try:
        os.close(os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:
        return False
    return True


class RaiseOnce:
    """The first partition attempt anywhere raises; Dask's retry then succeeds."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __call__(self, items: list[DocumentInput]) -> None:
        if _first_time(self.marker):
            raise RuntimeError("injected failure of one partition attempt")


class KillOnce:
    """The first partition attempt anywhere kills its worker process (as the OOM killer would)."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __call__(self, items: list[DocumentInput]) -> None:
        if _first_time(self.marker):
            os._exit(1)


class AlwaysRaise:
    """Every attempt at the partition holding a document named ``name`` raises (retries cannot help)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, items: list[DocumentInput]) -> None:
        if any(item.name and item.name.endswith(self.name) for item in items):
            raise RuntimeError("injected permanent failure")
