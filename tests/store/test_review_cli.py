"""`warlog review` and `warlog review queue` as a reviewer runs them: actions, exit codes, the audit log."""

from __future__ import annotations

from typer.testing import CliRunner

from tests.api.conftest import seed_synthetic
from warlog.cli import app

runner = CliRunner()


def _incidents(store):
    return sorted(store.incidents(), key=lambda i: -len(i.report_ids))


def test_queue_lists_the_incidents(store, store_url):
    seed_synthetic(store)
    result = runner.invoke(app, ["review", "queue", "--db", store_url])
    assert result.exit_code == 0, result.output
    assert "review queue: 2 incidents" in result.stdout and "Testovo" in result.stdout


def test_accept_with_a_name_is_logged(store, store_url):
    seed_synthetic(store)
    inc = _incidents(store)[0]
    result = runner.invoke(
        app, ["review", inc.id, "--accept", "--as", "alice", "--note", "ok", "--db", store_url]
    )
    assert result.exit_code == 0, result.output
    assert store.audit_log(inc.id)[-1]["actor"] == "alice"


def test_set_corrects_fields(store, store_url):
    seed_synthetic(store)
    inc = _incidents(store)[0]
    args = [
        "review",
        inc.id,
        "--set",
        "killed_low=1",
        "--set",
        "injured_best=4",
        "--as",
        "bob",
        "--db",
        store_url,
    ]
    assert runner.invoke(app, args).exit_code == 0
    after = store.incidents([inc.id])[0]
    assert (after.killed.low, after.injured.best) == (1, 4)


def test_split_and_merge_round_trip(store, store_url):
    keys = seed_synthetic(store)
    inc = _incidents(store)[0]
    result = runner.invoke(app, ["review", inc.id, "--split", keys[1], "--as", "c", "--db", store_url])
    assert result.exit_code == 0, result.output
    new_id = result.stdout.split()[-1]
    merge = ["review", new_id, "--merge-into", inc.id, "--as", "c", "--db", store_url]
    assert runner.invoke(app, merge).exit_code == 0
    assert len(store.incidents([inc.id])[0].report_ids) == 2


def test_missing_name_or_several_actions_exit_2(store, store_url):
    seed_synthetic(store)
    inc = _incidents(store)[0]
    assert runner.invoke(app, ["review", inc.id, "--accept", "--db", store_url]).exit_code == 2
    both = ["review", inc.id, "--accept", "--discount", "--as", "x", "--db", store_url]
    assert runner.invoke(app, both).exit_code == 2


def test_bad_correction_exits_2_with_the_fix(store, store_url):
    seed_synthetic(store)
    inc = _incidents(store)[0]
    result = runner.invoke(app, ["review", inc.id, "--set", "lat=500", "--as", "x", "--db", store_url])
    assert result.exit_code == 2 and "latitude" in result.output
