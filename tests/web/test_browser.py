"""The web UI in a real browser (Debian chromium, headless, driven by Playwright) on seeded sample data."""

from __future__ import annotations

import re
import time

import pytest

from tests.web.conftest import UI
from tests.web.seed import XSS_TEXT
from warlog.store.repo import Store


def _wait_map(ui: UI) -> int:
    ui.page.wait_for_selector("#map[data-ready='1']")
    return int(ui.page.get_attribute("#map", "data-markers") or 0)


def _shown(ui: UI) -> int:
    return ui.page.locator("#incident-list li").count()


def _until(check, what: str, timeout: float = 10.0) -> None:
    """Poll ``check`` from Python: the pages' CSP forbids the eval that ``wait_for_function`` needs."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting until {what}")
        time.sleep(0.05)


def _xss_incident(store: Store) -> str:
    ids = {item.incident_id for item in store.report_items() if item.source == "Test Desk"}
    assert len(ids) == 1, "the markup-carrying document should make exactly one incident"
    return ids.pop()


def test_map_shows_clustered_markers_for_seeded_incidents(ui: UI) -> None:
    ui.open("/")
    markers = _wait_map(ui)
    assert markers >= 3
    assert ui.page.locator(".incident-marker, .cluster").count() >= 2
    assert ui.page.locator(".leaflet-overlay-pane path:not(.incident-marker)").count() > 100  # countries
    assert _shown(ui) >= markers
    assert ui.page.locator("#legend .legend-row").count() == 7  # six event types and the size key
    assert not ui.errors


def test_event_type_filter_reduces_the_markers(ui: UI) -> None:
    ui.open("/")
    before = _wait_map(ui)
    ui.page.check("input[name=event_type][value='Battles']")
    ui.page.wait_for_url(re.compile(r"event_type=Battles"))
    _until(lambda: _shown(ui) < before, "fewer incidents are listed")
    ui.page.wait_for_selector("#map[data-ready='1']")
    assert int(ui.page.get_attribute("#map", "data-markers") or 0) < before
    types = ui.page.locator("#incident-list .li-main").all_inner_texts()
    assert types and all("clash" in t.lower() or "battle" in t.lower() for t in types)


def test_map_view_filter_keeps_only_incidents_inside_the_box(ui: UI, store: Store) -> None:
    located = [i for i in store.incidents() if i.place and i.place.lon is not None]
    west = [i for i in located if i.place.lon < 34]
    assert west and len(west) < len(located), "the seed should have incidents on both sides of 34E"
    ui.open("/?bbox=20,44,34,53")
    _wait_map(ui)
    assert ui.page.is_checked("#in-view")
    _until(lambda: _shown(ui) == len(west), f"only the {len(west)} incidents west of 34E are listed")


def test_brushing_the_timeline_filters_the_map_by_time(ui: UI) -> None:
    ui.open("/")
    before = _wait_map(ui)
    ui.page.wait_for_selector("#timeline .u-over")
    box = ui.page.locator("#timeline .u-over").bounding_box()
    assert box is not None
    y = box["y"] + box["height"] / 2
    ui.page.mouse.move(box["x"] + 2, y)
    ui.page.mouse.down()
    ui.page.mouse.move(box["x"] + box["width"] * 0.35, y, steps=8)
    ui.page.mouse.up()
    ui.page.wait_for_url(re.compile(r"start=.*end="))
    _until(lambda: _shown(ui) < before, "fewer incidents are listed")
    assert ui.page.input_value("input[name=start]").startswith("20")
    assert ui.page.is_visible("#clear-brush")
    ui.page.click("#clear-brush")
    _until(lambda: _shown(ui) == before, "every incident is listed again")


def test_incident_page_shows_consensus_claims_and_highlighted_spans(ui: UI) -> None:
    ui.open("/")
    _wait_map(ui)
    ui.page.locator("#incident-list a").first.click()
    ui.page.wait_for_url(re.compile(r"/incidents/"))
    ui.page.wait_for_selector("#incident[data-ready='1']")
    assert ui.page.locator(".consensus dt").count() >= 8
    assert ui.page.locator(".verify .badge.grading").count() == 1
    marks = ui.page.locator(".doc-text mark.ev")
    assert marks.count() >= 1
    assert marks.first.inner_text().strip()
    assert not ui.errors


def test_claims_are_grouped_by_party_with_stance_badges(ui: UI, store: Store) -> None:
    busiest = max(store.incidents(), key=lambda inc: len(inc.claims))
    ui.open(f"/incidents/{busiest.id}")
    ui.page.wait_for_selector("#incident[data-ready='1']")
    parties = {c.claimant.entity or c.claimant.name for c in busiest.claims}
    assert ui.page.locator(".party").count() == len(parties)
    assert ui.page.locator(".party .badge.stance").count() == len(busiest.claims)
    ui.page.locator(".party blockquote.quote").first.click()
    assert ui.page.locator(".doc-text mark.flash").count() >= 1


def test_review_edit_with_token_persists_and_is_audited(ui: UI, store: Store) -> None:
    target = next(inc for inc in store.incidents() if inc.review_status == "unreviewed")
    ui.open(f"/review?id={target.id}")
    ui.page.fill("#token", ui.token)
    ui.page.click("#token-form button")
    ui.page.wait_for_selector(f"#review-panel[data-id='{target.id}'] .action-discount")
    ui.page.fill(".action-discount input[name=note]", "duplicate of a wire rewrite")
    ui.page.click(".action-discount button")
    ui.page.wait_for_selector("#review-message.ok")
    ui.page.reload()
    ui.page.wait_for_selector("#audit-log")
    assert "duplicate of a wire rewrite" in ui.page.inner_text("#audit-log")
    ui.open(f"/incidents/{target.id}")
    ui.page.wait_for_selector("#incident[data-ready='1']")
    assert ui.page.inner_text(".verify .badge.grading") == "Discounted"
    assert "duplicate of a wire rewrite" in ui.page.inner_text(".audit")


def _review(ui: UI, incident_id: str) -> None:
    """Open the review panel of one incident with the reviewer token set."""
    ui.open(f"/review?id={incident_id}")
    ui.page.fill("#token", ui.token)
    ui.page.click("#token-form button")
    ui.page.wait_for_selector(f"#review-panel[data-id='{incident_id}'] .action-correct")


def test_correcting_a_field_updates_the_consensus(ui: UI, store: Store) -> None:
    target = max(store.incidents(), key=lambda inc: inc.killed.best or 0)
    high = (target.killed.best or 0) + 40
    _review(ui, target.id)
    ui.page.select_option(".action-correct select[name=field]", "killed_high")
    ui.page.fill(".action-correct input[name=value]", str(high))
    ui.page.click(".action-correct button")
    ui.page.wait_for_selector("#review-message.ok")
    ui.open(f"/incidents/{target.id}")
    ui.page.wait_for_selector("#incident[data-ready='1']")
    assert f"–{high}" in ui.page.inner_text(".consensus")
    assert "killed_high" in ui.page.inner_text(".audit")


def test_merge_then_split_moves_reports_between_incidents(ui: UI, store: Store) -> None:
    incidents = sorted(store.incidents(), key=lambda inc: inc.id)
    source, target = incidents[0], incidents[1]
    _review(ui, source.id)
    ui.page.fill(".action-merge input[name=into]", target.id)
    ui.page.click(".action-merge button")
    ui.page.locator(f"#review-panel[data-id='{target.id}'] #review-message.ok", has_text="merge").wait_for()
    moved = [f".action-split input[value='{key}']" for key in source.report_ids]
    assert all(ui.page.locator(box).count() == 1 for box in moved)
    for box in moved:
        ui.page.check(box)
    ui.page.click(".action-split button")
    ui.page.locator("#review-message.ok", has_text="split").wait_for()
    assert ui.page.locator(".action-split input[name=report_keys]").count() == len(target.report_ids)
    assert {"merge", "split"} <= {row["action"] for row in store.audit_log(target.id)}


def test_review_without_a_valid_token_is_refused(ui: UI, store: Store) -> None:
    target = store.incidents()[-1]
    ui.open(f"/review?id={target.id}")
    ui.page.wait_for_selector(".action-accept")
    status = ui.page.inner_text("#review-panel .badge.status")
    logged = len(store.audit_log(target.id))
    ui.page.click(".action-accept button")
    assert "token" in ui.page.inner_text("#review-message").lower()
    ui.page.fill("#token", "not-a-real-token")
    ui.page.click("#token-form button")
    ui.page.click(".action-accept button")
    ui.page.locator("#review-message.error", has_text="Refused").wait_for()
    assert ui.page.inner_text("#review-panel .badge.status") == status
    assert len(store.audit_log(target.id)) == logged


def test_markup_in_an_article_renders_as_text_and_never_runs(ui: UI, store: Store) -> None:
    incident_id = _xss_incident(store)
    response = ui.open(f"/incidents/{incident_id}")
    ui.page.wait_for_selector("#incident[data-ready='1']")
    ui.page.wait_for_timeout(300)  # give an injected handler the chance to fire
    assert ui.page.evaluate("typeof window.__pwned") == "undefined"
    text = ui.page.inner_text(".doc-text")
    assert "<script>window.__pwned=1</script>" in text
    assert ui.page.locator(".doc-text script, .doc-text img, img[src='x']").count() == 0
    assert ui.page.locator("a[href^='javascript']").count() == 0
    assert XSS_TEXT.splitlines()[0] in ui.page.inner_text("#incident")
    del response
    ui.open("/review")
    ui.page.wait_for_selector(".queue-row")
    ui.open(f"/review?id={incident_id}")
    ui.page.wait_for_selector(".action-accept")
    assert ui.page.evaluate("typeof window.__pwned") == "undefined"
    assert not ui.errors


@pytest.mark.parametrize("path", ["/", "/review", "/incidents/anything"])
def test_pages_forbid_inline_scripts_by_policy(ui: UI, path: str) -> None:
    response = ui.page.goto(ui.base + path)
    assert response is not None and response.ok
    policy = response.headers.get("content-security-policy", "")
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy.split("script-src", 1)[1].split(";", 1)[0]
