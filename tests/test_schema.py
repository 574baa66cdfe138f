"""The database shape: the whole schema of a new archive, and archives written by earlier releases.

``tests/fixtures/releases/archive-0.1.0.db`` was written by release 0.1.0 (the
seed, three_articles.txt and near_duplicates.txt) before the layout changed.
"""

import asyncio
import re
import shutil
import sqlite3

from click.testing import CliRunner
from datasette.app import Datasette

from conftest import FIXTURES, ROOT
from ingest.cli import cli
from ingest.schema import ensure_db_shape

import sqlite_utils

RELEASE_0_1_0 = FIXTURES / "releases" / "archive-0.1.0.db"


def documented_schema() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- generated: schema -->\n(.*?)<!-- end generated -->", readme, re.DOTALL).group(1)
    return "\n".join(line[4:] for line in block.strip("\n").split("\n"))


def shape(path) -> dict:
    """Per table: its columns (name, type), and the names of its indexes and triggers."""
    conn = sqlite3.connect(path)
    try:
        tables = [row[0] for row in conn.execute("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")]
        return {
            table: (
                sorted((row[1], row[2]) for row in conn.execute(f"pragma table_info([{table}])")),
                sorted(row[1] for row in conn.execute(f"pragma index_list([{table}])") if not row[1].startswith("sqlite_autoindex")),
                sorted(row[0] for row in conn.execute("select name from sqlite_master where type = 'trigger' and tbl_name = ?", [table])),
            )
            for table in tables
        }
    finally:
        conn.close()


def test_a_new_archive_has_exactly_the_schema_the_readme_shows(tmp_path):
    db = sqlite_utils.Database(tmp_path / "archive.db")
    ensure_db_shape(db)
    assert db.schema == documented_schema()


def test_ensuring_the_shape_twice_changes_nothing(tmp_path):
    db = sqlite_utils.Database(tmp_path / "archive.db")
    ensure_db_shape(db)
    first = db.schema
    ensure_db_shape(db)
    assert db.schema == first


def test_an_archive_of_release_0_1_0_is_upgraded_in_place_to_the_current_shape(tmp_path):
    old = shutil.copy(RELEASE_0_1_0, tmp_path / "old.db")
    articles = sqlite3.connect(old).execute("select id, title, body from articles order by id").fetchall()
    result = CliRunner().invoke(cli, ["ingest", str(ROOT / "seeds"), "--db", str(old)])
    assert result.exit_code == 0, result.output
    fresh = sqlite_utils.Database(tmp_path / "fresh.db")
    ensure_db_shape(fresh)
    fresh.close()
    assert shape(old) == shape(tmp_path / "fresh.db")
    assert sqlite3.connect(old).execute("select id, title, body from articles order by id").fetchall() == articles
    assert sqlite3.connect(old).execute("pragma integrity_check").fetchone() == ("ok",)


def test_an_archive_of_release_0_1_0_is_served_with_the_whole_site(tmp_path):
    old = shutil.copy(RELEASE_0_1_0, tmp_path / "oud.db")
    datasette = Datasette([str(old)])

    def get(path):
        return asyncio.run(datasette.client.get(path))

    assert get("/oud/articles/1").status_code == 200
    assert get("/oud/search.json?q=poetin&_shape=array").json()
    assert get("/-/dashboards/oud-overview").status_code == 200
    assert get("/oud/articles.json?_facet=source").status_code == 200
