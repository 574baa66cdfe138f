import pytest
from hypothesis import given, settings, strategies as st

from ingest.paragraphs import clean_article_text, split_glued_sentences, split_paragraphs
from conftest import SEED

ORIGINAL_SEED_PARAGRAPHS = SEED.read_text(encoding="utf-8").split("\n\n")[:4]


def test_seed_comes_out_as_its_four_original_paragraphs_word_for_word():
    text = SEED.read_text(encoding="utf-8").split(" ", 2)[2]  # drop the "date 2022-01" header
    clean = clean_article_text(text)
    expected = [ORIGINAL_SEED_PARAGRAPHS[0].split(" ", 2)[2].strip()] + [p.strip() for p in ORIGINAL_SEED_PARAGRAPHS[1:]]
    assert clean.paragraphs == expected


def test_removed_characters_are_counted():
    clean = clean_article_text("Eerste zin van het stuk. Tweede zin van het stuk.\n\nEerste zin van het stuk. Tweede zin van het stuk.")
    assert clean.paragraphs == ["Eerste zin van het stuk. Tweede zin van het stuk."]
    assert clean.removed_chars == len("Eerste zin van het stuk.") + len("Tweede zin van het stuk.")


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


def test_a_paragraph_that_is_only_a_repeated_short_sentence_is_removed():
    text = "Hij ontkent alles.\n\nDe rechter vraagt het opnieuw.\n\nHij ontkent alles."
    assert clean_article_text(text).paragraphs == ["Hij ontkent alles.", "De rechter vraagt het opnieuw."]


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


WORD = st.text(alphabet="abcdeklmnoprstuvwzëï", min_size=1, max_size=8)
SENTENCE = st.builds(
    lambda first, rest, end: " ".join([first.capitalize(), *rest]) + end,
    WORD,
    st.lists(WORD, min_size=1, max_size=12),
    st.sampled_from([".", "!", "?"]),
)


@given(st.lists(st.lists(SENTENCE, min_size=1, max_size=5), min_size=1, max_size=6), st.booleans())
@settings(max_examples=300, deadline=None)
def test_no_sentence_is_lost_unless_it_repeats_earlier_text(paragraphs, glue_last):
    if glue_last and len(paragraphs) > 1:  # the scraper's glued copy of the earlier paragraphs
        paragraphs = paragraphs + [["".join(s for p in paragraphs[1:] for s in p)]]
    text = "\n\n".join(" ".join(p) for p in paragraphs)
    kept = [s for p in clean_article_text(text).paragraphs for s in split_glued_sentences(p)]
    key = lambda s: "".join(s.split()).casefold()  # noqa: E731
    seen = set()
    for paragraph in split_paragraphs(text):
        for sentence in split_glued_sentences(paragraph):
            if key(sentence) not in seen:
                assert sentence in kept
            seen.add(key(sentence))
    assert {key(s) for s in kept} <= seen


@given(st.text(max_size=300))
@settings(max_examples=300, deadline=None)
def test_cleaning_never_raises_and_never_adds_text(text):
    clean = clean_article_text(text)
    assert all(p.strip() == p and p for p in clean.paragraphs)
    assert clean.removed_chars >= 0
    assert len("".join(clean.paragraphs).split()) <= len(text.split())
