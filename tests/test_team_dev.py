"""The team's own development reports (tests/data/team-dev: 24 English, 24 Russian, in outlet
styles the shared dev set lacks; see its README): ``parley extract`` + ``parley eval`` against their
gold.

They were written as a held-out set and first scored unseen (0.738 English, 0.698 Russian overall
F1); since then their errors are read like the dev reports'. The unseen measure is now
tests/data/heldout (test_heldout.py). The floors are the figures measured as work landed (rounded
down; 0.807 / 0.750 English, 0.820 / 0.785 Russian): raise them as work lands, never lower them.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

TEAM_DEV = Path(__file__).resolve().parent / "data" / "team-dev"

pytestmark = pytest.mark.slow

# (overall F1, meeting recall) floors per language.
FLOORS = {"en": (0.80, 0.75), "ru": (0.82, 0.78)}


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "parley.cli", *args], capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("language", sorted(FLOORS))
def test_team_dev_reports_meet_their_floors(tmp_path, language):
    out = tmp_path / language
    reports = sorted((TEAM_DEV / language).glob("*.txt"))
    assert len(reports) >= 20
    done = _cli("extract", str(TEAM_DEV / language), "--out", str(out), "--quiet")
    assert done.returncode == 0, done.stderr
    scored = _cli("eval", str(TEAM_DEV / f"gold-{language}"), str(out), "--json")
    assert scored.returncode == 0, scored.stderr
    report = json.loads(scored.stdout)
    f1_floor, recall_floor = FLOORS[language]
    assert report["all"]["f1"] >= f1_floor, report["all"]
    assert report["meetings"]["recall"] >= recall_floor, report["meetings"]


@pytest.mark.parametrize("language", sorted(FLOORS))
def test_every_team_dev_report_has_its_gold(language):
    texts = {p.stem for p in (TEAM_DEV / language).glob("*.txt")}
    golds = {p.stem for p in (TEAM_DEV / f"gold-{language}").glob("*.json")}
    assert texts == golds
    for path in (TEAM_DEV / f"gold-{language}").glob("*.json"):
        record = json.loads(path.read_text(encoding="utf-8"))
        assert record["schema"] == "parley/extraction/v1"
        assert record["document"]["language"] == language
