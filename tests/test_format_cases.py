"""The cases of issue 13 (database exports and scraper output), each asserting the case's Expected values.

The inputs are copies of ../shared/cases/formats/*/ in tests/fixtures/cases/formats/.
"""

import json

import sqlite_utils

from conftest import FIXTURES
from ingest.archive import ingest_paths

CASES = FIXTURES / "cases" / "formats"
METADATA = ("BYLINE", "LENGTH:", "LOAD-DATE", "LANGUAGE:", "PUBLICATION-TYPE", "Copyright", "DOCUMENTS", "Download Request",
            "woorden", "Document TELEGR", "Document AD0", "[+", "|")


def ingest(tmp_path, path):
    db = sqlite_utils.Database(tmp_path / "archive.db")
    problems = []
    summary = ingest_paths(db, [path], on_problem=problems.append)
    return db, summary, problems


def articles(db):
    return list(db.query("select * from articles order by id"))


def paragraphs(db, article_id):
    return [
        row["text"]
        for row in db.query(
            "select text from article_paragraphs join paragraphs on paragraphs.id = paragraph_id "
            "where article_id = ? order by position",
            [article_id],
        )
    ]


def assert_no_metadata_in_bodies(db):
    for article in articles(db):
        for marker in METADATA:
            assert marker not in article["body"], (marker, article["title"])


def test_lexisnexis_export_is_split_into_its_documents(tmp_path):
    db, summary, _ = ingest(tmp_path, CASES / "lexisnexis-txt" / "lexisnexis-2docs.TXT")
    first, second = articles(db)
    assert (first["date"], first["source"], first["author"], first["title"]) == (
        "2010-01-11", "De Telegraaf", "Sanne de Wit", "Gladheid zet oosten van het land op slot",
    )
    assert (second["date"], second["source"], second["author"], second["title"]) == (
        "2010-01-11", "AD/Algemeen Dagblad", "Redactie Binnenland", "Strooiwagens rijden de hele nacht door",
    )
    assert len(paragraphs(db, first["id"])) == 3
    second_paragraphs = paragraphs(db, second["id"])
    assert len(second_paragraphs) == 4
    assert any(p.startswith("Het KNMI gaf voor Gelderland, Overijssel en Drenthe code oranje af.") for p in second_paragraphs)
    assert first["removed_chars"] == second["removed_chars"] == 0
    assert summary.rejected == 0
    assert_no_metadata_in_bodies(db)
    extra = json.loads(first["extra"])
    assert extra["length"] == "412 words" and extra["load_date"] == "January 12, 2010" and extra["language"] == "DUTCH"


def test_factiva_export_is_split_at_its_document_lines(tmp_path):
    db, summary, _ = ingest(tmp_path, CASES / "factiva-txt" / "factiva-2docs.txt")
    first, second = articles(db)
    assert (first["date"], first["source"], first["title"]) == (
        "2021-09-14", "De Telegraaf", "Gemeente wil meer fietsenstallingen bij stations",
    )
    assert (second["date"], second["source"], second["title"]) == (
        "2021-09-14", "Algemeen Dagblad", "Eerste storm van het seizoen raast over de kust",
    )
    assert [len(paragraphs(db, a["id"])) for a in (first, second)] == [2, 2]
    assert json.loads(first["extra"])["id"] == "TELEGR0020210914eh9e0000b"
    assert summary.rejected == 0
    assert_no_metadata_in_bodies(db)


def test_newsplease_date_publish_and_source_domain(tmp_path):
    db, summary, problems = ingest(tmp_path, CASES / "newsplease-json" / "sample.json")
    (article,) = articles(db)
    assert (article["date"], article["date_precision"], article["source"]) == ("2021-03-17", "day", "www.nu.nl")
    assert article["author"] == "Sanne de Wit" and article["url"].startswith("https://www.nu.nl/politiek/")
    assert summary.rejected == 0


def test_newsapi_source_name_and_cut_off_marker(tmp_path):
    db, summary, problems = ingest(tmp_path, CASES / "newsapi-json" / "newsapi-top-headlines-nl.json")
    rows = articles(db)
    assert [a["source"] for a in rows] == ["Www.nu.nl", "NOS"]
    assert [a["date"] for a in rows] == ["2021-06-08", "2021-06-08"]
    assert [json.loads(a["extra"])["truncated_chars"] for a in rows] == [1401, 75]
    assert all("chars]" not in a["body"] for a in rows)
    assert summary.rejected == 1 and "'content' is empty" in problems[0]  # the item with "content": null


def test_trafilatura_url_outlet_and_one_paragraph_per_line(tmp_path):
    db, _, _ = ingest(tmp_path, CASES / "trafilatura-json" / "nos-dorpsscholen.trafilatura.json")
    (article,) = articles(db)
    assert article["url"] == "https://nos.nl/artikel/9990004-kabinet-trekt-300-miljoen-uit-voor-dorpsscholen"
    assert (article["source"], article["date"], article["author"]) == ("NOS", "2021-03-23", "Sanne de Wit")
    assert len(paragraphs(db, article["id"])) == 7


INCA_PARAGRAPHS = [
    "De gemeente Groningen wil bij drie stations samen vijfduizend extra plekken voor fietsen maken, meldt de "
    "verantwoordelijke wethouder dinsdag.",
    "Vooral bij het hoofdstation staan fietsen nu vaak kriskras op de stoep.",
    "Reizigers klagen al jaren dat ze in de spits geen plek kunnen vinden.",
    "Ondergrondse stalling",
    "Bij het hoofdstation komt een stalling onder het plein. De bouw begint volgend voorjaar en moet twee jaar duren.",
]


def test_inca_paragraph_markers_become_paragraphs(tmp_path):
    db, _, _ = ingest(tmp_path, CASES / "inca-json" / "inca-export.json")
    (article,) = articles(db)
    assert paragraphs(db, article["id"]) == INCA_PARAGRAPHS
    assert "|" not in article["body"]
    assert (article["date"], article["author"]) == ("2021-09-14", "Redactie Binnenland")


def assert_the_two_inca_articles(db, summary):
    """The ES response and the INCA CSV hold the same two articles (2021-09-14) as read from ``_source``."""
    rows = articles(db)
    assert [(a["title"], a["date"], a["author"]) for a in rows] == [
        ("Gemeente wil meer fietsenstallingen bij stations", "2021-09-14", "Redactie Binnenland"),
        ("Eerste storm van het seizoen raast over de kust", "2021-09-14", "ANP"),
    ]
    assert summary.rejected == 0
    assert paragraphs(db, rows[0]["id"]) == INCA_PARAGRAPHS
    assert all("|" not in a["body"] for a in rows)


def test_elasticsearch_search_response_is_unwrapped(tmp_path):
    assert_the_two_inca_articles(*ingest(tmp_path, CASES / "elasticsearch-response" / "es-search-response.json")[:2])


def test_inca_csv_source_prefixed_columns_map_without_field_options(tmp_path):
    assert_the_two_inca_articles(*ingest(tmp_path, CASES / "inca-csv-reread" / "inca-export.csv")[:2])
