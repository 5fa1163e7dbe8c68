"""API settings: who may read, and the size limits.

Why reads are configurable: a monitor publishing its data wants anonymous reads (``public``, the default);
a team coding sensitive reports wants every request to carry a token (``token``). Writes always need one.
Set ``WARLOG_API_READ=public|token`` or pass ``warlog serve --read-auth token``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from warlog.errors import WarlogError

READ_MODES = ("public", "token")
MAX_PAGE = 1000
DEFAULT_PAGE = 100
DEFAULT_MAX_BODY = 2 * 1024 * 1024


class SettingsError(WarlogError):
    """A bad API setting (read mode, body limit)."""

    code = "W440"


@dataclass(frozen=True)
class ApiSettings:
    read_auth: str = "public"
    max_body_bytes: int = DEFAULT_MAX_BODY

    def __post_init__(self) -> None:
        if self.read_auth not in READ_MODES:
            raise SettingsError(
                f"unknown read mode {self.read_auth!r}; use public or token", source="WARLOG_API_READ"
            )
        if self.max_body_bytes < 1:
            raise SettingsError("the body limit must be a positive number of bytes", source="max_body_bytes")

    @classmethod
    def from_env(cls, **overrides) -> ApiSettings:
        """Settings from ``WARLOG_API_READ`` and ``WARLOG_API_MAX_BODY`` (bytes); ``overrides`` win."""
        values: dict = {"read_auth": os.environ.get("WARLOG_API_READ", "public")}
        if os.environ.get("WARLOG_API_MAX_BODY"):
            try:
                values["max_body_bytes"] = int(os.environ["WARLOG_API_MAX_BODY"])
            except ValueError as exc:
                raise SettingsError("write the body limit in bytes, e.g. 2097152",
                                    source="WARLOG_API_MAX_BODY") from exc
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)
