"""HTML reports end to end: the article is read through trafilatura, page furniture and scripts are
left out, and every evidence offset points into the original HTML source."""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.ingest.document import Document
from parley.ingest.readers import iter_inputs
from parley.pipeline import Extractor

PAGE = Path(__file__).parent / "data" / "extract" / "cis-meeting-page.html"


@pytest.fixture(scope="module")
def record() -> dict:
    (doc,) = list(iter_inputs([str(PAGE)]))
    assert isinstance(doc, Document)
    return Extractor().extract(doc).to_json()


def test_metadata_from_the_page(record):
    assert record["document"]["title"] == "CIS security council secretaries meet in Moscow"
    assert record["document"]["published"] == "2025-11-05"
    assert record["document"]["language"] == "en"


def test_meeting_from_the_article_not_from_the_script(record):
    (meeting,) = [m for m in record["meetings"] if m["series"] == "cis-security-council-secretaries"]
    assert (meeting["ordinal"], meeting["start"], meeting["place"], meeting["chair"]) == (
        13, "2025-11-05", "Moscow", "Sergei Shoigu")
    assert {"ARM", "AZE", "KAZ", "KGZ", "RUS"} <= set(meeting["states"])


def test_evidence_points_into_the_html_source(record):
    raw = PAGE.read_text(encoding="utf-8")
    meeting = record["meetings"][0]
    (chair_span,) = meeting["support"]["chair"]
    assert raw[chair_span[0]:chair_span[1]].endswith("Sergei Shoigu")
    (statement,) = record["statements"]
    assert statement["speaker"] == "Alexander Volfovich"
    (quote_span,) = statement["support"]["quote"]
    # The quote sits between "&laquo;" and "&raquo;" in the source: its offsets hold exactly its words.
    assert raw[quote_span[0]:quote_span[1]] == statement["quote"]


def test_plan_with_an_html_dash(record):
    (plan,) = record["agreements"]
    assert (plan["kind"], plan["valid_from"], plan["valid_to"]) == ("plan", 2026, 2027)
