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
