from click.testing import CliRunner

from ingest.archive import ingest_paths
from ingest.cli import cli
from ingest.near_duplicates import band_keys, jaccard, shingles
from ingest.stories import regroup_near_duplicates
from conftest import FIXTURES, assert_fts_in_sync

NEAR = FIXTURES / "near_duplicates.txt"


def test_band_keys_are_the_same_in_every_run():
    text = "De gemeenteraad van Utrecht heeft dinsdagavond ingestemd met een nieuw plan."
    assert band_keys(shingles(text)) == band_keys(shingles(text))
    assert len(band_keys(shingles(text))) == 24


def test_similar_texts_share_a_band_and_unrelated_texts_do_not():
    a = shingles(NEAR.read_text(encoding="utf-8").split("date ")[1])
    b = shingles(NEAR.read_text(encoding="utf-8").split("date ")[2])
    c = shingles(NEAR.read_text(encoding="utf-8").split("date ")[3])
    assert jaccard(a, b) > 0.85
    assert set(band_keys(a)) & set(band_keys(b))
    assert not set(band_keys(a)) & set(band_keys(c))


def test_a_near_duplicate_becomes_a_version_of_the_first_article(db):
    summary = ingest_paths(db, [NEAR])
    assert (summary.new_articles, summary.near_duplicates) == (2, 1)
    [version] = db["article_versions"].rows
    first = next(db.query("select * from articles order by id"))
    assert version["article_id"] == first["id"]
    assert "april" in version["body"] and "maart" in first["body"]
    assert 0.8 <= version["similarity"] < 1
    record = next(db.query("select * from records where status = 'near_duplicate'"))
    assert (record["article_id"], record["version_id"]) == (first["id"], version["id"])


def test_an_exact_copy_of_a_version_is_a_duplicate_of_that_version(tmp_path, db):
    ingest_paths(db, [NEAR])
    copy = tmp_path / "copy.txt"
    copy.write_text("date 2023-05-11 " + NEAR.read_text(encoding="utf-8").split("date 2023-05-11 ")[1].split("date ")[0], encoding="utf-8")
    summary = ingest_paths(db, [copy])
    assert summary.duplicates == 1
    record = next(db.query("select * from records where source_id = 2"))
    assert record["status"] == "duplicate" and record["version_id"] == 1


def test_a_higher_threshold_keeps_near_duplicates_apart(db):
    summary = ingest_paths(db, [NEAR], threshold=0.99)
    assert (summary.new_articles, summary.near_duplicates) == (3, 0)


def test_regrouping_with_a_higher_threshold_makes_versions_articles(db):
    ingest_paths(db, [NEAR])
    summary = regroup_near_duplicates(db, threshold=0.99)
    assert (summary.promoted, summary.articles, summary.versions) == (1, 3, 0)
    statuses = [r["status"] for r in db.query("select status from records order by id")]
    assert statuses == ["new", "new", "new"]
    promoted = next(db.query("select * from articles where body like '%april%'"))
    assert promoted["date"] == "2023-05-11"
    assert db.execute("select count(*) from article_paragraphs where article_id = ?", [promoted["id"]]).fetchone()[0] == 2
    assert list(db.query("select rowid from articles_fts where articles_fts match 'april'"))
    assert_fts_in_sync(db)


def test_regrouping_with_a_lower_threshold_makes_articles_versions(db):
    ingest_paths(db, [NEAR], threshold=0.99)
    summary = regroup_near_duplicates(db, threshold=0.8)
    assert (summary.demoted, summary.articles, summary.versions) == (1, 2, 1)
    assert [r["status"] for r in db.query("select status from records order by id")] == ["new", "near_duplicate", "new"]
    assert db.execute("select count(*) from articles_fts where articles_fts match 'april'").fetchone()[0] == 0
    orphans = "select count(*) from mentions where article_id not in (select id from articles)"
    assert db.execute(orphans).fetchone()[0] == 0
    assert_fts_in_sync(db)


def test_regrouping_twice_changes_nothing(db):
    ingest_paths(db, [NEAR])
    regroup_near_duplicates(db, threshold=0.8)
    before = {name: list(db[name].rows) for name in ("articles", "article_versions", "records", "mentions", "entities")}
    summary = regroup_near_duplicates(db, threshold=0.8)
    assert (summary.promoted, summary.demoted) == (0, 0)
    assert before == {name: list(db[name].rows) for name in before}


def test_dedup_command_reports_the_regrouping(tmp_path):
    db_path = str(tmp_path / "a.db")
    CliRunner().invoke(cli, ["ingest", str(NEAR), "--db", db_path])
    result = CliRunner().invoke(cli, ["dedup", "--db", db_path, "--near-duplicate-threshold", "0.99"])
    assert result.exit_code == 0, result.output
    assert "articles: 3, versions: 0, versions made articles: 1, articles made versions: 0" in result.output
