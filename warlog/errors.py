"""The warlog exception tree. Every message names the input and how to fix it.

    WarlogError
    ├── InputError            a document that cannot be processed (the batch goes on)
    │   ├── EmptyInput        nothing but whitespace
    │   ├── BinaryInput       bytes that are not text (NUL bytes, undecodable)
    │   ├── InputTooLarge     over the size limit
    │   ├── UnsupportedLanguage  not English
    │   └── BadDate           a publication date that cannot be read
    ├── LexiconError          a data file in warlog/data is malformed
    ├── GazetteerError        the gazetteer cannot be built or read
    ├── StoreError            the database cannot be opened, migrated or queried
    └── ExportError           an unknown export format or a bad filter

The CLI maps these to exit codes once (``warlog.cli``); the library never prints.
"""

from __future__ import annotations


class WarlogError(Exception):
    """Base of every error warlog raises on purpose."""

    code = "W000"

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        prefix = f"{source}: " if source else ""
        super().__init__(f"[{self.code}] {prefix}{message}")
        self.message = message


class InputError(WarlogError):
    code = "W100"


class EmptyInput(InputError):
    code = "W101"

    def __init__(self, *, source: str | None = None) -> None:
        super().__init__("the document is empty; pass a file or text with some words in it", source=source)


class BinaryInput(InputError):
    code = "W102"

    def __init__(self, detail: str = "", *, source: str | None = None) -> None:
        msg = "the input is binary, not text"
        if detail:
            msg += f" ({detail})"
        super().__init__(msg + "; pass UTF-8 text, HTML or a feed", source=source)


class InputTooLarge(InputError):
    code = "W103"

    def __init__(self, size: int, limit: int, *, source: str | None = None) -> None:
        super().__init__(
            f"the document has {size:,} characters, over the limit of {limit:,}; "
            "split it into articles or raise the limit with --max-chars",
            source=source,
        )


class UnsupportedLanguage(InputError):
    code = "W104"

    def __init__(self, language: str, *, source: str | None = None) -> None:
        super().__init__(
            f"the document looks like '{language}', not English; warlog extracts English text only "
            "(translate it first, or pass --language en to force)",
            source=source,
        )


class BadDate(InputError):
    code = "W105"

    def __init__(self, value: str, *, source: str | None = None) -> None:
        super().__init__(
            f"cannot read the date {value!r}; use ISO 8601 such as 2022-07-04 or 2022-07-04T09:30+03:00",
            source=source,
        )


class LexiconError(WarlogError):
    code = "W200"


class GazetteerError(WarlogError):
    code = "W300"


class StoreError(WarlogError):
    """The database cannot be opened, migrated or queried as asked (issue 6: store)."""

    code = "W400"


class ExportError(WarlogError):
    """An export was asked for in a format or with a filter warlog does not know (issue 6: export)."""

    code = "W410"


class ReviewError(StoreError):
    """A review action that cannot be done as asked (unknown field, bad value, merge into itself...)."""

    code = "W420"


class UnknownRecord(StoreError):
    """An incident or document id that is not in the store."""

    code = "W421"


class TokenError(StoreError):
    """An API token cannot be created or revoked as asked (duplicate or unknown name)."""

    code = "W430"


class ClusterError(WarlogError):
    """The Dask cluster cannot be reached or is not set up for warlog (scale-out)."""

    code = "W500"


class EmbeddingsUnavailable(WarlogError):
    """Embeddings were asked for but the optional model package (or torch) is not installed."""

    code = "W510"
