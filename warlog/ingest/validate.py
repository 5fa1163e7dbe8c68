"""Checks a document must pass before extraction, each failing with a clear ``InputError``.

Why here and not in the CLI: a batch run (ingest, Dask) must reject one bad document with a message and go
on, so the checks belong to the library and raise per document.
"""

from __future__ import annotations

import re

from warlog.data import load_yaml
from warlog.errors import BinaryInput, EmptyInput, InputTooLarge, UnsupportedLanguage

#: Default size limit: a long article is ~50k characters; 2M leaves room for transcripts, not for dumps.
MAX_CHARS = 2_000_000

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def decode_bytes(data: bytes, *, source: str | None = None) -> str:
    """Decode input bytes as UTF-8 (with BOM) or fail as binary. NUL bytes mean binary."""
    if b"\x00" in data[:65536]:
        raise BinaryInput("it contains NUL bytes", source=source)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise BinaryInput(f"not UTF-8 at byte {exc.start}", source=source) from exc
        return text


def control_ratio(text: str) -> float:
    """Share of control characters other than whitespace: high in binary read as text."""
    sample = text[:65536]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f\v") or 0x7F <= ord(ch) < 0xA0)
    return bad / len(sample)


def guess_language(text: str) -> str:
    """'en' when English function words are frequent enough; otherwise the dominant script's name.

    A cheap test, not a language identifier: it only has to keep non-English text out of an English
    pipeline, where it would produce garbage rather than errors."""
    words = _WORD.findall(text[:20000])
    if not words:
        return "und"
    latin = [w for w in words if w.isascii()]
    if len(latin) < 0.5 * len(words):
        sample = "".join(words)[:2000]
        if any("\u0400" <= ch <= "\u04ff" for ch in sample):
            return "cyrillic"
        if any("\u0600" <= ch <= "\u06ff" for ch in sample):
            return "arabic"
        if any("\u4e00" <= ch <= "\u9fff" for ch in sample):
            return "chinese"
        return "non-latin"
    lexicon = load_yaml("language.yaml")
    function_words = frozenset(lexicon["english_function_words"])
    hits = sum(1 for w in latin if w.lower() in function_words)
    if len(latin) >= lexicon["min_words"] and hits / len(latin) < lexicon["min_share"]:
        return "non-english"
    return "en"


def check_text(
    text: str, *, source: str | None = None, max_chars: int = MAX_CHARS, language: str | None = None
) -> str:
    """Return the text if it can be extracted; raise an ``InputError`` naming the problem otherwise.

    ``language='en'`` skips the language test (the user vouches for it)."""
    if len(text) > max_chars:
        raise InputTooLarge(len(text), max_chars, source=source)
    if "\x00" in text[:65536] or control_ratio(text) > 0.05:
        raise BinaryInput("it contains control characters", source=source)
    if not text.strip():
        raise EmptyInput(source=source)
    if language is None:
        guessed = guess_language(text)
        if guessed != "en":
            raise UnsupportedLanguage(guessed, source=source)
    elif language != "en":
        raise UnsupportedLanguage(language, source=source)
    return text
