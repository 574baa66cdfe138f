"""The story and versions sections of an article's page.

An article is one outlet's publication. Its page lists the other publications of its story (the same
or nearly the same text in other outlets, ``articles.story_id``) and its versions (later texts from
the same outlet, ``article_versions``), each version with its outlet, date and title and a word-level
diff against the text shown on the page.
"""

from __future__ import annotations

import difflib
import re

from markupsafe import Markup, escape

# Unchanged runs longer than this many words are shortened to their first and last CONTEXT words.
CONTEXT = 8
_TOKEN = re.compile(r"\S+|\n\n")


def word_diff_html(shown: str, version: str) -> Markup:
    """A word-level diff from ``shown`` to ``version``: removed words in <del>, added words in <ins>.

    Whitespace is not compared (a re-wrapped text is no change), paragraph breaks are. Long unchanged
    runs keep CONTEXT words on either side of a change and an ellipsis between.
    """
    old, new = _TOKEN.findall(shown), _TOKEN.findall(version)
    parts: list[str] = []
    opcodes = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    for n, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            words = old[i1:i2]
            first, last = n == 0, n == len(opcodes) - 1
            keep_start = 0 if first else CONTEXT
            keep_end = 0 if last else CONTEXT
            if len(words) > keep_start + keep_end + 1:
                words = words[:keep_start] + ["…"] + (words[len(words) - keep_end :] if keep_end else [])
            parts.append(_words(words))
            continue
        if i2 > i1:
            parts.append(f"<del>{_words(old[i1:i2])}</del>")
        if j2 > j1:
            parts.append(f"<ins>{_words(new[j1:j2])}</ins>")
    if len(opcodes) == 1 and opcodes[0][0] == "equal":
        return Markup("<em>no difference in the words</em>")
    return Markup(" ".join(p for p in parts if p))


def _words(words: list[str]) -> str:
    return " ".join("¶" if w == "\n\n" else str(escape(w)) for w in words)


async def story_publications(db, datasette, database: str, article_id) -> list[dict]:
    """The other articles of this article's story: one row per publication, with its outlet."""
    if "story_id" not in await db.table_columns("articles"):
        return []
    rows = await db.execute(
        """select id, source, date, title from articles
        where story_id = (select story_id from articles where id = :id) and id != :id
        order by date, id""",
        {"id": article_id},
    )
    return [dict(row, url=datasette.urls.row(database, "articles", row["id"])) for row in rows]


async def readable_versions(db, datasette, database: str, article_id, shown_text: str) -> list[dict]:
    """Each version of the article with its outlet, date, title, similarity and a diff against ``shown_text``."""
    columns = set(await db.table_columns("article_versions"))
    source = "source" if "source" in columns else "null"
    rows = await db.execute(
        f"""select id, similarity, first_seen, {source} as source, date, title, body
        from article_versions where article_id = ? order by first_seen, id""",
        [article_id],
    )
    return [
        {
            "id": row["id"],
            "url": datasette.urls.row(database, "article_versions", row["id"]),
            "similarity": row["similarity"],
            "first_seen": row["first_seen"],
            "source": row["source"],
            "date": row["date"],
            "title": row["title"],
            "start": (row["body"] or "")[:200],
            "diff": word_diff_html(shown_text, row["body"] or ""),
        }
        for row in rows
    ]
