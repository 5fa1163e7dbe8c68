"""Readers for the benchmark corpora that several harnesses share."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

GDELT = Path("ukraine_war_news_gdelt") / "articles_merged.jsonl"


def gdelt_articles(data: Path) -> Iterator[dict]:
    """The 486 Russia–Ukraine war articles: dicts with ``text`` and ``published`` (GDELT seendate)."""
    with (data / GDELT).open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                yield {"text": row["text"], "published": row.get("seendate"), "name": row.get("filename")}
