"""Turn a file, stdin bytes or a string into a ``DocumentInput``: decoding, HTML main text, size limits.

Why a separate step: the CLI, the ingest command and batch runners all read files the same way, and a bad
file must fail with an ``InputError`` for that file alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from warlog.errors import InputError, InputTooLarge
from warlog.ingest.html import html_to_text, looks_like_html
from warlog.ingest.validate import MAX_CHARS, decode_bytes

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})


@dataclass
class DocumentInput:
    """What a caller knows about one text before extraction."""

    text: str
    published: str | datetime | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None
    name: str | None = None  # how to call it in error messages (file name, line number)


def read_bytes(
    data: bytes,
    *,
    name: str,
    html: bool | None = None,
    max_chars: int = MAX_CHARS,
    published: str | datetime | None = None,
    source: str | None = None,
    url: str | None = None,
    title: str | None = None,
) -> DocumentInput:
    """Decode bytes to a document; HTML (by flag or by sniffing) is reduced to its main text.

    Values given by the caller win over metadata found in the HTML."""
    if len(data) > 4 * max_chars:  # cheap guard before decoding something huge
        raise InputTooLarge(len(data), max_chars, source=name)
    text = decode_bytes(data, source=name)
    if html is None:
        html = looks_like_html(text)
    if html:
        page = html_to_text(text, url=url, source=name)
        return DocumentInput(
            text=page.text,
            published=published or page.published,
            source=source or page.source,
            url=url or page.url,
            title=title or page.title,
            name=name,
        )
    return DocumentInput(text=text, published=published, source=source, url=url, title=title, name=name)


def read_path(path: Path, *, max_chars: int = MAX_CHARS, **meta) -> DocumentInput:
    """Read one file; ``.html``/``.htm`` are parsed as HTML, other files are sniffed."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror}); check the path", source=str(path)) from exc
    if not path.is_file():
        raise InputError("not a regular file; pass a text or HTML file", source=str(path))
    if size > 4 * max_chars:
        raise InputTooLarge(size, max_chars, source=str(path))
    html = True if path.suffix.lower() in HTML_SUFFIXES else None
    return read_bytes(path.read_bytes(), name=str(path), html=html, max_chars=max_chars, **meta)
