"""The record: one article as a reader found it in an input file, before cleaning.

Kept in its own module so that the readers (``formats.py``, ``readers/``) and the
file layer (``records.py``) can all use it without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Record:
    """One article as read; ``text`` None means rejected, and then ``error`` says why (else it is a warning)."""

    position: int  # 0-based index of the record in its file (across all members of a zip)
    line: int  # 1-based line where the record starts (in the decompressed file or zip member)
    raw: str
    text: str | None = None
    date: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    author: str | None = None
    extra: dict = field(default_factory=dict)
    error: str | None = None
    # Set only when the input could not be decoded as text (a binary file): the exact
    # bytes. ``raw`` then holds them read as latin-1, so ``raw.encode("latin-1") == raw_bytes``.
    raw_bytes: bytes | None = None
    member: str | None = None  # the file inside a .zip this record came from
    # Which input field or line became each of our fields ({"date": "date_publish"}), for ``inspect``.
    origin: dict = field(default_factory=dict)
    reader: str | None = None  # the format or tool that wrote it, when more specific than the file's format

    @property
    def rejected(self) -> bool:
        return self.text is None

    @classmethod
    def whole_file_rejected(cls, data: bytes, reason: str) -> Record:
        """One rejected record for a whole file that cannot be read, keeping its exact bytes."""
        return cls(position=0, line=1, raw=data.decode("latin-1"), raw_bytes=data, error=reason)


def missing_date_reason(field: str) -> str:
    """The warning for a record whose format has a date field (``field``, named as the user sees it) but
    whose date is missing, empty or null. The readers of every format with a date field use it."""
    return f"the date field {field} is missing or empty; stored without a date"


def add_warning(record: Record, warning: str) -> None:
    """Add a warning to those the record already has (``error`` of a record that has text)."""
    record.error = f"{record.error}; {warning}" if record.error else warning
