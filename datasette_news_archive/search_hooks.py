"""Search and entity look-ups on the server: what people type, made into what the archive stores.

The hook functions in ``__init__.py`` call these. Every request passes through
``asgi_wrapper`` first:

1. Every query-string value except SQL (``sql``) and Datasette's own ``_``
   options is put through ``ingest.textclean.normalize``, the normalisation of
   stored text (NFC, invisible characters removed), so an NFD "Oekrai\u0308ne" or a
   pasted soft hyphen finds what the plain spelling finds.
2. A blank ``_search`` (empty or only spaces) is dropped: the table lists
   everything, as without a search.
3. A search that ``search_query.fts_query`` cannot repair (in ``_search`` of a
   table, or a canned query parameter used as ``fts_query(:param)`` in its SQL)
   gets HTTP 400 with the reason and examples for JSON and CSV clients; HTML
   pages run with no results and show the message above the form.
4. Entity names are resolved (``entity_lookup``): ``people__arraycontains``,
   ``places__...``, ``organizations__...`` on ``articles``, ``name`` on
   ``entities``, the ``entity`` and ``other`` parameters of canned queries, SQL
   queries and the dashboard take any name, alias or surname in any case or
   accent form and are rewritten to the canonical name. The page says which
   entity it used (a message in HTML, ``entity_notes`` in JSON objects and the
   ``X-News-Archive-Entities`` header) and lists the others when it is
   ambiguous.

Why a wrapper: Datasette reads the query string in many places (filters,
facets, canned query parameters, the dashboard's charts, pagination links); one
rewrite before routing reaches them all and keeps the links consistent.

The table search box itself: Datasette's ``search_filters`` adds
``rowid in (select rowid from FTS where FTS match :search)`` in ``searchmode:
raw``; ``filters_from_request`` (registered ``trylast``, so its parameters
override Datasette's) binds ``:search`` to ``fts_query(user text)``. The box,
the description ("search matches ...") and every link keep what the reader
typed. Canned queries call the SQL function ``fts_query`` registered in
``prepare_connection``.
"""

from __future__ import annotations

import json
import re
import urllib.parse

from datasette.filters import FilterArguments
from datasette.utils import path_with_replaced_args, tilde_decode
from markupsafe import Markup, escape
from datasette.utils.asgi import Response

from ingest.dates import DateError, parse_date
from ingest.textclean import normalize

from .entity_lookup import entity_index, resolve_by_mentions
from .search_query import NOTHING, SearchQueryError, fts_query, is_blank

NOTES = "news_archive_notes"  # scope key: list of entity Resolutions
ERRORS = "news_archive_search_errors"  # scope key: list of friendly messages
SHOWN = "news_archive_messages_shown"

ENTITY_FILTER_TYPES = {
    "people__arraycontains": ("person",),
    "places__arraycontains": ("location",),
    "organizations__arraycontains": ("organization",),
}
ENTITY_PARAMS = ("entity", "other")
DATE_PARAMS = ("from", "to")
_FTS_PARAM = re.compile(r"fts_query\(\s*:(\w+)\s*(?:,\s*'([^']*)')?\s*\)")
_ROUTE = re.compile(r"/(?P<db>[^/.]+)(?:/(?P<name>[^/.]+))?(?:\.(?P<format>\w+))?")


# ------------------------------------------------------------------ SQL functions


def safe_fts_query(text, columns=None) -> str:
    """``fts_query`` for SQL: a query that matches nothing instead of an error (the page shows the message)."""
    if text is None or not isinstance(text, str):
        text = "" if text is None else str(text)
    try:
        return fts_query(text, columns.split() if columns else ("title", "body", "text"))
    except SearchQueryError:
        return NOTHING


def prepare_connection(conn) -> None:
    conn.create_function("fts_query", 1, safe_fts_query, deterministic=True)
    conn.create_function("fts_query", 2, safe_fts_query, deterministic=True)
    conn.create_function("normalize_text", 1, lambda t: normalize(t) if isinstance(t, str) else t, deterministic=True)


# ------------------------------------------------------------------ the table search box


async def filters_from_request(request, database, table, datasette):
    if table == "entities":
        return await _entity_search(request, database, datasette)
    args = {k: request.args[k] for k in request.args if k.startswith("_search") and k != "_searchmode"}
    if not args:
        return None
    table_metadata = datasette.table_metadata(database, table)
    mode = request.args.get("_searchmode") or table_metadata.get("searchmode")
    if mode != "raw":
        return None  # Datasette escapes every word itself
    db = datasette.get_database(database)
    fts_table = request.args.get("_fts_table") or table_metadata.get("fts_table") or await db.fts_table(table)
    if not fts_table:
        return None
    columns = await db.table_columns(fts_table)
    if "_search" in args:
        params = {"search": safe_fts_query(args["_search"], " ".join(columns))}
    else:
        params = {f"search_{i}": safe_fts_query(v, " ".join(columns)) for i, v in enumerate(args.values())}
    return FilterArguments([], params)


async def _entity_search(request, database, datasette):
    """The entities table's search box: names and aliases containing every word typed, in any case or accent form."""
    text = request.args.get("_search")
    context = {"supports_search": True, "search": text or ""}
    if is_blank(text):
        return FilterArguments([], extra_context=context)
    index = await entity_index(datasette, database)
    names = index.search(text) if index else []
    return FilterArguments(
        ["name in (select value from json_each(:entity_search_names))"],
        {"entity_search_names": json.dumps(names, ensure_ascii=False)},
        [f'name or alias matches "{text}"'],
        context,
    )


# ------------------------------------------------------------------ messages on HTML pages


def extra_template_vars(request, datasette):
    """Show the search errors and entity notes of this request as Datasette messages, above the page's form."""
    if request is None or request.scope.get(SHOWN):
        return {}
    request.scope[SHOWN] = True
    for message in request.scope.get(ERRORS, ()):
        datasette.add_message(request, message, datasette.ERROR)
    for key, resolution in request.scope.get(NOTES, ()):
        datasette.add_message(request, _note_html(request, datasette, key, resolution), datasette.INFO)
    return {}


def _note_html(request, datasette, key: str, resolution) -> Markup:
    """The note on an entity name, each other entity it may mean a link to this page with that one instead."""
    if not resolution.choices:
        return Markup(escape(resolution.note()))
    links = [
        Markup('<a href="{}">{}</a>').format(datasette.urls.path(path_with_replaced_args(request, {key: choice})), choice)
        for choice in resolution.choices
    ]
    return Markup("{} It may also mean: {}.").format(
        f"“{resolution.given}” is {resolution.name} ({resolution.type}).", Markup(", ").join(links)
    )


# ------------------------------------------------------------------ the request rewrite


def asgi_wrapper(datasette):
    def wrap(app):
        async def wrapped(scope, receive, send):
            if scope.get("type") != "http":
                return await app(scope, receive, send)
            scope, response = await rewrite_request(datasette, scope)
            if response is not None:
                return await response.asgi_send(send)
            if scope.get(NOTES):
                send = _with_notes(send, [resolution for _, resolution in scope[NOTES]])
            await app(scope, receive, send)

        return wrapped

    return wrap


def _normalized_pairs(pairs):
    return [
        (key, value if key == "sql" or (key.startswith("_") and not key.startswith("_search")) else normalize(value))
        for key, value in pairs
    ]


async def rewrite_request(datasette, scope):
    """The scope with its query string rewritten, and a response to send instead (a 400) or None."""
    raw = scope.get("query_string") or b""
    pairs = urllib.parse.parse_qsl(raw.decode("utf-8", "replace"), keep_blank_values=True)
    new = [(k, v) for k, v in _normalized_pairs(pairs) if not (k.startswith("_search") and k != "_searchmode" and is_blank(v))]
    path = scope.get("path", "")
    base_url = datasette.setting("base_url") or "/"
    if base_url != "/" and path.startswith(base_url.rstrip("/")):
        path = path[len(base_url.rstrip("/")) :] or "/"
    route = _ROUTE.fullmatch(path)
    database = name = None
    if route:
        database = tilde_decode(route["db"])
        if database not in datasette.databases:
            database = None
        else:
            name = tilde_decode(route["name"]) if route["name"] else None
    args = dict(new)
    fmt = (route["format"] if route else None) or args.get("_format") or "html"
    errors, notes = [], []
    canned = None
    if database and name:
        try:
            canned = await datasette.get_canned_query(database, name, None)
        except Exception:
            canned = None
    # Searches that cannot be run
    if database and name:
        if canned:
            checks = [(m.group(1), args.get(m.group(1))) for m in _FTS_PARAM.finditer(canned.get("sql") or "")]
        elif (args.get("_searchmode") or datasette.table_metadata(database, name).get("searchmode")) == "raw":
            checks = [(k, v) for k, v in new if k.startswith("_search") and k != "_searchmode"]
        else:
            checks = []  # Datasette escapes every word itself
        for param, value in checks:
            if value is None or is_blank(value):
                continue
            try:
                fts_query(value)
            except SearchQueryError as error:
                errors.append(error.friendly())
    if canned:
        new = _iso_dates(new, canned.get("sql") or "", errors)
    if errors and fmt != "html":
        return scope, _error_response(fmt, errors)
    # Entity names
    targets = {}
    if database and name == "articles" and not canned:
        targets = {key: types for key, types in ENTITY_FILTER_TYPES.items()}
    elif database and name == "entities" and not canned:
        targets = {"name": None, "name__exact": None}
    elif database and canned:
        targets = {p: None for p in ENTITY_PARAMS if f":{p}" in (canned.get("sql") or "")}
    elif database and not name and "sql" in args:
        targets = {p: None for p in ENTITY_PARAMS if f":{p}" in args["sql"]}
    elif path.startswith("/-/dashboards/"):
        targets = {p: None for p in ENTITY_PARAMS}
        database = _dashboard_database(datasette, path)
    if targets and database and any(k in targets and not is_blank(v) for k, v in new):
        index = await entity_index(datasette, database)
        if index is not None:
            resolved = []
            for key, value in new:
                if key in targets and not is_blank(value):
                    resolution = index.resolve(value, targets[key])
                    if resolution.name is None:
                        resolution = await resolve_by_mentions(datasette, database, value, targets[key])
                    if resolution.name is None or resolution.changed:
                        notes.append((key, resolution))
                    if resolution.name:
                        value = resolution.name
                resolved.append((key, value))
            new = resolved
    if new != pairs:
        scope = dict(scope, query_string=urllib.parse.urlencode(new).encode("ascii"))
    if errors or notes:
        scope = dict(scope)
        scope[ERRORS] = errors
        scope[NOTES] = notes
    return scope, None


def _iso_dates(pairs: list[tuple[str, str]], sql: str, errors: list[str]) -> list[tuple[str, str]]:
    """``pairs`` with the date parameters of a canned query (``from``, ``to``) as ISO dates.

    Any date ``ingest.dates.parse_date`` reads is accepted (``1-10-2021``, ``14 september 2021``) and
    rewritten to the ISO form the SQL compares (``2021-10-01``); one it cannot read adds a message to ``errors``.
    """
    result = []
    for key, value in pairs:
        if key in DATE_PARAMS and f":{key}" in sql and not is_blank(value):
            try:
                value = parse_date(value)[0]
            except DateError:
                errors.append(
                    f"The date “{value}” in {key} cannot be read: write it as YYYY, YYYY-MM or YYYY-MM-DD, "
                    "for example 2021, 2021-09 or 2021-09-14."
                )
        result.append((key, value))
    return result


def _dashboard_database(datasette, path: str) -> str | None:
    slug = path[len("/-/dashboards/") :].split("/")[0]
    config = (datasette.plugin_config("datasette-dashboards") or {}).get(slug) or {}
    for chart in (config.get("charts") or {}).values():
        if chart.get("db") in datasette.databases:
            return chart["db"]
    return next((name for name in datasette.databases if not name.startswith("_")), None)


def _error_response(fmt: str, errors: list[str]) -> Response:
    message = " ".join(errors)
    if fmt == "csv":
        return Response.text(f"error: {message}\n", status=400)
    return Response.json({"ok": False, "error": message, "status": 400, "title": "Invalid search"}, status=400)


def _with_notes(send, notes):
    """Send the response with the entity notes: a header always, and a key ``entity_notes`` in a JSON object."""
    header = json.dumps([n.as_json() for n in notes], ensure_ascii=True).encode("ascii")
    state = {"start": None, "body": []}

    async def wrapped(message):
        if message["type"] == "http.response.start":
            headers = [(k, v) for k, v in message.get("headers", [])]
            headers.append((b"x-news-archive-entities", header))
            content_type = next((v for k, v in headers if k.lower() == b"content-type"), b"")
            if b"json" in content_type and message.get("status") == 200:
                state["start"] = dict(message, headers=headers)
                return
            return await send(dict(message, headers=headers))
        if message["type"] == "http.response.body" and state["start"] is not None:
            state["body"].append(message.get("body", b""))
            if message.get("more_body"):
                return
            body = b"".join(state["body"])
            try:
                data = json.loads(body)
                if isinstance(data, dict):
                    data["entity_notes"] = [n.as_json() for n in notes]
                    body = json.dumps(data, default=repr).encode("utf-8")
            except ValueError:
                pass
            start = state["start"]
            start["headers"] = [(k, v) for k, v in start["headers"] if k.lower() != b"content-length"] + [
                (b"content-length", str(len(body)).encode())
            ]
            await send(start)
            return await send({"type": "http.response.body", "body": body})
        return await send(message)

    return wrapped
