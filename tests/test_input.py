"""Input handling (issue 13): sniffing, year-first dates, empty files, the archive's own files, re-reading.

Each case of tests/fixtures/cases/ (copied from the shared case folder) is tested with its expected values,
and each is one example of a kind of fault whose neighbours are tested too.
"""

import gzip
import json
import os
import shutil
import sqlite3
import zlib

from click.testing import CliRunner
import pytest
import sqlite_utils

from ingest.archive import ReadOptions, ingest_paths
from ingest.cli import cli
from ingest.records import open_records
from ingest.schema import ensure_db_shape
from conftest import FIXTURES, SEED, assert_fts_in_sync

CASES = FIXTURES / "cases"


def run_cli(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def rows(db, sql, params=()):
    return [tuple(row) for row in db.execute(sql, params).fetchall()]


# ---------------------------------------------------------------- cases/input/nul-byte-csv


def test_case_nul_byte_csv_stores_every_row_and_warns_on_the_line(tmp_path):
    db_path = tmp_path / "archive.db"
    result = run_cli("ingest", CASES / "input/nul-byte-csv/stray_nul.csv", "--db", db_path)
    assert result.exit_code == 0, result.output
    assert "records read: 3, new articles: 3" in result.stdout
    assert "rejected: 0" in result.stdout
    assert "stray_nul.csv:2: warning: removed 1 NUL byte (0x00)" in result.stderr
    db = sqlite_utils.Database(db_path)
    assert [r[0] for r in rows(db, "select date from articles order by date")] == ["2022-03-01", "2022-03-02", "2022-03-03"]
    first = rows(db, "select body from articles where date = '2022-03-01'")[0][0]
    assert "zeshonderd woningen in Leidsche Rijn" in first and "\x00" not in first


def _nul_rows(count, nul_row):
    lines = ["datum,titel,tekst\n"]
    for n in range(count):
        text = f"Bericht nummer {n} over de woning" + ("\x00" if n == nul_row else "") + "en in de stad en nog wat meer tekst."
        lines.append(f"2022-03-{n % 28 + 1:02d},Titel {n},{text}\n")
    return "".join(lines).encode("utf-8")


@pytest.mark.parametrize("nul_row", [0, 150])  # in the first 8 KB, and well after it
def test_a_stray_nul_costs_nothing_wherever_it_sits(tmp_path, nul_row):
    path = tmp_path / "long.csv"
    path.write_bytes(_nul_rows(200, nul_row))
    assert path.read_bytes().index(b"\x00") > 8192 or nul_row == 0
    records = list(open_records(path))
    assert [r.rejected for r in records].count(True) == 0
    assert len(records) == 200
    assert "NUL" in records[nul_row].error
    assert "woningen" in records[nul_row].text
    assert all(r.error is None for i, r in enumerate(records) if i != nul_row)


@pytest.mark.parametrize(
    "name, content",
    [
        ("a.jsonl", '{"text": "Over de woning\x00en in de stad.", "date": "2022-03-01"}\n{"text": "Tweede bericht."}\n'),
        ("a.json", '[{"text": "Over de woning\x00en in de stad."}, {"text": "Tweede bericht."}]'),
        ("a.tsv", "date\ttext\n2022-03-01\tOver de woning\x00en in de stad.\n2022-03-02\tTweede bericht.\n"),
        ("a.txt", "date 2022-03-01 Over de woning\x00en in de stad.\n\ndate 2022-03-02 Tweede bericht.\n"),
    ],
)
def test_a_stray_nul_in_json_lines_json_tsv_and_text_is_dropped_with_a_warning(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    records = list(open_records(path))
    assert len(records) == 2 and not any(r.rejected for r in records)
    assert records[0].text.startswith("Over de woningen in de stad")
    assert "NUL" in records[0].error


def test_a_bad_json_line_costs_that_line_only_wherever_it_is(tmp_path):
    lines = [json.dumps({"text": f"Bericht {n}."}) for n in range(300)]
    lines[250] = '{"text": "kapot'
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    records = list(open_records(path))
    assert len(records) == 300
    assert [r.line for r in records if r.rejected] == [251]


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"


@pytest.mark.parametrize(
    "name, data, kind",
    [
        ("plaatje.png", PNG, "a PNG image"),
        ("foto.csv", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01", "a JPEG image"),
        ("export.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF file"),
        ("oud.dat", b"SQLite format 3\x00" + bytes(200), "an SQLite database"),
        ("data.bin", bytes(range(256)) * 8, "binary file"),
        ("nullen.txt", b"tekst" + bytes(500), "binary file (contains NUL bytes)"),
    ],
)
def test_real_binary_files_are_still_rejected_with_their_bytes_kept(tmp_path, name, data, kind):
    path = tmp_path / name
    path.write_bytes(data)
    records = list(open_records(path))
    assert len(records) == 1 and records[0].rejected
    assert kind in records[0].error
    assert records[0].raw_bytes == data


def test_a_binary_file_in_an_ingest_is_one_rejected_record_with_its_bytes(tmp_path):
    path = tmp_path / "plaatje.png"
    path.write_bytes(PNG)
    db = sqlite_utils.Database(tmp_path / "archive.db")
    summary = ingest_paths(db, [path])
    assert summary.rejected == 1
    raw, binary = rows(db, "select raw, binary from raw_records")[0]
    assert zlib.decompress(raw) == PNG and binary == 1


# ---------------------------------------------------------------- cases/input/year-first-dates


def test_case_year_first_dates_are_all_the_first_of_march(tmp_path):
    db = sqlite_utils.Database(tmp_path / "archive.db")
    summary = ingest_paths(db, [CASES / "input/year-first-dates/dates.csv"])
    assert summary.new_articles == 4 and summary.rejected == 0
    assert rows(db, "select title, date, date_precision from articles order by id") == [
        ("Slash", "2022-03-01", "day"),
        ("Compact", "2022-03-01", "day"),
        ("Punten", "2022-03-01", "day"),
        ("Streepjes", "2022-03-01", "day"),
    ]
    assert rows(db, "select count(*) from records where error is not null") == [(0,)]


def test_day_first_dates_in_a_csv_are_still_day_first(tmp_path):
    path = tmp_path / "dates.csv"
    path.write_text("date,text\n01-03-2022,Een.\n1.3.2022,Twee.\n2022/3/1 10:15,Drie.\n20220301T101500,Vier.\n", encoding="utf-8")
    db = sqlite_utils.Database(tmp_path / "archive.db")
    ingest_paths(db, [path])
    assert {r[0] for r in rows(db, "select date from articles")} == {"2022-03-01"}


# ---------------------------------------------------------------- cases/input/empty-files


def test_case_empty_files_are_named_in_warnings_and_counted(tmp_path):
    export = tmp_path / "export"
    shutil.copytree(CASES / "input/empty-files/export", export)
    db_path = tmp_path / "archive.db"
    result = run_cli("ingest", export, "--db", db_path)
    assert result.exit_code == 0, result.output
    assert "records read: 1, new articles: 1" in result.stdout
    assert "files without articles: 3" in result.stdout
    assert "files already ingested" not in result.stdout
    assert f"{export / 'leeg.txt'}: warning: empty file, no articles" in result.stderr
    assert f"{export / 'leeg.jsonl'}: warning: empty file, no articles" in result.stderr
    assert f"{export / 'alleen-kop.csv'}: warning: header row only, no articles" in result.stderr
    db = sqlite_utils.Database(db_path)
    assert db["articles"].count == 1
    assert sorted(r[0].split("/")[-1] for r in rows(db, "select path from sources")) == [
        "alleen-kop.csv", "artikel.txt", "leeg.jsonl", "leeg.txt"
    ]

    again = run_cli("ingest", export, "--db", db_path)
    assert again.exit_code == 0, again.output
    assert "records read: 0" in again.stdout
    assert "files without articles: 3, files already ingested: 1" in again.stdout
    assert "leeg.txt: warning: empty file" in again.stderr
    assert db["sources"].count == 4  # an empty file read again keeps its one row


@pytest.mark.parametrize(
    "name, content, warning",
    [
        ("spaties.txt", " \n\n\t \r\n", "empty file, no articles"),
        ("kop.tsv", "datum\ttitel\ttekst\r\n\r\n", "header row only, no articles"),
        ("kop.csv", "\ufeffdatum;titel;tekst\n", "header row only, no articles"),
        ("leeg.json", "[]\n", "an empty JSON list, no articles"),
        ("leeg.csv", "", "empty file, no articles"),
    ],
)
def test_every_kind_of_empty_file_gets_a_warning_naming_it(tmp_path, name, content, warning):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    problems = []
    summary = ingest_paths(sqlite_utils.Database(tmp_path / "archive.db"), [path], on_problem=problems.append)
    assert summary.files_empty == 1 and summary.files_skipped == 0
    assert problems == [f"{path}: warning: {warning}"]
    assert "files without articles: 1" in summary.line()


def test_an_empty_compressed_file_is_an_empty_file(tmp_path):
    path = tmp_path / "leeg.csv.gz"
    path.write_bytes(gzip.compress(b"datum,tekst\n"))
    problems = []
    ingest_paths(sqlite_utils.Database(tmp_path / "archive.db"), [path], on_problem=problems.append)
    assert problems == [f"{path}: warning: header row only, no articles"]


def test_two_empty_files_with_the_same_bytes_are_two_files_on_a_first_run(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_bytes(b"")
    problems = []
    summary = ingest_paths(sqlite_utils.Database(tmp_path / "archive.db"), [tmp_path / "a.txt", tmp_path / "b.txt"], on_problem=problems.append)
    assert summary.files_empty == 2 and summary.files_skipped == 0
    assert len(problems) == 2


def test_empty_standard_input_is_named_in_the_warning(tmp_path):
    result = CliRunner().invoke(cli, ["ingest", "-", "--format", "csv", "--db", str(tmp_path / "a.db")], input="")
    assert result.exit_code == 0, result.output
    assert "(standard input): warning: empty file, no articles" in result.stderr


# ---------------------------------------------------------------- cases/input/archive-inside-input


def test_case_archive_inside_the_input_folder_is_never_read(tmp_path, monkeypatch):
    folder = tmp_path / "artikelen"
    shutil.copytree(CASES / "input/archive-inside-input/artikelen", folder)
    monkeypatch.chdir(folder)
    first = run_cli("ingest", ".", "--db", "archive.db")
    assert first.exit_code == 0, first.output
    assert "records read: 2, new articles: 2" in first.stdout and "rejected: 0" in first.stdout
    (folder / "archive.db.inspect.json").write_text("{}", encoding="utf-8")
    (folder / "archive.db-journal").write_bytes(bytes(512))
    second = run_cli("ingest", ".", "--db", "archive.db")
    assert second.exit_code == 0, second.output
    assert "records read: 0" in second.stdout and "files already ingested: 2" in second.stdout
    assert "rejected: 0" in second.stdout
    db = sqlite_utils.Database(folder / "archive.db")
    assert sorted(r[0] for r in rows(db, "select path from sources")) == ["eerste.txt", "tweede.txt"]
    assert rows(db, "select count(*) from raw_records where binary = 1") == [(0,)]


def test_the_archive_is_recognised_by_its_resolved_path(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    shutil.copytree(CASES / "input/archive-inside-input/artikelen", folder)
    monkeypatch.chdir(tmp_path)
    assert run_cli("ingest", "in", "--db", "in/../in/archive.db").exit_code == 0
    result = run_cli("ingest", folder, "--db", folder / "archive.db")
    assert result.exit_code == 0, result.output
    assert "files already ingested: 2" in result.stdout


def test_another_sqlite_database_in_the_input_is_skipped_with_a_warning(tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(CASES / "input/archive-inside-input/artikelen", folder)
    other = sqlite3.connect(folder / "oud.db")
    other.execute("pragma journal_mode = wal")
    other.execute("create table t (x)")
    other.execute("insert into t values (1)")
    other.commit()
    assert (folder / "oud.db-wal").exists()
    result = run_cli("ingest", folder, "--db", tmp_path / "archive.db")
    other.close()
    assert result.exit_code == 0, result.output
    assert f"{folder / 'oud.db'}: warning: skipped: an SQLite database" in result.stderr
    assert "rejected: 0" in result.stdout and "new articles: 2" in result.stdout


# ---------------------------------------------------------------- re-reading: cases/formats/inca-csv-reread


INCA_FIELDS = ("--field", "text=export_text", "--field", "date=export_publication_date", "--field", "title=export_title")
# The INCA case's export with its columns renamed to names no reader knows (the case itself now reads
# without --field: _source.-prefixed columns are matched like unwrapped _source keys).
UNMAPPED = FIXTURES / "input" / "unmapped-columns.csv"


def test_case_inca_csv_reread_reads_without_options_and_again_with_them_without_duplicates(tmp_path):
    path = tmp_path / "inca-export.csv"
    shutil.copy(CASES / "formats/inca-csv-reread/inca-export.csv", path)
    db_path = tmp_path / "archive.db"
    first = run_cli("ingest", path, "--db", db_path)
    assert first.exit_code == 0 and "new articles: 2" in first.stdout
    advised = ("--field", "text=_source.text", "--field", "date=_source.publication_date", "--field", "title=_source.title")
    second = run_cli("ingest", path, "--db", db_path, *advised)
    assert second.exit_code == 0 and "new articles: 0" in second.stdout and "files already ingested" not in second.stdout
    db = sqlite_utils.Database(db_path)
    assert rows(db, "select date, title from articles order by id") == [
        ("2021-09-14", "Gemeente wil meer fietsenstallingen bij stations"),
        ("2021-09-14", "Eerste storm van het seizoen raast over de kust"),
    ]


def test_a_file_read_again_with_the_advised_fields_stores_the_articles_and_resolves_rejections(tmp_path):
    path = tmp_path / "inca-export.csv"
    shutil.copy(UNMAPPED, path)
    db_path = tmp_path / "archive.db"
    first = run_cli("ingest", path, "--db", db_path)
    assert first.exit_code == 1
    assert "--field text=FIELD" in first.stderr
    second = run_cli("ingest", path, "--db", db_path, *INCA_FIELDS)
    assert second.exit_code == 0, second.output
    assert "records read: 2, new articles: 2" in second.stdout and "files already ingested" not in second.stdout
    db = sqlite_utils.Database(db_path)
    assert rows(db, "select date, title from articles order by id") == [
        ("2021-09-14", "Gemeente wil meer fietsenstallingen bij stations"),
        ("2021-09-14", "Eerste storm van het seizoen raast over de kust"),
    ]
    # The two rejected records are resolved: they point at the articles now stored.
    old = rows(db, "select status, article_id, error from records where source_id = 1 order by position")
    assert [(status, article) for status, article, _ in old] == [("superseded", 1), ("superseded", 2)]
    assert "read again as record" in old[0][2] and "no field with the article text" in old[0][2]
    assert rows(db, "select count(*) from records where status = 'rejected'") == [(0,)]
    # Unchanged file, unchanged options: a no-op that says how to read it again.
    third = run_cli("ingest", path, "--db", db_path, *INCA_FIELDS)
    assert third.exit_code == 0
    assert "records read: 0" in third.stdout and "files already ingested: 1" in third.stdout
    assert "--reread" in third.stderr and str(path) in third.stderr
    # The first options' reading is resolved too: no longer a file of rejected records.
    fourth = run_cli("ingest", path, "--db", db_path)
    assert fourth.exit_code == 0 and "files already ingested: 1" in fourth.stdout
    assert db["articles"].count == 2


def test_a_file_whose_records_were_all_rejected_is_read_again_not_skipped(tmp_path):
    path = tmp_path / "inca-export.csv"
    shutil.copy(UNMAPPED, path)
    db_path = tmp_path / "archive.db"
    assert run_cli("ingest", path, "--db", db_path).exit_code == 1
    again = run_cli("ingest", path, "--db", db_path)
    assert again.exit_code == 1
    assert "files already ingested" not in again.stdout and "rejected: 2" in again.stdout
    db = sqlite_utils.Database(db_path)
    assert db["sources"].count == 1 and db["records"].count == 2  # read again into its row, not piled up


@pytest.mark.parametrize(
    "first, second",
    [
        ({}, {"source": "NU.nl"}),
        ({}, {"read_options": ReadOptions(field_map={"title": "kop"})}),
        ({}, {"read_options": ReadOptions(max_record_bytes=1_000_000)}),
    ],
)
def test_other_options_read_the_file_again_without_duplicating_articles(tmp_path, first, second):
    db = sqlite_utils.Database(tmp_path / "archive.db")
    ingest_paths(db, [SEED], **first)
    before = db["articles"].count
    summary = ingest_paths(db, [SEED], **second)
    assert summary.files_skipped == 0 and summary.records >= 1
    assert summary.new_articles + summary.near_duplicates == 0
    assert db["articles"].count == before
    assert db["sources"].count == 2


def test_reread_reads_an_ingested_file_again_without_duplicating(tmp_path):
    db_path = tmp_path / "archive.db"
    assert run_cli("ingest", SEED, "--db", db_path).exit_code == 0
    result = run_cli("ingest", SEED, "--db", db_path, "--reread")
    assert result.exit_code == 0, result.output
    assert "records read: 1, new articles: 0, exact duplicates: 1" in result.stdout
    assert sqlite_utils.Database(db_path)["articles"].count == 1


def test_a_too_large_record_is_read_again_with_a_higher_limit(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("date 2022-01-01 " + "Een lange zin over het nieuws. " * 100 + "\n\ndate 2022-01-02 Kort bericht.\n", encoding="utf-8")
    db = sqlite_utils.Database(tmp_path / "archive.db")
    assert ingest_paths(db, [path], read_options=ReadOptions(max_record_bytes=500)).rejected == 1
    summary = ingest_paths(db, [path], read_options=ReadOptions(max_record_bytes=100_000))
    assert summary.new_articles == 1 and summary.duplicates == 1
    assert rows(db, "select status from records where source_id = 1 order by position") == [("superseded",), ("new",)]


def test_case_newsplease_json_reread_with_field_options_is_not_skipped(tmp_path):
    path = tmp_path / "sample.json"
    shutil.copy(CASES / "formats/newsplease-json/sample.json", path)
    db_path = tmp_path / "archive.db"
    assert run_cli("ingest", path, "--db", db_path).exit_code == 0
    result = run_cli("ingest", path, "--db", db_path, "--field", "date=date_publish", "--field", "source=source_domain")
    assert result.exit_code == 0, result.output
    assert "records read: 1" in result.stdout and "files already ingested" not in result.stdout
    db = sqlite_utils.Database(db_path)
    assert db["articles"].count == 1
    assert rows(db, "select date, date_precision, source from articles") == [("2021-03-17", "day", "www.nu.nl")]


def test_archives_made_before_read_as_keep_skipping_their_files(tmp_path):
    db = sqlite_utils.Database(tmp_path / "archive.db")
    ingest_paths(db, [SEED])
    db.execute("update sources set read_as = null")
    db.execute("drop index idx_sources_sha256")
    db.execute("create unique index idx_sources_sha256 on sources (sha256)")
    db.conn.commit()
    summary = ingest_paths(db, [SEED])
    assert summary.files_skipped == 1
    ensure_db_shape(db)
    assert not any(row[2] for row in db.execute("pragma index_list(sources)"))  # no longer unique
    assert ingest_paths(db, [SEED], source="NOS").files_skipped == 0


# ---------------------------------------------------------------- missing-value markers


MARKERS = ["NA", "N/A", "n/a", "NULL", "None", "nan", "-", ""]


@pytest.mark.parametrize("marker", MARKERS)
def test_missing_value_markers_in_csv_are_null_in_every_field(tmp_path, marker):
    path = tmp_path / "a.csv"
    path.write_text(f"date,title,author,source,url,id,rubriek,text\n{marker},{marker},{marker},{marker},{marker},{marker},{marker},Tekst van het artikel.\n", encoding="utf-8")
    (record,) = open_records(path)
    assert (record.date, record.title, record.author, record.source, record.url) == (None,) * 5
    assert record.extra == {}
    assert record.text == "Tekst van het artikel."


def test_missing_value_markers_in_json_and_tsv_are_null(tmp_path):
    json_path = tmp_path / "a.jsonl"
    json_path.write_text(
        json.dumps({"text": "Tekst.", "author": "NA", "authors": ["NA"], "title": None, "date": "NULL", "url": "n/a", "x": "None"})
        + "\n" + '{"text": "Twee.", "author": NaN, "source": "nan"}\n',
        encoding="utf-8",
    )
    first, second = open_records(json_path)
    assert (first.author, first.title, first.date, first.url) == (None, None, None, None)
    assert first.extra == {}
    assert (second.author, second.source, second.text) == (None, None, "Twee.")
    tsv_path = tmp_path / "a.tsv"
    tsv_path.write_text("text\tauthor\nTekst.\tN/A\n", encoding="utf-8")
    (record,) = open_records(tsv_path)
    assert record.author is None


def test_a_text_that_is_only_a_marker_is_rejected_as_empty(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("title,text\nKop,NA\n", encoding="utf-8")
    (record,) = open_records(path)
    assert record.rejected and "'text' is empty" in record.error


def test_an_author_called_na_is_not_stored(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("date,author,text\n2022-03-01,NA,Het nieuws van vandaag.\n", encoding="utf-8")
    db = sqlite_utils.Database(tmp_path / "archive.db")
    ingest_paths(db, [path])
    assert rows(db, "select author, extra from articles") == [(None, None)]


def test_reading_again_with_a_date_field_dates_the_articles_it_stored_without_one(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("verschenen,kopregel,text\n2021-03-17 21:45:00,Stembureaus sluiten later,Tekst over de stembureaus.\n", encoding="utf-8")
    db = sqlite_utils.Database(tmp_path / "archive.db")
    ingest_paths(db, [path])
    assert rows(db, "select date, title_derived from articles") == [(None, 1)]
    summary = ingest_paths(db, [path], read_options=ReadOptions(field_map={"date": "verschenen", "title": "kopregel"}), source="NU.nl")
    assert summary.duplicates == 1 and summary.new_articles == 0
    assert rows(db, "select date, date_precision, year, month, title, title_derived, source from articles") == [
        ("2021-03-17", "day", 2021, "2021-03", "Stembureaus sluiten later", 0, "NU.nl")
    ]
    assert rows(db, "select count(*) from articles_fts where articles_fts match 'title:sluiten'") == [(1,)]
    assert_fts_in_sync(db)


def test_a_duplicate_from_another_file_does_not_change_the_stored_article(tmp_path):
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text("text\nTekst over de stembureaus.\n", encoding="utf-8")
    second.write_text("date,text\n2021-03-17,Tekst over de stembureaus.\n", encoding="utf-8")
    db = sqlite_utils.Database(tmp_path / "archive.db")
    ingest_paths(db, [first, second])
    assert rows(db, "select date from articles") == [(None,)]


def test_a_rejected_file_read_again_under_another_path_does_not_pile_up_records(tmp_path, monkeypatch):
    path = tmp_path / "inca-export.csv"
    shutil.copy(CASES / "formats/inca-csv-reread/inca-export.csv", path)
    db = sqlite_utils.Database(tmp_path / "archive.db")
    ingest_paths(db, [path])
    monkeypatch.chdir(tmp_path)
    ingest_paths(db, ["inca-export.csv"])
    ingest_paths(db, [tmp_path])
    assert db["sources"].count == 1 and db["records"].count == 2


def test_a_nul_outside_a_json_string_costs_that_line_only(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "Een."}\n{"text": "Twee."}\x00\n{"text": "Drie."}\n', encoding="utf-8")
    records = list(open_records(path))
    assert [r.rejected for r in records] == [False, True, False]
    assert "line 2 is not valid JSON" in records[1].error


def test_a_nul_in_a_quoted_csv_field_spanning_lines_costs_nothing(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text('date,text\n2022-03-01,"Eerste alinea met de woning\x00en.\n\nTweede alinea."\n2022-03-02,Twee.\n', encoding="utf-8")
    first, second = open_records(path)
    assert first.text == "Eerste alinea met de woningen.\n\nTweede alinea." and "NUL" in first.error
    assert second.text == "Twee." and second.error is None


# ---------------------------------------------------------------- folders with nothing to read


def test_a_folder_without_files_is_named_in_a_warning(tmp_path):
    (tmp_path / "leeg").mkdir()
    result = run_cli("ingest", tmp_path / "leeg", "--db", tmp_path / "archive.db")
    assert result.exit_code == 0
    assert f"{tmp_path / 'leeg'}: warning: no input files in this folder" in result.stderr


def test_a_broken_link_and_a_pipe_in_a_folder_are_named_not_skipped_silently(tmp_path):
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "kapot.csv").symlink_to(tmp_path / "bestaat-niet.csv")
    os.mkfifo(folder / "pijp")
    shutil.copy(SEED, folder / "artikel.txt")
    result = run_cli("ingest", folder, "--db", tmp_path / "archive.db")
    assert result.exit_code == 0 and "new articles: 1" in result.stdout
    assert f"{folder / 'kapot.csv'}: warning: skipped: a broken link" in result.stderr
    assert f"{folder / 'pijp'}: warning: skipped: not a regular file" in result.stderr


def test_files_in_hidden_folders_are_not_input(tmp_path):
    folder = tmp_path / "export"
    (folder / ".git").mkdir(parents=True)
    shutil.copy(SEED, folder / ".git" / "config.txt")
    shutil.copy(SEED, folder / "artikel.txt")
    result = run_cli("ingest", folder, "--db", tmp_path / "archive.db")
    assert "records read: 1," in result.stdout


# Text that is not valid Unicode: half of a UTF-16 pair, file names and options that are not UTF-8


def test_a_record_with_half_an_emoji_is_stored_with_a_replacement_character_and_a_warning(tmp_path):
    path = tmp_path / "scraped.jsonl"
    broken = {"date": "2024-01-01", "title": "Emoji \ud83d", "text": "Een kapotte emoji \ud83d in Utrecht.", "tags": ["a\udc00"]}
    whole = {"date": "2024-01-02", "title": "Heel", "text": "Een gewone tekst over Den Haag."}
    path.write_text(json.dumps(broken) + "\n" + json.dumps(whole) + "\n")
    result = run_cli("ingest", path, "--db", tmp_path / "a.db")
    assert result.exit_code == 0, result.output
    assert "3 broken character(s)" in result.output
    db = sqlite_utils.Database(tmp_path / "a.db")
    assert [r["body"] for r in db["articles"].rows] == ["Een kapotte emoji \ufffd in Utrecht.", "Een gewone tekst over Den Haag."]
    assert json.loads(db["articles"].get(1)["extra"]) == {"tags": ["a\ufffd"]}
    raw = run_cli("raw", tmp_path / "a.db", 1)
    assert "\\ud83d" in raw.output  # the record as it was, escape and all


def test_a_file_whose_name_is_not_utf8_is_ingested_and_its_name_stored_with_escapes(tmp_path):
    folder = tmp_path / "export"
    folder.mkdir()
    name = os.fsdecode(b"caf\xe9.jsonl")
    (folder / name).write_text(json.dumps({"date": "2024-01-01", "text": "Een tekst over Leiden."}) + "\n")
    result = run_cli("ingest", folder, "--db", tmp_path / "a.db")
    assert result.exit_code == 0, result.output
    path = sqlite_utils.Database(tmp_path / "a.db").execute("select path from sources").fetchone()[0]
    assert path.endswith("caf\\xe9.jsonl")


def test_a_source_option_that_is_not_utf8_is_refused_with_a_reason(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"date": "2024-01-01", "text": "Een tekst."}) + "\n")
    result = run_cli("ingest", path, "--db", tmp_path / "a.db", "--source", os.fsdecode(b"NO\xffS"))
    assert result.exit_code == 2
    assert "is not valid UTF-8" in result.output
