"""JSONL and CSV files of articles, one document per line/row, with a column mapping.

Why a mapping: every scraper names its columns differently (``content``, ``body``, ``dct``, ``uri``). The
mapping says which column holds each ``DocumentInput`` field; columns not given are looked for under the
common names in ``DEFAULT_COLUMNS`` (first match wins). A row without text is an error for that row alone.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Mapping
from pathlib import Path

from warlog.errors import EmptyInput, InputError
from warlog.ingest.reader import DocumentInput

JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
CSV_SUFFIXES = frozenset({".csv", ".tsv"})
FIELDS = ("text", "title", "url", "published", "source")

#: Column names tried, in order, for each field the mapping does not name.
DEFAULT_COLUMNS: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "body", "article", "maintext"),
    "title": ("title", "headline"),
    "url": ("url", "uri", "link"),
    "published": ("published", "date", "dct", "date_publish", "publish_date", "pubdate"),
    "source": ("source", "publisher", "source_domain", "site"),
}


def parse_mapping(pairs: list[str] | None) -> dict[str, str]:
    """``["text=content", "published=dct"]`` → ``{"text": "content", "published": "dct"}``."""
    mapping: dict[str, str] = {}
    for pair in pairs or []:
        field, sep, column = pair.partition("=")
        if not sep or field.strip() not in FIELDS or not column.strip():
            raise InputError(
                f"bad column mapping {pair!r}; use FIELD=COLUMN with FIELD one of {', '.join(FIELDS)}",
                source="--map",
            )
        mapping[field.strip()] = column.strip()
    return mapping


def row_input(row: Mapping[str, object], mapping: Mapping[str, str], *, name: str) -> DocumentInput:
    values: dict[str, str | None] = {}
    for field in FIELDS:
        columns = (mapping[field],) if field in mapping else DEFAULT_COLUMNS[field]
        value = next((row[c] for c in columns if row.get(c) not in (None, "")), None)
        values[field] = None if value is None else str(value)
    if not values["text"] or not values["text"].strip():
        raise EmptyInput(source=name)
    return DocumentInput(
        text=values["text"],
        title=values["title"],
        url=values["url"],
        published=values["published"],
        source=values["source"],
        name=name,
    )


def read_jsonl(path: Path, mapping: Mapping[str, str] | None = None) -> Iterator[DocumentInput | InputError]:
    mapping = mapping or {}
    with open(path, encoding="utf-8", errors="replace") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            name = f"{path}:{n}"
            try:
                row = json.loads(line)
                if not isinstance(row, dict):
                    raise InputError("the line is not a JSON object; write one object per line", source=name)
                yield row_input(row, mapping, name=name)
            except json.JSONDecodeError as exc:
                yield InputError(f"not valid JSON ({exc.msg}); write one object per line", source=name)
            except InputError as exc:
                yield exc


def read_csv(path: Path, mapping: Mapping[str, str] | None = None) -> Iterator[DocumentInput | InputError]:
    mapping = mapping or {}
    csv.field_size_limit(1 << 26)
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    with open(path, encoding="utf-8", errors="replace", newline="") as fh:
        reader = csv.DictReader(fh, delimiter=delimiter)
        for n, row in enumerate(reader, start=2):  # line 1 is the header
            name = f"{path}:{n}"
            try:
                yield row_input(row, mapping, name=name)
            except InputError as exc:
                yield exc
