"""Ingest over HTTP (with a token): extraction records as they are, or documents to extract."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request

from parley.server.auth import writer
from parley.server.http import json_response, write_lock
from parley.server.schemas import IngestIn, WhoAmI
from parley.server.tokens import TokenInfo

router = APIRouter(prefix="/api", tags=["ingest"])

MAX_ITEMS = 1000


@router.post("/ingest", summary="Store records or documents and consolidate",
             responses={401: {"description": "No valid token"}})
def api_ingest(request: Request, body: IngestIn, who: Annotated[TokenInfo, Depends(writer)]):
    """Records are stored without the language models; documents are extracted first (the first
    call loads the models, which takes seconds). Returns the ingest report: added, unchanged,
    re-extracted, new versions, failures with their reasons."""
    from parley.errors import Failure
    from parley.store.ingest import Incoming, incoming_record, ingest, iter_sources

    if not body.records and not body.documents:
        raise HTTPException(400, "nothing to ingest: send {\"records\": [...]} and/or {\"documents\": [...]}")
    if len(body.records) + len(body.documents) > MAX_ITEMS:
        raise HTTPException(413, f"at most {MAX_ITEMS} records and documents per request: send several requests")
    # Checked by ingest() as every record is (parley.validation): a bad one is a failure in the report.
    items: list[Incoming | Failure] = [incoming_record(rec, f"http:{who.name}:records[{i}]")
                                       for i, rec in enumerate(body.records)]
    store = request.app.state.store
    with write_lock, tempfile.TemporaryDirectory(prefix="parley-ingest-") as tmp:
        if body.documents:
            path = Path(tmp) / "documents.jsonl"
            path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in body.documents),
                            encoding="utf-8")
            items.extend(iter_sources([str(path)]))
        report = ingest(store, items)
    return json_response(report.to_dict())


@router.get("/whoami", response_model=WhoAmI, summary="The name of the token sent (checks a token)")
def api_whoami(who: Annotated[TokenInfo, Depends(writer)]):
    return WhoAmI(id=who.id, name=who.name)
