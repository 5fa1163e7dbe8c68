from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import select, text

from tests.store.records import TEXT, document, extraction, report
from warlog.errors import StoreError
from warlog.resolve.merge import consensus
from warlog.schema import Extraction, ExtractionError
from warlog.store.models import EvidenceSpanRow
from warlog.store.repo import IncidentQuery, default_url, open_db


def test_open_db_creates_sqlite_file_in_wal_mode(tmp_path):
    path = tmp_path / "sub" / "w.db"
    db = open_db(f"sqlite:///{path}")
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    assert path.exists()
    db.close()


def test_default_url_uses_warlog_home(monkeypatch, tmp_path):
    monkeypatch.setenv("WARLOG_HOME", str(tmp_path))
    assert default_url() == f"sqlite:///{tmp_path / 'warlog.db'}"
    monkeypatch.delenv("WARLOG_HOME")
    monkeypatch.chdir(tmp_path)
    assert default_url().endswith(f"{tmp_path}/warlog.db")


def test_bad_url_raises_store_error():
    with pytest.raises(StoreError, match="cannot open the database"):
        open_db("nosuchdialect://x")


def test_migrations_reach_head(store):
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0003"


def test_save_extraction_is_noop_for_stored_document(store):
    assert store.save_extraction(extraction()) is True
    assert store.save_extraction(extraction()) is False
    assert store.count("documents") == 1
    assert store.count("reports") == 1


def test_save_extraction_writes_claims_and_evidence_spans(store):
    store.save_extraction(extraction())
    assert store.count("claims") == 1
    with store.session() as s:
        roles = sorted(r.role for r in s.scalars(select(EvidenceSpanRow)))
    assert roles == ["claim.cue", "claim.source", "killed", "place", "sentence"]


def test_report_items_round_trip_the_report(store):
    ex = extraction()
    store.save_extraction(ex)
    (item,) = store.report_items()
    assert item.key == f"{ex.document.id}:0"
    assert item.report == ex.incidents[0]
    assert item.source == "Wire A"
    assert item.published == ex.document.published


def test_published_time_is_stored_in_utc(store):
    kyiv = timezone(timedelta(hours=3))
    ex = extraction(published=datetime(2022, 7, 4, 1, 30, tzinfo=kyiv))
    store.save_extraction(ex)
    assert store.document(ex.document.id).published == datetime(2022, 7, 3, 22, 30, tzinfo=UTC)


def test_record_error_keeps_one_row_per_name_and_code(store):
    err = ExtractionError(name="a.txt", code="W101", message="empty")
    store.record_error(err)
    store.record_error(err.model_copy(update={"message": "still empty"}))
    assert [e.message for e in store.errors()] == ["still empty"]


def test_successful_retry_clears_the_error(store):
    store.record_error(ExtractionError(name="a.txt", code="W101", message="empty"))
    store.save_extraction(extraction(), origin="a.txt")
    assert store.errors() == []


def _incident(store, *extractions: Extraction):
    for ex in extractions:
        store.save_extraction(ex)
    items = store.report_items()
    return consensus("inc-test", items), items


def test_save_incidents_points_reports_and_logs_creation(store):
    inc, items = _incident(store, extraction(), extraction("Another text about Testovo shelling.", url=None))
    store.save_incidents([inc])
    assert {i.incident_id for i in store.report_items()} == {"inc-test"}
    (stored,) = store.incidents()
    assert stored.number_of_sources == 1  # one publisher, two documents
    assert [e["action"] for e in store.audit_log("inc-test")] == ["create"]


def test_review_keeps_old_value_in_audit_log(store):
    inc, _ = _incident(store, extraction())
    store.save_incidents([inc])
    store.review("inc-test", actor="ana", field="grading", value="Discounted", note="duplicate")
    assert store.incidents()[0].grading == "Discounted"
    last = store.audit_log("inc-test")[-1]
    assert (last["old"], last["new"], last["actor"]) == ("Weak", "Discounted", "ana")


def test_review_of_unknown_field_is_refused(store):
    with pytest.raises(StoreError, match="grading or review_status"):
        store.review("inc-x", actor="ana", field="killed", value="3")


def test_merged_incident_is_deleted_and_its_reports_move(store):
    store.save_extraction(extraction())
    store.save_extraction(extraction("A second account of the shelling.", url="http://example.test/b"))
    first, second = store.report_items()
    store.save_incidents([consensus("inc-a", [first]), consensus("inc-b", [second])])
    merged = consensus("inc-a", [first, second], merged_from=["inc-b"])
    store.save_incidents([merged])
    assert [i.id for i in store.incidents()] == ["inc-a"]
    assert "merge" in [e["action"] for e in store.audit_log("inc-a")]


def test_query_incidents_filters(store):
    ua = extraction()
    ru = extraction("A different text about shelling in another place.", url="http://example.test/r")
    store.save_extraction(ua)
    store.save_extraction(ru)
    items = {i.document_id: i for i in store.report_items()}
    a = consensus("inc-ua", [items[ua.document.id]])
    b_item = items[ru.document.id]
    b_item.report = report(ru.document.id, day=20, lat=55.7, lon=37.6, country="RU")
    b = consensus("inc-ru", [b_item])
    store.save_incidents([a, b])

    def ids(**kw):
        return [i.id for i in store.query_incidents(IncidentQuery(**kw))]

    assert ids(countries=["RU"]) == ["inc-ru"]
    assert ids(start=datetime(2022, 7, 10, tzinfo=UTC)) == ["inc-ru"]
    assert ids(end=datetime(2022, 7, 10, tzinfo=UTC)) == ["inc-ua"]
    assert ids(bbox=(30.0, 45.0, 40.0, 52.0)) == ["inc-ua"]
    assert ids(gradings=["Weak"]) == ["inc-ru", "inc-ua"] or ids(gradings=["Weak"]) == ["inc-ua", "inc-ru"]
    assert ids(event_types=["Protests"]) == []


def test_document_text_is_kept_verbatim(store):
    store.save_extraction(extraction())
    assert store.document(document().id).text == TEXT


def test_migrations_match_the_models(store):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from warlog.store.models import Base

    with store.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
