"""One poll of the watched sources: read each feed or sitemap (conditionally), fetch the articles
that are new, changed or not yet stored, extract and store them, and remember it all in the store.

An article is fetched again only when its source gives it a new date (an entry's updated date, a
sitemap's lastmod), and then conditionally; its new bytes make a new document with the same URL,
which the store keeps as a new version (the old one marked superseded). A source or a page that
cannot be fetched is reported and tried again at the next poll; nothing else stops the poll.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any
from urllib.parse import urlsplit

from parley.errors import Failure
from parley.ingest.document import Document
from parley.store.blocks import consolidate
from parley.store.db import Store
from parley.store.ingest import Incoming, ingest
from parley.store.intake import ItemState, SourceState, item_states, save_items, save_source, source_state
from parley.watch.feeds import Entry, ListingError, parse_listing
from parley.watch.fetch import Disallowed, Fetcher, FetchError
from parley.watch.page import content_sha, page_document

# A page that keeps failing is tried this many polls in a row, then left until its source dates it anew.
MAX_ATTEMPTS = 5
# A sitemap index is followed to at most this many sitemaps per poll.
MAX_SITEMAPS = 1000


@dataclass
class Problem:
    url: str
    reason: str

    def to_dict(self) -> dict[str, str]:
        return {"url": self.url, "reason": self.reason}


@dataclass
class PollReport:
    sources: int = 0  # feeds and sitemaps read (including those a sitemap index named)
    not_modified: int = 0  # sources that answered 304
    outages: list[Problem] = field(default_factory=list)  # sources not read: tried again next poll
    listed: int = 0  # articles the sources list
    fetched: int = 0  # article pages requested
    new: int = 0
    changed: int = 0  # fetched again because their source gave them a new date
    unchanged: int = 0  # fetched again, and the same (304, or the same bytes)
    added: int = 0  # stored as new documents
    replaced: int = 0  # stored as a new version of an article already stored
    copied: int = 0  # a stored article's text again (syndicated, or the page's furniture changed)
    disallowed: list[Problem] = field(default_factory=list)  # robots.txt said no
    failures: list[Problem] = field(default_factory=list)  # articles not stored (why), retried if transient

    def to_dict(self) -> dict[str, Any]:
        out = {k: v for k, v in self.__dict__.items() if isinstance(v, int)}
        out |= {k: [p.to_dict() for p in getattr(self, k)] for k in ("outages", "disallowed", "failures")}
        return out


@dataclass
class _Todo:
    entry: Entry
    source: str
    known: ItemState | None


class Watcher:
    """Polls sources into ``store``. The extraction models are loaded at the first article to
    extract, once for the watcher's life."""

    def __init__(self, store: Store, fetcher: Fetcher | None = None, *, batch: int = 16,
                 language: str | None = None) -> None:
        self.store, self.fetcher = store, fetcher or Fetcher()
        self.batch, self.language = batch, language
        self._extractor: Any = None
        self._unsettled: set[str] = set()  # sources with an article to retry, in the current poll

    def poll(self, sources: Iterable[str]) -> PollReport:
        report = PollReport()
        self._unsettled = set()
        read: dict[str, SourceState] = {}
        listed: dict[str, _Todo] = {}
        for url, entry in self._read_sources(sources, report, read):
            listed.setdefault(entry.url, _Todo(entry, url, None))
        report.listed = len(listed)
        with self.store.connect() as conn:
            known = item_states(conn, listed)
        todo = []
        for url, item in listed.items():
            item.known = known.get(url)
            if _wanted(item):
                todo.append(item)
        stored = False
        for chunk in _chunks(_by_turns(todo), self.batch):
            stored |= self._take(chunk, report)
        # A source's validators are kept only once all it listed is dealt with: a 304 at the next
        # poll must mean there is nothing to do. Until then (an article to retry, or a process
        # killed before this line) the source is read whole again.
        for url, state in read.items():
            if url in self._unsettled:
                state.etag = state.last_modified = None
            save_source(self.store, state, ok=True)
        if stored:
            consolidate(self.store)
        return report

    # ------------------------------------------------------------------ sources

    def _read_sources(self, sources: Iterable[str], report: PollReport,
                      read: dict[str, SourceState]) -> Iterator[tuple[str, Entry]]:
        """The articles the sources list; ``read`` gets the new state of each source read."""
        queue, seen = deque(dict.fromkeys(sources)), set()
        while queue:
            url = queue.popleft()
            if url in seen:
                continue
            seen.add(url)
            with self.store.connect() as conn:
                state = source_state(conn, url)
            report.sources += 1
            try:
                resp = self.fetcher.get(url, etag=state.etag, last_modified=state.last_modified)
                if resp.status == 304:
                    report.not_modified += 1
                    save_source(self.store, state, ok=True)
                    continue
                listing = parse_listing(resp.body, resp.url)
            except (FetchError, ListingError, Disallowed) as exc:
                self._source_failed(state, str(exc), report, disallowed=isinstance(exc, Disallowed))
                continue
            state.kind = listing.kind
            # A sitemap index is read whole every time: its sitemaps change while it does not.
            if not listing.sitemaps:
                state.etag, state.last_modified = resp.etag, resp.last_modified
            read[url] = state
            room = MAX_SITEMAPS - len(seen) - len(queue)
            queue.extend(listing.sitemaps[:max(0, room)])
            for entry in listing.entries:
                yield url, entry

    def _source_failed(self, state: SourceState, reason: str, report: PollReport, *, disallowed: bool) -> None:
        state.error, state.failures = reason, state.failures + 1
        save_source(self.store, state, ok=False)
        (report.disallowed if disallowed else report.outages).append(Problem(state.url, reason))

    # ------------------------------------------------------------------ articles

    def _take(self, chunk: list[_Todo], report: PollReport) -> bool:
        """Fetch, extract and store one chunk of articles; True when a document was stored."""
        done: list[ItemState] = []
        docs: list[tuple[_Todo, ItemState, Document]] = []
        for item in chunk:
            state, doc = self._fetch(item, report)
            if doc is None:
                if state is not None:
                    done.append(state)
            else:
                docs.append((item, state, doc))
        stored = False
        if docs:
            stored = self._store(docs, report, done)
        save_items(self.store, done)
        return stored

    def _fetch(self, item: _Todo, report: PollReport) -> tuple[ItemState | None, Document | None]:
        """The item's new state, and its document when there is one to store (None when the page is
        unchanged or failed: the state says so). No state when robots.txt forbids the page."""
        known, entry = item.known, item.entry
        state = ItemState(entry.url, item.source, entry.stamp,
                          known.etag if known else None, known.last_modified if known else None,
                          known.document_id if known else None, None, known.attempts if known else 0)
        again = known is not None and known.stored
        try:
            # Validators only for a stored page: one that failed must come whole.
            resp = self.fetcher.get(entry.url, etag=state.etag if again else None,
                                    last_modified=state.last_modified if again else None)
        except Disallowed as exc:
            report.disallowed.append(Problem(entry.url, str(exc)))
            return None, None
        except FetchError as exc:
            report.fetched += 1
            return self._failed(state, exc.reason, report, transient=exc.transient, known=known), None
        report.fetched += 1
        if again:
            report.changed += 1
        else:
            report.new += 1
        if resp.status == 304 or (again and content_sha(resp.body) == state.document_id):
            report.unchanged += 1
            state.etag, state.last_modified = resp.etag or state.etag, resp.last_modified or state.last_modified
            state.attempts = 0
            return state, None
        state.etag, state.last_modified = resp.etag, resp.last_modified
        doc = page_document(resp.body, entry.url, content_type=resp.content_type, charset=resp.charset,
                            title=entry.title, published=entry.published)
        if isinstance(doc, Failure):
            return self._failed(state, doc.reason, report, transient=False, known=known), None
        if self.language:
            doc.language = self.language
        return state, doc

    def _failed(self, state: ItemState, reason: str, report: PollReport, *, transient: bool,
                known: ItemState | None) -> ItemState:
        """The state of an article not stored this time. A page that is no use as it is (404, not
        text, not extractable) waits for a new date from its source; an outage is tried again at
        the next poll, up to MAX_ATTEMPTS polls in a row."""
        state.error, state.attempts = reason, state.attempts + 1 if transient else MAX_ATTEMPTS
        if state.attempts < MAX_ATTEMPTS:
            self._unsettled.add(state.source)
            if known is not None and known.stored:
                state.stamp = known.stamp  # the new date is still to fetch: the next poll sees it as new
        report.failures.append(Problem(state.url, reason))
        return state

    def _store(self, docs: list[tuple[_Todo, ItemState, Document]], report: PollReport,
               done: list[ItemState]) -> bool:
        incoming: list[Incoming | Failure] = []
        for (item, state, doc), result in zip(docs, self._extract([d for _, _, d in docs]), strict=True):
            if isinstance(result, Failure):
                done.append(self._failed(state, result.reason, report, transient=False, known=item.known))
            else:
                incoming.append(Incoming(result.to_json(), doc.raw, state.url))
        outcomes: dict[str, str | Failure] = {}

        def on_item(item: Incoming | Failure, outcome: str) -> None:
            outcomes[item.origin] = item if isinstance(item, Failure) else outcome

        ingest(self.store, incoming, consolidate=False, on_item=on_item)
        stored = False
        for item, state, doc in docs:
            if state.url not in outcomes:
                continue  # its extraction failed: already in ``done``
            outcome = outcomes[state.url]
            if isinstance(outcome, Failure):
                done.append(self._failed(state, outcome.reason, report, transient=False, known=item.known))
                continue
            state.document_id, state.error, state.attempts = doc.id, None, 0
            report.added += outcome == "added"
            report.replaced += outcome == "replaced"
            report.copied += outcome == "copied"
            # The same bytes already stored (under another URL, or before a restart lost this state).
            report.unchanged += outcome == "unchanged"
            stored |= outcome not in ("unchanged", "copied")  # a copy changes no fact
            done.append(state)
        return stored

    def _extract(self, docs: list[Document]) -> Iterator[Any]:
        if self._extractor is None:
            from parley.pipeline import Extractor

            self._extractor = Extractor(batch_size=self.batch)
        return self._extractor.extract_many(docs)


def _wanted(item: _Todo) -> bool:
    """Whether to fetch the article: never fetched; not stored yet and still worth a try; or stored,
    and its source now gives it another date."""
    known = item.known
    if known is None:
        return True
    if item.entry.stamp is not None and item.entry.stamp != known.stamp:
        return True
    return not known.stored and known.attempts < MAX_ATTEMPTS


def _by_turns(todo: list[_Todo]) -> list[_Todo]:
    """The articles host by host in turn, so that the pause one host is owed is spent on another."""
    queues: dict[str, deque[_Todo]] = defaultdict(deque)
    for item in todo:
        queues[(urlsplit(item.entry.url).hostname or "").lower()].append(item)
    out: list[_Todo] = []
    while queues:
        for host in list(queues):
            out.append(queues[host].popleft())
            if not queues[host]:
                del queues[host]
    return out


def _chunks(items: list[_Todo], size: int) -> Iterator[list[_Todo]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk
