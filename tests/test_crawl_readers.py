"""Crawl inputs: WARC and WARC.gz archives and gzipped JSON Lines, read as streams; broken records
fail alone and reading goes on; the crawl pre-filter keeps the domain's pages in English and Russian."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from parley.cli import app
from parley.errors import Failure
from parley.ingest.document import Document
from parley.ingest.prefilter import default_filter
from parley.ingest.readers import iter_inputs
from parley.ingest.warc import response_record

RU_REPORT = ("Секретари советов безопасности государств — участников СНГ провели в Москве очередную встречу. "
             "Стороны обсудили противодействие терроризму и сотрудничество спецслужб стран Содружества.")
EN_REPORT = ("The CSTO Collective Security Council met in Moscow on Thursday. The defence ministers of the "
             "member states discussed joint exercises and the situation on the Tajik-Afghan border.")
SPORTS = ("Rovers beat United 3-1 in front of 40,000 fans on Saturday. The coach praised the defence, and "
          "tickets for the next home game sold out within hours, the club said.")
FRENCH = ("Les ministres des pays de l'OCS et des BRICS se sont réunis mardi à Moscou. Les discussions ont "
          "porté sur le commerce, l'énergie et les infrastructures de transport de la région.")


def _page(text: str, title: str = "News") -> str:
    return (f"<html><head><title>{title}</title></head><body><nav><a href='/'>Home</a> <a href='/s'>Sport</a></nav>"
            f"<article><h1>{title}</h1><p>{text}</p></article><footer>© Example News</footer></body></html>")


def _archive(tmp_path: Path, records: list[bytes], name: str = "crawl.warc.gz") -> str:
    path = tmp_path / name
    path.write_bytes(b"".join(records))
    return str(path)


@pytest.mark.parametrize("compress", [True, False])
def test_warc_pages_carry_url_dates_and_http_charset(tmp_path: Path, compress: bool) -> None:
    ru = _page(RU_REPORT, "Встреча секретарей").encode("cp1251")  # no <meta charset>: only HTTP says cp1251
    records = [
        response_record("https://tass.example/politics/1", ru, date="2025-10-15T08:30:00Z",
                        content_type="text/html; charset=windows-1251",
                        headers={"Last-Modified": "Tue, 14 Oct 2025 10:00:00 GMT"}, compress=compress),
        response_record("https://news.example/en/2", _page(EN_REPORT).encode(), date="2025-11-02T00:00:00Z",
                        compress=compress),
    ]
    path = _archive(tmp_path, records, "crawl.warc.gz" if compress else "crawl.warc")
    items = list(iter_inputs([path]))
    assert [type(i) for i in items] == [Document, Document]
    ru_doc, en_doc = items
    assert isinstance(ru_doc, Document) and isinstance(en_doc, Document)
    assert ru_doc.url == "https://tass.example/politics/1"
    assert "Секретари советов безопасности" in ru_doc.text
    assert "decoded as windows-1251 (declared in the HTTP header)" in ru_doc.notes
    assert ru_doc.retrieved == "2025-10-15"
    assert ru_doc.published == "2025-10-14"  # Last-Modified: the page gives no date of its own
    assert ru_doc.origin == f"{path}#0"
    assert en_doc.retrieved == "2025-11-02" and en_doc.published is None
    assert en_doc.origin.startswith(f"{path}#") and en_doc.origin != ru_doc.origin
    assert "Home" not in en_doc.text.split()  # page furniture blanked as for any HTML page


def test_warc_skips_non_pages_and_fails_broken_records_alone(tmp_path: Path) -> None:
    good = response_record("https://news.example/a", _page(EN_REPORT).encode())
    image = response_record("https://news.example/logo.png", b"\x89PNG\r\n\x1a\n", content_type="image/png")
    missing = response_record("https://news.example/gone", b"<html>gone</html>", status=404)
    not_http = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\nWARC-Date: 2025-01-01T00:00:00Z\r\n"
                b"WARC-Target-URI: https://news.example/raw\r\nContent-Type: application/http; msgtype=response\r\n"
                b"Content-Length: 15\r\n\r\nnot http at all\r\n\r\n")
    last = response_record("https://news.example/b", _page(EN_REPORT, "Second").encode())
    path = _archive(tmp_path, [good, image, missing, gzip.compress(not_http), last])
    items = list(iter_inputs([path]))
    kinds = [(type(i).__name__, getattr(i, "stage", None), getattr(i, "fatal", None)) for i in items]
    assert kinds == [("Document", None, None), ("Failure", "filter", False), ("Failure", "filter", False),
                     ("Failure", "read", True), ("Document", None, None)]
    assert items[1].reason == "content type image/png, not a page"
    assert items[2].reason == "HTTP status 404, not a page"
    assert items[3].reason == "response record without an HTTP response in it"


def test_truncated_warc_fails_the_cut_record_and_keeps_the_rest(tmp_path: Path) -> None:
    records = [response_record(f"https://news.example/{n}", _page(EN_REPORT, f"Story {n}").encode()) for n in range(3)]
    data = b"".join(records)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[:-60])
    items = list(iter_inputs([str(path)]))
    assert [type(i) for i in items] == [Document, Document, Failure]
    assert items[2].fatal and "truncated" in items[2].reason
    assert items[2].origin == f"{path}#{len(records[0]) + len(records[1])}"


def test_corrupt_gzip_member_fails_and_reading_goes_on_at_the_next_record(tmp_path: Path) -> None:
    records = [response_record(f"https://news.example/{n}", _page(EN_REPORT, f"Story {n}").encode()) for n in range(3)]
    broken = records[1][:30] + b"\x00" * 40 + records[1][70:]
    path = _archive(tmp_path, [records[0], broken, records[2]])
    items = list(iter_inputs([path]))
    documents = [i for i in items if isinstance(i, Document)]
    failures = [i for i in items if isinstance(i, Failure)]
    assert [d.url for d in documents] == ["https://news.example/0", "https://news.example/2"]
    assert len(failures) == 1 and failures[0].fatal and "damaged archive" in failures[0].reason


def test_gzipped_json_lines_are_streamed_and_a_cut_file_fails_after_its_good_records(tmp_path: Path) -> None:
    lines = b"".join(json.dumps({"id": n, "text": EN_REPORT, "url": f"https://x.example/{n}"}).encode() + b"\n"
                     for n in range(50))
    whole = tmp_path / "export.jsonl.gz"
    whole.write_bytes(gzip.compress(lines))
    items = list(iter_inputs([str(whole)]))
    assert len(items) == 50 and all(isinstance(i, Document) for i in items)
    assert items[7].name == "export-7" and items[7].url == "https://x.example/7"

    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(gzip.compress(lines)[:-200])
    items = list(iter_inputs([str(cut)]))
    assert isinstance(items[-1], Failure) and "truncated" in items[-1].reason
    assert all(isinstance(i, Document) for i in items[:-1]) and len(items) > 1


def test_a_folder_reads_crawl_archives_by_their_compound_suffix(tmp_path: Path) -> None:
    (tmp_path / "a.warc.gz").write_bytes(response_record("https://news.example/a", _page(EN_REPORT).encode()))
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress(json.dumps({"text": RU_REPORT}).encode() + b"\n"))
    items = list(iter_inputs([str(tmp_path)]))
    assert [type(i) for i in items] == [Document, Document]


@pytest.mark.parametrize("text", [EN_REPORT, RU_REPORT])
def test_prefilter_keeps_domain_pages_in_each_language(text: str) -> None:
    assert default_filter().reason(text) is None


@pytest.mark.parametrize(("text", "reason"), [
    (SPORTS, "no domain vocabulary"),
    ("Министр иностранных дел провёл переговоры о торговле и туризме с коллегами в Минске на прошлой неделе.",
     "no domain vocabulary (one office, institution or other organisation is not enough)"),
    (FRENCH, "language: fr (Parley reads en, ru)"),
])
def test_prefilter_drops_unrelated_and_foreign_pages_with_reasons(text: str, reason: str) -> None:
    assert default_filter().reason(text) == reason


def test_prefilter_vocabulary_comes_from_the_domain_data_in_both_languages() -> None:
    kinds = {(t.kind, t.label) for t in default_filter().terms}
    assert {("organisation", "CSTO"), ("organisation", "SCO"), ("body", "security-council-secretaries")} <= kinds
    # An inflected Russian name is found by its stems: the data gives the nominative.
    assert default_filter().reason("Встреча состоялась в рамках Организации Договора о коллективной безопасности, "
                                   "где министры обсудили учения и ситуацию на границе с Афганистаном.") is None


def test_extract_drops_filtered_pages_and_prints_per_stage_counts(tmp_path: Path) -> None:
    records = [
        response_record("https://news.example/csto", _page(EN_REPORT, "CSTO council meets").encode()),
        response_record("https://news.example/sport", _page(SPORTS, "Rovers win").encode()),
        response_record("https://news.example/fr", _page(FRENCH, "OCS").encode()),
        response_record("https://news.example/logo.png", b"\x89PNG\r\n\x1a\n", content_type="image/png"),
    ]
    path = _archive(tmp_path, records)
    result = CliRunner().invoke(app, ["extract", path, "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert ("read 4 page(s); filtered 3 (content type image/png, not a page: 1, language: fr (Parley reads en, ru): 1, "
            "no domain vocabulary: 1); extracted 1; failed 0") in " ".join(result.output.split())
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["news.example_csto.json"]

    unfiltered = CliRunner().invoke(app, ["extract", path, "--no-prefilter", "--out", str(tmp_path / "all")])
    # Without the pre-filter the sports page costs a full extraction and the French one fails there.
    assert "filtered 1 (content type image/png, not a page: 1); extracted 2; failed 1 (extract: 1)" in " ".join(
        unfiltered.output.split())


def test_a_copyright_year_is_not_a_publication_date():
    from parley.ingest.html import read_html

    article = ("<main><article><h1>Secretaries met</h1><p>The secretaries of the Security Councils met in "
               "Moscow on Tuesday to discuss terrorism and cooperation across the region.</p></article></main>")
    footer = "<footer><p>© 2025 Daily Wire. All rights reserved.</p></footer>"
    bare = f"<html><head><title>Secretaries met</title></head><body>{article}{footer}</body></html>"
    assert read_html(bare).date is None
    dated = bare.replace("<title>", '<meta property="article:published_time" content="2024-06-05T10:00:00Z"><title>')
    assert read_html(dated).date == "2024-06-05"
