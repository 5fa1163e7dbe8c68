from __future__ import annotations

from tests.resolve.items import item
from warlog.resolve.blocking import BlockIndex, cells


def test_candidates_share_a_day_and_a_neighbouring_cell():
    index = BlockIndex()
    index.add(item(day=4, lat=50.0, lon=36.2), 0)
    index.add(item(day=4, lat=46.0, lon=30.0), 1)
    index.add(item(day=12, lat=50.0, lon=36.2), 2)
    assert list(index.candidates(item(day=5, lat=50.3, lon=36.6))) == [0]


def test_report_without_place_sees_every_incident_of_its_days():
    index = BlockIndex()
    index.add(item(day=4), 0)
    index.add(item(day=4, lat=46.0, lon=30.0), 1)
    assert sorted(index.candidates(item(day=4, lat=None))) == [0, 1]


def test_country_level_report_does_not_index_a_grid_cell():
    own, _ = cells(item(lat=49.0, lon=32.0, where_prec=6))
    assert own == ["c:UA", "C:UA", "*"]


def _vectorised(*items):
    from warlog.resolve.scoring import Vectorizer

    vec = Vectorizer()
    vec.fit(i.text for i in items)
    for i in items:
        i.vector = vec.vector(i.text)
    return items


def test_a_shared_rare_name_blocks_reports_far_apart_in_time_and_place():
    first, later, other = _vectorised(
        item("gunman shot two at the Quillfeather tavern", day=4),
        item("trial opens for the Quillfeather tavern shooting", day=28, lat=41.0, lon=-87.0),
        item("storm damaged roofs", day=4),
    )
    index = BlockIndex()
    index.add(first, 0)
    index.add(other, 1)
    assert list(index.candidates(later)) == [0]


def test_text_keys_look_only_at_the_latest_incidents_of_a_term():
    from warlog.resolve.blocking import TEXT_RECENT

    reports = _vectorised(*(item(f"zorbex parade {n}", day=1, lat=None) for n in range(TEXT_RECENT + 5)))
    index = BlockIndex()
    for number, report in enumerate(reports[:-1]):
        index.add(report, number)
    probe = reports[-1]
    probe.report.time = None
    probe.published = None
    found = set(index.candidates(probe))
    assert 0 not in found
    assert TEXT_RECENT + 3 in found


def test_a_term_in_many_documents_is_not_a_text_key():
    from warlog.resolve.blocking import TEXT_MAX_DF

    first, later = _vectorised(
        item("gunman shot two at the Quillfeather tavern", day=4),
        item("trial opens for the Quillfeather tavern shooting", day=28, lat=41.0, lon=-87.0),
    )
    index = BlockIndex(df={"quillfeather": TEXT_MAX_DF + 1, "tavern": TEXT_MAX_DF + 1})
    index.add(first, 0)
    assert list(index.candidates(later)) == []
