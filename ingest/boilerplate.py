"""Flag boilerplate: paragraphs a source repeats under many of its articles.

"Volg het laatste nieuws in onze app." under every article of a site is not
news. A paragraph is boilerplate when it occurs in at least ``MIN_ARTICLES``
articles of one source and in more than ``MIN_SHARE`` of that source's
articles. It stays in the archive (``paragraphs.boilerplate = 1``) but leaves
the article body, the full-text index and the mentions. Flags are recomputed
after every ingest, so they follow the archive as it grows.
"""

from __future__ import annotations

import sqlite_utils
from sqlite_utils.utils import chunks

from .entities import facet_columns, recount_entities, reextract_mentions, set_facet_columns
from .schema import article_paragraphs

MIN_ARTICLES = 5
MIN_SHARE = 0.02


def find_boilerplate(
    db: sqlite_utils.Database, min_articles: int = MIN_ARTICLES, min_share: float = MIN_SHARE, since_article: int | None = None
) -> set[int]:
    """Ids of the paragraphs that are boilerplate under the rule in the module docstring.

    With ``since_article``, only the paragraphs of articles with that id or a higher one, and the
    paragraphs flagged now, are judged: after articles were only added, no other paragraph can
    change (its count per outlet is the same, and an outlet's total only grew), so the answer is
    the same as a full pass at a fraction of the cost on a large archive. The caller keeps the
    flags of paragraphs it did not judge.
    """
    judged = "select id from paragraphs where article_count >= :min_articles"
    if since_article is not None:
        judged += """ and (boilerplate or id in (select paragraph_id from article_paragraphs where article_id >= :since))"""
    return {
        row[0]
        for row in db.execute(
            f"""with candidates as (
                select ap.paragraph_id, a.source, count(*) as n
                from article_paragraphs ap join articles a on a.id = ap.article_id
                where ap.paragraph_id in ({judged})
                group by ap.paragraph_id, a.source
            ), totals as (
                select source, count(*) as total from articles group by source
            )
            select distinct paragraph_id from candidates join totals on candidates.source is totals.source
            where n >= :min_articles and n > :min_share * total""",
            {"min_articles": min_articles, "min_share": min_share, "since": since_article},
        )
    }


def article_body(db: sqlite_utils.Database, article_id: int) -> str:
    """The body of an article: its paragraphs that are not boilerplate, separated by blank lines."""
    return "\n\n".join(text for _, _, _, text, boilerplate in article_paragraphs(db, article_id) if not boilerplate)


def update_boilerplate(db: sqlite_utils.Database, gazetteer=None, since_article: int | None = None) -> tuple[set[int], set[int]]:
    """Recompute the flags; fix bodies and mentions of the articles whose paragraphs changed.

    ``since_article``: only articles from this id on were added since the flags were last right
    (see ``find_boilerplate``); None judges every paragraph (needed after articles were removed).
    Returns (newly flagged, no longer flagged) paragraph ids.
    """
    flagged = find_boilerplate(db, since_article=since_article)
    before = {row[0] for row in db.execute("select id from paragraphs where boilerplate")}
    added, removed = flagged - before, before - flagged
    if not added and not removed:
        return added, removed
    changed = sorted(added | removed)
    placeholders = ",".join("?" * len(changed))
    affected = [
        row[0] for row in db.execute(f"select distinct article_id from article_paragraphs where paragraph_id in ({placeholders})", changed)
    ]
    with db.atomic():
        db.execute(f"update paragraphs set boilerplate = (id in ({','.join('?' * len(added))})) where id in ({placeholders})", [*added, *changed])
        if added:
            in_added = ",".join("?" * len(added))
            touched = {row[0] for row in db.execute(f"select distinct entity_id from mentions where paragraph_id in ({in_added})", list(added))}
            db.execute(f"delete from mentions where paragraph_id in ({in_added})", list(added))
            recount_entities(db, touched)
        for chunk in map(list, chunks(affected, 1000)):  # in chunks: a new flag can touch a third of the archive
            bodies = [(article_body(db, article_id), article_id) for article_id in chunk]
            db.conn.executemany(
                "update articles set body = ?, word_count = ? where id = ?", [(body, len(body.split()), i) for body, i in bodies]
            )
            if added:
                set_facet_columns(db, facet_columns(db, chunk))
    if removed:
        in_removed = ",".join("?" * len(removed))
        reextract_mentions(
            db,
            [row[0] for row in db.execute(f"select distinct article_id from article_paragraphs where paragraph_id in ({in_removed})", list(removed))],
            gazetteer,
        )
    return added, removed
