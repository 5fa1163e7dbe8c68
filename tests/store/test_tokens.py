"""API tokens: shown once, stored only as a hash, checked, listed and revoked."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from warlog.store.models import ApiTokenRow
from warlog.store.tokens import TokenError, check_token, create_token, hash_token, list_tokens, revoke_token


def test_created_token_names_its_holder(store):
    token = create_token(store, "alice")
    assert check_token(store, token) == "alice"


def test_only_the_hash_of_the_token_is_stored(store):
    token = create_token(store, "alice")
    with store.session() as s:
        row = s.scalar(select(ApiTokenRow))
    assert row.token_hash == hash_token(token) and token not in row.token_hash


def test_unknown_token_names_nobody(store):
    create_token(store, "alice")
    assert check_token(store, "wlg_not-a-real-token") is None
    assert check_token(store, "") is None


def test_duplicate_name_is_refused(store):
    create_token(store, "alice")
    with pytest.raises(TokenError, match="revoke it first"):
        create_token(store, "alice")


def test_blank_name_is_refused(store):
    with pytest.raises(TokenError, match="1 to 120 characters"):
        create_token(store, "  ")


def test_revoked_token_no_longer_checks_and_the_name_is_free_again(store):
    old = create_token(store, "alice")
    revoke_token(store, "alice")
    assert check_token(store, old) is None
    new = create_token(store, "alice")
    assert check_token(store, new) == "alice"
    states = sorted((t.name.startswith("alice"), t.active) for t in list_tokens(store))
    assert states == [(True, False), (True, True)]


def test_revoking_an_unknown_name_says_how_to_list(store):
    with pytest.raises(TokenError, match="warlog token list"):
        revoke_token(store, "nobody")


def test_token_commands_create_list_and_revoke(store, store_url):
    from typer.testing import CliRunner

    from warlog.cli import app

    runner = CliRunner()
    created = runner.invoke(app, ["token", "create", "alice", "--db", store_url])
    assert created.exit_code == 0, created.output
    assert check_token(store, created.stdout.strip()) == "alice"
    assert runner.invoke(app, ["token", "create", "alice", "--db", store_url]).exit_code == 2
    listed = runner.invoke(app, ["token", "list", "--db", store_url])
    assert "alice" in listed.stdout and "active" in listed.stdout
    assert runner.invoke(app, ["token", "revoke", "alice", "--db", store_url]).exit_code == 0
    assert check_token(store, created.stdout.strip()) is None
