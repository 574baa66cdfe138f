"""Facets over very large results are counted over the newest rows, and say so.

A real archive of 30 articles, with the sample size lowered to 10 so that a
search for a common word is a "large" result.
"""

import asyncio

import pytest
import sqlite_utils
from click.testing import CliRunner
from datasette.app import Datasette

from conftest import FIXTURES
from datasette_news_archive import large_results
from ingest.cli import cli

ARTICLES = FIXTURES / "cases" / "listings" / "paging-ties" / "articles.jsonl"


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    path = tmp_path_factory.mktemp("large") / "archive.db"
    result = CliRunner().invoke(cli, ["ingest", str(ARTICLES), "--db", str(path)])
    assert result.exit_code == 0, result.output
    return path


def get_json(path, url):
    response = asyncio.run(Datasette([str(path)]).client.get(url))
    assert response.status_code == 200, response.text[:300]
    return response.json()


def matching_ids(path, word):
    db = sqlite_utils.Database(path)
    return [row[0] for row in db.execute("select rowid from articles_fts where articles_fts match ? order by rowid", [word])]


def month_counts(path, ids):
    db = sqlite_utils.Database(path)
    counts = {}
    for (month,) in db.execute(f"select month from articles where id in ({','.join(map(str, ids))})"):
        counts[month] = counts.get(month, 0) + 1
    return counts


def test_facets_of_a_result_larger_than_the_sample_are_counted_over_its_newest_rows(archive, monkeypatch):
    monkeypatch.setattr(large_results, "FACET_SAMPLE", 10)
    ids = matching_ids(archive, "de")
    assert len(ids) > 10
    page = get_json(archive, "/archive/articles.json?_search=de&_facet=month")
    month = next(f for f in page["facet_results"].values() if f["name"] == "month")
    assert month["sample"] == {"rows": 10, "of": "most recently added"}
    assert {r["value"]: r["count"] for r in month["results"]} == month_counts(archive, ids[-10:])


def test_the_row_count_of_a_sampled_result_is_still_exact(archive, monkeypatch):
    monkeypatch.setattr(large_results, "FACET_SAMPLE", 10)
    page = get_json(archive, "/archive/articles.json?_search=de")
    assert page["filtered_table_rows_count"] == len(matching_ids(archive, "de"))


def test_every_facet_of_a_sampled_page_carries_the_note(archive, monkeypatch):
    monkeypatch.setattr(large_results, "FACET_SAMPLE", 10)
    page = get_json(archive, "/archive/articles.json?_search=de&_facet=month&_facet=source")
    assert page["facet_results"]
    assert all(f["sample"]["rows"] == 10 for f in page["facet_results"].values())


def test_facets_of_a_result_within_the_sample_size_are_exact_and_unlabelled(archive, monkeypatch):
    monkeypatch.setattr(large_results, "FACET_SAMPLE", 1000)
    ids = matching_ids(archive, "de")
    page = get_json(archive, "/archive/articles.json?_search=de&_facet=month")
    month = next(f for f in page["facet_results"].values() if f["name"] == "month")
    assert "sample" not in month
    assert {r["value"]: r["count"] for r in month["results"]} == month_counts(archive, ids)


def test_an_unfiltered_table_is_counted_exactly(archive, monkeypatch):
    monkeypatch.setattr(large_results, "FACET_SAMPLE", 10)
    page = get_json(archive, "/archive/articles.json?_facet=month")
    month = next(f for f in page["facet_results"].values() if f["name"] == "month")
    assert "sample" not in month
    assert sum(r["count"] for r in month["results"]) == 30


def test_the_page_says_which_facets_were_counted_over_a_sample(archive, monkeypatch):
    monkeypatch.setattr(large_results, "FACET_SAMPLE", 10)
    response = asyncio.run(Datasette([str(archive)]).client.get("/archive/articles?_search=de"))
    assert response.status_code == 200
    assert "counted over the 10 most recently added" in response.text
