"""The server (``parley serve``): the app that puts the JSON API (``parley.api``) and the pages
(``parley.web``) together, and what both need from HTTP: a connection per request, tokens and
sign-in, limits on bodies and concurrent work, ETags, the API's request and response models."""

from __future__ import annotations


def create_app(db_url: str | None = None, **kwargs):
    """See ``parley.server.app.create_app`` (imported lazily: the CLI must not pay for FastAPI)."""
    from parley.server.app import create_app as _create

    return _create(db_url, **kwargs)


__all__ = ["create_app"]
