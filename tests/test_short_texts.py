"""A text too short to tell its language is reported as such, with the option that gives it
(``--language``), instead of as a language the few letters happen to suggest; a long text in a
language Parley does not read still names that language."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from parley.cli import app

SPANISH = ("Los secretarios de los consejos de seguridad se reunieron en Madrid para hablar de la cooperación "
           "contra el terrorismo y el extremismo en la región.")


def run(*args: str, text: str):
    return CliRunner().invoke(app, list(args), input=text)


def test_a_word_is_too_short_to_tell_and_says_how_to_give_the_language():
    res = run("extract", "-", text="hello\n")
    assert res.exit_code == 1
    assert "too short to tell its language (5 letters): give it with --language" in res.output
    assert "language es" not in res.output


def test_given_a_language_a_short_text_is_extracted(tmp_path):
    res = run("extract", "-", "--language", "en", text="hello\n")
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["document"]["language"] == "en"
    stored = run("ingest", "-", "--language", "en", "--db", str(tmp_path / "kb.db"), text="hello\n")
    assert stored.exit_code == 0, stored.output
    assert "1 added" in stored.output


def test_a_long_text_in_another_language_names_it():
    res = run("extract", "-", text=SPANISH)
    assert res.exit_code == 1 and "language es is not supported (Parley reads: en, ru)" in res.output
    given = run("extract", "-", "--language", "fr", text="hello\n")
    assert given.exit_code == 1 and "language fr is not supported" in given.output
