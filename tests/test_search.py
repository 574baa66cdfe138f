"""Search that takes what people type, and one identity for text everywhere it is compared (issue 11).

The archives are made with the real CLI from the case inputs in fixtures/search/
and browsed through Datasette's own test client with the project's metadata.
"""

import asyncio
import json
import sqlite3
import unicodedata
import urllib.parse
from pathlib import Path

import pytest
from click.testing import CliRunner
from datasette.app import Datasette
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from datasette_news_archive.entity_lookup import EntityIndex
from datasette_news_archive.search_query import NOTHING, SearchQueryError, fts_query
from fixtures.frontend_archive import metadata
from ingest.cli import cli
from ingest.textclean import match_key, normalize

FIXTURES = Path(__file__).parent / "fixtures" / "search"
SEED = Path(__file__).parent.parent / "seeds" / "000_bddd90c52c43196c.txt"


def ingest(db_path, *inputs):
    result = CliRunner().invoke(cli, ["ingest", *map(str, inputs), "--db", str(db_path), "--quiet"])
    assert result.exit_code == 0, result.output
    return result.output


def get(ds, path):
    return asyncio.run(ds.client.get(path))


def qs(**params):
    return urllib.parse.urlencode(params)


@pytest.fixture(scope="module")
def punctuation(tmp_path_factory):
    path = tmp_path_factory.mktemp("punctuation") / "archive.db"
    ingest(path, FIXTURES / "punctuation.jsonl")
    return Datasette([str(path)], metadata=metadata())


# The case's table: term -> the article (by its line in punctuation.jsonl) it must find.
PUNCTUATION_TERMS = {
    "Noord-Holland": 1,
    "covid-19": 1,
    "e-mail": 1,
    "'s-Hertogenbosch": 2,
    "zo'n": 2,
    "nu.nl": 1,
    "2,5 procent": 1,
    "C&A": 2,
    "10:30": 3,
    "Den Haag: kabinet": 3,
    "kabinet AND": 3,
    "(navo": 3,
    # the same kind: other punctuation, curly quotes, dashes, deliberate syntax
    "NAVO-top": 3,
    "“Noord-Holland”": 1,
    "zo’n": 2,
    "‘s-Hertogenbosch": 2,
    '"De GGD stuurt"': 1,
    "besmettingen NOT kabinet": 1,
    "Hinthamerstraat OR nu.nl": {1, 2},
    "NEAR(kabinet bijeen, 5)": 3,
    "Hertogen*": 2,
    "title:winkelpand": 2,
    "title:(winkel*": 2,
    "kabinet)": 3,
    "navo AND": 3,
    "AND navo": 3,
    "[navo]": 3,
    "navo/top": 3,
    "navo+top": 3,
    "#navo": 3,
    "@navo": 3,
    "2,5%": 1,
    "procent.": 1,
    "10:30 – navo": 3,
    "kabinet — navo": 3,
    "covid‑19": 1,  # non-breaking hyphen
    "besmet\u00adtingen": 1,  # soft hyphen pasted into the box: ignored
    "Noord-Holland\u200b": 1,
}


def _ids(expected):
    return expected if isinstance(expected, set) else {expected}


@pytest.mark.parametrize("term", PUNCTUATION_TERMS)
def test_punctuation_term_finds_its_article_in_all_three_places(punctuation, term):
    expected = _ids(PUNCTUATION_TERMS[term])
    response = get(punctuation, f"/archive/search.json?{qs(q=term, _shape='array')}")
    assert response.status_code == 200, response.text
    assert {row["article_id"] for row in response.json()} == expected
    response = get(punctuation, f"/archive/articles.json?{qs(_search=term, _shape='array', _col='title')}")
    assert response.status_code == 200, response.text
    assert {row["id"] for row in response.json()} == expected
    if "title:" not in term:  # kwic searches paragraphs, which have no title
        response = get(punctuation, f"/archive/kwic.json?{qs(term=term, _shape='array')}")
        assert response.status_code == 200, response.text
        assert {row["article_id"] for row in response.json()} == expected
    for path in (f"/archive/search?{qs(q=term)}", f"/archive/articles?{qs(_search=term)}", f"/archive/kwic?{qs(term=term)}"):
        response = get(punctuation, path)
        assert response.status_code == 200, path
        assert "message-error" not in response.text


def test_the_search_box_keeps_what_was_typed(punctuation):
    page = get(punctuation, f"/archive/articles?{qs(_search='Noord-Holland')}").text
    assert 'name="_search" value="Noord-Holland"' in page
    assert "no such column" not in page


@pytest.mark.parametrize("term", ['"', '""', "-", "*", "()", "AND", "OR", ":", "title:"])
def test_a_query_without_words_finds_nothing_without_error(punctuation, term):
    assert get(punctuation, f"/archive/search.json?{qs(q=term, _shape='array')}").json() == []
    assert get(punctuation, f"/archive/kwic.json?{qs(term=term, _shape='array')}").json() == []
    response = get(punctuation, f"/archive/articles.json?{qs(_search=term, _shape='array')}")
    assert response.status_code == 200
    assert response.json() == []


@pytest.mark.parametrize("term", ["", "   ", "\t", "\u200b"])
def test_an_empty_query_is_no_search(punctuation, term):
    assert get(punctuation, f"/archive/search.json?{qs(q=term, _shape='array')}").json() == []
    assert get(punctuation, f"/archive/kwic.json?{qs(term=term, _shape='array')}").json() == []
    response = get(punctuation, f"/archive/articles.json?{qs(_search=term, _shape='array', _col='title')}")
    assert response.status_code == 200
    assert [row["id"] for row in response.json()] == [3, 2, 1]
    assert get(punctuation, f"/archive/articles?{qs(_search=term)}").status_code == 200


@pytest.mark.parametrize("term", ["NOT navo", "(NOT navo)", "kabinet OR NOT navo"])
def test_a_query_that_cannot_be_run_gets_a_message_not_an_error_page(punctuation, term):
    for path in (f"/archive/search?{qs(q=term)}", f"/archive/articles?{qs(_search=term)}", f"/archive/kwic?{qs(term=term)}"):
        response = get(punctuation, path)
        assert response.status_code == 200, path
        assert 'class="message-error"' in response.text
        assert "NOT" in response.text and "navo NOT turkije" in response.text  # what was wrong, with an example
        assert "no such column" not in response.text and "fts5" not in response.text
        assert 'name="q"' in response.text or 'name="_search"' in response.text or 'name="term"' in response.text
    for path in (f"/archive/search.json?{qs(q=term)}", f"/archive/articles.json?{qs(_search=term)}", f"/archive/kwic.json?{qs(term=term)}"):
        response = get(punctuation, path)
        assert response.status_code == 400, path
        assert "NOT" in response.json()["error"]
    for path in (f"/archive/search.csv?{qs(q=term)}", f"/archive/articles.csv?{qs(_search=term)}"):
        response = get(punctuation, path)
        assert response.status_code == 400, path
        assert "navo NOT turkije" in response.text


# The query builder on its own


def test_fts_query_examples():
    assert fts_query("Noord-Holland") == '"Noord-Holland"'
    assert fts_query("2,5 procent") == '"2,5" AND "procent"'
    assert fts_query("kabinet AND") == '"kabinet"'
    assert fts_query("(navo") == '( "navo" )'
    assert fts_query('"') == NOTHING
    assert fts_query("zweden OR finland") == '"zweden" OR "finland"'
    assert fts_query("NEAR(poetin erdogan, 5)") == 'NEAR("poetin" "erdogan", 5)'
    assert fts_query("mobili*") == '"mobili" *'
    assert fts_query("title:navo") == 'title : "navo"'
    assert fts_query("onbekend:navo") == '"onbekend:navo"'
    assert fts_query("kabinet AND NOT navo") == '"kabinet" NOT "navo"'
    with pytest.raises(SearchQueryError):
        fts_query("NOT navo")


@pytest.fixture(scope="module")
def fts_table():
    conn = sqlite3.connect(":memory:")
    conn.execute("create virtual table t using fts5(title, body, tokenize='unicode61 remove_diacritics 2')")
    conn.execute("insert into t values ('navo top', 'Noord-Holland')")
    return conn


QUERY_CHARACTERS = st.one_of(
    st.characters(codec="utf-8"),
    st.sampled_from(list('"()*:^+-,.\'/&@#%€°–—[]{}“”‘’„') + ["AND", "OR", "NOT", "NEAR", "NEAR(", "title:", "body:", " "]),
)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(QUERY_CHARACTERS, max_size=40).map("".join))
def test_fts5_accepts_every_query_the_builder_makes(fts_table, text):
    try:
        query = fts_query(text, ("title", "body"))
    except SearchQueryError as error:
        assert error.message
        return
    fts_table.execute("select count(*) from t where t match ?", [query]).fetchone()


_ONE_ARTICLE = sqlite3.connect(":memory:")
_ONE_ARTICLE.execute("create virtual table t using fts5(body, tokenize='unicode61 remove_diacritics 2')")

WORD = st.text(
    st.one_of(st.characters(codec="utf-8", exclude_categories=("Cs", "Zs", "Zl", "Zp", "Cc")), st.sampled_from(list("-.,'&:/@#%€°’"))),
    min_size=1,
    max_size=12,
)


@settings(max_examples=300, deadline=None)
@given(st.lists(WORD, min_size=1, max_size=12), st.data())
def test_searching_for_any_word_of_an_article_finds_it(words, data):
    conn = _ONE_ARTICLE
    text = normalize(" ".join(words))
    conn.execute("delete from t")
    conn.execute("insert into t (rowid, body) values (1, ?)", [text])
    word = data.draw(st.sampled_from(text.split() or [""]))
    try:
        query = fts_query(word, ("body",))
    except SearchQueryError:  # the word NOT on its own
        assume(False)
    assume(query != NOTHING)  # only punctuation, or an operator on its own: no word to find
    assert conn.execute("select rowid from t where t match ?", [query]).fetchall() == [(1,)], (text, word, query)


# Invisible characters


@pytest.fixture(scope="module")
def invisible(tmp_path_factory):
    path = tmp_path_factory.mktemp("invisible") / "archive.db"
    output = ingest(path, FIXTURES / "invisible.jsonl")
    return path, output, Datasette([str(path)], metadata=metadata())


def test_a_copy_that_differs_by_a_soft_hyphen_is_a_duplicate(invisible):
    path, output, _ = invisible
    assert "new articles: 2, exact duplicates: 1" in output
    conn = sqlite3.connect(path)
    assert conn.execute("select position, status, article_id from records order by position").fetchall() == [
        (0, "new", 1),
        (1, "duplicate", 1),
        (2, "new", 2),
    ]
    assert "\u00ad" not in conn.execute("select group_concat(body) from articles").fetchone()[0]
    assert "\u200b" not in conn.execute("select group_concat(text) from paragraphs").fetchone()[0]
    raw = CliRunner().invoke(cli, ["raw", str(path), "2"]).stdout_bytes.decode("utf-8")
    assert "\\u00ad" in raw or "\u00ad" in raw  # the raw record keeps what the file said


@pytest.mark.parametrize("term, article", [("gemeenteraad", 1), ("oekraine", 2), ("Oekraïne", 2), ("Oekrai\u0308ne", 2), ("OEKRAÏNE", 2)])
def test_plain_spellings_find_text_written_with_invisible_characters(invisible, term, article):
    _, _, ds = invisible
    assert [r["article_id"] for r in get(ds, f"/archive/search.json?{qs(q=term, _shape='array')}").json()] == [article]
    assert [r["id"] for r in get(ds, f"/archive/articles.json?{qs(_search=term, _shape='array')}").json()] == [article]
    assert [r["article_id"] for r in get(ds, f"/archive/kwic.json?{qs(term=term, _shape='array')}").json()] == [article]


def test_no_bogus_entity_from_a_zero_width_space(invisible):
    path, _, ds = invisible
    conn = sqlite3.connect(path)
    assert conn.execute("select count(*) from entities where name like 'Oekra%' and name != 'Oekraïne'").fetchone()[0] == 0
    assert conn.execute(
        "select entities.name from mentions join entities on entities.id = mentions.entity_id where mentions.article_id = 2"
    ).fetchall() == [("Oekraïne",)]
    rows = get(ds, f"/archive/articles.json?{qs(places__arraycontains='Oekraïne', _shape='array')}").json()
    assert [r["id"] for r in rows] == [2]


# Entities found by what people type


@pytest.fixture(scope="module")
def seed(tmp_path_factory):
    path = tmp_path_factory.mktemp("seed") / "archive.db"
    ingest(path, SEED, FIXTURES / "invisible.jsonl")
    return Datasette([str(path)], metadata=metadata())


def nfd(text):
    return unicodedata.normalize("NFD", text)


def entity_surfaces(name, column="places"):
    return [
        f"/archive/articles.json?{qs(**{f'{column}__arraycontains': name, '_shape': 'array', '_col': 'title'})}",
        f"/archive/entities.json?{qs(name=name, _shape='array')}",
        f"/archive/entity_timeline.json?{qs(entity=name, _shape='array')}",
        f"/archive/co_mentions.json?{qs(entity=name, _shape='array')}",
        f"/archive/articles_mentioning.json?{qs(entity=name, other='', _shape='array')}",
        "/archive.json?"
        + qs(sql="select count(*) as n from mentions join entities on entities.id = entity_id where entities.name = :entity", entity=name, _shape="array"),
    ]


def answers(ds, name, column="places"):
    result = []
    for path in entity_surfaces(name, column):
        response = get(ds, path)
        assert response.status_code == 200, (path, response.text)
        result.append(response.json())
    return result


def test_nfd_and_nfc_names_give_identical_answers_on_every_entity_surface(seed):
    nfc_answers = answers(seed, "Oekraïne")
    assert nfc_answers[0] and nfc_answers[1] and nfc_answers[2]
    assert answers(seed, nfd("Oekraïne")) == nfc_answers
    assert answers(seed, "oekraine") == nfc_answers
    assert answers(seed, "OEKRAÏNE") == nfc_answers
    assert answers(seed, "Oekra\u00adïne") == nfc_answers


@pytest.mark.parametrize("typed", ["Poetin", "poetin", "vladimir poetin", "VLADIMIR POETIN", "Putin", nfd("Vladimir Poetin")])
def test_any_alias_or_form_finds_the_canonical_entity(seed, typed):
    assert answers(seed, typed, "people") == answers(seed, "Vladimir Poetin", "people")
    response = get(seed, f"/archive/entity_timeline.json?{qs(entity=typed, _shape='array')}")
    assert response.json() == [{"month": "2022-01", "mentions": 5, "articles": 1}]


def test_the_page_says_which_entity_it_used(seed):
    response = get(seed, f"/archive/entity_timeline.json?{qs(entity='poetin')}")
    assert response.json()["entity_notes"] == [{"given": "poetin", "entity": "Vladimir Poetin", "type": "person", "choices": []}]
    assert json.loads(response.headers["x-news-archive-entities"])[0]["entity"] == "Vladimir Poetin"
    page = get(seed, f"/archive/entity_timeline?{qs(entity='poetin')}").text
    assert "is Vladimir Poetin (person)" in page
    assert 'value="Vladimir Poetin"' in page
    page = get(seed, f"/archive/articles?{qs(people__arraycontains='erdogan')}").text
    assert "is Recep Tayyip Erdogan (person)" in page
    page = get(seed, f"/-/dashboards/archive-overview?{qs(entity='poetin')}").text
    assert "is Vladimir Poetin (person)" in page


def test_an_unknown_name_says_so(seed):
    page = get(seed, f"/archive/entity_timeline?{qs(entity='Jan Modaal')}").text
    assert "No entity is called" in page


def test_an_ambiguous_name_offers_the_choices():
    index = EntityIndex.build(
        [("Mark Rutte", "person", 50), ("Anna Rutte", "person", 2), ("Rutte", "organization", 1)], {}
    )
    # an exact name beats a surname
    assert index.resolve("rutte").name == "Rutte"
    resolution = index.resolve("RUTTE", ("person",))
    assert (resolution.name, resolution.choices) == ("Mark Rutte", ["Anna Rutte"])
    assert "Anna Rutte" in resolution.note()


def test_the_entities_table_is_searchable_by_name_and_alias(seed):
    for typed in ("Putin", "poetin", "vladimir", "oekraine", nfd("Oekraïne")):
        response = get(seed, f"/archive/entities.json?{qs(_search=typed, _shape='array')}")
        assert response.status_code == 200
        names = [row["name"] for row in response.json()]
        assert names and all(match_key(typed) in match_key(n) or n in ("Vladimir Poetin",) for n in names), (typed, names)
    page = get(seed, f"/archive/entities?{qs(_search='Putin')}").text
    assert 'name="_search"' in page and "Vladimir Poetin" in page


# Existing archives: news-archive normalize


def test_normalize_brings_an_old_archive_up_to_the_normalisation(tmp_path, monkeypatch):
    import ingest.textclean as textclean

    path = tmp_path / "archive.db"
    with monkeypatch.context() as patched:  # ingest as before the normalisation existed: NFC only
        patched.setattr(textclean, "normalize", lambda text: unicodedata.normalize("NFC", text) if text else text)
        ingest(path, FIXTURES / "invisible.jsonl")
    conn = sqlite3.connect(path)
    assert conn.execute("select count(*) from articles").fetchone()[0] == 3
    assert conn.execute("select count(*) from entities where name = 'Oekra'").fetchone()[0] == 1
    conn.close()
    result = CliRunner().invoke(cli, ["normalize", "--db", str(path)])
    assert result.exit_code == 0, result.output
    assert "1 now duplicates" in result.output
    conn = sqlite3.connect(path)
    assert conn.execute("select position, status, article_id from records order by position").fetchall() == [
        (0, "new", 1),
        (1, "duplicate", 1),
        (2, "new", 3),
    ]
    assert conn.execute("select count(*) from entities where name = 'Oekra'").fetchone()[0] == 0
    assert conn.execute("select rowid from articles_fts where articles_fts match 'gemeenteraad'").fetchall() == [(1,)]
    assert conn.execute("select rowid from articles_fts where articles_fts match 'oekraine'").fetchall() == [(3,)]
    for fts in ("articles_fts", "paragraphs_fts"):
        conn.execute(f"insert into {fts}({fts}, rank) values ('integrity-check', 1)")
    raw = CliRunner().invoke(cli, ["raw", str(path), "2"]).stdout_bytes
    assert b"\\u00ad" in raw
    conn.close()
    again = CliRunner().invoke(cli, ["normalize", "--db", str(path)])
    assert "paragraphs normalised: 0" in again.output and "articles normalised: 0" in again.output


@pytest.mark.parametrize("term", ["Noord-Holland", "'s-Hertogenbosch", "10:30"])
def test_the_paragraphs_search_box_takes_the_same_syntax(punctuation, term):
    response = get(punctuation, f"/archive/paragraphs.json?{qs(_search=term, _shape='array')}")
    assert response.status_code == 200, response.text
    assert len(response.json()) == 1


def test_searches_and_entity_names_work_under_a_base_url(tmp_path):
    path = tmp_path / "archive.db"
    ingest(path, SEED)
    ds = Datasette([str(path)], metadata=metadata(), settings={"base_url": "/news/"})
    assert get(ds, f"/archive/search.json?{qs(q='NOT navo')}").status_code == 400
    rows = get(ds, f"/archive/entity_timeline.json?{qs(entity='poetin', _shape='array')}").json()
    assert rows == [{"month": "2022-01", "mentions": 5, "articles": 1}]


# The one text normalisation


@pytest.mark.parametrize(
    "text, expected",
    [
        ("gemeente\u00adraad", "gemeenteraad"),
        ("Oekra\u200bïne", "Oekraïne"),
        ("Oekrai\u0308ne", "Oekraïne"),
        ("a\u200cb\u200dc\u2060d\ufeffe\u200ef\u202ag", "abcdefg"),
        ("zo\u02bcn", "zo'n"),
        ("zo´n", "zo'n"),
        ("zo`n", "zo'n"),
        ("„Nee”, zei ze – ‘nooit’.", "„Nee”, zei ze – ‘nooit’."),  # typography stays in stored text
        ("\U0001F468\u200d\U0001F469", "\U0001F468\u200d\U0001F469"),  # an emoji sequence keeps its joiner
        ("\u0600\u0661", "\u0600\u0661"),  # a visible Arabic number sign stays
    ],
)
def test_normalize(text, expected):
    assert normalize(text) == expected
    assert normalize(expected) == expected


def test_match_key_ignores_case_accents_quotes_and_invisible_characters():
    keys = {match_key(t) for t in ("Oekraïne", "oekraine", "OEKRAI\u0308NE", "Oekra\u200bïne", "  oekraïne ")}
    assert keys == {"oekraine"}
    assert match_key("zo’n") == match_key("zo'n") == match_key("ZO\u02bcN")


def test_an_alias_from_the_users_own_entity_file_is_found_through_the_mentions(tmp_path):
    path = tmp_path / "archive.db"
    result = CliRunner().invoke(
        cli, ["ingest", str(FIXTURES / "own_entities.jsonl"), "--db", str(path), "--entities", str(FIXTURES / "own_entities.csv")]
    )
    assert result.exit_code == 0, result.output
    ds = Datasette([str(path)], metadata=metadata())
    expected = [{"month": "2023-04", "mentions": 2, "articles": 1}]
    for typed in ("Lotte Jansen", "l. jansen", "wethouder Jansen", "Jansen"):
        response = get(ds, f"/archive/entity_timeline.json?{qs(entity=typed)}")
        assert [dict(zip(response.json()["columns"], row)) for row in response.json()["rows"]] == expected, typed
        if typed != "Lotte Jansen":
            assert response.json()["entity_notes"][0]["entity"] == "Lotte Jansen"


def test_search_and_entity_names_work_for_an_archive_of_any_name(tmp_path):
    path = tmp_path / "nieuws.db"
    ingest(path, FIXTURES / "punctuation.jsonl", SEED)
    ds = Datasette([str(path)])  # the plugin's own configuration, as `datasette nieuws.db` serves it
    rows = get(ds, f"/nieuws/search.json?{qs(q='Noord-Holland', _shape='array')}").json()
    assert [row["article_id"] for row in rows] == [1]
    assert get(ds, f"/nieuws/articles.json?{qs(_search='(navo', _shape='array')}").status_code == 200
    assert get(ds, f"/nieuws/kwic.json?{qs(term='NOT navo')}").status_code == 400
    rows = get(ds, f"/nieuws/entity_timeline.json?{qs(entity='poetin', _shape='array')}").json()
    assert rows == [{"month": "2022-01", "mentions": 5, "articles": 1}]


def test_an_ambiguous_name_links_the_other_entities(tmp_path):
    path = tmp_path / "archive.db"
    ingest(path, SEED)
    conn = sqlite3.connect(path)  # two people called Kok, one more covered
    conn.execute("insert into entities (name, type, mention_count, article_count) values ('Wim Kok', 'person', 9, 3), ('Anna Kok', 'person', 1, 1)")
    conn.commit()
    conn.close()
    ds = Datasette([str(path)], metadata=metadata())
    response = get(ds, f"/archive/entity_timeline.json?{qs(entity='kok')}")
    assert response.json()["entity_notes"] == [{"given": "kok", "entity": "Wim Kok", "type": "person", "choices": ["Anna Kok"]}]
    page = get(ds, f"/archive/entity_timeline?{qs(entity='kok')}").text
    assert "is Wim Kok (person). It may also mean:" in page
    assert '<a href="/archive/entity_timeline?entity=Anna+Kok">Anna Kok</a>' in page


def test_a_term_copied_from_a_pdf_with_ligatures_finds_the_plain_text(tmp_path):
    source = tmp_path / "ligaturen.jsonl"
    source.write_text('{"title": "Begroting", "text": "De financiële positie van de gemeente is zwak, meldt de wethouder."}\n', encoding="utf-8")
    path = tmp_path / "archive.db"
    ingest(path, source)
    ds = Datasette([str(path)])
    term = "\ufb01nanci\u00eble"  # "ﬁnanciële", with the fi ligature
    assert [r["article_id"] for r in get(ds, f"/archive/search.json?{qs(q=term, _shape='array')}").json()] == [1]
    assert [r["id"] for r in get(ds, f"/archive/articles.json?{qs(_search=term, _shape='array')}").json()] == [1]
    assert [r["article_id"] for r in get(ds, f"/archive/kwic.json?{qs(term=term, _shape='array')}").json()] == [1]


@pytest.mark.parametrize("spelling", ["2022-01", "1-1-2022", "1 januari 2022", "2022/01/01"])
def test_search_dates_are_read_in_any_spelling_the_ingest_reads(seed, spelling):
    rows = get(seed, f"/archive/search.json?{qs(q='poetin', _shape='array', **{'from': spelling})}").json()
    assert rows and all(row["date"] >= "2022" for row in rows)


def test_a_search_date_that_cannot_be_read_is_a_clear_400_for_scripts_and_a_message_on_the_page(seed):
    response = get(seed, f"/archive/search.json?{qs(q='poetin', _shape='array', **{'from': 'garbage'})}")
    assert response.status_code == 400 and "YYYY-MM-DD" in response.text
    page = get(seed, f"/archive/search?{qs(q='poetin', **{'from': 'garbage'})}")
    assert page.status_code == 200 and "cannot be read" in page.text
