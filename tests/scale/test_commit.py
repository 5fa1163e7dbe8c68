"""The driver's bulk commit (``Store.save_extractions``, ``Store.stored_ids``): whole documents, no repeats.

Texts written for these tests; SQLite in a temporary folder.
"""

from __future__ import annotations

import pytest

from tests.store.records import extraction
from warlog.store.repo import Store, open_db

A = "Artillery shelled the village of Testovo on Monday, killing two people, the governor said."
B = "A drone struck a depot near Probnoye overnight; no casualties were reported, officials said."


@pytest.fixture
def store(tmp_path) -> Store:
    db = open_db(f"sqlite:///{tmp_path / 'w.db'}")
    yield db
    db.close()


def test_bulk_save_adds_each_new_document_once_with_its_reports(store):
    first, second = extraction(A), extraction(B)
    added = store.save_extractions([(first, "a.txt"), (second, "b.txt"), (first, "a-copy.txt")])
    assert added == [True, True, False]
    assert (store.count("documents"), store.count("reports")) == (2, 2)


def test_bulk_save_skips_documents_already_stored(store):
    store.save_extraction(extraction(A), origin="a.txt")
    assert store.save_extractions([(extraction(A), "a.txt"), (extraction(B), "b.txt")]) == [False, True]
    assert store.count("documents") == 2


def test_stored_ids_names_only_the_stored_ones(store):
    stored, fresh = extraction(A), extraction(B)
    store.save_extraction(stored)
    assert store.stored_ids([stored.document.id, fresh.document.id]) == {stored.document.id}
    assert store.stored_ids([]) == set()
