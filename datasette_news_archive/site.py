"""The site's configuration, applied to every archive that Datasette serves, whatever its file name.

``metadata.yml`` in this package (a checkout's top-level ``metadata.yml`` links
to it) is ordinary Datasette metadata written for one database called
``archive``: facets, column descriptions, canned queries and the dashboard
``archive-overview``. The ``get_metadata`` hook hands Datasette a copy of that
configuration for each database that is an archive (it has the tables
``articles``, ``paragraphs`` and ``article_paragraphs``), renamed to that
database: ``nieuws.db`` gets ``databases.nieuws`` and the dashboard
``nieuws-overview``. Links written as ``href="/archive/..."`` or
``href="/-/..."`` in descriptions point to the database's own pages, under
Datasette's ``base_url``. Metadata a user passes with ``-m`` is applied on top
(Datasette gives local metadata precedence over plugins).

The home page's links to an archive's pages come from the plugin setting
``news-archive: home_html`` (read with ``plugin_config``); with several
archives, each gets its own list under its name.
"""

from __future__ import annotations

import functools
import re
import sqlite3
from pathlib import Path

import yaml

PLUGIN = "news-archive"
METADATA = Path(__file__).resolve().parent / "metadata.yml"
TEMPLATE_DATABASE = "archive"
ARCHIVE_TABLES = frozenset({"articles", "paragraphs", "article_paragraphs"})
_DASHBOARD_SUFFIX = "-overview"
_LINK = re.compile(r'(href|src)="/([^"]*)"')


@functools.cache
def shipped_metadata() -> dict:
    """The parsed ``metadata.yml`` of this package (read once per process)."""
    return yaml.safe_load(METADATA.read_text(encoding="utf-8"))


def is_archive(datasette, database: str) -> bool:
    """Whether the database ``database`` that ``datasette`` serves holds a news archive.

    Decided from its table names, once per database and process (a database
    that becomes an archive later is seen after a restart). Unknown names and
    Datasette's own ``_internal`` database are not archives.
    """
    db = datasette.databases.get(database)
    if db is None or database == "_internal":
        return False
    known = getattr(db, "_news_archive", None)
    if known is None:
        known = db._news_archive = ARCHIVE_TABLES <= table_names(db)
    return known


def table_names(db) -> set[str]:
    """The table names of a Datasette ``Database``, read with a connection of its own."""
    try:
        conn = db.connect()
    except (sqlite3.Error, OSError):
        return set()
    try:
        return {row[0] for row in conn.execute("select name from sqlite_master where type = 'table'")}
    except sqlite3.Error:
        return set()
    finally:
        conn.close()


def archive_names(datasette) -> tuple[str, ...]:
    """The names of the served databases that are archives, in Datasette's order."""
    return tuple(name for name in datasette.databases if is_archive(datasette, name))


def dashboard_name(database: str) -> str:
    """The name of an archive's overview dashboard: ``nieuws`` -> ``nieuws-overview``."""
    return database + _DASHBOARD_SUFFIX


def site_metadata(datasette) -> dict:
    """Datasette metadata for every archive served, built once per Datasette instance and set of archives.

    Shape: ``{"title", "description_html", "source", "databases": {NAME: ...},
    "plugins": {"datasette-dashboards": {NAME-overview: ...}, "news-archive": ...}}``.
    Datasette asks for it dozens of times a page, so the same dict is returned
    each time; Datasette treats it as it treats its own local metadata (which
    it also hands out, and merges into, by reference).
    """
    key = (archive_names(datasette), datasette.setting("base_url") or "/")
    cached = getattr(datasette, "_news_archive_site", None)
    if cached is None or cached[0] != key:
        cached = datasette._news_archive_site = (key, _build(*key))
    return cached[1]


def _build(names: tuple[str, ...], base_url: str) -> dict:
    shipped = shipped_metadata()
    template = shipped["databases"][TEMPLATE_DATABASE]
    plugins = shipped.get("plugins") or {}
    dashboard = (plugins.get("datasette-dashboards") or {}).get(dashboard_name(TEMPLATE_DATABASE))
    home_html = (plugins.get(PLUGIN) or {}).get("home_html", "")
    site = {key: value for key, value in shipped.items() if key not in ("databases", "plugins")}
    site["plugins"] = {key: value for key, value in plugins.items() if key != "datasette-dashboards"}
    site["databases"] = {}
    dashboards = {}
    homes = []
    for name in names:
        site["databases"][name] = localise(template, name, base_url)
        if dashboard:
            dashboards[dashboard_name(name)] = _for_database(localise(dashboard, name, base_url), name)
        heading = f"<h2>{name}</h2>\n" if len(names) > 1 else ""
        homes.append(heading + localise(home_html, name, base_url))
    if dashboards:
        site["plugins"]["datasette-dashboards"] = dashboards
    site["description_html"] = localise(shipped.get("description_html", ""), "", base_url) + "\n" + "\n".join(homes)
    return site


def localise(value, database: str, base_url: str):
    """``value`` (any YAML value) with its links pointed at ``database``'s pages under ``base_url``.

    ``href="/archive/x"`` becomes ``href="{base_url}{database}/x"``,
    ``/-/dashboards/archive-overview`` that database's dashboard, and any other
    ``href="/x"`` or ``src="/x"`` ``{base_url}x``.
    """
    if isinstance(value, dict):
        return {key: localise(item, database, base_url) for key, item in value.items()}
    if isinstance(value, list):
        return [localise(item, database, base_url) for item in value]
    if not isinstance(value, str):
        return value

    def link(match):
        path = match.group(2)
        if path == f"-/dashboards/{dashboard_name(TEMPLATE_DATABASE)}" or path.startswith(
            f"-/dashboards/{dashboard_name(TEMPLATE_DATABASE)}?"
        ):
            path = path.replace(dashboard_name(TEMPLATE_DATABASE), dashboard_name(database), 1)
        elif path == TEMPLATE_DATABASE or path.startswith(TEMPLATE_DATABASE + "/"):
            path = database + path[len(TEMPLATE_DATABASE) :]
        return f'{match.group(1)}="{base_url}{path}"'

    return _LINK.sub(link, value)


def _for_database(dashboard: dict, database: str) -> dict:
    """A dashboard configuration whose filters and charts query ``database``."""
    for part in ("filters", "charts"):
        for item in (dashboard.get(part) or {}).values():
            if item.get("db") == TEMPLATE_DATABASE:
                item["db"] = database
    return dashboard
