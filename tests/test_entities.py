"""The database side of mentions: entities, mentions, facet columns, user entities, re-extraction."""

import json

from click.testing import CliRunner

from ingest.archive import ingest_paths
from ingest.cli import cli
from conftest import FIXTURES, SEED

SEED_PEOPLE = ["Vladimir Poetin", "Recep Tayyip Erdogan", "Joe Biden", "Volodymyr Zelensky", "Olaf Scholz", "Emmanuel Macron"]


def test_seed_article_lists_its_people_places_and_organisations(seed_db):
    article = next(seed_db["articles"].rows)
    assert json.loads(article["people"]) == SEED_PEOPLE
    assert set(json.loads(article["places"])) >= {"Rusland", "Turkije", "Oekraïne", "Verenigde Staten", "Syrië", "Libië", "Kaukasus"}
    assert json.loads(article["organizations"]) == ["NAVO", "Kremlin"]


def test_every_poetin_in_the_seed_is_linked_to_vladimir_poetin(seed_db):
    rows = list(seed_db.query("select m.text, e.name from mentions m join entities e on e.id = m.entity_id where m.text like '%Poetin%'"))
    assert len(rows) == 5
    assert {r["name"] for r in rows} == {"Vladimir Poetin"}


def test_mention_offsets_slice_the_paragraph_text(seed_db):
    rows = list(seed_db.query("select m.start, m.[end], m.text, p.text as paragraph from mentions m join paragraphs p on p.id = m.paragraph_id"))
    assert rows
    assert all(r["paragraph"][r["start"] : r["end"]] == r["text"] for r in rows)


def test_entity_counts_match_the_mentions(seed_db):
    counts = seed_db.execute(
        """select count(*) from entities e where mention_count != (select count(*) from mentions where entity_id = e.id)
        or article_count != (select count(distinct article_id) from mentions where entity_id = e.id)"""
    ).fetchone()[0]
    assert counts == 0
    assert seed_db.execute("select mention_count from entities where name = 'Vladimir Poetin'").fetchone()[0] == 5


def test_counts_add_up_across_runs(tmp_path, db):
    ingest_paths(db, [SEED])
    ingest_paths(db, [FIXTURES / "three_articles.txt"])
    wrong = db.execute(
        "select count(*) from entities e where mention_count != (select count(*) from mentions where entity_id = e.id)"
    ).fetchone()[0]
    assert wrong == 0


def write_entities(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("name,type,wikidata,aliases\nLotte Jansen,person,,wethouder Jansen\nVladimir Poetin,person,Q7747,Vova\n", encoding="utf-8")
    return path


def test_a_user_entities_file_adds_entities_and_aliases(tmp_path):
    text = tmp_path / "utrecht.txt"
    text.write_text("date 2023-05-10 Volgens wethouder Jansen en Vova is het plan klaar. Lotte Jansen is blij.\n", encoding="utf-8")
    db_path = str(tmp_path / "a.db")
    result = CliRunner().invoke(cli, ["ingest", str(text), "--db", db_path, "--entities", str(write_entities(tmp_path))])
    assert result.exit_code == 0, result.output
    import sqlite_utils

    db = sqlite_utils.Database(db_path)
    assert json.loads(next(db["articles"].rows)["people"]) == ["Lotte Jansen", "Vladimir Poetin"]


def test_extract_reruns_extraction_with_new_entities(tmp_path):
    import sqlite_utils

    text = tmp_path / "utrecht.txt"
    text.write_text("date 2023-05-10 Volgens Vova is het plan klaar.\n", encoding="utf-8")
    db_path = str(tmp_path / "a.db")
    CliRunner().invoke(cli, ["ingest", str(text), "--db", db_path])
    db = sqlite_utils.Database(db_path)
    assert "Vladimir Poetin" not in next(db["articles"].rows)["people"]
    result = CliRunner().invoke(cli, ["extract", "--db", db_path, "--entities", str(write_entities(tmp_path))])
    assert result.exit_code == 0, result.output
    assert json.loads(next(db["articles"].rows)["people"]) == ["Vladimir Poetin"]
    assert db.execute("select mention_count from entities where name = 'Vladimir Poetin'").fetchone()[0] == 1


def test_extract_twice_changes_nothing(seed_db, tmp_path):
    from ingest.entities import reextract_mentions

    before = {name: list(seed_db[name].rows) for name in ("mentions", "entities", "articles")}
    reextract_mentions(seed_db, [1])
    after = {name: list(seed_db[name].rows) for name in ("mentions", "entities", "articles")}
    assert [{k: v for k, v in r.items() if k != "id"} for r in before["mentions"]] == [
        {k: v for k, v in r.items() if k != "id"} for r in after["mentions"]
    ]
    assert before["articles"] == after["articles"]


def test_a_bad_entities_file_is_a_fatal_error_that_names_the_file(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("naam,soort\nPoetin,persoon\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(SEED), "--db", str(tmp_path / "a.db"), "--entities", str(bad)])
    assert result.exit_code == 2
    assert "bad.csv" in result.output and "line 1" in result.output
