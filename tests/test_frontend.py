"""The Datasette frontend, through Datasette's own test client, on the seed plus a small corpus.

Expected rows come from SQL on the same file, so the tests hold whatever the
mention extractor and near-duplicate detection find.
"""

import asyncio
import html
import json
import re
import sqlite3
import urllib.parse
from collections import Counter
from pathlib import Path

import pytest
from datasette.app import Datasette

from fixtures.frontend_archive import CORPUS_SOURCE, ROOT, build_archive, metadata
from datasette_news_archive.serve import DEFAULT_SETTINGS, ServeOptions, datasette_args, inspect_path

PERSON, PLACE = "Vladimir Poetin", "Turkije"


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    return build_archive(tmp_path_factory.mktemp("frontend"))


@pytest.fixture(scope="module")
def datasette(archive):
    return Datasette([str(archive)])


@pytest.fixture(scope="module")
def sql(archive):
    conn = sqlite3.connect(archive)
    conn.row_factory = sqlite3.Row

    def query(statement, params=()):
        return [tuple(row) if len(row) > 1 else row[0] for row in conn.execute(statement, params)]

    yield query
    conn.close()


def get(datasette, path):
    return asyncio.run(datasette.client.get(path))


def get_json(datasette, path):
    response = get(datasette, path)
    assert response.status_code == 200, response.text[:500]
    return response.json()


def qs(**params):
    return urllib.parse.urlencode(params)


# Tables


def visible_tables(datasette):
    return [t["name"] for t in get_json(datasette, "/archive.json")["tables"] if not t["hidden"]]


def test_the_corpus_gives_entities_and_versions_to_browse(sql):
    assert sql("select count(*) from articles")[0] >= 9
    assert sql("select count(*) from entities where name = ?", [PERSON])[0] == 1
    assert sql("select count(*) from article_versions")[0] >= 1


def test_every_visible_table_page_returns_200_as_html_and_json(datasette):
    tables = visible_tables(datasette)
    assert {"articles", "paragraphs", "entities", "mentions", "records"} <= set(tables)
    for table in tables:
        assert get(datasette, f"/archive/{table}").status_code == 200, table
        assert get(datasette, f"/archive/{table}.json").status_code == 200, table


def test_bookkeeping_and_search_index_tables_are_hidden(datasette):
    hidden = {t["name"] for t in get_json(datasette, "/archive.json")["tables"] if t["hidden"]}
    assert {"sources", "raw_records", "lsh_buckets", "articles_fts", "paragraphs_fts", "paragraphs_fts_data"} <= hidden


def test_every_column_of_every_visible_table_has_a_description(datasette, sql):
    tables = metadata()["databases"]["archive"]["tables"]
    for table in visible_tables(datasette):
        described = tables.get(table, {}).get("columns", {})
        columns = [row[1] for row in sql(f"pragma table_info([{table}])")]
        assert [c for c in columns if c not in described] == [], table


def test_articles_are_listed_newest_first_with_the_title_as_label(datasette, sql):
    rows = get_json(datasette, "/archive/articles.json?_shape=array&_col=date")
    dates = [r["date"] for r in rows if r["date"]]
    assert dates == sorted(dates, reverse=True)
    article = get_json(datasette, "/archive/mentions.json?_labels=on&_size=1&_shape=objects")["rows"][0]["article_id"]
    assert article["label"] == sql("select title from articles where id = ?", [article["value"]])[0]


@pytest.mark.parametrize("column", ["month", "source"])
def test_articles_facet_counts_match_sql(datasette, sql, column):
    facet = get_json(datasette, "/archive/articles.json?_facet_size=max")["facet_results"][column]
    shown = {r["value"]: r["count"] for r in facet["results"]}
    assert shown == dict(sql(f"select {column}, count(*) from articles where {column} is not null group by {column}"))


ENTITY_TYPES = {"people": "person", "places": "location", "organizations": "organization"}


def entity_counts(sql, column, where="1", params=()):
    """{name: articles} of the entities of the column's type, counted in mentions over the articles ``where`` selects."""
    return dict(
        sql(
            f"""select entities.name, count(distinct mentions.article_id) from mentions
            join entities on entities.id = mentions.entity_id
            where entities.type = ? and mentions.article_id in (select id from articles where {where})
            group by entities.id""",
            [ENTITY_TYPES[column], *params],
        )
    )


def mentioning(*names):
    """SQL condition (and its parameters) for the articles that mention every one of ``names``."""
    where = " and ".join(
        "id in (select article_id from mentions join entities on entities.id = entity_id where name = ?)" for _ in names
    )
    return where or "1", list(names)


@pytest.mark.parametrize("column", ["people", "places", "organizations"])
def test_entity_facet_counts_match_sql(datasette, sql, column):
    facet = get_json(datasette, "/archive/articles.json?_facet_size=max")["facet_results"][column]
    assert facet["type"] == "entity" and facet["truncated"] is False
    shown = {r["value"]: r["count"] for r in facet["results"]}
    assert shown == entity_counts(sql, column) and shown
    # the JSON arrays of the articles agree with the mentions table
    assert shown == dict(sql(f"select j.value, count(*) from articles, json_each(articles.{column}) j group by j.value"))


@pytest.mark.parametrize("column", ["people", "places", "organizations"])
@pytest.mark.parametrize(
    "query",
    [
        {"people__arraycontains": PERSON},
        {"people__arraycontains": PERSON, "places__arraycontains": PLACE},
        {"month": "2022-05"},
        {"_search": "navo"},
        {"source": CORPUS_SOURCE, "people__arraycontains": PERSON},
    ],
    ids=["person", "person+place", "month", "search", "source+person"],
)
def test_entity_facet_counts_of_a_filtered_page_match_sql(datasette, sql, column, query):
    data = get_json(datasette, "/archive/articles.json?_facet_size=max&" + qs(**query))
    shown = {r["value"]: r["count"] for r in data["facet_results"][column]["results"]}
    ids = set(sql("select id from articles"))
    if "_search" in query:
        ids &= set(sql("select rowid from articles_fts where articles_fts match ?", [query["_search"]]))
    for key, value in query.items():
        if key.endswith("__arraycontains"):
            ids &= set(sql("select article_id from mentions join entities on entities.id = entity_id where name = ?", [value]))
        elif not key.startswith("_"):
            ids &= set(sql(f"select id from articles where {key} = ?", [value]))
    assert data["filtered_table_rows_count"] == len(ids) > 0
    assert shown == entity_counts(sql, column, f"id in ({', '.join(map(str, ids))})")


def test_entity_facet_values_are_ordered_by_count_then_name_and_cut_at_the_facet_size(datasette):
    facet = get_json(datasette, "/archive/articles.json?_facet_size=3")["facet_results"]["organizations"]
    everything = get_json(datasette, "/archive/articles.json?_facet_size=max")["facet_results"]["organizations"]
    keys = [(-r["count"], r["value"]) for r in everything["results"]]
    assert facet["truncated"] is True and [(-r["count"], r["value"]) for r in facet["results"]] == keys[:3]
    assert keys == sorted(keys)


def test_entity_facets_of_a_later_page_count_every_article(datasette):
    first = get_json(datasette, "/archive/articles.json?_size=2")
    later = get_json(datasette, "/archive/articles.json?_size=2&_next=" + first["next"])
    assert later["facet_results"]["people"]["results"] == first["facet_results"]["people"]["results"]


def test_entity_filter_gives_exactly_the_articles_that_mention_the_entity(datasette, sql):
    rows = get_json(datasette, "/archive/articles.json?_shape=array&_size=max&" + qs(people__arraycontains=PERSON))
    where, params = mentioning(PERSON)
    assert [r["id"] for r in rows] == sql(f"select id from articles where {where} order by date desc, id desc", params)


def test_entity_filter_of_an_unknown_name_or_the_wrong_type_gives_nothing(datasette):
    assert get_json(datasette, "/archive/articles.json?_shape=array&" + qs(people__arraycontains="Niemand Bekend")) == []
    assert get_json(datasette, "/archive/articles.json?_shape=array&" + qs(places__arraycontains=PERSON)) == []


def test_selecting_a_person_then_a_place_narrows_to_articles_that_mention_both(datasette, sql):
    everything = get_json(datasette, "/archive/articles.json")["filtered_table_rows_count"]
    person = get_json(datasette, "/archive/articles.json?" + qs(people__arraycontains=PERSON))
    both = get_json(datasette, "/archive/articles.json?_shape=objects&" + qs(people__arraycontains=PERSON, places__arraycontains=PLACE))
    where, params = mentioning(PERSON, PLACE)
    expected = sql(f"select id from articles where {where} order by date desc, id desc", params)
    assert everything > person["filtered_table_rows_count"] > both["filtered_table_rows_count"] > 0
    assert [r["id"] for r in both["rows"]] == expected
    array_expected = sql(
        """select id from articles where exists (select 1 from json_each(people) where value = ?)
        and exists (select 1 from json_each(places) where value = ?) order by date desc, id desc""",
        [PERSON, PLACE],
    )
    assert expected == array_expected


def follow(datasette, url):
    assert url.startswith("http://localhost/"), url
    return get_json(datasette, url[len("http://localhost") :])


def facet_value(data, column, name):
    [value] = [r for r in data["facet_results"][column]["results"] if r["value"] == name]
    return value


def test_entity_facet_toggle_links_select_and_unselect_round_trip(datasette):
    start = get_json(datasette, "/archive/articles.json?_size=5")
    poetin = facet_value(start, "people", PERSON)
    assert poetin["selected"] is False
    assert poetin["toggle_url"] == "http://localhost/archive/articles.json?_size=5&people__arraycontains=Vladimir+Poetin"
    person = follow(datasette, poetin["toggle_url"])
    assert person["filtered_table_rows_count"] == poetin["count"]
    assert facet_value(person, "people", PERSON)["selected"] is True
    turkije = facet_value(person, "places", PLACE)
    assert turkije["selected"] is False
    both = follow(datasette, turkije["toggle_url"])
    assert both["filtered_table_rows_count"] == turkije["count"]
    assert facet_value(both, "people", PERSON)["selected"] and facet_value(both, "places", PLACE)["selected"]
    # unselecting the person keeps the place
    unselect = facet_value(both, "people", PERSON)["toggle_url"]
    assert "people__arraycontains" not in unselect and "places__arraycontains=Turkije" in unselect
    place_only = follow(datasette, unselect)
    assert place_only["filtered_table_rows_count"] == facet_value(start, "places", PLACE)["count"]
    back = follow(datasette, facet_value(place_only, "places", PLACE)["toggle_url"])
    assert back["filtered_table_rows_count"] == start["filtered_table_rows_count"]
    assert back["facet_results"]["people"]["results"] == start["facet_results"]["people"]["results"]


def test_entity_facet_toggle_links_leave_the_page_cursor_out(datasette):
    first = get_json(datasette, "/archive/articles.json?_size=2")
    later = get_json(datasette, "/archive/articles.json?_size=2&_next=" + first["next"])
    assert "_next" not in facet_value(later, "people", PERSON)["toggle_url"]


def test_selected_entity_shows_as_selected_in_the_html_facets(datasette):
    page = get(datasette, "/archive/articles?" + qs(people__arraycontains=PERSON)).text
    assert re.search(rf'<li>{PERSON} &middot; [0-9,]+ <a href="(http://localhost)?/archive/articles" class="cross">', page)


def test_facet_values_link_to_the_narrowed_page(datasette):
    facet = get_json(datasette, "/archive/articles.json")["facet_results"]["people"]
    [poetin] = [r for r in facet["results"] if r["value"] == PERSON]
    assert "people__arraycontains=Vladimir+Poetin" in poetin["toggle_url"]


def test_facet_suggestions_are_off_when_served():
    args = datasette_args(ServeOptions([Path("archive.db")], mutable=True))
    assert args[args.index("suggest_facets") + 1] == "off"


def test_article_search_box_takes_fts5_syntax(datasette, sql):
    rows = get_json(datasette, "/archive/articles.json?_shape=array&" + qs(_search="poetin NOT turkije"))
    expected = sql("select rowid from articles_fts where articles_fts match 'poetin NOT turkije'")
    assert sorted(r["id"] for r in rows) == sorted(expected) and expected


def test_entity_names_in_article_rows_link_to_the_articles_that_mention_them(datasette):
    page = get(datasette, "/archive/articles").text
    assert 'href="/archive/articles?people__arraycontains=Vladimir+Poetin"' in page


def test_entities_are_faceted_by_type_and_sorted_by_article_count(datasette, sql):
    data = get_json(datasette, "/archive/entities.json?_facet_size=max&_shape=objects")
    counts = [r["article_count"] for r in data["rows"]]
    assert counts == sorted(counts, reverse=True)
    shown = {r["value"]: r["count"] for r in data["facet_results"]["type"]["results"]}
    assert shown == dict(sql("select type, count(*) from entities group by type"))


def test_mentions_are_faceted_by_entity_with_its_name(datasette, sql):
    facet = get_json(datasette, "/archive/mentions.json?_facet_size=max")["facet_results"]["entity_id"]
    shown = {r["label"]: r["count"] for r in facet["results"]}
    assert shown == dict(sql("select entities.name, count(*) from mentions join entities on entities.id = entity_id group by entity_id"))


def test_each_mention_links_to_its_article_paragraph_and_entity(datasette, sql):
    mention_id, article_id, paragraph_id, entity_id = sql("select id, article_id, paragraph_id, entity_id from mentions limit 1")[0]
    page = get(datasette, f"/archive/mentions/{mention_id}").text
    for href in (f"/archive/articles/{article_id}", f"/archive/paragraphs/{paragraph_id}", f"/archive/entities/{entity_id}"):
        assert f'href="{href}"' in page


# Row pages


def article_with_most_mentions(sql):
    return sql("select article_id from mentions group by article_id order by count(*) desc limit 1")[0]


def test_article_page_shows_its_paragraphs_in_order(datasette, sql):
    article_id = article_with_most_mentions(sql)
    page = get(datasette, f"/archive/articles/{article_id}").text
    texts = sql(
        """select paragraphs.text from article_paragraphs join paragraphs on paragraphs.id = paragraph_id
        where article_id = ? order by position""",
        [article_id],
    )
    shown = [re.sub(r"<[^>]+>", "", p) for p in re.findall(r'<p class="paragraph"[^>]*>(.*?) <a class="paragraph-link"', page)]
    assert [html.unescape(s) for s in shown] == texts


def test_article_page_highlights_each_mention_as_a_link_to_its_entity(datasette, sql):
    article_id = article_with_most_mentions(sql)
    page = get(datasette, f"/archive/articles/{article_id}").text
    links = re.findall(r'<a class="mention mention-(\w+)" href="/archive/entities/(\d+)"[^>]*>([^<]*)</a>', page)
    expected = sql(
        """select entities.type, mentions.entity_id, mentions.text from mentions join entities on entities.id = entity_id
        join article_paragraphs on article_paragraphs.article_id = mentions.article_id and article_paragraphs.paragraph_id = mentions.paragraph_id
        where mentions.article_id = ? order by article_paragraphs.position, mentions.start""",
        [article_id],
    )
    assert [(t, int(e), html.unescape(x)) for t, e, x in links] == [(t, e, x) for t, e, x in expected]


def test_article_page_lists_its_near_duplicate_versions(datasette, sql):
    article_id, version_id = sql("select article_id, id from article_versions limit 1")[0]
    page = get(datasette, f"/archive/articles/{article_id}").text
    assert "<h2>Versions</h2>" in page and f'href="/archive/article_versions/{version_id}"' in page


def test_article_page_lists_its_source_records_with_their_file(datasette, sql):
    record_id, path = sql("select records.id, sources.path from records join sources on sources.id = source_id where article_id = 1")[0]
    page = get(datasette, "/archive/articles/1").text
    assert f'href="/archive/records/{record_id}"' in page and path in page


def test_entity_page_links_to_its_articles_mentions_and_timeline(datasette, sql):
    entity_id, article_count = sql("select id, article_count from entities where name = ?", [PERSON])[0]
    page = get(datasette, f"/archive/entities/{entity_id}").text
    articles_url = "/archive/articles?people__arraycontains=Vladimir+Poetin"
    assert f'href="{articles_url}"' in page
    assert f'href="/archive/mentions?entity_id={entity_id}"' in page
    assert 'href="/archive/entity_timeline?entity=Vladimir+Poetin"' in page
    assert get_json(datasette, articles_url.replace("articles?", "articles.json?"))["filtered_table_rows_count"] == article_count


# Canned queries

CANNED = {
    "search": {"q": "poetin"},
    "kwic": {"term": "navo"},
    "entity_timeline": {"entity": PERSON},
    "co_mentions": {"entity": PERSON},
    "articles_mentioning": {"entity": PERSON, "other": PLACE},
    "duplicates": {},
}


def test_every_canned_query_is_configured_and_tested():
    assert set(metadata()["databases"]["archive"]["queries"]) == set(CANNED)


@pytest.mark.parametrize("name", sorted(CANNED))
def test_canned_query_returns_rows_as_html_and_json(datasette, name):
    params = qs(**CANNED[name])
    assert get(datasette, f"/archive/{name}?{params}").status_code == 200
    assert len(get_json(datasette, f"/archive/{name}.json?_shape=array&{params}")) > 0


@pytest.mark.parametrize("name", ["search", "kwic", "entity_timeline", "co_mentions", "articles_mentioning"])
def test_canned_query_without_parameters_returns_no_rows_rather_than_an_error(datasette, name):
    assert get_json(datasette, f"/archive/{name}.json?_shape=array") == []


def search(datasette, **params):
    return get_json(datasette, "/archive/search.json?_shape=array&" + qs(**params))


def test_search_ranks_by_bm25_best_first(datasette, sql):
    rows = search(datasette, q="poetin turkije")
    expected = sql("select rowid from articles_fts where articles_fts match 'poetin turkije' order by bm25(articles_fts)")
    assert [r["article_id"] for r in rows] == expected
    assert [r["rank"] for r in rows] == sorted(r["rank"] for r in rows)


def test_search_highlights_the_matches_in_a_snippet(datasette):
    [row, *_] = search(datasette, q="mobilisatie")
    assert "<mark>mobilisatie</mark>" in row["snippet"]
    page = get(datasette, "/archive/search?q=mobilisatie").text
    assert "<mark>mobilisatie</mark>" in page


def test_search_ignores_diacritics(datasette, sql):
    assert len(search(datasette, q="oekraine")) == sql("select count(*) from articles_fts where articles_fts match 'oekraïne'")[0]


def test_search_filters_by_date_range_with_both_ends_included(datasette, sql):
    rows = search(datasette, q="navo", **{"from": "2022-05", "to": "2022-06"})
    expected = sql(
        "select rowid from articles_fts where articles_fts match 'navo' and rowid in (select id from articles where month between '2022-05' and '2022-06')"
    )
    assert sorted(r["article_id"] for r in rows) == sorted(expected) and len(expected) == 2


def test_search_filters_by_source(datasette):
    rows = search(datasette, q="poetin", source=CORPUS_SOURCE)
    assert rows and {r["source"] for r in rows} == {CORPUS_SOURCE}
    assert len(rows) < len(search(datasette, q="poetin"))


def test_search_shows_fts5_syntax_help_and_is_linked_from_the_home_page(datasette):
    assert "NEAR(" in get(datasette, "/archive/search").text
    assert 'href="/archive/search"' in get(datasette, "/").text


def test_kwic_gives_one_row_per_occurrence_of_the_term(datasette, sql):
    rows = get_json(datasette, "/archive/kwic.json?_shape=array&term=navo")
    occurrences = sum(len(re.findall(r"\bnavo\b", text, re.IGNORECASE)) for text in sql("select text from paragraphs"))
    assert len(rows) == occurrences
    assert {r["hit"].lower() for r in rows} == {"navo"}


def test_kwic_gives_at_most_limit_rows_from_the_latest_matching_paragraphs(datasette, sql):
    rows = get_json(datasette, "/archive/kwic.json?_shape=array&term=navo&limit=3")
    latest = sql("select rowid from paragraphs_fts where paragraphs_fts match 'navo' order by rowid desc limit 3")
    assert len(rows) == 3 and {r["paragraph_id"] for r in rows} <= set(latest)
    assert [(r["date"] or "") for r in rows] == sorted(r["date"] or "" for r in rows)


def test_kwic_limit_defaults_to_100_rows(datasette, sql):
    words = ["de", "het", "van", "en", "een"]
    texts = sql("select text from paragraphs where not boilerplate")
    occurrences = sum(len(re.findall(rf"\b{word}\b", text, re.IGNORECASE)) for word in words for text in texts)
    assert occurrences > 150
    term = qs(term=" OR ".join(words))
    assert len(get_json(datasette, f"/archive/kwic.json?_shape=array&{term}")) == 100
    assert len(get_json(datasette, f"/archive/kwic.json?_shape=array&{term}&limit=nonsense")) == 100
    assert len(get_json(datasette, f"/archive/kwic.json?_shape=array&{term}&limit=150")) == 150


def test_kwic_page_documents_its_limit(datasette):
    page = get(datasette, "/archive/kwic").text
    assert 'name="limit"' in page and "At most <em>limit</em> rows" in page


def test_kwic_context_is_the_text_around_the_hit(datasette, sql):
    for row in get_json(datasette, "/archive/kwic.json?_shape=array&term=mobilisatie"):
        text = sql("select text from paragraphs where id = ?", [row["paragraph_id"]])[0]
        assert (row["before"] + row["hit"] + row["after"]).strip("…") in text


def test_entity_timeline_counts_mentions_and_articles_per_month(datasette, sql):
    rows = get_json(datasette, "/archive/entity_timeline.json?_shape=array&" + qs(entity=PERSON))
    months = Counter()
    articles = {}
    for month, article_id in sql(
        "select month, article_id from mentions join articles on articles.id = article_id join entities on entities.id = entity_id where name = ?",
        [PERSON],
    ):
        months[month] += 1
        articles.setdefault(month, set()).add(article_id)
    assert rows == [{"month": m, "mentions": months[m], "articles": len(articles[m])} for m in sorted(months)]


def test_co_mentions_ranks_entities_by_the_articles_they_share(datasette, sql):
    rows = get_json(datasette, "/archive/co_mentions.json?_shape=array&" + qs(entity=PERSON))
    poetin_articles = set(sql("select article_id from mentions join entities on entities.id = entity_id where name = ?", [PERSON]))
    top = rows[0]
    shared = set(sql("select distinct article_id from mentions where entity_id = ?", [top["entity_id"]])) & poetin_articles
    assert top["shared_articles"] == len(shared) == max(r["shared_articles"] for r in rows)
    assert PERSON not in {r["name"] for r in rows}


def test_articles_mentioning_two_entities_agrees_with_the_two_facets(datasette):
    rows = get_json(datasette, "/archive/articles_mentioning.json?_shape=array&" + qs(entity=PERSON, other=PLACE))
    faceted = get_json(datasette, "/archive/articles.json?_shape=array&" + qs(people__arraycontains=PERSON, places__arraycontains=PLACE))
    assert [r["article_id"] for r in rows] == [r["id"] for r in faceted]


def test_duplicates_lists_each_story_with_its_number_of_versions(datasette, sql):
    rows = get_json(datasette, "/archive/duplicates.json?_shape=array")
    assert {(r["article_id"], r["versions"]) for r in rows} == set(sql("select article_id, count(*) from article_versions group by article_id"))


def test_canned_query_ids_link_to_their_rows(datasette):
    page = get(datasette, "/archive/co_mentions?" + qs(entity=PERSON)).text
    assert re.search(r'<a href="/archive/entities/\d+">\d+</a>', page)


# Dashboard and static files


def dashboard():
    return metadata()["plugins"]["datasette-dashboards"]["archive-overview"]


def test_dashboard_page_loads_its_scripts_from_the_server(datasette):
    page = get(datasette, "/-/dashboards/archive-overview").text
    scripts = re.findall(r'<script[^>]* src="([^"]+)"', page)
    assert any("vega-lite" in s for s in scripts)
    for src in scripts:
        assert src.startswith("/"), src
        assert get(datasette, src).status_code == 200, src


@pytest.mark.parametrize("chart", sorted(dashboard()["charts"]))
def test_dashboard_chart_query_returns_rows(datasette, chart):
    spec = dashboard()["charts"][chart]
    rows = get_json(datasette, "/archive.json?_shape=array&" + qs(sql=spec["query"], entity=""))
    assert rows and all(v is not None for v in rows[0].values())


def test_entity_box_on_the_dashboard_lists_entities_most_covered_first(datasette, sql):
    page = get(datasette, "/-/dashboards/archive-overview").text
    first = sql("select name from entities order by article_count desc, name limit 1")[0]
    assert f'<option value="{first}"' in page


def test_stylesheet_is_served_and_linked_from_every_page(datasette):
    assert get(datasette, "/-/static-plugins/news-archive/archive.css").status_code == 200
    assert '/-/static-plugins/news-archive/archive.css' in get(datasette, "/archive/articles").text


def test_canned_query_pages_are_titled_after_the_query_not_its_sql(datasette):
    page = get(datasette, "/archive/search").text
    assert "<title>Search articles</title>" in page


def test_json_rows_are_plain_values_for_clients(datasette):
    row = get_json(datasette, "/archive/articles.json?_shape=array&_size=1")[0]
    assert isinstance(json.loads(row["people"]), list)


# Serving


def setting(args, name):
    values = [args[i + 2] for i, a in enumerate(args[:-2]) if a == "--setting" and args[i + 1] == name]
    return int(values[-1]) if values else None


def test_serve_binds_localhost_with_cors_and_time_limits_and_leaves_metadata_to_the_plugin(archive):
    args = datasette_args(ServeOptions([archive]))
    assert args[args.index("--host") + 1] == "127.0.0.1"
    assert args[args.index("--port") + 1] == "8001"
    assert "--cors" in args
    assert "--metadata" not in args and "-m" not in args
    assert setting(args, "sql_time_limit_ms") == DEFAULT_SETTINGS["sql_time_limit_ms"]
    assert setting(args, "facet_time_limit_ms") <= setting(args, "sql_time_limit_ms")


def test_serve_opens_a_quiet_archive_immutable_with_table_counts_from_an_inspect_file(archive, sql):
    args = datasette_args(ServeOptions([archive]))
    assert args[args.index("-i") + 1] == str(archive)
    inspect_file = args[args.index("--inspect-file") + 1]
    assert inspect_file == str(inspect_path(archive))
    counts = json.loads(inspect_path(archive).read_text())["archive"]["tables"]
    assert counts["articles"]["count"] == sql("select count(*) from articles")[0]
    assert counts["mentions"]["count"] == sql("select count(*) from mentions")[0]


def test_serve_opens_the_archive_live_while_its_write_ahead_log_has_changes(tmp_path):
    archive = build_archive(tmp_path, corpus=False)
    writer = sqlite3.connect(archive)
    writer.execute("pragma wal_autocheckpoint = 0")
    with writer:
        writer.execute("update articles set author = 'test' where id = 1")
    try:
        args = datasette_args(ServeOptions([archive]))
        assert "-i" not in args and "--inspect-file" not in args and args[0] == str(archive)
    finally:
        writer.close()


def test_serve_opens_the_archive_live_when_asked(archive):
    args = datasette_args(ServeOptions([archive], mutable=True))
    assert "-i" not in args and args[0] == str(archive)


def test_serve_caps_the_facet_time_limit_by_a_lower_sql_time_limit(archive):
    args = datasette_args(ServeOptions([archive], extra=["--setting", "sql_time_limit_ms", "400"]))
    assert setting(args, "sql_time_limit_ms") == 400
    assert setting(args, "facet_time_limit_ms") == 400


def test_serve_passes_other_options_to_datasette_and_lets_them_win(archive, tmp_path):
    extra = ["--setting", "default_page_size", "10", "--metadata", str(tmp_path / "mine.yml"), "--template-dir", str(tmp_path)]
    args = datasette_args(ServeOptions([archive], cors=False, extra=extra))
    assert args[-len(extra) :] == extra
    assert "--cors" not in args


# Documentation: every `$ curl -s 'URL'` in the README's serving section and in docs/api.md, run against
# the sample archive (the seed alone), returns what its documented output shows.

BASE = "http://127.0.0.1:8001"


def documented_examples():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    serving = readme.split("## Serving with Datasette", 1)[1].split("\n## ", 1)[0]
    api = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    examples = []
    for name, text in (("README", serving), ("docs/api.md", api)):
        for match in re.finditer(r"^    \$ curl -s '([^']+)'\n((?:    \S.*\n?)+)", text, re.MULTILINE):
            output = "\n".join(line[4:] for line in match.group(2).rstrip("\n").split("\n"))
            examples.append(pytest.param(match.group(1), output, id=f"{name}: {match.group(1)[len(BASE):]}"))
    return examples


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    return Datasette([str(build_archive(tmp_path_factory.mktemp("sample"), corpus=False))])


def shape(value):
    if isinstance(value, dict):
        return {key: shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return ["list", *({json.dumps(shape(item), sort_keys=True) for item in value})]
    return {type(None): "null", bool: "bool", int: "number", float: "number", str: "string"}[type(value)]


def test_the_docs_show_an_example_of_each_canned_query():
    urls = [example.values[0] for example in documented_examples()]
    for name in CANNED:
        assert any(f"/archive/{name}.json" in url for url in urls), name


@pytest.mark.parametrize("url, documented", documented_examples())
def test_documented_example_returns_the_documented_shape(sample, url, documented):
    assert url.startswith(BASE)
    response = get(sample, url[len(BASE) :])
    assert response.status_code == 200
    if ".csv" in url:
        assert response.text.replace("\r\n", "\n").strip() == documented
    else:
        assert shape(response.json()) == shape(json.loads(documented))


def test_array_pages_give_the_next_page_in_a_link_header(sample):
    response = get(sample, "/archive/mentions.json?_shape=array&_size=2")
    assert re.fullmatch(r'<http://localhost/archive/mentions.json\?_shape=array&_size=2&_next=2>; rel="next"', response.headers["link"])
