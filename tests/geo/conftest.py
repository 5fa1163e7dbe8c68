"""Fixtures of the geo tests: a small GeoNames dump and the gazetteer imported from it."""

from tests.geo.smalldump import small_dump, small_gazetteer  # noqa: F401
