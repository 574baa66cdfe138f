"""Stories, publications and versions: regroup an archive by the current rule.

An article is one outlet's publication. A later text of the same outlet (or of
no outlet) at or above the near-duplicate threshold is a *version* of it, kept
in ``article_versions`` with its similarity; the article's canonical text is
the first one, so ids, links and mentions stay put. The same or nearly the
same text from *another* outlet is an article of its own, in the same *story*:
``articles.story_id`` is the id of the story's first article, and the
``stories`` view counts its publications and outlets. ArchiveWriter
(archive.py) applies this rule as records arrive; similarity and the evidence
rule are in near_duplicates.py.

Regrouping (``news-archive dedup``) replays every distinct text (articles and
versions) in the order its first record was read, exactly as ingest would with
the given threshold: a text with no earlier article at or above the threshold
starts a story; a near-duplicate of an article of its own outlet is a version
of it; a near-duplicate of another outlet's article is an article in that
article's story. Only texts whose role changes are touched, nothing is
deleted but the rows a text moves out of (records and raw records stay), and
it runs in one transaction: readers see the old grouping or the new one, never
a mix. Archives made before stories existed are regrouped this way: versions
from other outlets become articles of their own.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass

import sqlite_utils

from .archive import ArchiveWriter, IngestSummary, article_paragraph_texts, same_outlet, utc_now
from .near_duplicate_index import given_title
from .articles import prepare_article
from .boilerplate import update_boilerplate
from .entities import recount_entities
from .dedup import paragraph_hash
from .near_duplicates import band_keys, shingles
from .formats import plan_fields, record_from_json
from .records import Record, clean_record
from .schema import ensure_db_shape


@dataclass
class RegroupSummary:
    articles: int = 0
    versions: int = 0
    promoted: int = 0  # versions that became articles
    demoted: int = 0  # articles that became versions
    stories: int = 0
    multi_outlet_stories: int = 0
    copies_split: int = 0  # exact copies from another outlet, counted as duplicates before, made articles

    def line(self) -> str:
        """The one-line report of ``news-archive dedup``."""
        return (
            f"articles: {self.articles:,}, versions: {self.versions:,}, "
            f"versions made articles: {self.promoted:,}, articles made versions: {self.demoted:,}, "
            f"stories: {self.stories:,}, in several outlets: {self.multi_outlet_stories:,}, "
            f"copies from other outlets made articles: {self.copies_split:,}"
        )


def regroup_near_duplicates(db: sqlite_utils.Database, threshold: float, gazetteer=None, on_progress=None) -> RegroupSummary:
    """Regroup every article and version into publications, versions and stories at ``threshold``."""
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
            order by first, 1, 2"""
        )
    )
    touched_entities: set[int] = set()
    now = utc_now()
    with db.atomic():
        db.execute("delete from lsh_buckets")
        for kind, item_id, _ in texts:
            table = "articles" if kind == "article" else "article_versions"
            title, derived, source = db.execute(f"select title, title_derived, source from [{table}] where id = ?", [item_id]).fetchone()
            title = given_title(title, derived)
            if kind == "article":
                paragraphs = article_paragraph_texts(db, item_id)
            else:
                paragraphs = db.execute("select body from article_versions where id = ?", [item_id]).fetchone()[0].split("\n\n")
            keys = band_keys(shingles(" ".join(paragraphs)))
            matches = writer.index.near_duplicates_of(
                lambda: writer.index.evidence(title, [(paragraph_hash(p), p) for p in paragraphs]), keys
            )
            same = next((m for m in matches if same_outlet(source, m.source)), None)
            story_id = matches[0].story_id if matches else None
            if kind == "article" and same is None:
                writer.index.add(item_id, keys)
                story_id = story_id or item_id
                db.execute("update articles set story_id = ? where id = ? and story_id is not ?", [story_id, item_id, story_id])
                writer.index.publication(item_id).story_id = story_id
            elif kind == "article":
                writer.index.forget(item_id)
                touched_entities |= _demote(db, writer, item_id, same.article_id, same.similarity, now)
                summary.demoted += 1
            elif same is None:
                _promote(db, writer, item_id, gazetteer, now, story_id)
                summary.promoted += 1
            else:
                db["article_versions"].update(item_id, {"article_id": same.article_id, "similarity": round(same.similarity, 4)})
                db.execute("update records set article_id = ? where version_id = ?", [same.article_id, item_id])
            if on_progress:
                on_progress(1)
        writer.flush()
        summary.copies_split = split_other_outlets_copies(db, writer, gazetteer, now)
        recount_entities(db, touched_entities)
        db.execute("delete from paragraphs where article_count = 0")
    update_boilerplate(db, gazetteer)
    summary.articles = db["articles"].count
    summary.versions = db["article_versions"].count
    summary.stories, summary.multi_outlet_stories = db.execute(
        "select count(*), coalesce(sum(outlet_count > 1), 0) from stories"
    ).fetchone()
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


def _promote(db, writer: ArchiveWriter, version_id: int, gazetteer, now: str, story_id: int | None) -> int:
    """Make a version an article of its own (in story ``story_id``, or its own), with paragraphs and mentions."""
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
    article_id = writer.insert_article(record, article, version["first_seen"] or now, story_id=story_id)
    writer.flush()
    db["articles"].update(article_id, {"removed_chars": version["removed_chars"]})
    db.execute(
        """update records set article_id = ?, version_id = null,
        status = case status when 'near_duplicate' then 'new' else status end
        where version_id = ?""",
        [article_id, version_id],
    )
    db.execute("delete from article_versions where id = ?", [version_id])
    return article_id


def split_other_outlets_copies(db: sqlite_utils.Database, writer: ArchiveWriter, gazetteer, now: str) -> int:
    """Make each exact copy from another outlet that an older archive counted as a duplicate its outlet's article.

    The record's outlet is read back from its raw text, which is possible for JSON records (JSON Lines
    and JSON files) only; a CSV row without its header, or a record whose outlet came from
    ``--source``, keeps its status. Returns the number of articles made.
    """
    made = 0
    rows = db.execute(
        """select r.id, coalesce(v.source, a.source), coalesce(v.content_hash, a.content_hash), a.story_id, rr.hash
        from records r join articles a on a.id = r.article_id join raw_records rr on rr.hash = r.raw_hash
        left join article_versions v on v.id = r.version_id
        where r.status = 'duplicate' and not rr.binary
        order by r.id"""
    ).fetchall()
    for record_id, stored_source, content_hash, story_id, raw_hash in rows:
        raw = db.execute("select raw from raw_records where hash = ?", [raw_hash]).fetchone()[0]
        record = _json_record(zlib.decompress(raw).decode("utf-8", errors="replace"))
        if record is None or record.source is None or same_outlet(record.source, stored_source):
            continue
        existing = db.execute("select id from articles where content_hash = ? and source = ?", [content_hash, record.source]).fetchone()
        if existing:
            db.execute("update records set article_id = ?, version_id = null where id = ?", [existing[0], record_id])
            continue
        article = prepare_article(record, gazetteer)
        article_id = writer.insert_article(record, article, now, story_id=story_id)
        writer.flush()
        db.execute("update records set article_id = ?, version_id = null, status = 'new' where id = ?", [article_id, record_id])
        made += 1
    return made


def _json_record(raw: str) -> Record | None:
    """The cleaned record of a raw JSON object, or None when the raw text is not one."""
    if not raw.lstrip().startswith("{"):
        return None
    try:
        value = json.loads(raw)
    except ValueError:
        return None
    record = record_from_json(value, raw, 0, plan_fields, "record")
    return clean_record(record) if record.text is not None else None
