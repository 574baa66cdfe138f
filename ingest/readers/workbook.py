"""Excel workbooks (.xlsx): spreadsheets researchers keep their coded articles in, read with openpyxl.

Every sheet is read; its first non-empty row names the columns, which map to
our fields as a CSV header does (``formats.plan_fields``), and every later row
with a value is one record. Dates stored as Excel dates become ISO text. The
record's raw text is its cells as the sheet shows them, tab-separated, so
``news-archive raw`` prints the row. A workbook openpyxl cannot open is one
rejected record saying so (its bytes are kept). Old binary ``.xls`` files are
not read: save them as .xlsx or CSV.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Iterator

from ..formats import _unique_names, plan_fields, record_from_fields
from ..record import Record


def _cell_text(value) -> str:
    """A cell as text: ISO for dates, no trailing ``.0`` on whole numbers, empty for an empty cell."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_workbook(data: bytes, field_map: dict | None = None) -> Iterator[Record]:
    """Records of every sheet of an .xlsx workbook (``data``: the file's bytes); ``line`` is the row number.

    Each record's ``member`` names its sheet. Raises nothing: an unreadable workbook is one rejected record.
    """
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        yield Record.whole_file_rejected(
            data, f"this .xlsx cannot be opened ({error}): it is damaged or not an Excel workbook; save it again or as CSV UTF-8"
        )
        return
    try:
        for sheet in workbook.worksheets:
            header, plan = None, None
            for number, row in enumerate(sheet.iter_rows(values_only=True), 1):
                cells = [_cell_text(value) for value in row]
                if not any(cell.strip() for cell in cells):
                    continue
                if header is None:
                    header = _unique_names(cells)
                    plan = plan_fields(header, field_map)
                    continue
                record = record_from_fields(dict(zip(header, cells)), plan, number, "\t".join(cells))
                record.member = sheet.title
                yield record
    finally:
        workbook.close()
