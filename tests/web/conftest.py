"""Browser-test fixtures: a store seeded from samples/*.txt, the app served by uvicorn in a thread, and
Debian's chromium driven headless by Playwright (sync API).

The browser is the system one (``WARLOG_CHROMIUM`` or ``chromium`` on PATH, installed by ``.ci/run``);
when it is missing the tests fail with that message rather than skip, so CI cannot go green without them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.web.seed import BrowserMissing, build_app, chromium_path, seed_store, serve
from warlog.store.repo import Store


@dataclass
class UI:
    """One browser tab on the served app, with the reviewer token and the page errors seen."""

    page: Page
    base: str
    token: str
    errors: list[str] = field(default_factory=list)

    def open(self, path: str) -> Page:
        self.page.goto(self.base + path)
        return self.page


@pytest.fixture(scope="session")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    db = seed_store(tmp_path_factory.mktemp("web"))
    yield db
    db.close()


@pytest.fixture(scope="session")
def served(store: Store) -> Iterator[tuple[str, str]]:
    """(base URL, reviewer token) of the app running on a free port."""
    app, token = build_app(store)
    with serve(app) as base:
        yield base, token


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    try:
        executable = chromium_path()
    except BrowserMissing as exc:
        pytest.fail(str(exc), pytrace=False)
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=executable, args=["--no-sandbox", "--headless"])
        yield chromium
        chromium.close()


@pytest.fixture()
def ui(browser: Browser, served: tuple[str, str]) -> Iterator[UI]:
    """A fresh tab (own sessionStorage) that records uncaught page errors."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    view = UI(page=tab, base=served[0], token=served[1])
    tab.on("pageerror", lambda exc: view.errors.append(str(exc)))
    yield view
    context.close()
