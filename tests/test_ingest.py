"""The input readers: every kind of input, good and bad, and the HTML offset-preserving mask."""

from __future__ import annotations

import builtins
import codecs
import hashlib
import html
import io
import json
import random
import re
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from parley.errors import DecodeError, Failure
from parley.ingest import readers
from parley.ingest.decode import decode_bytes
from parley.ingest.document import Document
from parley.ingest.readers import DEFAULT_MAX_BYTES, iter_inputs, normalise_date

DATA = Path(__file__).parent / "data" / "ingest"
DEV_CORPUS = Path(__file__).parents[1].parent / "shared" / "corpus" / "dev"

RUSSIAN = (
    "Секретари советов безопасности государств Содружества собрались в Москве на очередное совещание. "
    "Участники обсудили положение на границе с Афганистаном, меры против незаконного оборота наркотиков "
    "и защиту информационных систем от внешних атак. По итогам встречи стороны подписали план сотрудничества "
    "на ближайшие два года и договорились провести следующее заседание осенью в Минске."
)
PDF_BYTES = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"


def read_all(*paths: str | Path, **kwargs: int) -> list[Document | Failure]:
    return list(iter_inputs([str(path) for path in paths], **kwargs))


def read_one(path: str | Path, **kwargs: int) -> Document | Failure:
    items = read_all(path, **kwargs)
    assert len(items) == 1, items
    return items[0]


def read_doc(path: str | Path) -> Document:
    item = read_one(path)
    assert isinstance(item, Document), item
    return item


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def squash(text: str) -> str:
    return " ".join(text.split())


def find_phrase(text: str, phrase: str) -> tuple[int, int]:
    """Offsets of ``phrase`` in ``text``, allowing any run of whitespace between its words."""
    pattern = r"\s+".join(re.escape(word) for word in phrase.split())
    match = re.search(pattern, text)
    assert match, f"{phrase!r} not found in {squash(text)!r}"
    return match.span()


def source_letters(raw_slice: str) -> str:
    """What a reader sees in a slice of HTML source (tags dropped, references decoded), without spaces."""
    return "".join(html.unescape(re.sub(r"<[^>]*>", "", raw_slice)).split())


Feed = Callable[[bytes], None]


@pytest.fixture
def stdin(monkeypatch: pytest.MonkeyPatch) -> Feed:
    """Replace standard input with the given bytes, as a pipe would deliver them."""

    def feed(data: bytes) -> None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))

    return feed


# --- plain text -------------------------------------------------------------------------------


def test_plain_text_is_kept_exactly_with_crlf(tmp_path: Path) -> None:
    data = b"Ministers met in Astana.\r\nThey signed a protocol.\r\n"
    path = write(tmp_path / "report.txt", data)
    doc = read_doc(path)
    assert doc.raw == "Ministers met in Astana.\r\nThey signed a protocol.\r\n"
    assert doc.text == doc.raw
    assert doc.id == hashlib.sha256(data).hexdigest()
    assert (doc.name, doc.origin, doc.media_type) == ("report", str(path), "text/plain")
    assert doc.notes == []


def test_markdown_and_dot_text_are_plain_text(tmp_path: Path) -> None:
    md = read_doc(write(tmp_path / "a.md", "# Heading\n\nThe council met."))
    text = read_doc(write(tmp_path / "b.text", "The council met again."))
    assert md.media_type == text.media_type == "text/plain"
    assert md.raw == "# Heading\n\nThe council met."


def test_utf8_bom_is_not_part_of_the_text(tmp_path: Path) -> None:
    doc = read_doc(write(tmp_path / "bom.txt", codecs.BOM_UTF8 + b"Talks resumed."))
    assert doc.raw == "Talks resumed."


def test_utf16_with_bom_is_decoded_and_noted(tmp_path: Path) -> None:
    doc = read_doc(write(tmp_path / "wide.txt", "Talks resumed in Minsk.".encode("utf-16")))
    assert doc.raw == "Talks resumed in Minsk."
    assert any("utf-16" in note for note in doc.notes)


# --- encodings --------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r"])
def test_russian_legacy_encodings_are_detected(tmp_path: Path, encoding: str) -> None:
    assert len(RUSSIAN) >= 300
    doc = read_doc(write(tmp_path / "ru.txt", RUSSIAN.encode(encoding)))
    assert doc.raw == RUSSIAN
    assert doc.notes == [f"decoded as {encoding}"]


def test_truncated_utf8_drops_the_partial_character_and_says_so(tmp_path: Path) -> None:
    data = RUSSIAN.encode("utf-8")[:-2]  # ends "Минске." -> cuts "е" after its first byte
    assert data[-1] >= 0x80
    doc = read_doc(write(tmp_path / "cut.txt", data))
    assert doc.raw == RUSSIAN[:-3] + "к"
    assert doc.notes == ["truncated: incomplete UTF-8 sequence at end of file"]


def test_invalid_utf8_in_the_middle_is_not_silently_replaced() -> None:
    decoded = decode_bytes("Встреча в Москве. ".encode("cp1251") * 40)
    assert "\ufffd" not in decoded.text
    assert decoded.text.startswith("Встреча в Москве.")


def test_undecodable_bytes_are_reported(tmp_path: Path) -> None:
    path = write(tmp_path / "noise.txt", bytes(range(0x80, 0x100)) * 3)
    with pytest.raises(DecodeError):
        decode_bytes(path.read_bytes())
    failure = read_one(path)
    assert isinstance(failure, Failure)
    assert "encoding" in failure.reason and "UTF-8" in failure.reason


def test_html_declared_charset_is_used(tmp_path: Path) -> None:
    page = f'<html><head><meta charset="windows-1251"></head><body><p>{RUSSIAN}</p></body></html>'
    doc = read_doc(write(tmp_path / "ru.html", page.encode("cp1251")))
    assert RUSSIAN in squash(doc.text)
    assert doc.notes[0] == "decoded as cp1251 (declared in the page)"


# --- bad files --------------------------------------------------------------------------------


@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n  "])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = write(tmp_path / "empty.txt", content)
    assert read_one(path) == Failure(str(path), "empty file")


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("paper.pdf", PDF_BYTES, "PDF document"),
        ("paper.txt", PDF_BYTES, "PDF document"),
        ("image.png", PNG_BYTES, "PNG image"),
        (
            "archive.html",
            b"PK\x03\x04\x14\x00\x06\x00" + b"word/document.xml",
            "ZIP archive or Office document",
        ),
        ("photo.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
        ("data.bin", b"GIF89a\x01\x00", "GIF image"),
        ("dump.gz", b"\x1f\x8b\x08\x00", "gzip archive"),
    ],
)
def test_binary_files_by_magic_number(tmp_path: Path, name: str, content: bytes, kind: str) -> None:
    path = write(tmp_path / name, content)
    failure = read_one(path)
    assert isinstance(failure, Failure)
    assert failure.origin == str(path)
    assert failure.reason.startswith(f"binary file ({kind}), not text")


def test_random_bytes_with_nuls_are_binary(tmp_path: Path) -> None:
    noise = random.Random(7).randbytes(4096) + b"\x00\x00"
    failure = read_one(write(tmp_path / "noise.txt", noise))
    assert isinstance(failure, Failure)
    assert failure.reason.startswith("binary file (")


def test_control_characters_are_binary(tmp_path: Path) -> None:
    failure = read_one(write(tmp_path / "ctl.txt", b"ab\x01\x02\x03\x04cd\x05\x06\x07\x08" * 50))
    assert isinstance(failure, Failure)
    assert failure.reason.startswith("binary file (mostly control characters)")


def test_missing_path() -> None:
    assert read_all("/no/such/place/report.txt") == [
        Failure("/no/such/place/report.txt", "no such file or directory")
    ]


def test_permission_denied_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "secret.txt", "Closed session.")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    # Tests may run as root, where chmod 000 does not stop reading.
    monkeypatch.setattr(readers, "open", refuse, raising=False)
    failure = read_one(path)
    assert isinstance(failure, Failure)
    assert failure.reason.startswith("permission denied")


def test_huge_file_is_rejected_from_its_size_without_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.txt"
    chunk = b"The delegations met again. " * 40_000
    with path.open("wb") as handle:
        while handle.tell() < 50 * 1024 * 1024:
            handle.write(chunk)
        handle.truncate(50 * 1024 * 1024)

    opened: list[object] = []
    real_open = builtins.open

    def spy(file: object, *args: object, **kwargs: object) -> object:
        opened.append(file)
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(readers, "open", spy, raising=False)
    tracemalloc.start()
    started = time.perf_counter()
    failure = read_one(path)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    assert failure == Failure(
        str(path), "file is 52.4 MB, over the 10 MB limit (raise it with --max-bytes)"
    )
    assert opened == []
    assert peak < 2_000_000
    assert elapsed < 2


def test_max_bytes_can_be_raised(tmp_path: Path) -> None:
    path = write(tmp_path / "long.txt", "word " * 1000)
    assert isinstance(read_one(path, max_bytes=4000), Failure)
    assert isinstance(read_one(path, max_bytes=5000), Document)
    assert DEFAULT_MAX_BYTES == 10_000_000


def test_one_bad_input_does_not_stop_the_batch(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", "The council met.")
    empty = write(tmp_path / "empty.txt", "")
    pdf = write(tmp_path / "scan.pdf", PDF_BYTES)
    page = write(tmp_path / "page.html", "<html><body><p>The envoys shook hands.</p></body></html>")
    items = read_all(good, tmp_path / "missing.txt", empty, pdf, page)
    assert [type(item).__name__ for item in items] == [
        "Document",
        "Failure",
        "Failure",
        "Failure",
        "Document",
    ]
    assert [item.origin for item in items] == [
        str(p) for p in (good, tmp_path / "missing.txt", empty, pdf, page)
    ]


def test_inputs_are_read_lazily(tmp_path: Path) -> None:
    first = write(tmp_path / "first.txt", "First report.")
    later = tmp_path / "later.txt"
    items = iter_inputs([str(first), str(later)])
    assert isinstance(next(items), Document)
    write(later, "Written after the first report was yielded.")  # so it cannot have been read yet
    second = next(items)
    assert isinstance(second, Document) and second.raw.startswith("Written after")


# --- directories ------------------------------------------------------------------------------


def test_directory_is_walked_sorted_recursively_skipping_hidden(tmp_path: Path) -> None:
    root = tmp_path / "batch"
    write(root / "b" / "inner.txt", "Inner report.")
    write(root / "a.html", "<html><body><p>Page report about the summit.</p></body></html>")
    write(root / "c.jsonl", json.dumps({"id": "x", "text": "Record report."}) + "\n")
    write(root / ".hidden.txt", "Hidden report.")
    write(root / ".git" / "notes.txt", "Hidden directory report.")
    write(root / "scan.pdf", PDF_BYTES)  # a format we cannot read: reported in its place, not read
    write(root / "b" / "z.md", "Markdown report.")
    items = read_all(root)
    assert [item.origin for item in items] == [
        str(root / "a.html"),
        str(root / "b" / "inner.txt"),
        str(root / "b" / "z.md"),
        str(root / "c.jsonl") + ":1",
        str(root / "scan.pdf"),
    ]
    *docs, pdf = items
    assert all(isinstance(item, Document) for item in docs), items
    assert [item.name for item in docs] == ["a", "inner", "z", "c-x"]  # type: ignore[union-attr]
    assert isinstance(pdf, Failure) and pdf.fatal and "convert it to text or HTML first" in pdf.reason


def test_directory_without_inputs_is_reported(tmp_path: Path) -> None:
    write(tmp_path / "only.png", PNG_BYTES)
    notice, failure = read_all(tmp_path)
    assert isinstance(notice, Failure) and not notice.fatal and notice.origin == str(tmp_path / "only.png")
    assert isinstance(failure, Failure) and failure.fatal and "no .txt" in failure.reason


# --- JSON Lines -------------------------------------------------------------------------------


def jsonl_batch(path: Path) -> Path:
    lines = [
        json.dumps(
            {
                "id": "tass/2024 03 12",
                "url": "https://www.example.org/news/1",
                "title": "Council meets",
                "published": "2024-03-12T10:15:00Z",
                "text": "The council met in Minsk.\nIt adopted a plan.",
            }
        ),
        "",
        json.dumps({"text": "No id here.", "outlet": "Steppe Courier", "published": "12 March 2024"}),
        '{"id": "cut", "title": "Truncated", "text": "The record stops here"',
        json.dumps({"id": "blank", "text": "   "}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": 7, "text": "Numeric id.", "published": "sometime soon"}),
        json.dumps(
            {
                "id": "page",
                "url": "https://news.example.net/p",
                "html": "<html><body><nav>Home Sport</nav><p>The envoys met in Baku.</p></body></html>",
            }
        ),
    ]
    return write(path, "\n".join(lines) + "\n")


def test_jsonl_records_and_per_line_failures(tmp_path: Path) -> None:
    path = jsonl_batch(tmp_path / "feed.jsonl")
    items = read_all(path)
    by_origin = {item.origin: item for item in items}
    assert list(by_origin) == [f"{path}:{n}" for n in (1, 3, 4, 5, 6, 7, 8)]

    first = by_origin[f"{path}:1"]
    assert isinstance(first, Document)
    assert first.raw == first.text == "The council met in Minsk.\nIt adopted a plan."
    assert first.id == hashlib.sha256(first.raw.encode()).hexdigest()
    assert first.name == "feed-tass_2024_03_12"
    assert (first.title, first.url, first.published) == (
        "Council meets",
        "https://www.example.org/news/1",
        "2024-03-12",
    )
    assert first.source == "example.org"
    assert first.media_type == "application/x-ndjson"

    third = by_origin[f"{path}:3"]
    assert isinstance(third, Document)
    assert (third.name, third.source, third.published, third.title) == (
        "feed-3",
        "Steppe Courier",
        "2024-03-12",
        None,
    )

    truncated = by_origin[f"{path}:4"]
    assert isinstance(truncated, Failure)
    assert truncated.reason.startswith("line 4 is not valid JSON (Expecting ',' delimiter at column ")
    assert truncated.reason.endswith("- the record is probably truncated")

    no_text = by_origin[f"{path}:5"]
    assert isinstance(no_text, Failure) and 'no "text"' in no_text.reason
    not_object = by_origin[f"{path}:6"]
    assert isinstance(not_object, Failure) and "not an object" in not_object.reason

    numeric = by_origin[f"{path}:7"]
    assert isinstance(numeric, Document) and numeric.name == "feed-7" and numeric.published is None

    page = by_origin[f"{path}:8"]
    assert isinstance(page, Document)
    assert page.media_type == "text/html" and page.source == "news.example.net"
    assert "The envoys met in Baku." in squash(page.text)
    assert "Home" not in page.text
    assert len(page.text) == len(page.raw)


def test_jsonl_line_limit_skips_only_that_line(tmp_path: Path) -> None:
    path = write(
        tmp_path / "big.ndjson",
        json.dumps({"text": "Short one."})
        + "\n"
        + json.dumps({"text": "x" * 5000})
        + "\n"
        + json.dumps({"text": "Short two."}),
    )
    items = read_all(path, max_bytes=1000)
    assert [type(item).__name__ for item in items] == ["Document", "Failure", "Document"]
    assert items[1].origin == f"{path}:2"
    assert items[1].reason == "line 2 is over the 1 kB limit (raise it with --max-bytes)"  # type: ignore[union-attr]


def test_jsonl_bad_utf8_line(tmp_path: Path) -> None:
    path = write(tmp_path / "enc.jsonl", b'{"text": "caf\xe9"}\n' + json.dumps({"text": "Fine."}).encode())
    first, second = read_all(path)
    assert isinstance(first, Failure) and "UTF-8" in first.reason
    assert isinstance(second, Document)


def test_binary_jsonl_is_one_failure(tmp_path: Path) -> None:
    path = write(tmp_path / "dump.jsonl", b"\x1f\x8b\x08\x00" + bytes(range(256)) * 20)
    failure = read_one(path)
    assert isinstance(failure, Failure) and failure.origin == str(path)
    assert failure.reason.startswith("binary file (gzip archive), not text")


def test_empty_jsonl(tmp_path: Path) -> None:
    path = write(tmp_path / "none.jsonl", "\n\n")
    assert read_all(path) == [Failure(str(path), "empty file")]


# --- sniffing and standard input --------------------------------------------------------------


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    page = read_doc(
        write(tmp_path / "page.aspx", "  <!DOCTYPE html><html><body><p>Sniffed page.</p></body></html>")
    )
    assert page.media_type == "text/html" and squash(page.text) == "Sniffed page."
    records = read_all(
        write(tmp_path / "dump.json", json.dumps({"text": "One."}) + "\n" + json.dumps({"text": "Two."}))
    )
    assert [item.raw for item in records if isinstance(item, Document)] == ["One.", "Two."]
    plain = read_doc(write(tmp_path / "README", "Meeting notes: {not json}\nsecond line"))
    assert plain.media_type == "text/plain"


def test_stdin_plain_text(stdin: Feed) -> None:
    data = b"Talks in Dushanbe.\r\nNo agreement."
    stdin(data)
    doc = read_one("-")
    assert isinstance(doc, Document)
    assert doc.raw == doc.text == "Talks in Dushanbe.\r\nNo agreement."
    assert doc.id == hashlib.sha256(data).hexdigest()
    assert (doc.origin, doc.name, doc.media_type) == ("<stdin>", "stdin", "text/plain")


def test_stdin_html(stdin: Feed) -> None:
    stdin((DATA / "article.html").read_bytes())
    doc = read_one("-")
    assert isinstance(doc, Document) and doc.media_type == "text/html"
    assert "border intelligence" in doc.text and "Share on Facebook" not in doc.text


def test_stdin_jsonl(stdin: Feed) -> None:
    stdin(
        (
            json.dumps({"id": "a", "text": "First."})
            + "\nnot json\n"
            + json.dumps({"id": "b", "text": "Second."})
        ).encode()
    )
    items = read_all("-")
    assert [item.origin for item in items] == ["<stdin>:1", "<stdin>:2", "<stdin>:3"]
    assert [type(item).__name__ for item in items] == ["Document", "Failure", "Document"]
    assert [item.name for item in items if isinstance(item, Document)] == ["stdin-a", "stdin-b"]


def test_stdin_long_jsonl_is_streamed_across_the_sniffed_head(stdin: Feed) -> None:
    records = [{"id": str(n), "text": f"Report number {n}. " + "filler " * 50} for n in range(400)]
    stdin("".join(json.dumps(record) + "\n" for record in records).encode())
    items = read_all("-")
    assert all(isinstance(item, Document) for item in items)
    assert [item.raw for item in items] == [record["text"] for record in records]  # type: ignore[union-attr]


def test_stdin_binary_and_oversized(stdin: Feed) -> None:
    stdin(PDF_BYTES)
    failure = read_one("-")
    assert isinstance(failure, Failure) and failure.reason.startswith("binary file (PDF document)")
    stdin(b"word " * 1000)
    failure = read_one("-", max_bytes=1000)
    assert failure == Failure(
        "<stdin>", "standard input is over the 1 kB limit (raise it with --max-bytes)"
    )


# --- HTML -------------------------------------------------------------------------------------


def test_html_article_keeps_main_text_at_source_offsets() -> None:
    doc = read_doc(DATA / "article.html")
    raw, text = doc.raw, doc.text
    assert len(text) == len(raw)
    assert doc.media_type == "text/html"
    assert doc.title == "Border talks in Almaty"
    assert doc.published == "2024-03-12"
    assert doc.url == "https://www.steppe-courier.example/politics/border-talks"
    assert doc.source == "The Steppe Courier"

    kept = [
        "Border talks in Almaty",
        "met in Almaty on Tuesday & agreed to expand the exchange of border intelligence over the next two years",
        "published by the host government .",
        "« We have reached a common understanding on the main points» , said the chair",
        "the meeting — a career diplomat — adding",
        "take place in Bishkek in the autumn.",
        "the situation on the Afghan border, the statement said, without giving further details.",
    ]
    for phrase in kept:
        start, end = find_phrase(text, phrase)
        assert source_letters(raw[start:end]) == "".join(phrase.split())

    for gone in [
        "Home",
        "Politics",
        "Sport and leisure",
        "cookies",
        "Share on",
        "Secret script sentence",
        "Styled words",
        "Footer script words",
        "Related stories",
        "Parliament approves",
        "Copyright",
        "window.dataLayer",
    ]:
        assert gone not in text, gone
        assert gone in raw, gone

    # Each character of text is blank, a line break, the source character, or a decoded reference.
    for i, char in enumerate(text):
        assert char in " \n" or char == raw[i] or raw[i] == "&", (i, char, raw[i])
    amp = text.index("&")
    assert raw[amp : amp + 5] == "&amp;" and text[amp : amp + 5] == "&    "
    dash = text.index("—")
    assert raw[dash : dash + 7] == "&#8212;"

    first_end = find_phrase(text, "host government .")[1]
    second_start = find_phrase(text, "« We have")[0]
    assert "\n" in text[first_end:second_start]
    assert text[first_end:second_start].strip() == ""


def test_html_offsets_found_in_text_are_valid_in_raw() -> None:
    doc = read_doc(DATA / "article.html")
    for word in ["Almaty", "Bishkek", "delegations", "Afghan"]:
        for match in re.finditer(word, doc.text):
            assert doc.raw[match.start() : match.end()] == word


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        (
            "<html><body><div><p>The ministers met in Geneva to discuss the ceasefire <b>and prisoners"
            "<p>A second paragraph that is never closed either",
            "The ministers met in Geneva",
        ),
        (
            "<p>Talks went well: 3 < 4 and 7 > 2, said the envoy <<< >>> < p> &bogus; &amp &#99999999;</p>",
            "3 < 4 and 7 > 2",
        ),
        (
            '<html><body><p>The delegation arrived in Tashkent on Monday.</p><a href="http://exam',
            "arrived in Tashkent",
        ),
        ("<html><body><p>The delegation arrived in Tashkent on Monday.</p><p cla", "arrived in Tashkent"),
        ("<p>Words before the comment.</p><!-- never closed <p>hidden words", "Words before the comment."),
        ("<p>Words before the script.</p><script>var x = '<p>hidden words';", "Words before the script."),
        ('<p title="a > b">Quoted attribute.</p><a href=x">stray quote</a>', "Quoted attribute."),
        (
            "<p>Before svg.</p><svg><text>hidden words</text></svg><template><p>hidden words</p></template><p>After.</p>",
            "After.",
        ),
    ],
)
def test_malformed_html_is_read_without_raising(tmp_path: Path, page: str, expected: str) -> None:
    doc = read_doc(write(tmp_path / "bad.html", page))
    assert len(doc.text) == len(doc.raw)
    assert squash(expected) in squash(doc.text)
    assert "hidden words" not in doc.text


def test_tiny_page_keeps_text_but_not_navigation(tmp_path: Path) -> None:
    page = "<html><body><nav>Home World</nav><p>Brief note.</p><footer>Contact us</footer></body></html>"
    doc = read_doc(write(tmp_path / "tiny.html", page))
    assert squash(doc.text) == "Brief note."


def test_html_fallback_when_trafilatura_breaks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("parser exploded")

    monkeypatch.setattr(trafilatura, "bare_extraction", broken)
    doc = read_doc(DATA / "article.html")
    kept = squash(doc.text)
    assert "agreed to expand the exchange of border intelligence" in kept
    assert "Bishkek in the autumn." in kept
    for gone in [
        "Home",
        "Sport and leisure",
        "Related stories",
        "Copyright",
        "Secret script",
        "cookies",
        "Share on",
    ]:
        assert gone not in kept, gone
    assert doc.title == "Border talks in Almaty | The Steppe Courier"  # from <title>, all that is left
    assert doc.notes == [
        "trafilatura failed: RuntimeError: parser exploded; kept all visible text outside navigation, header and footer"
    ]


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><script>var s = 'The ministers met in Geneva on Tuesday.';</script></head><body></body></html>",
        "<html><body><!-- nothing --></body></html>",
        "<html><body><nav>Home News Sport</nav></body></html>",
    ],
)
def test_html_without_readable_text_fails(tmp_path: Path, page: str) -> None:
    path = write(tmp_path / "blank.html", page)
    assert read_one(path) == Failure(str(path), "no readable text in HTML page")


def test_html_title_element_is_metadata_not_text(tmp_path: Path) -> None:
    page = "<html><head><title>Summit &amp; more</title></head><body><p>Body words only.</p></body></html>"
    doc = read_doc(write(tmp_path / "t.html", page))
    assert doc.title == "Summit & more"
    assert "Summit" not in doc.text


# --- dates and the real corpus ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-12", "2024-03-12"),
        ("2024-03-12T23:59:00+03:00", "2024-03-12"),
        ("2024-03-12 08:00", "2024-03-12"),
        ("Tue, 12 Mar 2024 10:00:00 GMT", "2024-03-12"),
        ("12.03.2024", "2024-03-12"),
        ("March 12, 2024", "2024-03-12"),
        ("last Tuesday", None),
        ("", None),
        (20240312, None),
    ],
)
def test_normalise_date(value: object, expected: str | None) -> None:
    assert normalise_date(value) == expected


@pytest.mark.skipif(not DEV_CORPUS.is_dir(), reason="shared dev corpus not present")
def test_dev_corpus_reads_verbatim() -> None:
    files = sorted(DEV_CORPUS.glob("*.txt"))
    # every report of the corpus, however many it holds, is a .txt file
    reports = [path for path in DEV_CORPUS.iterdir() if path.is_file() and not path.name.startswith(".")]
    assert len(files) == len(reports) > 0
    items = read_all(*files)
    for path, item in zip(files, items, strict=True):
        assert isinstance(item, Document), item
        assert item.raw == path.read_bytes().decode("utf-8")
        assert item.text == item.raw
        assert item.name == path.stem
