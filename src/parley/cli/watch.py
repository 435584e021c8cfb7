"""``parley watch FEEDS.txt``: poll feeds and sitemaps and store the articles they list, now and
every ``--every`` (or once, with ``--once``).

Exit codes (with ``--once``): 0 when every source was read and every article stored, 1 when a source
was down or an article could not be stored (reported; the next poll tries again), 2 for usage and
database errors. Without ``--once`` it runs until interrupted.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from parley.cli.common import DbOpt, JsonOpt, LanguageOpt, err, open_kb, print_error, print_json

_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*([smhd]?)")
_UNIT = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_every(value: str) -> float:
    """Seconds in "90", "30s", "15m", "1h", "1d"."""
    match = _DURATION.fullmatch(value.strip().lower())
    if not match or float(match.group(1)) <= 0:
        raise typer.BadParameter(f"{value!r}: give a duration such as 30s, 15m, 1h")
    return float(match.group(1)) * _UNIT[match.group(2)]


def watch(
    feeds: Annotated[Path, typer.Argument(help="A file of RSS/Atom feed and sitemap URLs, one a line (# comments).")],
    every: Annotated[str, typer.Option("--every", help="Time between two polls: 30s, 15m, 1h.")] = "15m",
    once: Annotated[bool, typer.Option("--once", help="Poll once and exit.")] = False,
    db: DbOpt = None,
    delay: Annotated[float, typer.Option(min=0, help="Seconds between two requests to one host (more when "
                                                      "its robots.txt asks).")] = 1.0,
    timeout: Annotated[float, typer.Option(min=1, help="Seconds to wait for a server.")] = 20.0,
    max_bytes: Annotated[int, typer.Option(min=1, help="Skip pages larger than this many bytes.")] = 10_000_000,
    language: LanguageOpt = None,
    contact: Annotated[str | None, typer.Option(help="A URL or e-mail address where the sites polled can reach "
                                                     "you; sent in the user agent.",
                                                envvar="PARLEY_CONTACT")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Poll feeds and sitemaps; fetch, extract and store new and changed articles."""
    from parley.watch.feeds import read_sources
    from parley.watch.fetch import Fetcher, user_agent
    from parley.watch.watcher import Watcher

    interval = parse_every(every)
    with open_kb(db, create=True) as store:
        watcher = Watcher(store, Fetcher(delay=delay, timeout=timeout, max_bytes=max_bytes,
                                         user_agent=user_agent(contact)), language=language)
        try:
            while True:
                started = time.monotonic()
                try:
                    # Read at every poll: sources can be added or removed while it runs.
                    sources = read_sources(feeds)
                except (OSError, ValueError) as exc:
                    print_error(exc)
                    raise typer.Exit(2) from None
                if not sources:
                    print_error(f"{feeds} lists no feed or sitemap URL")
                    raise typer.Exit(2)
                report = watcher.poll(sources)
                if as_json:
                    print_json(report.to_dict())
                else:
                    _print(report)
                if once:
                    raise typer.Exit(1 if report.outages or report.failures else 0)
                time.sleep(max(0.0, interval - (time.monotonic() - started)))
        except KeyboardInterrupt:
            err.print("stopped")


def _print(report) -> None:
    for p in report.outages:
        err.print(f"[red]source down[/red] {escape(p.url)}: {escape(p.reason)} (tried again at the next poll)",
                  highlight=False)
    for p in report.failures:
        err.print(f"[red]not stored[/red] {escape(p.url)}: {escape(p.reason)}", highlight=False)
    for p in report.disallowed:
        err.print(f"[yellow]not fetched[/yellow] {escape(p.reason)}", highlight=False)
    err.print(escape(f"{time.strftime('%Y-%m-%d %H:%M:%S')} polled {report.sources} source(s) "
                     f"({report.not_modified} unchanged, {len(report.outages)} down), {report.listed} article(s) "
                     f"listed; fetched {report.fetched} ({report.new} new, {report.changed} dated anew, "
                     f"{report.unchanged} the same); stored {report.added} new, {report.replaced} new version(s), "
                     f"{report.copied} cop{'y' if report.copied == 1 else 'ies'} of a stored one; "
                     f"{len(report.failures)} failed"), highlight=False)
