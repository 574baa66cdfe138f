"""Each vendor reader on small files in the vendor's real layout (invented text), with several documents
and a damaged one: the damaged record is rejected with a reason, the others stored."""

import io
import re
import json

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
import sqlite_utils
from click.testing import CliRunner

from conftest import FIXTURES
from ingest.archive import ingest_paths
from ingest.cli import cli
from ingest.records import detect_file, open_records

FORMATS = FIXTURES / "formats"


def read(path, **options):
    return list(open_records(path, **options))


def stored(records):
    return [r for r in records if not r.rejected]


def rejected(records):
    return [r for r in records if r.rejected]


def test_lexisnexis_academic_documents_and_a_damaged_one():
    records = read(FORMATS / "lexisnexis-3docs-one-damaged.txt")
    assert detect_file(FORMATS / "lexisnexis-3docs-one-damaged.txt").format == "lexisnexis"
    first, third = stored(records)
    assert (first.date, first.source, first.author, first.title) == (
        "2010-02-03", "NRC Handelsblad", "Pieter Bakker", "Nieuwe sluis bij IJmuiden krijgt groen licht",
    )
    assert first.text.count("\n\n") == 1 and "LOAD-DATE" not in first.text and "Copyright" not in first.text
    assert first.extra["section"] == "Binnenland; Blz. 3" and first.extra["dateline"] == "IJmuiden"
    assert (third.date, third.source, third.extra["edition"]) == ("2010-02-04", "Trouw", "Eerste editie")
    assert third.text.count("\n\n") == 2
    (damaged,) = rejected(records)
    assert "document 2 of 3 has no body text" in damaged.error


def test_nexis_uni_text_save_with_cover_page_and_a_damaged_document():
    records = read(FORMATS / "nexis-uni-3docs-one-damaged.txt")
    first, third = stored(records)
    assert (first.date, first.source, first.author, first.title) == (
        "2023-05-10", "Het Parool", "Anna Jansen", "Gemeente opent nieuw zwembad",
    )
    assert first.text.split("\n\n") == [
        "Het nieuwe zwembad in Amsterdam-Noord gaat zaterdag open. De bouw duurde drie jaar.",
        "Bewoners konden al een kijkje nemen tijdens een open dag.",
    ]
    assert first.extra["section"] == "Stad; Blz. 4" and first.extra["length"] == "140 words"
    assert third.extra["language"] == "DUT; NLD" and len(third.text.split("\n\n")) == 3
    (damaged,) = rejected(records)
    assert "without a 'Body' line" in damaged.error


def _nexis_uni_docx(path, lines):
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(path)
    return path


def test_nexis_uni_docx_is_split_into_its_documents(tmp_path):
    text = (FORMATS / "nexis-uni-3docs-one-damaged.txt").read_text(encoding="utf-8")
    path = _nexis_uni_docx(tmp_path / "Files (3).DOCX", text.splitlines())
    assert detect_file(path).format == "docx"
    records = read(path)
    assert [r.title for r in stored(records)] == ["Gemeente opent nieuw zwembad", "Badmeesters gezocht voor zomer"]
    assert {r.reader for r in records} == {"nexis-uni-docx"}
    assert len(rejected(records)) == 1


def test_a_damaged_docx_is_rejected_with_a_reason(tmp_path):
    good = _nexis_uni_docx(tmp_path / "good.docx", ["Titel", "Body", "Tekst.", "End of Document"]).read_bytes()
    (tmp_path / "cut.docx").write_bytes(good[: len(good) // 2])
    (record,) = read(tmp_path / "cut.docx")
    assert record.rejected and "cannot be opened" in record.error


def test_a_plain_word_document_is_one_article_with_a_warning(tmp_path):
    path = _nexis_uni_docx(tmp_path / "notes.docx", ["Eerste alinea.", "", "Tweede alinea."])
    (record,) = read(path)
    assert record.text == "Eerste alinea.\n\nTweede alinea." and "Nexis Uni" in record.error


def test_factiva_documents_and_a_damaged_one():
    records = read(FORMATS / "factiva-3docs-one-damaged.txt")
    first, third = stored(records)
    assert (first.date, first.source, first.author, first.title) == (
        "2022-03-02", "NRC Handelsblad", "Karin Smit", "Provincie trekt geld uit voor dijken",
    )
    assert first.extra.items() >= {"source_code": "NRCH", "page": "Page 6", "edition": "Ochtendeditie", "language": "Dutch"}.items()
    assert first.extra["id"] == "NRCH000020220302ei320000a" and "words" not in first.text
    assert (third.date, third.source, third.extra["source_code"]) == ("2022-03-03", "Trouw", "TROUW")
    (damaged,) = rejected(records)
    assert "word-count line" in damaged.error


def test_rss_feed_items_with_an_empty_one():
    records = read(FORMATS / "feed-rss-3items-one-empty.xml")
    full, summary_only = stored(records)
    assert (full.source, full.author, full.url) == (
        "Voorbeeldkrant - Binnenland", "Jan de Boer", "https://voorbeeldkrant.nl/binnenland/1",
    )
    assert full.text.split("\n\n")[1] == "Reizigers moeten rekening houden met vertraging."
    assert "only a summary" in summary_only.error
    (empty,) = rejected(records)
    assert "no content and no summary" in empty.error


def test_atom_feed(tmp_path):
    db = sqlite_utils.Database(tmp_path / "archive.db")
    ingest_paths(db, [FORMATS / "feed-atom-2entries.xml"])
    rows = list(db.query("select date, source, author, title from articles order by id"))
    assert rows[0] == {"date": "2022-01-04", "source": "Voorbeeldblog", "author": "Els Vos", "title": "Eerste bericht van het jaar"}
    assert len(rows) == 2


def test_a_broken_feed_keeps_the_items_before_the_break(tmp_path):
    text = (FORMATS / "feed-rss-3items-one-empty.xml").read_text(encoding="utf-8")
    path = tmp_path / "cut.rss"
    path.write_text(text[: text.index("<title>Gemeente")], encoding="utf-8")
    records = read(path)
    assert stored(records)[0].title == "Trein rijdt weer tussen Zwolle en Groningen"
    assert "XML breaks" in rejected(records)[-1].error


def test_delpher_article_ocr_text():
    (record,) = read(FORMATS / "delpher-article-ocr.xml")
    assert record.title == "BINNENLAND. De nieuwe spoorlijn."
    assert len(record.text.split("\n\n")) == 2 and "no date" in record.error


def test_delpher_alto_page_blocks_are_paragraphs():
    (record,) = read(FORMATS / "delpher-page-alto.xml")
    assert record.text == "Gisteren is de brug geopend.\n\nHet weer was goed."


def test_delpher_file_cut_off_keeps_the_complete_articles():
    records = read(FORMATS / "delpher-3articles-cut-off.xml")
    assert [r.title for r in stored(records)] == ["STADSNIEUWS.", "ADVERTENTIE."]
    assert "XML breaks" in rejected(records)[0].error


def test_trafilatura_xml_documents():
    records = read(FORMATS / "trafilatura-2docs-one-empty.xml")
    (doc,) = stored(records)
    assert (doc.source, doc.url, doc.date, doc.author) == ("NOS", "https://nos.nl/artikel/1", "2022-04-01", "Sanne de Wit")
    assert doc.text.split("\n\n")[0] == "Meer windparken"
    assert "no text in <main>" in rejected(records)[0].error


def test_elasticsearch_scroll_dump_one_response_per_line():
    records = read(FORMATS / "es-scroll-dump.jsonl")
    assert [r.title for r in records] == ["Brug gaat dicht voor onderhoud", "Nieuwe burgemeester benoemd", "Markt verhuist naar plein"]
    assert [r.extra["id"] for r in records] == ["0-0", "0-1", "1-0"]


def test_elasticsearch_response_nested_deeper():
    (record,) = read(FORMATS / "es-nested-response.json")
    assert (record.title, record.date) == ("Dieper genest", "2022-06-01")


def test_elasticsearch_scroll_pages_concatenated_or_in_an_array(tmp_path):
    pages = (FORMATS / "es-scroll-dump.jsonl").read_text(encoding="utf-8").splitlines()
    (tmp_path / "concatenated.json").write_text("\n".join(pages), encoding="utf-8")
    (tmp_path / "array.json").write_text("[" + ",".join(pages) + "]", encoding="utf-8")
    for name in ("concatenated.json", "array.json"):
        assert len(stored(read(tmp_path / name))) == 3, name


def test_newsplease_lines_with_an_empty_page():
    first, empty = read(FORMATS / "newsplease-2articles-one-empty.jsonl")
    assert (first.date, first.source, first.author) == ("2022-02-01 08:30:00", "www.voorbeeld.nl", "Karin Smit")
    assert first.text == "Eerste alinea van het bericht.\n\nTweede alinea van het bericht."
    assert empty.rejected and "'maintext' is empty" in empty.error


def test_newsapi_everything_response(tmp_path):
    response = {
        "status": "ok",
        "totalResults": 2,
        "articles": [
            {"source": {"id": None, "name": "Voorbeeld.nl"}, "author": "Redactie", "title": "Titel een",
             "description": "Kort.", "url": "https://voorbeeld.nl/1", "urlToImage": None,
             "publishedAt": "2022-07-01T08:00:00Z", "content": "Eerste zin van het bericht… [+812 chars]"},
            {"source": {"id": "nos", "name": "NOS"}, "author": None, "title": "Titel twee", "description": "Kort.",
             "url": "https://nos.nl/2", "urlToImage": None, "publishedAt": "2022-07-01T09:00:00Z", "content": None},
        ],
    }
    (tmp_path / "everything.json").write_text(json.dumps(response), encoding="utf-8")
    first, second = read(tmp_path / "everything.json")
    assert (first.source, first.text, first.extra["truncated_chars"]) == ("Voorbeeld.nl", "Eerste zin van het bericht…", 812)
    assert second.text == "Kort." and "only the summary field 'description'" in second.error


def test_a_null_full_text_falls_back_on_the_summary_field_with_a_warning():
    """NewsAPI gives many items ``"content": null`` with a ``description``; news-please pages behind a paywall
    have ``"maintext": null`` with one: the summary is the text, with a warning, as for a file without a text field."""
    summary_only, full, empty = read(FORMATS / "newsapi-content-null.json")
    assert summary_only.text == "De gemeente sluit het openluchtbad wegens blauwalg."
    assert summary_only.error == (
        "the text field 'content' is empty, only the summary field 'description'; stored with that as the text"
    )
    assert summary_only.origin["text"] == "description" and "description" not in summary_only.extra
    assert (summary_only.source, summary_only.date) == ("Voorbeeldkrant", "2021-06-08T22:30:00Z")
    assert full.text == "Tekst over de brug…" and full.error is None and full.extra["description"] == "Kort."
    assert empty.rejected and "'content' is empty" in empty.error
    (paywalled,) = read(FORMATS / "newsplease-maintext-null.jsonl")
    assert paywalled.text == "Alleen een samenvatting van het bericht." and "summary field 'description'" in paywalled.error


def test_no_date_field_recognised_is_a_warning_naming_the_candidates(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps({"tekst": "Een bericht.", "date_created": "2022-01-01"}), encoding="utf-8")
    (record,) = read(tmp_path / "a.json")
    assert "--field date=date_created" in record.error and not record.rejected


@pytest.mark.parametrize(
    "content, expected",
    [
        ("{\\rtf1\\ansi Nexis Uni", "RTF"),
        ("<!DOCTYPE html><html><body>nieuws</body></html>", "HTML page"),
        ("<export><item/></export>", "root element <export>"),
    ],
)
def test_files_we_cannot_read_are_rejected_naming_what_they_look_like(tmp_path, content, expected):
    path = tmp_path / "export.txt"
    path.write_text(content, encoding="utf-8")
    (record,) = read(path)
    assert record.rejected and expected in record.error


def test_a_vendor_export_whose_markers_start_after_the_first_8_kb_is_still_split(tmp_path):
    text = (FORMATS / "factiva-3docs-one-damaged.txt").read_text(encoding="utf-8")
    first, rest = text.split("\n\n", 1)
    long_headline_block = first + "\n\n" + ("Een lange inleiding zonder metadata. " * 300) + "\n\n" + rest
    path = tmp_path / "factiva.txt"
    path.write_text(long_headline_block, encoding="utf-8")
    assert len(read(path)) == 3


def test_a_lexisnexis_txt_is_read_by_structure_through_the_cli(tmp_path):
    result = CliRunner().invoke(
        cli, ["ingest", str(FORMATS / "lexisnexis-3docs-one-damaged.txt"), "--db", str(tmp_path / "a.db")]
    )
    assert result.exit_code == 1
    assert "records read: 3, new articles: 2" in result.output
    assert "document 2 of 3 has no body text" in result.output


def test_format_option_names_the_vendor_formats(tmp_path):
    data = (FORMATS / "factiva-3docs-one-damaged.txt").read_bytes()
    records = list(open_records(io.BytesIO(data), format="factiva"))
    assert len(stored(records)) == 2


def test_several_lexisnexis_documents_without_separators_are_rejected_not_merged(tmp_path):
    text = (FIXTURES / "cases" / "formats" / "lexisnexis-txt" / "lexisnexis-2docs.TXT").read_text(encoding="utf-8-sig")
    path = tmp_path / "edited.txt"
    path.write_text(re.sub(r".*DOCUMENTS.*\n", "", text), encoding="utf-8")
    (record,) = read(path)
    assert record.rejected and "2 LOAD-DATE lines" in record.error and "several LexisNexis documents" in record.error


def test_one_lexisnexis_document_without_its_header_is_still_read(tmp_path):
    text = (FORMATS / "lexisnexis-3docs-one-damaged.txt").read_text(encoding="utf-8")
    one = text[text.index("1 of 3 DOCUMENTS") + len("1 of 3 DOCUMENTS") : text.index("2 of 3")]
    path = tmp_path / "one.txt"
    path.write_text(one, encoding="utf-8")
    (record,) = read(path)
    assert (record.source, record.author, record.date) == ("NRC Handelsblad", "Pieter Bakker", "2010-02-03")


def test_unknown_multi_document_text_is_rejected_naming_what_it_looks_like(tmp_path):
    path = tmp_path / "export.txt"
    path.write_text("Eerste bericht.\n\nCopyright 2020 Krant\n\nTweede bericht.\n\nCopyright 2020 Krant\n", encoding="utf-8")
    (record,) = read(path)
    assert record.rejected and "2 copyright lines" in record.error and "several exported documents" in record.error


def test_dutch_lexisnexis_interface_and_german_factiva_lines_are_recognised():
    from ingest.readers.vendor_text import recognise_text

    assert recognise_text("   1 van 2 DOCUMENTEN\n\nNRC\n")[0] == "lexisnexis"
    assert recognise_text("Titel\n\n120 Wörter\n1 März 2020\n\nText.\n\nDokument HABLT00020200301eg310000a\n")[0] == "factiva"


_VENDOR_LINES = [
    "", "   1 of 2 DOCUMENTS", "                De Telegraaf", "   11 januari 2010 maandag", "BYLINE: X", "LENGTH: 3 words",
    "LOAD-DATE: May 1, 2010", "Copyright 2010 X", "End of Document", "Body", "Load-Date: May 1, 2010", "Byline: Y",
    "Section: A; Length: 5 words", "287 woorden", "14 september 2021", "TELEGR", "Nederlands",
    "Document TELEGR0020210914eh9e0000b", "Een zin van het bericht.", "Titel", "date 2021-01-01 tekst",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_VENDOR_LINES), max_size=40))
def test_vendor_text_readers_never_raise_and_every_record_has_text_or_a_reason(lines):
    from ingest.formats import READERS

    text = "\n".join(lines)
    for fmt in ("txt", "lexisnexis", "factiva"):
        for record in READERS[fmt]([line + "\n" for line in text.split("\n")]):
            assert record.text is not None or record.error
            assert record.text is None or record.text.strip()


def test_delpher_didl_is_rejected_with_advice(tmp_path):
    path = tmp_path / "issue.xml"
    path.write_text(
        '<?xml version="1.0"?>\n<didl:DIDL xmlns:didl="urn:mpeg:mpeg21:2002:02-DIDL-NS" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><didl:Item><dc:title>Algemeen Handelsblad</dc:title>'
        "<dc:date>1880-03-01</dc:date></didl:Item></didl:DIDL>",
        encoding="utf-8",
    )
    (record,) = read(path)
    assert record.rejected and "':ocr'" in record.error
    assert "newspaper 'Algemeen Handelsblad', 1880-03-01" in record.error and "--source 'Algemeen Handelsblad'" in record.error


def test_a_feed_is_parsed_from_its_text_never_fetched_or_opened(tmp_path):
    path = tmp_path / "url.txt"
    path.write_text(str(FORMATS / "feed-atom-2entries.xml"), encoding="utf-8")  # names an existing feed file
    (record,) = read(path, format="feed")
    assert record.rejected


def test_a_latin1_feed_keeps_its_accents(tmp_path):
    path = tmp_path / "latin.xml"
    path.write_bytes(
        b'<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Kr\xe9nt</title>'
        b"<item><title>Caf\xe9</title><description>Tekst \xe9\xe9n.</description></item></channel></rss>"
    )
    (record,) = read(path)
    assert (record.source, record.title, record.text) == ("Krént", "Café", "Tekst één.")


def test_factiva_layout_with_field_codes():
    records = read(FORMATS / "factiva-indexing-2docs.txt")
    assert detect_file(FORMATS / "factiva-indexing-2docs.txt").format == "factiva"
    first, second = records
    assert (first.title, first.author, first.date, first.source) == (
        "Haven van Rotterdam verwerkt meer containers", "Karin Smit", "2022-01-04", "NRC Handelsblad",
    )
    assert first.text.split("\n\n") == [
        "De haven van Rotterdam heeft vorig jaar meer containers verwerkt dan ooit.",
        "Het havenbedrijf meldt een groei van vijf procent.",
        "Vooral de overslag naar Azië nam toe.",
    ]
    assert first.extra["id"] == "NRCH000020220104ei140000a" and first.extra["subjects"] == "gtrade : Handel"
    assert first.extra["source_code"] == "NRCH" and first.extra["page"] == "12"
    assert (second.title, second.source, len(second.text.split("\n\n"))) == ("Sluizen bij IJmuiden dicht door storm", "Trouw", 2)


def test_a_lexisnexis_document_without_headline_keeps_its_first_paragraph_in_the_body(tmp_path):
    text = (FORMATS / "lexisnexis-3docs-one-damaged.txt").read_text(encoding="utf-8")
    path = tmp_path / "no-headline.txt"
    path.write_text(text.replace("Nieuwe sluis bij IJmuiden krijgt groen licht\n\n", ""), encoding="utf-8")
    first = read(path)[0]
    assert first.title is None and first.text.startswith("De bouw van de grootste zeesluis")


def test_a_missing_or_null_date_in_a_format_with_a_date_field_is_a_warning_naming_it():
    """As the seed format warns about a text without a date header, every format with a date field warns
    when a record's date is missing, empty or null, naming the field; a record with a date has no warning."""
    undated, dated = read(FORMATS / "newsplease-date-null.jsonl")
    assert not undated.rejected and undated.date is None
    assert undated.error == "the date field 'date_publish' is missing or empty; stored without a date"
    assert dated.date == "2022-02-01 08:30:00" and dated.error is None
    empty, na, dated = read(FORMATS / "undated-items.csv")
    assert empty.error == na.error == "the date field 'datum' is missing or empty; stored without a date"
    assert dated.error is None
    undated, dated = read(FORMATS / "feed-rss-undated-item.xml")
    assert "the date field 'pubDate'/'published'/'updated' is missing" in undated.error and dated.error is None
    (undated,) = read(FORMATS / "trafilatura-undated.xml")
    assert not undated.rejected and "the date field 'date' of <doc> is missing" in undated.error


def test_a_summary_only_record_without_a_date_gets_both_warnings(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps({
        "source": {"id": None, "name": "NOS"}, "title": "Kop", "description": "Kort.", "url": "https://nos.nl/9",
        "urlToImage": None, "publishedAt": None, "content": None,
    }), encoding="utf-8")
    (record,) = read(tmp_path / "a.json")
    assert record.text == "Kort." and "summary field 'description'" in record.error
    assert "the date field 'publishedAt' is missing or empty" in record.error


def test_lexisnexis_metadata_lines_without_blank_lines_between_them_are_each_a_field():
    """SECTION:/LENGTH:/BYLINE:/DATELINE: on consecutive lines (and LOAD-DATE:/LANGUAGE: after the body) are
    separate fields, not one merged 'section'; a wrapped value's next line still belongs to it."""
    first, second = read(FORMATS / "lexisnexis-consecutive-metadata.txt")
    assert (first.title, first.author, first.date, first.source) == (
        "Provincie wil meer woningen bij Tilburg", "Marieke van Dam", "2021-02-01", "Voorbeeldkrant",
    )
    assert first.extra.items() >= {
        "section": "BINNENLAND; Blz. 3", "length": "250 words", "dateline": "Tilburg",
        "highlight": "De provincie wil tienduizend woningen extra, verspreid over vijf gemeenten.",
        "load_date": "February 2, 2021", "language": "DUTCH", "publication_type": "Krant",
    }.items()
    assert first.text.split("\n\n")[1] == "De gemeenten zijn blij met het plan." and first.error is None
    # The same fields written as Nexis Uni writes its keys.
    assert (second.title, second.author) == ("Brug over de Maas gaat dicht", "Sem Bakker")
    assert second.extra.items() >= {"section": "REGIO", "length": "120 woorden"}.items()
    assert second.text == "De brug over de Maas bij Venlo gaat drie weken dicht voor onderhoud."
    (uni,) = read(FORMATS / "nexis-uni-consecutive-metadata.txt")
    assert (uni.title, uni.author, uni.source, uni.date) == (
        "Provincie wil meer woningen bij Tilburg", "Marieke van Dam", "Voorbeeldkrant", "2021-02-01",
    )
    assert uni.extra.items() >= {
        "section": "BINNENLAND; Blz. 3", "length": "250 words", "dateline": "Tilburg",
        "load_date": "February 2, 2021", "language": "DUTCH", "publication_type": "Krant",
    }.items()


@pytest.mark.parametrize(
    "byline, author",
    [
        ("Door Petra Jansen", "Petra Jansen"),
        ("DOOR PETRA JANSEN", "PETRA JANSEN"),
        ("door: Petra Jansen", "Petra Jansen"),
        ("By Peter Brown", "Peter Brown"),
        ("Van onze verslaggever Jan Smit", "Jan Smit"),
        ("Door onze correspondent Els Vos", "Els Vos"),
        ("Von Peter Müller", "Peter Müller"),
        ("Van onze verslaggever", "Van onze verslaggever"),  # no name follows: kept
        ("Van Dijk", "Van Dijk"),
        ("von der Leyen", "von der Leyen"),
        ("Doornbos", "Doornbos"),
        ("Byron Smit", "Byron Smit"),
        ("By-election", "By-election"),
    ],
)
def test_byline_prefixes_are_stripped_and_names_kept(byline, author):
    from ingest.bylines import author_without_prefix

    assert author_without_prefix(byline) == author


def test_every_reader_strips_byline_prefixes_the_same_way(tmp_path):
    """LexisNexis kept "Door Petra Jansen" while Factiva stripped "Door": the prefix now goes in one place."""
    assert [r.author for r in read(FORMATS / "lexisnexis-byline-prefixes.txt")] == ["Petra Jansen", "Els van Dijk"]
    assert [r.author for r in read(FORMATS / "factiva-byline-prefixes.txt")] == ["Jan Smit", "Peter Brown"]
    assert [r.author for r in read(FORMATS / "byline-prefixes.csv")] == ["Karin Smit", "Van Dijk", "Van onze verslaggever"]
    db = sqlite_utils.Database(tmp_path / "archive.db")
    ingest_paths(db, [FORMATS / "lexisnexis-byline-prefixes.txt", FORMATS / "factiva-byline-prefixes.txt"])
    assert [r["author"] for r in db.query("select author from articles order by id")] == [
        "Petra Jansen", "Els van Dijk", "Jan Smit", "Peter Brown",
    ]


def test_factiva_section_above_the_headline_is_the_section_not_part_of_the_title():
    """Factiva puts the section directly above the headline and the byline below it, blank lines or not."""
    records = read(FORMATS / "factiva-section-above-headline.txt")
    assert [(r.extra.get("section"), r.title, r.author) for r in records] == [
        ("Economie", "Wachttijd voor huurwoning in Utrecht loopt op", "Jan Smit"),
        ("Binnenland", "Brug over het Amsterdam-Rijnkanaal gaat dicht", "Karin de Wit"),
        ("Sport", "Voetbalclub uit Zwolle wint beker na strafschoppen", None),
        (None, "Raad stemt in met nieuw zwembad in Deventer", "Anna van der Berg"),
        (None, "Stikstof: boeren protesteren in Den Haag", "ANP"),
        (None, "Alleen een kop", None),
        ("Weer", "Door de storm vallen bomen om in Zeeland", "Els Vos"),
        ("Kunst", "Van Gogh Museum opent nieuwe vleugel", None),
    ]
    assert all(r.error is None and r.date for r in records)


def test_factiva_indexing_layout_without_a_date_warns_naming_pd():
    records = read(FORMATS / "factiva-indexing-no-date.txt")
    assert [r.title for r in records] == ["Sluizen bij IJmuiden dicht door storm", "Dijken worden versterkt"]
    for record in records:
        assert not record.rejected and record.date is None
        assert record.error == "Factiva document: the date field 'PD' is missing or empty; stored without a date"
