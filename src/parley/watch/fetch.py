"""Polite HTTP: one request at a time per host with a pause between two (longer when the host's
robots.txt asks for a Crawl-delay), robots.txt obeyed, a user agent that says who is asking,
conditional requests (If-None-Match / If-Modified-Since), bounded timeouts and sizes.

What goes wrong comes back as an exception carrying a reason for the user: FetchError for an outage
(refused, timed out, 5xx: worth trying again later, ``transient``) or a page not worth trying again
(404, too large), Disallowed for what robots.txt forbids.
"""

from __future__ import annotations

import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

from parley import __version__

USER_AGENT = f"Parley/{__version__} (news intake for a record of security meetings)"


def user_agent(contact: str | None = None) -> str:
    """What Parley calls itself to the servers it polls, with how to reach whoever runs it (a URL
    or an e-mail address, ``parley watch --contact``): a site owner who sees the requests can ask."""
    if not contact:
        return USER_AGENT
    return f"Parley/{__version__} (news intake for a record of security meetings; +{contact.strip()})"
# The name robots.txt rules address Parley by (the user agent's product token).
ROBOTS_AGENT = "Parley"
DEFAULT_DELAY = 1.0
DEFAULT_TIMEOUT = 20.0
DEFAULT_MAX_BYTES = 10_000_000
MAX_CRAWL_DELAY = 60.0  # a robots.txt Crawl-delay is obeyed up to this many seconds
ROBOTS_TTL = 3600.0  # a host's robots.txt is read again after an hour


class FetchError(Exception):
    """Why a URL could not be fetched. ``transient``: an outage, worth trying at the next poll."""

    def __init__(self, reason: str, *, transient: bool = True, status: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.transient = transient
        self.status = status  # the HTTP status, when the server answered


class Disallowed(Exception):
    """robots.txt forbids Parley this URL."""


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    status: int  # 200, or 304 (not modified: no body)
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None
    charset: str | None = None  # from the Content-Type header


Clock = Callable[[], float]


class _Host:
    """One host's turn: its lock, when its last request ended, its robots.txt rules."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.last = float("-inf")
        self.robots: RobotFileParser | None = None
        self.robots_read = float("-inf")


class Fetcher:
    """Thread-safe: requests to one host wait for each other (and for the pause); different hosts
    do not."""

    def __init__(self, *, delay: float = DEFAULT_DELAY, timeout: float = DEFAULT_TIMEOUT,
                 max_bytes: int = DEFAULT_MAX_BYTES, user_agent: str = USER_AGENT) -> None:
        self.delay, self.timeout, self.max_bytes, self.user_agent = delay, timeout, max_bytes, user_agent
        self._hosts: dict[str, _Host] = {}
        self._hosts_lock = threading.Lock()
        self._opener = urllib.request.build_opener()  # no proxies beyond the environment's, redirects followed

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Response:
        """The page at ``url``, or 304 when the validators show it unchanged."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(f"not an http(s) URL: {url}", transient=False)
        host = self._host(parts.hostname)
        rules = self._robots(host, parts.scheme, parts.netloc)
        if not rules.can_fetch(ROBOTS_AGENT, url):
            raise Disallowed(f"robots.txt of {parts.netloc} disallows {url}")
        delay = max(self.delay, min(float(rules.crawl_delay(ROBOTS_AGENT) or 0), MAX_CRAWL_DELAY))
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return self._request(host, url, headers, delay)

    def _host(self, name: str) -> _Host:
        with self._hosts_lock:
            return self._hosts.setdefault(name.lower(), _Host())

    def _robots(self, host: _Host, scheme: str, netloc: str) -> RobotFileParser:
        """The host's rules, read at most once an hour. No robots.txt (4xx) allows everything, as
        the convention goes, except 401/403 (a host that refuses robots.txt refuses crawlers); a
        robots.txt that cannot be read (5xx, timeout) is an outage: nothing is fetched from the host."""
        if host.robots is not None and time.monotonic() - host.robots_read < ROBOTS_TTL:
            return host.robots
        url = urlunsplit((scheme, netloc, "/robots.txt", "", ""))
        rules = RobotFileParser(url)
        try:
            resp = self._request(host, url, {}, self.delay)
            rules.parse(resp.body.decode("utf-8", "replace").splitlines())
        except FetchError as exc:
            status = exc.status
            if status in (401, 403):
                rules.disallow_all = True
            elif status is not None and 400 <= status < 500:
                rules.allow_all = True
            else:
                raise FetchError(f"cannot read {url}: {exc.reason}") from None
        host.robots, host.robots_read = rules, time.monotonic()
        return rules

    def _request(self, host: _Host, url: str, headers: dict[str, str], delay: float) -> Response:
        request = urllib.request.Request(url, headers={"User-Agent": self.user_agent, **headers})
        with host.lock:
            wait = host.last + delay - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            try:
                return self._open(request)
            finally:
                host.last = time.monotonic()

    def _open(self, request: urllib.request.Request) -> Response:
        url = request.full_url
        try:
            with self._opener.open(request, timeout=self.timeout) as resp:
                body = resp.read(self.max_bytes + 1)
                if len(body) > self.max_bytes:
                    raise FetchError(f"{url} is over the {self.max_bytes}-byte limit", transient=False)
                return _response(resp.geturl(), resp.status, body, resp.headers)
        except urllib.error.HTTPError as exc:
            if exc.code == 304:
                return _response(url, 304, b"", exc.headers)
            raise FetchError(f"HTTP {exc.code} {exc.reason} from {url}",
                             transient=exc.code >= 500 or exc.code in (408, 429), status=exc.code) from None
        except TimeoutError:
            raise FetchError(f"{url} timed out after {self.timeout:g} s") from None
        except urllib.error.URLError as exc:
            reason = exc.reason.strerror if isinstance(exc.reason, OSError) and exc.reason.strerror else exc.reason
            raise FetchError(f"cannot reach {url}: {reason}") from None
        except (OSError, ValueError) as exc:  # a connection reset mid-body, a malformed answer
            raise FetchError(f"{url}: {exc.__class__.__name__}: {exc}") from None


def _response(url: str, status: int, body: bytes, headers: Message) -> Response:
    content_type = headers.get_content_type() if headers.get("Content-Type") else None
    return Response(url, status, body, headers.get("ETag"), headers.get("Last-Modified"), content_type,
                    headers.get_content_charset())

