"""The ``parley`` command line: one Typer application, its commands in one module per concern
(``extract``, ``kb``, ``queries``, ``search``, ``fixes``, ``serve``), what they share in ``common``.

Exit codes follow the usual conventions: 0 when every input was processed, 1 when some
inputs failed (they are reported and skipped, the rest are processed) or a lookup found
nothing, 2 for usage errors (a missing directory, bad options) and database errors. Files a
directory walk skips on purpose (a README, an image: notices, Failure.fatal False) are
printed by name but are not failures.
"""

from __future__ import annotations

import typer

from parley.cli import extract, fixes, kb, queries, search, serve, watch

app = typer.Typer(
    name="parley",
    help="Turn reports on intergovernmental security meetings into a verified record of meetings, "
    "agreements, statements and people.",
    no_args_is_help=True,
    add_completion=False,
)

app.command()(extract.extract)
app.command("eval")(extract.evaluate)
app.command()(extract.languages)
app.command()(kb.ingest)
app.add_typer(kb.db_app, name="db")
app.command()(queries.meetings)
app.command()(queries.meeting)
app.command()(queries.series)
app.command()(queries.person)
app.command()(queries.people)
app.command()(queries.agreements)
app.command()(queries.agreement)
app.command()(queries.statements)
app.command()(queries.review)
app.command()(search.search)
app.add_typer(kb.document_app, name="document")
app.command()(kb.export)
app.add_typer(fixes.fix_app, name="fix")
app.command()(serve.serve)
app.add_typer(serve.token_app, name="token")
app.command()(watch.watch)


def main() -> None:  # pragma: no cover - console entry point
    app()
