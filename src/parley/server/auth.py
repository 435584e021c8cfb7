"""Who may write: ``Authorization: Bearer <token>`` for the JSON API, a login cookie for the pages.

Reading is open. Every write (corrections, review decisions, ingest) needs a token created with
``parley token create NAME``; the token's name is recorded as the author of the corrections.

Pages: ``/login`` takes a token and sets it in an HttpOnly, SameSite=Strict cookie; every form
that writes carries a CSRF field derived from the token (sha256, so it reveals nothing about the
token and cannot be forged without it), checked in constant time. The cookie alone never
authorises a write.

Every form post (``/login`` included: a foreign site must not sign a visitor in under its own
token) must come from this site: an ``Origin`` naming another host is refused, and so is
``Origin: null`` (sent by sandboxed frames and privacy-stripped redirects, which could otherwise
pass for "no origin"). A post with no Origin at all falls back to its ``Referer``, which must then
name this host; with neither header it is allowed, because browsers send Origin on every
cross-site POST and scripts (curl) send neither - the CSRF field still guards them.

The token is checked before a write's body is read (``parley.server.guard``); its result is kept on
the request, so the endpoint's own check costs nothing and takes no second connection.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import threading
import time
from typing import Annotated
from urllib.parse import urlsplit

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from parley.server.http import after_release, request_conn, write_lock
from parley.server.tokens import TokenInfo, record_use, verify_token
from parley.store.db import Store

COOKIE = "parley_token"
bearer = HTTPBearer(auto_error=False, description="A token from `parley token create NAME`.")

_HOW = "create one with `parley token create NAME` and send it as `Authorization: Bearer <token>`"


def _check(request: Request, token: str | None) -> TokenInfo | None:
    if not token:
        return None
    # The answer is kept on the request (the ASGI scope's state, shared by the middleware and the
    # endpoint): the token-first guard's check is the only one that reads the database.
    checked: dict[str, TokenInfo | None] = request.scope.setdefault("state", {}).setdefault("parley.tokens", {})
    if token in checked:
        return checked[token]
    with request_conn(request) as conn:
        info = verify_token(conn, token)
    checked[token] = info
    if info is not None:
        _note_use(request, info)
    return info


_last_noted: dict[str, float] = {}
_noted_lock = threading.Lock()


def _note_use(request: Request, info: TokenInfo) -> None:
    """Record last use (at most once a minute per token: reads must not write every time).

    The write waits until the request has given its connection back (``get_conn`` runs what is
    left in ``after_release``): written from inside, it would be the request's second one."""
    now = time.monotonic()
    with _noted_lock:
        if now - _last_noted.get(info.id, -1e9) < 60:
            return
        _last_noted[info.id] = now
    if getattr(request.state, "conn", None) is not None:
        after_release(request, lambda: _record_use(request.app.state.store, info.id))
    else:
        _record_use(request.app.state.store, info.id)


def _record_use(store: Store, token_id: str) -> None:
    # Never behind or beside another write of this process (SQLite has one writer at a time, and
    # a correction can take seconds), nor behind another process's write (wait=0): when one is
    # under way this use is noted next time instead.
    if not write_lock.acquire(blocking=False):
        with _noted_lock:
            _last_noted.pop(token_id, None)
        return
    try:
        with contextlib.suppress(Exception), store.write_connection(wait=0) as conn, conn.begin():
            record_use(conn, token_id)  # bookkeeping must never fail or hold up a request
    finally:
        write_lock.release()


def require_writer(request: Request, credentials: HTTPAuthorizationCredentials | None = None) -> TokenInfo:
    """The API's write guard: a valid bearer token, or 401 saying how to get one."""
    token = credentials.credentials if credentials else None
    return require_token(request, token)


def require_token(request: Request, token: str | None) -> TokenInfo:
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


FOREIGN_FORM = "this form was sent from another site; open the page here and send it again"


def foreign_origin(request: Request) -> bool:
    """Whether a form post comes from another site (see the module's note on Origin)."""
    host = request.headers.get("host", "").lower()
    origin = request.headers.get("origin")
    if origin is not None:
        origin = origin.strip().lower()
        return origin == "null" or urlsplit(origin).netloc != host
    referer = request.headers.get("referer")
    if referer:
        return urlsplit(referer.strip().lower()).netloc != host
    return False


def require_same_site(request: Request) -> None:
    if foreign_origin(request):
        raise HTTPException(403, FOREIGN_FORM)


def require_signed_in(request: Request) -> TokenInfo:
    """The login cookie's token, valid (checked before a form's body is read, and again after)."""
    token = request.cookies.get(COOKIE)
    if not token:
        raise HTTPException(401, "sign in first: /login takes a token from `parley token create NAME`")
    info = _check(request, token)
    if info is None:
        raise HTTPException(401, "your token is no longer valid (revoked?): sign in again at /login")
    return info


def require_page_writer(request: Request, csrf: str | None) -> TokenInfo:
    """A form post: from this site, with the login cookie and the matching CSRF field."""
    require_same_site(request)
    info = require_signed_in(request)
    token = request.cookies.get(COOKIE) or ""
    if not csrf or not hmac.compare_digest(csrf, csrf_for(token)):
        raise HTTPException(403, "the form's security field does not match your sign-in; reload the page and "
                                 "send it again")
    return info
