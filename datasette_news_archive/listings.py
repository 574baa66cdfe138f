"""Exact listings: every page, stream, facet count and link of a table is right.

Other tools page through the archive with ``next_url`` or stream it as CSV; a
row returned twice or never is a wrong number in somebody's paper. Datasette
0.65 gets four things wrong, and this module corrects each for archives (the
fix is in our layer; Datasette itself is not changed on disk):

1. **The first page has no tie-breaker.** A table sorted by a column (the
   articles, newest first) is ordered by that column alone on the first page
   and by the column and then the primary key on later pages, with a cursor
   (``_next``) that assumes the latter. Rows that share a date (in a news
   archive, always) come back twice or never. ``tie_broken`` appends the
   primary key to such an ``order by``; it is applied to every query an
   archive database runs (``install``), so table pages, JSON, CSV and
   ``_stream=on`` all get one total order. A view (the ``stories`` view) is
   paged by offset and has no primary key: its ``id`` column breaks ties, so
   offsets always count along the same order.
2. **Facets count only the rows after the cursor.** Datasette hands facets the
   page's SQL including the ``_next`` condition, so counts fall from page to
   page. ``without_cursor`` removes that condition: facets are properties of
   the result, identical on every page.
3. **``_col=id`` selects the primary key twice** (JSON and CSV get two ``id``
   columns). ``columns_to_select`` keeps each column once.
4. **``base_url`` is applied twice** to ``next_url`` and other links built from
   the request path, because the request still carries the prefix.
   ``patch_request_path`` marks such a path as prefixed, so links get it once.
"""

from __future__ import annotations

import functools
import re
import sys
import urllib.parse

from datasette.facets import Facet
from datasette.utils import compound_keys_after_sql, escape_sqlite, urlsafe_components

from .large_results import sample_large_result

# The shape of the SQL Datasette's table view runs for a page:
# "select COLUMNS from [TABLE] WHERE order by COLUMN[ desc] limit N[ offset M]".
_TABLE_PAGE = re.compile(
    r"^select .+? from (?P<table>\[[^\]]+\]|\w+) (?:where .* )?order by (?P<column>\[[^\]]+\]|\w+)(?: desc)? "
    r"limit \d+(?: offset \d+)?$",
    re.DOTALL,
)


def tie_broken(sql: str, primary_keys: list[str]) -> str:
    """``sql`` with the primary keys added to an ``order by`` of a single column, before its ``limit``.

    Only SQL of the shape Datasette's table pages run is changed; the keys are
    added ascending, as Datasette's cursor expects. Returns ``sql`` unchanged
    otherwise (no primary key, several sort columns, any other query).
    """
    match = _TABLE_PAGE.match(sql)
    if not match or not primary_keys:
        return sql
    keys = [escape_sqlite(pk) for pk in primary_keys]
    if match.group("column") in keys or match.group("column").strip("[]") in primary_keys:
        return sql
    limit_at = sql.rindex(" limit ")
    return sql[:limit_at] + ", " + ", ".join(keys) + sql[limit_at:]


# A search of the articles table, newest first, with nothing else in its where clause but the page cursor.
_NEWEST_MATCHES = re.compile(
    r"^select .+? from articles (where id in \(select rowid from articles_fts where articles_fts match :search\)"
    r"(?: and \(date < :p\d+ or date is null or \(date = :p\d+ and \(\(id > :p\d+\)\)\)\))? "
    r"order by date desc, id limit \d+)$",
    re.DOTALL,
)


# A search with more matches than this is read along the date index (see newest_matches_by_date_index).
MANY_MATCHES = 5_000


async def newest_matches_by_date_index(sql: str, execute, params) -> str:
    """A search page of the articles table, newest first, read along the date index when the search
    has many matches.

    SQLite's planner looks up every matching article and sorts them all by date
    (it cannot know how many match): at a million articles a common word means
    hundreds of thousands of rows read for a page of 50. Walking
    ``idx_articles_date`` newest first and keeping the matches stops after one
    page. A search with up to MANY_MATCHES matches (counted in the full-text
    index, a few milliseconds) is left to the planner: for it, walking the
    whole index would be the slow way. Only the exact shape Datasette runs for
    such a page is changed (``_NEWEST_MATCHES``).
    """
    match = _NEWEST_MATCHES.match(sql)
    if not match or not isinstance(params, dict) or "search" not in params:
        return sql
    rows = await execute(
        f"select count(*) from (select rowid from articles_fts where articles_fts match :search limit {MANY_MATCHES + 1})",
        {"search": params["search"]},
    )
    if rows.first()[0] <= MANY_MATCHES:
        return sql
    return sql[: match.start(1)] + "indexed by idx_articles_date " + sql[match.start(1) :]


_COUNT_MATCHES = "select count(*) from articles where id in (select rowid from articles_fts where articles_fts match :search)"


def count_matches_in_index(sql: str) -> str:
    """The row count of a search of the articles table, counted in the full-text index alone.

    Every row of ``articles_fts`` is an article (the writer indexes each batch in its transaction and
    triggers follow updates and deletes), so the count is the same without looking up each matching
    article: about half the time for a common word. Only Datasette's exact count query is changed.
    """
    return "select count(*) from articles_fts where articles_fts match :search" if sql.strip() == _COUNT_MATCHES else sql


def install(database) -> None:
    """Make every query of a Datasette ``Database`` sort ties by primary key (see ``tie_broken``),
    read search pages of the articles table along the date index (``newest_matches_by_date_index``)
    and count their matches in the full-text index (``count_matches_in_index``)."""
    if getattr(database, "_news_archive_tie_broken", False):
        return
    execute = database.execute

    @functools.wraps(execute)
    async def execute_tie_broken(sql, *args, **kwargs):
        match = _TABLE_PAGE.match(sql)
        if match:
            table = match.group("table").strip("[]")
            sql = tie_broken(sql, await _primary_keys(database, table))
        params = args[0] if args else kwargs.get("params")
        sql = await newest_matches_by_date_index(sql, execute, params)
        return await execute(count_matches_in_index(sql), *args, **kwargs)

    database.execute = execute_tie_broken
    database._news_archive_tie_broken = True


async def _primary_keys(database, table: str) -> list[str]:
    """A table's primary keys; for a view (paged by offset), its ``id`` column if it has one."""
    cache = database.__dict__.setdefault("_news_archive_pks", {})
    if table not in cache:
        if await database.table_exists(table):
            cache[table] = await database.primary_keys(table)
        else:
            cache[table] = ["id"] if "id" in await database.table_columns(table) else []
    return cache[table]


def cursor_condition(request, sort: str | None, sort_desc: str | None, primary_keys: list[str], first_param: int) -> str:
    """The condition Datasette 0.65 adds to a table page's ``where`` for ``request``'s ``_next`` cursor.

    ``first_param`` is the number of the cursor's first ``:pN`` parameter.
    Written to match ``datasette/views/table.py`` exactly, so that it can be
    taken out again.
    """
    components = urlsafe_components(request.args["_next"])
    sort_value = None
    if (sort or sort_desc) and len(components) > 1:
        sort_value = None if request.args["_next"].split(",")[0] == "$null" else components[0]
        components = components[1:]
    keys = compound_keys_after_sql(primary_keys, first_param) if primary_keys else f"rowid > :p{first_param}"
    if not (sort or sort_desc):
        return keys
    column = escape_sqlite(sort or sort_desc)
    if sort_value is None:
        if sort_desc:
            return f"({column} is null and {keys})"
        return f"({column} is not null or ({column} is null and {keys}))"
    # The sort value is the parameter after the keys'.
    value = f":p{first_param + len(primary_keys or ['rowid'])}"
    nulls = "" if sort else f" or {column} is null"
    return f"({column} {'>' if sort else '<'} {value}{nulls} or ({column} = {value} and {keys}))"


async def without_cursor(facet: Facet) -> None:
    """Take the ``_next`` cursor out of a facet's SQL and parameters, so it counts the whole result."""
    request = facet.request
    if request is None or "_next" not in request.args or facet.table is None:
        return
    database = facet.ds.get_database(facet.database)
    if not await database.table_exists(facet.table):
        return
    primary_keys = await database.primary_keys(facet.table)
    sort = request.args.get("_sort")
    sort_desc = request.args.get("_sort_desc")
    if not sort and not sort_desc:
        metadata = facet.ds.table_metadata(facet.database, facet.table)
        sort, sort_desc = metadata.get("sort"), metadata.get("sort_desc")
    params = dict(facet.params or {})
    cursor_params = sorted((int(name[1:]) for name in params if re.fullmatch(r"p\d+", name)))
    count = len(primary_keys or ["rowid"])
    if (sort or sort_desc) and not request.args["_next"].startswith("$null,"):
        count += 1 if len(urlsafe_components(request.args["_next"])) > 1 else 0
    if len(cursor_params) < count:
        return
    first = cursor_params[-count]
    condition = cursor_condition(request, sort, sort_desc, primary_keys, first)
    for clause in (f" and {condition} ", f"where {condition} "):
        if clause in facet.sql:
            facet.sql = facet.sql.replace(clause, " " if clause.startswith(" and") else "", 1)
            for number in cursor_params[-count:]:
                params.pop(f"p{number}", None)
            facet.params = params
            return


def without_next(url: str) -> str:
    """``url`` (a path or an absolute URL) without its ``_next`` page cursor, of the same string type."""
    parts = urllib.parse.urlsplit(url)
    pairs = urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
    if not any(key == "_next" for key, _ in pairs):
        return url
    query = urllib.parse.urlencode([(key, value) for key, value in pairs if key != "_next"])
    return type(url)(urllib.parse.urlunsplit(parts._replace(query=query)))


def patch_facets(facet_class: type[Facet]) -> type[Facet]:
    """``facet_class`` with ``facet_results`` computed over the whole result, not the rows after the cursor,
    and over a labelled sample when that result is very large (``large_results.py``)."""
    if getattr(facet_class.facet_results, "_without_cursor", False):
        return facet_class
    results = facet_class.facet_results

    @functools.wraps(results)
    async def facet_results(self):
        if not _archive_facet(self):
            return await results(self)
        await without_cursor(self)
        note = await sample_large_result(self)
        facets, timed_out = await results(self)
        for facet in facets:
            if note:
                facet["sample"] = note
            # A toggle starts a new listing: from page 2 on, Datasette's links would keep the cursor.
            facet["toggle_url"] = without_next(facet["toggle_url"])
            for value in facet.get("results", []):
                value["toggle_url"] = without_next(value["toggle_url"])
        return facets, timed_out

    facet_results._without_cursor = True
    facet_class.facet_results = facet_results
    return facet_class


def _archive_facet(facet: Facet) -> bool:
    from .site import is_archive

    return is_archive(facet.ds, facet.database)


def patch_column_selection() -> None:
    """Make Datasette's table view select every column once (``_col=id`` no longer gives two ``id``)."""
    from datasette.views.table import TableView  # not at import: Datasette imports this plugin while loading

    select = TableView.columns_to_select
    if getattr(select, "_once", False):
        return

    @functools.wraps(select)
    async def columns_to_select(self, table_columns, pks, request):
        return list(dict.fromkeys(await select(self, table_columns, pks, request)))

    columns_to_select._once = True
    TableView.columns_to_select = columns_to_select


def patch_request_path() -> None:
    """Make ``request.path`` say when it already carries ``base_url``, so links get the prefix once.

    Datasette 0.65 routes a prefixed request (and notes the path it routed as
    ``route_path``) but leaves the prefix in ``request.path``, from which it
    builds ``next_url`` and other links, and then prefixes them again. A path
    that still holds the prefix is returned as Datasette's own
    ``PrefixedUrlString``, which its URL builder leaves alone.
    """
    from datasette import utils
    from datasette.utils import PrefixedUrlString
    from datasette.utils.asgi import Request

    path = Request.path.fget
    if getattr(path, "_prefixed", False):
        return
    _keep_prefix_in_format_links(utils.path_with_format)

    @functools.wraps(path)
    def prefixed_path(self):
        value = path(self)
        route_path = self.scope.get("route_path")
        return PrefixedUrlString(value) if route_path is not None and value != route_path else value

    prefixed_path._prefixed = True
    Request.path = property(prefixed_path)


def _keep_prefix_in_format_links(path_with_format) -> None:
    """Make Datasette's ``path_with_format`` (the .json and .csv links) keep a path's "prefixed" mark.

    It builds its result with f-strings, which turn a ``PrefixedUrlString``
    into a plain one; every Datasette module that imported it gets the wrapper.
    """
    from datasette.utils import PrefixedUrlString

    @functools.wraps(path_with_format)
    def keeping_prefix(*, request=None, path=None, **kwargs):
        result = path_with_format(request=request, path=path, **kwargs)
        source = request.path if request is not None else path
        return PrefixedUrlString(result) if isinstance(source, PrefixedUrlString) else result

    for module in list(sys.modules.values()):
        if getattr(module, "__name__", "").startswith("datasette") and getattr(module, "path_with_format", None) is path_with_format:
            module.path_with_format = keeping_prefix
