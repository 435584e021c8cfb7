"""Listings: the rows every listing command prints, as a table that fits the terminal without ever
cutting a key, or as tab-separated values for scripts.

A table keeps its keys whole (they are what the user types next): on a narrow terminal the
columns that may give way are left out, most expendable first, and long text is cut with "…";
a key wider than the whole terminal wraps rather than being cut. Every value is shown as
written: nothing in it is read as Rich markup or an emoji code (a person key ``volfovich:a``).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated

import typer
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from parley.cli.common import out


class Format(StrEnum):
    table = "table"
    tsv = "tsv"


FormatOpt = Annotated[Format, typer.Option("--format", help="table, or tsv for scripts (a header line, then one line "
                                                          "per row; tab, newline and backslash in values as \\t, "
                                                          "\\n, \\\\).")]


@dataclass(frozen=True)
class Col:
    """A column. ``whole``: its values are never cut (keys, dates, numbers): shown in full or,
    when ``drop`` allows, left out; otherwise text that is cut with "…" when space is short.
    ``drop``: 0 never left out; on a narrow terminal the highest ``drop`` goes first."""

    name: str
    whole: bool = False
    drop: int = 0


def key(name: str = "key", drop: int = 0) -> Col:
    return Col(name, whole=True, drop=drop)


def short(name: str, drop: int = 0) -> Col:
    return Col(name, whole=True, drop=drop)


def text(name: str, drop: int = 0) -> Col:
    return Col(name, whole=False, drop=drop)


Row = Sequence[str | None]


@dataclass(frozen=True)
class Frame:
    """What a table adds to its columns' widths: ``per_column`` each, and ``edge`` once."""

    per_column: int
    edge: int


# A line before each column and after the last, a space each side of every cell.
BORDERED = Frame(3, 1)
# No lines, cells two spaces apart and none at the edges: the narrower layout, taken when a key
# would wrap inside the borders.
PLAIN = Frame(2, -2)
# Text narrower than this says too little: the column is left out instead, when it may be.
TEXT_MIN = 8


def emit(title: str, cols: Sequence[Col], rows: Iterable[Row], fmt: Format = Format.table) -> None:
    """Print ``rows`` under ``cols``: a table titled ``title`` sized to the terminal, or TSV."""
    cells = [["" if v is None else str(v) for v in r] for r in rows]
    if fmt == Format.tsv:
        sys.stdout.write("".join("\t".join(map(tsv_value, r)) + "\n" for r in [[c.name for c in cols], *cells]))
        return
    # A console as wide as the table is laid out for (one prints no wider than it was made); the
    # shared one is left as it is.
    width = terminal_width()
    Console(width=width, emoji=False).print(table(title, cols, cells, width))


def terminal_width() -> int:
    """$COLUMNS when set (read now, not when the console was made: a test or a script sets it per
    command), else the console's width (the terminal's, or 180 when the output is no terminal)."""
    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() and int(columns) > 0 else out.width


def tsv_value(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def layout(cols: Sequence[Col], rows: Sequence[Sequence[str]], width: int) -> tuple[list[tuple[int, int]], Frame]:
    """The columns shown and their widths, as (index, width), and the frame around them: whole
    columns at their widest value; text columns share what is left, each at least ``TEXT_MIN``
    (or its widest value, when less); columns that may give way are left out, highest ``drop``
    first, until the rest fit. Borders, unless a key would have to wrap inside them."""
    shown, wraps = _fit(cols, rows, width, BORDERED)
    if not wraps:
        return shown, BORDERED
    return _fit(cols, rows, width, PLAIN)[0], PLAIN


def _fit(cols: Sequence[Col], rows: Sequence[Sequence[str]], width: int, frame: Frame
         ) -> tuple[list[tuple[int, int]], bool]:
    """``layout`` within ``frame``; and whether a whole column had to wrap all the same."""
    natural = [max([cell_len(c.name), *(cell_len(r[i]) for r in rows)]) for i, c in enumerate(cols)]

    def least(i: int) -> int:
        return natural[i] if cols[i].whole else min(natural[i], TEXT_MIN)

    def frame_width(n: int) -> int:
        return frame.per_column * n + frame.edge

    kept = list(range(len(cols)))
    while sum(least(i) for i in kept) + frame_width(len(kept)) > width:
        droppable = [i for i in kept if cols[i].drop]
        if not droppable:
            break
        kept.remove(max(droppable, key=lambda i: (cols[i].drop, i)))
    widths = {i: least(i) for i in kept}
    spare = width - sum(widths.values()) - frame_width(len(kept))
    growing = [i for i in kept if not cols[i].whole]
    # Text columns grow in turns, a character each, until they are whole or the line is full.
    while spare > 0 and growing:
        for i in list(growing):
            if spare == 0:
                break
            if widths[i] >= natural[i]:
                growing.remove(i)
                continue
            widths[i] += 1
            spare -= 1
    # Still too wide with only the columns that never give way: text narrows first, down to a
    # character and its "…", then the widest whole column wraps (Rich folds it: nothing is cut).
    for i in growing_order(kept, cols, widths):
        if spare >= 0:
            break
        give = min(widths[i] - 2, -spare)
        widths[i] -= give
        spare += give
    if spare < 0:
        widest = max(kept, key=lambda i: widths[i])
        widths[widest] = max(1, widths[widest] + spare)
    return [(i, widths[i]) for i in kept], spare < 0


def growing_order(kept: list[int], cols: Sequence[Col], widths: dict[int, int]) -> list[int]:
    """The text columns, widest first."""
    return sorted((i for i in kept if not cols[i].whole), key=lambda i: -widths[i])


def table(title: str, cols: Sequence[Col], rows: Sequence[Sequence[str]], width: int) -> Table:
    shown, frame = layout(cols, rows, width)
    t = Table(title=Text(title), expand=False) if frame == BORDERED else \
        Table(title=Text(title), expand=False, box=None, pad_edge=False, show_edge=False)
    for i, w in shown:
        if cols[i].whole:
            # fold: a value wider than the column (only when the terminal is narrower than the
            # value itself) wraps onto the next line instead of being cut
            t.add_column(Text(cols[i].name), width=w, overflow="fold")
        else:
            t.add_column(Text(cols[i].name), width=w, no_wrap=True, overflow="ellipsis")
    for r in rows:
        t.add_row(*(Text(r[i]) for i, _ in shown))
    return t
