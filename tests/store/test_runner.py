"""The ingest loop with a blank spaCy pipeline plus a test component that reports one incident per text.

The component reads a place and day written into the test text ("PLACE=Foo DAY=4"), so these tests check
saving, skipping, errors and incremental merging without depending on extraction quality.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from tests.store.records import report
from warlog.extract.pipeline import Extractor
from warlog.store.runner import ingest, resolve_store

_FIELDS = re.compile(r"PLACE=(\w+) DAY=(\d+)")
_COORDS = {"Foo": (50.0, 36.2), "Bar": (48.0, 30.0)}


@Language.component("warlog_test_one_report")
def _one_report(doc: Doc) -> Doc:
    if "CRASH" in doc.text:
        raise RuntimeError("test component failure")
    if "INTERRUPT" in doc.text:
        raise KeyboardInterrupt
    found = _FIELDS.search(doc.text)
    if found:
        lat, lon = _COORDS[found.group(1)]
        rep = report(doc._.document_id, day=int(found.group(2)), lat=lat, lon=lon, place_name=found.group(1))
        doc._.reports = [rep.model_copy(update={"evidence": []})]
    return doc


@pytest.fixture
def extractor() -> Extractor:
    nlp = spacy.blank("en")
    nlp.add_pipe("warlog_test_one_report")
    return Extractor(nlp, language="en")


def _write(folder, name: str, text: str):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_reingest_is_a_noop(store, extractor, tmp_path):
    _write(tmp_path, "a.txt", "Shelling was reported in the town. PLACE=Foo DAY=4")
    first = ingest([tmp_path], store, extractor=extractor)
    second = ingest([tmp_path], store, extractor=extractor)
    assert (first.added, second.added, second.skipped) == (1, 0, 1)
    assert store.count("documents") == 1
    assert store.count("incidents") == 1


def test_bad_document_is_recorded_and_batch_goes_on(store, extractor, tmp_path):
    _write(tmp_path, "a.txt", "Shelling was reported in the town. PLACE=Foo DAY=4")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02 not text")
    summary = ingest([tmp_path], store, extractor=extractor)
    assert (summary.added, summary.failed) == (1, 1)
    assert [(e.name.endswith("b.txt"), e.code) for e in store.errors()] == [(True, "W102")]


def test_component_failure_is_recorded_for_that_document_only(store, extractor, tmp_path):
    _write(tmp_path, "a.txt", "Shelling was reported in the town. PLACE=Foo DAY=4")
    _write(tmp_path, "b.txt", "This text makes the CRASH component fail.")
    summary = ingest([tmp_path], store, extractor=extractor)
    assert summary.added == 1
    assert [e.code for e in store.errors()] == ["W000"]


def test_interrupted_batch_keeps_committed_documents_and_rerun_adds_the_rest(store, extractor, tmp_path):
    _write(tmp_path, "a.txt", "Shelling was reported in the town. PLACE=Foo DAY=4")
    _write(tmp_path, "b.txt", "This one is cut by an INTERRUPT from the keyboard.")
    _write(tmp_path, "c.txt", "A strike was reported elsewhere. PLACE=Bar DAY=9")
    with pytest.raises(KeyboardInterrupt):
        ingest([tmp_path], store, extractor=extractor, batch_size=1)
    assert store.count("documents") == 1
    (tmp_path / "b.txt").unlink()
    summary = ingest([tmp_path], store, extractor=extractor, batch_size=1)
    assert (summary.added, summary.skipped) == (1, 1)
    assert store.count("documents") == 2


def test_new_document_attaches_to_existing_incident_with_stable_id(store, extractor, tmp_path):
    _write(tmp_path, "a.txt", "Shelling was reported in the town. PLACE=Foo DAY=4")
    ingest([tmp_path], store, extractor=extractor)
    (before,) = store.incidents()
    later = tmp_path / "later"
    later.mkdir()
    _write(later, "b.txt", "Officials confirmed the shelling of the town. PLACE=Foo DAY=4")
    _write(later, "c.txt", "A strike hit a different region days later. PLACE=Bar DAY=9")
    ingest([later], store, extractor=extractor)
    incidents = {i.id: i for i in store.incidents()}
    assert len(incidents) == 2
    assert len(incidents[before.id].report_ids) == 2


def test_resolve_store_without_new_reports_changes_nothing(store, extractor, tmp_path):
    _write(tmp_path, "a.txt", "Shelling was reported in the town. PLACE=Foo DAY=4")
    ingest([tmp_path], store, extractor=extractor)
    assert resolve_store(store) == []


def test_jsonl_rows_are_documents_with_their_dates(store, extractor, tmp_path):
    _write(
        tmp_path,
        "rows.jsonl",
        '{"body": "Shelling was reported. PLACE=Foo DAY=4", "dct": "2022-07-05", "link": "http://t/1"}\n',
    )
    ingest([tmp_path], store, extractor=extractor, mapping={"text": "body"})
    (item,) = store.report_items()
    assert item.published == datetime(2022, 7, 5, tzinfo=UTC)
