"""The distributed ingest on a real local Dask cluster (2 worker processes, shared by the whole module).

Workers run the tiny test extractor of ``tests.scale.helpers`` so the module stays fast; every test
compares the database the distributed path leaves with the one the single-process path leaves.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.scale.helpers import AlwaysRaise, KillOnce, RaiseOnce, blank_extractor
from warlog.scale import PARTITION_FAILED, connect, ingest_distributed
from warlog.store.models import DocumentRow, IncidentRow, IngestErrorRow, ReportRow
from warlog.store.repo import Store, open_db
from warlog.store.runner import ingest

TEXTS = {
    "a.txt": "Shelling was reported in the town. PLACE=Foo DAY=4",
    "b.txt": "Officials confirmed the shelling of the town. PLACE=Foo DAY=4",
    "c.txt": "A strike hit a different region days later. PLACE=Bar DAY=9",
    "d.txt": "Residents described explosions near the port. PLACE=Baz DAY=12",
    "e.txt": "No incident is described in this short note.",
    "f.txt": "This text makes the CRASH component fail.",
    "g.txt": "Another report of the strike in that region. PLACE=Bar DAY=9",
    "h.txt": "Shelling was reported in the town. PLACE=Foo DAY=4",  # same text as a.txt: one document
}


@pytest.fixture(scope="module")
def client() -> Iterator:
    with connect(workers=2, factory=blank_extractor, memory_limit="1GiB") as dask_client:
        yield dask_client


@pytest.fixture
def inputs(tmp_path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "z.txt").write_bytes(b"\x00\x01\x02 not text")
    return folder


def _store(tmp_path: Path, name: str) -> Store:
    return open_db(f"sqlite:///{tmp_path / name}")


def _snapshot(store: Store) -> dict:
    """Everything an ingest decides, minus wall-clock times."""
    with store.session() as s:
        return {
            "documents": s.execute(select(DocumentRow.id, DocumentRow.origin).order_by(DocumentRow.id)).all(),
            "reports": s.execute(
                select(ReportRow.key, ReportRow.document_id, ReportRow.event_type, ReportRow.time_start,
                       ReportRow.killed_low, ReportRow.incident_id).order_by(ReportRow.key)
            ).all(),
            "incidents": s.execute(select(IncidentRow.id, IncidentRow.number_of_sources)
                                   .order_by(IncidentRow.id)).all(),
            "errors": s.execute(select(IngestErrorRow.name, IngestErrorRow.code)
                                .order_by(IngestErrorRow.name)).all(),
        }


@pytest.fixture
def reference(inputs, tmp_path) -> dict:
    store = _store(tmp_path, "single.db")
    ingest([inputs], store, extractor=blank_extractor())
    return _snapshot(store)


def test_distributed_ingest_stores_what_the_single_process_path_stores(client, inputs, tmp_path, reference):
    store = _store(tmp_path, "dask.db")
    summary = ingest_distributed([inputs], store, client, partition_size=2)
    assert _snapshot(store) == reference
    assert len(reference["incidents"]) == 3
    assert (summary.seen, summary.added, summary.skipped, summary.failed) == (9, 6, 1, 2)
    assert {e.code for e in summary.errors} == {"W000", "W102"}


def test_rerun_adds_nothing_and_changes_nothing(client, inputs, tmp_path):
    store = _store(tmp_path, "dask.db")
    ingest_distributed([inputs], store, client, partition_size=3)
    before = _snapshot(store)
    again = ingest_distributed([inputs], store, client, partition_size=3)
    assert (again.added, again.skipped, again.incidents) == (0, 7, 0)
    assert _snapshot(store) == before


def test_partition_that_raises_once_is_retried_and_nothing_is_lost(client, inputs, tmp_path, reference):
    store = _store(tmp_path, "dask.db")
    hook = RaiseOnce(tmp_path / "raised")
    summary = ingest_distributed([inputs], store, client, partition_size=2, retries=2, hook=hook)
    assert (tmp_path / "raised").exists()
    assert summary.added == 6
    assert _snapshot(store) == reference


def test_partition_that_keeps_failing_records_each_document_then_rerun_completes(
    client, inputs, tmp_path, reference
):
    store = _store(tmp_path, "dask.db")
    summary = ingest_distributed([inputs], store, client, partition_size=2, retries=1,
                                 hook=AlwaysRaise("c.txt"))
    lost = sorted(Path(e.name).name for e in summary.errors if e.code == PARTITION_FAILED)
    assert lost == ["c.txt", "d.txt"]  # the partition of c.txt, each document named
    assert summary.added == 4
    ingest_distributed([inputs], store, client, partition_size=2)
    assert _snapshot(store) == reference  # stored now, and their W001 rows cleared


def test_killed_worker_partition_is_rerun_and_database_is_the_same(client, inputs, tmp_path, reference):
    store = _store(tmp_path, "dask.db")
    summary = ingest_distributed([inputs], store, client, partition_size=2, hook=KillOnce(tmp_path / "k"))
    assert (tmp_path / "k").exists()
    assert summary.added == 6
    assert _snapshot(store) == reference
    client.wait_for_workers(2, timeout=60)  # the nanny restarted it, with the extractor loaded again


def test_interrupted_driver_keeps_whole_partitions_and_rerun_yields_the_same_database(
    client, inputs, tmp_path, reference
):
    store = _store(tmp_path, "dask.db")

    def stop(summary) -> None:
        if summary.added:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ingest_distributed([inputs], store, client, partition_size=2, window=1, progress=stop)
    assert store.count("documents") == 2  # the first partition (a.txt, b.txt) committed, whole
    ingest_distributed([inputs], store, client, partition_size=2)
    assert _snapshot(store) == reference


def test_local_workers_run_without_malloc_trimming_and_one_blas_thread(client):
    seen = client.run(lambda: (os.environ.get("MALLOC_TRIM_THRESHOLD_"), os.environ.get("OMP_NUM_THREADS")))
    assert set(seen.values()) == {(None, "1")}
