"""`parley eval` prints n/a for a ratio of nothing over nothing (a category neither side has), not
0.000, which would claim the worst score; real ratios keep three places."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from parley.cli import app
from test_store_robust import doc_id, record


def _write(folder, rec: dict) -> None:
    folder.mkdir(exist_ok=True)
    (folder / "a.json").write_text(json.dumps(rec), encoding="utf-8")


def test_nothing_over_nothing_is_na_and_a_real_ratio_is_a_number(tmp_path):
    gold = record(doc_id(1))
    gold["agreements"] = []  # no agreement on either side
    pred = json.loads(json.dumps(gold))
    pred["statements"] = []  # the statement missed: recall 0, precision 0/0
    _write(tmp_path / "gold", gold)
    _write(tmp_path / "pred", pred)
    res = CliRunner().invoke(app, ["eval", str(tmp_path / "gold"), str(tmp_path / "pred")])
    assert res.exit_code == 0, res.output
    rows = {line.split()[0]: line.split()[1:] for line in res.stdout.splitlines()[1:] if line.strip()}
    assert rows["agreements"][:3] == ["n/a", "n/a", "n/a"]
    assert rows["statements"][:3] == ["n/a", "0.000", "0.000"]
    assert rows["meetings"][:3] == ["1.000", "1.000", "1.000"]
    assert res.stdout.splitlines()[-1].startswith("overall F1 0.")
