"""Exports of the incident table: ACLED-compatible CSV, GeoJSON, Parquet and JSONL.

``export_incidents(store, fmt, out, query)`` is the library function behind ``warlog export``.
"""

from __future__ import annotations

from warlog.export.writers import FORMATS, ExportFormat, export_incidents, write_incidents

__all__ = ["FORMATS", "ExportFormat", "export_incidents", "write_incidents"]
