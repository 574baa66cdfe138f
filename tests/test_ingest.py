import shutil
from pathlib import Path

from click.testing import CliRunner
import sqlite_utils

from ingest.archive import ingest_paths, raw_record
from ingest.cli import cli
from conftest import FIXTURES, SEED, assert_fts_in_sync


def table_counts(db):
    return {name: db[name].count for name in db.table_names()}


def run_cli(*args):
    return CliRunner().invoke(cli, list(args))


def test_seed_ingests_to_one_article_with_four_paragraphs(seed_db):
    assert seed_db["articles"].count == 1
    assert seed_db["paragraphs"].count == 4
    assert [r["status"] for r in seed_db["records"].rows] == ["new"]
    article = next(seed_db["articles"].rows)
    assert article["date"] == "2022-01"
    assert article["year"] == 2022
    assert article["month"] == "2022-01"
    assert article["date_precision"] == "month"
    assert article["removed_chars"] > 1000
    assert article["title_derived"] == 1
    assert article["title"].startswith("De Russische president Vladimir Poetin heeft zondag")


def test_article_body_is_its_paragraphs_in_order_joined_by_a_blank_line(seed_db):
    paragraphs = [
        row["text"]
        for row in seed_db.query(
            "select text from article_paragraphs join paragraphs on paragraphs.id = paragraph_id order by position"
        )
    ]
    assert next(seed_db["articles"].rows)["body"] == "\n\n".join(paragraphs)


def test_ingesting_the_same_files_again_changes_nothing(tmp_path, seed_db):
    before = table_counts(seed_db)
    summary = ingest_paths(seed_db, [SEED])
    assert table_counts(seed_db) == before
    assert summary.files_skipped == 1


def test_a_copy_of_an_ingested_file_under_another_name_adds_no_record(tmp_path, seed_db):
    copy = tmp_path / "copy.txt"
    shutil.copy(SEED, copy)
    before = table_counts(seed_db)
    ingest_paths(seed_db, [copy])
    assert table_counts(seed_db) == before


def test_several_articles_in_one_file_become_separate_articles(db):
    summary = ingest_paths(db, [FIXTURES / "three_articles.txt"])
    assert summary.new_articles == 3
    rows = list(db.query("select date, date_precision, body from articles order by id"))
    assert [(r["date"], r["date_precision"]) for r in rows] == [("2023-03-15", "day"), ("2023-03", "month"), ("2023-04-02", "day")]
    assert rows[2]["body"] == (
        "Het KNMI waarschuwt voor zware windstoten in het noorden van het land. Op de Waddeneilanden kan het stormen."
        "\n\nTreinreizigers moeten rekening houden met vertraging."
    )


def test_exact_duplicates_across_files_and_runs_are_one_article(db):
    ingest_paths(db, [FIXTURES / "three_articles.txt"])
    summary = ingest_paths(db, [FIXTURES / "duplicate_of_ajax.txt"])
    assert (summary.new_articles, summary.duplicates) == (0, 1)
    duplicate = next(db.query("select article_id from records where status = 'duplicate'"))
    original = next(db.query("select article_id from records where status = 'new' and position = 1"))
    assert duplicate["article_id"] == original["article_id"]
    assert db["articles"].count == 3


def test_raw_text_of_every_record_is_recoverable(db):
    ingest_paths(db, [FIXTURES / "three_articles.txt"])
    raws = [raw_record(db, row["id"]).decode("utf-8") for row in db.query("select id from records order by position")]
    assert "".join(raws) == (FIXTURES / "three_articles.txt").read_text(encoding="utf-8")


def test_full_text_search_ignores_diacritics(seed_db):
    for query in ("oekraine", "poetin", "Oekraïne"):
        assert [r["rowid"] for r in seed_db.query("select rowid from articles_fts where articles_fts match ?", [query])] == [1]
    assert list(seed_db.query("select rowid from paragraphs_fts where paragraphs_fts match 'oekraine'"))


def test_full_text_indexes_match_their_tables_after_several_runs(db):
    ingest_paths(db, [FIXTURES / "three_articles.txt"])
    ingest_paths(db, [SEED, FIXTURES / "near_duplicates.txt"])
    assert_fts_in_sync(db)


def test_unparseable_date_keeps_the_article_with_a_warning(tmp_path, db):
    path = tmp_path / "bad_date.txt"
    path.write_text("date 2022-13-40 Een artikel met een kapotte datum.\n", encoding="utf-8")
    summary = ingest_paths(db, [path])
    assert summary.new_articles == 1 and summary.rejected == 0
    record = next(db["records"].rows)
    assert record["status"] == "new"
    assert "2022-13-40" in record["error"]
    assert next(db["articles"].rows)["date"] is None


def test_record_without_text_is_rejected_with_a_reason(tmp_path, db):
    path = tmp_path / "empty.txt"
    path.write_text("date 2022-01-01\n\ndate 2022-01-02 Wel tekst hier.\n", encoding="utf-8")
    summary = ingest_paths(db, [path])
    assert (summary.new_articles, summary.rejected) == (1, 1)
    rejected = next(db.query("select * from records where status = 'rejected'"))
    assert rejected["error"] == "record has no text" and rejected["article_id"] is None


def test_text_without_a_header_is_kept_without_a_date(tmp_path, db):
    path = tmp_path / "no_header.txt"
    path.write_text("Een los bericht zonder kop.\n", encoding="utf-8")
    ingest_paths(db, [path])
    assert next(db["articles"].rows)["date"] is None
    assert "no 'date" in next(db["records"].rows)["error"]


def test_cli_prints_a_summary_and_exits_zero(tmp_path):
    result = run_cli("ingest", str(SEED), "--db", str(tmp_path / "a.db"))
    assert result.exit_code == 0, result.output
    assert "records read: 1, new articles: 1, exact duplicates: 0, near duplicates: 0, paragraphs stored: 4" in result.output
    assert "rejected: 0" in result.output


def test_cli_walks_directories_and_sets_the_source(tmp_path):
    folder = tmp_path / "input" / "nested"
    folder.mkdir(parents=True)
    shutil.copy(SEED, folder / "seed.txt")
    shutil.copy(FIXTURES / "three_articles.txt", tmp_path / "input" / "three.txt")
    result = run_cli("ingest", str(tmp_path / "input"), "--db", str(tmp_path / "a.db"), "--source", "NOS")
    assert result.exit_code == 0, result.output
    db = sqlite_utils.Database(tmp_path / "a.db")
    assert {r["source"] for r in db["articles"].rows} == {"NOS"}
    assert [Path(r["path"]).name for r in db.query("select path from sources order by id")] == ["seed.txt", "three.txt"]


def test_cli_exits_one_when_a_record_was_rejected(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("date 2022-01-01\n\ndate 2022-01-02 Wel tekst hier.\n", encoding="utf-8")
    result = run_cli("ingest", str(path), "--db", str(tmp_path / "a.db"))
    assert result.exit_code == 1
    assert f"{path}:1: rejected: record has no text" in result.output


def test_cli_exits_two_when_the_path_is_missing(tmp_path):
    result = run_cli("ingest", str(tmp_path / "missing.txt"), "--db", str(tmp_path / "a.db"))
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_cli_exits_two_when_the_database_cannot_be_written(tmp_path):
    result = run_cli("ingest", str(SEED), "--db", str(tmp_path / "no" / "such" / "dir" / "a.db"))
    assert result.exit_code == 2
    assert "cannot open database" in result.output


def test_cli_raw_prints_the_original_record(tmp_path):
    run_cli("ingest", str(SEED), "--db", str(tmp_path / "a.db"))
    result = run_cli("raw", str(tmp_path / "a.db"), "1")
    assert result.output == SEED.read_text(encoding="utf-8")


def test_cli_reads_standard_input_with_a_format(tmp_path):
    lines = '{"tekst": "Het KNMI waarschuwt voor storm.", "datum": "3 maart 2023", "krant": "NRC"}\n'
    result = CliRunner().invoke(cli, ["ingest", "-", "--format", "jsonl", "--db", str(tmp_path / "a.db")], input=lines)
    assert result.exit_code == 0, result.output
    article = next(sqlite_utils.Database(tmp_path / "a.db")["articles"].rows)
    assert (article["date"], article["source"]) == ("2023-03-03", "NRC")


def test_cli_refuses_standard_input_without_a_format(tmp_path):
    result = CliRunner().invoke(cli, ["ingest", "-", "--db", str(tmp_path / "a.db")], input="x")
    assert result.exit_code == 2
    assert "needs --format" in result.output


def test_cli_field_option_names_the_text_column(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("Kop,Berichttekst\nStorm,Het KNMI waarschuwt voor storm.\n", encoding="utf-8")
    result = run_cli("ingest", str(path), "--db", str(tmp_path / "a.db"), "--field", "text=Berichttekst")
    assert result.exit_code == 0, result.output
    assert next(sqlite_utils.Database(tmp_path / "a.db")["articles"].rows)["body"] == "Het KNMI waarschuwt voor storm."


def test_cli_rejects_a_malformed_field_option(tmp_path):
    result = run_cli("ingest", str(SEED), "--db", str(tmp_path / "a.db"), "--field", "Berichttekst")
    assert result.exit_code == 2


def test_strict_stops_at_the_first_bad_record_and_changes_nothing(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_text("date 2022-01-02 Wel tekst hier.\ndate 2022-01-01\n\n", encoding="utf-8")
    result = run_cli("ingest", str(SEED), str(path), "--db", str(tmp_path / "a.db"), "--strict")
    assert result.exit_code == 1
    assert f"{path}:2: rejected: record has no text" in result.output
    db = sqlite_utils.Database(tmp_path / "a.db")
    assert all(db[name].count == 0 for name in ("articles", "records", "sources", "paragraphs"))


def test_a_binary_file_is_rejected_and_its_bytes_kept(tmp_path):
    data = bytes(range(256)) * 4
    (tmp_path / "photo.jpg").write_bytes(data)
    result = run_cli("ingest", str(tmp_path / "photo.jpg"), "--db", str(tmp_path / "a.db"))
    assert result.exit_code == 1
    db = sqlite_utils.Database(tmp_path / "a.db")
    record = next(db["records"].rows)
    assert record["status"] == "rejected" and "not text" in record["error"]
    assert raw_record(db, record["id"]) == data
    assert CliRunner().invoke(cli, ["raw", str(tmp_path / "a.db"), str(record["id"])]).stdout_bytes == data


def test_worker_processes_build_the_same_archive_as_one_process(tmp_path):
    fields = tmp_path / "fields.jsonl"
    fields.write_text('{"text": "Het KNMI waarschuwt.", "source": " NRC&#160;Handelsblad ", "author": "Jan\\u00c3\\u00a9 Smit"}\n', encoding="utf-8")
    inputs = [fields, FIXTURES / "input_markup.jsonl", FIXTURES / "input_nexis.csv", SEED, FIXTURES / "near_duplicates.txt"]
    archives = []
    for workers in (1, 2):
        db = sqlite_utils.Database(tmp_path / f"workers{workers}.db")
        ingest_paths(db, inputs, workers=workers)
        archives.append(
            {
                name: [{k: v for k, v in row.items() if k not in ("first_seen", "ingested_at", "completed_at")} for row in db[name].rows]
                for name in ("articles", "paragraphs", "records", "mentions", "article_versions")
            }
        )
    assert archives[0] == archives[1]
    assert (archives[1]["articles"][0]["source"], archives[1]["articles"][0]["author"]) == ("NRC Handelsblad", "Jané Smit")
