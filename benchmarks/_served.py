"""What the server benchmarks share: a knowledge base of the dev reports (built once with
`parley ingest`, then copied so that a run never changes it), a write token, and `parley serve`
on 127.0.0.1 in a subprocess with its access log kept (the 5xx count is read from it)."""

from __future__ import annotations

import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
DEFAULT_KB = Path(tempfile.gettempdir()) / "parley-bench" / "dev.db"
PARLEY = [sys.executable, "-m", "parley.cli"]


def env() -> dict[str, str]:
    """This tree's sources first on the path, as the benchmark itself runs."""
    e = dict(os.environ)
    e["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), *filter(None, [e.get("PYTHONPATH")])])
    return e


def dev_kb(path: Path = DEFAULT_KB) -> Path:
    """The dev reports (English and Russian) as a knowledge base at ``path``; built when missing
    (the language models extract 85 reports: a few minutes)."""
    if path.exists():
        return path
    dirs = [CORPUS / "dev", CORPUS / "dev-ru"]
    missing = [str(d) for d in dirs if not d.is_dir()]
    if missing:
        sys.exit(f"no dev reports at {', '.join(missing)}: give a knowledge base with --db")
    path.parent.mkdir(parents=True, exist_ok=True)
    print(f"building {path} from {', '.join(map(str, dirs))} (a few minutes, once) ...", flush=True)
    t0 = time.perf_counter()
    subprocess.run([*PARLEY, "ingest", *map(str, dirs), "--db", str(path)], check=True, env=env(),
                   stdout=subprocess.DEVNULL)
    print(f"built in {time.perf_counter() - t0:.0f} s", flush=True)
    return path


def working_copy(db: Path, into: Path) -> Path:
    """A copy of the SQLite knowledge base (its WAL folded in first): the run writes to it."""
    with sqlite3.connect(db) as c:
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    out = into / "kb.db"
    shutil.copyfile(db, out)
    # A store built by an earlier version is brought to this one's schema (the copy, not the original).
    subprocess.run([*PARLEY, "db", "upgrade", "--db", str(out)], check=True, env=env(), capture_output=True)
    return out


def make_token(db: Path, name: str) -> str:
    out = subprocess.run([*PARLEY, "token", "create", name, "--db", str(db)], check=True, env=env(),
                         capture_output=True, text=True)
    return out.stdout.strip()


def stop_process(proc: subprocess.Popen) -> None:
    """Terminate a server process, killing it if it does not stop within 15 s."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """``parley serve`` on 127.0.0.1 with its log in a file; ``statuses()`` counts its answers."""

    def __init__(self, db: Path, log: Path, *extra: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        self._log_file = log.open("wb")
        self.proc = subprocess.Popen([*PARLEY, "serve", "--db", str(db), "--port", str(self.port), *extra],
                                     env=env(), stdout=self._log_file, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(self.url + "/api", timeout=2).read()
                return
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    sys.exit(f"parley serve did not start; its log: {log}")
                time.sleep(0.3)

    def stop(self) -> None:
        stop_process(self.proc)
        self._log_file.close()

    def statuses(self) -> Counter[int]:
        """Status codes from uvicorn's access log (``"GET /x HTTP/1.1" 200 OK``)."""
        text = self.log.read_text(encoding="utf-8", errors="replace")
        return Counter(int(s) for s in re.findall(r'HTTP/1\.[01]" (\d{3})', text))

    def errors(self, limit: int = 5) -> list[str]:
        """The first tracebacks' last lines in the log (what a 5xx was)."""
        text = self.log.read_text(encoding="utf-8", errors="replace")
        return re.findall(r"^(?:\w*(?:Error|Exception)\b.*|database locked on .*)$", text, re.M)[:limit]
