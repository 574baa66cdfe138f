"""Turn one input record into the article it contributes to the archive.

This step is pure (no database), so it can run in worker processes.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import numpy as np

from .dates import DateError, parse_date
from .dedup import content_hash, paragraph_hash
from .mentions import Mention, extract_mentions
from .near_duplicates import band_keys, shingles_of_words, word_hashes
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
    source: str | None = None
    url: str | None = None
    author: str | None = None
    paragraph_hashes: list[str] = field(default_factory=list)
    paragraph_shingles: list[np.ndarray] = field(default_factory=list)  # shingles() of each paragraph
    band_keys: list[int] = field(default_factory=list)
    mentions: list[tuple[int, Mention]] = field(default_factory=list)  # (paragraph index, mention in it)
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


def find_paragraph_mentions(paragraphs: list[str], gazetteer=None) -> list[tuple[int, Mention]]:
    """Mentions in the whole article text (names resolve across paragraphs), each as
    (paragraph index, mention with offsets into that paragraph)."""
    starts, offset = [], 0
    for paragraph in paragraphs:
        starts.append(offset)
        offset += len(paragraph) + 2
    found = []
    index = 0
    for m in extract_mentions("\n\n".join(paragraphs), gazetteer):
        while index + 1 < len(starts) and starts[index + 1] <= m.start:
            index += 1
        if m.end - starts[index] <= len(paragraphs[index]):
            found.append((index, dataclasses.replace(m, start=m.start - starts[index], end=m.end - starts[index])))
    return found


def record_date(record: Record) -> tuple[str | None, str | None, str | None]:
    """(ISO date, precision, warning) of a record's date text; a date that cannot be parsed is a warning."""
    if not record.date:
        return None, None, None
    try:
        date, precision = parse_date(record.date)
    except DateError as error:
        return None, None, f"{error}; stored without a date"
    return date, precision, None


def prepare_article(record: Record, gazetteer=None) -> Article:
    """Clean a record's text into an article; raise RejectedRecord when there is none."""
    if record.text is None:
        raise RejectedRecord(record.error or "record has no text")
    clean = clean_article_text(record.text)
    if not clean.paragraphs:
        raise RejectedRecord("record has no text")
    date, precision, date_warning = record_date(record)
    warnings = [w for w in (record.error, date_warning) if w]
    title = (record.title or "").strip()
    words = [word_hashes(p) for p in clean.paragraphs]
    shingle_hashes = shingles_of_words(np.concatenate(words))
    return Article(
        paragraphs=clean.paragraphs,
        removed_chars=clean.removed_chars,
        title=title or derive_title(clean.paragraphs[0]),
        title_derived=not title,
        date=date,
        date_precision=precision,
        content_hash=content_hash("\n\n".join(clean.paragraphs)),
        source=record.source,
        url=record.url,
        author=record.author,
        paragraph_hashes=[paragraph_hash(p) for p in clean.paragraphs],
        paragraph_shingles=[shingles_of_words(w) for w in words],
        band_keys=band_keys(shingle_hashes),
        mentions=find_paragraph_mentions(clean.paragraphs, gazetteer),
        warning="; ".join(warnings) or None,
    )
