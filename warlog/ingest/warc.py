"""WARC files (warcio), e.g. Common Crawl News: every HTML response becomes one document.

Why the WARC-Date is only a fallback: it is when the crawler fetched the page, which can be days after the
article was published; the date trafilatura finds in the page wins, and the crawl date is used only when the
page states none (an upper bound for the publication date is better than none as the anchor for "yesterday").
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from warlog.errors import InputError
from warlog.ingest.reader import DocumentInput, read_bytes
from warlog.ingest.validate import MAX_CHARS

WARC_SUFFIXES = (".warc", ".warc.gz")
_TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def read_warc(path: Path, *, max_chars: int = MAX_CHARS) -> Iterator[DocumentInput | InputError]:
    """Each HTML/text response (or resource) record; non-document records are skipped silently."""
    _check_magic(path)
    try:
        with open(path, "rb") as fh:
            for record in ArchiveIterator(fh):
                if record.rec_type not in ("response", "resource", "conversion"):
                    continue
                ctype = _content_type(record)
                if not ctype.startswith(_TEXT_TYPES):
                    continue
                if record.http_headers is not None and record.http_headers.get_statuscode() not in (
                    "200",
                    None,
                ):
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI")
                name = f"{path}#{uri or record.rec_headers.get_header('WARC-Record-ID')}"
                payload = record.content_stream().read()
                try:
                    item = read_bytes(
                        payload,
                        name=name,
                        html=not ctype.startswith("text/plain"),
                        max_chars=max_chars,
                        url=uri,
                    )
                except InputError as exc:
                    yield exc
                    continue
                if item.published is None:
                    item.published = record.rec_headers.get_header("WARC-Date")
                yield item
    except (ArchiveLoadFailed, OSError) as exc:
        raise InputError(f"not a readable WARC file ({exc}); check the file", source=str(path)) from exc


def _check_magic(path: Path) -> None:
    """warcio reads almost anything as an old ARC file; a WARC starts with ``WARC/`` (inside the gzip)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(2)
        opener = gzip.open if head == b"\x1f\x8b" else open
        with opener(path, "rb") as fh:
            magic = fh.read(5)
    except (OSError, EOFError) as exc:
        raise InputError(f"not a readable WARC file ({exc}); check the file", source=str(path)) from exc
    if magic != b"WARC/":
        raise InputError(
            "not a readable WARC file (it does not start with WARC/); check the file", source=str(path)
        )


def _content_type(record) -> str:
    if record.http_headers is not None:
        value = record.http_headers.get_header("Content-Type") or ""
    else:
        value = record.rec_headers.get_header("Content-Type") or ""
    return value.split(";", 1)[0].strip().lower()
