"""API fixtures: an app over a temporary SQLite database seeded once by posting texts written for these tests.

Extraction needs the statistical model (seconds to load), so the read-only app is seeded once per session;
tests that change incidents use ``fresh_api``, a new database seeded with synthetic records (no model).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from fastapi.testclient import TestClient

from tests.store.records import document, report
from warlog.api.app import create_app
from warlog.api.settings import ApiSettings
from warlog.schema import Extraction
from warlog.store.repo import Store
from warlog.store.runner import resolve_store
from warlog.store.tokens import create_token

#: (text, published, source): two outlets on one missile strike, one report of a grenade elsewhere.
TEXTS = [
    (
        "Russian missiles struck the city of Kharkiv on Monday night, killing at least three people and "
        "injuring 12, regional governor Oleh Synehubov said on Tuesday.",
        "2022-07-05T08:00:00+03:00",
        "Wire One",
    ),
    (
        "At least three civilians were killed in a Russian missile strike on Kharkiv on Monday, Ukrainian "
        "officials said. Twelve more were wounded.",
        "2022-07-05T10:00:00+03:00",
        "Paper Two",
    ),
    (
        "Police in Lviv detained two men on Friday after a grenade exploded near a market, injuring four "
        "people, the city mayor said.",
        "2022-07-09T12:00:00+03:00",
        "Wire One",
    ),
]


@dataclass
class Api:
    client: TestClient
    store: Store
    token: str
    posted: list[dict]

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


def _client(tmp_path_factory, settings: ApiSettings | None = None) -> tuple[TestClient, Store]:
    url = f"sqlite:///{tmp_path_factory.mktemp('api') / 'warlog.db'}"
    app = create_app(url, settings or ApiSettings())
    return TestClient(app, raise_server_exceptions=False), app.state.store


@pytest.fixture(scope="session")
def api(tmp_path_factory) -> Iterator[Api]:
    client, store = _client(tmp_path_factory)
    token = create_token(store, "tester")
    posted = []
    for text, published, source in TEXTS:
        reply = client.post(
            "/api/documents",
            json={"text": text, "published": published, "source": source},
            headers={"Authorization": f"Bearer {token}"},
        )
        assert reply.status_code == 201, reply.text
        posted.append(reply.json())
    yield Api(client, store, token, posted)
    store.close()


def seed_synthetic(store: Store) -> list[str]:
    """Two reports of one shelling (two outlets) and one far-away strike; returns the report keys."""
    keys = []
    for text, source, day, lat, lon, place in (
        ("Shells hit Testovo on Monday, killing two, the governor said.", "Wire A", 4, 50.0, 36.2, "Testovo"),
        ("Two died as shells fell on Testovo on Monday, officials said.", "Wire B", 4, 50.0, 36.2, "Testovo"),
        ("A drone hit a depot in Farville on Saturday.", "Wire C", 9, 47.0, 33.0, "Farville"),
    ):
        doc = document(text, url=f"http://example.test/{source}", source=source)
        store.save_extraction(
            Extraction(document=doc, incidents=[report(doc.id, day=day, lat=lat, lon=lon, place_name=place)])
        )
        keys.append(f"{doc.id}:0")
    resolve_store(store)
    return keys


@pytest.fixture
def fresh_api(tmp_path_factory) -> Iterator[Api]:
    client, store = _client(tmp_path_factory)
    token = create_token(store, "reviewer-1")
    seed_synthetic(store)
    yield Api(client, store, token, [])
    store.close()
