"""Write records into the archive: one transaction per batch, safe to re-run.

A file is identified by the SHA-256 of its bytes together with how it was read
(format, ``--field`` options, ``--source``, record size limit). A file that was
ingested completely that way is skipped; read with other options it is read
again, and records rejected before that now succeed are marked ``superseded``.
A file whose records were all rejected, or that held no articles, is never
skipped. A file whose ingest was interrupted resumes after the last record
that was committed. Records, articles and paragraphs are keyed by content, so
running the same input twice changes nothing.

The archive's own files (the database and its ``-wal``, ``-shm``, ``-journal``
and ``.inspect.json`` files) are never read as input, and other SQLite files
are skipped with a warning.

Preparing an article (cleaning, hashing, finding mentions) is pure and runs in
worker processes; one writer, this process, owns the database.
"""

from __future__ import annotations

import collections
import contextlib
import dataclasses
import functools
import hashlib
import itertools
import json
import multiprocessing
import os
import sys
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

import sqlite_utils
from sqlite_utils.utils import chunks

from .articles import Article, RejectedRecord, prepare_article
from .boilerplate import update_boilerplate
from .dedup import text_hash
from .entities import MentionStore, link_partial_names, remembered_entities
from .mentions import load_gazetteer
from .near_duplicate_index import NearDuplicateIndex, Publication, given_title
from .near_duplicates import DEFAULT_THRESHOLD
from .readings import FileReadings, ReadOptions, stored_path, utc_now
from .records import (
    SQLITE_SIGNATURES,
    Record,
    clean_record,
    find_input_files,
    no_articles_reason,
    open_records,
)
from .schema import FTS, article_paragraphs, ensure_db_shape

BATCH_SIZE = 1000
# Boilerplate flags are recomputed every so many records of a large input, not only at the end, so
# that a run of a million articles does not rewrite the body of every article at its end.
BOILERPLATE_EVERY = 50_000



def same_outlet(mine: str | None, theirs: str | None) -> bool:
    """A text with no outlet belongs to any publication; otherwise the outlets must be equal,
    ignoring case and spacing ("AD" and "ad", "NU.nl" and "nu.nl" are one outlet)."""
    return mine is None or (theirs is not None and " ".join(mine.split()).casefold() == " ".join(theirs.split()).casefold())


@dataclass
class IngestSummary:
    files: int = 0
    files_skipped: int = 0
    records: int = 0
    new_articles: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    paragraphs: int = 0
    removed_chars: int = 0
    rejected: int = 0
    files_empty: int = 0  # read, but held no articles (empty, header row only, [])
    skipped_paths: list = dataclasses.field(default_factory=list)  # the first few files already ingested

    def line(self) -> str:
        """The one-line summary the ingest command prints."""
        parts = [
            f"records read: {self.records:,}",
            f"new articles: {self.new_articles:,}",
            f"exact duplicates: {self.duplicates:,}",
            f"near duplicates: {self.near_duplicates:,}",
            f"paragraphs stored: {self.paragraphs:,}",
            f"repeated characters removed: {self.removed_chars:,}",
            f"rejected: {self.rejected:,}",
        ]
        if self.files_empty:
            parts.append(f"files without articles: {self.files_empty:,}")
        if self.files_skipped:
            parts.append(f"files already ingested: {self.files_skipped:,}")
        return ", ".join(parts)


# Worker side: the gazetteer is loaded once per process.
_worker_gazetteer = None


def _init_worker(user_rows: tuple[tuple, ...]) -> None:
    global _worker_gazetteer
    _worker_gazetteer = load_gazetteer(user_rows=user_rows)


@dataclass
class PreparedBatch:
    """What a worker makes of a batch of records, in their order: each record's raw row
    (hash, zlib-compressed bytes, 1 when they are a file's original bytes) and its article or rejection."""

    raw_rows: list[tuple[str, bytes, int]]
    articles: list[Article | RejectedRecord]


def prepare_batch(records: list[Record]) -> PreparedBatch:
    """Clean, hash and compress a batch of records, and find their mentions (pure: runs in workers)."""
    prepared = PreparedBatch([], [])
    for record in records:
        raw = record.raw_bytes if record.raw_bytes is not None else record.raw.encode("utf-8", "surrogatepass")
        prepared.raw_rows.append((text_hash(raw), zlib.compress(raw), int(record.raw_bytes is not None)))
        try:
            prepared.articles.append(prepare_article(clean_record(record), _worker_gazetteer))
        except RejectedRecord as rejection:
            prepared.articles.append(rejection)
    return prepared


def _prepare_here(batches: Iterable[list[Record]]) -> Iterator[tuple[list[Record], list]]:
    for batch in batches:
        yield batch, prepare_batch(batch)


def _prepare_in_pool(batches: Iterable[list[Record]], pool, ahead: int) -> Iterator[tuple[list[Record], list]]:
    """Prepare batches in workers, in order, with at most ``ahead`` batches in flight (flat memory)."""
    pending = collections.deque()
    for batch in batches:
        pending.append((batch, pool.apply_async(prepare_batch, (batch,))))
        if len(pending) > ahead:
            done, result = pending.popleft()
            yield done, result.get()
    while pending:
        done, result = pending.popleft()
        yield done, result.get()


class StrictError(Exception):
    """--strict: a record was rejected, so the whole ingest was rolled back."""


def archive_files(db: sqlite_utils.Database) -> set[str]:
    """The resolved paths of the archive's own files: never input, even when they lie in an input folder."""
    files = set()
    for row in db.execute("pragma database_list"):
        if row[2]:
            base = os.path.realpath(row[2])
            files.update(base + suffix for suffix in ("", "-wal", "-shm", "-journal", ".inspect.json"))
    return files


def _sqlite_file(path: Path) -> bool:
    """An SQLite database or write-ahead log, or the -shm/-journal file of one."""
    try:
        with open(path, "rb") as f:
            if f.read(16).startswith(SQLITE_SIGNATURES):
                return True
    except OSError:
        return False
    for suffix in ("-wal", "-shm", "-journal"):
        if path.name.endswith(suffix) and len(path.name) > len(suffix):
            return _sqlite_file(path.with_name(path.name[: -len(suffix)]))
    return False


def input_files(
    db: sqlite_utils.Database, paths: Iterable[Path | str], on_problem: Callable[[str], None] | None = None
) -> list:
    """The files to read under ``paths``, without the archive's own files and without SQLite files.

    ``on_problem`` gets a warning for each SQLite file skipped (another archive, say), each entry
    that is not a regular file and each folder without files (see ``find_input_files``).
    """
    own = archive_files(db)
    found = []
    for path in find_input_files([p if str(p) == "-" else Path(p) for p in paths], on_problem):
        if str(path) != "-" and os.path.realpath(path) in own:
            continue
        if str(path) != "-" and _sqlite_file(path):
            if on_problem:
                on_problem(f"{path}: warning: skipped: an SQLite database (another archive?), not an export")
            continue
        found.append(path)
    return found


def ingest_paths(
    db: sqlite_utils.Database,
    paths: Iterable[Path | str],
    source: str | None = None,
    read_options: ReadOptions | None = None,
    entity_files: Iterable[Path] = (),
    threshold: float = DEFAULT_THRESHOLD,
    workers: int = 1,
    strict: bool = False,
    on_progress: Callable[[int], None] | None = None,
    on_problem: Callable[[str], None] | None = None,
    reread: bool = False,
) -> IngestSummary:
    """Ingest every file under ``paths`` ("-" is standard input).

    ``on_progress`` gets the bytes done per file; ``on_problem`` a line for each rejected record and
    each warning, as they happen. With ``reread``, files already ingested with the same options are
    read again (articles are not duplicated; records rejected before that now succeed are superseded).

    With ``strict``, the first rejected record raises StrictError and nothing is written.
    """
    ensure_db_shape(db)
    # WAL with synchronous=NORMAL: a power cut may lose the last batches, never consistency;
    # the next run re-reads what was lost. A larger page cache keeps index inserts in memory.
    db.execute("pragma synchronous = normal")
    db.execute("pragma cache_size = -262144")
    # Checkpoint the write-ahead log every 40 MB rather than 4 MB: a page that several batches change
    # is copied into the database once. Readers go on reading meanwhile.
    db.execute("pragma wal_autocheckpoint = 10000")
    user_rows = tuple(remembered_entities(db, entity_files))
    _init_worker(user_rows)
    writer = ArchiveWriter(
        db, IngestSummary(), default_source=source, threshold=threshold, strict=strict, on_problem=on_problem, reread=reread
    )
    pool = multiprocessing.get_context("spawn").Pool(workers, _init_worker, (user_rows,)) if workers > 1 else None
    prepare = functools.partial(_prepare_in_pool, pool=pool, ahead=2 * workers) if pool else _prepare_here
    try:
        with db.atomic() if strict else contextlib.nullcontext():
            for path in input_files(db, paths, on_problem):
                size = ingest_input(writer, path, prepare, read_options or ReadOptions())
                if on_progress:
                    on_progress(size)
            # Skipped files change nothing, unless an earlier run was killed before it finished.
            if writer.summary.files or unfinished_since(db) is not None:
                writer.update_boilerplate()
                link_partial_names(db, _worker_gazetteer)
                db.execute("delete from archive_state where key = 'needs_finishing'")
                db.execute("pragma optimize")  # planner statistics for the grown tables
    finally:
        if pool:
            pool.terminate()
    return writer.summary


def unfinished_since(db: sqlite_utils.Database) -> int | None:
    """The id of the first article the archive-wide steps (boilerplate, archive-level linking) have
    not judged yet, or None when there is none (``archive_state.needs_finishing``, see schema.py)."""
    row = db.execute("select value from archive_state where key = 'needs_finishing'").fetchone()
    return int(row[0]) if row else None


def ingest_input(writer: ArchiveWriter, path: Path | str, prepare, options: ReadOptions) -> int:
    """Ingest one file (or standard input, "-") with ``writer`` unless it was read this way before.

    ``prepare`` turns batches of records into prepared articles (here or in workers). Returns the
    input's size in bytes, for progress.
    """
    digest, size, stream = _hash_input(path)
    with stream if stream is not path else contextlib.nullcontext():  # closes the spooled standard input
        return _ingest_stream(writer, path, digest, size, stream, prepare, options)

def _ingest_stream(writer: ArchiveWriter, path, digest: str, size: int, stream, prepare, options: ReadOptions) -> int:
    name = "" if str(path) == "-" else stored_path(Path(path).name)
    source_id = writer.readings.row_for(path, digest, size, options.identity(name, writer.default_source))
    if source_id is None:
        writer.summary.files_skipped += 1
        if len(writer.summary.skipped_paths) < 3:
            writer.summary.skipped_paths.append(stored_path(path))
        return size
    writer.summary.files += 1
    done = writer.db.execute("select coalesce(max(position), -1) from records where source_id = ?", [source_id]).fetchone()[0]
    records = open_records(
        stream,
        name=name,
        format=options.format,
        field_map=options.field_map,
        max_record_bytes=options.max_record_bytes,
        clean=False,  # prepare_batch cleans, in the workers
    )
    count = done + 1
    for batch, prepared in prepare(_batches((r for r in records if r.position > done), BATCH_SIZE)):
        writer.write_batch(source_id, str(path), batch, prepared)
        count += len(batch)
        if count % BOILERPLATE_EVERY < len(batch):
            writer.update_boilerplate()
    with writer.db.atomic():
        writer.db["sources"].update(source_id, {"completed_at": utc_now(), "record_count": count})
        writer.readings.supersede_rejections(source_id)
    if count == 0:
        writer.summary.files_empty += 1
        if hasattr(stream, "seek"):
            stream.seek(0)
        where = "(standard input)" if str(path) == "-" else path
        writer.on_problem(f"{where}: warning: {no_articles_reason(stream, name, options.format)}")
    return size


def _hash_input(path: Path | str) -> tuple[str, int, object]:
    """SHA-256 and size of an input, reading it in chunks; standard input is spooled to re-read it."""
    digest, size = hashlib.sha256(), 0
    if str(path) == "-":
        spool = tempfile.SpooledTemporaryFile(max_size=64 * 1024 * 1024)
        while chunk := sys.stdin.buffer.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
            spool.write(chunk)
        spool.seek(0)
        return digest.hexdigest(), size, spool
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size, path


def _batches(items: Iterator, size: int) -> Iterator[list]:
    while batch := list(itertools.islice(items, size)):
        yield batch


class ArchiveWriter:
    """The single writer: decides what each prepared record is (new, duplicate, version, rejected) and stores it.

    It asks ``NearDuplicateIndex`` which stored articles a text is close to and
    ``FileReadings`` which reading of a file it writes into; batches are
    written with one ``executemany`` per table (``flush``).
    """

    def __init__(
        self,
        db: sqlite_utils.Database,
        summary: IngestSummary,
        default_source: str | None,
        threshold: float,
        strict: bool = False,
        on_problem: Callable[[str], None] | None = None,
        reread: bool = False,
    ):
        self.db = db
        self.readings = FileReadings(db, reread)
        self.summary = summary
        self.default_source = default_source
        self.threshold = threshold
        self.strict = strict
        self.on_problem = on_problem or (lambda problem: None)
        self.mentions = MentionStore(db)
        self.first_new_article = db.execute("select coalesce(max(id), 0) + 1 from articles").fetchone()[0]
        # Per-batch look-ups (see _look_up); empty outside a batch, where queries answer instead.
        self._known: dict[str, tuple] = {}
        self._paragraph_ids: dict[str, int] = {}
        self._prefetched: set[str] = set()
        self._next_ids: dict[str, int] = {}
        self._unindexed: dict[str, int] = {}  # table -> first id not yet in its FTS table
        self.index = NearDuplicateIndex(db, threshold)
        # Rows queued by insert_article until flush, at the end of the batch.
        self._pending: collections.defaultdict[str, list[dict]] = collections.defaultdict(list)
        self._paragraph_counts: collections.Counter[int] = collections.Counter()

    def write_batch(self, source_id: int, path: str, records: list[Record], prepared: PreparedBatch) -> None:
        """Store a batch of records of one file, and what they bring, in one transaction."""
        now = utc_now()
        with self.db.atomic():
            self._look_up([a for a in prepared.articles if isinstance(a, Article)])
            record_rows = []
            for record, article, (raw_hash, _, _) in zip(records, prepared.articles, prepared.raw_rows):
                location = f"{path}/{record.member}:{record.line}" if record.member else f"{path}:{record.line}"
                status = self._store(record, article, location, now)
                record_rows.append((source_id, record.position, record.line, raw_hash, *status))
            self.db.conn.executemany("insert or ignore into raw_records (hash, raw, binary) values (?, ?, ?)", prepared.raw_rows)
            # The first article the archive-wide steps have not seen yet (kept by a run that follows a killed one).
            self.db.execute("insert or ignore into archive_state (key, value) values ('needs_finishing', ?)", [self.first_new_article])
            self.db.conn.executemany(
                """insert into records (source_id, position, line, raw_hash, status, article_id, version_id, error)
                values (?, ?, ?, ?, ?, ?, ?, ?)""",
                record_rows,
            )
            self.flush()

    def _look_up(self, articles: list[Article]) -> None:
        """Fetch, in a few queries, what the batch's articles need to know of the archive."""
        self._next_ids = {}
        self._known = collections.defaultdict(list)
        hashes = [a.content_hash for a in articles]
        for row in _rows_where_in(
            self.db, "select content_hash, id, null, source, story_id from articles where content_hash in ({}) order by id", hashes
        ):
            self._known[row[0]].append(row[1:])
        for row in _rows_where_in(
            self.db,
            """select v.content_hash, v.article_id, v.id, v.source, a.story_id from article_versions v
            join articles a on a.id = v.article_id where v.content_hash in ({}) order by v.id""",
            hashes,
        ):
            self._known[row[0]].append(row[1:])
        self._prefetched = {h for a in articles for h in a.paragraph_hashes}
        self._paragraph_ids = dict(_rows_where_in(self.db, "select hash, id from paragraphs where hash in ({})", list(self._prefetched)))

    def _store(self, record: Record, article: Article | RejectedRecord, location: str, now: str) -> tuple:
        """Classify one record and store its article or version; return (status, article_id, version_id, error)."""
        self.summary.records += 1
        if isinstance(article, RejectedRecord):
            if self.strict:
                raise StrictError(f"{location}: rejected: {article}")
            self.summary.rejected += 1
            self.on_problem(f"{location}: rejected: {article}")
            return "rejected", None, None, str(article)
        if article.warning:
            self.on_problem(f"{location}: warning: {article.warning}")
        # An article is one outlet's publication. The same text again from the same outlet (or with no
        # outlet) is a duplicate, a near-duplicate from it a version; from another outlet, either is a
        # publication of its own, in the same story.
        source = article.source or self.default_source
        known = self._known.get(article.content_hash)
        # Reading a file again (with other options) fills in what an outlet-less article lacked.
        duplicated = next((k for k in known or () if same_outlet(source, k[2]) or (self.readings.earlier and k[2] is None)), None)
        if duplicated:
            if self.readings.earlier and duplicated[1] is None:
                self.readings.fill_missing_metadata(duplicated[0], article, self.default_source)
            self.summary.duplicates += 1
            return "duplicate", duplicated[0], duplicated[1], article.warning
        # Also when another outlet has this exact text: it may be an update of this outlet's own article.
        matches = self.index.near_duplicates_of(
            lambda: self.index.evidence(
                given_title(article.title, article.title_derived), list(zip(article.paragraph_hashes, article.paragraphs)), article.paragraph_shingles
            ),
            article.band_keys,
        )
        same = next((m for m in matches if same_outlet(source, m.source)), None)
        if same:
            self.summary.near_duplicates += 1
            version_id = self._insert_version(same.article_id, same.similarity, record, article, now)
            self._known[article.content_hash].append((same.article_id, version_id, source, same.story_id))
            return "near_duplicate", same.article_id, version_id, article.warning
        story_id = known[0][3] if known else matches[0].story_id if matches else None
        self.summary.new_articles += 1
        self.summary.removed_chars += article.removed_chars
        article_id = self.insert_article(record, article, now, story_id=story_id)
        self._known[article.content_hash].append((article_id, None, source, story_id or article_id))
        return "new", article_id, None, article.warning

    def _metadata(self, record: Record, article: Article, now: str) -> dict:
        return {
            "title": article.title,
            "title_derived": int(article.title_derived),
            "date": article.date,
            "date_precision": article.date_precision,
            "source": article.source or self.default_source,
            "url": article.url,
            "author": article.author,
            "removed_chars": article.removed_chars,
            "content_hash": article.content_hash,
            "first_seen": now,
            "extra": json.dumps(record.extra, ensure_ascii=False) if record.extra else None,
        }

    def _insert_version(self, article_id: int, similarity: float, record: Record, article: Article, now: str) -> int:
        row = self._metadata(record, article, now) | {
            "article_id": article_id,
            "body": article.body,
            "similarity": round(similarity, 4),
        }
        return self.db["article_versions"].insert(row).last_pk

    def insert_article(self, record: Record, article: Article, now: str, story_id: int | None = None) -> int:
        """Queue an article, its paragraphs and mentions; ``flush`` writes them (lsh keys go at once).

        The article joins story ``story_id``, or starts a story of its own.
        """
        paragraph_ids = [self._paragraph_id(text, digest) for text, digest in zip(article.paragraphs, article.paragraph_hashes)]
        self._paragraph_counts.update(set(paragraph_ids))
        body = "\n\n".join(t for t, i in zip(article.paragraphs, paragraph_ids) if i not in self.index.boilerplate)
        # We are the only writer, so the next id is ours.
        article_id = self._next_id("articles")
        facets = self.mentions.store(article_id, paragraph_ids, article.mentions, skip=self.index.boilerplate)
        row = self._metadata(record, article, now) | facets | {
            "id": article_id,
            "year": article.year,
            "month": article.month,
            "body": body,
            "word_count": len(body.split()),
            "story_id": story_id or article_id,
        }
        self._pending["articles"].append(row)
        self._pending["article_paragraphs"].extend(
            {"article_id": article_id, "position": position, "paragraph_id": paragraph_id}
            for position, paragraph_id in enumerate(paragraph_ids)
        )
        # Later articles of this batch look their candidates up here, so these are written now.
        self.index.add(article_id, article.band_keys)
        self.index.remember(
            article_id,
            Publication(
                row["source"],
                row["story_id"],
                given_title(article.title, article.title_derived),
                list(zip(article.paragraph_hashes, article.paragraphs)),
                article.paragraph_shingles,
            ),
        )
        return article_id

    def update_boilerplate(self) -> None:
        """Recompute the boilerplate flags now, so that the articles that follow leave it out from the start.

        Only the articles added since the flags were last right are judged (``needs_finishing``)."""
        update_boilerplate(self.db, _worker_gazetteer, since_article=unfinished_since(self.db))
        self.index.boilerplate_changed()

    def flush(self) -> None:
        """Write what insert_article queued, then index the new rows for full-text search."""
        for row in self._pending.get("paragraphs", []):  # new paragraphs are written with their count
            row["article_count"] = self._paragraph_counts.pop(row["id"], 0)
        for table in ("paragraphs", "articles", "article_paragraphs"):
            rows = self._pending.pop(table, [])
            if rows:
                columns = list(rows[0])
                self.db.conn.executemany(
                    f"insert into [{table}] ({', '.join(f'[{c}]' for c in columns)}) values ({', '.join('?' * len(columns))})",
                    [[row[c] for c in columns] for row in rows],
                )
        self.db.conn.executemany(
            "update paragraphs set article_count = article_count + ? where id = ?",
            [(n, paragraph_id) for paragraph_id, n in self._paragraph_counts.items()],
        )
        self._paragraph_counts.clear()
        self.mentions.flush()
        self.index_new_rows()

    def _paragraph_id(self, text: str, digest: str) -> int:
        if digest in self._paragraph_ids:
            return self._paragraph_ids[digest]
        row = None if digest in self._prefetched else self.db.execute("select id from paragraphs where hash = ?", [digest]).fetchone()
        if row:
            paragraph_id = row[0]
        else:
            paragraph_id = self._next_id("paragraphs")
            self._pending["paragraphs"].append({"id": paragraph_id, "text": text, "hash": digest})
            self.summary.paragraphs += 1
        self._paragraph_ids[digest] = paragraph_id
        return paragraph_id

    def _next_id(self, table: str) -> int:
        if table not in self._next_ids:
            self._next_ids[table] = self.db.execute(f"select coalesce(max(id), 0) + 1 from [{table}]").fetchone()[0]
            self._unindexed.setdefault(table, self._next_ids[table])
        self._next_ids[table] += 1
        return self._next_ids[table] - 1

    def index_new_rows(self) -> None:
        """Add the articles and paragraphs inserted since the last call to their FTS tables."""
        for table, first_id in self._unindexed.items():
            columns = ", ".join(f"[{c}]" for c in FTS[table])
            self.db.execute(
                f"insert into [{table}_fts] (rowid, {columns}) select id, {columns} from [{table}] where id >= ?", [first_id]
            )
        self._unindexed.clear()


def _rows_where_in(db: sqlite_utils.Database, sql: str, values: list) -> Iterator[tuple]:
    """Run ``sql`` with its ``in ({})`` filled with ``values``, in chunks SQLite accepts."""
    for chunk in map(list, chunks(values, 10_000)):
        yield from db.execute(sql.format(",".join("?" * len(chunk))), chunk)


def article_paragraph_texts(db: sqlite_utils.Database, article_id: int) -> list[str]:
    """All paragraphs of an article in order, boilerplate included."""
    return [text for _, _, _, text, _ in article_paragraphs(db, article_id)]


def raw_record(db: sqlite_utils.Database, record_id: int) -> bytes:
    """An input record exactly as it was read: its text as UTF-8, or the original bytes of an unreadable file."""
    row = db.execute(
        "select raw from raw_records join records on records.raw_hash = raw_records.hash where records.id = ?",
        [record_id],
    ).fetchone()
    if row is None:
        raise KeyError(f"no record with id {record_id}")
    return zlib.decompress(row[0])
