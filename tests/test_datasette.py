import asyncio

import pytest
import yaml
from datasette.app import Datasette

from conftest import ROOT


@pytest.fixture
def datasette(seed_db):
    metadata = yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8"))
    return Datasette([str(seed_db.conn.execute("pragma database_list").fetchone()[2])], metadata=metadata)


def get(datasette, path):
    return asyncio.run(datasette.client.get(path))


def test_articles_json_lists_the_seed_article(datasette):
    response = get(datasette, "/archive/articles.json?_shape=array")
    assert response.status_code == 200
    [article] = response.json()
    assert article["month"] == "2022-01"
    assert article["body"].count("\n\n") == 3


def test_articles_are_faceted_by_month_and_source(datasette):
    data = get(datasette, "/archive/articles.json").json()
    assert set(data["facet_results"]) >= {"month", "source"}
    assert data["facet_results"]["month"]["results"][0]["value"] == "2022-01"


def test_articles_search_finds_oekraine_without_diacritics(datasette):
    rows = get(datasette, "/archive/articles.json?_search=oekraine&_shape=array").json()
    assert [r["id"] for r in rows] == [1]


def test_internal_tables_are_hidden(datasette):
    tables = {t["name"]: t["hidden"] for t in get(datasette, "/archive.json").json()["tables"]}
    assert tables["articles"] is False
    assert all(tables[name] for name in ("sources", "raw_records", "articles_fts", "paragraphs_fts_data"))
