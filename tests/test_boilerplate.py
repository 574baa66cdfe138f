import json

from ingest.archive import ingest_paths
from ingest.boilerplate import find_boilerplate
from conftest import assert_fts_in_sync

APP = "Volg het laatste nieuws van Rotterdam en omgeving in onze gratis app."
STORIES = [
    "De Maasbrug is zondag urenlang afgesloten geweest na een ongeluk met een vrachtwagen.",
    "Feyenoord speelt volgend seizoen in een vernieuwd stadion, maakt de club bekend.",
    "In Delfshaven opent een nieuwe bibliotheek met een leeszaal voor kinderen.",
    "De haven van Rotterdam sloeg vorig jaar minder containers over dan verwacht.",
    "Burgemeester Aboutaleb opent donderdag het filmfestival in de Doelen.",
    "Op de Coolsingel komt een proef met groene golven voor fietsers.",
]


def write_articles(path, stories, closing=APP):
    path.write_text(
        "".join(f"date 2023-06-{day:02d} {story}\n\n{closing}\n" for day, story in enumerate(stories, start=1)),
        encoding="utf-8",
    )
    return path


def test_a_paragraph_under_many_articles_of_a_source_is_boilerplate(tmp_path, db):
    ingest_paths(db, [write_articles(tmp_path / "rijnmond.txt", STORIES)], source="Rijnmond")
    flagged = list(db.query("select text, article_count from paragraphs where boilerplate = 1"))
    assert flagged == [{"text": APP, "article_count": 6}]


def test_boilerplate_stays_out_of_bodies_search_and_mentions(tmp_path, db):
    ingest_paths(db, [write_articles(tmp_path / "rijnmond.txt", STORIES)], source="Rijnmond")
    assert all(APP not in row["body"] for row in db["articles"].rows)
    assert db.execute("select count(*) from articles_fts where articles_fts match 'gratis'").fetchone()[0] == 0
    assert_fts_in_sync(db)
    assert db.execute(
        "select count(*) from mentions join paragraphs on paragraphs.id = mentions.paragraph_id where boilerplate"
    ).fetchone()[0] == 0


def test_a_paragraph_in_fewer_than_five_articles_is_not_boilerplate(tmp_path, db):
    ingest_paths(db, [write_articles(tmp_path / "rijnmond.txt", STORIES[:4])], source="Rijnmond")
    assert db.execute("select count(*) from paragraphs where boilerplate = 1").fetchone()[0] == 0
    assert all(APP in row["body"] for row in db["articles"].rows)


def test_boilerplate_flags_follow_the_archive_as_it_grows(tmp_path, db):
    ingest_paths(db, [write_articles(tmp_path / "first.txt", STORIES[:4])], source="Rijnmond")
    assert db.execute("select count(*) from paragraphs where boilerplate").fetchone()[0] == 0
    ingest_paths(db, [write_articles(tmp_path / "second.txt", STORIES[4:])], source="Rijnmond")
    assert db.execute("select count(*) from paragraphs where boilerplate").fetchone()[0] == 1
    assert all(APP not in row["body"] for row in db["articles"].rows)


def test_the_same_paragraph_in_another_source_is_counted_per_source(tmp_path, db):
    ingest_paths(db, [write_articles(tmp_path / "a.txt", STORIES[:3])], source="Rijnmond")
    ingest_paths(db, [write_articles(tmp_path / "b.txt", STORIES[3:])], source="AD")
    assert db.execute("select article_count, boilerplate from paragraphs where text = ?", [APP]).fetchone() == (6, 0)


def test_flags_recomputed_during_a_long_file_give_the_same_archive(tmp_path, monkeypatch):
    import sqlite_utils

    import ingest.archive

    path = write_articles(tmp_path / "rijnmond.txt", STORIES + [s + " Extra." for s in STORIES])
    once = sqlite_utils.Database(tmp_path / "once.db")
    ingest_paths(once, [path], source="Rijnmond")
    monkeypatch.setattr(ingest.archive, "BATCH_SIZE", 1)
    monkeypatch.setattr(ingest.archive, "BOILERPLATE_EVERY", 5)
    often = sqlite_utils.Database(tmp_path / "often.db")
    ingest_paths(often, [path], source="Rijnmond")
    columns = "id, body, word_count, people, places, organizations"
    assert list(often.query(f"select {columns} from articles")) == list(once.query(f"select {columns} from articles"))
    assert list(often.query("select id, boilerplate from paragraphs")) == list(once.query("select id, boilerplate from paragraphs"))
    assert_fts_in_sync(often)


def _jsonl(path, articles):
    path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    return path


def _flags_match_a_full_pass(db):
    flagged = {row[0] for row in db.execute("select id from paragraphs where boilerplate")}
    return flagged == find_boilerplate(db)


def test_a_later_ingest_that_judges_only_its_new_articles_flags_as_a_full_pass_would(tmp_path, db):
    footer = "Lees ook onze andere verhalen over de regio op de website van de krant."
    first = [
        {"date": "2023-06-01", "source": "Stadskrant", "text": f"Bericht nummer {n} over de straat {n} in de stad.\n\n{footer}"}
        for n in range(6)
    ] + [{"date": "2023-06-02", "source": "Stadskrant", "text": f"Los bericht {n} zonder voettekst in wijk {n}."} for n in range(100)]
    ingest_paths(db, [_jsonl(tmp_path / "first.jsonl", first)])
    assert db.execute("select count(*) from paragraphs where boilerplate").fetchone()[0] == 1  # 6 of 106 articles
    more = [{"date": "2023-06-03", "source": "Stadskrant", "text": f"Later bericht {n} over plein {n} in het centrum."} for n in range(300)]
    more += [{"date": "2023-06-04", "source": "Dorpsblad", "text": f"Dorpsnieuws {n} uit buurtschap {n}.\n\nVolg het dorp op onze pagina."} for n in range(6)]
    ingest_paths(db, [_jsonl(tmp_path / "more.jsonl", more)])
    assert _flags_match_a_full_pass(db)  # the old footer is now under 2% of the outlet, the new one is boilerplate
    assert [row[0] for row in db.execute("select text from paragraphs where boilerplate")] == ["Volg het dorp op onze pagina."]
