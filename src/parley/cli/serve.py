"""``parley serve`` and ``parley token create|list|revoke``: the web application and its write tokens.
"""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.markup import escape

from parley.cli.common import DbOpt, JsonOpt, err, open_kb, print_error
from parley.cli.listing import emit, key, short, text

token_app = typer.Typer(help="Tokens that allow writing through the web API (review, corrections, ingest).",
                        no_args_is_help=True)


def _size(value: str) -> int:
    from parley.server.guard import parse_size

    try:
        return parse_size(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


def serve(
    db: DbOpt = None,
    host: Annotated[str, typer.Option(help="Address to listen on. The default serves this machine only; "
                                           "0.0.0.0 exposes the server to the network.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    pool_size: Annotated[int, typer.Option(min=1, max=1000, envvar="PARLEY_POOL_SIZE",
                                           help="Database connections kept open (one per request being "
                                                "answered).")] = 10,
    max_overflow: Annotated[int, typer.Option(min=0, max=1000, envvar="PARLEY_MAX_OVERFLOW",
                                              help="Connections opened beyond --pool-size at busy times.")] = 10,
    pool_timeout: Annotated[float, typer.Option(min=0.1, max=300, envvar="PARLEY_POOL_TIMEOUT",
                                                help="Seconds a request waits for a free connection before "
                                                     "it is answered 503 with Retry-After.")] = 3.0,
    concurrency: Annotated[int, typer.Option(min=1, max=200, envvar="PARLEY_CONCURRENCY",
                                             help="Requests worked on at once; more wait their turn in order "
                                                  "(keep it below --pool-size + --max-overflow).")] = 8,
    queue_timeout: Annotated[float, typer.Option(min=0.1, max=300, envvar="PARLEY_QUEUE_TIMEOUT",
                                                 help="Seconds a request waits for its turn before it is "
                                                      "answered 503 with Retry-After.")] = 10.0,
    max_body: Annotated[str, typer.Option(envvar="PARLEY_MAX_BODY",
                                          help="Largest request body (e.g. 8MB, 512KB); larger ones get 413 "
                                               "unread.")] = "8MB",
    max_ingest_body: Annotated[str, typer.Option(envvar="PARLEY_MAX_INGEST_BODY",
                                                 help="Largest body of POST /api/ingest (document "
                                                      "batches).")] = "64MB",
) -> None:
    """Serve the web pages and the JSON API (docs at /docs) on the knowledge base."""
    import uvicorn

    from parley.server.app import create_app
    from parley.server.guard import ServerLimits
    from parley.store.db import Store, describe, make_engine

    limits = ServerLimits(max_body=_size(max_body), max_ingest_body=_size(max_ingest_body),
                          retry_after=max(1, round(pool_timeout)), concurrency=concurrency,
                          queue_timeout=queue_timeout)
    with open_kb(db) as checked:  # the schema's revision, with the messages `parley` gives everywhere
        url = checked.url
    store = Store(url, make_engine(url, pool_size=pool_size, max_overflow=max_overflow,
                                           pool_timeout=pool_timeout))
    app = create_app(store=store, limits=limits)
    if host not in ("127.0.0.1", "localhost", "::1"):
        err.print(f"[yellow]note:[/yellow] listening on {escape(host)}: anyone who can reach it can read the record "
                  "(writing still needs a token); put it behind HTTPS")
    err.print(escape(f"Parley on {describe(store.url)}: http://{'localhost' if host == '127.0.0.1' else host}:{port}/ "
                     "(API docs at /docs; Ctrl-C stops)"))
    uvicorn.run(app, host=host, port=port, log_level="info", proxy_headers=False)


@token_app.command("create")
def token_create(name: Annotated[str, typer.Argument(help="Who uses it: shown as the author of corrections.")],
                 db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """Create a token; it is printed once and stored only as a salted hash."""
    from parley.errors import TokenError
    from parley.server.tokens import create_token

    with open_kb(db) as store:
        try:
            info, token = create_token(store.engine, name)
        except TokenError as exc:
            print_error(exc)
            raise typer.Exit(2) from None
    if as_json:
        sys.stdout.write(json.dumps({**info.to_dict(), "token": token}) + "\n")
        return
    sys.stdout.write(token + "\n")
    err.print(escape(f"token {info.id} for {info.name!r}: keep it now, it is not shown again. Send it as "
                     "`Authorization: Bearer <token>`, or paste it on the /login page."))


@token_app.command("list")
def token_list(db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """Tokens (ids and names, never the secrets) with when they were created, used and revoked."""
    from parley.server.tokens import list_tokens

    with open_kb(db) as store:
        rows = list_tokens(store.engine)
    if as_json:
        sys.stdout.write(json.dumps([r.to_dict() for r in rows], indent=1) + "\n")
        return
    emit(f"{len(rows)} token(s)", [key("id"), text("name"), short("created", drop=3), short("last used", drop=2),
                                    short("uses", drop=1), short("status")],
         [(r.id, r.name, r.created_at, r.last_used_at, str(r.uses), "active" if r.active else f"revoked {r.revoked_at}")
          for r in rows])


@token_app.command("revoke")
def token_revoke(token_id: Annotated[str, typer.Argument(help="The token's id (`parley token list`) or the token.")],
                 db: DbOpt = None) -> None:
    """Revoke a token: it stops working at once; corrections made with it stay."""
    from parley.errors import TokenError
    from parley.server.tokens import revoke_token

    with open_kb(db) as store:
        try:
            info = revoke_token(store.engine, token_id)
        except TokenError as exc:
            print_error(exc)
            raise typer.Exit(1) from None
    err.print(escape(f"token {info.id} ({info.name}) revoked at {info.revoked_at}"))
