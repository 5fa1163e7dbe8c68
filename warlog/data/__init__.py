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
