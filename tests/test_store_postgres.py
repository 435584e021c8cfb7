"""PostgreSQL: the same schema, the same ingest and consolidation, the same exports as SQLite.

Runs against a real server when PARLEY_TEST_PG_URL is set, e.g.
postgresql://parley:parley@127.0.0.1:5432/postgres (the role needs CREATEDB: each test works in
a database of its own, dropped afterwards); skipped otherwise.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from synthetic import generate

from parley.export import export
from parley.store import read
from parley.store.corrections import add_correction
from parley.store.db import open_store
from parley.store.ingest import incoming_record, ingest
from pg import PG, SKIP, temporary_database

pytestmark = pytest.mark.skipif(not PG, reason=SKIP)


@pytest.fixture
def pg_url():
    with temporary_database() as url:
        yield url


def _records(n: int):
    return [incoming_record(r, f"synthetic:{i}", Path(".")) for i, r in enumerate(generate(n, seed=11))]


def _exports(store, tmp_path: Path, tag: str) -> dict[str, bytes]:
    out = {}
    with store.connect() as conn:
        for kind in ("meetings", "agreements", "statements", "people", "graph"):
            path = tmp_path / f"{tag}-{kind}.jsonl"
            export(conn, kind, "jsonl", path)
            # the two corrections were made a moment apart: their time stamps differ
            out[kind] = re.sub(rb'"at":\s*"[^"]*"', b'"at": "-"', path.read_bytes())
    return out


def test_postgres_round_trip_matches_sqlite(pg_url, tmp_path):
    pg = open_store(pg_url)
    lite = open_store(str(tmp_path / "lite.db"))
    assert pg.dialect == "postgresql"
    for store in (pg, lite):
        report = ingest(store, _records(300))
        assert report.added == 300 and not report.failures
        with store.connect() as conn:
            key = read.list_meetings(conn, series="brics-national-security")[0].key
        add_correction(store, "meeting", key, "edit", field="place", value="Kazan", author="ci", reason="round trip")
        assert ingest(store, _records(300)).unchanged == 300
    assert _exports(pg, tmp_path, "pg") == _exports(lite, tmp_path, "lite")
    with pg.connect() as conn:
        assert read.list_meetings(conn, series="brics-national-security")
        p = read.get_person(conn, "Sergey Shoigu")
        assert p is not None and p.meetings
        assert read.search_statements(conn, contains="AFGHANISTAN detail")
    pg.close()
    lite.close()


def test_postgres_schema_is_managed_by_migrations(pg_url):
    from parley.store.db import current_revision, head_revision

    store = open_store(pg_url)
    assert current_revision(store.engine) == head_revision()
    store.close()
