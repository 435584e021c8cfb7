"""What ``parley watch`` remembers between polls and across restarts: the feeds and sitemaps it
polls (their HTTP validators, how the last poll went) and the articles they listed (the date the
source gave each, the validators of its page, the document stored for it).

An item is written here only after its document is committed, so a process killed between the two
fetches that one page again (the store then finds the same content hash: "unchanged"); it never
loses an article.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select, update
from sqlalchemy.engine import Connection

from parley.store import models as m
from parley.store.db import Store


@dataclass
class SourceState:
    url: str
    kind: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None
    failures: int = 0


@dataclass
class ItemState:
    url: str
    source: str
    stamp: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    document_id: str | None = None
    error: str | None = None
    attempts: int = 0

    @property
    def stored(self) -> bool:
        return self.document_id is not None


def now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def source_state(conn: Connection, url: str) -> SourceState:
    t = m.WatchSource.__table__
    s = conn.execute(select(t).where(t.c.url == url)).first()
    if s is None:
        return SourceState(url)
    return SourceState(s.url, s.kind, s.etag, s.last_modified, s.error, s.failures)


def item_states(conn: Connection, urls: Iterable[str]) -> dict[str, ItemState]:
    wanted = list(dict.fromkeys(urls))
    out: dict[str, ItemState] = {}
    for i in range(0, len(wanted), 500):  # bounded IN lists: a sitemap lists thousands
        t = m.WatchItem.__table__
        for it in conn.execute(select(t).where(t.c.url.in_(wanted[i:i + 500]))):
            out[it.url] = ItemState(it.url, it.source, it.stamp, it.etag, it.last_modified, it.document_id,
                                    it.error, it.attempts)
    return out


def save_source(store: Store, state: SourceState, *, ok: bool) -> None:
    """How a poll of ``state.url`` went: on success its validators, on failure why (counted)."""
    values = {"kind": state.kind, "etag": state.etag, "last_modified": state.last_modified,
              "polled_at": now(), "error": None if ok else state.error, "failures": 0 if ok else state.failures}
    if ok:
        values["ok_at"] = values["polled_at"]
    with store.writer() as conn, conn.begin():
        done = conn.execute(update(m.WatchSource).where(m.WatchSource.url == state.url).values(**values))
        if not done.rowcount:
            conn.execute(m.WatchSource.__table__.insert().values(url=state.url, **values))


def save_items(store: Store, states: Iterable[ItemState]) -> None:
    """Each item as it now stands, in one transaction."""
    stamp = now()
    with store.writer() as conn, conn.begin():
        for s in states:
            values = {"source": s.source, "stamp": s.stamp, "etag": s.etag, "last_modified": s.last_modified,
                      "document_id": s.document_id, "error": s.error, "attempts": s.attempts, "fetched_at": stamp}
            done = conn.execute(update(m.WatchItem).where(m.WatchItem.url == s.url).values(**values))
            if not done.rowcount:
                conn.execute(m.WatchItem.__table__.insert().values(url=s.url, **values))
