"""Datasette reads the archive while an ingest writes it (WAL): no errors, no half-written articles."""

import asyncio
import subprocess
import sys

import sqlite_utils
from datasette.app import Datasette

from ingest.schema import ensure_db_shape

from conftest import write_corpus

HALF_WRITTEN = """select
  (select count(*) from articles a where not exists (select 1 from article_paragraphs ap where ap.article_id = a.id))
  + (select count(*) from records r where r.status in ('new', 'duplicate') and r.article_id not in (select id from articles))
  as broken, (select count(*) from articles) as articles"""


def test_readers_never_see_an_error_or_a_half_written_article(tmp_path):
    corpus = write_corpus(tmp_path / "corpus.txt", articles=3000)
    db_path = tmp_path / "archive.db"
    ensure_db_shape(sqlite_utils.Database(db_path))  # Datasette opens an existing file
    writer = subprocess.Popen(
        [sys.executable, "-m", "ingest", "ingest", str(corpus), "--db", str(db_path), "--workers", "1", "--quiet"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )

    async def read_while_writing():
        datasette = Datasette([str(db_path)])
        seen = []
        while writer.poll() is None:
            response = await datasette.client.get("/archive.json", params={"sql": HALF_WRITTEN, "_shape": "array"})
            assert response.status_code == 200, response.text
            [row] = response.json()
            assert row["broken"] == 0
            seen.append(row["articles"])
            page = await datasette.client.get("/archive/articles.json?_shape=array&_size=5&_sort_desc=id")
            assert page.status_code == 200, page.text
            await asyncio.sleep(0.02)
        return seen

    seen = asyncio.run(read_while_writing())
    assert writer.wait() == 0, writer.stderr.read()
    assert any(0 < n < 3000 for n in seen), "no read happened while the ingest was writing"
