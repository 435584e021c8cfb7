"""``parley watch`` against feeds and pages served on loopback: polls, a changed article, a source
down for a poll, a restart, robots.txt, one request at a time per host."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from parley import __version__
from parley.cli import app
from parley.store import models as m
from parley.store.db import open_store
from parley.watch.feeds import read_sources
from parley.watch.fetch import Fetcher
from parley.watch.watcher import Watcher

PAGE = """<!doctype html><html><head><title>{title}</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>{title}</h1><p>{body}</p></article>
<footer>Copyright 2025 Minsk Daily. All rights reserved.</footer></body></html>"""

COUNCIL = ("The meeting of the CIS Council of Defence Ministers was held in Minsk on 5 November 2025. "
           "The ministers discussed military cooperation and signed a plan of joint exercises for 2026.")
CHANGED = COUNCIL + " Belarusian Defence Minister Viktor Khrenin chaired the session."
CSTO = ("The CSTO Collective Security Council met in Bishkek on 27 November 2025. The heads of state "
        "adopted a declaration on collective security and approved the budget of the organisation.")
SCO = ("Secretaries of the security councils of the SCO member states met in Moscow on 12 September 2025 "
       "and discussed countering terrorism, separatism and extremism in the region.")
BRICS = ("High representatives of the BRICS countries responsible for national security met in Brasilia "
         "on 30 April 2025 to discuss international security and the situation in the Middle East.")


@dataclass
class Resource:
    body: bytes
    content_type: str
    etag: str
    status: int = 200


@dataclass
class Site:
    """What the server serves, and what it was asked: requests by path, the headers of each."""

    resources: dict[str, Resource] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    pause: float = 0.0  # seconds each answer takes
    in_flight: int = 0
    most_in_flight: int = 0
    starts: list[float] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def put(self, path: str, body: str, content_type: str = "text/html; charset=utf-8") -> None:
        version = sum(1 for p, _ in self.requests if p == path) + len(self.resources)
        self.resources[path] = Resource(body.encode(), content_type, f'"{path}-{version}-{hash(body)}"')

    def count(self) -> Counter:
        return Counter(p for p, _ in self.requests)


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the http.server API
            with site.lock:
                site.requests.append((self.path, dict(self.headers)))
                site.in_flight += 1
                site.most_in_flight = max(site.most_in_flight, site.in_flight)
                site.starts.append(time.monotonic())
            try:
                time.sleep(site.pause)
                res = site.resources.get(self.path)
                if res is None:
                    self.send_error(404)
                elif res.status != 200:
                    self.send_error(res.status)
                elif self.headers.get("If-None-Match") == res.etag:
                    self.send_response(304)
                    self.send_header("ETag", res.etag)
                    self.end_headers()
                else:
                    self.send_response(200)
                    self.send_header("Content-Type", res.content_type)
                    self.send_header("Content-Length", str(len(res.body)))
                    self.send_header("ETag", res.etag)
                    self.end_headers()
                    self.wfile.write(res.body)
            finally:
                with site.lock:
                    site.in_flight -= 1

        def log_message(self, *args: object) -> None:
            pass

    return Handler


@pytest.fixture
def served() -> Iterator[tuple[Site, str]]:
    site = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def rss(base: str, items: list[tuple[str, str, str]]) -> str:
    entries = "".join(f"<item><title>{t}</title><link>{base}{p}</link><guid>{base}{p}</guid>"
                      f"<pubDate>{d}</pubDate></item>" for p, t, d in items)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Minsk Daily</title><link>{base}/</link>'
            f"{entries}</channel></rss>")


def sitemap(base: str, items: list[tuple[str, str]]) -> str:
    urls = "".join(f"<url><loc>{base}{p}</loc><lastmod>{d}</lastmod></url>" for p, d in items)
    return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'


def page(title: str, body: str) -> str:
    return PAGE.format(title=title, body=body)


def test_three_polls_a_changed_article_a_source_down_and_a_restart(served, tmp_path):
    site, base = served
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# Minsk Daily\n{base}/rss.xml\n{base}/sitemap.xml  # the archive\n", encoding="utf-8")
    db = tmp_path / "kb.db"
    site.put("/rss.xml", rss(base, [("/news/council.html", "Council met", "Wed, 05 Nov 2025 10:00:00 GMT"),
                                    ("/news/csto.html", "CSTO met", "Thu, 27 Nov 2025 09:00:00 GMT")]),
             "application/rss+xml")
    site.put("/sitemap.xml", sitemap(base, [("/news/sco.html", "2025-09-12")]), "application/xml")
    site.put("/news/council.html", page("Council met", COUNCIL))
    site.put("/news/csto.html", page("CSTO met", CSTO))
    site.put("/news/sco.html", page("SCO met", SCO))

    store = open_store(str(db))
    watcher = Watcher(store, Fetcher(delay=0))
    first = watcher.poll(read_sources(feeds))
    assert (first.sources, first.listed, first.new, first.added, first.outages) == (2, 3, 3, 3, [])

    # Between the polls the council report is updated (its feed entry dated anew), the sitemap is down.
    site.put("/rss.xml", rss(base, [("/news/council.html", "Council met", "Wed, 05 Nov 2025 18:00:00 GMT"),
                                    ("/news/csto.html", "CSTO met", "Thu, 27 Nov 2025 09:00:00 GMT")]),
             "application/rss+xml")
    site.put("/news/council.html", page("Council met", CHANGED))
    site.resources["/sitemap.xml"].status = 503
    second = watcher.poll(read_sources(feeds))
    assert [p.url for p in second.outages] == [f"{base}/sitemap.xml"]
    assert "503" in second.outages[0].reason
    assert (second.changed, second.new, second.replaced, second.added) == (1, 0, 1, 0)

    # The sitemap is back, with one more article.
    site.put("/sitemap.xml", sitemap(base, [("/news/sco.html", "2025-09-12"), ("/news/brics.html", "2025-04-30")]),
             "application/xml")
    site.put("/news/brics.html", page("BRICS met", BRICS))
    third = watcher.poll(read_sources(feeds))
    assert (third.outages, third.not_modified, third.new, third.added, third.changed) == ([], 1, 1, 1, 0)
    store.close()

    # A restart: a new process, through the command line, on the same store.
    before = site.count()
    result = CliRunner().invoke(app, ["watch", str(feeds), "--once", "--db", str(db), "--delay", "0",
                                      "--contact", "https://example.org/newsdesk"])
    assert result.exit_code == 0, result.output
    after = site.count() - before
    # robots.txt (a new process reads it anew) and the two sources, no article
    assert after == Counter({"/robots.txt": 1, "/rss.xml": 1, "/sitemap.xml": 1}), after
    restart_requests = site.requests[-2:]
    assert all(h.get("If-None-Match") for _, h in restart_requests)  # both answered 304

    pages = {p: n for p, n in site.count().items() if p.startswith("/news/")}
    assert pages == {"/news/council.html": 2, "/news/csto.html": 1, "/news/sco.html": 1, "/news/brics.html": 1}
    agent = f"Parley/{__version__} (news intake for a record of security meetings"
    assert all(h["User-Agent"] == agent + ")" for _, h in site.requests[:-after.total()])
    # Who runs it, when told, in every request of the restarted process.
    assert all(h["User-Agent"] == agent + "; +https://example.org/newsdesk)" for _, h in site.requests[-after.total():])
    with open_store(str(db)) as store, store.connect() as conn:
        docs = conn.execute(select(m.Document.url, m.Document.id, m.Document.superseded_by, m.Document.raw_text)
                            .order_by(m.Document.ingested_at)).all()
    by_url = Counter(d.url for d in docs)
    assert by_url == Counter({f"{base}/news/council.html": 2, f"{base}/news/csto.html": 1,
                              f"{base}/news/sco.html": 1, f"{base}/news/brics.html": 1})
    council = [d for d in docs if d.url.endswith("council.html")]
    current = [d for d in council if d.superseded_by is None]
    assert len(current) == 1 and "Khrenin" in current[0].raw_text
    assert [d.superseded_by for d in council if d.superseded_by] == [current[0].id]


def test_robots_txt_is_obeyed(served, tmp_path):
    site, base = served
    site.put("/robots.txt", "User-agent: Parley\nDisallow: /private/\n", "text/plain")
    site.put("/rss.xml", rss(base, [("/private/leak.html", "Leak", "Wed, 05 Nov 2025 10:00:00 GMT"),
                                    ("/news/sco.html", "SCO met", "Fri, 12 Sep 2025 10:00:00 GMT")]),
             "application/rss+xml")
    site.put("/private/leak.html", page("Leak", CSTO))
    site.put("/news/sco.html", page("SCO met", SCO))
    with open_store(str(tmp_path / "kb.db")) as store:
        report = Watcher(store, Fetcher(delay=0)).poll([f"{base}/rss.xml"])
    assert "/private/leak.html" not in site.count()
    assert [p.url for p in report.disallowed] == [f"{base}/private/leak.html"]
    assert (report.added, site.count()["/robots.txt"]) == (1, 1)  # robots.txt read once for the host


def test_requests_to_one_host_are_one_at_a_time_and_spaced(served):
    site, base = served
    site.pause = 0.05
    site.put("/a", "a", "text/plain")
    fetcher = Fetcher(delay=0.1)
    threads = [threading.Thread(target=fetcher.get, args=(f"{base}/a",)) for _ in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert site.count()["/a"] == 5 and site.most_in_flight == 1
    pages = [t for (p, _), t in zip(site.requests, site.starts, strict=True) if p == "/a"]
    # Each request starts at least the delay after the one before it ended (0.05 s to answer).
    assert min(b - a for a, b in zip(pages, pages[1:], strict=False)) >= 0.14


def test_a_page_down_is_retried_at_the_next_poll_and_stored_once(served, tmp_path):
    site, base = served
    site.put("/rss.xml", rss(base, [("/news/sco.html", "SCO met", "Fri, 12 Sep 2025 10:00:00 GMT")]),
             "application/rss+xml")
    site.put("/news/sco.html", page("SCO met", SCO))
    site.resources["/news/sco.html"].status = 502
    with open_store(str(tmp_path / "kb.db")) as store:
        watcher = Watcher(store, Fetcher(delay=0))
        first = watcher.poll([f"{base}/rss.xml"])
        site.resources["/news/sco.html"].status = 200
        second = watcher.poll([f"{base}/rss.xml"])
        third = watcher.poll([f"{base}/rss.xml"])
    assert [p.url for p in first.failures] == [f"{base}/news/sco.html"] and first.added == 0
    # The feed is read whole again (not 304) while one of its articles waits to be retried.
    assert (second.failures, second.added, second.not_modified) == ([], 1, 0)
    assert (third.fetched, third.not_modified, site.count()["/news/sco.html"]) == (0, 1, 2)


def test_feeds_file_takes_comments_and_refuses_what_is_not_a_url(tmp_path: Path):
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("# outlets\n\nhttps://belta.by/rss  # BelTA\nhttps://tass.com/rss/v2.xml\n"
                     "https://belta.by/rss\n", encoding="utf-8")
    assert read_sources(feeds) == ["https://belta.by/rss", "https://tass.com/rss/v2.xml"]
    feeds.write_text("https://belta.by/rss\nfile:///etc/passwd\n", encoding="utf-8")
    with pytest.raises(ValueError, match="feeds.txt:2"):
        read_sources(feeds)
