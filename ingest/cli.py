"""The ``news-archive`` command: parses options and calls the library."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import click
import sqlite_utils

from .archive import ingest_paths, raw_text
from .records import MAX_RECORD_BYTES, find_input_files

EXIT_REJECTED = 1
EXIT_FATAL = 2


class FatalError(click.ClickException):
    exit_code = EXIT_FATAL


def open_database(path: str) -> sqlite_utils.Database:
    try:
        db = sqlite_utils.Database(path)
        db.execute("select count(*) from sqlite_master").fetchone()
    except sqlite3.Error as error:
        raise FatalError(f"cannot open database {path}: {error}")
    return db


@click.group()
@click.version_option(package_name="news-archive")
def cli():
    """Build a clean, searchable archive of Dutch news articles in SQLite."""


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False), help="Archive database (created if missing).")
@click.option("--source", help="Outlet name for records that do not name one.")
@click.option(
    "--max-record-bytes",
    type=click.IntRange(min=1),
    default=MAX_RECORD_BYTES,
    show_default=True,
    help="Reject records larger than this.",
)
@click.option("--quiet", is_flag=True, help="Print only the summary line, not each rejected record and warning.")
def ingest(paths, db_path, source, max_record_bytes, quiet):
    """Load articles from files or directories (walked recursively) into the archive.

    Exit status: 0 when every record was ingested, 1 when any record was
    rejected (the others are still stored), 2 on a fatal error.
    """
    db = open_database(db_path)
    total = sum(p.stat().st_size for p in find_input_files(list(paths)))
    try:
        if sys.stderr.isatty():
            with click.progressbar(length=total, label="Ingesting", file=sys.stderr) as bar:
                summary = ingest_paths(db, paths, source=source, max_record_bytes=max_record_bytes, on_progress=bar.update)
        else:
            summary = ingest_paths(db, paths, source=source, max_record_bytes=max_record_bytes)
    except (sqlite3.Error, OSError) as error:
        raise FatalError(f"ingest stopped, database {db_path}: {error}. Batches committed so far are kept; run the same command again to complete it.")
    if not quiet:
        for problem in summary.problems:
            click.echo(problem, err=True)
    click.echo(summary.line())
    if summary.rejected:
        sys.exit(EXIT_REJECTED)


@cli.command()
@click.argument("db_path", type=click.Path(exists=True, dir_okay=False))
@click.argument("record_id", type=int)
def raw(db_path, record_id):
    """Print the original text of input record RECORD_ID, exactly as it was read."""
    try:
        click.echo(raw_text(open_database(db_path), record_id), nl=False)
    except KeyError as error:
        raise FatalError(error.args[0])
