"""Excel workbooks (.xlsx) are read like CSV exports: the first row of each sheet names the columns."""

import datetime as dt
import sqlite3

import openpyxl
from click.testing import CliRunner

from ingest.cli import cli


def workbook(path, sheets):
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def ingest(*args):
    return CliRunner().invoke(cli, ["ingest", *map(str, args)])


def test_every_sheet_of_a_workbook_becomes_articles_with_dutch_column_names_and_excel_dates(tmp_path):
    path = workbook(tmp_path / "codering.xlsx", {
        "maart": [
            ["datum", "titel", "tekst", "bron"],
            [dt.datetime(2022, 3, 1), "Nieuwe brug", "De gemeente Utrecht bouwt een nieuwe brug over het kanaal.", "AD"],
            [None, None, None, None],
            ["2022-03-02", "Haven", "In Rotterdam zijn meer containers overgeslagen dan ooit, meldt het havenbedrijf.", "NOS"],
        ],
        "april": [
            ["titel", "tekst", "datum"],
            ["Storm", "Een zware storm trok dinsdag over de kust van Zeeland en Holland.", dt.date(2022, 4, 5)],
        ],
    })
    result = ingest(path, "--db", tmp_path / "archive.db")
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(tmp_path / "archive.db")
    assert conn.execute("select date, title, source from articles order by id").fetchall() == [
        ("2022-03-01", "Nieuwe brug", "AD"),
        ("2022-03-02", "Haven", "NOS"),
        ("2022-04-05", "Storm", None),
    ]
    assert conn.execute("select line from records order by id").fetchall() == [(2,), (4,), (2,)]


def test_raw_prints_a_workbook_row_as_its_cells(tmp_path):
    path = workbook(tmp_path / "a.xlsx", {"blad": [["titel", "tekst"], ["Kop", "De tekst van het artikel staat hier."]]})
    ingest(path, "--db", tmp_path / "archive.db")
    assert CliRunner().invoke(cli, ["raw", str(tmp_path / "archive.db"), "1"]).output == "Kop\tDe tekst van het artikel staat hier."


def test_a_damaged_workbook_is_one_rejected_record_that_says_so(tmp_path):
    path = tmp_path / "kapot.xlsx"
    good = workbook(tmp_path / "goed.xlsx", {"blad": [["titel", "tekst"], ["Kop", "Tekst."]]}).read_bytes()
    path.write_bytes(good[: len(good) // 2])
    result = ingest(path, "--db", tmp_path / "archive.db")
    assert result.exit_code == 1
    assert "kapot.xlsx" in result.stderr and "cannot be opened" in result.stderr


def test_inspect_names_the_workbook_format_and_its_columns(tmp_path):
    path = workbook(tmp_path / "a.xlsx", {"blad": [["kop", "inhoud"], ["Kop", "De tekst."]]})
    result = CliRunner().invoke(cli, ["inspect", str(path), "--field", "text=inhoud"])
    assert "format: xlsx" in result.output and "text    <- 'inhoud'" in result.output
