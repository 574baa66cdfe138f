"""Turn one input record into the article it contributes to the archive.

This step is pure (no database), so it can run in worker processes.
"""

from __future__ import annotations

from dataclasses import dataclass

from .dates import DateError, parse_date
from .dedup import content_hash
from .paragraphs import clean_article_text, split_glued_sentences
from .records import Record

MAX_DERIVED_TITLE = 120


@dataclass
class Article:
    paragraphs: list[str]
    removed_chars: int
    title: str
    title_derived: bool
    date: str | None
    date_precision: str | None
    content_hash: str
    warning: str | None = None

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def year(self) -> int | None:
        return int(self.date[:4]) if self.date else None

    @property
    def month(self) -> str | None:
        return self.date[:7] if self.date and len(self.date) >= 7 else None


class RejectedRecord(ValueError):
    pass


def derive_title(first_paragraph: str) -> str:
    """The first sentence, shortened at a word boundary when it is long."""
    sentence = split_glued_sentences(first_paragraph)[0]
    if len(sentence) <= MAX_DERIVED_TITLE:
        return sentence
    return sentence[:MAX_DERIVED_TITLE].rsplit(" ", 1)[0] + "…"


def prepare_article(record: Record) -> Article:
    """Clean a record's text into an article; raise RejectedRecord when there is none."""
    if record.text is None:
        raise RejectedRecord(record.error or "record has no text")
    clean = clean_article_text(record.text)
    if not clean.paragraphs:
        raise RejectedRecord("record has no text")
    warnings = [record.error] if record.error else []
    date = precision = None
    if record.date:
        try:
            date, precision = parse_date(record.date)
        except DateError as error:
            warnings.append(f"{error}; stored without a date")
    title = (record.title or "").strip()
    return Article(
        paragraphs=clean.paragraphs,
        removed_chars=clean.removed_chars,
        title=title or derive_title(clean.paragraphs[0]),
        title_derived=not title,
        date=date,
        date_precision=precision,
        content_hash=content_hash("\n\n".join(clean.paragraphs)),
        warning="; ".join(warnings) or None,
    )
