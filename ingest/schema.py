"""The shape of the archive database, declared once and ensured idempotently.

``ensure_db_shape`` runs before every write; it creates what is missing and
leaves existing tables and rows alone, so any command can run on any archive.
"""

from __future__ import annotations

import sqlite_utils

FTS_TOKENIZER = "unicode61 remove_diacritics 2"

TABLES = {
    "sources": dict(
        columns={
            "id": int,
            "path": str,
            "size": int,
            "sha256": str,
            "ingested_at": str,
            "completed_at": str,
            "record_count": int,
            "read_as": str,
        },
        pk="id",
    ),
    # Work an ingest still owes the archive as a whole: "needs_finishing" (the id of the first article
    # the archive-wide steps have not judged) is set with every batch and removed when boilerplate and
    # archive-level linking have run, so a run killed in between is finished by the next one.
    "archive_state": dict(columns={"key": str, "value": str}, pk="key"),
    # Rows of users' entity files (`--entities`), kept so that every later run reads them too.
    "user_entities": dict(columns={"name": str, "type": str, "wikidata": str, "aliases": str}, pk="name"),
    "raw_records": dict(columns={"hash": str, "raw": bytes, "binary": int}, pk="hash", defaults={"binary": 0}),
    "articles": dict(
        columns={
            "id": int,
            "date": str,
            "year": int,
            "month": str,
            "date_precision": str,
            "title": str,
            "title_derived": int,
            "body": str,
            "source": str,
            "url": str,
            "author": str,
            "word_count": int,
            "content_hash": str,
            "removed_chars": int,
            "first_seen": str,
            "people": str,
            "places": str,
            "organizations": str,
            "extra": str,
            "story_id": int,
        },
        pk="id",
        defaults={"people": "[]", "places": "[]", "organizations": "[]"},
    ),
    "article_versions": dict(
        columns={
            "id": int,
            "article_id": int,
            "body": str,
            "similarity": float,
            "first_seen": str,
            "content_hash": str,
            "title": str,
            "title_derived": int,
            "date": str,
            "date_precision": str,
            "source": str,
            "url": str,
            "author": str,
            "removed_chars": int,
            "extra": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
    ),
    "records": dict(
        columns={
            "id": int,
            "source_id": int,
            "position": int,
            "line": int,
            "raw_hash": str,
            "article_id": int,
            "version_id": int,
            "status": str,
            "error": str,
        },
        pk="id",
        foreign_keys=[
            ("source_id", "sources", "id"),
            ("raw_hash", "raw_records", "hash"),
            ("article_id", "articles", "id"),
            ("version_id", "article_versions", "id"),
        ],
    ),
    "paragraphs": dict(
        columns={"id": int, "text": str, "hash": str, "article_count": int, "boilerplate": int},
        pk="id",
        defaults={"article_count": 0, "boilerplate": 0},
    ),
    "article_paragraphs": dict(
        columns={"article_id": int, "position": int, "paragraph_id": int},
        pk=("article_id", "position"),
        foreign_keys=[("article_id", "articles", "id"), ("paragraph_id", "paragraphs", "id")],
    ),
    "entities": dict(
        columns={
            "id": int,
            "name": str,
            "type": str,
            "wikidata": str,
            "mention_count": int,
            "article_count": int,
        },
        pk="id",
        defaults={"mention_count": 0, "article_count": 0},
    ),
    "mentions": dict(
        columns={
            "id": int,
            "article_id": int,
            "paragraph_id": int,
            "entity_id": int,
            "start": int,
            "end": int,
            "text": str,
            "type": str,
            "method": str,
        },
        pk="id",
        foreign_keys=[
            ("article_id", "articles", "id"),
            ("paragraph_id", "paragraphs", "id"),
            ("entity_id", "entities", "id"),
        ],
    ),
}

UNIQUE_INDEXES = {
    # One publication of a text per outlet: other outlets' copies are articles of their own.
    "articles": [["content_hash", "source"]],
    # A version's text may also be another outlet's version of its own article.
    "article_versions": [["content_hash", "article_id"]],
    "records": [["source_id", "position"]],
    "paragraphs": [["hash"]],
    "entities": [["name", "type"]],
}

INDEXES = {
    # Not unique: a file read again with other options (or --reread) is a source of its own.
    "sources": [["sha256"]],
    "articles": [["month"], ["source"], ["date"], ["year"], ["story_id"]],
    "records": [["article_id"], ["version_id"], ["status"], ["raw_hash"]],
    "article_paragraphs": [["paragraph_id"]],
    "article_versions": [["article_id"]],
    "paragraphs": [["article_count"]],
    "mentions": [["article_id", "entity_id"], ["paragraph_id"], ["entity_id", "article_id"]],
    "entities": [["type", "article_count"]],
}

# Band keys of near-duplicate detection (see near_duplicates.py): one row per
# band per article, looked up by key only, so a clustered primary key is all
# it needs. No foreign key: Datasette's article page would count an article's
# keys, and that needs an index as large as the table.
LSH_BUCKETS_SQL = """create table if not exists {name} (
        key integer not null,
        article_id integer not null,
        primary key (key, article_id)
    ) without rowid"""

# Indexes of earlier releases that nothing reads any more: dropped, they cost space and write time.
UNUSED_INDEXES = ["idx_mentions_type", "idx_lsh_buckets_article_id"]

# A story is the articles (publications) of the same or nearly the same text, in one or more
# outlets; articles.story_id is the id of its first article. One row per story, for the home page
# and search: how many outlets ran it, and which.
STORIES_VIEW = """create view if not exists stories as
select
    a.story_id as id,
    (select title from articles f where f.id = a.story_id) as title,
    min(a.date) as first_date,
    max(a.date) as last_date,
    count(*) as publications,
    count(distinct a.source) as outlet_count,
    json_group_array(distinct a.source) filter (where a.source is not null) as outlets
from articles a
group by a.story_id"""

FTS = {"articles": ["title", "body"], "paragraphs": ["text"]}

# The paragraphs of one article (:article_id) in order, boilerplate included: the one query for
# every reader of an article's text (the writer, boilerplate, near-duplicates, the article page).
ARTICLE_PARAGRAPHS_SQL = """select ap.position, p.id, p.hash, p.text, p.boilerplate
    from article_paragraphs ap join paragraphs p on p.id = ap.paragraph_id
    where ap.article_id = :article_id order by ap.position"""


def article_paragraphs(db: sqlite_utils.Database, article_id: int) -> list[tuple[int, int, str, str, int]]:
    """(position, paragraph id, hash, text, boilerplate 0/1) of each paragraph of an article, in order."""
    return db.execute(ARTICLE_PARAGRAPHS_SQL, {"article_id": article_id}).fetchall()


def ensure_db_shape(db: sqlite_utils.Database) -> None:
    """Create what is missing (tables, columns, indexes, the stories view, FTS) and fill new story ids; idempotent."""
    db.enable_wal()
    for name, spec in TABLES.items():
        table = db[name]
        if table.exists():
            for column, type_ in spec["columns"].items():
                if column not in table.columns_dict:
                    table.add_column(column, type_, not_null_default=spec.get("defaults", {}).get(column))
        else:
            table.create(**spec)
    _ensure_lsh_buckets(db)
    for index in UNUSED_INDEXES:
        db.execute(f"drop index if exists [{index}]")
    if any(row[1] == "idx_sources_sha256" and row[2] for row in db.execute("pragma index_list(sources)")):
        db.execute("drop index idx_sources_sha256")  # archives made before files could be read again
    # Archives made before stories held one article per text: its unique index gives way to one per
    # (text, outlet), and every article that has no story yet starts its own.
    for table in ("articles", "article_versions"):
        old = f"idx_{table}_content_hash"
        if db.execute(f"select 1 from pragma_index_list('{table}') where [unique] and name = ?", [old]).fetchone():
            db.execute(f"drop index [{old}]")
    for name, indexes in UNIQUE_INDEXES.items():
        for columns in indexes:
            db[name].create_index(columns, unique=True, if_not_exists=True)
    for name, indexes in INDEXES.items():
        for columns in indexes:
            db[name].create_index(columns, if_not_exists=True)
    if db.execute("select 1 from articles where story_id is null limit 1").fetchone():
        db.execute("update articles set story_id = id where story_id is null")
    db.execute(STORIES_VIEW)
    for name, columns in FTS.items():
        if not db[f"{name}_fts"].exists():
            db[name].enable_fts(columns, tokenize=FTS_TOKENIZER)
        for sql in _fts_triggers(name, columns):
            db.execute(sql)


def _ensure_lsh_buckets(db: sqlite_utils.Database) -> None:
    """Create ``lsh_buckets``; an archive of an earlier release has it with a foreign key, copied here without."""
    db.execute(LSH_BUCKETS_SQL.format(name="lsh_buckets"))
    if db.execute("select 1 from pragma_foreign_key_list('lsh_buckets')").fetchone():
        with db.atomic():
            db.execute(LSH_BUCKETS_SQL.format(name="lsh_buckets_new"))
            db.execute("insert into lsh_buckets_new (key, article_id) select key, article_id from lsh_buckets")
            db.execute("drop table lsh_buckets")
            db.execute("alter table lsh_buckets_new rename to lsh_buckets")


def _fts_triggers(table: str, columns: list[str]) -> list[str]:
    """Keep an external-content FTS table in sync when rows change or go.

    New rows are indexed by the writer at the end of each batch, in the
    batch's transaction (``ArchiveWriter.index_new_rows``): one bulk insert is
    cheaper than a trigger per row. The update trigger fires only when an
    indexed column changes: counting a paragraph's articles must not re-index
    its text.
    """
    fts = f"[{table}_fts]"
    names = ", ".join(f"[{c}]" for c in columns)
    new = ", ".join(f"new.[{c}]" for c in columns)
    old = ", ".join(f"old.[{c}]" for c in columns)
    delete = f"insert into {fts} ({fts}, rowid, {names}) values ('delete', old.rowid, {old});"
    insert = f"insert into {fts} (rowid, {names}) values (new.rowid, {new});"
    return [
        f"create trigger if not exists [{table}_ad] after delete on [{table}] begin {delete} end",
        f"create trigger if not exists [{table}_au] after update of {names} on [{table}] begin {delete} {insert} end",
    ]
