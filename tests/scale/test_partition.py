"""The partition task and helpers, without a cluster (texts written for these tests)."""

from __future__ import annotations

import pytest

from tests.scale.helpers import blank_extractor
from warlog.ingest.reader import DocumentInput
from warlog.scale import ClusterError, Done, connect, extract_batch, partitions, worker_extractor
from warlog.schema import Extraction, ExtractionError


def _item(text: str, name: str) -> DocumentInput:
    return DocumentInput(text=text, name=name, published="2022-07-04")


def test_component_failure_fails_only_its_document():
    items = [
        _item("Shelling was reported. PLACE=Foo DAY=4", "a"),
        _item("This text makes the CRASH component fail.", "b"),
        _item("A strike days later. PLACE=Bar DAY=9", "c"),
    ]
    results = extract_batch(blank_extractor(), items)
    assert [type(r).__name__ for r in results] == ["Extraction", "ExtractionError", "Extraction"]
    assert (results[1].name, results[1].code, results[1].document_id is not None) == ("b", "W000", True)
    assert len(results[0].incidents) == 1


def test_rejected_input_becomes_an_error_in_its_place():
    results = extract_batch(blank_extractor(), [_item("   ", "empty"), _item("PLACE=Foo DAY=4", "ok")])
    assert isinstance(results[0], ExtractionError) and results[0].code == "W101"
    assert isinstance(results[1], Extraction)


def test_partitions_are_lazy_chunks_of_the_stream():
    pulled = []

    def stream():
        for n in range(5):
            pulled.append(n)
            yield n

    chunks = partitions(stream(), 2)
    assert next(chunks) == [0, 1]
    assert pulled == [0, 1]
    assert list(chunks) == [[2, 3], [4]]


def test_failed_partition_names_every_document_with_the_reason():
    done = Done([_item("x", "a.txt"), _item("y", "b.txt")], error=RuntimeError("worker lost"))
    failures = done.failures(retries=2)
    assert [(f.name, f.code) for f in failures] == [("a.txt", "W001"), ("b.txt", "W001")]
    assert "worker lost" in failures[0].message and "2 retries" in failures[0].message


def test_worker_extractor_outside_a_worker_says_how_to_fix():
    with pytest.raises(ClusterError, match="Dask worker"):
        worker_extractor()


def test_connect_needs_workers_or_a_scheduler_not_both():
    with pytest.raises(ClusterError, match="not both"), connect(2, "tcp://127.0.0.1:1"):
        pass
    with pytest.raises(ClusterError, match="not both"), connect():
        pass


def test_a_partition_goes_through_the_pipeline_in_small_batches():
    from warlog.scale.partition import PIPE_BATCH

    extractor = blank_extractor()
    sizes: list[int] = []
    real_pipe = extractor.nlp.pipe

    def counting_pipe(docs, **kwargs):
        docs = list(docs)
        sizes.append(len(docs))
        return real_pipe(docs, **kwargs)

    extractor.nlp.pipe = counting_pipe
    items = [DocumentInput(text=f"Report number {n} from the front line.", name=f"d{n}")
             for n in range(PIPE_BATCH * 2 + 5)]
    results = extract_batch(extractor, items)
    assert len(results) == len(items) and all(isinstance(r, Extraction) for r in results)
    assert [r.document.text for r in results] == [i.text for i in items]  # order kept across batches
    assert sizes == [PIPE_BATCH, PIPE_BATCH, 5]
