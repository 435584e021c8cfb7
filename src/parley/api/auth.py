"""Who may write: ``Authorization: Bearer <token>`` for the JSON API, a login cookie for the pages.

Reading is open. Every write (corrections, review decisions, ingest) needs a token created with
``parley token create NAME``; the token's name is recorded as the author of the corrections.

Pages: ``/login`` takes a token and sets it in an HttpOnly, SameSite=Strict cookie; every form
that writes carries a CSRF field derived from the token (sha256, so it reveals nothing about the
token and cannot be forged without it), checked in constant time, and a cross-site Origin is
refused. The cookie alone never authorises a write.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import threading
import time
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from parley.api.tokens import TokenInfo, record_use, verify_token

COOKIE = "parley_token"
bearer = HTTPBearer(auto_error=False, description="A token from `parley token create NAME`.")

_HOW = "create one with `parley token create NAME` and send it as `Authorization: Bearer <token>`"


def _check(request: Request, token: str | None) -> TokenInfo | None:
    if not token:
        return None
    store = request.app.state.store
    with store.connect() as conn:
        info = verify_token(conn, token)
    if info is not None:
        _note_use(request, info)
    return info


_last_noted: dict[str, float] = {}
_noted_lock = threading.Lock()


def _note_use(request: Request, info: TokenInfo) -> None:
    """Record last use (at most once a minute per token: reads must not write every time)."""
    now = time.monotonic()
    with _noted_lock:
        if now - _last_noted.get(info.id, -1e9) < 60:
            return
        _last_noted[info.id] = now
    with contextlib.suppress(Exception):  # bookkeeping must never fail a request
        record_use(request.app.state.store.engine, info.id)


def require_writer(request: Request, credentials: HTTPAuthorizationCredentials | None = None) -> TokenInfo:
    """The API's write guard: a valid bearer token, or 401 saying how to get one."""
    token = credentials.credentials if credentials else None
    if token is None:
        raise HTTPException(401, f"writing needs a token: {_HOW}", headers={"WWW-Authenticate": "Bearer"})
    info = _check(request, token)
    if info is None:
        raise HTTPException(401, "this token is not valid (mistyped, or revoked): `parley token list` shows the "
                                 f"active ones; {_HOW}", headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})
    return info


def writer(request: Request,
           credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)] = None) -> TokenInfo:
    """FastAPI dependency for write endpoints (documents the bearer scheme in OpenAPI)."""
    return require_writer(request, credentials)


def page_user(request: Request) -> TokenInfo | None:
    """The signed-in reviewer of a page request (from the login cookie), or None."""
    return _check(request, request.cookies.get(COOKIE))


def csrf_for(token: str) -> str:
    return hashlib.sha256(b"parley-csrf\0" + token.encode("utf-8")).hexdigest()[:40]


def page_csrf(request: Request) -> str | None:
    token = request.cookies.get(COOKIE)
    return csrf_for(token) if token else None


def require_page_writer(request: Request, csrf: str | None) -> TokenInfo:
    """A form post: the login cookie, the matching CSRF field, and no cross-site Origin."""
    origin = request.headers.get("origin")
    if origin and origin != "null":
        host = request.headers.get("host", "")
        if origin.split("://", 1)[-1] != host:
            raise HTTPException(403, "this form was sent from another site; open the page here and send it again")
    token = request.cookies.get(COOKIE)
    if not token:
        raise HTTPException(401, "sign in first: /login takes a token from `parley token create NAME`")
    if not csrf or not hmac.compare_digest(csrf, csrf_for(token)):
        raise HTTPException(403, "the form's security field does not match your sign-in; reload the page and "
                                 "send it again")
    info = _check(request, token)
    if info is None:
        raise HTTPException(401, "your token is no longer valid (revoked?): sign in again at /login")
    return info
