"""Alembic migrations of the knowledge base, run by `parley db upgrade` (parley.store.db.upgrade)."""
