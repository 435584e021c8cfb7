"""Documents are named by their file or URL stem on the command line: `parley document NAME` (and
`document show NAME`) finds one by that name, its URL, its id or the start of its id, prefers the
current version of a story to the ones it superseded, and lists the candidates when a name is not
unique; a meeting names its sources the same way."""

from __future__ import annotations

import copy
import json

import pytest
from typer.testing import CliRunner

from parley.cli import app
from parley.store import read
from parley.store.db import open_store
from parley.store.ingest import Incoming, ingest
from test_store_robust import doc_id, record

KEY = "cis-security-council-secretaries/14"
URL = "https://example.org/news/secretaries-meet"


def _named(n: int, name: str, url: str | None = None, published: str = "2026-10-14") -> dict:
    r = record(doc_id(400 + n), outlet=f"Wire {n}")
    r["document"].update(name=name, url=url, published=published)
    return r


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli-documents") / "kb.db"
    store = open_store(str(path))
    recs = [_named(0, "d01"),
            _named(1, "report"), _named(2, "report"),  # two files of one name in different folders
            _named(3, "secretaries-meet", URL, "2026-10-14"),
            _named(4, "secretaries-meet", URL, "2026-10-15")]  # the same story again: supersedes 3
    ingest(store, [Incoming(copy.deepcopy(r), f"Text of {r['document']['name']}.".ljust(200), f"t:{i}")
                   for i, r in enumerate(recs)])
    store.close()
    return str(path)


def run(*args: str):
    return CliRunner().invoke(app, list(args), env={"COLUMNS": "80"})


def test_a_document_is_shown_by_its_name_with_or_without_show(db):
    for command in (["document", "d01"], ["document", "show", "d01"]):
        res = run(*command, "--db", db)
        assert res.exit_code == 0, res.output
        assert res.stdout.startswith("d01 " + doc_id(400)) and "Text of d01." in res.stdout
    as_json = run("document", "d01", "--db", db, "--json")
    assert json.loads(as_json.stdout)["id"] == doc_id(400)


def test_a_url_or_a_story_name_gives_the_current_version(db):
    for ref in ("secretaries-meet", URL):
        res = run("document", ref, "--db", db, "--json")
        assert res.exit_code == 0, res.output
        assert json.loads(res.stdout)["id"] == doc_id(404)
    old = run("document", doc_id(403)[:10], "--db", db, "--json")  # the older version by its id
    assert json.loads(old.stdout)["superseded_by"] == doc_id(404)


def test_a_name_of_several_documents_lists_them_to_choose_from(db):
    res = run("document", "report", "--db", db)
    assert res.exit_code == 1
    assert "'report' names 2 documents" in res.output
    assert doc_id(401)[:16] in res.output and doc_id(402)[:16] in res.output
    nothing = run("document", "no-such-report", "--db", db)
    assert nothing.exit_code == 1 and "no document 'no-such-report'" in nothing.output


def test_remove_takes_a_name_and_removes_that_document(db, tmp_path):
    res = run("document", "remove", "d01", "--why", "a duplicate wire", "--db", db)
    assert res.exit_code == 0, res.output
    store = open_store(db)
    with store.connect() as conn:
        assert read.get_document(conn, "d01").removed_by is not None
    store.close()
    assert run("fix", "revert", "1", "--why", "not a duplicate", "--db", db).exit_code == 0


def test_a_meeting_names_its_sources_by_document_name(db):
    res = run("meeting", KEY, "--db", db)
    assert res.exit_code == 0, res.output
    assert "d01" in res.stdout and "secretaries-meet" in res.stdout
    assert doc_id(400)[:8] not in res.stdout
