"""The exporter registry: formats are looked up by name with one error that lists them, a kind a
format cannot write names the formats that can, and a new format needs only an Exporter and
``register``."""

from __future__ import annotations

import copy
import json
from typing import IO, Any

import pytest
from typer.testing import CliRunner

from parley import export as ex
from parley.store.db import open_store
from parley.store.ingest import Incoming, ingest
from test_store_robust import doc_id, record


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = open_store(str(tmp_path_factory.mktemp("registry") / "kb.db"))
    report = ingest(s, [Incoming(copy.deepcopy(record(doc_id(n), ordinal=14 + n)), None, f"test:{n}")
                        for n in range(2)])
    assert report.failures == []
    yield s
    s.close()


def test_the_formats_that_ship_are_registered_with_what_they_export():
    assert set(ex.EXPORTERS) == {"jsonl", "csv", "parquet", "graphml", "ftm"}
    assert ex.exporter("graphml").kinds == ("graph",)
    assert ex.exporter("ftm").kinds == ("all",)
    assert ex.exporter("parquet").binary and not ex.exporter("csv").binary
    assert ex.formats_for("graph") == ["csv", "graphml", "jsonl", "parquet"]


def test_an_unknown_format_is_one_error_that_lists_the_formats(store):
    with pytest.raises(ex.ExportError) as caught, store.connect() as conn:
        ex.export(conn, "meetings", "xlsx")
    assert isinstance(caught.value, ValueError)
    message = str(caught.value)
    assert "'xlsx'" in message and "--format" in message
    assert all(name in message for name in ex.EXPORTERS)


def test_a_kind_a_format_cannot_write_names_the_formats_that_can(store, tmp_path):
    with store.connect() as conn:
        with pytest.raises(ex.ExportError, match="parley export all --format ftm") as caught:
            ex.export(conn, "meetings", "ftm", tmp_path / "x")
        assert "csv, jsonl, parquet" in str(caught.value)
        with pytest.raises(ex.ExportError, match="binary: give a file"):
            ex.export(conn, "meetings", "parquet")
        with pytest.raises(ex.ExportError, match="unknown export 'votes'"):
            ex.export(conn, "votes", "jsonl", tmp_path / "x")


def test_the_command_line_lists_the_registered_formats_and_refuses_others(store, tmp_path):
    from parley.cli import app

    run = CliRunner().invoke
    res = run(app, ["export", "--help"], env={"COLUMNS": "200"})
    assert res.exit_code == 0
    assert ex.formats_help() in " ".join(res.output.split())
    db = str(store.engine.url.database)
    res = run(app, ["export", "meetings", "--format", "yaml", "--db", db])
    assert res.exit_code == 2 and "unknown format 'yaml'" in res.output and "ftm (all)" in res.output
    res = run(app, ["export", "all", "--format", "ftm", "--db", db, "-o", str(tmp_path / "r.ftm.json")])
    assert res.exit_code == 0, res.output
    assert all(json.loads(line)["schema"] for line in (tmp_path / "r.ftm.json").read_text().splitlines())


class _Keys(ex.Exporter):
    """A format as a plug-in would write it: the meeting keys, one a line."""

    name = "keys"
    kinds = ("meetings",)

    def write(self, conn, kind: str, out: IO[Any], *, include_rejected: bool = False) -> int:
        from parley.export.rows import table

        keys = [r["key"] for r in table(conn, kind, include_rejected)]
        out.write("".join(k + "\n" for k in keys))
        return len(keys)


def test_a_new_format_is_a_class_and_a_register_call(store, tmp_path):
    ex.register(_Keys())
    try:
        assert "keys (meetings)" in ex.formats_help()
        with store.connect() as conn:
            assert ex.export(conn, "meetings", "keys", tmp_path / "k.txt") == 2
            with pytest.raises(ex.ExportError, match="keys exports meetings"):
                ex.export(conn, "people", "keys", tmp_path / "k.txt")
        assert (tmp_path / "k.txt").read_text().split() == ["cis-security-council-secretaries/14",
                                                             "cis-security-council-secretaries/15"]
        with pytest.raises(ValueError, match="registered twice"):
            ex.register(_Keys())
    finally:
        ex.EXPORTERS.pop("keys")
