"""Faults in a batch of inputs: each is reported by name and the rest of the batch is read.

Symlink loops, broken links, unreadable files, formats Parley cannot read, project files
(README, LICENSE ...), JSON Lines with a lone surrogate escape, a binary or a non-UTF-8 line,
UTF-8 files with a few stray bytes, and record files with bad lines; through the readers,
the directory walk, ``parley extract`` and ``parley ingest``. Every input is written here.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from parley.cli import app
from parley.errors import Failure
from parley.ingest import walk as walk_module
from parley.ingest.decode import decode_bytes
from parley.ingest.document import Document
from parley.ingest.readers import iter_inputs
from parley.ingest.walk import walk
from parley.nlp.detect import detect_language
from parley.record import SCHEMA
from parley.store.ingest import Incoming, iter_sources

EXAMPLES = Path(__file__).parents[1] / "examples"
AS_ROOT = os.geteuid() == 0  # root reads files whatever their permissions

REPORT = (
    "MINSK, March 3. The secretaries of the security councils of the CIS member states met in Minsk "
    "on Tuesday. Alexander Volfovich, the State Secretary of the Security Council of Belarus, chaired "
    "the meeting. The delegations discussed border security and agreed to meet again in Moscow in the autumn.\n"
)
SECOND = (
    "ASTANA, April 9. The defence ministers of Kazakhstan and Kyrgyzstan held talks in Astana on Wednesday "
    "and discussed joint exercises and air defence cooperation.\n"
)
# JSON Lines records, each its own text: the same text twice is one document to the knowledge base.
RECORD_TEXTS = (
    "DUSHANBE, May 5. The interior ministers of Tajikistan and Uzbekistan met in Dushanbe on Monday "
    "to discuss border security and drug trafficking.",
    "Talks \ud800 in Minsk between the foreign ministers of Belarus and Russia were held on Thursday.",
    "BAKU, June 1. The defence ministers of Azerbaijan and Turkey held talks in Baku on Friday.",
)
RUSSIAN_PARAGRAPHS = [
    "Секретари советов безопасности государств Содружества собрались в Москве на очередное совещание.",
    "Участники обсудили положение на границе с Афганистаном и меры против незаконного оборота наркотиков.",
    "По итогам встречи стороны подписали план сотрудничества на ближайшие два года.",
    "Следующее заседание решено провести осенью в Минске.",
]
PDF_BYTES = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def jsonl_line(record: dict[str, object]) -> bytes:
    # json.dumps writes a lone surrogate as the escape "\ud800", as a bad exporter does.
    return json.dumps(record).encode("ascii") + b"\n"


def faulty_jsonl(path: Path) -> Path:
    """Good records around a lone surrogate escape, a binary line, a non-UTF-8 line and a non-JSON line."""
    return write(
        path,
        jsonl_line({"id": "first", "text": RECORD_TEXTS[0]})
        + jsonl_line({"id": "surrogate", "text": RECORD_TEXTS[1], "title": "Talks \udc00"})
        + b"\x00\x01\x02\x03 not a record \xff\xfe\n"
        + b'{"id": "latin", "text": "caf\xe9"}\n'
        + b"{not json\n"
        + jsonl_line({"id": "last", "text": RECORD_TEXTS[2]}),
    )


def faulty_folder(root: Path) -> Path:
    """A folder with good reports and one of each fault a directory walk meets."""
    write(root / "a-report.txt", REPORT)
    faulty_jsonl(root / "batch.jsonl")
    write(root / "nested" / "second.txt", SECOND)
    os.symlink(root, root / "nested" / "loop")
    os.symlink(root / "gone.txt", root / "broken.txt")
    write(root / "scan.pdf", PDF_BYTES)
    write(root / "README.md", "# Reports\n\nThe council met in Minsk. The ministers met in Astana.\n")
    write(root / "photo.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    return root


def origins(items: list) -> list[str]:
    return [item.origin for item in items]


# --- the directory walk --------------------------------------------------------------------


def test_walk_reports_loops_broken_links_and_unread_formats_in_name_order(tmp_path: Path) -> None:
    root = faulty_folder(tmp_path / "in")
    os.symlink("itself", root / "itself")  # a link to itself: ELOOP
    write(root / ".hidden" / "x.txt", "hidden")
    entries = list(walk(str(root), {".txt", ".jsonl", ".md"}))
    paths = [e for e in entries if isinstance(e, str)]
    failures = {e.origin: e for e in entries if isinstance(e, Failure)}
    assert paths == [str(root / "a-report.txt"), str(root / "batch.jsonl"), str(root / "nested" / "second.txt")]
    assert sorted(failures) == sorted(
        str(root / name)
        for name in ("README.md", "broken.txt", "itself", "nested/loop", "photo.png", "scan.pdf")
    )
    assert "broken symbolic link" in failures[str(root / "broken.txt")].reason
    assert "symbolic link loop" in failures[str(root / "itself")].reason
    assert "symbolic link loop" in failures[str(root / "nested" / "loop")].reason
    assert "convert it to text or HTML first" in failures[str(root / "scan.pdf")].reason
    fatal = {Path(origin).name for origin, failure in failures.items() if failure.fatal}
    assert fatal == {"broken.txt", "itself", "loop", "scan.pdf"}  # README and the image are notices


def test_a_broken_link_named_on_the_command_line_says_so(tmp_path: Path) -> None:
    os.symlink(tmp_path / "gone.txt", tmp_path / "link.txt")
    [failure] = iter_inputs([str(tmp_path / "link.txt")])
    assert isinstance(failure, Failure) and failure.reason.startswith("broken symbolic link")
    [failure] = iter_sources([str(tmp_path / "link.txt")])
    assert isinstance(failure, Failure) and failure.reason.startswith("broken symbolic link")


@pytest.mark.parametrize("name", ["README", "readme.txt", "LICENSE", "Licence.md", "CHANGELOG.md",
                                  "contributing.rst", "ReadMe.html"])
def test_project_files_are_notices_in_a_walk_but_read_when_named(tmp_path: Path, name: str) -> None:
    path = write(tmp_path / name, REPORT)
    [notice] = walk(str(tmp_path), {".txt", ".md", ".html"})
    assert isinstance(notice, Failure) and not notice.fatal and notice.origin == str(path)
    [doc] = iter_inputs([str(path)])
    assert isinstance(doc, Document) and doc.raw == REPORT


def test_a_symlinked_directory_is_read_once(tmp_path: Path) -> None:
    write(tmp_path / "corpus" / "one.txt", REPORT)
    os.symlink(tmp_path / "corpus", tmp_path / "also")  # "also" comes first in name order
    entries = list(walk(str(tmp_path), {".txt"}))
    assert entries[0] == str(tmp_path / "also" / "one.txt")
    assert isinstance(entries[1], Failure) and not entries[1].fatal
    assert entries[1].origin == str(tmp_path / "corpus") and "read already" in entries[1].reason
    assert len(entries) == 2


def test_a_named_pipe_is_not_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    write(tmp_path / "report.txt", REPORT)
    items = list(iter_inputs([str(tmp_path)]))  # opening the pipe would block for ever
    assert isinstance(items[0], Failure) and not items[0].fatal and "not a regular file" in items[0].reason
    assert isinstance(items[1], Document)


def test_unreadable_file_and_directory_are_failures(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = write(tmp_path / "secret.txt", REPORT)
    write(tmp_path / "locked" / "inside.txt", REPORT)
    real_access, real_scandir = os.access, os.scandir

    def access(path: object, mode: int) -> bool:
        return path != str(secret) and real_access(path, mode)  # type: ignore[arg-type]

    def scandir(path: object):  # type: ignore[no-untyped-def]
        if path == str(tmp_path / "locked"):
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)  # type: ignore[arg-type]

    # Monkeypatched because tests may run as root; the chmod test below checks the real thing.
    monkeypatch.setattr(walk_module.os, "access", access)
    monkeypatch.setattr(walk_module.os, "scandir", scandir)
    entries = list(walk(str(tmp_path), {".txt"}))
    assert [(e.origin, e.fatal) for e in entries] == [  # type: ignore[union-attr]
        (str(tmp_path / "locked"), True),
        (str(secret), True),
    ]
    assert all("permission denied" in e.reason for e in entries)  # type: ignore[union-attr]


@pytest.mark.skipif(AS_ROOT, reason="root can read a file whatever its permissions")
def test_chmod_000_file_and_directory_are_failures(tmp_path: Path) -> None:
    secret = write(tmp_path / "secret.txt", REPORT)
    write(tmp_path / "locked" / "inside.txt", REPORT)
    write(tmp_path / "open.txt", REPORT)
    secret.chmod(0)
    (tmp_path / "locked").chmod(0)
    try:
        items = list(iter_inputs([str(tmp_path)]))
    finally:
        secret.chmod(0o600)
        (tmp_path / "locked").chmod(0o700)
    assert origins(items) == [str(tmp_path / "locked"), str(tmp_path / "open.txt"), str(secret)]
    assert [type(item).__name__ for item in items] == ["Failure", "Document", "Failure"]


# --- JSON Lines and lone surrogates ---------------------------------------------------------


def test_jsonl_is_read_line_by_line_whatever_one_line_holds(tmp_path: Path) -> None:
    path = faulty_jsonl(tmp_path / "batch.jsonl")
    items = list(iter_inputs([str(path)]))
    assert origins(items) == [f"{path}:{n}" for n in range(1, 7)]
    assert [type(item).__name__ for item in items] == [
        "Document", "Document", "Failure", "Failure", "Failure", "Document"
    ]
    assert "binary data" in items[2].reason  # type: ignore[union-attr]
    assert "not valid UTF-8" in items[3].reason  # type: ignore[union-attr]
    assert "not valid JSON" in items[4].reason  # type: ignore[union-attr]
    assert all(item.fatal for item in items if isinstance(item, Failure))


def test_a_binary_first_line_does_not_reject_the_file(tmp_path: Path) -> None:
    path = write(tmp_path / "batch.jsonl", b"\x00\x00\x00\x00\n" + jsonl_line({"text": REPORT}))
    first, second = iter_inputs([str(path)])
    assert isinstance(first, Failure) and first.origin == f"{path}:1"
    assert isinstance(second, Document) and second.raw == REPORT


def test_lone_surrogates_become_replacement_characters_one_for_one(tmp_path: Path) -> None:
    path = write(tmp_path / "s.jsonl", jsonl_line({"text": "Talks \ud800 in Minsk \udfff.", "title": "A \ud83d"}))
    [doc] = iter_inputs([str(path)])
    assert isinstance(doc, Document)
    assert doc.raw == doc.text == "Talks \ufffd in Minsk \ufffd."  # same length: offsets stay valid
    assert doc.title == "A \ufffd"
    assert any(note.startswith("2 characters no store can hold") for note in doc.notes), doc.notes
    assert any(note.startswith("1 character no store can hold") for note in doc.notes), doc.notes
    doc.raw.encode("utf-8")


def test_no_document_holds_a_surrogate_however_it_is_made() -> None:
    doc = Document("id", "name", "a\ud800b", "a\ud800b", "origin")
    assert doc.raw == doc.text == "a\ufffdb"
    assert len(doc.notes) == 1 and doc.notes[0].startswith("1 character no store can hold")


def test_a_nul_is_replaced_like_a_surrogate_one_for_one() -> None:
    doc = Document("id", "name", "Talks in\x00 Minsk", "Talks in\x00 Minsk", "origin", title="A\x00B")
    assert doc.raw == doc.text == "Talks in\ufffd Minsk" and doc.title == "A\ufffdB"
    assert doc.notes == ["2 characters no store can hold (a lone surrogate, as from a \\ud800 escape, or NUL) "
                         "replaced with U+FFFD"]


def test_language_detection_takes_any_str() -> None:
    text = "Talks \ud800 in Minsk between the defence ministers of Belarus and Russia were held on Monday."
    assert detect_language(text) == "en"


# --- mostly UTF-8 with a few stray bytes ----------------------------------------------------


def russian_with_stray_bytes() -> tuple[bytes, str]:
    """A Russian UTF-8 report with 0xff, 0xc0 and a cut two-byte sequence, and what it should read as."""
    good = [p.encode("utf-8") for p in RUSSIAN_PARAGRAPHS]
    cut = "ж".encode()[:1]
    data = b"\n\n".join([good[0] + b" \xff", b"\xc0" + good[1], good[2] + cut + b" ", good[3]])
    text = "\n\n".join([RUSSIAN_PARAGRAPHS[0] + " \ufffd", "\ufffd" + RUSSIAN_PARAGRAPHS[1],
                        RUSSIAN_PARAGRAPHS[2] + "\ufffd ", RUSSIAN_PARAGRAPHS[3]])
    return data, text


def test_mostly_utf8_keeps_its_text_and_counts_the_stray_bytes(tmp_path: Path) -> None:
    data, expected = russian_with_stray_bytes()
    decoded = decode_bytes(data)
    assert (decoded.encoding, decoded.text) == ("utf-8", expected)
    assert decoded.notes == ["3 invalid UTF-8 bytes replaced with U+FFFD"]
    [doc] = iter_inputs([str(write(tmp_path / "report.txt", data))])
    assert isinstance(doc, Document) and doc.raw == expected
    for paragraph in RUSSIAN_PARAGRAPHS:
        assert paragraph in doc.raw  # no mojibake
    assert doc.notes == ["3 invalid UTF-8 bytes replaced with U+FFFD"]


def test_english_with_a_few_typographic_characters_and_one_stray_byte() -> None:
    text = "The ministers \u201cagreed\u201d \u2014 in Minsk \u2014 on a plan for 2026\u20132028. " * 3
    data, at = text.encode("utf-8"), text.index(" on a plan")
    byte_at = data.index(b" on a plan")
    decoded = decode_bytes(data[:byte_at] + b"\x92" + data[byte_at:])  # a cp1252 apostrophe
    assert decoded.encoding == "utf-8" and decoded.text == text[:at] + "\ufffd" + text[at:]
    assert decoded.notes == ["1 invalid UTF-8 byte replaced with U+FFFD"]


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r"])
def test_legacy_russian_is_still_decoded_as_legacy(encoding: str) -> None:
    text = "\n\n".join(RUSSIAN_PARAGRAPHS)
    decoded = decode_bytes(text.encode(encoding))
    assert "\ufffd" not in decoded.text and decoded.text == text


def test_latin1_with_a_few_accents_is_not_taken_for_utf8() -> None:
    text = "The delegation of S\u00e3o Tom\u00e9 met the minister in Bras\u00edlia on Friday; d\u00e9j\u00e0 vu. " * 4
    decoded = decode_bytes(text.encode("latin-1"))
    assert "\ufffd" not in decoded.text and decoded.encoding != "utf-8"


# --- record files ---------------------------------------------------------------------------


def record(doc_id: str, **extra: object) -> dict[str, object]:
    return {"schema": SCHEMA, "document": {"id": doc_id, "name": doc_id}, "meetings": [], "agreements": [],
            "statements": [], "people": [], **extra}


def test_record_jsonl_lines_fail_alone(tmp_path: Path) -> None:
    path = write(
        tmp_path / "records.jsonl",
        jsonl_line(record("a" * 64))
        + b'{"schema": "' + SCHEMA.encode() + b'", "document": {"id": "caf\xe9"}}\n'
        + b"\x00\x01\x02\x03\x04\n"
        + jsonl_line(record("s" * 64, text="Talks \ud800"))
        + b"{not json\n"
        + jsonl_line(record("b" * 64)),
    )
    items = list(iter_sources([str(tmp_path)], records_only=True))
    assert origins(items) == [f"{path}:{n}" for n in range(1, 7)]
    assert [type(item).__name__ for item in items] == ["Incoming", "Failure", "Failure", "Incoming", "Failure",
                                                      "Incoming"]
    reasons = [item.reason for item in items if isinstance(item, Failure)]
    assert ["not valid UTF-8" in reasons[0], "binary" in reasons[1], "not valid JSON" in reasons[2]] == [True] * 3
    # A lone surrogate escape is not refused: it becomes U+FFFD, one character for one.
    assert items[3].raw_text == "Talks \ufffd"


def test_records_only_walk_reports_what_it_does_not_read(tmp_path: Path) -> None:
    write(tmp_path / "r.json", json.dumps(record("c" * 64)))
    write(tmp_path / "notes.json", json.dumps({"about": "not a record"}))
    write(tmp_path / "report.txt", REPORT)
    write(tmp_path / "scan.pdf", PDF_BYTES)
    items = list(iter_sources([str(tmp_path)], records_only=True))
    assert origins(items) == [str(tmp_path / n) for n in ("notes.json", "r.json", "report.txt", "scan.pdf")]
    notes, rec, txt, pdf = items
    assert isinstance(notes, Failure) and notes.fatal and "not an extraction record" in notes.reason
    assert isinstance(rec, Incoming)
    assert isinstance(txt, Failure) and not txt.fatal  # a document, but --records reads records only
    assert isinstance(pdf, Failure) and not pdf.fatal


def test_unreadable_record_file_is_not_taken_for_a_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "r.json", json.dumps(record("d" * 64)))
    import parley.store.ingest as store_ingest

    monkeypatch.setattr(store_ingest.os, "access", lambda p, mode: p != str(path))
    [failure] = iter_sources([str(path)])
    assert isinstance(failure, Failure) and "permission denied" in failure.reason


# --- the two commands, end to end ------------------------------------------------------------


def test_extract_reads_the_good_inputs_and_names_every_bad_one(tmp_path: Path) -> None:
    root = faulty_folder(tmp_path / "in")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["extract", str(root), "--out", str(out), "--batch-size", "2"])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.stderr and result.exception is None or isinstance(result.exception, SystemExit)
    assert sorted(p.name for p in out.iterdir()) == [
        "a-report.json", "batch-first.json", "batch-last.json", "batch-surrogate.json", "second.json"
    ]
    surrogate = json.loads((out / "batch-surrogate.json").read_text(encoding="utf-8"))
    assert surrogate["document"]["title"] == "Talks \ufffd"
    lines = result.stderr.splitlines()
    for bad in ("broken.txt", "nested/loop", "scan.pdf", "batch.jsonl:3", "batch.jsonl:4", "batch.jsonl:5"):
        assert any(line.startswith(f"skipped {root / bad}: ") for line in lines), (bad, result.stderr)
    for notice in ("README.md", "photo.png"):
        assert any(line.startswith(f"skipped {root / notice}: ") for line in lines), (notice, result.stderr)
    assert "5 document(s)" in result.stderr and "6 failure(s), 2 other file(s) skipped" in result.stderr


def test_ingest_stores_the_good_inputs_and_names_every_bad_one(tmp_path: Path) -> None:
    root = faulty_folder(tmp_path / "in")
    db = tmp_path / "kb.db"
    result = CliRunner().invoke(app, ["ingest", str(root), "--db", str(db), "--batch-size", "2"])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.stderr
    for bad in ("broken.txt", "nested/loop", "scan.pdf", "batch.jsonl:3", "batch.jsonl:4", "batch.jsonl:5",
                "README.md", "photo.png"):
        assert f"skipped {root / bad}: " in result.stderr, (bad, result.stderr)
    with sqlite3.connect(db) as conn:
        names = sorted(name for (name,) in conn.execute("select name from documents"))
    assert names == ["a-report", "batch-first", "batch-last", "batch-surrogate", "second"]
    assert "5 added" in result.stderr and "6 failure(s), 2 other file(s) skipped" in result.stderr


def test_notices_alone_exit_0(tmp_path: Path) -> None:
    write(tmp_path / "report.txt", REPORT)
    write(tmp_path / "README.md", "# About\n\nThe council met in Minsk on Tuesday.\n")
    write(tmp_path / "data.csv", "a,b\n")
    result = CliRunner().invoke(app, ["extract", str(tmp_path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert f"skipped {tmp_path / 'README.md'}: " in result.stderr
    assert f"skipped {tmp_path / 'data.csv'}: " in result.stderr
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["report.json"]


def test_the_readmes_first_command_exits_0_without_reading_the_readme(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["extract", str(EXAMPLES), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert f"skipped {EXAMPLES / 'README.md'}: " in result.stderr
    assert "README" not in " ".join(p.name for p in (tmp_path / "out").iterdir())
