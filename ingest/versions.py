"""Regroup near-duplicate versions, for instance after a threshold change.

The canonical text of a story is its first version: the text of the earliest
record that brought it. It never changes when later versions arrive, so
article ids, links and mentions stay put; later texts are kept in
``article_versions`` with their similarity to it.

Regrouping replays every distinct text (articles and versions) in the order
their first record was read, exactly as ingest would with the new threshold:
a text with no earlier article at or above the threshold is an article,
otherwise it is a version of the most similar one. Only texts whose role
changes are touched. It runs in one transaction: readers see the old grouping
or the new one, never a mix.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import sqlite_utils

from .archive import ArchiveWriter, IngestSummary, article_paragraph_texts, utc_now
from .articles import prepare_article
from .boilerplate import update_boilerplate
from .entities import recount_entities
from .near_duplicates import band_keys, shingles
from .records import Record
from .schema import ensure_db_shape


@dataclass
class RegroupSummary:
    articles: int = 0
    versions: int = 0
    promoted: int = 0  # versions that became articles
    demoted: int = 0  # articles that became versions

    def line(self) -> str:
        return (
            f"articles: {self.articles:,}, versions: {self.versions:,}, "
            f"versions made articles: {self.promoted:,}, articles made versions: {self.demoted:,}"
        )


def regroup_near_duplicates(db: sqlite_utils.Database, threshold: float, gazetteer=None, on_progress=None) -> RegroupSummary:
    ensure_db_shape(db)
    summary = RegroupSummary()
    writer = ArchiveWriter(db, IngestSummary(), default_source=None, threshold=threshold)
    texts = list(
        db.execute(
            """select 'article', id, (select min(r.id) from records r where r.article_id = articles.id and r.version_id is null) as first
            from articles
            union all
            select 'version', id, (select min(r.id) from records r where r.version_id = article_versions.id)
            from article_versions
            order by first"""
        )
    )
    touched_entities: set[int] = set()
    now = utc_now()
    with db.atomic():
        db.execute("delete from lsh_buckets")
        for kind, item_id, _ in texts:
            if kind == "article":
                paragraphs = article_paragraph_texts(db, item_id)
            else:
                paragraphs = db.execute("select body from article_versions where id = ?", [item_id]).fetchone()[0].split("\n\n")
            hashes = shingles(" ".join(paragraphs))
            keys = band_keys(hashes)
            match = writer.near_duplicate_of(hashes, keys)
            if kind == "article" and match is None:
                writer.index_for_near_duplicates(item_id, keys)
            elif kind == "article":
                touched_entities |= _demote(db, writer, item_id, *match, now)
                summary.demoted += 1
            elif match is None:
                _promote(db, writer, item_id, gazetteer, now)
                summary.promoted += 1
            else:
                article_id, similarity = match
                db["article_versions"].update(item_id, {"article_id": article_id, "similarity": round(similarity, 4)})
                db.execute("update records set article_id = ? where version_id = ?", [article_id, item_id])
            if on_progress:
                on_progress(1)
        writer.flush()
        recount_entities(db, touched_entities)
        db.execute("delete from paragraphs where article_count = 0")
    update_boilerplate(db, gazetteer)
    summary.articles = db["articles"].count
    summary.versions = db["article_versions"].count
    return summary


def _demote(db, writer: ArchiveWriter, article_id: int, canonical_id: int, similarity: float, now: str) -> set[int]:
    """Make an article a version of another; return the entities whose mentions went with it."""
    row = db["articles"].get(article_id)
    version = {key: row[key] for key in ("title", "title_derived", "date", "date_precision", "source", "url", "author", "removed_chars", "content_hash", "extra")}
    version.update(
        article_id=canonical_id,
        body="\n\n".join(article_paragraph_texts(db, article_id)),
        similarity=round(similarity, 4),
        first_seen=row["first_seen"],
    )
    version_id = db["article_versions"].insert(version).last_pk
    db.execute(
        """update records set article_id = ?, version_id = ?,
        status = case status when 'new' then 'near_duplicate' else status end
        where article_id = ? and version_id is null""",
        [canonical_id, version_id, article_id],
    )
    return delete_article(db, article_id)


def delete_article(db, article_id: int) -> set[int]:
    """Delete an article with its mentions and paragraph links (its records must point elsewhere first);
    return the entities whose mentions went with it, for ``recount_entities``."""
    touched = {r[0] for r in db.execute("select distinct entity_id from mentions where article_id = ?", [article_id])}
    db.execute("delete from mentions where article_id = ?", [article_id])
    db.execute(
        "update paragraphs set article_count = article_count - 1 where id in (select paragraph_id from article_paragraphs where article_id = ?)",
        [article_id],
    )
    db.execute("delete from article_paragraphs where article_id = ?", [article_id])
    db.execute("delete from articles where id = ?", [article_id])
    return touched


def _promote(db, writer: ArchiveWriter, version_id: int, gazetteer, now: str) -> None:
    """Make a version an article of its own, with paragraphs and mentions."""
    version = db["article_versions"].get(version_id)
    record = Record(
        position=0,
        line=0,
        raw="",
        text=version["body"],
        date=version["date"],
        title=None if version["title_derived"] else version["title"],
        source=version["source"],
        url=version["url"],
        author=version["author"],
        extra=json.loads(version["extra"]) if version["extra"] else {},
    )
    article = prepare_article(record, gazetteer)
    article_id = writer.insert_article(record, article, version["first_seen"] or now)
    writer.flush()
    db["articles"].update(article_id, {"removed_chars": version["removed_chars"]})
    db.execute(
        """update records set article_id = ?, version_id = null,
        status = case status when 'near_duplicate' then 'new' else status end
        where version_id = ?""",
        [article_id, version_id],
    )
    db.execute("delete from article_versions where id = ?", [version_id])
