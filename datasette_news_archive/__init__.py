"""Datasette plugin: the site's configuration and the pages that configuration alone cannot give.

Registered through the ``datasette`` entry point in pyproject.toml, so plain
``datasette nieuws.db`` and ``news-archive serve nieuws.db`` both load it. It
acts on every served database that is an archive, whatever its name
(``site.is_archive``), and leaves other databases alone.

- the configuration of ``metadata.yml`` for each archive (``site.py``);
- our templates (``templates/``, found by Datasette because this is a plugin
  package) and stylesheet (``static/``, served at ``/-/static-plugins/news-archive/``);
- an article's row page: its paragraphs in order with mentions highlighted and
  linked to their entity, its story's other publications, its versions (with a
  word-level diff, see article_page.py) and its source records;
- cells: highlighted snippets and id links in canned query results, entity
  names in articles linked to the articles that mention them, entity counts
  linked to those articles and mentions, Wikidata ids linked to Wikidata;
- fast entity filters and facets on ``articles`` (see ``entity_filters`` and
  ``EntityFacet``): Datasette's own ``__arraycontains`` filter and array facet
  parse the JSON of every article; ours read the indexed ``mentions`` and
  ``entities`` tables instead.
"""

from __future__ import annotations

import json
import re
import urllib.parse

from datasette import hookimpl
from datasette.database import QueryInterrupted
from datasette.facets import ArrayFacet, ColumnFacet, DateFacet, Facet
from datasette.filters import FilterArguments
from datasette.utils import path_with_removed_args, path_with_replaced_args, urlsafe_components
from markupsafe import Markup, escape

from . import listings
from ingest.schema import ARTICLE_PARAGRAPHS_SQL

from .site import PLUGIN, archive_names, dashboard_name, is_archive, site_metadata
from .article_page import readable_versions, story_publications

ARRAY_COLUMN_BY_TYPE = {"person": "people", "location": "places", "organization": "organizations"}
ENTITY_ARRAY_COLUMNS = set(ARRAY_COLUMN_BY_TYPE.values())
TYPE_BY_ARRAY_COLUMN = {column: type_ for type_, column in ARRAY_COLUMN_BY_TYPE.items()}
ID_LINKS = {"article_id": "articles", "paragraph_id": "paragraphs", "entity_id": "entities"}
MARKS = ("<mark>", "</mark>")


@hookimpl
def get_metadata(datasette, key, database, table):
    return site_metadata(datasette)


@hookimpl
def startup(datasette):
    # Datasette 0.65's own faults in paging and column selection, corrected for archives (see listings.py).
    for facet_class in (ColumnFacet, ArrayFacet, DateFacet, EntityFacet):
        listings.patch_facets(facet_class)
    listings.patch_column_selection()
    listings.patch_request_path()
    for name in archive_names(datasette):
        listings.install(datasette.get_database(name))


@hookimpl
def extra_css_urls(datasette):
    return [f"/-/static-plugins/{PLUGIN}/archive.css"]


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    if not is_archive(datasette, database):
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
    if column == "outlets" and isinstance(value, str) and value.startswith("["):
        try:
            return ", ".join(json.loads(value))  # a story's outlets, as a reader writes them
        except (ValueError, TypeError):
            return None
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
    if not is_archive(datasette, database):
        return {}
    if view_name == "row" and request is not None and table == "articles":
        return _article_page(datasette, database, request)
    if view_name == "row" and request is not None and table == "entities":
        return _entity_page(datasette, database, request)
    if request is None:
        return {"news_archive": True}
    # Canned queries that page (search): the address of another page of the same query.
    return {"news_archive": True, "page_url": lambda number: path_with_replaced_args(request, {"page": str(number)})}


def _article_page(datasette, database, request):
    async def inner():
        db = datasette.get_database(database)
        [article_id] = urlsafe_components(request.url_vars["pks"])
        tables = set(await db.table_names())
        paragraphs = [dict(row) for row in await db.execute(ARTICLE_PARAGRAPHS_SQL, {"article_id": article_id})]
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
            shown = "\n\n".join(p["text"] for p in paragraphs)
            versions = await readable_versions(db, datasette, database, article_id, shown)
        publications = await story_publications(db, datasette, database, article_id)
        records = [
            dict(row, url=datasette.urls.row(database, "records", row["id"]))
            for row in await db.execute(
                """select records.id, records.status, records.line, records.error, sources.path
                from records left join sources on sources.id = records.source_id
                where records.article_id = ? order by records.id""",
                [article_id],
            )
        ]
        return {
            "news_archive": True,
            "row_layout": "news_archive/article.html",
            "article_paragraphs": paragraphs,
            "article_versions": versions,
            "article_records": records,
            "story_publications": publications,
        }

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
            "news_archive": True,
            "row_layout": "news_archive/entity.html",
            "entity_links": [
                ("Articles that mention it", entity_articles_url(datasette, database, row["name"], row["type"])),
                ("Its mentions", datasette.urls.table(database, "mentions") + f"?entity_id={entity_id}"),
                ("Mentions per month", datasette.urls.query(database, "entity_timeline") + "?" + quoted),
                ("Mentioned together with", datasette.urls.query(database, "co_mentions") + "?" + quoted),
                ("On the dashboard", datasette.urls.path(f"/-/dashboards/{dashboard_name(database)}") + "?" + quoted),
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


# Entity filters and facets on the articles table.
#
# The public filter stays Datasette's ``people__arraycontains=NAME`` (and
# ``places__``, ``organizations__``): Datasette still adds its own clause, which
# reads the article's JSON array, but ours (added below) restricts the articles
# to those that mention the entity through the index on mentions(entity_id,
# article_id), so SQLite checks the JSON of those articles only.


def _entity_clause(param: str, type_: str) -> str:
    return (
        "id in (select article_id from mentions where entity_id = "
        f"(select id from entities where name = :{param} and type = '{type_}'))"
    )


def _entity_selections(request) -> list[tuple[str, str]]:
    """(column, name) for each ``COLUMN__arraycontains=NAME`` of an entity column in the query string."""
    return [
        (column, value)
        for column in sorted(ENTITY_ARRAY_COLUMNS)
        for value in request.args.getlist(f"{column}__arraycontains")
    ]


@hookimpl
def filters_from_request(request, database, table, datasette):
    if table != "articles" or not is_archive(datasette, database):
        return None
    clauses, params = [], {}
    for column, name in _entity_selections(request):
        param = f"entity_{len(params)}"
        clauses.append(_entity_clause(param, TYPE_BY_ARRAY_COLUMN[column]))
        params[param] = name
    return FilterArguments(clauses, params) if clauses else None


@hookimpl
def register_facet_classes():
    return [EntityFacet]



class EntityFacet(Facet):
    """Facet ``{entity: people}`` (or places, organizations) of the articles table, from the indexed tables.

    Counts are the articles that mention each entity, as Datasette's array facet
    gives them, and its toggle links add or remove ``COLUMN__arraycontains=NAME``.
    Without any filter they are ``entities.article_count`` (index on entities(type,
    article_count)); otherwise they are counted in ``mentions`` over the filtered
    articles (covering index on mentions(article_id, entity_id)), one query for
    all entity facets of the page.
    """

    type = "entity"

    async def suggest(self):
        return []

    async def facet_results(self):
        configs = [
            (c["source"], c["config"].get("column") or c["config"].get("simple")) for c in self.get_configs()
        ]
        if not configs or self.table != "articles":
            return [], []
        configs = [(source, column) for source, column in configs if column in ENTITY_ARRAY_COLUMNS]
        types = sorted({TYPE_BY_ARRAY_COLUMN[column] for _, column in configs})
        facet_size = self.get_facet_size()
        try:
            counts = await self._counts(types, facet_size + 1)
        except QueryInterrupted:
            return [], [column for _, column in configs]
        pairs = self.get_querystring_pairs()
        results = []
        for source, column in configs:
            rows = counts.get(TYPE_BY_ARRAY_COLUMN[column], [])
            values = []
            for name, count in rows[:facet_size]:
                key = f"{column}__arraycontains"
                selected = (key, name) in pairs
                values.append(
                    {
                        "value": name,
                        "label": name,
                        "count": count,
                        "toggle_url": self.ds.absolute_url(self.request, self._toggle_path(pairs, key, name, selected)),
                        "selected": selected,
                    }
                )
            results.append(
                {
                    "name": column,
                    "type": self.type,
                    "results": values,
                    "hideable": source != "metadata",
                    "toggle_url": self.ds.urls.path(path_with_removed_args(self.request, {"_facet_entity": column})),
                    "truncated": len(rows) > facet_size,
                }
            )
        return results, []

    def _toggle_path(self, pairs, key: str, value: str, selected: bool) -> str:
        """This page with ``key=value`` removed (when selected) or added, and without the page cursor ``_next``."""
        if selected:
            pairs = [pair for pair in pairs if pair != (key, value)]
        else:
            pairs = [*pairs, (key, value)]
        query = urllib.parse.urlencode([(k, v) for k, v in pairs if k != "_next"])
        return self.request.path + (f"?{query}" if query else "")

    def _unfiltered(self) -> bool:
        """Whether the result is every article: its SQL (without the page cursor, see listings.py) has no where clause."""
        from_table = re.search(r"\bfrom (\[articles\]|articles)\s*(where\b.*)?$", self.sql, re.DOTALL | re.IGNORECASE)
        return bool(from_table) and not from_table.group(2)

    async def _counts(self, types: list[str], limit: int) -> dict[str, list[tuple[str, int]]]:
        """The ``limit`` entities of each type mentioned in most of the page's articles, most first, then by name."""
        time_limit = self.ds.setting("facet_time_limit_ms")
        counts = {type_: [] for type_ in types}
        if self._unfiltered():
            for type_ in types:
                rows = await self.ds.execute(
                    self.database,
                    """select name, article_count from entities
                    where type = :type and article_count > 0
                    order by article_count desc, name limit :limit""",
                    {"type": type_, "limit": limit},
                    truncate=False,
                    custom_time_limit=time_limit,
                )
                counts[type_] = [(row[0], row[1]) for row in rows]
            return counts
        type_params = {f"entity_type_{i}": type_ for i, type_ in enumerate(types)}
        sql = f"""
            with page_articles as (select id from ({self.sql})),
            counted as (
                select entity_id, count(*) as n
                from (select distinct article_id, entity_id from mentions
                      where article_id in page_articles)
                group by entity_id
            ),
            ranked as (
                select entities.type, entities.name, counted.n,
                    row_number() over (partition by entities.type order by counted.n desc, entities.name) as r
                from counted join entities on entities.id = counted.entity_id
                where entities.type in ({", ".join(":" + p for p in type_params)})
            )
            select type, name, n from ranked where r <= :entity_facet_limit order by type, r
        """
        params = dict(self.params) if isinstance(self.params, dict) else {}
        params.update(type_params, entity_facet_limit=limit)
        rows = await self.ds.execute(self.database, sql, params, truncate=False, custom_time_limit=time_limit)
        for type_, name, n in rows:
            counts[type_].append((name, n))
        return counts


# Search and entity look-ups: what people type, made into what the archive
# stores (search_hooks.py, search_query.py, entity_lookup.py).

from . import search_hooks as _search_hooks  # noqa: E402


@hookimpl(specname="prepare_connection")
def search_prepare_connection(conn):
    _search_hooks.prepare_connection(conn)


@hookimpl(specname="asgi_wrapper")
def search_asgi_wrapper(datasette):
    return _search_hooks.asgi_wrapper(datasette)


@hookimpl(specname="filters_from_request", trylast=True)
def search_filters_from_request(request, database, table, datasette):
    return _search_hooks.filters_from_request(request, database, table, datasette)


@hookimpl(specname="extra_template_vars")
def search_template_vars(request, datasette):
    return _search_hooks.extra_template_vars(request, datasette)
