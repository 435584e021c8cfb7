"""The server under pressure: one database connection per request, a bounded pool answered 503
with Retry-After, bounded bodies (the token checked before one is read), bounded parameters,
Origin on every form post, corrections exported to Parquet whatever their values, review of one
field at a time; real threads against a served store, and a bounded schemathesis run."""

from __future__ import annotations

import http.client
import json
import random
import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from parley.server.app import create_app
from parley.server.auth import COOKIE, csrf_for
from parley.server.guard import ServerLimits, parse_size
from parley.store.db import Store, make_engine
from web_support import CIS13, CIS14, build_store, token

CSTO = "csto-security-council-secretaries/2026-06-12"


@pytest.fixture(scope="module")
def kb(tmp_path_factory) -> Iterator[Store]:
    store = build_store(tmp_path_factory.mktemp("robust") / "kb.db")
    yield store
    store.close()


def tight(store: Store, *, size: int = 1, timeout: float = 0.5) -> Store:
    """The same database behind a pool of ``size`` connections that waits ``timeout`` s."""
    return Store(store.url, make_engine(store.url, pool_size=size, max_overflow=0, pool_timeout=timeout))


@pytest.fixture
def fresh(tmp_path) -> Iterator[Store]:
    store = build_store(tmp_path / "kb.db")
    yield store
    store.close()


def bearer(tok: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {tok}"}


# --------------------------------------------------------------------------- connections


def test_every_request_needs_one_connection_only(fresh):
    """On a pool of ONE connection every endpoint still answers: none takes a second one (the
    detail pages' corrections, the login cookie's check, a correction's write)."""
    tok = token(fresh, "ada")
    one = tight(fresh, timeout=1)
    with TestClient(create_app(store=one)) as c:
        c.cookies.set(COOKIE, tok)
        for path in ("/api/meetings/" + CIS14, "/meetings/" + CIS14, "/api/people?limit=5", "/review", "/api/review",
                     "/api/corrections", "/corrections", "/timeline", "/api/agreements/BLR+RUS/plan/2026-2027",
                     "/agreements/BLR+RUS/plan/2026-2027", "/search?q=Minsk"):
            r = c.get(path)
            assert r.status_code == 200, (path, r.status_code, r.text[:200])
        r = c.post("/api/corrections", headers=bearer(tok),
                   json={"target_kind": "meeting", "target_key": CIS13, "action": "accept", "reason": "seen"})
        assert r.status_code == 201, r.text
        r = c.post("/review/decide", data={"kind": "meeting", "key": CSTO, "action": "accept", "reason": "ok",
                                           "csrf": csrf_for(tok)}, follow_redirects=False)
        assert r.status_code == 303, r.text
        m = c.get("/api/meetings/" + CIS13).json()
        assert [x["author"] for x in m["corrections"]] == ["ada"]
    one.close()


def test_a_full_pool_is_answered_503_with_retry_after_not_a_stall(kb):
    one = tight(kb, timeout=0.3)
    with TestClient(create_app(store=one)) as c:
        held = one.engine.connect()  # someone else holds the only connection
        try:
            t0 = time.monotonic()
            r = c.get("/api/meetings/" + CIS14)
            assert time.monotonic() - t0 < 5
            assert r.status_code == 503 and "retry" in r.json()["detail"]
            assert int(r.headers["retry-after"]) >= 1
            page = c.get("/timeline")
            assert page.status_code == 503 and "retry" in page.text and page.headers["retry-after"]
        finally:
            held.close()
        assert c.get("/api/meetings/" + CIS14).status_code == 200
    one.close()


def test_waiting_for_a_turn_is_bounded_too(kb):
    limits = ServerLimits(concurrency=1, queue_timeout=0.2)
    app = create_app(store=kb, limits=limits)
    gate = threading.Event()

    @app.get("/api/_slow")
    def slow() -> dict[str, bool]:
        gate.wait(5)
        return {"ok": True}

    with TestClient(app) as c:
        first = threading.Thread(target=lambda: c.get("/api/_slow"))
        first.start()
        time.sleep(0.2)
        r = c.get("/api/meetings")
        gate.set()
        first.join()
        assert r.status_code == 503 and r.headers["retry-after"]


# --------------------------------------------------------------------------- bodies


def test_a_declared_body_over_the_limit_is_refused_unread(kb):
    with TestClient(create_app(store=kb, limits=ServerLimits(max_body=4096, max_ingest_body=8192))) as c:
        tok = token(kb, "big")
        big = {"target_kind": "meeting", "target_key": CIS14, "action": "accept", "reason": "x" * 5000}
        r = c.post("/api/corrections", json=big, headers=bearer(tok))
        assert r.status_code == 413 and "--max-body" in r.json()["detail"]
        # /api/ingest has its own, larger limit
        r = c.post("/api/ingest", content=b'{"records": []}' + b" " * 6000,
                   headers={**bearer(tok), "Content-Type": "application/json"})
        assert r.status_code == 400  # read, and refused as empty: under its limit
        r = c.post("/api/ingest", content=b" " * 9000, headers={**bearer(tok), "Content-Type": "application/json"})
        assert r.status_code == 413
        r = c.post("/login", data={"token": "x" * 5000})
        assert r.status_code == 413


def asgi_call(app, method: str, path: str, headers: list[tuple[bytes, bytes]], body: bytes
              ) -> tuple[int, list[str]]:
    """Call the app directly; return the status and which receive calls were made."""
    import anyio

    events: list[str] = []
    status: list[int] = []

    async def receive():
        events.append("receive")
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message):
        if message["type"] == "http.response.start":
            status.append(message["status"])

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method,
             "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": b"", "root_path": "",
             "headers": [(b"host", b"testserver"), *headers], "client": ("127.0.0.1", 1),
             "server": ("testserver", 80), "state": {}}
    anyio.run(app, scope, receive, send)
    return status[0], events


def test_a_write_without_a_valid_token_is_refused_before_its_body_is_read(kb):
    app = create_app(store=kb)
    body = json.dumps({"records": [{"x": 1}]}).encode()
    length = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    for path in ("/api/ingest", "/api/corrections", "/api/corrections/1/revert"):
        status, events = asgi_call(app, "POST", path, length, body)
        assert (status, events) == (401, []), path
        status, events = asgi_call(app, "POST", path, [*length, (b"authorization", b"Bearer plt_00000000_" +
                                                                  b"x" * 43)], body)
        assert (status, events) == (401, []), path
    tok = token(kb, "reader")
    status, events = asgi_call(app, "POST", "/api/ingest", [*length, (b"authorization", f"Bearer {tok}".encode())],
                               body)
    assert events and status == 200
    # a form post from another site, or from nowhere ("null"), is refused unread as well
    for origin in (b"https://evil.example", b"null"):
        status, events = asgi_call(app, "POST", "/login", [(b"origin", origin), (b"content-length", b"9")],
                                   b"token=abc")
        assert (status, events) == (403, [])
    status, events = asgi_call(app, "POST", "/review/decide", [(b"content-length", b"9")], b"csrf=abcd")
    assert (status, events) == (401, [])


def test_parse_size():
    assert parse_size("8MB") == 8 * 1024 * 1024 and parse_size("512kb") == 512 * 1024 and parse_size("4096") == 4096
    with pytest.raises(ValueError, match="8MB"):
        parse_size("lots")


# --------------------------------------------------------------------------- parameters


HUGE = str(2**63)


@pytest.fixture(scope="module")
def client(kb) -> Iterator[TestClient]:
    with TestClient(create_app(store=kb)) as c:
        yield c


@pytest.mark.parametrize("path", [
    f"/api/meetings?offset={HUGE}", f"/api/people?offset={HUGE}", f"/api/statements?offset={HUGE}",
    f"/api/agreements?offset={HUGE}", f"/api/review?offset={HUGE}", f"/api/corrections?offset={HUGE}",
    f"/timeline?offset={HUGE}", f"/review?offset={HUGE}", f"/people?offset={HUGE}", f"/corrections?offset={HUGE}",
    "/api/meetings?since=-3410000000000000000000", "/api/meetings?since=2025-02-30", "/api/meetings?until=2025-13",
    "/timeline?since=-3410", "/api/network?since=20255", f"/api/agreements?since={HUGE}",
    f"/api/agreements?since=-{HUGE}", f"/api/network?min_weight={HUGE}", f"/review?done={HUGE}",
    "/api/corrections?target_key=" + "k" * 600,
])
def test_out_of_range_parameters_are_422_not_500(client, path):
    r = client.get(path)
    assert r.status_code == 422, (path, r.status_code, r.text[:300])


def test_valid_dates_and_a_blank_filter_still_work(client):
    for path in ("/api/meetings?since=2025", "/api/meetings?since=2025-11&until=2026-06-12", "/api/meetings?since=",
                 "/timeline?since=2024-02-29", "/api/network?since=2025-01"):
        assert client.get(path).status_code == 200, path


def test_search_is_bounded_in_words_and_length(client):
    words = " ".join(f"w{i}" for i in range(1000))
    for path in ("/api/search?q=", "/search?q=", "/api/statements?contains=", "/api/agreements?contains="):
        r = client.get(path + quote(words))
        assert r.status_code == 422, path
        assert "32 words" in r.text or "500 characters" in r.text or "at most 500" in r.text, r.text[:300]
    many = " ".join(["minsk"] * 33)
    r = client.get("/api/search", params={"q": many})
    assert r.status_code == 422 and "at most 32 words" in json.dumps(r.json())
    r = client.get("/api/search", params={"q": " ".join(["minsk"] * 32)})
    assert r.status_code == 200
    assert client.get("/api/search", params={"q": "x" * 501}).status_code == 422


def test_bounded_ids_and_keys_in_writes(client, kb):
    tok = token(kb, "bounds")
    r = client.post(f"/api/corrections/{10**20}/revert", json={"reason": "x"}, headers=bearer(tok))
    assert r.status_code == 422
    r = client.post("/api/corrections/0/revert", json={"reason": "x"}, headers=bearer(tok))
    assert r.status_code == 422
    r = client.post("/api/corrections", headers=bearer(tok), json={
        "target_kind": "meeting", "target_key": "k" * 1_000_000, "action": "accept", "reason": "x"})
    assert r.status_code == 422
    r = client.post("/api/corrections/999999/revert", json={"reason": "x"}, headers=bearer(tok))
    assert r.status_code == 400 and "no correction" in r.json()["detail"]


def test_unicode_digits_in_spans_and_facts_are_ignored_not_500(client, kb):
    doc = client.get("/api/meetings/" + CIS14).json()["meeting"]["sources"][0]["document_id"]
    for q_ in ("spans=%C2%B2-%C2%B3", "fact=meeting:%C2%B2", "spans=1-" + "9" * 3000):
        assert client.get(f"/api/documents/{doc}?{q_}").status_code == 200, q_
        assert client.get(f"/documents/{doc}?{q_}").status_code == 200, q_


# --------------------------------------------------------------------------- Origin


def test_login_refuses_a_foreign_or_null_origin(client, kb):
    tok = token(kb, "olga")
    for headers in ({"Origin": "https://evil.example"}, {"Origin": "null"},
                    {"Referer": "https://evil.example/page"}):
        r = client.post("/login", data={"token": tok}, headers=headers, follow_redirects=False)
        assert r.status_code == 403 and COOKIE not in r.headers.get("set-cookie", ""), headers
    for headers in ({"Origin": "http://testserver"}, {"Referer": "http://testserver/login"}, {}):
        r = client.post("/login", data={"token": tok}, headers=headers, follow_redirects=False)
        assert r.status_code == 303 and COOKIE in r.headers["set-cookie"], headers


def test_form_posts_refuse_origin_null(client, kb):
    tok = token(kb, "nina")
    client.cookies.set(COOKIE, tok)
    try:
        form = {"kind": "meeting", "key": CIS14, "action": "accept", "reason": "ok", "csrf": csrf_for(tok)}
        r = client.post("/review/decide", data=form, headers={"Origin": "null"}, follow_redirects=False)
        assert r.status_code == 403 and "another site" in r.text
        r = client.post("/logout", data={"csrf": csrf_for(tok)}, headers={"Origin": "null"}, follow_redirects=False)
        assert r.status_code == 403
    finally:
        client.cookies.clear()


# --------------------------------------------------------------------------- review and export


def _queue(c: TestClient) -> dict[str, list[str]]:
    return {i["key"]: i["reasons"] for i in c.get("/api/review?limit=500").json()["items"]}


def test_accepting_one_field_settles_that_field_only(fresh):
    tok = token(fresh, "rita")
    with TestClient(create_app(store=fresh)) as c:
        before = c.get("/api/meetings/" + CIS14).json()["meeting"]
        assert "conflict start" in _queue(c)[CIS14]
        # another field accepted: the start conflict stays open, in the queue, confidence unchanged
        r = c.post("/api/corrections", headers=bearer(tok), json={
            "target_kind": "meeting", "target_key": CIS14, "action": "accept", "field": "place", "reason": "ok"})
        assert r.status_code == 201
        after = c.get("/api/meetings/" + CIS14).json()["meeting"]
        assert after["confidence"] == before["confidence"] and not after["reviewed"]
        assert "conflict start" in _queue(c)[CIS14]
        # an edit of another field does not hide it either
        low = c.get("/api/meetings/" + CSTO).json()["meeting"]
        r = c.post("/api/corrections", headers=bearer(tok), json={
            "target_kind": "meeting", "target_key": CIS14, "action": "edit", "field": "name",
            "value": "13th... no, 14th meeting", "reason": "typo"})
        assert r.status_code == 201
        assert "conflict start" in _queue(c)[CIS14]
        # the conflicting field accepted: settled, and the meeting leaves the queue
        r = c.post("/api/corrections", headers=bearer(tok), json={
            "target_kind": "meeting", "target_key": CIS14, "action": "accept", "field": "start", "reason": "ok"})
        assert r.status_code == 201
        assert CIS14 not in _queue(c)
        # a fact's field accepted leaves the fact's confidence (and its meeting's) alone
        src = low["sources"][0]
        fact = f"{src['document_id']}:meeting:{src['item']}"
        r = c.post("/api/corrections", headers=bearer(tok), json={
            "target_kind": "fact", "target_key": fact, "action": "accept", "field": "place", "reason": "ok"})
        assert r.status_code == 201, r.text
        assert c.get("/api/meetings/" + CSTO).json()["meeting"]["confidence"] == low["confidence"]
        # the whole meeting accepted: reviewed, out of the queue
        r = c.post("/api/corrections", headers=bearer(tok), json={
            "target_kind": "meeting", "target_key": CSTO, "action": "accept", "reason": "ok"})
        assert r.status_code == 201 and CSTO not in _queue(c)


def test_parquet_export_of_corrections_with_mixed_values(fresh, tmp_path):
    import pyarrow.parquet as pq

    from parley import export as ex
    from parley.store.corrections import add_correction

    add_correction(fresh, "meeting", CIS14, "edit", field="ordinal", value="15", author="a", reason="number")
    add_correction(fresh, "meeting", CIS14, "edit", field="place", value="Moscow", author="a", reason="text")
    add_correction(fresh, "meeting", CIS14, "accept", author="a", reason="all")
    with fresh.engine.connect() as conn:
        assert ex.export(conn, "corrections", "parquet", tmp_path / "c.parquet") == 3
    table = pq.read_table(tmp_path / "c.parquet")
    assert str(table.schema.field("new_value").type) == "string"
    values = [None if v is None else json.loads(v) for v in table.column("new_value").to_pylist()]
    assert values == [15, "Moscow", None]
    old = [None if v is None else json.loads(v) for v in table.column("old_value").to_pylist()]
    assert old[0] == 14 and old[1] == "Minsk"


# --------------------------------------------------------------------------- served, with real threads


class Served:
    """uvicorn on 127.0.0.1 (a free port) in a thread, until ``stop``."""

    def __init__(self, app) -> None:
        import uvicorn

        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.05)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(20)
        self.sock.close()


def request(port: int, method: str, path: str, body: bytes | None = None, headers: dict[str, str] | None = None,
            timeout: float = 20) -> tuple[int, bytes]:
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        c.request(method, path, body=body, headers=headers or {})
        r = c.getresponse()
        return r.status, r.read()
    finally:
        c.close()


def test_a_chunked_body_is_stopped_at_the_limit(kb):
    served = Served(create_app(store=kb, limits=ServerLimits(max_body=64 * 1024)))
    try:
        tok = token(kb, "chunky")
        sent = 0

        def chunks() -> Iterator[bytes]:
            nonlocal sent
            yield b'{"target_kind": "meeting", "target_key": "x", "action": "accept", "reason": "'
            for _ in range(400):  # 400 x 4 KiB: far over the limit, if it were all read
                sent += 4096
                yield b"x" * 4096
            yield b'"}'

        c = http.client.HTTPConnection("127.0.0.1", served.port, timeout=20)
        try:
            c.request("POST", "/api/corrections", body=chunks(), encode_chunked=True,
                      headers={**bearer(tok), "Content-Type": "application/json"})
            r = c.getresponse()
            status, detail = r.status, r.read()
        except (BrokenPipeError, ConnectionResetError):
            status, detail = 413, b"closed while sending"
        finally:
            c.close()
        assert status == 413, detail
    finally:
        served.stop()


def test_concurrent_readers_and_writers(fresh):
    """24 reader threads and 2 writer threads for a few seconds: no 5xx, and every correction the
    server accepted is listed afterwards."""
    served = Served(create_app(store=tight(fresh, size=6, timeout=3)))
    tok = token(fresh, "writer")
    keys = [CIS13, CIS14, CSTO, "multilateral/2026-03-01/b-minsk-b"]
    paths = [f"/api/meetings/{k}" for k in keys] + [f"/meetings/{k}" for k in keys] + [
        "/api/meetings", "/api/people", "/api/search?q=Minsk", "/timeline", "/review", "/api/review",
        "/api/corrections", "/people", "/agreements"]
    statuses: Counter[int] = Counter()
    accepted: list[int] = []
    failures: list[str] = []
    lock = threading.Lock()
    stop = time.monotonic() + 4

    def reader(seed: int) -> None:
        rnd = random.Random(seed)
        while time.monotonic() < stop:
            try:
                status, _ = request(served.port, "GET", rnd.choice(paths))
            except OSError as exc:
                with lock:
                    failures.append(repr(exc))
                continue
            with lock:
                statuses[status] += 1

    def writer(seed: int) -> None:
        rnd = random.Random(seed)
        n = 0
        while time.monotonic() < stop:
            n += 1
            body = {"target_kind": "meeting", "target_key": rnd.choice(keys), "reason": f"w{seed} {n}",
                    **rnd.choice([{"action": "accept"}, {"action": "accept", "field": "place"},
                                  {"action": "edit", "field": "name", "value": f"Checked {seed}/{n}"}])}
            try:
                status, payload = request(served.port, "POST", "/api/corrections", json.dumps(body).encode(),
                                          {**bearer(tok), "Content-Type": "application/json"})
            except OSError as exc:
                with lock:
                    failures.append(repr(exc))
                continue
            with lock:
                statuses[status] += 1
                if 200 <= status < 300:
                    accepted.append(json.loads(payload)["id"])

    threads = [threading.Thread(target=reader, args=(i,)) for i in range(24)]
    threads += [threading.Thread(target=writer, args=(100 + i,)) for i in range(2)]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        _, listing = request(served.port, "GET", "/api/corrections?limit=500")
    finally:
        served.stop()
    assert not failures, failures[:5]
    assert not [s for s in statuses if s >= 500], statuses
    assert statuses[200] > 50 and accepted, statuses
    stored = {c["id"] for c in json.loads(listing)["items"]}
    assert set(accepted) <= stored


# --------------------------------------------------------------------------- schemathesis


def test_schemathesis_finds_no_server_error(kb):
    """Valid and invalid requests for every operation of the OpenAPI document, with a token
    (a bounded run: a few examples per operation, well under a minute)."""
    schemathesis = pytest.importorskip("schemathesis")
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis.errors import Unsatisfiable
    from schemathesis import GenerationMode

    tok = token(kb, "fuzz")
    app = create_app(store=kb)
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    errors: list[str] = []
    started = time.monotonic()
    for result in schema.get_all_operations():
        operation = result.ok()
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            @settings(max_examples=12, deadline=None, database=None, derandomize=True,
                      suppress_health_check=list(HealthCheck), phases=[Phase.explicit, Phase.generate])
            @given(case=operation.as_strategy(generation_mode=mode))
            def check(case) -> None:
                response = case.call(headers=bearer(tok))
                if response.status_code >= 500:
                    errors.append(f"{case.method} {case.formatted_path} {case.query} -> {response.status_code}: "
                                  f"{response.text[:200]}")

            try:
                check()
            except Unsatisfiable:  # an operation with nothing to get wrong (no parameters, no body)
                assert mode == GenerationMode.NEGATIVE, operation.label
    assert time.monotonic() - started < 120
    assert not errors, errors[:5]
