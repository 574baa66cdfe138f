"""Write records into the archive: one transaction per batch, safe to re-run.

A file is identified by the SHA-256 of its bytes. A file that was ingested
completely is skipped; a file whose ingest was interrupted resumes after the
last record that was committed. Records, articles and paragraphs are keyed by
content, so running the same input twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

import sqlite_utils

from .articles import Article, RejectedRecord, prepare_article
from .dedup import paragraph_hash
from .records import MAX_RECORD_BYTES, Record, find_input_files, read_records
from .schema import ensure_db_shape

BATCH_SIZE = 500


@dataclass
class IngestSummary:
    files: int = 0
    files_skipped: int = 0
    records: int = 0
    new_articles: int = 0
    duplicates: int = 0
    paragraphs: int = 0
    removed_chars: int = 0
    rejected: int = 0
    problems: list[str] = field(default_factory=list)

    def line(self) -> str:
        parts = [
            f"records read: {self.records:,}",
            f"new articles: {self.new_articles:,}",
            f"exact duplicates: {self.duplicates:,}",
            f"paragraphs stored: {self.paragraphs:,}",
            f"repeated characters removed: {self.removed_chars:,}",
            f"rejected: {self.rejected:,}",
        ]
        if self.files_skipped:
            parts.append(f"files already ingested: {self.files_skipped:,}")
        return ", ".join(parts)


def utc_now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def ingest_paths(
    db: sqlite_utils.Database,
    paths: Iterable[Path],
    source: str | None = None,
    max_record_bytes: int = MAX_RECORD_BYTES,
    on_progress: Callable[[int], None] | None = None,
) -> IngestSummary:
    """Ingest every file under ``paths``; ``on_progress`` gets the bytes done per file."""
    ensure_db_shape(db)
    summary = IngestSummary()
    for path in find_input_files(list(paths)):
        data = path.read_bytes()
        ingest_file(db, path, data, summary, source=source, max_record_bytes=max_record_bytes)
        if on_progress:
            on_progress(len(data))
    return summary


def ingest_file(
    db: sqlite_utils.Database,
    path: Path,
    data: bytes,
    summary: IngestSummary,
    source: str | None = None,
    max_record_bytes: int = MAX_RECORD_BYTES,
) -> None:
    digest = sha256(data)
    existing = next(db.query("select id, completed_at from sources where sha256 = ?", [digest]), None)
    if existing and existing["completed_at"]:
        summary.files_skipped += 1
        return
    summary.files += 1
    if existing:
        source_id = existing["id"]
    else:
        source_id = db["sources"].insert(
            {"path": str(path), "size": len(data), "sha256": digest, "ingested_at": utc_now()}
        ).last_pk
    done = db.execute("select coalesce(max(position), -1) from records where source_id = ?", [source_id]).fetchone()[0]
    records = (r for r in read_records(path, data, max_record_bytes) if r.position > done)
    count = done + 1
    for batch in _batches(records, BATCH_SIZE):
        write_batch(db, source_id, batch, summary, path=path, default_source=source)
        count += len(batch)
    db["sources"].update(source_id, {"completed_at": utc_now(), "record_count": count})


def _batches(items: Iterator, size: int) -> Iterator[list]:
    while batch := list(itertools.islice(items, size)):
        yield batch


def write_batch(
    db: sqlite_utils.Database,
    source_id: int,
    records: list[Record],
    summary: IngestSummary,
    path: Path,
    default_source: str | None = None,
) -> None:
    """Store a batch of records of one file, and the articles they bring, in one transaction."""
    prepared: list[Article | RejectedRecord] = []
    for record in records:
        try:
            prepared.append(prepare_article(record))
        except RejectedRecord as rejection:
            prepared.append(rejection)
    now = utc_now()
    with db.atomic():
        raw_rows = {sha256(r.raw.encode("utf-8")): r.raw for r in records}
        db["raw_records"].insert_all(
            ({"hash": h, "raw": zlib.compress(raw.encode("utf-8"))} for h, raw in raw_rows.items()),
            ignore=True,
        )
        hashes = [a.content_hash for a in prepared if isinstance(a, Article)]
        known = _ids_by_hash(db, "articles", "content_hash", hashes)
        next_id = db.execute("select coalesce(max(id), 0) + 1 from articles").fetchone()[0]
        record_rows, new_articles = [], []
        for record, article in zip(records, prepared):
            row = {
                "source_id": source_id,
                "position": record.position,
                "line": record.line,
                "raw_hash": sha256(record.raw.encode("utf-8")),
            }
            summary.records += 1
            if isinstance(article, RejectedRecord):
                row.update(status="rejected", error=str(article))
                summary.rejected += 1
                summary.problems.append(f"{path}:{record.line}: rejected: {article}")
            else:
                if article.warning:
                    summary.problems.append(f"{path}:{record.line}: warning: {article.warning}")
                if article.content_hash in known:
                    row.update(status="duplicate", article_id=known[article.content_hash], error=article.warning)
                    summary.duplicates += 1
                else:
                    known[article.content_hash] = next_id
                    new_articles.append((next_id, record, article))
                    row.update(status="new", article_id=next_id, error=article.warning)
                    next_id += 1
            record_rows.append(row)
        _insert_articles(db, new_articles, default_source, now, summary)
        db["records"].insert_all(record_rows)


def _insert_articles(db, new_articles, default_source, now, summary) -> None:
    paragraph_ids = _store_paragraphs(db, [p for _, _, a in new_articles for p in a.paragraphs], summary)
    db["articles"].insert_all(
        {
            "id": article_id,
            "date": article.date,
            "year": article.year,
            "month": article.month,
            "date_precision": article.date_precision,
            "title": article.title,
            "title_derived": int(article.title_derived),
            "body": article.body,
            "source": record.source or default_source,
            "url": record.url,
            "author": record.author,
            "word_count": len(article.body.split()),
            "content_hash": article.content_hash,
            "removed_chars": article.removed_chars,
            "first_seen": now,
            "extra": json.dumps(record.extra, ensure_ascii=False) if record.extra else None,
        }
        for article_id, record, article in new_articles
    )
    db["article_paragraphs"].insert_all(
        {"article_id": article_id, "position": position, "paragraph_id": paragraph_ids[paragraph_hash(text)]}
        for article_id, _, article in new_articles
        for position, text in enumerate(article.paragraphs)
    )
    summary.new_articles += len(new_articles)
    summary.removed_chars += sum(a.removed_chars for _, _, a in new_articles)


def _store_paragraphs(db: sqlite_utils.Database, texts: list[str], summary: IngestSummary) -> dict[str, int]:
    """Insert paragraphs not stored yet; return the id of every paragraph by hash."""
    by_hash = {paragraph_hash(t): t for t in texts}
    ids = _ids_by_hash(db, "paragraphs", "hash", list(by_hash))
    new = [{"text": t, "hash": h} for h, t in by_hash.items() if h not in ids]
    db["paragraphs"].insert_all(new)
    summary.paragraphs += len(new)
    ids.update(_ids_by_hash(db, "paragraphs", "hash", [row["hash"] for row in new]))
    return ids


def _ids_by_hash(db: sqlite_utils.Database, table: str, column: str, hashes: list[str]) -> dict[str, int]:
    ids = {}
    for start in range(0, len(hashes), 10_000):
        chunk = hashes[start : start + 10_000]
        placeholders = ",".join("?" * len(chunk))
        ids.update(db.execute(f"select [{column}], id from [{table}] where [{column}] in ({placeholders})", chunk))
    return ids


def raw_text(db: sqlite_utils.Database, record_id: int) -> str:
    """The exact text of an input record, as it stood in its file."""
    row = db.execute(
        "select raw from raw_records join records on records.raw_hash = raw_records.hash where records.id = ?",
        [record_id],
    ).fetchone()
    if row is None:
        raise KeyError(f"no record with id {record_id}")
    return zlib.decompress(row[0]).decode("utf-8")
