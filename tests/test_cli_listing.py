"""Listing commands at 80 columns print every key whole (the columns that may give way are left
out, long text is cut with "…"), --format tsv gives one escaped line per row under a header, and
nothing a report wrote is read as Rich markup or an emoji code (a person key ``volfovich:a``)."""

from __future__ import annotations

import copy
import json

import pytest
from typer.testing import CliRunner

from parley.cli import app
from parley.cli.listing import BORDERED, PLAIN, Col, Frame, key, layout, short, text, tsv_value
from parley.store.corrections import add_correction
from parley.store.db import open_store
from parley.store.ingest import Incoming, ingest
from test_store_robust import doc_id, record

# What a report may write that Rich would otherwise read as markup or an emoji code.
MARKUP_NAME = "[bold]Extraordinary[/bold] :a: session of the Council of Heads of Security Agencies and Special Services"
LONG_TITLE = "plan of cooperation of the member states in countering terrorism, separatism and extremism"


def _records() -> list[dict]:
    recs = []
    for n in range(6):
        # Even ones of a series (long keys), odd ones of none (the name reported, as written).
        r = record(doc_id(300 + n), series=None if n % 2 else "csto-security-council-secretaries", ordinal=None,
                   start=f"2021-0{1 + n}-2{n}", place="Dushanbe", country="TJK", outlet=f"Outlet\t{n}",
                   chair="Alexander Volfovich")
        r["meetings"][0]["name"] = MARKUP_NAME if n == 1 else f"meeting number {n} of the committee of secretaries"
        r["agreements"][0]["title"] = f"{LONG_TITLE} {2021 + n}"
        r["agreements"][0]["valid_from"], r["agreements"][0]["valid_to"] = 2021 + n, 2022 + n
        r["statements"][0]["quote"] = f"Quote {n}:\nsecurity\tfirst [red]always[/red]."
        recs.append(r)
    return recs


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli-listing") / "kb.db"
    store = open_store(str(path))
    ingest(store, [Incoming(copy.deepcopy(r), None, f"t:{i}") for i, r in enumerate(_records())])
    add_correction(store, "person", "volfovich:a", "accept", reason="checked [against] the registry :a:")
    store.close()
    return str(path)


def run(*args: str, columns: int = 80):
    return CliRunner().invoke(app, list(args), env={"COLUMNS": str(columns)})


def _keys(db: str, command: list[str], field: str = "key") -> list[str]:
    res = run(*command, "--db", db, "--json")
    assert res.exit_code == 0, res.output
    return [row[field] for row in json.loads(res.stdout)]


LISTINGS = [
    (["meetings"], "key"),
    (["agreements"], "key"),
    (["statements"], "key"),
    (["people"], "key"),
    (["review", "--below", "1"], "key"),
    (["series"], "key"),
    (["series", "csto-security-council-secretaries"], "meeting"),
    (["fix", "list"], "target_key"),
]


@pytest.mark.parametrize(("command", "field"), LISTINGS, ids=[" ".join(c) for c, _ in LISTINGS])
def test_every_key_is_printed_whole_at_80_columns(db, command, field):
    if command[0] == "series" and len(command) == 2:
        res = run(*command, "--db", db, "--json")
        keys = [e["meeting"] for e in json.loads(res.stdout)["entries"] if e["meeting"]]
    else:
        keys = _keys(db, command, field)
    assert keys
    res = run(*command, "--db", db)
    assert res.exit_code == 0, res.output
    lines = res.stdout.splitlines()
    assert all(len(line) <= 80 for line in lines), max(lines, key=len)
    for k in keys:
        assert any(k in line for line in lines), f"{k} is not on any line of\n{res.stdout}"


def test_a_wide_terminal_shows_the_text_columns_too(db):
    narrow, wide = run("meetings", "--db", db), run("meetings", "--db", db, columns=200)
    assert "place" not in narrow.stdout.splitlines()[2]  # the header: place gave way at 80
    assert "│ Dushanbe │" in wide.stdout and "│ Dushanbe │" not in narrow.stdout


def test_report_text_and_keys_print_as_written_not_as_markup_or_emoji(db):
    meeting = run("meeting", "multilateral/2021-02-21/dushanbe", "--db", db, columns=250).stdout
    assert "reported as: [bold]Extraordinary[/bold] :a: session" in meeting
    person = run("person", "volfovich:a", "--db", db).stdout
    assert "volfovich:a" in person and "🅰" not in person
    fixes = run("fix", "list", "--db", db, columns=250).stdout
    assert "checked [against] the registry :a:" in fixes and "volfovich:a" in fixes
    quotes = run("statements", "--db", db, "--format", "tsv").stdout
    assert "[red]always[/red]" in quotes


def test_tsv_is_a_header_and_one_escaped_line_per_row(db):
    res = run("statements", "--db", db, "--format", "tsv")
    assert res.exit_code == 0, res.output
    lines = res.stdout.splitlines()
    assert lines[0].split("\t") == ["date", "speaker", "quote", "outlets", "meeting", "key"]
    rows = [line.split("\t") for line in lines[1:]]
    assert len(rows) == len(_keys(db, ["statements"])) and all(len(r) == 6 for r in rows)
    quote = next(r[2] for r in rows if r[2].startswith("Quote 0"))
    assert quote == "Quote 0:\\nsecurity\\tfirst [red]always[/red]."
    assert {r[3] for r in rows} >= {"Outlet\\t0"}
    assert tsv_value("a\\b") == "a\\\\b"


def test_the_layout_drops_the_most_expendable_columns_and_never_cuts_a_key():
    cols: list[Col] = [short("date"), text("name"), text("place", drop=2), short("docs", drop=1), key()]
    rows = [["2024-01-01", "a long meeting name " * 3, "Novo-Ogaryovo", "12", "sco-security-council-secretaries/17"]]

    def widths(width: int) -> tuple[dict[int, int], Frame]:
        shown, frame = layout(cols, rows, width)
        return dict(shown), frame

    assert widths(200) == ({0: 10, 1: 60, 2: 13, 3: 4, 4: 35}, BORDERED)  # everything, whole
    narrow, frame = widths(80)
    assert narrow[4] == 35 and 2 not in narrow and sum(narrow.values()) + 3 * len(narrow) + 1 <= 80
    # place and docs gave way; the name keeps the rest (5 of its 60 characters)
    assert widths(60) == ({0: 10, 1: 60 - 10 - 35 - 10, 4: 35}, BORDERED)
    # The key would wrap inside borders: the table drops them (cells two spaces apart).
    assert widths(52) == ({0: 10, 1: 52 - 10 - 35 - 4, 4: 35}, PLAIN)
    # Narrower than the key itself: the text is down to a character and "…", the key wraps (Rich
    # folds it), never cut.
    assert widths(30) == ({0: 10, 1: 2, 4: 30 - 10 - 2 - 4}, PLAIN)
