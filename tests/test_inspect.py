"""news-archive inspect: a dry run that shows the format and why, the field mapping, the first records and
every problem, and writes nothing."""

from click.testing import CliRunner

from conftest import FIXTURES
from ingest.cli import cli
from ingest.inspect import inspect_files

CASES = FIXTURES / "cases" / "formats"


def test_inspect_reports_format_fields_records_and_problems(tmp_path):
    (report,) = inspect_files([FIXTURES / "formats" / "lexisnexis-3docs-one-damaged.txt"], sample=2)
    assert report.detection.format == "lexisnexis" and "N of M DOCUMENTS" in report.detection.reason
    assert (report.records, report.stored) == (3, 2)
    assert set(report.fields["author"]) == {"BYLINE"}
    first = report.samples[0]
    assert first["title"] == "Nieuwe sluis bij IJmuiden krijgt groen licht" and first["date"] == "2010-02-03"
    assert first["paragraphs"] == 2 and first["first_paragraph"].startswith("De bouw van de grootste zeesluis")
    assert len(report.problems) == 1 and "rejected: LexisNexis document 2 of 3" in report.problems[0]


def test_inspect_command_writes_nothing_and_exits_1_on_rejections(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["inspect", str(CASES / "newsapi-json" / "newsapi-top-headlines-nl.json"), "--records", "1"])
    assert result.exit_code == 1
    assert "format: json" in result.output and "recognised as: newsapi (3)" in result.output
    assert "source  <- 'source'" in result.output and "date    <- 'publishedAt'" in result.output
    assert "record 1 (line 5)" in result.output and "record 2" not in result.output
    assert "rejected: the text field 'content' is empty" in result.output
    assert list(tmp_path.iterdir()) == []


def test_inspect_command_exit_0_when_all_records_read():
    result = CliRunner().invoke(cli, ["inspect", str(CASES / "trafilatura-json")])
    assert result.exit_code == 0, result.output
    assert "recognised as: trafilatura (1)" in result.output and "paragraphs: 7" in result.output


def test_inspect_warns_about_files_without_articles_as_ingest_does(tmp_path):
    """Empty, whitespace-only, header-only and ``[]`` files: inspect names the same warning ingest prints."""
    import sqlite_utils

    from ingest.archive import ingest_paths

    files = {
        "leeg.txt": "",
        "spaties.txt": " \n\n\t \r\n",
        "kop.csv": "\ufeffdatum;titel;tekst\n",
        "kop.tsv": "datum\ttitel\ttekst\r\n\r\n",
        "leeg.json": "[]\n",
    }
    export = tmp_path / "export"
    export.mkdir()
    for name, content in files.items():
        (export / name).write_text(content, encoding="utf-8")
    problems = []
    ingest_paths(sqlite_utils.Database(tmp_path / "archive.db"), [export], on_problem=problems.append)
    reports = inspect_files([export])
    assert [f"{r.path}: {p}" for r in reports for p in r.problems] == sorted(problems)
    by_name = {r.path.rsplit("/", 1)[-1]: r.problems for r in reports}
    assert by_name["leeg.txt"] == by_name["spaties.txt"] == ["warning: empty file, no articles"]
    assert by_name["kop.csv"] == by_name["kop.tsv"] == ["warning: header row only, no articles"]
    assert by_name["leeg.json"] == ["warning: an empty JSON list, no articles"]
    result = CliRunner().invoke(cli, ["inspect", str(export / "leeg.txt")])
    assert result.exit_code == 0 and "problems: 1\n    warning: empty file, no articles" in result.output


def test_inspect_names_a_folder_without_files_as_ingest_does(tmp_path):
    (tmp_path / "leeg").mkdir()
    result = CliRunner().invoke(cli, ["inspect", str(tmp_path / "leeg")])
    assert f"{tmp_path / 'leeg'}: warning: no input files in this folder" in result.stderr
