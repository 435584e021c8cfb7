"""Schema migrations on databases written by earlier versions of Parley."""

from __future__ import annotations

from alembic import command
from sqlalchemy import Column, Integer, MetaData, String, Table, inspect

from parley.store.blocks import consolidate
from parley.store.db import _alembic_config, current_revision, head_revision, make_engine, open_store, upgrade
from parley.store.ingest import Incoming, ingest
from test_store_robust import doc_id, record


def test_upgrade_keeps_a_tokens_table_the_web_app_created_on_first_use(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    upgrade(engine, "0001")
    # What earlier versions of the web app did: create the tokens table beside the migrated schema.
    Table("api_tokens", MetaData(),
          Column("id", String(8), primary_key=True), Column("name", String(80), nullable=False),
          Column("salt", String(32), nullable=False), Column("hash", String(64), nullable=False),
          Column("created_at", String(32), nullable=False), Column("revoked_at", String(32)),
          Column("last_used_at", String(32)), Column("uses", Integer, nullable=False)).create(engine)
    before, after = upgrade(engine)
    assert (before, after) == ("0001", head_revision())
    assert current_revision(engine) == head_revision()
    assert {"api_tokens", "block_failures"} <= set(inspect(engine).get_table_names())


def test_upgrade_creates_the_tokens_table(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'new.db'}")
    upgrade(engine, "0001")
    assert "api_tokens" not in inspect(engine).get_table_names()
    upgrade(engine)
    assert "api_tokens" in inspect(engine).get_table_names()


def test_upgrade_from_0002_adds_the_block_failures_table_and_keeps_the_documents(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'v2.db'}")
    upgrade(engine, "0002")
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO dirty_blocks (kind, block) VALUES ('meeting', 's:cis-heads-of-state')")
    assert "block_failures" not in inspect(engine).get_table_names()
    assert upgrade(engine) == ("0002", head_revision())
    assert "block_failures" in inspect(engine).get_table_names()
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT block FROM dirty_blocks").scalars().all() == ["s:cis-heads-of-state"]


def test_0011_moves_meeting_facts_to_year_blocks_and_consolidation_moves_the_meetings(tmp_path):
    store = open_store(str(tmp_path / "kb.db"))
    ingest(store, [Incoming(record(doc_id(1)), None, "t:1"),
                   Incoming(record(doc_id(2), series=None, ordinal=None, start="2026-10-14"), None, "t:2")])
    with store.engine.begin() as conn:  # the database before 0011: series facts in series blocks
        command.downgrade(_alembic_config(conn), "0010")
    blocks = "SELECT block FROM facts WHERE kind = 'meeting' ORDER BY document_id"
    dirty = "SELECT block FROM dirty_blocks WHERE kind = 'meeting' ORDER BY block"
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql(blocks).scalars().all() == ["s:cis-security-council-secretaries", "y:2026"]
    upgrade(store.engine)
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql(blocks).scalars().all() == ["y:2026", "y:2026"]
        assert conn.exec_driver_sql(dirty).scalars().all() == ["s:cis-security-council-secretaries", "y:2026"]
    assert consolidate(store).failures == []
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT key, block, documents FROM meetings").all() == [
            ("cis-security-council-secretaries/14", "y:2026", 2)]
