import numpy as np
import pytest
from hypothesis import example, given, settings, strategies as st

import ingest.paragraphs as paragraphs_module
from ingest.paragraphs import clean_article_text, split_glued_sentences, split_paragraphs
from conftest import SEED

ORIGINAL_SEED_PARAGRAPHS = SEED.read_text(encoding="utf-8").split("\n\n")[:4]


def test_seed_comes_out_as_its_four_original_paragraphs_word_for_word():
    text = SEED.read_text(encoding="utf-8").split(" ", 2)[2]  # drop the "date 2022-01" header
    clean = clean_article_text(text)
    expected = [ORIGINAL_SEED_PARAGRAPHS[0].split(" ", 2)[2].strip()] + [p.strip() for p in ORIGINAL_SEED_PARAGRAPHS[1:]]
    assert clean.paragraphs == expected


def test_removed_characters_are_counted():
    # Every character of the copy counts, the space between its sentences too (the old
    # rule summed sentence lengths and missed the spaces).
    clean = clean_article_text("Eerste zin van het stuk. Tweede zin van het stuk.\n\nEerste zin van het stuk. Tweede zin van het stuk.")
    assert clean.paragraphs == ["Eerste zin van het stuk. Tweede zin van het stuk."]
    assert clean.removed_chars == len("Eerste zin van het stuk. Tweede zin van het stuk.")


def test_removed_characters_count_the_whitespace_normalised_text():
    # Paragraphs are whitespace-normalised before copies are removed: a run of spaces
    # inside a copy counts as one character, a paragraph break not at all.
    original = "Eerste zin van het stuk. Tweede zin van het stuk."
    clean = clean_article_text(original + "\n\n" + original.replace(" ", "   "))
    assert clean.paragraphs == [original]
    assert clean.removed_chars == len(original)


def test_repeat_in_a_separate_paragraph_is_removed():
    text = "Een. De regering valt vandaag.\n\nTwee zinnen hier staan.\n\nEen. De regering valt vandaag."
    assert clean_article_text(text).paragraphs == ["Een. De regering valt vandaag.", "Twee zinnen hier staan."]


def test_glued_repeat_is_removed():
    text = "De storm raasde over het land. Er vielen twee doden.\n\nDe schade is groot.De storm raasde over het land.Er vielen twee doden."
    assert clean_article_text(text).paragraphs == ["De storm raasde over het land. Er vielen twee doden.", "De schade is groot."]


def test_repeat_differing_only_in_whitespace_is_removed():
    text = "De storm raasde over het land. Er vielen twee doden.\n\nDe  storm raasde\nover het land.   Er vielen twee doden."
    assert clean_article_text(text).paragraphs == ["De storm raasde over het land. Er vielen twee doden."]


def test_partial_repeat_is_removed_and_new_text_after_it_is_kept():
    text = (
        "Het kabinet is gevallen. Premier Rutte biedt zijn ontslag aan. De koning is ingelicht.\n\n"
        "Het kabinet is gevallen.Premier Rutte biedt zijn ontslag aan.Nieuwe verkiezingen volgen in november."
    )
    assert clean_article_text(text).paragraphs == [
        "Het kabinet is gevallen. Premier Rutte biedt zijn ontslag aan. De koning is ingelicht.",
        "Nieuwe verkiezingen volgen in november.",
    ]


def test_a_long_single_sentence_repeated_inside_a_paragraph_is_removed():
    text = "De minister van Financiën presenteert dinsdag de nieuwe begroting in Den Haag.\n\nEr is kritiek. De minister van Financiën presenteert dinsdag de nieuwe begroting in Den Haag. Ook uit de eigen partij."
    assert clean_article_text(text).paragraphs[1] == "Er is kritiek. Ook uit de eigen partij."


def test_a_short_single_sentence_repeated_inside_a_paragraph_is_kept():
    text = "Hij ontkent alles.\n\nDe rechter vraagt het opnieuw. Hij ontkent alles. Het proces gaat door."
    assert clean_article_text(text).paragraphs[1] == "De rechter vraagt het opnieuw. Hij ontkent alles. Het proces gaat door."


def test_a_paragraph_that_is_only_a_repeated_short_sentence_is_kept():
    # The old rule removed it; a short sentence standing alone (an interview's "Nee.") is
    # kept just as it is inside a paragraph (shared/cases/dedup/short-answer-paragraphs).
    text = "Hij ontkent alles.\n\nDe rechter vraagt het opnieuw.\n\nHij ontkent alles."
    clean = clean_article_text(text)
    assert clean.paragraphs == ["Hij ontkent alles.", "De rechter vraagt het opnieuw.", "Hij ontkent alles."]
    assert clean.removed_chars == 0


def test_single_newlines_are_line_wraps():
    assert split_paragraphs("Een zin die\nafgebroken is.\n\nTweede alinea.") == ["Een zin die afgebroken is.", "Tweede alinea."]


@pytest.mark.parametrize(
    "glued, sentences",
    [
        ("van de NAVO.Concreet roept", ["van de NAVO.", "Concreet roept"]),
        ("Wat nu?Niemand weet het.", ["Wat nu?", "Niemand weet het."]),
        ("Stop!De bus rijdt.", ["Stop!", "De bus rijdt."]),
        ('Hij zei: "Nee."Daarna ging hij.', ['Hij zei: "Nee."', "Daarna ging hij."]),
        ("Het was laat. De trein reed niet.", ["Het was laat.", "De trein reed niet."]),
    ],
)
def test_glued_sentences_are_split_at_the_boundary(glued, sentences):
    assert split_glued_sentences(glued) == sentences


@pytest.mark.parametrize(
    "text",
    [
        "President J.F. Kennedy werd in 1963 vermoord.",
        "Volgens dr. Jansen is het veilig.",
        "De economie groeide 3.5 procent dit jaar.",
        "Lid van de N.A.V.O. sinds jaren.",
        "Meer nieuws op nu.nl en www.NOS.nl vandaag.",
        "Het gaat o.a. om Mr. Visser.",
        "M. Rutte sprak.",
    ],
)
def test_abbreviations_initials_numbers_and_web_addresses_do_not_split(text):
    assert split_glued_sentences(text) == [text]


@given(st.text(max_size=300))
@settings(max_examples=300, deadline=None)
def test_cleaning_never_raises_and_never_adds_text(text):
    clean = clean_article_text(text)
    assert all(p.strip() == p and p for p in clean.paragraphs)
    assert clean.removed_chars >= 0
    assert len("".join(clean.paragraphs).split()) <= len(text.split())


# --- Repeat removal by alignment (issue 12) -------------------------------------------------------

import importlib.util  # noqa: E402
import random  # noqa: E402
import sqlite3  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402

from conftest import FIXTURES, ROOT  # noqa: E402

_spec = importlib.util.spec_from_file_location("glued_copies", ROOT / "benchmarks" / "glued_copies.py")
glued_copies = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(glued_copies)

DEDUP_CASES = FIXTURES / "dedup"  # copies of ../shared/cases/dedup/*/ inputs


def ingest_with_cli(path, tmp_path):
    db = tmp_path / "archive.db"
    result = subprocess.run(
        [sys.executable, "-m", "ingest", "ingest", str(path), "--db", str(db), "--quiet"],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    return sqlite3.connect(db)


def stored_paragraphs(conn, article_id):
    return [
        row[0]
        for row in conn.execute(
            "select p.text from article_paragraphs ap join paragraphs p on p.id = ap.paragraph_id"
            " where ap.article_id = ? order by ap.position",
            (article_id,),
        )
    ]


def test_case_glued_copies_keep_exactly_their_four_paragraphs(tmp_path):
    # shared/cases/dedup/glued-copies: boundaries at an acronym word, a digit, "19.25 u.", "VS.",
    # "'s" and a curly quote.
    path = DEDUP_CASES / "glued-copies.txt"
    articles = [a for a in path.read_text(encoding="utf-8").split("date 2021-05-04 ") if a.strip()]
    conn = ingest_with_cli(path, tmp_path)
    rows = conn.execute("select id, body, removed_chars from articles order by id").fetchall()
    assert len(rows) == 4
    for (article_id, body, removed_chars), source in zip(rows, articles):
        paragraphs = [p.strip() for p in source.split("\n\n") if p.strip()]
        assert len(paragraphs) == 5
        assert stored_paragraphs(conn, article_id) == paragraphs[:4]
        positions = [r[0] for r in conn.execute("select position from article_paragraphs where article_id = ? order by 1", (article_id,))]
        assert positions == [0, 1, 2, 3]
        assert body == "\n\n".join(paragraphs[:4])
        assert removed_chars == len(paragraphs[4])  # the whole copy


def test_case_short_answer_paragraphs_are_all_kept(tmp_path):
    # shared/cases/dedup/short-answer-paragraphs: "Nee." answers two questions.
    path = DEDUP_CASES / "short-answer-paragraphs.txt"
    paragraphs = [p.strip() for p in path.read_text(encoding="utf-8").split(" ", 2)[2].split("\n\n") if p.strip()]
    conn = ingest_with_cli(path, tmp_path)
    (article_id, removed_chars), = conn.execute("select id, removed_chars from articles").fetchall()
    stored = stored_paragraphs(conn, article_id)
    assert len(stored) == 9
    assert stored == paragraphs
    assert stored[2] == stored[4] == "Nee."
    assert removed_chars == 0


P1 = "De gemeente opent volgende maand een nieuw loket voor ondernemers in geldnood."
P4 = "De politie onderzoekt of de brand is aangestoken. De schade loopt in de miljoenen."


@pytest.mark.parametrize(
    "end, start",
    [
        ("De meesten van hen wonen en werken in Utrecht.", "ZZP'ers krijgen advies over schulden en belastingen."),
        ("Dat heeft de gemeente gisteren bekendgemaakt.", "UWV-medewerkers schuiven twee dagen per week aan."),
        ("Dat heeft de veiligheidsregio gemeld.", "12 mensen raakten lichtgewond door de rook."),
        ("De eerste aflevering is zaterdag te zien, om 19.25 u.", "Het programma is gemaakt in Hilversum."),
        ("Een Engelstalige versie werd al uitgezonden in de VS.", "Daar trok de serie een half miljoen kijkers."),
        ("“Zonder toezicht kunnen we niemand laten zwemmen,” zei ze.", "'s Avonds is het terrein wel open voor de buurt."),
        ("De baden zelf blijven de hele zomer gesloten.", "“We gaan door,” zegt de voorzitter van de stichting."),
        ("Het onderzoek loopt nog (zie ook pagina 4).", "(ANP) Vier verdachten zijn in de nacht opgepakt."),
        ("En toen bleef het in de zaal een hele tijd stil…", "…en dan begint het wachten op de uitslag."),
        ("Wie had dat na al die jaren nog gedacht?", "Niemand in het dorp zag het aankomen."),
        ("Het is na drie jaar wachten eindelijk zover!", "De eerste bewoners krijgen de sleutel."),
        ("De economie groeide vorig jaar met 3.5 procent.", "4.2 procent is de verwachting voor dit jaar."),
        ("Het contract is getekend door Jan.", "Jan. De Vries was er niet bij."),
        ("De cijfers komen van het CBS (voorlopige cijfers)", "iPhone-gebruikers moeten hun toestel bijwerken."),
        ("Meer informatie staat op de website nu.nl.", "eBay haalt de advertenties offline na klachten."),
    ],
)
def test_a_copy_glued_at_a_hard_boundary_is_removed(end, start):
    p2 = "Sinds het begin van de crisis vroegen ruim vierhonderd ondernemers om hulp. " + end
    p3 = start + " Wie dat wil, kan ook een gesprek aanvragen met een vrijwillige coach."
    original = [P1, p2, p3, P4]
    copy = p2 + p3 + P4
    clean = clean_article_text("\n\n".join(original + [copy]))
    assert clean.paragraphs == original
    assert clean.removed_chars == len(copy)


P2 = "Sinds het begin van de crisis vroegen ruim vierhonderd ondernemers om hulp. Het gaat vooral om fotografen en muzikanten."
P3 = "Wie dat wil, kan ook een gesprek aanvragen met een vrijwillige coach. Dat heeft de gemeente gisteren bekendgemaakt."


NEW = "De brandweer was snel ter plaatse."


@pytest.mark.parametrize(
    "before, copy, after",
    [
        # a copy starting mid-sentence, as its own paragraph and glued on
        ("", "ondernemers om hulp. Het gaat vooral om fotografen en muzikanten." + P3, ""),
        (NEW, "ondernemers om hulp. Het gaat vooral om fotografen en muzikanten.", ""),
        # ending mid-sentence
        ("", P2 + P3[:60].rsplit(" ", 1)[0], ""),
        # a partial copy: one paragraph of three, then new text glued after it
        ("", P3, "Nieuwe verkiezingen volgen in november."),
        # new text before and after, the new text starting like the original's next sentence
        ("Er is kritiek. ", P2, " Het gaat ook om technici."),
        ("Er is kritiek.", P2, "Wie dat niet wil, belt."),
        ("Het gaat.", P2 + P3, "Het gaat ook om technici."),
        # a paste that began mid-word ("...vierhon|derd ondernemers"): the fragment goes with the copy,
        # as its own paragraph and glued on after new text
        ("", P2[P2.index("derd ondernemers") :] + P3, ""),
        ("", P2[P2.index("erhonderd") :] + P3, ""),
        (NEW, P2[P2.index("derd ondernemers") :] + P3, ""),
        # a paste that stopped mid-word, inside the first sentence after a cut and inside the only one
        ("", P2 + P3[: P3.index("gesprek") + 3], ""),
        ("", P2 + P3 + P4[:12], ""),
        # both
        ("", P2[P2.index("ografen") :] + P3 + P4[:7], ""),
        # different whitespace and case
        ("", P2.upper().replace(" ", "\n", 3) + "  " + P3.lower(), ""),
        ("", P2.replace(". ", ".") + P3.replace(" ", "  "), ""),
    ],
)
def test_partial_and_mid_sentence_copies_are_removed_and_new_text_kept(before, copy, after):
    original = [P1, P2, P3, P4]
    clean = clean_article_text("\n\n".join(original + [before + copy + after]))
    kept = " ".join(part.strip() for part in (before, after) if part.strip())
    assert clean.paragraphs == original + ([kept] if kept else [])
    assert clean.removed_chars == len(" ".join(copy.split()))


@pytest.mark.parametrize(
    "text",
    [
        "Nee.\n\nKomt er een nieuw stadion?\n\nNee.",
        "Dat meldt ANP.\n\nDe brand woedde de hele nacht. Dat meldt ANP.",
        "De rechter vraagt het opnieuw. Hij ontkent alles. Het proces gaat door.\n\nHij ontkent alles. Morgen volgt de uitspraak.",
        # the same clause after two different sentences: part of one sentence only
        "De brandweer rukte uit, laat de veiligheidsregio weten in een verklaring.\n\n"
        "Twee mensen raakten gewond, laat de veiligheidsregio weten in een verklaring.",
        # a partial sentence from mid-word, with no whole copy to belong to
        "Sinds het begin van de crisis vroegen ruim vierhonderd ondernemers om hulp.\n\n"
        "isis vroegen ruim vierhonderd ondernemers om hulp.",
        "Sinds het begin van de crisis vroegen ruim vierhonderd ondernemers om hulp. Het gaat om veel geld.\n\n"
        "Er is nieuws. Sinds het begin van de crisis vroegen ruim vierhonde",
        # a repeated end of one sentence and start of the next, inside paragraphs
        "Hij zei dat het zo niet langer kan. De partij stapt uit de coalitie.\n\n"
        "Zij zei dat het zo niet langer kan. De partij stapt naar de rechter.",
    ],
)
def test_short_and_partial_sentence_repeats_stay(text):
    clean = clean_article_text(text)
    assert clean.paragraphs == split_paragraphs(text)
    assert clean.removed_chars == 0


@pytest.mark.parametrize(
    "text, sentences",
    [
        ("Het werd uitgezonden in de VS. Daar trok het veel kijkers.", ["Het werd uitgezonden in de VS.", "Daar trok het veel kijkers."]),
        ("Het werd uitgezonden in de VS.Daar trok het veel kijkers.", ["Het werd uitgezonden in de VS.", "Daar trok het veel kijkers."]),
        ("Het is getekend door Jan. De Vries was er niet bij.", ["Het is getekend door Jan.", "De Vries was er niet bij."]),
        ("De zaak dient op 14 jan. 2022 in Utrecht.", ["De zaak dient op 14 jan. 2022 in Utrecht."]),
        ("Dr. Jansen en Prof. De Wit waren er ook.", ["Dr. Jansen en Prof. De Wit waren er ook."]),
        ("De wedstrijd Ajax vs. PSV eindigde gelijk.", ["De wedstrijd Ajax vs. PSV eindigde gelijk."]),
    ],
)
def test_vs_and_jan_before_a_capital_end_a_sentence(text, sentences):
    assert split_glued_sentences(text) == sentences


def test_a_copy_glued_after_initials_leaves_the_initials_whole():
    text = ("Hij werkt bij Booking.com. Een storing bij de bank duurde zondag uren, zei een woordvoerder.\n\n"
            "Dat schrijft de krant over het rapport van het O.M.Een storing bij de bank duurde zondag uren, zei een woordvoerder.")
    assert clean_article_text(text).paragraphs[1] == "Dat schrijft de krant over het rapport van het O.M."


@given(st.integers(0, 2**32))
@example(2610595)  # a copy glued after "het O.M." once cut the "M." off (found by CI)
@settings(max_examples=200, deadline=None)
def test_articles_with_glued_copies_come_out_as_their_original_paragraphs(seed):
    rng = random.Random(seed)
    original = glued_copies.article(rng)
    text, kind = glued_copies.with_copies(rng, original)
    clean = clean_article_text(text)
    assert [p.split() for p in clean.paragraphs] == [p.split() for p in original], kind


@given(st.integers(0, 2**32))
@settings(max_examples=200, deadline=None)
def test_an_article_of_distinct_sentences_is_never_changed(seed):
    original = glued_copies.article(random.Random(seed))
    clean = clean_article_text("\n\n".join(original))
    assert clean.paragraphs == original
    assert clean.removed_chars == 0


@pytest.mark.parametrize("text", ["a" * 200_000, "Het is zo. " * 20_000, "abc def " * 25_000, "Nee.Ja." * 30_000])
def test_pathological_repetitive_text_is_cleaned_in_linear_time(text):
    import time

    started = time.perf_counter()
    clean = clean_article_text(text)
    assert time.perf_counter() - started < 5
    assert clean.paragraphs


def test_a_copy_whose_quotes_were_straightened_is_still_a_copy():
    original = ["De voetbalbond schorst de trainer. De club gaat in beroep.", "“Dit is een schandalige beslissing,” zei de voorzitter. Hij was boos."]
    copy = '"Dit is een schandalige beslissing," zei de voorzitter. Hij was boos.'
    clean = clean_article_text("\n\n".join(original + [copy]))
    assert clean.paragraphs == original
    assert clean.removed_chars == len(copy)


def test_a_copy_glued_before_a_paragraph_that_opens_with_a_quote_leaves_the_quote():
    original = ["De raad stemde in. Het bedrijf verwacht een omzet van 2,4 mld. Dat meldt de krant vandaag.", '"Dit had niemand verwacht", zei een woordvoerder van de politie.']
    text = original[0] + "\n\n" + "Het bedrijf verwacht een omzet van 2,4 mld. Dat meldt de krant vandaag." + original[1]
    assert clean_article_text(text).paragraphs == original


def test_repeats_are_found_by_comparing_text_when_stretch_hashes_collide(monkeypatch):
    text = [
        "De gemeente Utrecht opent in maart een nieuw fietspad langs het kanaal.",
        "Het fietspad kost vier miljoen euro.De gemeente Utrecht opent in maart een nieuw fietspad langs het kanaal.",
    ]
    expected = paragraphs_module.find_repeats(text)
    assert expected  # the glued copy is found
    monkeypatch.setattr(paragraphs_module, "_GRAM_WEIGHTS", np.zeros(paragraphs_module.MIN_COPY_CHARS, dtype=np.uint64))
    assert paragraphs_module.find_repeats(text) == expected  # every stretch hashes alike: the strings decide
    assert paragraphs_module.find_repeats(["Een zin zonder herhaling van betekenis voor de lezer hier."]) == []
