"""One error tree (every error Parley raises on purpose is a ParleyError, caught by branch) and one
failure type, whose stage says where an input stopped."""

from __future__ import annotations

import json

import pytest

from parley import errors
from parley.errors import Failure, ParleyError
from parley.store.db import open_store
from parley.store.ingest import ingest, iter_sources
from test_store_robust import doc_id, record


def test_every_error_class_of_the_project_is_in_the_tree():
    tree = [c for c in vars(errors).values() if isinstance(c, type) and issubclass(c, Exception)]
    assert {c.__name__ for c in tree} >= {"DecodeError", "Invalid", "UnknownLanguageError", "BadCursor", "StoreError",
                                          "StoreBusy", "CorrectionError", "ExportError", "TokenError"}
    assert all(issubclass(c, ParleyError) for c in tree)
    # The branches callers catch, and the built-in kinds code outside Parley expects.
    assert issubclass(errors.StoreBusy, errors.StoreError) and issubclass(errors.CorrectionError, errors.StoreError)
    assert issubclass(errors.Invalid, ValueError) and issubclass(errors.UnknownLanguageError, LookupError)


def test_a_store_error_and_a_bad_value_are_caught_as_parley_errors(tmp_path):
    from parley.store.corrections import add_correction

    store = open_store(str(tmp_path / "kb.db"))
    with pytest.raises(ParleyError, match="parley meetings"):
        add_correction(store, "meeting", "no/such/meeting", "reject", reason="checking")
    store.close()
    with pytest.raises(ParleyError):
        open_store(str(tmp_path / "missing" / "deeper" / "kb.db"), create=False)


def test_each_skipped_input_says_at_which_stage_it_stopped(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "photo.jsonl").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    good = record(doc_id(1))
    bad = record(doc_id(2))
    bad["meetings"][0]["start"] = "2025-13-45"
    (folder / "records.jsonl").write_text("\n".join(json.dumps(r) for r in (good, bad)) + "\n", encoding="utf-8")
    store = open_store(str(tmp_path / "kb.db"))
    report = ingest(store, iter_sources([str(folder)], records_only=True))
    store.close()
    stages = {f.origin.rsplit("/", 1)[-1]: f.stage for f in report.failures}
    assert report.added == 1
    assert stages == {"photo.jsonl": "read", "records.jsonl:2": "validate"}, stages
    assert all(isinstance(f, Failure) for f in report.failures)
    assert [d["stage"] for d in report.to_dict()["failures"]] == [f.stage for f in report.failures]
