"""The site's configuration reaches every archive Datasette serves, whatever its file name.

The plugin is loaded the way users load it (the ``datasette`` entry point);
no test passes metadata, so what they see is what ``datasette nieuws.db`` and
``news-archive serve nieuws.db`` serve.
"""

import asyncio
import re
import shutil
import sqlite3

import pytest
from click.testing import CliRunner
from datasette.app import Datasette

from fixtures.frontend_archive import build_archive
from ingest.cli import cli


def get(datasette, path):
    return asyncio.run(datasette.client.get(path))


def links(page: str) -> list[str]:
    return re.findall(r'(?:href|src)="(/[^"]*)"', page)


def home_links(datasette) -> list[str]:
    home = get(datasette, "/").text
    start = home.split('<ul class="archive-start">', 1)[1].split("</ul>", 1)[0]
    return links(start)


@pytest.fixture(scope="module")
def nieuws(tmp_path_factory):
    directory = tmp_path_factory.mktemp("site")
    archive = build_archive(directory)
    return archive.rename(directory / "nieuws.db")


def test_an_archive_of_any_name_gets_every_home_page_link_and_each_answers_200(nieuws):
    datasette = Datasette([str(nieuws)])
    found = home_links(datasette)
    assert "/nieuws/search" in found and "/-/dashboards/nieuws-overview" in found
    for link in found:
        assert get(datasette, link).status_code == 200, link


def test_an_archive_of_any_name_gets_facets_search_and_the_article_page(nieuws):
    datasette = Datasette([str(nieuws)])
    page = get(datasette, "/nieuws/articles.json?_size=1").json()
    assert {"month", "source", "people", "places", "organizations"} <= set(page["facet_results"])
    hits = get(datasette, "/nieuws/search.json?_shape=array&q=poetin").json()
    assert hits and "<mark>" in hits[0]["snippet"]
    article = get(datasette, "/nieuws/articles/1").text
    assert 'class="paragraph"' in article and "mention-person" in article


def test_several_archives_served_at_once_each_get_the_configuration(nieuws, tmp_path):
    other = shutil.copy(nieuws, tmp_path / "kranten.db")
    datasette = Datasette([str(nieuws), str(other)])
    found = home_links(datasette)
    for name in ("nieuws", "kranten"):
        assert f"/{name}/search" in get(datasette, "/").text
        assert get(datasette, f"/-/dashboards/{name}-overview").status_code == 200
        assert get(datasette, f"/{name}/kwic.json?term=navo").status_code == 200
    assert all(get(datasette, link).status_code == 200 for link in found)


def test_a_database_that_is_not_an_archive_is_left_alone(nieuws, tmp_path):
    plain = tmp_path / "plain.db"
    with sqlite3.connect(plain) as conn:
        conn.execute("create table things (id integer primary key, name text)")
    datasette = Datasette([str(nieuws), str(plain)])
    assert get(datasette, "/plain/things").status_code == 200
    assert get(datasette, "/plain/search").status_code == 404
    assert "/plain/search" not in get(datasette, "/").text


def test_serve_refuses_a_database_that_is_not_an_archive_and_says_what_to_do(tmp_path):
    plain = tmp_path / "plain.db"
    with sqlite3.connect(plain) as conn:
        conn.execute("create table things (id integer primary key)")
    result = CliRunner().invoke(cli, ["serve", str(plain)])
    assert result.exit_code == 2
    assert "not a news archive" in result.output and "news-archive ingest" in result.output


def test_serve_refuses_a_file_that_is_not_there(tmp_path):
    result = CliRunner().invoke(cli, ["serve", str(tmp_path / "missing.db")])
    assert result.exit_code == 2 and "no such archive file" in result.output


def test_the_stylesheet_comes_from_the_plugin_package_under_base_url(nieuws):
    datasette = Datasette([str(nieuws)], settings={"base_url": "/nieuws/"})
    # Datasette's test client puts base_url in front of the paths it is given.
    page = get(datasette, "/nieuws/articles").text
    assert "/nieuws/-/static-plugins/news-archive/archive.css" in page
    assert get(datasette, "/-/static-plugins/news-archive/archive.css").status_code == 200
