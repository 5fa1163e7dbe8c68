"""Reading publication dates given by users or feeds."""

from __future__ import annotations

from datetime import UTC, datetime

from warlog.errors import BadDate


def parse_published(value: str | datetime | None, *, source: str | None = None) -> datetime | None:
    """An aware datetime from ISO 8601 text; a date alone means midnight UTC of that day.

    GDELT-style compact stamps (``20220125T090000Z``) are accepted too."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    text = value.strip()
    for parse in (_iso, _compact):
        parsed = parse(text)
        if parsed is not None:
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    raise BadDate(value, source=source)


def _iso(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


def _compact(text: str) -> datetime | None:
    for fmt in ("%Y%m%dT%H%M%SZ", "%Y%m%d"):
        try:
            return datetime.strptime(text, fmt).replace(tzinfo=UTC)
        except ValueError:
            continue
    return None
