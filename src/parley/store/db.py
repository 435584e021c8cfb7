"""Where the knowledge base lives: an engine from a URL, ``$PARLEY_DB``, or ``./parley.db``.

A plain path is a SQLite file; ``postgresql://user:pass@host/db`` uses PostgreSQL through
psycopg 3. The schema is managed by Alembic (``parley db upgrade``); a new, empty database is
created on first use, an out-of-date one is refused with the command that fixes it.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session, sessionmaker

from parley.errors import StoreBusy, StoreError

log = logging.getLogger("parley.store")

ENV_VAR = "PARLEY_DB"
# How long a writer waits for another one to finish on SQLite (one writer at a time there).
LOCK_WAIT_VAR = "PARLEY_LOCK_WAIT"
DEFAULT_LOCK_WAIT = 120.0
DEFAULT_DB = "parley.db"
MIGRATIONS = Path(__file__).with_name("migrations")




def resolve_url(db: str | None = None) -> str:
    """The SQLAlchemy URL for ``--db`` (a URL or a file path), ``$PARLEY_DB``, or ./parley.db."""
    value = (db or os.environ.get(ENV_VAR) or DEFAULT_DB).strip()
    if "://" not in value:
        return f"sqlite:///{Path(value).expanduser()}"
    scheme, rest = value.split("://", 1)
    if scheme in ("postgresql", "postgres"):
        return f"postgresql+psycopg://{rest}"
    return value


def describe(url: str) -> str:
    """The URL without its password, for messages."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # Let SQLAlchemy, not the sqlite3 module, begin transactions: then SAVEPOINTs work (the
    # ingest keeps one per document inside a group commit), as SQLAlchemy's SQLite notes advise.
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    # WAL: readers never block the writer; NORMAL sync is durable at each commit's checkpoint
    # and survives a killed process (only an OS crash can lose the last commits).
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def lock_wait() -> float:
    try:
        return max(0.0, float(os.environ.get(LOCK_WAIT_VAR) or DEFAULT_LOCK_WAIT))
    except ValueError:
        return DEFAULT_LOCK_WAIT


def _sqlite_begin(conn: Connection) -> None:
    """Readers BEGIN (deferred: WAL lets them read while one writes); writers (connections from
    ``Store.writer``) BEGIN IMMEDIATE, taking the write lock at once. A deferred transaction that
    writes later cannot wait for the lock (SQLite refuses at once, "database is locked", to avoid
    a deadlock), an immediate one waits - and here it says so, and gives up with a StoreError."""
    if not conn.get_execution_options().get("parley_write"):
        conn.exec_driver_sql("BEGIN")
        return
    raw = conn.connection.driver_connection
    try:
        raw.execute("PRAGMA busy_timeout=200")
        try:
            raw.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
        wait = conn.get_execution_options().get("parley_lock_wait")
        if wait is None:
            wait = lock_wait()
        elif wait <= 0:
            raise StoreBusy(f"{describe(str(conn.engine.url))} is locked by another writer")
        log.warning("another process is writing to %s: waiting for it to finish (up to %.0f s; set $%s to change)",
                    describe(str(conn.engine.url)), wait, LOCK_WAIT_VAR)
        raw.execute(f"PRAGMA busy_timeout={int(wait * 1000)}")
        t0 = time.monotonic()
        try:
            raw.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            raise StoreBusy(f"{describe(str(conn.engine.url))} stayed locked by another writer for "
                             f"{time.monotonic() - t0:.0f} s: let it finish (or stop it), then run this again; "
                             f"${LOCK_WAIT_VAR} sets how long to wait") from None
        log.info("the other writer finished; going on")
    finally:
        raw.execute("PRAGMA busy_timeout=30000")


def make_engine(url: str, *, pool_size: int = 5, max_overflow: int = 10, pool_timeout: float = 30.0) -> Engine:
    """``pool_*``: at most pool_size + max_overflow connections, a caller waits pool_timeout
    seconds for one (then sqlalchemy.exc.TimeoutError; ``parley serve`` answers it 503)."""
    dumps = partial(json.dumps, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    pool = {"pool_size": pool_size, "max_overflow": max_overflow, "pool_timeout": pool_timeout}
    if url.startswith("sqlite"):
        path = url.split(":///", 1)[1] if ":///" in url else ""
        if path and path != ":memory:":
            parent = Path(path).expanduser().parent
            if not parent.exists():
                raise StoreError(f"cannot create the database {path}: directory {parent} does not exist")
        # A file uses a QueuePool (bounded as asked); an in-memory database is one connection.
        engine = create_engine(url, json_serializer=dumps, **(pool if path and path != ":memory:" else {}))
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    try:
        return create_engine(url, json_serializer=dumps, pool_pre_ping=True, **pool)
    except Exception as exc:  # bad URL, missing driver
        raise StoreError(f"cannot use database {describe(url)}: {exc}") from exc


@dataclass
class Store:
    """An open knowledge base: the engine and a session factory."""

    url: str
    engine: Engine
    lock_wait: float | None = None  # seconds a writer waits for another on SQLite [default: $PARLEY_LOCK_WAIT]

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def session(self) -> Session:
        return self._sessions()

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """A connection for reading."""
        with self.engine.connect() as conn:
            yield conn

    def write_connection(self, wait: float | None = None) -> Connection:
        """A connection for writing: on SQLite its transactions take the write lock when they
        begin, waiting for another writer with a message, or raising StoreBusy after ``wait``
        seconds (default the store's ``lock_wait``, else $PARLEY_LOCK_WAIT; 0: do not wait, say
        nothing). See _sqlite_begin. The caller closes it."""
        wait = self.lock_wait if wait is None else wait
        return self.engine.connect().execution_options(parley_write=True, parley_lock_wait=wait)

    @contextmanager
    def writer(self) -> Iterator[Connection]:
        with self.write_connection() as conn:
            yield conn

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# --------------------------------------------------------------------------- migrations


def _alembic_config(connection: Connection):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    head = ScriptDirectory.from_config(cfg).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> tuple[str | None, str]:
    """Run the migrations up to ``revision``; returns (before, after)."""
    from alembic import command

    before = current_revision(engine)
    try:
        with engine.begin() as conn:
            command.upgrade(_alembic_config(conn), revision)
    except Exception as exc:
        if isinstance(exc, StoreError):
            raise
        raise StoreError(f"migration failed on {describe(str(engine.url))}: {exc}") from exc
    return before, current_revision(engine) or ""


def open_store(db: str | None = None, *, create: bool = True) -> Store:
    """Open the knowledge base; a new, empty one gets the schema, an old one must be upgraded."""
    url = resolve_url(db)
    if not create and url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        if not path.exists():
            raise StoreError(f"no knowledge base at {path}: run `parley ingest PATH --db {path}` first "
                             f"(or set --db / ${ENV_VAR})")
    engine = make_engine(url)
    try:
        rev = current_revision(engine)
        tables = set(inspect(engine).get_table_names())
    except Exception as exc:
        engine.dispose()
        hint = ""
        if url.startswith("postgresql"):
            hint = " - is the server running, and do the user, password and database exist?"
        raise StoreError(f"cannot open database {describe(url)}: {exc.__class__.__name__}: "
                         f"{str(exc).splitlines()[0] if str(exc) else ''}{hint}") from exc
    head = head_revision()
    if rev is None:
        if tables - {"alembic_version"}:
            engine.dispose()
            raise StoreError(f"{describe(url)} holds tables that are not a Parley knowledge base; "
                             "point --db (or $PARLEY_DB) at another database")
        if not create:
            engine.dispose()
            raise StoreError(f"{describe(url)} is not a Parley knowledge base yet: "
                             "run `parley ingest` or `parley db upgrade` first")
        upgrade(engine)
    elif rev != head:
        engine.dispose()
        raise StoreError(f"{describe(url)} has schema revision {rev}, this Parley needs {head}: "
                         f"run `parley db upgrade --db {db or '...'}`")
    return Store(url, engine)
