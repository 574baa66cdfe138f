"""Articles with scraper-pasted copies of their own text, and the text they should come out as.

Used by the property tests (``tests/test_paragraphs.py``) and by ``benchmarks/repeats_eval.py``.
Sentences come from ``make_corpus.py``'s sources (the repository's own text and the templates in
``vocabulary.py``); some paragraphs get first or last sentences that make hard glued boundaries: an
acronym word, a digit, an abbreviation-like end ("19.25 u.", "in de VS."), an apostrophe form or a
quote, a bracket, an ellipsis, "!" and "?", a lower-case start.

    rng = random.Random(1)
    original = article(rng)                 # paragraphs of distinct sentences
    text, kind = with_copies(rng, original)  # the same with copies glued in; cleaning should give `original`
"""

from __future__ import annotations

import argparse
import random
import sys
from functools import lru_cache
from pathlib import Path

from ingest.paragraphs import split_glued_sentences

_HERE = str(Path(__file__).resolve().parent)
sys.path.insert(0, _HERE)
try:
    import make_corpus  # noqa: E402
finally:  # benchmarks/ingest.py must not shadow the ingest package
    while _HERE in sys.path:
        sys.path.remove(_HERE)

# Sentences that make a glued boundary hard when they start a paragraph ...
HARD_STARTS = [
    "ZZP'ers krijgen bij het loket advies over schulden en belastingen.",
    "UWV-medewerkers schuiven twee dagen per week aan om vragen te beantwoorden.",
    "12 mensen raakten lichtgewond doordat zij rook hadden ingeademd.",
    "80 bewoners konden na een paar uur terug naar huis.",
    "'s Avonds is het terrein wel open voor buurtbewoners die willen picknicken.",
    "“We gaan door,” zegt de voorzitter over de toekomst van de club.",
    "\"Dit had niemand verwacht\", zei een woordvoerder van de politie.",
    "(ANP) De politie heeft in de nacht van zaterdag op zondag vier verdachten opgepakt.",
    "iPhone-gebruikers moeten hun toestel zo snel mogelijk bijwerken.",
    "eBay haalt de advertenties voor de kaartjes offline na klachten van kopers.",
    "3.5 procent van de huishoudens kan de energierekening niet meer betalen.",
    "…en dan begint het wachten op de uitslag van de stemming in de raad.",
    "‘Het kan niet langer zo’, vindt de wethouder van onderwijs in de stad.",
    "NAVO-landen verhogen hun defensie-uitgaven de komende jaren flink.",
]
# ... or end one.
HARD_ENDS = [
    "De eerste aflevering is zaterdag te zien op NPO 2, om 19.25 u.",
    "Een Engelstalige versie werd vorig jaar al uitgezonden in de VS.",
    "De meesten van hen wonen en werken in Utrecht.",
    "Dat heeft de gemeente gisteren bekendgemaakt.",
    "“Zonder toezicht kunnen we niemand laten zwemmen,” zei ze.",
    "Het onderzoek loopt nog (zie ook pagina 4).",
    "Wie had dat gedacht?",
    "Het is eindelijk zover!",
    "En toen bleef het stil…",
    "De groei kwam uit op 3.5 procent, meldt het CBS (voorlopige cijfers)",
    "Volgens woordvoerder Jan de Vries van de gemeente is het contract getekend door Jan.",
    "Dat schrijft de krant in een analyse van het rapport van het O.M.",
    "De rechtszaak dient op 14 jan.",
    "Het bedrijf verwacht een omzet van 2,4 mld.",
]


@lru_cache(maxsize=1)
def _generator_parts():
    return make_corpus.repository_sentences()


def article(rng: random.Random) -> list[str]:
    """An article's paragraphs: 3-9 paragraphs of 1-3 distinct sentences, some with hard first or last sentences."""
    args = argparse.Namespace(duplicates=0, near_duplicates=0, glued=0, boilerplate=0)
    generator = make_corpus.Generator(rng, _generator_parts(), args)
    paragraphs = [list(p) for p in generator.new_article()["paragraphs"]][:9]
    while len(paragraphs) < 3:
        paragraphs.append([generator.sentence(generator.topics[0], generator.slots())])
    starts = rng.sample(HARD_STARTS, len(HARD_STARTS))
    ends = rng.sample(HARD_ENDS, len(HARD_ENDS))
    used = {s for p in paragraphs for s in p}
    for paragraph in paragraphs[1:]:
        if rng.random() < 0.5 and starts[-1] not in used:
            paragraph.insert(0, starts.pop())
        if rng.random() < 0.5 and ends[-1] not in used:
            paragraph.append(ends.pop())
    seen: set[str] = set()
    out = []
    for paragraph in paragraphs:  # sentences distinct within the article, ignoring case and spaces
        kept = []
        for sentence in paragraph:
            # A source sentence may hold two glued together ("...de NAVO.Poetin had..."): each must be new.
            keys = {"".join(part.split()).casefold() for part in split_glued_sentences(sentence)}
            if not keys & seen:
                seen.update(keys)
                kept.append(sentence)
        if kept:
            out.append(" ".join(kept))
    return out


def _words(text: str) -> list[str]:
    return text.split(" ")


def _cut_points(paragraphs: list[str]) -> list[tuple[int, int, bool]]:
    """Places a copy may start or end: (paragraph, character offset, is a sentence boundary).

    Mid-sentence places are word boundaries at least 3 words and 13 characters from the
    sentence's ends.
    """
    points = []
    for i, paragraph in enumerate(paragraphs):
        sentences = make_corpus._SENTENCE_END.split(paragraph)
        offset = 0
        for sentence in sentences:
            start = paragraph.index(sentence, offset)
            points.append((i, start, True))
            words = _words(sentence)
            pos = start
            for w, word in enumerate(words[:-1]):
                pos += len(word) + 1
                left, right = sentence[: pos - start], sentence[pos - start :]
                if w >= 2 and len(words) - w - 1 >= 3 and len(left) > 13 and len(right) > 13:
                    points.append((i, pos, False))
            offset = start + len(sentence)
        points.append((i, len(paragraph), True))
    return points


def _copy_text(paragraphs: list[str], start: tuple[int, int], end: tuple[int, int], rng: random.Random) -> str:
    """The text from start to end, paragraphs glued the way scrapers glue them."""
    (i, a), (j, b) = start, end
    parts = []
    for k in range(i, j + 1):
        text = paragraphs[k]
        lo = a if k == i else 0
        hi = b if k == j else len(text)
        if text[lo:hi].strip():
            parts.append(text[lo:hi].strip())
    glue = rng.choice(["", "", "", " ", "\n"])
    copy = glue.join(parts)
    roll = rng.random()
    if roll < 0.1:
        copy = copy.upper()
    elif roll < 0.15:
        copy = copy.lower()
    elif roll < 0.3:  # re-wrapped: line breaks and doubled spaces
        copy = copy.replace(" ", rng.choice(["  ", "\n", " \n "]), rng.randint(1, 5))
    return copy


def with_copies(rng: random.Random, paragraphs: list[str]) -> tuple[str, str]:
    """The article text with one or two copies of its own earlier text pasted in.

    Returns (text, kind). Cleaning the text should give back ``paragraphs`` word for word.
    A copy is a stretch of at least two sentences (or parts of two) and 40 characters,
    starting and ending at sentence boundaries or mid-sentence; it is its own paragraph,
    glued to the end of the last paragraph, or (when it ends at a sentence end) glued
    before a later paragraph's text.
    """
    out = list(paragraphs)
    kinds = []
    points = _cut_points(paragraphs)
    last_open = False
    modified: set[int] = set()  # a second copy is of text the first left alone
    sources: set[int] = set()  # and is not glued into text the first copied
    for _ in range(rng.choice([1, 1, 2])):
        for _attempt in range(50):
            x, y = sorted(rng.sample(range(len(points)), 2))
            (i, a, _), (j, b, ends_sentence) = points[x], points[y]
            plain = " ".join(paragraphs[k][a if k == i else 0 : b if k == j else None] for k in range(i, j + 1))
            chars = len("".join(plain.split()))
            pieces = [p for p in make_corpus._SENTENCE_END.split(" ".join(plain.split())) if p]
            if chars >= 40 and len(pieces) >= 2 and not modified.intersection(range(i, j + 1)):
                sources.update(range(i, j + 1))
                break
        else:
            continue
        copy = _copy_text(paragraphs, (i, a), (j, b), rng)
        where = rng.random()
        if where < 0.4 or j + 1 >= len(out) or not ends_sentence:
            if rng.random() < 0.5 or last_open or len(out) - 1 in sources:  # no gluing to a copy that ends mid-sentence
                out.append(copy)
                kinds.append("own paragraph")
            else:
                out[-1] = out[-1] + copy
                modified.add(len(out) - 1)
                kinds.append("glued to the last paragraph")
            last_open = not ends_sentence
        else:
            k = rng.randrange(j + 1, len(out))
            if k in sources:
                out.append(copy)
                kinds.append("own paragraph")
                continue
            out[k] = copy + rng.choice(["", " "]) + out[k]
            modified.add(k)
            kinds.append("glued before new text")
    return "\n\n".join(out), ", ".join(kinds)
