"""Knowledge as data: lexicons (YAML/CSV) loaded and validated here, never hard-coded in extractors."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

from warlog.errors import LexiconError


def data_path(name: str):
    """Path-like handle of a file shipped in ``warlog/data``."""
    return resources.files("warlog.data").joinpath(name)


@cache
def load_yaml(name: str) -> Any:
    """Load a YAML lexicon from ``warlog/data`` (cached: lexicons are read once per process)."""
    path = data_path(name)
    try:
        with path.open("r", encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except FileNotFoundError as exc:
        raise LexiconError(f"lexicon {name!r} is missing from warlog/data") from exc
    except yaml.YAMLError as exc:
        raise LexiconError(f"lexicon {name!r} is not valid YAML: {exc}") from exc


def require_keys(name: str, entry: dict, keys: tuple[str, ...]) -> None:
    """Fail with the lexicon name and the entry when a required key is absent."""
    missing = [k for k in keys if k not in entry]
    if missing:
        raise LexiconError(f"lexicon {name!r}: entry {entry!r} lacks {', '.join(missing)}")


def word_list(name: str, raw: Any, key: str) -> list[str]:
    """The entry ``key`` of lexicon ``name`` (already loaded as ``raw``), checked to be a non-empty list of
    non-empty strings; fails naming the file and the key, so a typo in the YAML stops the load, not a
    document."""
    words = raw.get(key) if isinstance(raw, dict) else None
    if not isinstance(words, list) or not words or not all(isinstance(w, str) and w for w in words):
        raise LexiconError(
            f"lexicon {name!r}: {key!r} must be a non-empty list of words; fix warlog/data/{name}"
        )
    return words
