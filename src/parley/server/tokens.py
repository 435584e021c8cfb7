"""Write tokens for the web API: created on the command line, stored hashed, checked in constant time.

A token reads ``plt_<id>_<secret>``: the id (public, 8 hex digits) finds the row, the secret
(32 random bytes, url-safe base64) is checked against ``sha256(salt || secret)`` with a salt of
its own per token. Only the hash and the salt are stored; the token itself is shown once, when
it is created. A random 256-bit secret needs no slow password hash (there is nothing to guess),
so checking a token costs one SHA-256.

The table ``api_tokens`` is part of the knowledge base's schema (``parley.store.models.ApiToken``,
migration 0002).
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection, Engine

from parley.errors import TokenError
from parley.store.models import ApiToken

PREFIX = "plt"
_TOKEN = re.compile(rf"^{PREFIX}_([0-9a-f]{{8}})_([A-Za-z0-9_-]{{20,100}})$")
_NAME = re.compile(r"^[\w.@+-][\w .@+-]{0,79}$")

api_tokens = ApiToken.__table__



@dataclass
class TokenInfo:
    id: str
    name: str
    created_at: str
    revoked_at: str | None
    last_used_at: str | None
    uses: int

    @property
    def active(self) -> bool:
        return self.revoked_at is None

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "active": self.active}


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def _digest(salt: str, secret: str) -> str:
    return hashlib.sha256(bytes.fromhex(salt) + secret.encode("ascii")).hexdigest()


def create_token(engine: Engine, name: str) -> tuple[TokenInfo, str]:
    """A new token for ``name``: (its record, the token itself - shown once, never stored)."""
    name = " ".join((name or "").split())
    if not _NAME.match(name):
        raise TokenError("a token needs a name of 1-80 letters, digits, spaces or . @ + - _ "
                         "(it is shown as the author of the corrections made with it)")
    with engine.begin() as conn:
        while True:
            tid = secrets.token_hex(4)
            if conn.execute(select(api_tokens.c.id).where(api_tokens.c.id == tid)).first() is None:
                break
        secret = secrets.token_urlsafe(32)
        salt = secrets.token_hex(16)
        row = {"id": tid, "name": name, "salt": salt, "hash": _digest(salt, secret), "created_at": _now(),
               "revoked_at": None, "last_used_at": None, "uses": 0}
        conn.execute(insert(api_tokens).values(**row))
    return _info(row), f"{PREFIX}_{tid}_{secret}"


def list_tokens(engine: Engine) -> list[TokenInfo]:
    with engine.connect() as conn:
        rows = conn.execute(select(api_tokens).order_by(api_tokens.c.created_at, api_tokens.c.id)).mappings().all()
    return [_info(r) for r in rows]


def revoke_token(engine: Engine, token_id: str) -> TokenInfo:
    """Revoke by id (``parley token list`` shows them) or by the whole token."""
    m = _TOKEN.match(token_id.strip())
    tid = m[1] if m else token_id.strip()
    with engine.begin() as conn:
        row = conn.execute(select(api_tokens).where(api_tokens.c.id == tid)).mappings().first()
        if row is None:
            raise TokenError(f"no token {tid!r}: `parley token list` shows the ids")
        if row["revoked_at"] is None:
            conn.execute(update(api_tokens).where(api_tokens.c.id == tid).values(revoked_at=_now()))
        row = conn.execute(select(api_tokens).where(api_tokens.c.id == tid)).mappings().first()
    return _info(row)


def verify_token(conn: Connection, token: str | None) -> TokenInfo | None:
    """The active token's record, or None. Constant-time comparison of the hashes; the same
    work is done for an unknown id as for a wrong secret."""
    m = _TOKEN.match((token or "").strip())
    if not m:
        return None
    tid, secret = m[1], m[2]
    row = conn.execute(select(api_tokens).where(api_tokens.c.id == tid)).mappings().first()
    salt = row["salt"] if row else "00" * 16
    expected = row["hash"] if row else "0" * 64
    ok = hmac.compare_digest(_digest(salt, secret), expected)
    if not ok or row is None or row["revoked_at"] is not None:
        return None
    return _info(row)


def record_use(conn: Connection, token_id: str) -> None:
    """Count a use, in the caller's transaction."""
    conn.execute(update(api_tokens).where(api_tokens.c.id == token_id)
                 .values(last_used_at=_now(), uses=api_tokens.c.uses + 1))


def _info(row: Any) -> TokenInfo:
    return TokenInfo(row["id"], row["name"], row["created_at"], row["revoked_at"], row["last_used_at"],
                     row["uses"] or 0)
