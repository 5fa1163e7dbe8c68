"""Turn the PATHs given to ``warlog ingest`` into a stream of documents, whatever their format.

Why a stream of results *and* errors: one bad file, feed entry or CSV row must not stop a batch of
thousands; it becomes an ``InputError`` that the runner records (``warlog errors``) and the batch goes on.
Directories are walked in sorted order, hidden files skipped, so a rerun sees the same order.

Formats by suffix: ``.jsonl``/``.ndjson``/``.csv``/``.tsv`` (``tabular``), ``.warc[.gz]`` (``warc``),
``.rss``/``.atom`` and ``.xml`` that sniffs as a feed (``feeds``); anything else is one text or HTML document
(``reader.read_path``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from warlog.errors import InputError
from warlog.ingest.feeds import FEED_SUFFIXES, looks_like_feed, read_feed
from warlog.ingest.reader import DocumentInput, read_path
from warlog.ingest.tabular import CSV_SUFFIXES, JSONL_SUFFIXES, read_csv, read_jsonl
from warlog.ingest.validate import MAX_CHARS
from warlog.ingest.warc import is_warc, read_warc


def expand(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named, and the files under directories named (sorted, hidden ones skipped)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path).parts
                if child.is_file() and not any(part.startswith(".") for part in rel):
                    yield child
        else:
            yield path


def iter_path(
    path: Path, *, mapping: Mapping[str, str] | None = None, max_chars: int = MAX_CHARS
) -> Iterator[DocumentInput | InputError]:
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl(path, mapping)
        elif suffix in CSV_SUFFIXES:
            yield from read_csv(path, mapping)
        elif is_warc(path):
            yield from read_warc(path, max_chars=max_chars)
        elif suffix in FEED_SUFFIXES or (suffix == ".xml" and _sniff_feed(path)):
            yield from read_feed(path.read_bytes(), name=str(path))
        else:
            yield read_path(path, max_chars=max_chars)
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield InputError(f"cannot read the file ({exc.strerror}); check the path", source=str(path))


def iter_inputs(
    paths: Iterable[str | Path], *, mapping: Mapping[str, str] | None = None, max_chars: int = MAX_CHARS
) -> Iterator[DocumentInput | InputError]:
    """Every document in ``paths``; failures come as ``InputError`` (with ``source`` naming the item)."""
    for path in expand(paths):
        yield from iter_path(path, mapping=mapping, max_chars=max_chars)


def _sniff_feed(path: Path) -> bool:
    with open(path, "rb") as fh:
        return looks_like_feed(fh.read(4096))
