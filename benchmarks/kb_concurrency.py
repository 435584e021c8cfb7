"""The server under concurrent readers and writers: `parley serve` on a copy of the dev
knowledge base, N reader threads (lists, details, search, pages) and M writer threads (review
decisions through POST /api/corrections with a token) for a fixed time.

    python benchmarks/kb_concurrency.py                    # 24 readers, 2 writers, 20 s
    python benchmarks/kb_concurrency.py --db kb.db --seconds 60 --readers 40

Prints requests, 5xx, timeouts, p50/p99 latency (reads and writes apart), and how many of the
corrections the server accepted are in /api/corrections afterwards. The bars (the issue's):
no 5xx and no timeout, p99 under 1 s, every accepted correction stored. Exits 0: it measures.
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _served import DEFAULT_KB, Server, dev_kb, make_token, working_copy  # noqa: E402


class Client:
    """One keep-alive HTTP connection per thread (as a browser or a script would hold one)."""

    def __init__(self, port: int, timeout: float) -> None:
        self.port, self.timeout = port, timeout
        self.conn: http.client.HTTPConnection | None = None

    def request(self, method: str, path: str, body: dict | None = None,
                headers: dict[str, str] | None = None) -> tuple[int, bytes]:
        if self.conn is None:
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
        data = json.dumps(body).encode() if body is not None else None
        h = {**(headers or {}), **({"Content-Type": "application/json"} if data else {})}
        try:
            self.conn.request(method, path, body=data, headers=h)
            r = self.conn.getresponse()
            payload = r.read()
            if r.getheader("connection", "").lower() == "close":
                self.close()
            return r.status, payload
        except Exception:
            self.close()
            raise

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


class Tally:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latency: dict[str, list[float]] = {"read": [], "write": []}
        self.status: Counter[int] = Counter()
        self.timeouts = 0
        self.errors: Counter[str] = Counter()
        self.accepted: list[int] = []
        self.refused: Counter[int] = Counter()

    def add(self, kind: str, seconds: float, status: int) -> None:
        with self.lock:
            self.latency[kind].append(seconds)
            self.status[status] += 1

    def request(self, c: Client, kind: str, method: str, path: str, body: dict | None = None,
                headers: dict[str, str] | None = None) -> tuple[int, bytes] | None:
        """One timed request, counted; None when it timed out or the connection failed."""
        t0 = time.perf_counter()
        try:
            status, payload = c.request(method, path, body, headers)
        except TimeoutError:
            with self.lock:
                self.timeouts += 1
            return None
        except OSError as exc:
            with self.lock:
                self.errors[type(exc).__name__] += 1
            return None
        self.add(kind, time.perf_counter() - t0, status)
        return status, payload


def paths(port: int, timeout: float) -> tuple[list[str], list[str]]:
    """Meeting and person keys to read (and correct), from the served API itself."""
    c = Client(port, timeout)
    meetings = [m["key"] for m in json.loads(c.request("GET", "/api/meetings?limit=500")[1])["items"]]
    people = [p["key"] for p in json.loads(c.request("GET", "/api/people?limit=200")[1])["items"]]
    c.close()
    return meetings, people


def reader(port: int, meetings: list[str], people: list[str], stop: float, timeout: float, tally: Tally,
           seed: int) -> None:
    rnd = random.Random(seed)
    words = ["security", "council", "Minsk", "Moscow", "Совет", "терроризм", "CSTO", "secretaries", "plan"]
    c = Client(port, timeout)
    while time.monotonic() < stop:
        m, p = quote(rnd.choice(meetings), safe="/"), quote(rnd.choice(people), safe="/")
        path = rnd.choice([
            f"/api/meetings/{m}", f"/api/meetings/{m}", f"/meetings/{m}", f"/api/people/{p}", f"/people/{p}",
            "/api/meetings?limit=50", f"/api/meetings?offset={rnd.randrange(0, 100)}", "/api/people?limit=50",
            f"/api/search?q={quote(rnd.choice(words))}", f"/search?q={quote(rnd.choice(words))}", "/timeline",
            "/api/review", "/review", "/api/corrections", "/api/agreements", "/api/statements?limit=20",
        ])
        tally.request(c, "read", "GET", path)
    c.close()


def writer(port: int, meetings: list[str], token: str, stop: float, timeout: float, tally: Tally,
           seed: int) -> None:
    rnd = random.Random(seed)
    c = Client(port, timeout)
    auth = {"Authorization": f"Bearer {token}"}
    n = 0
    while time.monotonic() < stop:
        n += 1
        key = rnd.choice(meetings)
        body = rnd.choice([
            {"action": "accept"},
            {"action": "accept", "field": "place"},
            {"action": "edit", "field": "name", "value": f"Meeting checked by writer {seed} ({n})"},
        ])
        body = {"target_kind": "meeting", "target_key": key, "reason": f"benchmark writer {seed}, decision {n}",
                **body}
        done = tally.request(c, "write", "POST", "/api/corrections", body, auth)
        if done is None:
            continue
        status, payload = done
        with tally.lock:
            if 200 <= status < 300:
                tally.accepted.append(json.loads(payload)["id"])
            else:
                tally.refused[status] += 1
    c.close()


def stored_ids(port: int, timeout: float) -> set[int]:
    c = Client(port, timeout)
    out: set[int] = set()
    path: str | None = "/api/corrections?limit=500"
    while path:
        page = json.loads(c.request("GET", path)[1])
        out |= {item["id"] for item in page["items"]}
        path = page["next"]
    c.close()
    return out


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", type=Path, help=f"a SQLite knowledge base to copy (default: the dev reports, built "
                                            f"once at {DEFAULT_KB})")
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--readers", type=int, default=24)
    ap.add_argument("--writers", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=10, help="client timeout per request, seconds")
    ap.add_argument("--serve-args", default="", help="more `parley serve` options, e.g. '--pool-size 4'")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args()

    source = args.db or dev_kb()
    with tempfile.TemporaryDirectory(prefix="parley-conc-") as tmp:
        db = working_copy(source, Path(tmp))
        token = make_token(db, "benchmark")
        server = Server(db, Path(tmp) / "serve.log", *args.serve_args.split())
        try:
            meetings, people = paths(server.port, args.timeout)
            tally = Tally()
            stop = time.monotonic() + args.seconds
            threads = [threading.Thread(target=reader, args=(server.port, meetings, people, stop, args.timeout,
                                                             tally, i)) for i in range(args.readers)]
            threads += [threading.Thread(target=writer, args=(server.port, meetings, token, stop, args.timeout,
                                                              tally, 1000 + i)) for i in range(args.writers)]
            t0 = time.perf_counter()
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            elapsed = time.perf_counter() - t0
            stored = stored_ids(server.port, args.timeout)
            log_statuses = server.statuses()
            log_errors = server.errors()
        finally:
            server.stop()

    reads, writes = tally.latency["read"], tally.latency["write"]
    n5xx = sum(n for s, n in tally.status.items() if s >= 500)
    missing = sorted(set(tally.accepted) - stored)
    figures = {
        "database": str(source), "seconds": round(elapsed, 1), "readers": args.readers, "writers": args.writers,
        "requests": len(reads) + len(writes), "requests_per_s": round((len(reads) + len(writes)) / elapsed, 1),
        "reads": len(reads), "writes": len(writes), "status": dict(sorted(tally.status.items())),
        "5xx": n5xx, "5xx_in_server_log": sum(n for s, n in log_statuses.items() if s >= 500),
        "timeouts": tally.timeouts, "connection_errors": dict(tally.errors),
        "read_p50_ms": round(pct(reads, 50) * 1000, 1), "read_p99_ms": round(pct(reads, 99) * 1000, 1),
        "read_max_ms": round(max(reads, default=0) * 1000, 1),
        "write_p50_ms": round(pct(writes, 50) * 1000, 1), "write_p99_ms": round(pct(writes, 99) * 1000, 1),
        "corrections_accepted": len(tally.accepted), "corrections_refused": dict(tally.refused),
        "accepted_and_stored": len(set(tally.accepted) & stored), "accepted_missing": missing,
        "all_p99_ms": round(pct(reads + writes, 99) * 1000, 1),
    }
    p99 = pct(reads + writes, 99)
    print(f"\n{args.readers} readers + {args.writers} writers for {elapsed:.1f} s on {source}")
    print(f"  requests      {figures['requests']} ({figures['requests_per_s']}/s): {figures['reads']} reads, "
          f"{figures['writes']} writes; statuses {figures['status']}")
    print(f"  5xx           {n5xx} (server log: {figures['5xx_in_server_log']})   timeouts {tally.timeouts}   "
          f"connection errors {sum(tally.errors.values())}")
    print(f"  reads  ms     p50 {figures['read_p50_ms']}  p99 {figures['read_p99_ms']}  max {figures['read_max_ms']}")
    print(f"  writes ms     p50 {figures['write_p50_ms']}  p99 {figures['write_p99_ms']}")
    print(f"  all ms        p99 {p99 * 1000:.1f} (the bar's figure)")
    print(f"  corrections   accepted {len(tally.accepted)}, stored {figures['accepted_and_stored']}, "
          f"missing {len(missing)}; refused {dict(tally.refused)}")
    if log_errors:
        print("  server errors: " + "; ".join(log_errors))
    bars = {"no 5xx": n5xx == 0, "no timeout": tally.timeouts == 0 and not tally.errors,
            "p99 under 1 s": p99 < 1.0, "every accepted correction stored": not missing}
    print("  bars          " + ", ".join(f"{k}: {'met' if ok else 'NOT met'}" for k, ok in bars.items()))
    if args.json:
        args.json.write_text(json.dumps({**figures, "bars": bars}, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
