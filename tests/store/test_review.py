"""Reviewer operations: each change persists, is logged with who and why, and survives later resolves."""

from __future__ import annotations

import pytest

from tests.store.records import document, report
from warlog.schema import Extraction
from warlog.store import review as ops
from warlog.store.repo import Store
from warlog.store.runner import resolve_store

TEXT_A = "Artillery shelled the village of Testovo on Monday, killing two people, the governor said."
TEXT_B = "Two people died when shells hit Testovo on Monday, local officials said on Tuesday."
TEXT_C = "A drone strike hit a depot near Farville on Saturday, a spokesman said."


def _add(
    store: Store,
    text: str,
    *,
    source: str,
    day: int = 4,
    lat: float = 50.0,
    lon: float = 36.2,
    killed: int | None = 2,
    place_name: str = "Testovo",
) -> str:
    doc = document(text, url=f"http://example.test/{source}/{day}/{lat}", source=source)
    rep = report(doc.id, day=day, lat=lat, lon=lon, killed=killed, place_name=place_name)
    store.save_extraction(Extraction(document=doc, incidents=[rep]))
    return f"{doc.id}:0"


def _incident_of(store: Store, key: str):
    return next(i for i in store.incidents() if key in i.report_ids)


@pytest.fixture
def seeded(store):
    """Two reports of one shelling (merged by the resolver) and an unrelated strike far away."""
    a = _add(store, TEXT_A, source="Wire A")
    b = _add(store, TEXT_B, source="Wire B")
    c = _add(store, TEXT_C, source="Wire C", day=9, lat=47.0, lon=33.0, killed=None, place_name="Farville")
    resolve_store(store)
    return store, a, b, c


def test_seeded_reports_of_one_event_share_an_incident(seeded):
    store, a, b, c = seeded
    assert _incident_of(store, a).id == _incident_of(store, b).id != _incident_of(store, c).id


def test_accept_marks_reviewed_and_logs_the_reviewer(seeded):
    store, a, *_ = seeded
    inc = _incident_of(store, a)
    ops.accept(store, inc.id, actor="alice", note="checked both wires")
    assert store.incidents([inc.id])[0].review_status == "reviewed"
    entry = store.audit_log(inc.id)[-1]
    assert (entry["actor"], entry["action"], entry["old"], entry["new"], entry["note"]) == (
        "alice",
        "accept",
        "unreviewed",
        "reviewed",
        "checked both wires",
    )


def test_correct_sets_fields_and_logs_old_and_new(seeded):
    store, a, *_ = seeded
    inc = _incident_of(store, a)
    ops.correct(
        store,
        inc.id,
        {"killed_low": 3, "killed_best": 4, "killed_high": 5, "place_name": "Testovo-2"},
        actor="bob",
    )
    after = store.incidents([inc.id])[0]
    assert (after.killed.low, after.killed.high, after.place.name) == (3, 5, "Testovo-2")
    logged = {e["field"]: (e["old"], e["new"]) for e in store.audit_log(inc.id) if e["action"] == "correct"}
    assert logged["killed_low"] == ("2", "3")
    assert logged["place_name"] == ("Testovo", "Testovo-2")


def test_correction_survives_a_later_resolve(seeded):
    store, a, *_ = seeded
    inc = _incident_of(store, a)
    ops.correct(store, inc.id, {"killed_low": 7, "killed_best": 7, "killed_high": 7}, actor="bob")
    key = _add(store, "Shelling of Testovo on Monday killed two, a third wire said.", source="Wire D")
    resolve_store(store)
    after = _incident_of(store, key)
    assert after.id == inc.id and after.number_of_sources == 3
    assert (after.killed.low, after.killed.best) == (7, 7)


def test_sub_event_type_correction_sets_its_event_type(seeded):
    store, a, *_ = seeded
    inc = _incident_of(store, a)
    ops.correct(store, inc.id, {"sub_event_type": "Armed clash"}, actor="bob")
    assert store.incidents([inc.id])[0].event_type == "Battles"


def test_time_correction_recomputes_date_precision(seeded):
    store, a, *_ = seeded
    inc = _incident_of(store, a)
    ops.correct(
        store, inc.id, {"time_start": "2022-07-01", "time_end": "2022-07-04T23:59:00+00:00"}, actor="x"
    )
    assert store.incidents([inc.id])[0].time.date_prec == 2


def test_discount_sticks_across_a_later_resolve(seeded):
    store, a, *_ = seeded
    inc = _incident_of(store, a)
    ops.discount(store, inc.id, actor="carol", note="staged")
    _add(store, "Shells fell on Testovo on Monday, killing two, a fourth outlet said.", source="Wire E")
    resolve_store(store)
    assert store.incidents([inc.id])[0].grading == "Discounted"


def test_merge_moves_reports_and_recomputes_sources(seeded):
    store, a, _, c = seeded
    target, source = _incident_of(store, a), _incident_of(store, c)
    assert ops.merge(store, source.id, target.id, actor="dan", note="same event") == target.id
    merged = store.incidents([target.id])[0]
    assert c in merged.report_ids and merged.number_of_sources == 3
    assert source.id in merged.merged_from
    assert store.incidents([source.id]) == []
    assert [e["new"] for e in store.audit_log(target.id) if e["action"] == "merge"] == [source.id]


def test_split_moves_reports_into_a_new_incident(seeded):
    store, a, b, _ = seeded
    inc = _incident_of(store, a)
    new_id = ops.split(store, inc.id, [b], actor="erin")
    kept, moved = store.incidents([inc.id])[0], store.incidents([new_id])[0]
    assert (kept.report_ids, moved.report_ids) == ([a], [b])
    assert kept.number_of_sources == moved.number_of_sources == 1
    assert kept.grading == moved.grading == "Weak"
    assert (store.audit_log(new_id)[0]["field"], store.audit_log(new_id)[0]["new"]) == ("split_from", inc.id)


def test_split_stays_after_a_resolve_without_new_reports(seeded):
    store, a, b, _ = seeded
    inc = _incident_of(store, a)
    ops.split(store, inc.id, [b], actor="erin")
    resolve_store(store)
    assert _incident_of(store, a).id != _incident_of(store, b).id


@pytest.mark.parametrize("keys, message", [(["nope:0"], "not in the incident"), ([], "name the reports")])
def test_split_rejects_bad_report_lists(seeded, keys, message):
    store, a, *_ = seeded
    with pytest.raises(ops.ReviewError, match=message):
        ops.split(store, _incident_of(store, a).id, keys, actor="x")


def test_split_refuses_to_empty_the_incident(seeded):
    store, a, b, _ = seeded
    with pytest.raises(ops.ReviewError, match="every report"):
        ops.split(store, _incident_of(store, a).id, [a, b], actor="x")


def test_merge_into_itself_is_refused(seeded):
    store, a, *_ = seeded
    inc = _incident_of(store, a)
    with pytest.raises(ops.ReviewError, match="into itself"):
        ops.merge(store, inc.id, inc.id, actor="x")


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"colour": "red"}, "cannot correct"),
        ({"killed_low": -1}, "whole number"),
        ({"lat": 120}, "latitude"),
        ({"grading": "Great"}, "Confirmed"),
        ({"time_start": "last week"}, "ISO 8601"),
        ({"killed_low": 9, "killed_high": 3}, "low <= best <= high"),
    ],
)
def test_correct_rejects_bad_fields_with_the_fix(seeded, fields, message):
    store, a, *_ = seeded
    inc = _incident_of(store, a)
    with pytest.raises(ops.ReviewError, match=message):
        ops.correct(store, inc.id, fields, actor="x")
    assert store.incidents([inc.id])[0].review_status == "unreviewed"


def test_unknown_incident_is_reported_as_unknown(store):
    with pytest.raises(ops.UnknownRecord, match="no such incident"):
        ops.accept(store, "inc-000000000000", actor="x")


def test_parse_assignments_reads_cli_pairs():
    assert ops.parse_assignments(["killed_low=3", "lat=50.5", "killed_high=null"]) == {
        "killed_low": 3,
        "lat": 50.5,
        "killed_high": None,
    }
    with pytest.raises(ops.ReviewError, match="FIELD=VALUE"):
        ops.parse_assignments(["killed_low"])
