"""Public domain knowledge (states, places, organisations, meeting series, offices, officials).

Every file in ``data/`` is a JSON object ``{"about": ..., "sources": [...], "entries": [...]}``:
the ``about`` text says what the file holds and how it is curated.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load_entries(name: str) -> list[dict[str, Any]]:
    """The entries of ``data/<name>.json``."""
    path = resources.files(__package__).joinpath("data", f"{name}.json")
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)["entries"]
