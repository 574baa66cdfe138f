"""Publications, stories and the near-duplicate evidence rule (issue 12).

An article is one outlet's publication; the same or nearly the same text from another outlet is an
article of its own in the same story. Near-duplicates are judged on distinctive text: two stories that
share only a paywall blurb, a footer, a standard intro or an agency paragraph are never merged.
"""

import asyncio
import json

import sqlite_utils
import yaml
from click.testing import CliRunner
from datasette.app import Datasette

from ingest.archive import ingest_paths
from ingest.cli import cli
from ingest.near_duplicates import TextEvidence, jaccard, distinctive_text_agrees, evidence_similarity
from ingest.stories import regroup_near_duplicates
from conftest import FIXTURES, ROOT, assert_fts_in_sync

PAYWALL_CASE = FIXTURES / "cases" / "shared-paywall-text.jsonl"

# A story of five paragraphs, and a different one, for the neighbours of the paywall case.
FLOOD = [
    "Het waterschap heeft dinsdag in Limburg de dijken langs de Maas verhoogd met zandzakken.",
    "Volgens de dijkgraaf stijgt het water de komende dagen nog tientallen centimeters door regen in de Ardennen.",
    "Bewoners van Venlo en Roermond kregen een brief met adviezen over hun kelders en auto's.",
    "De provincie houdt een crisisoverleg en sluit niet uit dat wijken worden geëvacueerd.",
    "Vorig jaar liep het water in het dal van de Geul tot in de huizen en kwamen duizenden mensen op straat te staan.",
]
TRAIN = [
    "De NS rijdt volgend jaar vaker tussen Utrecht en Amsterdam, ook laat in de avond.",
    "Reizigers klaagden al jaren over volle treinen in de spits en lange wachttijden op zondag.",
    "Het kabinet trekt er tientallen miljoenen voor uit, bovenop de concessie die tot 2033 loopt.",
    "Reizigersvereniging Rover noemt het plan een goede stap, maar wil ook betere aansluitingen op bussen.",
    "De eerste extra treinen rijden in december, als de nieuwe dienstregeling ingaat.",
]
UPDATED = FLOOD[:4] + [FLOOD[4].replace("duizenden", "honderden")]
FOOTER = (
    "Wilt u op de hoogte blijven van het laatste nieuws uit uw regio? Download dan onze gratis app, volg ons op "
    "sociale media en meld u aan voor de nieuwsbrief, die elke ochtend om zeven uur in uw mailbox valt met het "
    "belangrijkste nieuws van de dag, de sport, het weer en de verkeersinformatie, en tips voor het weekend. "
    "Heeft u een tip voor de redactie? Mail of app ons, dag en nacht, ook met foto's en video's. Onze verslaggevers "
    "zijn zeven dagen per week op pad in alle gemeenten van de provincie, van de grote steden tot de kleinste dorpen, "
    "en brengen verhalen die u nergens anders leest. Steun onafhankelijke regionale journalistiek en word lid."
)
INTRO = (
    "Dit is het nieuwsoverzicht van de regionale omroep, met elke dag de belangrijkste verhalen uit de provincie, "
    "samengesteld door onze redactie en bijgewerkt tot laat in de avond, zodat u niets hoeft te missen van wat er "
    "in uw gemeente, uw wijk en uw straat gebeurt. Onze verslaggevers zijn zeven dagen per week op pad in alle "
    "gemeenten van de provincie, van de grote steden tot de kleinste dorpen, en brengen verhalen die u nergens "
    "anders leest. Steun onafhankelijke regionale journalistiek en word lid. Lees hieronder het verhaal van vandaag."
)


def write_jsonl(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def record(paragraphs, source="Dagblad Oost", title=None, date="2023-03-01"):
    r = {"date": date, "source": source, "text": "\n\n".join(paragraphs)}
    if title:
        r["title"] = title
    return r


def assert_similar_on_all_text(a, b):
    """The pair would be merged on plain shingle similarity: only the evidence rule keeps it apart."""
    assert jaccard(TextEvidence(None, a).all_shingles, TextEvidence(None, b).all_shingles) >= 0.8


def statuses(db):
    return [row[0] for row in db.execute("select status from records order by id")]


def outlets_of_story(db, story_id):
    return json.loads(db.execute("select outlets from stories where id = ?", [story_id]).fetchone()[0])


# The case: two stories that share a paywall blurb.


def test_two_stories_that_share_a_paywall_blurb_stay_two_articles(db):
    summary = ingest_paths(db, [PAYWALL_CASE])
    assert (summary.new_articles, summary.near_duplicates) == (2, 0)
    assert statuses(db) == ["new", "new"]
    assert db["article_versions"].count == 0
    hits = [r[0] for r in db.execute("select articles.title from articles join articles_fts on articles_fts.rowid = articles.id where articles_fts match 'rechtbank'")]
    assert hits == ["Oud-wethouder krijgt taakstraf voor valse facturen"]
    assert db.execute("select count(*) from stories").fetchone()[0] == 2
    assert_fts_in_sync(db)


def test_the_paywall_pair_is_similar_but_its_distinctive_text_differs():
    court, fuel = (json.loads(line) for line in PAYWALL_CASE.read_text(encoding="utf-8").splitlines())
    a = TextEvidence(court["title"], court["text"].split("\n\n"))
    b = TextEvidence(fuel["title"], fuel["text"].split("\n\n"))
    assert not distinctive_text_agrees(a, b)
    assert evidence_similarity(a, b) == 0.0


def test_the_paywall_case_is_served_in_search(tmp_path):
    path = tmp_path / "archive.db"
    ingest_paths(sqlite_utils.Database(path), [PAYWALL_CASE])
    datasette = Datasette([str(path)], metadata=yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8")))
    rows = asyncio.run(datasette.client.get("/archive/search.json?q=rechtbank&_shape=array")).json()
    assert [r["title"] for r in rows] == ["Oud-wethouder krijgt taakstraf voor valse facturen"]
    titles = asyncio.run(datasette.client.get("/archive/articles.json?_shape=array&_col=title")).json()
    assert len(titles) == 2


# Neighbours: text a source repeats is no evidence.


def test_different_stories_with_the_same_long_footer_are_not_merged(tmp_path, db):
    assert_similar_on_all_text(FLOOD[:1] + [FOOTER], TRAIN[:1] + [FOOTER])
    path = write_jsonl(tmp_path / "a.jsonl", [record(FLOOD[:1] + [FOOTER]), record(TRAIN[:1] + [FOOTER])])
    summary = ingest_paths(db, [path])
    assert (summary.new_articles, summary.near_duplicates) == (2, 0)


def test_different_stories_after_the_same_standard_intro_are_not_merged(tmp_path, db):
    flood, train = "Het waterschap verhoogt de dijken langs de Maas.", "De NS rijdt vaker tussen Utrecht en Amsterdam."
    assert_similar_on_all_text([INTRO, flood], [INTRO, train])
    path = write_jsonl(tmp_path / "a.jsonl", [record([INTRO, flood]), record([INTRO, train])])
    summary = ingest_paths(db, [path])
    assert (summary.new_articles, summary.near_duplicates) == (2, 0)


def test_stories_sharing_an_agency_paragraph_are_not_merged(tmp_path, db):
    shared = " ".join(FLOOD + TRAIN[1:])  # one long agency paragraph quoted in two otherwise different stories
    assert_similar_on_all_text([TRAIN[0], shared], [FOOTER[:60], shared])
    path = write_jsonl(tmp_path / "a.jsonl", [record([TRAIN[0], shared]), record([FOOTER[:60], shared], title="Ander verhaal")])
    summary = ingest_paths(db, [path])
    assert (summary.new_articles, summary.near_duplicates) == (2, 0)


def test_boilerplate_paragraphs_do_not_count_toward_similarity(tmp_path, db):
    # Five stories with the footer make it boilerplate; later, two short different stories with it stay apart.
    stories = [record([sentence, FOOTER], date=f"2023-03-0{i + 1}") for i, sentence in enumerate(TRAIN)]
    ingest_paths(db, [write_jsonl(tmp_path / "a.jsonl", stories)])
    assert db.execute("select count(*) from paragraphs where boilerplate").fetchone()[0] == 1
    summary = ingest_paths(db, [write_jsonl(tmp_path / "b.jsonl", [record([FLOOD[0], FOOTER]), record([FLOOD[1], FOOTER])])])
    assert (summary.new_articles, summary.near_duplicates) == (2, 0)


def test_a_same_outlet_update_is_a_version(tmp_path, db):
    updated = UPDATED
    path = write_jsonl(tmp_path / "a.jsonl", [record(FLOOD, title="Dijken verhoogd"), record(updated, title="Dijken verhoogd", date="2023-03-02")])
    summary = ingest_paths(db, [path])
    assert (summary.new_articles, summary.near_duplicates) == (1, 1)
    [version] = db["article_versions"].rows
    assert version["source"] == "Dagblad Oost" and version["date"] == "2023-03-02"


def test_an_update_that_adds_a_paragraph_is_a_version_even_with_a_new_title(tmp_path, db):
    path = write_jsonl(tmp_path / "a.jsonl", [record(FLOOD, title="Dijken verhoogd"), record(FLOOD + [TRAIN[4]], title="Update: evacuatie")])
    assert ingest_paths(db, [path]).near_duplicates == 1


# Publications and stories.


def test_the_same_story_in_three_outlets_is_three_articles_in_one_story(tmp_path, db):
    edited = FLOOD[:2] + [FLOOD[2].replace("een brief", "een folder")] + FLOOD[3:]
    path = write_jsonl(
        tmp_path / "a.jsonl",
        [
            record(FLOOD, source="ANP", title="Dijken langs de Maas verhoogd"),
            record(FLOOD, source="De Limburger", title="Zandzakken tegen hoogwater"),
            record(edited, source="NOS", title="Maas stijgt verder"),
        ],
    )
    summary = ingest_paths(db, [path])
    assert (summary.new_articles, summary.duplicates, summary.near_duplicates) == (3, 0, 0)
    assert statuses(db) == ["new", "new", "new"]
    rows = list(db.query("select source, story_id from articles order by id"))
    assert [r["source"] for r in rows] == ["ANP", "De Limburger", "NOS"]
    assert {r["story_id"] for r in rows} == {1}
    assert outlets_of_story(db, 1) == ["ANP", "De Limburger", "NOS"]
    story = next(db.query("select * from stories"))
    assert (story["publications"], story["outlet_count"], story["title"]) == (3, 3, "Dijken langs de Maas verhoogd")
    facet = dict(db.execute("select source, count(*) from articles group by source").fetchall())
    assert facet == {"ANP": 1, "De Limburger": 1, "NOS": 1}


def test_an_exact_copy_from_another_outlet_is_its_own_article(tmp_path, db):
    path = write_jsonl(tmp_path / "a.jsonl", [record(FLOOD, source="ANP"), record(FLOOD, source="NU.nl")])
    summary = ingest_paths(db, [path])
    assert (summary.new_articles, summary.duplicates) == (2, 0)
    assert [r[0] for r in db.execute("select story_id from articles order by id")] == [1, 1]


def test_an_exact_copy_from_the_same_outlet_or_none_is_a_duplicate(tmp_path, db):
    no_outlet = {"date": "2023-03-01", "text": "\n\n".join(FLOOD)}
    path = write_jsonl(tmp_path / "a.jsonl", [record(FLOOD, source="ANP"), record(FLOOD, source="ANP"), no_outlet])
    summary = ingest_paths(db, [path])
    assert (summary.new_articles, summary.duplicates) == (1, 2)
    assert statuses(db) == ["new", "duplicate", "duplicate"]


def test_a_copy_from_a_new_outlet_joins_the_story_in_a_later_run(tmp_path, db):
    ingest_paths(db, [write_jsonl(tmp_path / "a.jsonl", [record(FLOOD, source="ANP"), record(TRAIN, source="ANP")])])
    ingest_paths(db, [write_jsonl(tmp_path / "b.jsonl", [record(FLOOD, source="Trouw"), record(UPDATED, source="AD")])])
    assert outlets_of_story(db, 1) == ["ANP", "Trouw", "AD"]
    assert db.execute("select count(*) from stories").fetchone()[0] == 2


def test_per_outlet_counts_are_records_minus_own_duplicates(tmp_path, db):
    records = [
        record(FLOOD, source="ANP"),
        record(FLOOD, source="NOS"),
        record(FLOOD, source="NOS"),  # NOS's own duplicate
        record(UPDATED, source="AD"),
        record(TRAIN, source="AD"),
    ]
    ingest_paths(db, [write_jsonl(tmp_path / "a.jsonl", records)])
    assert dict(db.execute("select source, count(*) from articles group by source").fetchall()) == {"ANP": 1, "NOS": 1, "AD": 2}


# Regrouping an archive made before stories, and with a new threshold.


def _fold_into_old_style(db):
    """Make the second article a version of the first, as ingest did before stories, keeping its outlet."""
    from ingest.stories import _demote

    second = db["articles"].get(2)
    _demote(db, None, 2, 1, 0.9, "2023-01-01T00:00:00+00:00")
    return second


def test_regrouping_an_old_archive_makes_other_outlets_versions_articles(tmp_path, db):
    edited = UPDATED
    ingest_paths(db, [write_jsonl(tmp_path / "a.jsonl", [record(FLOOD, source="ANP"), record(edited, source="NOS")])])
    _fold_into_old_style(db)
    assert db["articles"].count == 1 and db["article_versions"].count == 1
    summary = regroup_near_duplicates(db, threshold=0.8)
    assert (summary.promoted, summary.articles, summary.versions, summary.multi_outlet_stories) == (1, 2, 0, 1)
    assert statuses(db) == ["new", "new"]
    assert outlets_of_story(db, 1) == ["ANP", "NOS"]
    assert db.execute("select count(*) from raw_records").fetchone()[0] == 2
    assert_fts_in_sync(db)


def test_regrouping_keeps_same_outlet_versions_and_cross_outlet_stories(tmp_path, db):
    updated = UPDATED
    records = [record(FLOOD, source="ANP"), record(updated, source="ANP"), record(FLOOD, source="NOS"), record(TRAIN, source="NOS")]
    ingest_paths(db, [write_jsonl(tmp_path / "a.jsonl", records)])
    before = {name: list(db[name].rows) for name in ("articles", "article_versions", "records")}
    summary = regroup_near_duplicates(db, threshold=0.8)
    assert (summary.promoted, summary.demoted, summary.stories, summary.multi_outlet_stories) == (0, 0, 2, 1)
    assert before == {name: list(db[name].rows) for name in before}


def test_dedup_command_reports_stories(tmp_path):
    db_path = str(tmp_path / "a.db")
    path = write_jsonl(tmp_path / "a.jsonl", [record(FLOOD, source="ANP"), record(FLOOD, source="NOS")])
    CliRunner().invoke(cli, ["ingest", str(path), "--db", db_path])
    result = CliRunner().invoke(cli, ["dedup", "--db", db_path])
    assert result.exit_code == 0, result.output
    assert "stories: 1, in several outlets: 1" in result.output


# What users see: search shows a story once, the article page its publications and readable versions.


def test_word_diff_marks_removed_and_added_words_and_shortens_unchanged_runs():
    from datasette_news_archive.article_page import word_diff_html

    old = " ".join(FLOOD)
    new = old.replace("duizenden mensen", "honderden mensen")
    html = str(word_diff_html(old, new))
    assert "<del>duizenden</del>" in html and "<ins>honderden</ins>" in html
    assert "…" in html and len(html) < len(old) / 2
    assert "no difference" in str(word_diff_html(old, " ".join(old.split())))
    assert "&lt;b&gt;" in str(word_diff_html("a", "<b>"))


def _served(tmp_path, records):
    path = tmp_path / "archive.db"
    ingest_paths(sqlite_utils.Database(path), [write_jsonl(tmp_path / "in.jsonl", records)])
    return Datasette([str(path)], metadata=yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8")))


def test_search_shows_a_story_once_with_its_outlets(tmp_path):
    datasette = _served(
        tmp_path,
        [record(FLOOD, source="ANP"), record(FLOOD, source="NOS"), record(UPDATED, source="AD"), record(TRAIN, source="ANP")],
    )
    rows = asyncio.run(datasette.client.get("/archive/search.json?q=maas&_shape=array")).json()
    assert len(rows) == 1
    assert (rows[0]["publications"], json.loads(rows[0]["outlets"])) == (3, ["ANP", "NOS", "AD"])
    rows = asyncio.run(datasette.client.get("/archive/search.json?q=maas&source=AD&_shape=array")).json()
    assert [r["source"] for r in rows] == ["AD"]
    stories = asyncio.run(datasette.client.get("/archive/stories.json?_shape=array")).json()
    assert sorted(s["outlet_count"] for s in stories) == [1, 3]
    page = asyncio.run(datasette.client.get("/archive/search?q=maas")).text
    assert "ANP, NOS, AD" in page and "[&#34;ANP&#34;" not in page  # the outlets as a reader writes them


def test_article_page_lists_the_story_and_readable_versions(tmp_path):
    datasette = _served(
        tmp_path,
        [
            record(FLOOD, source="ANP", title="Dijken verhoogd"),
            record(FLOOD, source="NOS", title="Maas stijgt"),
            record(UPDATED, source="ANP", title="Dijken verhoogd (update)", date="2023-03-04"),
        ],
    )
    page = asyncio.run(datasette.client.get("/archive/articles/1")).text
    assert "<h2>Story</h2>" in page and 'href="/archive/articles/2"' in page and "NOS" in page
    versions = page.split("<h2>Versions</h2>", 1)[1].split("</section>", 1)[0]
    assert "ANP" in versions and "2023-03-04" in versions and "Dijken verhoogd (update)" in versions
    assert "<del>duizenden</del>" in versions and "<ins>honderden</ins>" in versions


def test_regrouping_splits_exact_copies_from_other_outlets_out_of_duplicates(tmp_path, db, monkeypatch):
    import ingest.archive

    # Ingest as before stories: an exact copy from any outlet was a duplicate of the first article.
    monkeypatch.setattr(ingest.archive, "same_outlet", lambda mine, theirs: True)
    ingest_paths(db, [write_jsonl(tmp_path / "a.jsonl", [record(FLOOD, source="ANP"), record(FLOOD, source="NOS"), record(FLOOD, source="ANP")])])
    assert statuses(db) == ["new", "duplicate", "duplicate"] and db["articles"].count == 1
    monkeypatch.undo()
    summary = regroup_near_duplicates(db, threshold=0.8)
    assert summary.copies_split == 1
    assert statuses(db) == ["new", "new", "duplicate"]
    assert dict(db.execute("select source, count(*) from articles group by source").fetchall()) == {"ANP": 1, "NOS": 1}
    assert outlets_of_story(db, 1) == ["ANP", "NOS"]
    assert [r[0] for r in db.execute("select article_id from records order by id")] == [1, 2, 1]
    assert_fts_in_sync(db)
    again = regroup_near_duplicates(db, threshold=0.8)
    assert (again.copies_split, again.promoted, again.demoted) == (0, 0, 0)


def test_an_outlets_update_to_a_text_another_outlet_ran_is_its_version(tmp_path, db):
    # NOS ran the first text, ANP the updated one; then NOS publishes the update too: a version of its own article.
    records = [record(FLOOD, source="NOS"), record(UPDATED, source="ANP"), record(UPDATED, source="NOS")]
    summary = ingest_paths(db, [write_jsonl(tmp_path / "a.jsonl", records)])
    assert statuses(db) == ["new", "new", "near_duplicate"]
    assert dict(db.execute("select source, count(*) from articles group by source").fetchall()) == {"NOS": 1, "ANP": 1}
    assert summary.near_duplicates == 1


def test_the_same_update_in_two_outlets_is_a_version_of_each_ones_article(tmp_path, db):
    records = [record(FLOOD, source="NOS"), record(FLOOD, source="AD"), record(UPDATED, source="NOS"), record(UPDATED, source="AD")]
    ingest_paths(db, [write_jsonl(tmp_path / "a.jsonl", records)])
    assert statuses(db) == ["new", "new", "near_duplicate", "near_duplicate"]
    assert [(v["article_id"], v["source"]) for v in db["article_versions"].rows] == [(1, "NOS"), (2, "AD")]


def test_an_archive_made_before_stories_gets_its_indexes_and_story_ids(tmp_path):
    import sqlite3

    from ingest.schema import ensure_db_shape

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.execute("create table articles (id integer primary key, content_hash text, source text)")
    conn.execute("create unique index idx_articles_content_hash on articles (content_hash)")
    conn.execute("insert into articles (id, content_hash, source) values (1, 'h', 'ANP'), (2, 'i', 'NOS')")
    conn.commit()
    conn.close()
    db = sqlite_utils.Database(path)
    ensure_db_shape(db)
    ensure_db_shape(db)
    assert [r[0] for r in db.execute("select story_id from articles order by id")] == [1, 2]
    db.execute("insert into articles (id, content_hash, source, story_id) values (3, 'h', 'NOS', 1)")
    assert db.execute("select publications, outlets from stories where id = 1").fetchone() == (2, '["ANP","NOS"]')


def test_stories_under_a_blurb_that_differs_only_in_the_outlet_name_stay_apart(tmp_path, db):
    court, fuel = (json.loads(line) for line in PAYWALL_CASE.read_text(encoding="utf-8").splitlines())
    fuel["source"] = "Dagblad West"
    fuel["text"] = fuel["text"].replace("Dit verhaal is alleen", "Dit verhaal van Dagblad West is alleen")
    court["title"] = "Oud-wethouder krijgt taakstraf voor valse facturen in Zwolle"  # half its words in common with no other
    summary = ingest_paths(db, [write_jsonl(tmp_path / "a.jsonl", [fuel, court])])
    assert (summary.new_articles, summary.near_duplicates) == (2, 0)
    assert db.execute("select count(*) from stories").fetchone()[0] == 2


def test_similar_templated_titles_are_no_evidence(tmp_path, db):
    titles = ["Proces tegen verdachten van overval in Hengelo begint", "Proces tegen verdachten van overval in Brugge begint"]
    path = write_jsonl(tmp_path / "a.jsonl", [record(FLOOD[:1] + [FOOTER], title=titles[0]), record(TRAIN[:1] + [FOOTER], title=titles[1])])
    assert ingest_paths(db, [path]).new_articles == 2
    assert db.execute("select count(distinct story_id) from articles").fetchone()[0] == 2


def test_pieces_of_a_rubric_with_one_title_and_one_footer_stay_separate_articles(tmp_path):
    # Twelve readers' letters, all titled "Lezersbrief", each a different lead and the same long footer:
    # the same title is no evidence when their own text shares nothing.
    db_path = tmp_path / "archive.db"
    result = CliRunner().invoke(cli, ["ingest", str(FIXTURES / "stories" / "rubric-letters.jsonl"), "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    db = sqlite_utils.Database(db_path)
    assert db["articles"].count == 12 and db["article_versions"].count == 0


def test_an_outlet_written_in_another_case_is_the_same_outlet(tmp_path):
    path = tmp_path / "update.jsonl"
    text = "De gemeente opent volgende week een nieuwe fietsenstalling bij het station. Er komen tweeduizend plekken bij."
    path.write_text(
        json.dumps({"source": "AD", "title": "Stalling", "text": text + " Dat meldt de wethouder."}) + "\n"
        + json.dumps({"source": "ad", "title": "Stalling", "text": text + " Dat meldt de wethouder dinsdag."}) + "\n",
        encoding="utf-8",
    )
    db_path = tmp_path / "archive.db"
    assert CliRunner().invoke(cli, ["ingest", str(path), "--db", str(db_path)]).exit_code == 0
    db = sqlite_utils.Database(db_path)
    assert db["articles"].count == 1 and db["article_versions"].count == 1
