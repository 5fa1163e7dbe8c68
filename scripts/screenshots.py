"""Take the README screenshots: docs/map.png and docs/incident.png, from the sample data.

Seeds a throwaway store from samples/demo_wire.jsonl (what `make demo` serves), serves the app on a free
port and drives the system chromium headless with Playwright. The incident shown is the one with the most
claims, so the page shows several parties side by side.

Usage: .venv/bin/python scripts/screenshots.py [--out docs]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.web.seed import build_app, chromium_path, serve  # noqa: E402
from warlog.store.repo import Store, open_db  # noqa: E402
from warlog.store.runner import ingest  # noqa: E402

DEMO = ROOT / "samples" / "demo_wire.jsonl"


def seed_demo(tmp: Path) -> Store:
    """A SQLite store in ``tmp`` holding the demo wire, extracted and resolved into incidents."""
    store = open_db(f"sqlite:///{tmp / 'demo.db'}")
    summary = ingest([DEMO], store)
    if summary.failed:
        raise SystemExit(f"the demo wire did not ingest cleanly: {summary.errors}")
    return store


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs", help="folder for map.png and incident.png")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="warlog-shots-") as tmp:
        store = seed_demo(Path(tmp))
        showcase = max(store.incidents(), key=lambda inc: (len(inc.claims), inc.killed.best or 0))
        app, _token = build_app(store)
        with serve(app) as base, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium_path(), args=["--no-sandbox", "--headless"])
            page = browser.new_page(viewport={"width": 1440, "height": 900}, device_scale_factor=1)
            page.on("pageerror", lambda exc: print("page error:", exc, file=sys.stderr))
            page.on("console", lambda msg: print("console:", msg.text, file=sys.stderr))
            page.goto(f"{base}/")
            page.wait_for_selector("#map[data-ready='1'] .incident-marker, #map[data-ready='1'] .cluster")
            page.wait_for_selector(".leaflet-overlay-pane path:not(.incident-marker)", state="attached")
            page.wait_for_timeout(400)
            page.screenshot(path=str(args.out / "map.png"))
            page.goto(f"{base}/incidents/{showcase.id}")
            page.wait_for_selector("#incident[data-ready='1']")
            page.set_viewport_size({"width": 1280, "height": 900})
            page.screenshot(path=str(args.out / "incident.png"), full_page=True)
            browser.close()
        store.close()
    print(f"wrote {args.out / 'map.png'} and {args.out / 'incident.png'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
