"""What routes depend on: the store, the settings, and who is calling (tokens).

Why dependencies: FastAPI documents them in the OpenAPI spec (the bearer scheme) and a route states its
needs in its signature: ``reader`` for reads (a token only when ``read_auth`` is ``token``), ``writer`` for
writes (always a token; its name is the reviewer written to the audit log).
"""

from __future__ import annotations

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from warlog.api.errors import ApiError
from warlog.api.settings import ApiSettings
from warlog.store.repo import Store
from warlog.store.tokens import check_token

bearer = HTTPBearer(auto_error=False, description="A token from `warlog token create NAME`.")


def get_store(request: Request) -> Store:
    return request.app.state.store


def get_settings(request: Request) -> ApiSettings:
    return request.app.state.settings


def _caller(store: Store, credentials: HTTPAuthorizationCredentials | None) -> str:
    if credentials is None or not credentials.credentials:
        raise ApiError(401, "unauthorized", "this request needs a token: send 'Authorization: Bearer TOKEN' "
                       "(create one with `warlog token create NAME`)")
    name = check_token(store, credentials.credentials)
    if name is None:
        raise ApiError(403, "forbidden", "the token is unknown or revoked; create a new one with "
                       "`warlog token create NAME`")
    return name


def writer(
    request: Request, credentials: HTTPAuthorizationCredentials | None = Depends(bearer)
) -> str:
    """The name of the token's holder; 401 without a token, 403 with a bad one."""
    return _caller(get_store(request), credentials)


def reader(
    request: Request, credentials: HTTPAuthorizationCredentials | None = Depends(bearer)
) -> str | None:
    """Anyone when reads are public; else the same check as ``writer``."""
    if get_settings(request).read_auth == "public":
        return None
    return _caller(get_store(request), credentials)
