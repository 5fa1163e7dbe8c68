"""API tokens: create, list, revoke, and check a presented token.

Why only a hash: the database may be copied, backed up or shared with a team; a SHA-256 of a 256-bit random
token cannot be turned back into a usable token, so a leaked table grants nothing. The raw token is shown
once, at creation (``warlog token create NAME``). A token's ``name`` is the reviewer's name in the audit log.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import select

from warlog.errors import TokenError
from warlog.store.models import ApiTokenRow

if TYPE_CHECKING:
    from warlog.store.repo import Store

PREFIX = "wlg_"
MAX_NAME = 120


@dataclass(frozen=True)
class TokenInfo:
    name: str
    created: datetime
    revoked: datetime | None

    @property
    def active(self) -> bool:
        return self.revoked is None


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(store: Store, name: str) -> str:
    """Mint a token for ``name`` and return it (the only time it is ever seen in clear)."""
    name = name.strip()
    if not name or len(name) > MAX_NAME:
        raise TokenError(f"a token name must have 1 to {MAX_NAME} characters; pick another", source=name)
    token = PREFIX + secrets.token_urlsafe(32)
    with store.session() as s:
        if s.scalar(select(ApiTokenRow).where(ApiTokenRow.name == name)) is not None:
            raise TokenError(
                "a token with this name exists; revoke it first (`warlog token revoke NAME`) or pick "
                "another name",
                source=name,
            )
        s.add(ApiTokenRow(name=name, token_hash=hash_token(token), created=datetime.now(UTC)))
    return token


def list_tokens(store: Store) -> list[TokenInfo]:
    with store.session() as s:
        rows = s.scalars(select(ApiTokenRow).order_by(ApiTokenRow.id)).all()
        return [TokenInfo(r.name, _aware(r.created), _aware(r.revoked)) for r in rows]


def revoke_token(store: Store, name: str) -> None:
    """Revoke the token of ``name``; its row stays (the name keeps meaning the same reviewer in the log).

    A revoked name is freed for a new token by renaming the old row ``NAME (revoked <time>)``."""
    with store.session() as s:
        row = s.scalar(select(ApiTokenRow).where(ApiTokenRow.name == name, ApiTokenRow.revoked.is_(None)))
        if row is None:
            raise TokenError("no active token has this name; see `warlog token list`", source=name)
        now = datetime.now(UTC)
        row.revoked = now
        row.name = f"{name} (revoked {now:%Y-%m-%dT%H:%M:%S.%fZ})"[:MAX_NAME]


def check_token(store: Store, token: str) -> str | None:
    """The name behind an active token, or None for an unknown or revoked one."""
    if not token:
        return None
    with store.session() as s:
        row = s.scalar(
            select(ApiTokenRow).where(
                ApiTokenRow.token_hash == hash_token(token), ApiTokenRow.revoked.is_(None)
            )
        )
        return None if row is None else row.name


def _aware(value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value
