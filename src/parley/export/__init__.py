"""``parley export``: the consolidated record in the registered formats (JSON Lines, CSV,
Parquet, GraphML, FollowTheMoney).

One module per format, each registering an :class:`Exporter`; ``parley.export.rows`` gathers
the rows they all lay out. Importing this package registers the formats that ship with Parley.
"""

from __future__ import annotations

from parley.export import csvfile, ftm, graphml, jsonl, parquet  # noqa: F401  (each registers its format)
from parley.export.base import (
    EXPORTERS,
    KINDS,
    ROW_KINDS,
    Exporter,
    ExportError,
    export,
    exporter,
    formats_for,
    formats_help,
    register,
)

__all__ = ["EXPORTERS", "KINDS", "ROW_KINDS", "ExportError", "Exporter", "export", "exporter", "formats_for",
           "formats_help", "register"]
