"""`parley meeting|person|agreement|document show` look up and print one way: nothing found says
what and where to look (exit 1, user text never read as markup), --json prints the API's view,
otherwise a rendering that names the key."""

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


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli-show") / "kb.db"
    store = open_store(str(path))
    ingest(store, [Incoming(copy.deepcopy(record(doc_id(n), outlet=f"Wire {n}")), None, f"t:{n}") for n in range(2)])
    with store.connect() as conn:
        agreement = read.list_agreements(conn)[0].key
        person = read.people_page(conn, limit=1).items[0].key
    store.close()
    return str(path), agreement, person


def run(*args: str):
    return CliRunner().invoke(app, list(args))


@pytest.mark.parametrize("command", [["meeting"], ["person"], ["agreement"], ["document", "show"]])
def test_nothing_found_says_what_and_where_to_look(db, command):
    res = run(*command, "[bold]nowhere[/bold]", "--db", db[0])
    assert res.exit_code == 1
    assert "no " in res.output and "[bold]nowhere[/bold]" in res.output  # the user's text as typed
    assert "`parley" in res.output  # the next command to try


def test_json_is_the_apis_view_and_the_table_names_the_key(db):
    path, agreement, person = db
    for command, key, field in (("meeting", KEY, "meeting"), ("agreement", agreement, "agreement"),
                                ("person", person, "person")):
        as_json = run(command, key, "--db", path, "--json")
        assert as_json.exit_code == 0, as_json.output
        assert json.loads(as_json.stdout)[field]["key"] == key
        shown = run(command, key, "--db", path)
        assert shown.exit_code == 0 and key in shown.stdout.replace("\n", "")
    doc = run("document", "show", doc_id(0)[:10], "--db", path, "--json")
    assert doc.exit_code == 0 and json.loads(doc.stdout)["id"] == doc_id(0)
