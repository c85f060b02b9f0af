"""The one way this project writes CSV and XLSX files.

Spreadsheet programs run a cell that starts with = + - @ (or a tab or a line
break before one) as a formula, so a name or title typed by anyone could become
a live link or command in the finance or board spreadsheet. Every text cell goes
through `inert`; numbers, dates and booleans stay what they are.
tests/test_spreadsheets.py fails if any other module writes CSV or XLSX itself."""

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Font
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

# The half-width characters and their full-width forms, which some spreadsheet
# programs also read as the start of a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def inert(value: object) -> object:
    """The value, with text that a spreadsheet would run as a formula made plain text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_text(rows: Iterable[Iterable[object]]) -> str:
    """rows (sequences of cells) -> the CSV text."""
    out = io.StringIO()
    writer = csv.writer(out)
    for row in rows:
        writer.writerow([inert(value) for value in row])
    return out.getvalue()


def csv_from_dicts(rows: Sequence[Mapping[str, object]]) -> str:
    """Dicts -> CSV text with a heading row of every key, in the order first seen."""
    if not rows:
        return ""
    keys = list(dict.fromkeys(key for row in rows for key in row))
    return csv_text([keys, *([row.get(key) for key in keys] for row in rows)])


class Sheet:
    """One sheet of an `XlsxBook`; rows are appended in order."""

    def __init__(self, worksheet: WriteOnlyWorksheet) -> None:
        self._worksheet = worksheet

    def append(self, row: Iterable[Any], *, bold: bool = False) -> None:
        self._worksheet.append([self._cell(value, bold) for value in row])

    def _cell(self, value: Any, bold: bool) -> Cell:

        cell = WriteOnlyCell(self._worksheet)
        if isinstance(value, str):
            # openpyxl refuses control characters; a stored value must not stop the download.
            cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
            # Always text, never a formula, and shown without the apostrophe a CSV needs.
            cell.data_type = "s"
            cell.quotePrefix = cell.value.startswith(FORMULA_STARTS)
        else:
            cell.value = value
        if bold:
            cell.font = Font(bold=True)
        return cell


class XlsxBook:
    """An XLSX workbook written row by row (openpyxl's write-only mode)."""

    def __init__(self) -> None:
        self._book = Workbook(write_only=True)
        self._names: set[str] = set()

    def sheet(self, title: str, *, widths: Sequence[float] = ()) -> Sheet:
        """A new sheet named from `title` (made valid and unique); `widths` are
        the first columns' widths in characters."""
        base = re.sub(r"[\[\]\*\?/\\:]", " ", title)[:31].strip("' ") or "Sheet"
        name, number = base, 2
        while name.lower() in self._names:
            suffix = f" {number}"
            name, number = base[: 31 - len(suffix)] + suffix, number + 1
        self._names.add(name.lower())
        worksheet = self._book.create_sheet(name)
        for column, width in zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", widths, strict=False):
            worksheet.column_dimensions[column].width = width
        return Sheet(worksheet)

    def to_bytes(self) -> bytes:

        out = io.BytesIO()
        self._book.save(out)
        return out.getvalue()
