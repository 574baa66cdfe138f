"""Serve archives with Datasette: our plugin (which brings the site's configuration) and settings.

``news-archive serve`` builds a ``datasette serve`` command line with
``datasette_args`` and runs it in this process. Options it does not know go to
Datasette unchanged and win over our defaults.
"""

from __future__ import annotations

import asyncio
import json
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from .site import ARCHIVE_TABLES

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8001

# Searches and facets over a large archive take longer than Datasette's
# defaults (1000 ms and 200 ms). A facet may never run longer than a query.
# Facet suggestions are off: Datasette computes them with one query per column
# over all matching rows on every table page, for links few people follow
# (facets can still be added with ?_facet=COLUMN).
DEFAULT_SETTINGS = {
    "sql_time_limit_ms": 3000,
    "facet_time_limit_ms": 1000,
    "suggest_facets": "off",
    "truncate_cells_html": 160,
}


class NotAnArchive(ValueError):
    """A file given to ``serve`` is not a news archive; the message says what to do."""


def check_archive(db_path: Path) -> None:
    """Raise ``NotAnArchive`` unless ``db_path`` is an SQLite file with the archive's tables."""
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            tables = {row[0] for row in conn.execute("select name from sqlite_master where type = 'table'")}
        finally:
            conn.close()
    except sqlite3.Error as error:
        raise NotAnArchive(f"{db_path}: not an SQLite database ({error})") from None
    missing = sorted(ARCHIVE_TABLES - tables)
    if missing:
        raise NotAnArchive(
            f"{db_path}: not a news archive (no table {', '.join(missing)}); "
            f"create one with: news-archive ingest PATH --db {db_path}"
        )


@dataclass
class ServeOptions:
    db_paths: list[Path]
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    mutable: bool = False
    cors: bool = True
    extra: list[str] = field(default_factory=list)


def ingest_may_be_running(db_path: Path) -> bool:
    """True while a write-ahead log holds changes the database file does not have yet.

    That is the case while an ingest writes (and after one was killed, until
    the next connection checkpoints it). An immutable reader would not see
    those changes, so the archive is then served live instead.
    """
    wal = Path(f"{db_path}-wal")
    return wal.exists() and wal.stat().st_size > 0


def user_settings(extra: list[str]) -> dict[str, str]:
    """The ``--setting NAME VALUE`` pairs among the pass-through options."""
    settings = {}
    for i, arg in enumerate(extra[:-2]):
        if arg == "--setting":
            settings[extra[i + 1]] = extra[i + 2]
    return settings


def settings_for(extra: list[str]) -> dict[str, int | str]:
    """Our default settings that the user did not set, with the facet limit capped by the SQL limit."""
    given = user_settings(extra)
    settings = {name: value for name, value in DEFAULT_SETTINGS.items() if name not in given}
    sql_limit = int(given.get("sql_time_limit_ms", DEFAULT_SETTINGS["sql_time_limit_ms"]))
    if "facet_time_limit_ms" in settings:
        settings["facet_time_limit_ms"] = min(settings["facet_time_limit_ms"], sql_limit)
    return settings


def has_option(extra: list[str], *names: str) -> bool:
    """Whether the pass-through options give one of ``names`` (``--name value`` or ``--name=value``)."""
    return any(arg.split("=", 1)[0] in names for arg in extra)


def inspect_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".inspect.json")


def ensure_inspect_file(db_path: Path) -> Path | None:
    """Write ``ARCHIVE.inspect.json`` (Datasette's table counts) unless it is newer than the archive.

    None when it cannot be written (a read-only directory): Datasette then counts rows itself.
    """
    path = inspect_path(db_path)
    if path.exists() and path.stat().st_mtime_ns >= db_path.stat().st_mtime_ns:
        return path
    from datasette.cli import inspect_

    data = asyncio.run(inspect_([str(db_path)], sqlite_extensions=None))
    tmp = path.with_name(path.name + ".tmp")
    try:
        tmp.write_text(json.dumps(data, indent=2), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        return None
    return path


def datasette_args(options: ServeOptions) -> list[str]:
    """The arguments of ``datasette serve`` for these options (without the word ``serve``)."""
    extra = list(options.extra)
    args = []
    immutable = []
    for db_path in options.db_paths:
        if not options.mutable and not ingest_may_be_running(db_path):
            immutable.append(db_path)
            args += ["-i", str(db_path)]
        else:
            args.append(str(db_path))
    # Datasette takes one inspect file; with several archives it counts rows itself.
    if len(options.db_paths) == 1 and immutable and not has_option(extra, "--inspect-file"):
        inspect_file = ensure_inspect_file(immutable[0])
        if inspect_file:
            args += ["--inspect-file", str(inspect_file)]
    args += ["--host", options.host, "--port", str(options.port)]
    if options.cors:
        args.append("--cors")
    for name, value in settings_for(extra).items():
        args += ["--setting", name, str(value)]
    return args + extra


def serve(options: ServeOptions) -> None:
    """Run Datasette in this process until it is stopped."""
    from datasette.cli import cli as datasette_cli

    datasette_cli.main(["serve", *datasette_args(options)], prog_name="datasette")
