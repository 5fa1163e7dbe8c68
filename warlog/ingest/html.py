"""Main text and metadata from an HTML page (trafilatura), with scripts and boilerplate dropped."""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura

from warlog.errors import EmptyInput


@dataclass(frozen=True)
class HtmlText:
    text: str
    title: str | None
    published: str | None
    url: str | None
    source: str | None


def looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text[:65536])


def html_to_text(html: str, *, url: str | None = None, source: str | None = None) -> HtmlText:
    """Extract the article text; script/style content never reaches the output."""
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise EmptyInput(source=source or url)
    return HtmlText(
        text=text,
        title=getattr(doc, "title", None),
        published=getattr(doc, "date", None),
        url=getattr(doc, "url", None) or url,
        source=getattr(doc, "sitename", None),
    )
