"""Schemathesis over the served OpenAPI document, with a write token, for a fixed time: how many
answers are 5xx (the bar: none).

    python benchmarks/api_fuzz.py                  # 90 s on a copy of the dev knowledge base
    python benchmarks/api_fuzz.py --seconds 30 --db kb.db

`parley serve` runs on 127.0.0.1 in a subprocess; schemathesis's command line (`pip install -e
".[dev]"` brings it) generates valid and invalid requests for every operation, all phases, and
checks `not_a_server_error`. The 5xx are counted from the server's own access log, so every
request counts, whichever phase sent it. Exits 0: it measures.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _served import DEFAULT_KB, Server, dev_kb, env, make_token, working_copy  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", type=Path, help=f"a SQLite knowledge base to copy (default: the dev reports, built "
                                            f"once at {DEFAULT_KB})")
    ap.add_argument("--seconds", type=int, default=90)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args()
    if importlib.util.find_spec("schemathesis") is None:
        print("schemathesis is not installed: `pip install -e '.[dev]'` brings it; nothing measured")
        return

    source = args.db or dev_kb()
    with tempfile.TemporaryDirectory(prefix="parley-fuzz-") as tmp:
        db = working_copy(source, Path(tmp))
        token = make_token(db, "fuzzer")
        server = Server(db, Path(tmp) / "serve.log")
        try:
            t0 = time.perf_counter()
            run = subprocess.run(
                [sys.executable, "-m", "schemathesis.cli", "run", f"{server.url}/openapi.json",
                 "--max-time", str(args.seconds), "--checks", "not_a_server_error", "--seed", str(args.seed),
                 "--header", f"Authorization: Bearer {token}", "--request-timeout", "30",
                 "--suppress-health-check", "all", "--no-color"],
                env=env(), capture_output=True, text=True, cwd=tmp)
            elapsed = time.perf_counter() - t0
        finally:
            server.stop()
        statuses = server.statuses()
        errors = server.errors(10)
    n5xx = sum(n for s, n in statuses.items() if s >= 500)
    figures = {"database": str(source), "seconds": round(elapsed, 1), "requests": sum(statuses.values()),
               "5xx": n5xx, "status": dict(sorted(statuses.items())), "schemathesis_exit": run.returncode}
    tail = [ln for ln in run.stdout.splitlines() if ln.strip()][-12:]
    print("\n".join(tail))
    print(f"\nschemathesis for {elapsed:.0f} s on {source}: {figures['requests']} requests, statuses "
          f"{figures['status']}")
    print(f"  5xx           {n5xx}   (bar: 0 - {'met' if n5xx == 0 else 'NOT met'})")
    if errors:
        print("  server errors: " + "; ".join(errors))
    if run.returncode not in (0, 1):
        print(f"  schemathesis exited {run.returncode}: {run.stderr.strip()[-500:]}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
