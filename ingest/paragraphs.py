"""Clean an article's text into paragraphs, removing text it repeats.

Scrapers often paste an article body twice, the second copy glued together
without spaces between paragraphs ("...van de NAVO.Concreet roept...").
We split the text into sentences (also at such glued boundaries), then drop
runs of sentences that already occurred earlier in the same article.

The rule for what counts as a repeat (documented in the README):

- a paragraph whose every sentence occurred earlier is removed;
- inside a paragraph, a run of two or more consecutive sentences that all
  occurred earlier is removed, and so is a single repeated sentence of at
  least ``MIN_WORDS_SINGLE_REPEAT`` words;
- a short single sentence that repeats ("Dat meldt ANP.") is kept, because
  short sentences legitimately recur in news writing;
- new text before or after a removed copy stays in its paragraph.

Sentences are compared ignoring case and whitespace.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

MIN_WORDS_SINGLE_REPEAT = 8

# Words that end in a full stop without ending a sentence.
ABBREVIATIONS = frozenset(
    """
    dr drs dhr mevr mw mr mgr prof ir ing ds st sr jr bc ca nr no vs
    bijv bv blz resp evt enz etc ong incl excl max min jl vnl mln mld mrd
    jan feb mrt apr jun jul aug sep sept okt nov dec
    ma di wo do vr za zo
    e.g i.e o.a m.a.w d.w.z t.a.v i.p.v m.b.t v.s
    """.split()
)

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_WHITESPACE = re.compile(r"\s+")
# A sentence ends at . ! ? (optionally followed by closing quotes or
# brackets), either before whitespace or glued to a capitalised word.
_BOUNDARY = re.compile(
    r"""(?P<end>[.!?…]+["'”’»)\]]*)"""
    r"""(?:(?P<space>\s+)(?=["'“‘„«(\[]?[A-ZÀ-Þ0-9])|(?=["“‘„«]?[A-ZÀ-Þ][a-zß-ÿ]))"""
)
_WORD_BEFORE = re.compile(r"(\S+)$")


@dataclass(frozen=True)
class CleanText:
    paragraphs: list[str]
    removed_chars: int


def normalize_whitespace(text: str) -> str:
    return _WHITESPACE.sub(" ", text).strip()


def split_paragraphs(text: str) -> list[str]:
    """Blank lines separate paragraphs; a single newline is a line wrap."""
    text = unicodedata.normalize("NFC", text)
    paragraphs = (normalize_whitespace(p) for p in _PARAGRAPH_BREAK.split(text))
    return [p for p in paragraphs if p]


def _ends_abbreviation(text_before: str) -> bool:
    """True when the full stop just before this point belongs to a word, not a sentence end."""
    match = _WORD_BEFORE.search(text_before)
    if not match:
        return False
    word = match.group(1).lstrip("\"'“‘„«([").rstrip(".")
    if len(word) == 1 and word.isalpha():  # initial: "J. Kennedy", "J.F.Kennedy"
        return True
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word):  # "N.A.V.O", "o.a"
        return True
    return word.lower() in ABBREVIATIONS


def split_glued_sentences(paragraph: str) -> list[str]:
    """Split a paragraph into sentences, also where a copy glued them together.

    "NAVO.Concreet" splits into "NAVO." and "Concreet", but "J.F. Kennedy",
    "dr. Jansen", "3.5 procent", "N.A.V.O." and "nu.nl" stay whole.
    """
    sentences = []
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        end = match.end("end")
        if match.group("end").startswith(".") and _ends_abbreviation(paragraph[start : match.start("end")]):
            continue
        sentence = paragraph[start:end].strip()
        if sentence:
            sentences.append(sentence)
        start = match.end()
    rest = paragraph[start:].strip()
    if rest:
        sentences.append(rest)
    return sentences


def _sentence_key(sentence: str) -> str:
    return "".join(sentence.split()).casefold()


def _is_removable_run(run: list[str], whole_paragraph: bool) -> bool:
    if whole_paragraph or len(run) >= 2:
        return True
    return len(run[0].split()) >= MIN_WORDS_SINGLE_REPEAT


def remove_repeated_text(paragraphs: list[str]) -> CleanText:
    """Drop sentences that repeat earlier text of the same article (see module docstring)."""
    seen: set[str] = set()
    kept_paragraphs = []
    removed_chars = 0
    for paragraph in paragraphs:
        sentences = split_glued_sentences(paragraph)
        repeated = [_sentence_key(s) in seen for s in sentences]
        seen.update(_sentence_key(s) for s in sentences)
        if not any(repeated):
            kept_paragraphs.append(paragraph)
            continue
        kept = []
        i = 0
        while i < len(sentences):
            if not repeated[i]:
                kept.append(sentences[i])
                i += 1
                continue
            j = i
            while j < len(sentences) and repeated[j]:
                j += 1
            run = sentences[i:j]
            if _is_removable_run(run, whole_paragraph=len(run) == len(sentences)):
                removed_chars += sum(len(s) for s in run)
            else:
                kept.extend(run)
            i = j
        if len(kept) == len(sentences):
            kept_paragraphs.append(paragraph)
        elif kept:
            kept_paragraphs.append(" ".join(kept))
    return CleanText(kept_paragraphs, removed_chars)


def clean_article_text(text: str) -> CleanText:
    return remove_repeated_text(split_paragraphs(text))
