"""Datasette plugin: the pages that configuration alone cannot give.

Registered through the ``datasette`` entry point in pyproject.toml, so plain
``datasette archive.db -m metadata.yml`` and ``news-archive serve`` both load it.
Like metadata.yml, it acts on the database named ``archive`` only.

- our templates (``ingest/templates``) and stylesheet (``/-/news-archive/``);
- an article's row page: its paragraphs in order with mentions highlighted and
  linked to their entity, its versions and its source records;
- cells: highlighted snippets and id links in canned query results, entity
  names in articles linked to the articles that mention them, entity counts
  linked to those articles and mentions, Wikidata ids linked to Wikidata.
"""

from __future__ import annotations

import json
import re
import urllib.parse
from pathlib import Path

from datasette import hookimpl
from datasette.utils import urlsafe_components
from datasette.utils.asgi import asgi_static
from markupsafe import Markup, escape

from .serve import DATABASE_NAME

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"

ARRAY_COLUMN_BY_TYPE = {"person": "people", "location": "places", "organization": "organizations"}
ENTITY_ARRAY_COLUMNS = set(ARRAY_COLUMN_BY_TYPE.values())
ID_LINKS = {"article_id": "articles", "paragraph_id": "paragraphs", "entity_id": "entities"}
MARKS = ("<mark>", "</mark>")


@hookimpl
def prepare_jinja2_environment(env, datasette):
    # Plugin modules (unlike packages) get no templates directory from Datasette.
    # Ours go before Datasette's defaults, after --template-dir and other plugins.
    search_path = env.loader.loaders[0].searchpath
    if str(TEMPLATES) not in search_path:
        search_path.insert(len(search_path) - 1, str(TEMPLATES))


@hookimpl
def register_routes():
    return [(r"^/-/news-archive/(?P<path>.*)$", asgi_static(str(STATIC)))]


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    if database != DATABASE_NAME:
        return None
    if table is None:
        return _query_cell(value, column, database, datasette)
    if table == "articles" and column in ENTITY_ARRAY_COLUMNS:
        return _entity_names_cell(value, column, database, datasette)
    if table == "entities" and column in ("article_count", "mention_count"):
        return _entity_count_cell(row, value, column, database, datasette)
    if table == "entities" and column == "wikidata" and isinstance(value, str) and re.fullmatch(r"Q[0-9]+", value):
        return Markup(f'<a href="https://www.wikidata.org/wiki/{value}">{value}</a>')
    if isinstance(value, int) and column.endswith("_id"):
        return _foreign_key_cell(value, column, table, database, datasette)
    return None


async def _foreign_key_cell(value, column, table, database, datasette):
    # Table pages expand foreign keys into labelled links (the value is then a dict);
    # row pages show the bare id, so link it to the row it refers to.
    for fk in await datasette.get_database(database).foreign_keys_for_table(table):
        if fk["column"] == column:
            href = datasette.urls.row(database, fk["other_table"], value)
            return Markup(f'<a href="{escape(href)}">{value}</a>')
    return None


def _query_cell(value, column, database, datasette):
    if isinstance(value, str) and MARKS[0] in value:
        return Markup(str(escape(value)).replace(escape(MARKS[0]), MARKS[0]).replace(escape(MARKS[1]), MARKS[1]))
    if column in ID_LINKS and isinstance(value, int):
        href = datasette.urls.row(database, ID_LINKS[column], value)
        return Markup(f'<a href="{escape(href)}">{value}</a>')
    return None


def _entity_names_cell(value, column, database, datasette):
    try:
        names = json.loads(value or "[]")
    except ValueError:
        return None
    if not isinstance(names, list):
        return None
    table_url = datasette.urls.table(database, "articles")
    links = [
        f'<a href="{escape(table_url)}?{escape(urllib.parse.urlencode({f"{column}__arraycontains": name}))}">{escape(name)}</a>'
        for name in names
    ]
    return Markup(", ".join(links))


def _entity_count_cell(row, value, column, database, datasette):
    if value is None:
        return None
    if column == "mention_count":
        href = datasette.urls.table(database, "mentions") + "?" + urllib.parse.urlencode({"entity_id": row["id"]})
    else:
        href = entity_articles_url(datasette, database, row["name"], row["type"])
    return Markup(f'<a href="{escape(href)}">{value:,}</a>')


def entity_articles_url(datasette, database, name, type_):
    """The articles table filtered to one entity, or the canned query for types without a column."""
    column = ARRAY_COLUMN_BY_TYPE.get(type_)
    if column:
        return datasette.urls.table(database, "articles") + "?" + urllib.parse.urlencode({f"{column}__arraycontains": name})
    return datasette.urls.query(database, "articles_mentioning") + "?" + urllib.parse.urlencode({"entity": name})


@hookimpl
def extra_template_vars(template, database, table, view_name, request, datasette):
    if view_name != "row" or request is None or database != DATABASE_NAME:
        return {}
    if table == "articles":
        return _article_page(datasette, database, request)
    if table == "entities":
        return _entity_page(datasette, database, request)
    return {}


def _article_page(datasette, database, request):
    async def inner():
        db = datasette.get_database(database)
        [article_id] = urlsafe_components(request.url_vars["pks"])
        tables = set(await db.table_names())
        paragraph_columns = set(await db.table_columns("paragraphs")) if "paragraphs" in tables else set()
        boilerplate = "paragraphs.boilerplate" if "boilerplate" in paragraph_columns else "0"
        paragraphs = [
            dict(row)
            for row in await db.execute(
                f"""select article_paragraphs.position, paragraphs.id, paragraphs.text, {boilerplate} as boilerplate
                from article_paragraphs join paragraphs on paragraphs.id = article_paragraphs.paragraph_id
                where article_paragraphs.article_id = ? order by article_paragraphs.position""",
                [article_id],
            )
        ]
        mentions = {}
        if {"mentions", "entities"} <= tables:
            for row in await db.execute(
                """select mentions.paragraph_id, mentions.start, mentions."end", mentions.entity_id,
                    entities.name, entities.type
                from mentions join entities on entities.id = mentions.entity_id
                where mentions.article_id = ? order by mentions.paragraph_id, mentions.start""",
                [article_id],
            ):
                mentions.setdefault(row["paragraph_id"], []).append(dict(row))
        for paragraph in paragraphs:
            paragraph["html"] = highlight_mentions(
                paragraph["text"], mentions.get(paragraph["id"], []), lambda id: datasette.urls.row(database, "entities", id)
            )
            paragraph["url"] = datasette.urls.row(database, "paragraphs", paragraph["id"])
        versions = []
        if "article_versions" in tables:
            versions = [
                dict(row, url=datasette.urls.row(database, "article_versions", row["id"]))
                for row in await db.execute(
                    """select id, similarity, first_seen, substr(body, 1, 200) as start
                    from article_versions where article_id = ? order by first_seen, id""",
                    [article_id],
                )
            ]
        records = [
            dict(row, url=datasette.urls.row(database, "records", row["id"]))
            for row in await db.execute(
                """select records.id, records.status, records.line, records.error, sources.path
                from records left join sources on sources.id = records.source_id
                where records.article_id = ? order by records.id""",
                [article_id],
            )
        ]
        return {"article_paragraphs": paragraphs, "article_versions": versions, "article_records": records}

    return inner


def _entity_page(datasette, database, request):
    async def inner():
        db = datasette.get_database(database)
        [entity_id] = urlsafe_components(request.url_vars["pks"])
        row = (await db.execute("select name, type from entities where id = ?", [entity_id])).first()
        if row is None:
            return {}
        quoted = urllib.parse.urlencode({"entity": row["name"]})
        return {
            "entity_links": [
                ("Articles that mention it", entity_articles_url(datasette, database, row["name"], row["type"])),
                ("Its mentions", datasette.urls.table(database, "mentions") + f"?entity_id={entity_id}"),
                ("Mentions per month", datasette.urls.query(database, "entity_timeline") + "?" + quoted),
                ("Mentioned together with", datasette.urls.query(database, "co_mentions") + "?" + quoted),
                ("On the dashboard", datasette.urls.path("/-/dashboards/archive-overview") + "?" + quoted),
            ]
        }

    return inner


def highlight_mentions(text: str, mentions: list[dict], entity_url) -> Markup:
    """Escape ``text`` and wrap each mention (offsets into ``text``) in a link to its entity.

    Mentions with offsets outside the text or overlapping an earlier one are left out.
    """
    parts, done = [], 0
    for mention in sorted(mentions, key=lambda m: (m["start"], -m["end"])):
        start, end = mention["start"], mention["end"]
        if start is None or end is None or start < done or end > len(text) or start >= end:
            continue
        parts.append(escape(text[done:start]))
        parts.append(
            Markup('<a class="mention mention-{type}" href="{href}" title="{name} ({type})">{text}</a>').format(
                type=mention["type"], href=entity_url(mention["entity_id"]), name=mention["name"], text=text[start:end]
            )
        )
        done = end
    parts.append(escape(text[done:]))
    return Markup("").join(parts)
