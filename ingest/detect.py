"""Which reader a file needs, decided from its first bytes and its name, with the reason.

The structure wins over the extension where the two disagree in a way the
readers cannot survive: a ``.txt`` that is a LexisNexis, Nexis Uni or Factiva
export, a ``.txt`` that is JSON, XML (feeds, Delpher, trafilatura), a Word
document. Files that look like something we cannot read (RTF, HTML) are rejected
whole with a message that names what they look like.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .readers import vendor_text
from .readers.seed import has_seed_headers
from .readers.xml import recognise_xml

# The formats --format accepts; "rejected" (a file we recognise but cannot read) is never chosen by a user.
FORMATS = ("txt", "jsonl", "json", "csv", "tsv", "xlsx", "lexisnexis", "factiva", "docx", "feed", "delpher", "trafilatura-xml")
TABLE_FORMATS = ("jsonl", "json", "csv", "tsv")


@dataclass(frozen=True)
class Detection:
    """A file's format (one of ``FORMATS``, or "rejected", "zip") and the reason, in words, for ``inspect``."""

    format: str
    reason: str


def detect_format(head: bytes, text: str, by_name: str, name: str, forced: str | None, tab_table: bool) -> Detection:
    """The format of a file from its first bytes (``head``, and ``text``, the same decoded), the format its
    extension implies (``by_name``), and ``forced`` (``--format``). ``tab_table``: the first line is a
    tab-separated header naming a text column.

    Returns a ``Detection`` whose ``format`` is one of ``FORMATS`` or "rejected"; raises nothing.
    """
    if forced:
        return Detection(forced, f"--format {forced} was given")
    if head.startswith(b"PK\x03\x04"):
        if name.lower().endswith((".docx", ".docm")) or b"word/" in head:
            return Detection("docx", "a Word document (.docx); Nexis Uni exports are split into their documents")
        if name.lower().endswith((".xlsx", ".xlsm")) or b"xl/" in head:
            return Detection("xlsx", "an Excel workbook (.xlsx): the first row of each sheet names the columns")
    start = text.lstrip("\ufeff \t\r\n")
    if start.startswith("{\\rtf"):
        return Detection("rejected", (
            "this is an RTF document (a Nexis Uni or LexisNexis rich-text download?): download the export as "
            ".docx or save it as plain text (.txt), then ingest that"
        ))
    if start.startswith("<"):
        xml = recognise_xml(start)
        if xml:
            return Detection(*xml)
    if by_name in TABLE_FORMATS:
        return Detection(by_name, f"the extension says {by_name}")
    if re.match(r"[\[{]\s*[\"\[{]", start):
        return Detection("json", "the text starts like JSON ('{\"' or '[{')")
    if has_seed_headers(text):
        return Detection("txt", "it has 'date YYYY-MM[-DD]' header lines (the seed format)")
    vendor = vendor_text.recognise_text(text)
    if vendor and vendor[0] == "rejected":
        return Detection("rejected", f"this text is not in the seed format: {vendor[1]}")
    if vendor:
        return Detection(*vendor)
    if tab_table:
        return Detection("tsv", "its first line is a tab-separated header naming a text column (Excel's Unicode text)")
    return Detection("txt", "no other structure recognised: read as the seed format (a 'date YYYY-MM' line starts each article)")
