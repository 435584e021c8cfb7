"""A PostgreSQL database of a test's own, on the server PARLEY_TEST_PG_URL names (the role needs
CREATEDB), dropped afterwards; tests that need one skip when the variable is not set."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

PG = os.environ.get("PARLEY_TEST_PG_URL")
SKIP = "PARLEY_TEST_PG_URL is not set (a postgresql:// URL)"


@contextmanager
def temporary_database(prefix: str = "parley_test") -> Iterator[str]:
    """The URL of a new, empty database on the test server, dropped (connections closed) after."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from parley.store.db import resolve_url

    assert PG, SKIP
    base = resolve_url(PG)
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(base).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
