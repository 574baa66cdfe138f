"""The ``news-archive`` command: parses options and calls the library."""

from __future__ import annotations

import functools
import io
import os
import sqlite3
import sys
from pathlib import Path

import click
import sqlite_utils

from .archive import ReadOptions, StrictError, ingest_paths, input_files, raw_record
from .formats import parse_field_options
from .inspect import inspect_files, render
from .entities import reextract_mentions, remembered_entities
from .mentions import load_gazetteer
from .near_duplicates import DEFAULT_THRESHOLD
from .records import FORMATS, MAX_RECORD_BYTES
from .schema import ensure_db_shape
from .stories import regroup_near_duplicates

SMALL_INPUT_BYTES = 1_000_000  # below this, starting worker processes costs more than it saves
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


def _valid_text(ctx, param, value):
    """An option's text must be UTF-8 (the terminal gave bytes that are not, kept by Python as lone surrogates)."""
    if value is not None and any("\ud800" <= c <= "\udfff" for c in value):
        raise click.BadParameter("is not valid UTF-8 text; check the terminal's encoding", param=param)
    return value


@click.group()
@click.version_option(package_name="news-archive")
def cli():
    """Build a clean, searchable archive of Dutch news articles in SQLite."""


def progress(length: int, label: str):
    """A progress bar on stderr when it is a terminal; otherwise nothing is drawn."""
    return click.progressbar(length=length, label=label, file=sys.stderr if sys.stderr.isatty() else io.StringIO())


def load_entities(db, entity_files) -> object:
    """The gazetteer with the user entity files given now and those the archive was given before."""
    try:
        return load_gazetteer(user_rows=remembered_entities(db, entity_files))
    except ValueError as error:
        raise FatalError(f"{error}.")


entities_option = click.option(
    "--entities",
    "entity_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="CSV/TSV of your own entities and aliases (columns name, type, wikidata, aliases); repeatable. "
    "The archive keeps them: later runs read them too.",
)
threshold_option = click.option(
    "--near-duplicate-threshold",
    "threshold",
    type=click.FloatRange(0.0, 1.0, min_open=True),
    default=DEFAULT_THRESHOLD,
    show_default=True,
    help="Word-shingle Jaccard similarity at which a text is a version of an earlier article.",
)


def field_options(ctx, param, values):
    try:
        return parse_field_options(values)
    except ValueError as error:
        raise click.BadParameter(str(error))


field_option = click.option(
    "--field",
    "field_map",
    multiple=True,
    callback=field_options,
    metavar="FIELD=COLUMN",
    help="Take FIELD (text, date, title, url, source, author, id) from this column or key; repeatable.",
)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, allow_dash=True, path_type=Path))
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False), help="Archive database (created if missing).")
@click.option("--source", callback=_valid_text, help="Outlet name for records that do not name one.")
@click.option(
    "--format",
    "input_format",
    type=click.Choice(FORMATS),
    help="Read every input in this format instead of recognising it from its content and extension (needed for -, standard input).",
)
@field_option
@entities_option
@threshold_option
@click.option(
    "--max-record-bytes",
    type=click.IntRange(min=1),
    default=MAX_RECORD_BYTES,
    show_default=True,
    help="Reject records larger than this.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=os.cpu_count() or 1,
    show_default="number of CPUs",
    help="Processes that clean texts and find mentions, for inputs over 1 MB (one more writes the database).",
)
@click.option("--strict", is_flag=True, help="Stop at the first rejected record and change nothing.")
@click.option(
    "--reread",
    is_flag=True,
    help="Read files again even if they were ingested with the same options (articles are not duplicated).",
)
@click.option("--quiet", is_flag=True, help="Print only the summary line, not each rejected record and warning.")
def ingest(paths, db_path, source, input_format, field_map, entity_files, threshold, max_record_bytes, workers, strict, reread, quiet):
    """Load articles from files or directories (walked recursively) into the archive.

    Exit status: 0 when every record was ingested, 1 when any record was
    rejected (the others are still stored; with --strict nothing is), 2 on a
    fatal error.
    """
    if any(str(p) == "-" for p in paths) and not input_format:
        raise click.UsageError("reading standard input (-) needs --format: one of " + ", ".join(FORMATS))
    db = open_database(db_path)
    ensure_db_shape(db)
    load_entities(db, entity_files)  # report a bad entities file before any work, and remember a good one
    total = sum(p.stat().st_size for p in input_files(db, paths) if str(p) != "-")
    try:
        with progress(total, "Ingesting") as bar:
            summary = ingest_paths(
                db,
                paths,
                source=source,
                read_options=ReadOptions(format=input_format, field_map=field_map or None, max_record_bytes=max_record_bytes),
                entity_files=entity_files,
                threshold=threshold,
                workers=workers if total > SMALL_INPUT_BYTES else 1,
                strict=strict,
                on_progress=bar.update,
                on_problem=None if quiet else functools.partial(click.echo, err=True),
                reread=reread,
            )
    except StrictError as error:
        click.echo(f"{error}\n--strict: nothing was stored. Fix or remove that record, or run without --strict.", err=True)
        sys.exit(EXIT_REJECTED)
    except (sqlite3.Error, OSError) as error:
        raise FatalError(
            f"ingest stopped, database {db_path}: {error}. "
            "Batches committed so far are kept; run the same command again to complete it."
        )
    click.echo(summary.line())
    if summary.files_skipped and not quiet:
        click.echo(skipped_note(summary), err=True)
    if summary.rejected:
        sys.exit(EXIT_REJECTED)


def skipped_note(summary) -> str:
    """Which files were skipped as already ingested, and how to read them again if that is wanted."""
    named = ", ".join(summary.skipped_paths)
    more = summary.files_skipped - len(summary.skipped_paths)
    if more:
        named += f" and {more:,} more"
    return (
        f"skipped, already ingested with the same options: {named}. To read again, change --format, --field or "
        "--source, or add --reread (articles already stored are not duplicated)"
    )


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--source", callback=_valid_text, help="Outlet name for records that do not name one.")
@click.option("--format", "input_format", type=click.Choice(FORMATS), help="Read every input in this format.")
@field_option
@click.option("--records", "sample", type=click.IntRange(min=0), default=3, show_default=True, help="How many records to show per file.")
@click.option("--max-record-bytes", type=click.IntRange(min=1), default=MAX_RECORD_BYTES, show_default=True, help="Reject records larger than this.")
def inspect(paths, source, input_format, field_map, sample, max_record_bytes):
    """Dry run: show how each file would be read (format and why, field mapping, first records, problems).

    Writes nothing. Exit status 1 when any record would be rejected.
    """
    reports = inspect_files(
        list(paths), format=input_format, field_map=field_map or None, source=source,
        max_record_bytes=max_record_bytes, sample=sample, on_problem=lambda problem: click.echo(problem, err=True),
    )
    click.echo("\n\n".join(render(report) for report in reports))
    if any(report.stored < report.records for report in reports):
        sys.exit(EXIT_REJECTED)


@cli.command()
@click.option("--db", "db_path", required=True, type=click.Path(exists=True, dir_okay=False), help="Archive database.")
@entities_option
def extract(db_path, entity_files):
    """Find mentions again in every article, after the gazetteer or your entities file changed."""
    db = open_database(db_path)
    ensure_db_shape(db)
    gazetteer = load_entities(db, entity_files)
    ids = [row[0] for row in db.execute("select id from articles order by id")]
    with progress(len(ids), "Extracting") as bar:
        reextract_mentions(db, ids, gazetteer, on_progress=bar.update)
    mentions, entities = (db[name].count for name in ("mentions", "entities"))
    click.echo(f"articles: {len(ids):,}, mentions: {mentions:,}, entities: {entities:,}")


@cli.command()
@click.option("--db", "db_path", required=True, type=click.Path(exists=True, dir_okay=False), help="Archive database.")
@threshold_option
@entities_option
def dedup(db_path, threshold, entity_files):
    """Regroup near-duplicate versions, for instance after a threshold change."""
    db = open_database(db_path)
    ensure_db_shape(db)
    gazetteer = load_entities(db, entity_files)
    total = db.execute("select (select count(*) from articles) + (select count(*) from article_versions)").fetchone()[0] if db["articles"].exists() else 0
    with progress(total, "Regrouping") as bar:
        summary = regroup_near_duplicates(db, threshold, gazetteer, on_progress=bar.update)
    click.echo(summary.line())


@cli.command("normalize")
@click.option("--db", "db_path", required=True, type=click.Path(exists=True, dir_okay=False), help="Archive database.")
@entities_option
def normalize_command(db_path, entity_files):
    """Apply the text normalisation (NFC, invisible characters, apostrophes) to an archive ingested before it.

    Articles whose text becomes identical to an earlier one become its duplicates;
    mentions are found again where text changed. Raw records keep the original bytes.
    """
    from .normalize_archive import normalize_archive

    db = open_database(db_path)
    ensure_db_shape(db)
    gazetteer = load_entities(db, entity_files)
    summary = normalize_archive(db, gazetteer)
    click.echo(summary.line())


@cli.command()
@click.argument("db_path", type=click.Path(exists=True, dir_okay=False))
@click.argument("record_id", type=int)
def raw(db_path, record_id):
    """Print the original text of input record RECORD_ID, exactly as it was read."""
    try:
        sys.stdout.buffer.write(raw_record(open_database(db_path), record_id))
        sys.stdout.buffer.flush()
    except KeyError as error:
        raise FatalError(error.args[0])


@cli.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@click.argument("db_paths", nargs=-1, required=True, metavar="ARCHIVE...", type=click.UNPROCESSED)
@click.option("-h", "--host", default="127.0.0.1", show_default=True, help="Address to bind; 0.0.0.0 serves the network.")
@click.option("-p", "--port", default=8001, show_default=True, type=int, help="Port to listen on.")
@click.option("--mutable", is_flag=True, help="Serve the file live (for ingesting while serving) instead of immutable.")
@click.option("--cors/--no-cors", default=True, show_default=True, help="Send CORS headers so web pages elsewhere can use the JSON API.")
def serve(db_paths, host, port, mutable, cors):
    """Browse and query archives with Datasette at http://HOST:PORT/.

    Each ARCHIVE is a database written by `news-archive ingest`, whatever its
    file name; it is served as the file name without extension (nieuws.db at
    /nieuws). The plugin brings facets, canned queries and the dashboard. The
    archive is opened read-only, and immutable (faster, counts from an inspect
    file) unless an ingest may be writing to it or --mutable is given. Options
    after the archives that this command does not know go to `datasette serve`,
    for example `--setting sql_time_limit_ms 10000` or `--template-dir DIR`.
    """
    from datasette_news_archive.serve import NotAnArchive, ServeOptions, check_archive, serve as run_datasette

    paths, extra = split_serve_arguments(db_paths)
    try:
        for path in paths:
            check_archive(path)
    except NotAnArchive as error:
        raise FatalError(str(error))
    for path in paths:
        upgrade_archive(path)
    run_datasette(ServeOptions(paths, host=host, port=port, mutable=mutable, cors=cors, extra=extra))


def upgrade_archive(path: Path) -> None:
    """Bring an archive of an earlier release to the current shape, or warn that it cannot be written."""
    try:
        db = sqlite_utils.Database(path)
        ensure_db_shape(db)
        db.close()
    except sqlite3.Error as error:
        click.echo(f"warning: {path}: could not bring the archive to the current shape ({error}); serving it as it is", err=True)


def split_serve_arguments(arguments: tuple[str, ...]) -> tuple[list[Path], list[str]]:
    """The archive paths (the arguments before the first option) and the options for Datasette.

    Raises FatalError for a path that is not a file.
    """
    paths = []
    for index, argument in enumerate(arguments):
        if argument.startswith("-"):
            return paths, list(arguments[index:])
        path = Path(argument)
        if not path.is_file():
            raise FatalError(f"{argument}: no such archive file")
        paths.append(path)
    return paths, []
