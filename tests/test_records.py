"""Reading input: formats, field names, encodings, text cleanup, and bad input that is rejected, never lost."""

import bz2
import gzip
import io
import json
import lzma
import sys
import unicodedata
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import FIXTURES
from ingest.formats import field_key, parse_field_options, plan_fields
from ingest.paragraphs import split_paragraphs
from ingest.records import FORMATS, decode, open_records

COMPRESSORS = {"gz": gzip.compress, "bz2": bz2.compress, "xz": lzma.compress}


def read(path, **options):
    return list(open_records(path, **options))


def read_bytes(data: bytes, name="", **options):
    return list(open_records(io.BytesIO(data), name=name, **options))


def write(tmp_path, name, content) -> Path:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


# ---------------------------------------------------------------- the seed text format


def test_seed_text_gives_one_record_per_date_header(tmp_path):
    records = read(write(tmp_path, "a.txt", "date 2022-01 Een.\n\ndate 2022-02-03 Twee.\n"))
    assert [(r.position, r.line, r.date, r.text.strip()) for r in records] == [
        (0, 1, "2022-01", "Een."),
        (1, 3, "2022-02-03", "Twee."),
    ]


def test_blank_lines_before_the_first_header_belong_to_the_first_record(tmp_path):
    records = read(write(tmp_path, "a.txt", "\n\ndate 2022-01 Een.\n"))
    assert records[0].raw == "\n\ndate 2022-01 Een.\n" and records[0].line == 3


def test_unknown_extension_is_read_as_seed_text(tmp_path):
    records = read(write(tmp_path, "export.dat", "date 2022-01 Een bericht.\n"))
    assert records[0].date == "2022-01" and records[0].error is None


def test_line_wrapped_text_keeps_its_paragraphs(tmp_path):
    (record,) = read(FIXTURES / "input_wrapped.txt")
    paragraphs = split_paragraphs(record.text)
    assert len(paragraphs) == 2 and "ingestemd met het plan" in paragraphs[0]


# ---------------------------------------------------------------- JSON Lines


def test_jsonl_maps_common_field_names():
    record = read(FIXTURES / "input_articles.jsonl")[0]
    assert (record.title, record.text, record.date, record.source, record.author, record.url) == (
        "Kabinet presenteert plannen",
        "Het kabinet heeft dinsdag zijn plannen gepresenteerd.",
        "2022-09-20",
        "NOS",
        "Jan de Vries",
        "https://nos.nl/artikel/1",
    )


def test_fields_without_a_column_are_kept_in_extra():
    record = read(FIXTURES / "input_articles.jsonl")[0]
    assert record.extra == {"tags": ["politiek", "prinsjesdag"]}


def test_malformed_json_line_is_rejected_and_the_rest_is_read():
    records = read(FIXTURES / "input_articles.jsonl")
    assert [r.text is not None for r in records] == [True, False, True]
    assert "line 2 is not valid JSON" in records[1].error and records[1].line == 2


def test_json_error_messages_name_the_place_once(tmp_path):
    """json's own message may end in "at" ("Unterminated string starting at"): no second "at" is added."""
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "Een."}\n{"text": "Twee, nooit gesloten}\n{"text": "Drie" "x"}\n', encoding="utf-8")
    _, unterminated, delimiter = open_records(path)
    assert "(Unterminated string starting at column 10)" in unterminated.error
    assert "(Expecting ',' delimiter at column 17)" in delimiter.error
    for record in (unterminated, delimiter):
        assert " at at " not in record.error
    broken = tmp_path / "a.json"
    broken.write_text('[{"text": "Een."},\n {"text": "Twee, nooit gesloten}]\n', encoding="utf-8")
    last = list(open_records(broken))[-1]
    assert last.rejected and "JSON breaks at line 2" in last.error and " at)" not in last.error


def test_jsonl_raw_is_the_exact_line():
    lines = (FIXTURES / "input_articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert [r.raw for r in read(FIXTURES / "input_articles.jsonl")] == lines


def test_dutch_field_names_are_recognised():
    record = read(FIXTURES / "input_articles.jsonl")[2]
    assert (record.title, record.date, record.source, record.author) == ("Storm op komst", "21 september 2022", "AD", "Redactie")


def test_ndjson_extension_is_json_lines(tmp_path):
    records = read(write(tmp_path, "a.ndjson", '{"text": "een"}\n{"text": "twee"}\n'))
    assert [r.text for r in records] == ["een", "twee"]


def test_a_json_line_holding_a_string_is_its_text(tmp_path):
    assert read(write(tmp_path, "a.jsonl", '"Alleen tekst."\n'))[0].text == "Alleen tekst."


def test_a_json_line_holding_a_number_is_rejected_with_a_reason(tmp_path):
    record = read(write(tmp_path, "a.jsonl", "42\n"))[0]
    assert record.text is None and "not an article" in record.error


def test_empty_text_field_is_rejected_naming_the_field(tmp_path):
    record = read(write(tmp_path, "a.jsonl", '{"title": "Kop", "body": ""}\n'))[0]
    assert record.text is None and "'body' is empty" in record.error


# ---------------------------------------------------------------- JSON documents


def test_amcat_results_object_gives_its_articles():
    records = read(FIXTURES / "input_amcat.json")
    assert [(r.title, r.source) for r in records] == [
        ("Poetin en Erdogan spreken over Oekraïne", "NRC Handelsblad"),
        ("NAVO stuurt extra schepen", "de Volkskrant"),
    ]


def test_original_id_is_kept_in_extra():
    record = read(FIXTURES / "input_amcat.json")[0]
    assert record.extra == {"id": 2710023, "section": "Buitenland", "page": 4}


def test_json_array_element_raw_is_its_exact_text_in_the_file():
    text = (FIXTURES / "input_amcat.json").read_text(encoding="utf-8")
    records = read(FIXTURES / "input_amcat.json")
    assert all(r.raw in text and json.loads(r.raw)["title"] == r.title for r in records)
    assert records[1].line == text[: text.index(records[1].raw)].count("\n") + 1


def test_json_array_of_objects_gives_one_record_each():
    assert [r.title for r in read(FIXTURES / "input_array.json")] == ["Eerste", "Tweede"]


def test_text_given_as_a_list_becomes_paragraphs():
    assert read(FIXTURES / "input_array.json")[1].text == "Eerste alinea.\n\nTweede alinea."


def test_broken_json_keeps_the_articles_before_the_break():
    records = read(FIXTURES / "input_broken.json")
    assert records[0].title == "Heel" and records[0].error is None


def test_broken_json_rejects_the_rest_keeping_its_text():
    text = (FIXTURES / "input_broken.json").read_text(encoding="utf-8")
    rejected = read(FIXTURES / "input_broken.json")[-1]
    assert rejected.text is None and "JSON breaks at line 3" in rejected.error
    assert text.endswith(rejected.raw) and rejected.raw.startswith('{"title": "Kapot"')


def test_file_that_is_not_json_at_all_is_one_rejected_record_with_all_its_text(tmp_path):
    (record,) = read(write(tmp_path, "a.json", "Dit is geen JSON.\n"))
    assert record.raw == "Dit is geen JSON.\n" and "not JSON" in record.error


def test_json_file_holding_json_lines_gives_each_line(tmp_path):
    records = read(write(tmp_path, "a.json", '{"text": "een"}\n{"text": "twee"}\n'))
    assert [(r.text, r.line) for r in records] == [("een", 1), ("twee", 2)]


def test_json_file_with_one_object_is_one_article(tmp_path):
    (record,) = read(write(tmp_path, "a.json", '{"title": "Kop", "text": "Tekst.", "tags": ["a"]}'))
    assert (record.title, record.text, record.extra) == ("Kop", "Tekst.", {"tags": ["a"]})


def test_elasticsearch_hits_are_unwrapped(tmp_path):
    path = write(tmp_path, "a.jsonl", '{"_id": "x1", "_source": {"text": "Tekst.", "date": "2022"}}\n')
    record = read(path)[0]
    assert (record.text, record.date, record.extra) == ("Tekst.", "2022", {"id": "x1"})


# ---------------------------------------------------------------- CSV and TSV


def test_nexis_csv_maps_title_source_date_byline_and_body():
    record = read(FIXTURES / "input_nexis.csv")[0]
    assert (record.title, record.source, record.date, record.author) == (
        "Kabinet valt over asielbeleid",
        "De Telegraaf",
        "July 8, 2023 Saturday",
        "Wouter de Winther",
    )
    assert record.text.endswith('over "gezinshereniging" van asielzoekers.')


def test_csv_quoted_field_may_span_lines():
    record = read(FIXTURES / "input_nexis.csv")[0]
    assert split_paragraphs(record.text)[0] == "Het vierde kabinet-Rutte is gevallen."


def test_csv_raw_is_the_row_as_it_stood_in_the_file():
    text = (FIXTURES / "input_nexis.csv").read_text(encoding="utf-8")
    records = read(FIXTURES / "input_nexis.csv")
    assert "\n".join(r.raw for r in records) + "\n" == text.split("\n", 1)[1]


def test_csv_record_line_is_where_its_row_starts():
    assert [r.line for r in read(FIXTURES / "input_nexis.csv")] == [2, 5]


def test_csv_empty_fields_are_left_out_of_extra():
    record = read(FIXTURES / "input_nexis.csv")[1]
    assert record.author is None and record.extra == {"Section": "Sport", "Length": "120 words"}


def test_semicolon_csv_in_windows_1252_is_sniffed_and_decoded():
    (record,) = read(FIXTURES / "input_excel_cp1252.csv")
    assert (record.title, record.date, record.extra) == ("Cafébezoek daalt", "12-03-2021", {"Rubriek": "Economie"})


def test_excel_sep_line_sets_the_delimiter(tmp_path):
    (record,) = read(write(tmp_path, "a.csv", "sep=|\ntitle|text\nKop, met komma|Tekst; met puntkomma\n"))
    assert (record.title, record.text, record.line) == ("Kop, met komma", "Tekst; met puntkomma", 3)


def test_csv_row_with_the_wrong_number_of_fields_is_rejected_naming_the_line():
    records = read(FIXTURES / "input_wrong_fields.csv")
    assert [r.text is None for r in records] == [False, True, False]
    assert "line 3 has 4 fields but the header has 3 columns" in records[1].error


def test_csv_row_with_extra_empty_trailing_fields_is_accepted(tmp_path):
    (record,) = read(write(tmp_path, "a.csv", "title,text\nKop,Tekst,,\n"))
    assert record.text == "Tekst" and record.error is None


def test_csv_quote_that_is_never_closed_is_explained(tmp_path):
    records = read(write(tmp_path, "a.csv", 'title,text\n"Kop,Tekst\nKop 2,Tekst 2\n'))
    assert records[-1].text is None and "never closed" in records[-1].error


def test_csv_without_a_text_column_rejects_each_row_listing_the_columns():
    records = read(FIXTURES / "input_no_text_column.csv")
    assert len(records) == 2 and all(r.text is None for r in records)
    assert "'Kop', 'Datum', 'Berichttekst'" in records[0].error and "--field text=" in records[0].error


def test_explicit_field_mapping_names_the_text_column():
    records = read(FIXTURES / "input_no_text_column.csv", field_map={"text": "berichttekst"})
    assert records[0].text == "Dit is de tekst van het artikel." and records[0].extra == {}


def test_explicit_field_mapping_overrides_the_built_in_names(tmp_path):
    (record,) = read(write(tmp_path, "a.csv", "title,kop,text\nA,B,Tekst\n"), field_map={"title": "Kop"})
    assert (record.title, record.extra) == ("B", {"title": "A"})


def test_explicit_field_mapping_to_a_missing_column_says_so(tmp_path):
    (record,) = read(write(tmp_path, "a.csv", "title,text\nA,Tekst\n"), field_map={"text": "Inhoud"})
    assert record.text is None and "--field text=Inhoud names a field this record does not have" in record.error


def test_summary_column_is_the_text_only_when_there_is_no_full_text(tmp_path):
    (record,) = read(write(tmp_path, "a.csv", "Headline,Hit Sentence\nKop,Een zin uit het artikel.\n"))
    assert record.text == "Een zin uit het artikel." and "only the summary field 'Hit Sentence'" in record.error


def test_tsv_file_is_read_with_tabs():
    (record,) = read(FIXTURES / "input_articles.tsv")
    assert (record.title, record.source) == ("Brand in Rotterdam", "Rijnmond")


def test_field_names_compare_ignoring_case_spaces_dashes_and_underscores():
    assert field_key("Published_At") == field_key("published-at") == field_key("Published At") == "publishedat"


@pytest.mark.parametrize(
    "column, field",
    [
        ("Artikel", "text"), ("Full Text", "text"), ("Body", "text"), ("Tekst", "text"),
        ("Publication Date", "date"), ("pubDate", "date"), ("Datum", "date"),
        ("Headline", "title"), ("Kop", "title"),
        ("Link", "url"),
        ("Medium", "source"), ("Publisher", "source"), ("Publication", "source"), ("Krant", "source"), ("Outlet", "source"),
        ("Byline", "author"), ("Creator", "author"), ("Auteur", "author"),
        ("_id", "id"), ("Document ID", "id"),
    ],
)
def test_common_column_names_map_to_our_fields(column, field):
    assert plan_fields([column]).columns == {field: column}


def test_the_more_specific_name_wins_and_the_other_goes_to_extra(tmp_path):
    (record,) = read(write(tmp_path, "a.jsonl", '{"text": "T", "medium": "NRC", "publisher": "Mediahuis"}\n'))
    assert (record.source, record.extra) == ("NRC", {"publisher": "Mediahuis"})


# ---------------------------------------------------------------- compression and zip


@pytest.mark.parametrize("suffix", sorted(COMPRESSORS))
@pytest.mark.parametrize("fixture", ["input_articles.jsonl", "input_nexis.csv", "input_amcat.json", "input_wrapped.txt"])
def test_compressed_file_reads_like_the_plain_file(tmp_path, fixture, suffix):
    plain = FIXTURES / fixture
    packed = write(tmp_path, f"{fixture}.{suffix}", COMPRESSORS[suffix](plain.read_bytes()))
    assert read(packed) == read(plain)


def test_compression_is_recognised_by_content_not_name():
    records = read_bytes(gzip.compress(b'{"text": "een"}\n'), format="jsonl")
    assert records[0].text == "een"


def _zip(tmp_path, members: dict) -> Path:
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return path


def test_zip_members_are_read_as_separate_inputs_with_positions_unique_in_the_zip(tmp_path):
    path = _zip(tmp_path, {"a.jsonl": '{"text": "een"}\n{"text": "twee"}\n', "b.csv": "text\ndrie\n"})
    records = read(path)
    assert [(r.position, r.member, r.line, r.text) for r in records] == [
        (0, "a.jsonl", 1, "een"),
        (1, "a.jsonl", 2, "twee"),
        (2, "b.csv", 2, "drie"),
    ]


def test_zip_skips_folders_and_mac_metadata(tmp_path):
    path = _zip(tmp_path, {"map/": "", "__MACOSX/._a.txt": "x", ".DS_Store": "x", "map/a.txt": "date 2022 Tekst."})
    assert [r.member for r in read(path)] == ["map/a.txt"]


def test_rejected_zip_member_record_names_the_member(tmp_path):
    (record,) = read(_zip(tmp_path, {"kapot.jsonl": "{nee\n"}))
    assert record.error.startswith("in kapot.jsonl: line 1 is not valid JSON")


def test_compressed_member_inside_a_zip_is_read(tmp_path):
    (record,) = read(_zip(tmp_path, {"a.jsonl.gz": gzip.compress(b'{"text": "een"}\n')}))
    assert (record.text, record.member) == ("een", "a.jsonl.gz")


def test_cut_off_gzip_keeps_the_records_before_the_damage(tmp_path):
    data = b"".join(b'{"text": "artikel %d"}\n' % i for i in range(20_000))
    packed = gzip.compress(data)
    records = read(write(tmp_path, "a.jsonl.gz", packed[: len(packed) // 2]))
    assert records[0].text == "artikel 0" and len(records) > 100
    assert records[-1].text is None and "damaged or cut off" in records[-1].error


def test_damaged_zip_is_one_rejected_record_keeping_its_bytes(tmp_path):
    data = _zip(tmp_path, {"a.txt": "date 2022 Tekst."}).read_bytes()[:30]
    (record,) = read(write(tmp_path, "b.zip", data))
    assert record.raw_bytes == data and "damaged zip" in record.error


# ---------------------------------------------------------------- standard input and --format


def test_bytes_with_an_explicit_format_are_read_without_a_name():
    records = read_bytes(b"title\ttext\nKop\tTekst\n", format="tsv")
    assert (records[0].title, records[0].text) == ("Kop", "Tekst")


def test_dash_reads_standard_input(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b'{"text": "van stdin"}\n')))
    assert read("-", format="jsonl")[0].text == "van stdin"


def test_format_argument_overrides_the_extension(tmp_path):
    records = read(write(tmp_path, "export.txt", '{"text": "een"}\n'), format="jsonl")
    assert records[0].text == "een"


def test_unknown_format_is_a_usage_error():
    with pytest.raises(ValueError, match="unknown format"):
        read_bytes(b"", format="xml")


def test_unknown_field_in_the_mapping_is_a_usage_error():
    with pytest.raises(ValueError, match="unknown field"):
        read_bytes(b"", format="csv", field_map={"tekst": "x"})


# ---------------------------------------------------------------- encodings


def test_utf8_byte_order_mark_is_removed():
    assert read_bytes(b"\xef\xbb\xbftitle,text\nKop,Tekst\n", format="csv")[0].title == "Kop"


def test_utf16_with_byte_order_mark_is_decoded():
    records = read_bytes("Kop\tTekst\nCafé\tEén dag\n".encode("utf-16"), format="tsv")
    assert records[0].extra == {} and (records[0].title, records[0].text) == ("Café", "Eén dag")


def test_windows_1252_text_is_decoded():
    record = read_bytes("date 2022-01 Café “De Zon” – €5\n".encode("cp1252"), format="txt")[0]
    assert record.text.strip() == "Café “De Zon” – €5"


def test_file_mixing_utf8_and_windows_1252_lines_decodes_each_line():
    data = "Één\n".encode("utf-8") + "Twéé\n".encode("cp1252")
    assert decode(data) == "Één\nTwéé\n"


def test_bytes_undefined_in_windows_1252_are_kept():
    assert decode(b"\x81\x8d\xe9") == "\x81\x8dé"


# ---------------------------------------------------------------- text cleanup


def test_mojibake_is_repaired():
    (record,) = read(FIXTURES / "input_markup.jsonl")
    assert record.title == "Oorlog in Oekraïne" and "OekraÃ" not in record.text


def test_html_paragraph_tags_become_paragraph_breaks():
    (record,) = read(FIXTURES / "input_markup.jsonl")
    assert split_paragraphs(record.text) == [
        "De oorlog in Oekraïne duurt voort.",
        "Volgens de VN zijn er één miljoen vluchtelingen. Dat is veel.",
    ]


def test_html_line_break_becomes_a_newline():
    assert read_bytes(b'{"text": "Een<br>twee"}', format="jsonl")[0].text == "Een\ntwee"


def test_html_scripts_are_dropped_with_their_content():
    assert "track" not in read(FIXTURES / "input_markup.jsonl")[0].text


def test_text_without_markup_keeps_angle_brackets_and_ampersands():
    text = "R&D groeit met <5 procent & meer > verwacht"
    assert read_bytes(json.dumps({"text": text}).encode(), format="jsonl")[0].text == text


def test_text_is_normalised_to_nfc():
    decomposed = unicodedata.normalize("NFD", "Oekraïne")
    record = read_bytes(f"date 2022-01 {decomposed}".encode(), format="txt")[0]
    assert record.text == "Oekraïne"


def test_curly_quotes_and_dashes_are_kept():
    text = "„Nee”, zei ze – ‘nooit’."
    assert read_bytes(json.dumps({"text": text}).encode(), format="jsonl")[0].text == text


def test_raw_keeps_the_text_as_it_was_before_cleanup():
    (record,) = read(FIXTURES / "input_markup.jsonl")
    assert "<p>" in record.raw and "OekraÃ¯ne" in record.raw


def _sentences(count):
    return " ".join(f"Dit is zin nummer {i} van een lang artikel zonder regeleinden." for i in range(count))


def test_long_text_without_line_breaks_is_split_every_three_sentences():
    record = read_bytes(json.dumps({"text": _sentences(60)}).encode(), format="jsonl")[0]
    paragraphs = split_paragraphs(record.text)
    assert len(paragraphs) == 20 and paragraphs[1].startswith("Dit is zin nummer 3 ")


def test_short_text_without_line_breaks_stays_one_paragraph():
    record = read_bytes(json.dumps({"text": _sentences(10)}).encode(), format="jsonl")[0]
    assert len(split_paragraphs(record.text)) == 1


# ---------------------------------------------------------------- bad input


def test_binary_file_is_one_rejected_record_keeping_its_bytes(tmp_path):
    data = bytes(range(256)) * 4
    (record,) = read(write(tmp_path, "a.txt", data))
    assert record.text is None and "binary file" in record.error
    assert record.raw_bytes == data and record.raw.encode("latin-1") == data


def test_pdf_file_is_rejected_with_advice_to_convert_it(tmp_path):
    (record,) = read(write(tmp_path, "a.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"))
    assert "PDF" in record.error and "plain text" in record.error


def test_excel_workbook_is_rejected_with_advice_to_save_as_csv(tmp_path):
    (record,) = read(_zip(tmp_path, {"xl/workbook.xml": "<x/>"}).rename(tmp_path / "a.xlsx"))
    assert "CSV UTF-8" in record.error


def test_record_over_the_size_limit_is_rejected_keeping_its_raw_text(tmp_path):
    line = json.dumps({"text": "woord " * 100})
    (record,) = read(write(tmp_path, "a.jsonl", line + "\n"), max_record_bytes=100)
    assert record.text is None and "over the limit of 100" in record.error and record.raw == line


def test_empty_file_gives_no_records(tmp_path):
    assert all(read(write(tmp_path, f"a.{ext}", b"")) == [] for ext in ("txt", "jsonl", "json", "csv", "tsv"))


def test_header_only_csv_gives_no_records(tmp_path):
    assert read(write(tmp_path, "a.csv", "title,text\n")) == []


# ---------------------------------------------------------------- properties


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=400), format=st.sampled_from(FORMATS + (None,)))
def test_reading_arbitrary_bytes_never_raises_and_rejects_with_a_reason(data, format):
    for record in read_bytes(data, name="input", format=format):
        record.raw.encode("utf-8")  # storable
        assert record.text is not None or record.error
        assert "bug" not in (record.error or "")


_JSONISH = st.text(alphabet='{}[]",:\n\r\t ;|ab\\01é<p>&amp;Ã', max_size=200)


@settings(max_examples=300, deadline=None)
@given(text=_JSONISH, format=st.sampled_from(FORMATS))
def test_reading_json_like_text_never_raises(text, format):
    for record in read_bytes(text.encode("utf-8"), format=format):
        assert record.text is not None or record.error
        assert "bug" not in (record.error or "")


_SEEDISH = st.lists(
    st.sampled_from(["date 2022-01 ", "date 2022-01-02", "\n", "\n\n", " ", "tekst", "Café ", "\t", "\r\n", "€"]),
    max_size=30,
).map("".join) | st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff") | st.sampled_from("\n\t"))


@settings(max_examples=300, deadline=None)
@given(text=_SEEDISH)
def test_seed_text_raws_join_back_to_the_file_text(text):
    records = read_bytes(text.encode("utf-8"), format="txt")
    assert "".join(r.raw for r in records) == (text if text.strip() else "")


@settings(max_examples=200, deadline=None)
@given(texts=st.lists(st.text(st.characters(blacklist_categories=("Cs",)), min_size=1).filter(str.strip), min_size=1, max_size=5))
def test_every_json_line_becomes_one_record_with_its_line_as_raw(texts):
    lines = [json.dumps({"text": t}) for t in texts]
    records = read_bytes("\n".join(lines).encode("utf-8"), format="jsonl")
    assert [r.raw for r in records] == lines and [r.line for r in records] == list(range(1, len(lines) + 1))


def test_excel_unicode_text_export_named_txt_is_read_as_a_table(tmp_path):
    path = write(tmp_path, "export.txt", "Kop\tTekst\tDatum\r\nBrand\tEr woedt een brand.\t1-2-2022\r\n".encode("utf-16"))
    (record,) = read(path)
    assert (record.title, record.text, record.date) == ("Brand", "Er woedt een brand.", "1-2-2022")


def test_field_options_become_a_field_map():
    assert parse_field_options(["text=Artikel tekst", "Date=Datum"]) == {"text": "Artikel tekst", "date": "Datum"}


def test_field_option_without_a_column_is_a_usage_error():
    with pytest.raises(ValueError, match="FIELD=COLUMN"):
        parse_field_options(["text"])
