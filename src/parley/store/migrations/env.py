"""Alembic environment: runs on the connection parley.store.db.upgrade passes in, or on
``sqlalchemy.url`` / $PARLEY_DB when Alembic's own command line is used."""

from __future__ import annotations

from alembic import context

from parley.store.db import make_engine, resolve_url
from parley.store.fulltext import include_name
from parley.store.models import Base

config = context.config
target_metadata = Base.metadata


def _configure(**kwargs) -> None:
    # Batch mode lets later migrations alter SQLite tables (it rebuilds them; PostgreSQL alters).
    context.configure(target_metadata=target_metadata, render_as_batch=True, compare_type=True,
                      include_name=include_name, **kwargs)


def run_offline() -> None:
    _configure(url=config.get_main_option("sqlalchemy.url") or resolve_url(None), literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection=connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = make_engine(config.get_main_option("sqlalchemy.url") or resolve_url(None))
    with engine.begin() as conn:
        _configure(connection=conn)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
