"""The crawl benchmark: the pre-filter's recall on the relevant pages and the share it removes,
and pages per second of `parley extract` on the synthetic WARC (benchmarks/warc_synth.py).

    python benchmarks/warc_bench.py filter CRAWL.warc.gz
    python benchmarks/warc_bench.py extract CRAWL.warc.gz [--processes N]

Relevant pages are told by their URL ("/security/", as warc_synth.py writes them).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections import Counter

from parley.errors import Failure
from parley.ingest.document import Document
from parley.ingest.readers import iter_inputs


def measure_filter(path: str) -> dict[str, object]:
    """Recall of the pre-filter on the relevant pages, the share of all pages it removes, pages/s."""
    relevant = kept_relevant = kept = total = 0
    reasons: Counter[str] = Counter()
    started = time.perf_counter()
    for item in iter_inputs([path]):
        url = item.url if isinstance(item, Document) else item.name or ""
        is_relevant = "/security/" in (url or "") or "_security_" in (url or "")
        total += 1
        relevant += is_relevant
        if isinstance(item, Failure):
            if item.stage == "filter":
                reasons[item.reason] += 1
            else:
                print(f"failed: {item.origin}: {item.reason}", file=sys.stderr)
            continue
        kept += 1
        kept_relevant += is_relevant
    seconds = time.perf_counter() - started
    return {"pages": total, "relevant": relevant, "recall": kept_relevant / relevant if relevant else None,
            "removed_share": (total - kept) / total if total else None, "kept": kept,
            "pages_per_s": total / seconds, "seconds": seconds, "reasons": dict(reasons)}


def measure_extract(path: str, processes: int) -> dict[str, object]:
    """Pages per second of `parley extract` (default engine) over the whole crawl, models loading included."""
    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", "from parley.cli import app; app()", "extract", path, "--out", out, "--processes",
                               str(processes)], capture_output=True, text=True)
        seconds = time.perf_counter() - started
    summary = [line for line in done.stderr.splitlines() if line.startswith("read ")]
    pages = int(summary[-1].split()[1]) if summary else 0
    return {"exit": done.returncode, "seconds": seconds, "pages": pages, "pages_per_s": pages / seconds,
            "summary": summary[-1] if summary else done.stderr[-2000:]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["filter", "extract"])
    parser.add_argument("crawl")
    parser.add_argument("--processes", type=int, default=1)
    args = parser.parse_args()
    result = measure_filter(args.crawl) if args.mode == "filter" else measure_extract(args.crawl, args.processes)
    for key, value in result.items():
        print(f"{key}: {value}")


if __name__ == "__main__":
    main()
