"""Seeding and serving for the browser tests and scripts/screenshots.py: a store ingested from
samples/*.txt (plus one document we wrote whose text carries markup), the API app (with the web pages) on a
free port in a thread, and the system chromium.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn
from fastapi import FastAPI

from warlog.api.app import create_app
from warlog.api.settings import ApiSettings
from warlog.store.repo import Store, open_db
from warlog.store.runner import ingest
from warlog.store.tokens import create_token

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
#: A publication date per sample, spread over a week so the timeline has several bars to brush.
PUBLISHED = {
    "border_city_strike.txt": "2022-10-10T09:00:00+03:00",
    "border_clashes.txt": "2022-10-12T18:00:00+03:00",
    "diplomacy.txt": "2022-10-13T12:00:00+02:00",
    "kyiv_drone_attack.txt": "2022-10-17T15:00:00+03:00",
}
#: A document we wrote whose text carries markup that must stay text in the page.
XSS_TEXT = (
    "Shelling hits Kharkiv market\n\n"
    "Kharkiv, October 15 (Test Desk) - Russian artillery shelled a market in Kharkiv on Saturday, killing "
    "two civilians, the regional governor said. <script>window.__pwned=1</script> Witnesses said "
    '<img src=x onerror="window.__pwned=1"> stalls burned for hours.\n'
)
XSS_TITLE = 'Shelling hits Kharkiv market <img src=x onerror="window.__pwned=1">'
TOKEN_NAME = "browser-test"


class BrowserMissing(RuntimeError):
    """No chromium binary: the browser tests cannot run."""


def chromium_path() -> str:
    """The system chromium (``WARLOG_CHROMIUM``, else ``chromium`` on PATH)."""
    path = os.environ.get("WARLOG_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path or not Path(path).exists():
        raise BrowserMissing(
            "no chromium for the browser tests: install Debian's package (apt-get install chromium; .ci/run "
            "does it) or set WARLOG_CHROMIUM to a chromium binary"
        )
    return path


def seed_rows() -> list[dict]:
    """The sample articles with publication dates, then the markup-carrying document."""
    rows = []
    for path in sorted(SAMPLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        rows.append(
            {
                "text": text,
                "title": text.strip().splitlines()[0],
                "published": PUBLISHED.get(path.name, "2022-10-14T12:00:00+00:00"),
                "source": "Sample Wire",
                "url": f"https://example.org/samples/{path.stem}",
            }
        )
    rows.append(
        {
            "text": XSS_TEXT,
            "title": XSS_TITLE,
            "published": "2022-10-15T20:00:00+03:00",
            "source": "Test Desk",
            "url": "javascript:window.__pwned=1",
        }
    )
    return rows


def seed_store(tmp: Path) -> Store:
    """A SQLite store in ``tmp`` holding the seed documents, extracted and resolved into incidents."""
    seed = tmp / "seed.jsonl"
    seed.write_text("".join(json.dumps(r) + "\n" for r in seed_rows()), encoding="utf-8")
    store = open_db(f"sqlite:///{tmp / 'warlog.db'}")
    summary = ingest([seed], store)
    if summary.added != len(seed_rows()):
        raise RuntimeError(f"seeding stored {summary.added} documents: {summary.errors}")
    return store


def build_app(store: Store) -> tuple[FastAPI, str]:
    """The API app on ``store`` with public reads (``create_app`` attaches the web pages itself), and a
    reviewer token minted for it."""
    app = create_app(store=store, settings=ApiSettings(read_auth="public"))
    return app, create_token(store, TOKEN_NAME)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serve(app: FastAPI) -> Iterator[str]:
    """Run ``app`` with uvicorn in a daemon thread on a free port; yields its base URL."""
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the web app did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
