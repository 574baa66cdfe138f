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


# Issue 14: archive-level linking, user files win through `extract`, `other` kept out of facets.


def ingest_texts(tmp_path, db, *texts):
    path = tmp_path / "articles.txt"
    path.write_text("".join(f"date 2023-05-{i + 10} {text}\n\n" for i, text in enumerate(texts)), encoding="utf-8")
    return ingest_paths(db, [path])


def people(db):
    return [json.loads(row["people"]) for row in db.query("select people from articles order by id")]


def test_a_surname_alone_links_to_the_full_name_another_article_has(tmp_path, db):
    ingest_texts(tmp_path, db, "Minister Bart Ruisdael opende de brug.", "Volgens Ruisdael is het plan te duur.")
    assert people(db) == [["Bart Ruisdael"], ["Bart Ruisdael"]]
    row = db.execute("select mention_count, article_count from entities where name = 'Bart Ruisdael'").fetchone()
    assert row == (2, 2)
    assert db.execute("select count(*) from entities where name = 'Ruisdael'").fetchone()[0] == 0
    assert db.execute("select method from mentions where text = 'Ruisdael'").fetchone()[0] == "archive"


def test_a_surname_shared_by_two_full_names_stays_unlinked(tmp_path, db):
    ingest_texts(tmp_path, db, "Minister Bart Ruisdael opende de brug.", "Wethouder Pieter Ruisdael was er ook.",
                 "Volgens Ruisdael is het plan te duur.")
    linked = db.execute("select e.name from mentions m join entities e on e.id = m.entity_id where m.text = 'Ruisdael'")
    assert [row[0] for row in linked] == ["Ruisdael"]
    assert db.execute("select mention_count from entities where name = 'Bart Ruisdael'").fetchone()[0] == 1


def test_a_name_no_cue_typed_takes_the_type_cues_gave_it_in_another_article(tmp_path, db):
    ingest_texts(tmp_path, db, "Jan Aartsen werkt al jaren bij Veltrama.", "Volgens de directie maakte Veltrama verlies.")
    assert [json.loads(row["organizations"]) for row in db.query("select organizations from articles order by id")] \
        == [["Veltrama"], ["Veltrama"]]
    assert db.execute("select type, mention_count, article_count from entities where name = 'Veltrama'").fetchall() \
        == [("organization", 2, 2)]
    assert db.execute("select type, method from mentions where text = 'Veltrama' order by id").fetchall() \
        == [("organization", "rule"), ("organization", "archive")]


def test_a_name_typed_two_ways_elsewhere_stays_untyped_where_no_cue_stands(tmp_path, db):
    ingest_texts(tmp_path, db, "Jan Aartsen werkt al jaren bij Veltrama.", "De burgemeester van Veltrama is boos.",
                 "Volgens de directie maakte Veltrama verlies.")
    assert sorted(db.execute("select type from entities where name = 'Veltrama'").fetchall()) \
        == [("location",), ("organization",), ("other",)]


def ingest_then_extract(tmp_path, text, entity_file, entity_rows):
    """Ingest one article without user entities, then `extract` with a user file; the database."""
    import sqlite_utils

    path = tmp_path / "article.txt"
    path.write_text(f"date 2023-05-10 {text}\n", encoding="utf-8")
    db_path = str(tmp_path / "a.db")
    CliRunner().invoke(cli, ["ingest", str(path), "--db", db_path])
    mine = tmp_path / entity_file
    mine.write_text(entity_rows, encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", "--db", db_path, "--entities", str(mine)])
    assert result.exit_code == 0, result.output
    return sqlite_utils.Database(db_path)


def test_a_user_file_and_extract_give_one_entity_for_openbaar_ministerie_and_om(tmp_path):
    db = ingest_then_extract(tmp_path, "Het Openbaar Ministerie (OM) eist straf. Het OM zwijgt verder.", "mine.tsv",
                             "name\ttype\twikidata\taliases\nOpenbaar Ministerie\torganization\t\tOM\n")
    assert json.loads(next(db["articles"].rows)["organizations"]) == ["Openbaar Ministerie"]
    assert [r[0] for r in db.execute("select name from entities")] == ["Openbaar Ministerie"]
    assert db.execute("select mention_count from entities").fetchone()[0] == 3


def test_the_archive_keeps_a_user_file_for_later_ingests(tmp_path):
    db = ingest_then_extract(tmp_path, "Het Federaal Parket opent een onderzoek.", "mine.csv",
                             "name,type,wikidata,aliases\nFederaal Parket,organization,,Parket\n")
    later = tmp_path / "later.txt"
    later.write_text("date 2023-06-01 Volgens het Federaal Parket is de zaak rond.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(later), "--db", str(tmp_path / "a.db")])
    assert result.exit_code == 0, result.output
    assert db.execute("select type, article_count from entities where name = 'Federaal Parket'").fetchall() == [
        ("organization", 2)]


def test_a_later_user_file_replaces_the_row_of_the_same_name(tmp_path):
    db = ingest_then_extract(tmp_path, "Het concert in Veltrama was uitverkocht.", "mine.csv",
                             "name,type,wikidata,aliases\nVeltrama,organization,,\n")
    again = tmp_path / "again.csv"
    again.write_text("name,type,wikidata,aliases\nVeltrama,location,,Veltra\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", "--db", str(tmp_path / "a.db"), "--entities", str(again)])
    assert result.exit_code == 0, result.output
    assert list(db.execute("select name, type, aliases from user_entities")) == [("Veltrama", "location", "Veltra")]
    assert CliRunner().invoke(cli, ["extract", "--db", str(tmp_path / "a.db")]).exit_code == 0
    assert json.loads(next(db["articles"].rows)["places"]) == ["Veltrama"]


def test_a_stored_user_row_edited_into_a_bad_one_is_refused_with_the_row_named(tmp_path):
    db = ingest_then_extract(tmp_path, "Het concert in Veltrama was uitverkocht.", "mine.csv",
                             "name,type,wikidata,aliases\nVeltrama,location,,\n")
    db.execute("update user_entities set type = 'plaats'")
    db.conn.commit()
    result = CliRunner().invoke(cli, ["extract", "--db", str(tmp_path / "a.db")])
    assert result.exit_code == 2
    assert "table user_entities, rowid 1: type 'plaats' is not one of" in result.output
    assert "Correct or delete that row" in result.output
    fixed = tmp_path / "fixed.csv"
    fixed.write_text("name,type,wikidata,aliases\nVeltrama,location,,\n", encoding="utf-8")
    assert CliRunner().invoke(cli, ["extract", "--db", str(tmp_path / "a.db"), "--entities", str(fixed)]).exit_code == 0


def test_a_wikidata_id_a_later_user_file_gives_reaches_the_entity(tmp_path):
    db = ingest_then_extract(tmp_path, "Wethouder Lotte Aartsen opende de brug.", "mine.csv",
                             "name,type,wikidata,aliases\nLotte Aartsen,person,,\n")
    again = tmp_path / "again.csv"
    again.write_text("name,type,wikidata,aliases\nLotte Aartsen,person,Q42,\n", encoding="utf-8")
    assert CliRunner().invoke(cli, ["extract", "--db", str(tmp_path / "a.db"), "--entities", str(again)]).exit_code == 0
    assert list(db.execute("select wikidata from entities where name = 'Lotte Aartsen'")) == [("Q42",)]


def test_a_user_file_type_wins_through_extract(tmp_path, db):
    ingest_texts(tmp_path, db, "Het concert in de Ziggo Dome was uitverkocht.")
    assert people(db) == [[]] and json.loads(next(db["articles"].rows)["places"]) == ["Ziggo Dome"]
    db = ingest_then_extract(tmp_path, "Het concert in de Ziggo Dome was uitverkocht.", "mine.csv",
                             "name,type,wikidata,aliases\nZiggo Dome,organization,,\n")
    article = next(db["articles"].rows)
    assert (json.loads(article["places"]), json.loads(article["organizations"])) == ([], ["Ziggo Dome"])


def test_other_entities_stay_out_of_facets_and_the_dashboard_counts(tmp_path, db):
    import yaml

    from conftest import ROOT

    ingest_texts(tmp_path, db, "De Libris Literatuurprijs ging naar Bart Ruisdael in Utrecht.")
    assert db.execute("select type from entities where name = 'Libris Literatuurprijs'").fetchone()[0] == "other"
    article = next(db["articles"].rows)
    facets = [name for column in ("people", "places", "organizations") for name in json.loads(article[column])]
    assert facets == ["Bart Ruisdael", "Utrecht"]
    metadata = yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8"))
    charts = metadata["plugins"]["datasette-dashboards"]["archive-overview"]["charts"]
    assert db.execute(charts["entities"]["query"]).fetchone()[0] == 2
    assert db.execute(charts["mentions"]["query"]).fetchone()[0] == 2
    ingest_texts(tmp_path, db, "De Libris Literatuurprijs wordt in mei uitgereikt.")
    assert [row[1] for row in db.execute(charts["entity-timeline"]["query"], {"entity": ""})] in (
        ["Bart Ruisdael"], ["Utrecht"])  # not the prize, though more articles mention it
    for chart in ("top-people", "top-places", "top-organizations"):
        names = [row[0] for row in db.execute(charts[chart]["query"])]
        assert "Libris Literatuurprijs" not in names
    assert "Libris Literatuurprijs" not in [row[0] for row in db.execute(metadata["plugins"]["datasette-dashboards"][
        "archive-overview"]["filters"]["entity"]["query"])]
