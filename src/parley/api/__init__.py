"""The web application and JSON API (``parley serve``): browse, verify and correct the record."""

from __future__ import annotations


def create_app(db_url: str | None = None, **kwargs):
    """See ``parley.api.app.create_app`` (imported lazily: the CLI must not pay for FastAPI)."""
    from parley.api.app import create_app as _create

    return _create(db_url, **kwargs)


__all__ = ["create_app"]
