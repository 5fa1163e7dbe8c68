"""Store fixtures: every store test runs on SQLite and, when WARLOG_TEST_PG_URL is set, on PostgreSQL.

CI sets it (``.ci/postgres.sh`` starts a throwaway server on loopback); locally, run
``source .ci/postgres.sh`` first or the PostgreSQL cases skip with that reason.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text

from warlog.store.models import Base
from warlog.store.repo import Store, open_db

PG_URL = os.environ.get("WARLOG_TEST_PG_URL")


def _reset_postgres(url: str) -> None:
    engine = create_engine("postgresql+psycopg://" + url.split("://", 1)[1])
    with engine.begin() as conn:
        Base.metadata.drop_all(conn)
        conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path_factory) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'warlog.db'}"
        return
    if not PG_URL:
        pytest.skip("WARLOG_TEST_PG_URL is not set: run `source .ci/postgres.sh` to test on PostgreSQL")
    _reset_postgres(PG_URL)
    yield PG_URL
    _reset_postgres(PG_URL)


@pytest.fixture
def store(store_url) -> Iterator[Store]:
    db = open_db(store_url)
    yield db
    db.close()
