"""RSS and Atom feeds (feedparser): one document per entry, its text from the entry's content or summary.

Why not fetch the linked pages: nothing is downloaded at run time. Feeds that carry full text
(``content:encoded``, Atom ``content``) give whole articles; summary-only feeds give what they give, and the
entry link is kept as the document URL so the page can be ingested later (re-ingesting the page is then a
different document: its text differs).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import feedparser
import lxml.html

from warlog.errors import EmptyInput, InputError
from warlog.ingest.reader import DocumentInput

FEED_SUFFIXES = frozenset({".rss", ".atom"})


def looks_like_feed(head: bytes) -> bool:
    """Sniff the first bytes of an ``.xml`` file: an RSS, RDF or Atom root element."""
    start = head[:4096].lower()
    return b"<rss" in start or b"<feed" in start or b"<rdf:rdf" in start


def fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment (feed content is a fragment, not a page trafilatura can read)."""
    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fromstring(fragment)
    except (ValueError, lxml.etree.ParserError):
        return fragment.strip()
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    for block in root.xpath("//p|//br|//div|//li|//h1|//h2|//h3"):
        block.tail = "\n" + (block.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def read_feed(data: bytes, *, name: str) -> Iterator[DocumentInput | InputError]:
    """Each entry as a ``DocumentInput`` (an ``InputError`` for an entry with no text; the feed goes on)."""
    parsed = feedparser.parse(data)
    if parsed.bozo and not parsed.entries:
        raise InputError(
            f"not a readable RSS/Atom feed ({parsed.get('bozo_exception')}); check the file", source=name
        )
    publisher = parsed.feed.get("title") if parsed.get("feed") else None
    for n, entry in enumerate(parsed.entries):
        where = f"{name}#{entry.get('id') or entry.get('link') or n}"
        contents = [c.get("value", "") for c in entry.get("content", [])]
        body = max(contents, key=len) if contents else entry.get("summary", "")
        text = fragment_text(body or "")
        if not text:
            yield EmptyInput(source=where)
            continue
        yield DocumentInput(
            text=text,
            published=_when(entry) or entry.get("published") or entry.get("updated"),
            source=entry.get("source", {}).get("title") or publisher,
            url=entry.get("link"),
            title=entry.get("title"),
            name=where,
        )


def _when(entry) -> datetime | None:
    """feedparser's parsed UTC time tuple, as an aware datetime."""
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return datetime(*parsed[:6], tzinfo=UTC)
