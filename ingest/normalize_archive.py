"""Bring an existing archive up to ``textclean.normalize`` (``news-archive normalize --db``).

Archives ingested before the normalisation existed may hold soft hyphens,
zero-width spaces, decomposed accents and the like in their text. This pass
puts every stored text through ``normalize``, as ingest now does:

- paragraphs are rewritten (a paragraph that becomes identical to another is
  merged into it), and the full-text indexes follow through their triggers;
- articles and versions get normalised titles, bodies and fields and their
  ``content_hash`` recomputed; an article whose text now equals an earlier
  article's becomes a duplicate of it (its records point to the earlier
  article with status ``duplicate``), exactly as ingest would have made it;
- mentions are found again in every article whose text changed, so entities
  such as "Oekra" (from "Oekra\u200bïne") disappear with their last mention.

Raw records are never touched: ``news-archive raw`` still prints the input
exactly as it was read. Running it twice changes nothing the second time.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from .archive import article_paragraph_texts
from .boilerplate import update_boilerplate
from .dedup import content_hash, paragraph_hash
from .entities import recount_entities, reextract_mentions
from .schema import ensure_db_shape
from .textclean import normalize
from .stories import delete_article

ARTICLE_FIELDS = ("title", "source", "author")


@dataclass
class NormalizeSummary:
    paragraphs: int = 0  # paragraphs rewritten
    merged_paragraphs: int = 0
    articles: int = 0  # articles whose text or fields changed
    merged_articles: int = 0  # articles that became duplicates of an earlier one
    versions: int = 0

    def line(self) -> str:
        return (
            f"paragraphs normalised: {self.paragraphs:,} ({self.merged_paragraphs:,} merged), "
            f"articles normalised: {self.articles:,} ({self.merged_articles:,} now duplicates), "
            f"versions normalised: {self.versions:,}"
        )


def _rows(db: sqlite_utils.Database, sql: str, chunk: int = 5_000):
    """The rows of ``select id, ... from TABLE where id > ? order by id limit ?`` chunk by chunk, in constant memory
    (rows may be changed between chunks)."""
    last = 0
    while True:
        rows = db.execute(sql, [last, chunk]).fetchall()
        if not rows:
            return
        yield from rows
        last = rows[-1][0]


def _norm(value):
    return normalize(value) if isinstance(value, str) else value


def normalize_archive(db: sqlite_utils.Database, gazetteer=None, on_progress=None) -> NormalizeSummary:
    ensure_db_shape(db)
    summary = NormalizeSummary()
    changed_articles: set[int] = set()
    with db.atomic():
        for paragraph_id, text in _rows(db, "select id, text from paragraphs where id > ? order by id limit ?"):
            new = normalize(text)
            if new == text:
                continue
            summary.paragraphs += 1
            digest = paragraph_hash(new)
            changed_articles |= {r[0] for r in db.execute("select article_id from article_paragraphs where paragraph_id = ?", [paragraph_id])}
            other = db.execute("select id from paragraphs where hash = ? and id != ?", [digest, paragraph_id]).fetchone()
            if other:
                summary.merged_paragraphs += 1
                db.execute("update article_paragraphs set paragraph_id = ? where paragraph_id = ?", [other[0], paragraph_id])
                db.execute("update mentions set paragraph_id = ? where paragraph_id = ?", [other[0], paragraph_id])
                db.execute(
                    "update paragraphs set article_count = (select count(distinct article_id) from article_paragraphs where paragraph_id = ?) where id = ?",
                    [other[0], other[0]],
                )
                db.execute("delete from paragraphs where id = ?", [paragraph_id])
            else:
                db.execute("update paragraphs set text = ?, hash = ? where id = ?", [new, digest, paragraph_id])
        columns = ", ".join(ARTICLE_FIELDS)
        for row in _rows(db, f"select id, body, content_hash, {columns} from articles where id > ? order by id limit ?"):
            article_id, body, old_hash, *fields = row
            new_fields = {name: _norm(value) for name, value in zip(ARTICLE_FIELDS, fields) if _norm(value) != value}
            new_body = _norm(body)
            if new_body != body:
                new_fields["body"] = new_body
            if article_id in changed_articles or new_fields:
                new_hash = content_hash("\n\n".join(article_paragraph_texts(db, article_id)))
                if new_hash != old_hash:
                    earlier = db.execute("select id from articles where content_hash = ? and id != ?", [new_hash, article_id]).fetchone()
                    if earlier:
                        _make_duplicate(db, article_id, earlier[0])
                        changed_articles.discard(article_id)
                        summary.merged_articles += 1
                        continue
                    new_fields["content_hash"] = new_hash
                if new_fields:
                    db["articles"].update(article_id, new_fields)
                summary.articles += 1
                changed_articles.add(article_id)
        for row in _rows(db, f"select id, body, content_hash, {columns} from article_versions where id > ? order by id limit ?"):
            version_id, body, old_hash, *fields = row
            new_fields = {name: _norm(value) for name, value in zip(ARTICLE_FIELDS, fields) if _norm(value) != value}
            if _norm(body) != body:
                new_fields["body"] = _norm(body)
                new_hash = content_hash(new_fields["body"])
                taken = db.execute(
                    "select 1 from article_versions where content_hash = ? union all select 1 from articles where content_hash = ?",
                    [new_hash, new_hash],
                ).fetchone()
                if not taken:
                    new_fields["content_hash"] = new_hash
            if new_fields:
                db["article_versions"].update(version_id, new_fields)
                summary.versions += 1
        for entity_id, name in _rows(db, "select id, name from entities where id > ? order by id limit ?"):
            new = normalize(name)
            if new != name and not db.execute(
                "select 1 from entities where name = ? and type = (select type from entities where id = ?)", [new, entity_id]
            ).fetchone():
                db.execute("update entities set name = ? where id = ?", [new, entity_id])
        db.execute("delete from paragraphs where article_count = 0")
    if summary.merged_articles:  # the band keys of the articles folded into others (one pass, no index)
        db.execute("delete from lsh_buckets where article_id not in (select id from articles)")
    if changed_articles:
        reextract_mentions(db, sorted(changed_articles), gazetteer, on_progress=on_progress)
    update_boilerplate(db, gazetteer)
    return summary


def _make_duplicate(db: sqlite_utils.Database, article_id: int, keeper: int) -> None:
    """Fold an article into an earlier one with the same text, as ingest makes a duplicate record."""
    db.execute(
        """update records set article_id = ?, status = case status when 'new' then 'duplicate' else status end
        where article_id = ? and version_id is null""",
        [keeper, article_id],
    )
    db.execute("update records set article_id = ? where article_id = ?", [keeper, article_id])
    db.execute("update article_versions set article_id = ? where article_id = ?", [keeper, article_id])
    recount_entities(db, delete_article(db, article_id))
