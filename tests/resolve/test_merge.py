from __future__ import annotations

from datetime import UTC, datetime

from tests.resolve.items import MODEL, claim, item
from warlog.resolve.merge import Resolver, combine, consensus, covering_time, incident_id, resolve
from warlog.schema import Count

WORDS = "artillery shelled the market of testovo near the railway station"


def _groups(items) -> list[list[str]]:
    resolver = Resolver(model=MODEL)
    resolver.add(items)
    return sorted(sorted(g) for g in resolver.groups())


def test_same_place_and_day_merge_across_documents():
    a, b = item(WORDS, source="wire a"), item("officials said shelling hit testovo", source="wire b")
    assert _groups([a, b]) == [sorted([a.key, b.key])]


def test_places_far_apart_with_different_wording_do_not_merge():
    a = item(WORDS)
    b = item("artillery shelled a market in elsewhere", lat=46.5, lon=30.7, name="Elsewhere")
    assert len(_groups([a, b])) == 2


def test_different_event_families_with_different_wording_do_not_merge():
    a = item(WORDS)
    b = item("crowds marched through the centre of testovo", event_type="Protests")
    assert len(_groups([a, b])) == 2


def test_day_precise_dates_weeks_apart_with_different_wording_do_not_merge():
    assert len(_groups([item(WORDS, day=4), item("artillery shelled testovo again", day=20)])) == 2


def test_reports_without_place_merge_on_wording_and_publication_date():
    a = item(
        "gunman opened fire at the maple street diner injuring four", day=None, lat=None, published_day=4
    )
    b = item(
        "four injured when a gunman opened fire at a maple street diner", day=None, lat=None, published_day=5
    )
    c = item("council approves new budget for schools", day=None, lat=None, published_day=5)
    assert sorted(len(g) for g in _groups([a, b, c])) == [1, 2]


def test_background_report_joins_the_incident_it_refers_to():
    fore = item(WORDS, day=4)
    back = item("in july artillery shelled the market of testovo", day=1, date_prec=4, background=True)
    back.report.time.end = datetime(2022, 7, 31, tzinfo=UTC)
    resolver = Resolver(model=MODEL)
    resolver.add([back, fore])
    (incident,) = resolver.incidents()
    assert incident.id == incident_id(fore.key)  # the foreground report opened it
    assert incident.time.date_prec == 1  # the background month does not widen the time


def test_incremental_add_keeps_incident_ids():
    first = item(WORDS, source="a")
    (inc,) = resolve([first], model=MODEL)
    first.incident_id = inc.id
    later = item("testovo market shelled by artillery", source="b")
    (updated,) = resolve([later], existing_items=[first], existing=[inc], model=MODEL)
    assert updated.id == inc.id
    assert updated.report_ids == [first.key, later.key]
    assert updated.number_of_sources == 2


def test_bridging_report_merges_two_incidents_and_keeps_merged_from():
    resolver = Resolver(threshold=0.3, bridge=0.3, model=MODEL)
    a = item("alpha bravo charlie delta", lat=None, day=4, source="a")
    b = item("echo foxtrot golf hotel", lat=None, day=4, source="b")
    resolver.add([a])
    resolver.add([b])
    assert len(resolver.live()) == 2
    resolver.add([item("alpha bravo charlie delta echo foxtrot golf hotel", lat=None, day=4, source="c")])
    (merged,) = resolver.incidents()
    assert merged.merged_from == [incident_id(b.key)]


def _two_stored_incidents(review_status: str):
    a = item("alpha bravo charlie delta", lat=None, day=4, source="a")
    b = item("echo foxtrot golf hotel", lat=None, day=4, source="b")
    stored = []
    for one in (a, b):
        (inc,) = resolve([one], model=MODEL)
        inc.review_status = review_status
        one.incident_id = inc.id
        stored.append(inc)
    return [a, b], stored


def test_a_bridge_does_not_merge_incidents_a_reviewer_has_seen():
    items, stored = _two_stored_incidents("reviewed")
    resolver = Resolver(threshold=0.3, bridge=0.3, model=MODEL)
    resolver.seed(items, stored)
    resolver.add([item("alpha bravo charlie delta echo foxtrot golf hotel", lat=None, day=4, source="c")])
    assert len(resolver.live()) == 2
    assert all(not inc.merged_from for inc in resolver.incidents())


def test_a_bridge_merges_stored_incidents_nobody_reviewed():
    items, stored = _two_stored_incidents("unreviewed")
    resolver = Resolver(threshold=0.3, bridge=0.3, model=MODEL)
    resolver.seed(items, stored)
    resolver.add([item("alpha bravo charlie delta echo foxtrot golf hotel", lat=None, day=4, source="c")])
    assert len(resolver.live()) == 1


def test_consensus_keeps_every_claim_with_its_report():
    a = item(WORDS, source="a", claims=[claim("accusation", "Ukraine", perpetrator="Russia")])
    b = item(WORDS, source="b", claims=[claim("denial", "Russia")])
    inc = consensus("inc-x", [a, b])
    assert [c.stance for c in inc.claims] == ["accusation", "denial"]
    assert inc.claim_reports == [a.key, b.key]
    assert inc.grading == "Contested"


def test_two_independent_sources_grade_fair_one_grades_weak():
    assert consensus("x", [item(WORDS, source="a"), item(WORDS, source="b")]).grading == "Fair"
    assert consensus("x", [item(WORDS, source="a"), item(WORDS, source="a")]).grading == "Weak"


def test_consensus_place_is_the_most_precise():
    coarse = item(WORDS, where_prec=4, name="Test Oblast")
    exact = item(WORDS, where_prec=1, name="Testovo")
    assert consensus("x", [coarse, exact]).place.name == "Testovo"


def test_combined_counts_take_lowest_low_and_highest_high():
    merged = combine([Count(low=3), Count(best=5), Count(best=7, high=9)])
    assert (merged.low, merged.best, merged.high) == (3, 6, 9)


def test_combined_counts_of_nothing_are_empty():
    assert combine([Count(), Count()]).is_empty()


def test_covering_time_spans_the_credible_reports():
    a, b = item(WORDS, day=4), item(WORDS, day=5)
    span = covering_time([a, b])
    assert (span.start.day, span.end.day, span.date_prec) == (4, 5, 2)


def test_covering_time_keeps_the_zone_and_local_day_the_sources_agree_on():
    a, b = item(WORDS, day=3), item(WORDS, day=3)
    for member, text in ((a, "early on Monday"), (b, "Monday morning")):
        member.report.time = member.report.time.model_copy(
            update={"start": datetime(2022, 7, 3, 21, tzinfo=UTC), "tz": "+03:00", "value": "2022-07-04",
                    "text": text}
        )
    span = covering_time([a, b])
    assert (span.tz, span.value, span.local_date().isoformat()) == ("+03:00", "2022-07-04", "2022-07-04")
    b.report.time = b.report.time.model_copy(update={"tz": "Europe/Kyiv", "value": "2022-07-05"})
    mixed = covering_time([a, b])
    assert (mixed.tz, mixed.value) == (None, None)
