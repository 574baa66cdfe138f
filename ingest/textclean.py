"""Repair the text of a record on its way in: markup, mojibake, Unicode form, glued-up long text.

Raw text is never touched (``Record.raw`` keeps the input as it was); only the
fields used to build the article are cleaned.

``normalize`` is the one text normalisation of the project: every stored text
goes through it before hashing, full-text indexing, shingling and mention
extraction, and the server puts every lookup key through it (search terms,
filter values, canned query parameters), so that text that looks the same to a
reader is the same text. ``fold_quotes`` and ``match_key`` build on it for
comparisons only (hashes, entity look-ups, search syntax); stored text keeps
its typographic quotes.
"""

from __future__ import annotations

import html
import itertools
import re
import unicodedata

import ftfy

from .paragraphs import QUOTE_MAP as _QUOTE_MAP, split_glued_sentences

# A text with no line break at all that is longer than this is cut into paragraphs.
LONG_UNBROKEN_TEXT = 1500
SENTENCES_PER_PARAGRAPH = 3

_TAG_NAMES = (
    "a|abbr|article|aside|b|blockquote|body|br|caption|center|cite|code|dd|del|div|dl|dt|em|figcaption|figure|"
    "font|footer|h[1-6]|head|header|hr|html|i|iframe|img|ins|li|link|main|mark|meta|nav|noscript|ol|p|pre|q|"
    "s|script|section|small|source|span|strike|strong|style|sub|sup|table|tbody|td|tfoot|th|thead|time|title|"
    "tr|u|ul|video"
)
_TAG = re.compile(rf"</?(?:{_TAG_NAMES})(?:\s[^<>]*)?/?>", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_INVISIBLE_BLOCK = re.compile(r"<(script|style|head)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|h[1-6]|li|ul|ol|blockquote|article|section|header|footer|figure|figcaption|table|tr|pre|hr)"
    r"(?:\s[^<>]*)?/?>",
    re.IGNORECASE,
)
_LINE_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
_MANY_BLANK_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")

_FTFY = ftfy.TextFixerConfig(
    unescape_html=False,  # done below, and only when the text looks like markup
    uncurl_quotes=False,  # curly quotes are part of the original text
    fix_character_width=False,
    normalization="NFC",
)


# ftfy is slow; most text needs nothing from it. It runs only when the text holds a
# UTF-8 lead character read as cp1252/latin-1 followed by a continuation character
# (the shape of all UTF-8 mojibake: "Ã¯", "â€™"), a control character, a ligature
# or a Unicode line separator.
_NEEDS_FTFY = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
    "|[\x00-\x08\x0b\x0e-\x1f\x7f\ufb00-\ufb06\u2028\u2029\ufffd]"
)


# Invisible format characters (Unicode category Cf) split words and make copies
# of a text differ: soft hyphen, zero-width space and joiners, word joiner, BOM,
# bidirectional marks and the like. Kept: the Arabic and Syriac number signs
# (U+0600-0605, U+06DD, U+070F, U+08E2, U+110BD, U+110CD), which are visible,
# tag characters (U+E0020-E007F, inside flag emoji) and a zero-width joiner
# between two symbols (emoji sequences such as a family).
_KEEP_FORMAT = set("\u0600\u0601\u0602\u0603\u0604\u0605\u06dd\u070f\u08e2\U000110bd\U000110cd")
_FORMAT_CHARS = "".join(
    chr(c)
    for c in itertools.chain(range(0x20000), range(0xE0000, 0xE0080))  # where Unicode puts category Cf
    if unicodedata.category(chr(c)) == "Cf" and chr(c) not in _KEEP_FORMAT and not 0xE0020 <= c <= 0xE007F
)
_EMOJI_JOINER = re.compile(r"(?<=[\u2600-\u27bf\U0001f000-\U0001faff\ufe0f])\u200d(?=[\u2600-\u27bf\U0001f000-\U0001faff])")
_KEPT_JOINER = "\uffff"  # a noncharacter, never in text: stands in for a joiner that stays
# Apostrophe look-alikes that are not typographic quotes: modifier letter
# apostrophe (a letter for the full-text tokenizer, so "zoʼn" would be one
# word), reversed comma, acute and grave accents and prime typed for an apostrophe.
_APOSTROPHES = re.compile("[\u02bc\u201b\u00b4`\u2032]")
# Typographic quotes: kept in stored text, the same as ASCII quotes when compared.
_QUOTES = re.compile(f"[{''.join(_QUOTE_MAP)}]")


def _ranges(chars: str) -> str:
    """A regex character class body for ``chars``, as ranges (re is much faster on few ranges)."""
    ranges: list[list[int]] = []
    for code in sorted(map(ord, chars)):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return "".join(re.escape(chr(a)) + ("" if a == b else "-" + re.escape(chr(b))) for a, b in ranges)


_FORMAT = re.compile(f"[{_ranges(_FORMAT_CHARS)}]")
# One quick look for anything ``normalize`` may change besides the Unicode form:
# a format character or apostrophe look-alike of the Basic Multilingual Plane, or
# any character beyond it (rare in news; emoji, whose tags and joiners need a closer look).
_SUSPECT = re.compile(
    f"[{_ranges(''.join(c for c in _FORMAT_CHARS if ord(c) < 0x10000))}\u02bc\u201b\u00b4`\u2032\ufb00-\ufb06]"
    "|[\U00010000-\U0010ffff]"
)
# Latin ligatures (ﬁ ﬂ ...), as text copied from a PDF has them: the letters they stand for.
_LIGATURES = re.compile("[\ufb00-\ufb06]")


def normalize(text: str) -> str:
    """The one text normalisation: Unicode NFC, invisible format characters removed, apostrophe look-alikes as ',
    Latin ligatures (U+FB00-U+FB06, from PDFs) as their letters.

    Removed: soft hyphen (U+00AD), zero-width space, non-joiner and joiner
    (U+200B-U+200D), word joiner (U+2060), BOM (U+FEFF), bidirectional marks and
    the other format characters (category Cf) except those listed above.
    Idempotent, and cheap on text that needs nothing.
    """
    if not text:
        return text
    if _SUSPECT.search(text):
        if _FORMAT.search(text):
            text = _FORMAT.sub("", _EMOJI_JOINER.sub(_KEPT_JOINER, text)).replace(_KEPT_JOINER, "\u200d")
        text = _APOSTROPHES.sub("'", text)
        text = _LIGATURES.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def fold_quotes(text: str) -> str:
    """``normalize`` with typographic quotes as ASCII ones (‘ ’ as ', “ ” „ « » as "), for comparing text."""
    text = normalize(text)
    return _QUOTES.sub(lambda m: _QUOTE_MAP[m.group()], text) if _QUOTES.search(text) else text


def strip_accents(text: str) -> str:
    return unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)))


def match_key(text: str) -> str:
    """How a name is compared with what people type: normalised, quotes folded, accents and case ignored,
    whitespace collapsed ("Oekraïne", "oekraine", "OEKRAI\u0308NE" have the same key)."""
    if text.isascii():  # the common case, fast: of the look-alikes only ` is ASCII
        return " ".join(text.replace("`", "'").casefold().split())
    return " ".join(strip_accents(fold_quotes(text)).casefold().split())


def repair(text: str) -> str:
    """Mojibake repaired and control characters removed (ftfy), then ``normalize``d."""
    if _NEEDS_FTFY.search(text):
        text = ftfy.fix_text(text, config=_FTFY)
    return normalize(text)


def looks_like_markup(text: str) -> bool:
    return bool(_TAG.search(text) or _ENTITY.search(text))


def strip_markup(text: str) -> str:
    """Block tags become blank lines (paragraph breaks), ``<br>`` a newline, other tags vanish."""
    text = _COMMENT.sub("", _INVISIBLE_BLOCK.sub("", text))
    text = _BLOCK_TAG.sub("\n\n", text)
    text = _LINE_BREAK_TAG.sub("\n", text)
    text = _TAG.sub("", text)
    text = html.unescape(text)
    return _MANY_BLANK_LINES.sub("\n\n", text).strip("\n")


def split_long_unbroken_text(text: str) -> str:
    """A long text without any line break gets a paragraph break every few sentences."""
    if len(text) <= LONG_UNBROKEN_TEXT or "\n" in text.strip():
        return text
    sentences = split_glued_sentences(text.strip())
    groups = [sentences[i : i + SENTENCES_PER_PARAGRAPH] for i in range(0, len(sentences), SENTENCES_PER_PARAGRAPH)]
    return "\n\n".join(" ".join(group) for group in groups)


def clean_field(value: str) -> str:
    """A short field (title, author, source): markup and mojibake repaired, NFC, whitespace collapsed."""
    if looks_like_markup(value):
        value = strip_markup(value)
    return " ".join(repair(value).split())


def clean_text(text: str) -> str:
    """An article body: markup, mojibake and Unicode form repaired; long unbroken text split into paragraphs.

    Line breaks are kept: a single newline is a wrap and a blank line a paragraph
    break, which ``paragraphs.split_paragraphs`` interprets later.
    """
    if looks_like_markup(text):
        text = strip_markup(text)
    return split_long_unbroken_text(repair(text))
