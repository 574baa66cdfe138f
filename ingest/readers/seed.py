"""The seed format: ``date YYYY-MM[-DD]`` header lines, each starting an article."""

from __future__ import annotations

import re
from typing import Iterator

from ..record import Record

_SEED_HEADER = re.compile(
    r"^[ \t]*\ufeff?[ \t]*(?i:date)[ \t]+(\d{4}-\d{1,2}(?:-\d{1,2})?)\b[ \t]*(.*)$", re.MULTILINE
)


def read_seed_text(text: str) -> Iterator[Record]:
    """The seed format: each article starts with a line ``date YYYY-MM[-DD] text...``.

    Every character of the file belongs to exactly one record's ``raw`` (blank
    lines before the first header belong to the first record), so the raws
    joined give back the file.
    """
    headers = list(_SEED_HEADER.finditer(text))
    starts = [m.start() for m in headers]
    if not headers or text[: starts[0]].strip():
        # Text before the first header is still an article, just without a date.
        starts.insert(0, 0)
    position = 0
    line, counted = 1, 0  # line numbers counted incrementally: files can hold 100,000 articles
    for start, end in zip(starts, starts[1:] + [len(text)]):
        raw = text[start:end]
        if not raw.strip():
            continue
        header = _SEED_HEADER.match(text, start)
        line += text.count("\n", counted, start)
        counted = start
        if position == 0 and start > 0:  # blank lines before the first header
            raw, start = text[:end], 0
        record = Record(position=position, line=line, raw=raw)
        if header:
            record.date = header.group(1)
            record.text = text[header.start(2) : end]
            record.origin = {"date": "'date' header", "text": "text after the header"}
        else:
            record.text = raw
            record.error = "no 'date YYYY-MM[-DD]' header before this text; stored without a date"
        position += 1
        yield record


def has_seed_headers(text: str) -> bool:
    """Whether the text has at least one ``date YYYY-MM[-DD]`` header line."""
    return _SEED_HEADER.search(text) is not None
