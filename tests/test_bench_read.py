"""benchmarks/kb_read.py end to end in its quick mode (a 1,000-document store, one timed request per read; under 20 s on a quiet machine):
every read answers 200, and the SQL asked of Datasette returns the same rows as parley's pages,
so the side-by-side figures compare like with like."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_read_benchmark_runs_and_compares_the_same_pages(tmp_path: Path) -> None:
    out = tmp_path / "figures.json"
    run = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "kb_read.py"), "--quick", "--warmup", "1", "--repeat", "1",
                          "--reuse", str(tmp_path / "work"), "--json", str(out)],
                         capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stderr[-2000:]
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["not_measured"] == {}
    reads = {r["read"]: r for r in figures["reads"]}
    assert len(reads) >= 28
    assert {r["read"]: r["status"] for r in figures["reads"] if r["status"] != 200} == {}
    assert all(r["median_ms"] > 0 and r["kb"] > 0 for r in figures["reads"])
    assert figures["counts"]["corrections"] >= 100
    assert "bar: every read median < 100 ms" in run.stdout
    lists = [r for r in figures["reads"] if r["read"].startswith(("meetings:", "statements:", "agreements:"))]
    assert len(lists) == 8
    # The dev extras bring datasette; without it (neither with this Python nor on the PATH, where the
    # script looks), parley is timed alone.
    if importlib.util.find_spec("datasette") is None and shutil.which("datasette") is None:
        assert "not measured" in run.stdout
        return
    for r in lists:
        assert r["datasette"]["status"] == 200, r["read"]
        assert r["same_rows"] is True, r["read"]
        assert r["ratio"] > 0
