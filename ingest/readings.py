"""Which input files to read, and into which ``sources`` row: a file's identity is its bytes and how it is read.

A file is skipped when the same bytes were read completely before with the
same options (``ReadOptions.identity``: format, field map, outlet, size
limit) and kept something; otherwise it is read (again). Reading a file again
resolves what its earlier readings could not: rejected records that now
succeed are ``superseded``, and empty metadata of the articles they stored is
filled in.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from .articles import Article
from .records import MAX_RECORD_BYTES, format_for_name


def utc_now() -> str:
    """The time now in UTC, ISO 8601 to the second: when a file or article was ingested."""
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


@dataclass
class ReadOptions:
    """How input files are read: ``--format``, ``--field`` and ``--max-record-bytes``."""

    format: str | None = None
    field_map: dict[str, str] | None = None
    max_record_bytes: int = MAX_RECORD_BYTES

    def identity(self, name: str, source: str | None) -> str:
        """How a file of this name is read, as stored in ``sources.read_as``: part of its identity."""
        return json.dumps(
            {
                "format": self.format or format_for_name(name),
                "fields": dict(sorted((self.field_map or {}).items())),
                "source": source,
                "max_record_bytes": self.max_record_bytes,
            },
            ensure_ascii=False,
            sort_keys=True,
        )



def stored_path(path) -> str:
    """A path as text SQLite can store: bytes of a file name that are not UTF-8 (an old Latin-1
    name, which Python keeps as lone surrogates) are written as escapes, ``caf\\xe9.json``."""
    return os.fsencode(str(path)).decode("utf-8", "backslashreplace")


class FileReadings:
    """The readings of input files in one archive; ``reread`` reads files again whatever was read before."""

    def __init__(self, db: sqlite_utils.Database, reread: bool = False):
        self.db = db
        self.reread = reread
        self.earlier: list[int] = []  # other readings of the file being read (see row_for)
        self.read_into: set[int] = set()  # sources rows this run has read into

    def row_for(self, path, digest: str, size: int, read_as: str) -> int | None:
        """The ``sources`` row to read this file into, or None when it was ingested before this way.

        An interrupted ingest is resumed; a file whose records were all rejected (or that held no
        articles) is read again into its own row, its old records replaced. ``self.earlier`` is set
        to the other rows of the same bytes: earlier readings that this one may resolve.
        """
        default = ReadOptions().identity("" if str(path) == "-" else stored_path(Path(path).name), None)
        rows = self.db.execute(
            """select id, path, completed_at, coalesce(read_as, ?),
            exists(select 1 from records where source_id = sources.id and status != 'rejected')
            from sources where sha256 = ? order by id""",
            [default, digest],
        ).fetchall()
        same = [row for row in rows if row[3] == read_as]
        if not self.reread and any(completed and kept for _, _, completed, _, kept in same):
            return None
        source_id = next((row[0] for row in same if not row[2]), None)  # an interrupted ingest
        if source_id is None:
            # All rejected, or no articles: read again into its row (the one of this path if there is one),
            # unless this run read into that row already (two empty files are two files).
            free = [row for row in same if not row[4] and row[0] not in self.read_into]
            free.sort(key=lambda row: row[1] != stored_path(path))
            source_id = free[0][0] if free else None
            if source_id is not None:
                self.db.execute("delete from records where source_id = ?", [source_id])
                self.db["sources"].update(
                    source_id, {"path": stored_path(path), "ingested_at": utc_now(), "completed_at": None, "record_count": None}
                )
        if source_id is None:
            source_id = self.db["sources"].insert(
                {"path": stored_path(path), "size": size, "sha256": digest, "ingested_at": utc_now(), "read_as": read_as}
            ).last_pk
        self.earlier = [row[0] for row in rows if row[0] != source_id]
        self.read_into.add(source_id)
        return source_id

    def supersede_rejections(self, source_id: int) -> None:
        """Records of earlier reads of this file that were rejected but succeeded now: no longer rejected.

        They are matched by their raw text, so a row read with better options resolves the rejection
        of the same row; each points at the article the new read stored and at the record that did it.
        """
        if not self.earlier:
            return
        self.db.execute(
            f"""update records set status = 'superseded', article_id = new.article_id, version_id = new.version_id,
                error = 'read again as record ' || new.id || ' (' || new.status || ')'
                    || coalesce('; it was rejected: ' || records.error, '')
            from records as new
            where new.source_id = ? and new.status != 'rejected' and new.raw_hash = records.raw_hash
            and records.status = 'rejected' and records.source_id in ({", ".join("?" * len(self.earlier))})""",
            [source_id, *self.earlier],
        )

    def fill_missing_metadata(self, article_id: int, article: Article, default_source: str | None) -> None:
        """A file read again (other options) fills what its earlier reading left empty in its articles.

        Only empty columns (and a title derived from the text) are filled: fixing ``--field date=...``
        and ingesting again dates the articles that the first reading stored without a date.
        """
        self.db.execute(
            """update articles set
                date = coalesce(date, :date), year = coalesce(year, :year), month = coalesce(month, :month),
                date_precision = case when date is null then :precision else date_precision end,
                title = case when title_derived and not :derived then :title else title end,
                title_derived = case when title_derived and not :derived then 0 else title_derived end,
                source = coalesce(source, :source), url = coalesce(url, :url), author = coalesce(author, :author)
            where id = :id and id in (
                select article_id from records
                where status = 'new' and source_id in (select value from json_each(:earlier))
            )""",
            {
                "id": article_id, "date": article.date, "year": article.year, "month": article.month,
                "precision": article.date_precision, "title": article.title, "derived": int(article.title_derived),
                "source": article.source or default_source, "url": article.url, "author": article.author,
                "earlier": json.dumps(self.earlier),
            },
        )
