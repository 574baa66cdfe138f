"""Read input files into records: one record per article as it was found.

A record keeps its raw text exactly as it stood in the file, so that the
archive can always show what came in. Readers never raise on bad content:
a record they cannot use carries an ``error`` and is stored as rejected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

MAX_RECORD_BYTES = 5_000_000


@dataclass
class Record:
    position: int  # 0-based index of the record in its file
    line: int  # 1-based line where the record starts
    raw: str
    text: str | None = None
    date: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    author: str | None = None
    extra: dict = field(default_factory=dict)
    error: str | None = None


class InputError(Exception):
    """A whole file cannot be read (not a problem with one record)."""


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), falling back to Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


_SEED_HEADER = re.compile(
    r"^[ \t]*\ufeff?[ \t]*(?i:date)[ \t]+(\d{4}-\d{1,2}(?:-\d{1,2})?)\b[ \t]*(.*)$", re.MULTILINE
)


def read_seed_text(text: str) -> Iterator[Record]:
    """The seed format: each article starts with a line ``date YYYY-MM[-DD] text...``."""
    headers = list(_SEED_HEADER.finditer(text))
    starts = [m.start() for m in headers]
    if not headers or text[: starts[0]].strip():
        # Text before the first header is still an article, just without a date.
        starts.insert(0, 0)
    position = 0
    for start, end in zip(starts, starts[1:] + [len(text)]):
        raw = text[start:end]
        if not raw.strip():
            continue
        record = Record(position=position, line=text.count("\n", 0, start) + 1, raw=raw)
        header = _SEED_HEADER.match(text, start)
        if header and header.start() == start:
            record.date = header.group(1)
            record.text = raw[header.start(2) - start :]
        else:
            record.text = raw
            record.error = "no 'date YYYY-MM[-DD]' header before this text; stored without a date"
        position += 1
        yield record


def reject_oversized(records: Iterator[Record], max_bytes: int) -> Iterator[Record]:
    for record in records:
        size = len(record.raw.encode("utf-8"))
        if size > max_bytes:
            record.text = None
            record.error = f"record is {size:,} bytes, over the limit of {max_bytes:,} (--max-record-bytes)"
        yield record


def read_records(path: Path, data: bytes, max_record_bytes: int = MAX_RECORD_BYTES) -> Iterator[Record]:
    """Records of one input file, given its bytes."""
    if b"\x00" in data[:8192]:
        yield Record(position=0, line=1, raw=data.decode("latin-1"), error="binary file (contains NUL bytes), not text")
        return
    yield from reject_oversized(read_seed_text(decode(data)), max_record_bytes)


def find_input_files(paths: list[Path]) -> list[Path]:
    """Files named directly, plus every file under named directories, in sorted order."""
    found = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")))
        else:
            found.append(path)
    return found
