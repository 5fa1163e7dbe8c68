"""`warlog ingest --workers/--scheduler` hands over to warlog.scale; summary and exit codes stay."""

from __future__ import annotations

from typer.testing import CliRunner

import warlog.scale
from warlog.cli import app
from warlog.schema import ExtractionError
from warlog.store.runner import IngestSummary


def test_workers_option_runs_the_cluster_ingest_and_prints_the_summary(tmp_path, monkeypatch):
    calls = {}

    def fake(paths, store, **options):
        calls.update(options)
        error = ExtractionError(name="b.txt", code="W001", message="its partition failed")
        return IngestSummary(seen=3, added=2, failed=1, reports=4, incidents=2, errors=[error])

    monkeypatch.setattr(warlog.scale, "ingest_on_cluster", fake)
    result = CliRunner().invoke(
        app, ["ingest", str(tmp_path), "--db", f"sqlite:///{tmp_path / 'w.db'}", "--workers", "3"]
    )
    assert result.exit_code == 1, result.output  # a failed document still means exit 1
    assert (calls["workers"], calls["scheduler"], calls["memory_limit"]) == (3, None, "2GiB")
    assert "2 documents added (4 reports)" in result.output
    assert "b.txt: [W001]" in result.output


def test_workers_and_scheduler_together_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(app, ["ingest", str(tmp_path), "--db", f"sqlite:///{tmp_path / 'w.db'}",
                                      "--workers", "2", "--scheduler", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 2
    assert "not both" in result.output
