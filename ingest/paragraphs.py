"""Clean an article's text into paragraphs, removing text it repeats.

Scrapers often paste an article body twice, the second copy glued together
without spaces between paragraphs ("...van de NAVO.Concreet roept...").
Copies are found by alignment, not by guessing sentence boundaries: the
article is turned into one comparison string (case folded, all whitespace
removed, paragraphs concatenated) that remembers where each character came
from, and every stretch that repeats earlier text of the same article is
found wherever it starts and ends (glued, partial, joined mid-sentence).

The rule for what counts as a copy (documented in the README, "Repeated
text"):

- a repeat is a stretch of at least ``MIN_COPY_CHARS`` (24) comparison
  characters (letters, digits, punctuation; whitespace and case ignored) that
  also occurs earlier in the same article, found by seeded matching: every
  24-character stretch is looked up, and a stretch seen before is extended as
  far as it goes;
- a copy starts and ends on a sentence boundary of the text it was pasted
  into (a stop before a space or a glued word: ``gemeld.|12``, ``u.|Het``,
  ``VS.|Daar``, ``ze.|'s``, ``gesloten.|“We``), where something was glued on
  without a space (also before lower case, or after a closing bracket), or
  (at its end) where its original ends a paragraph. So a repeat that runs on into
  the text next to the copy only because that text starts or ends like the
  text next to the original ("...gemeld. De brandweer" after "...gemeld. De
  politie") is cut back to the sentence boundary; a copy may start or end
  mid-sentence where it starts or ends a paragraph or was glued on;
- a paste that began or stopped mid-word leaves a fragment: text from a
  paragraph's start (or a glue point) that begins inside a word of the
  original, up to the copy's first cut ("ten volgens ... veelbelovend." from
  "...resultaten volgens ... veelbelovend."), or from the copy's last cut to a
  paragraph's end that stops inside a word of the original ("De omroep
  verwacht zo'n a"). Such a fragment belongs to the copy and is removed with
  it; it does not count towards the minimum below, so a fragment alone stays;
- it is removed when it holds two whole sentences (a partial sentence at a
  paragraph edge or a glue point counts), or one whole sentence of at least
  ``MIN_SENTENCE_WORDS`` (8) words;
- everything else stays: short repeats ("Nee." answering two questions,
  "Dat meldt ANP.", "Hij ontkent alles."), also when they stand alone as a
  paragraph, and a phrase that recurs inside different sentences ("laat het
  CBS weten in een verklaring", the end of one sentence and the start of the
  next);
- new text before or after a removed copy stays in its paragraph (joined by a
  space), and a paragraph that becomes empty is dropped.

``removed_chars`` counts the characters of the (whitespace-normalised)
paragraph text that were removed: each copy from its first to its last
character (fragments included), spaces inside it included, paragraph breaks
not. A run of whitespace inside a copy counts as one space, as in the stored
paragraphs, not as in the raw text.

The sentence splitter (``split_glued_sentences``) stays for what needs
sentences (derived titles, splitting long unbroken text into paragraphs);
repeat removal does not depend on it.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

import numpy as np

# Typographic quotes and their ASCII forms, compared as one (here and by textclean.fold_quotes);
# as a translate table one character for one, so offsets into the text stay valid.
QUOTE_MAP = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2039": "'", "\u203a": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"', "\u2033": '"',
}
QUOTE_FOLD = str.maketrans(QUOTE_MAP)

# The shortest repeat looked at, in comparison characters (no whitespace,
# case folded): also the length of the stretches used as seeds.
MIN_COPY_CHARS = 24
# A copy of a single whole sentence needs this many words ("Dat meldt ANP."
# repeated is not a copy; a pasted sentence of 8 words is).
MIN_SENTENCE_WORDS = 8

# Words that end in a full stop without ending a sentence, lower case as
# written ("jan. 2022", "vs."). "Jan." and "VS." are a name and a country and
# do end a sentence before a capital.
ABBREVIATIONS = frozenset(
    """
    dr drs dhr mevr mw mr mgr prof ir ing ds st sr jr bc ca nr no vs
    bijv bv blz resp evt enz etc ong incl excl max min jl vnl mln mld mrd
    jan feb mrt apr jun jul aug sep sept okt nov dec
    ma di wo do vr za zo
    e.g i.e o.a m.a.w d.w.z t.a.v i.p.v m.b.t v.s
    """.split()
)
# Abbreviations also written capitalised (a title at the start of a sentence:
# "Dr. Jansen", "Mr. Visser").
TITLE_ABBREVIATIONS = frozenset("dr drs dhr mevr mw mr mgr prof ir ing ds st sr jr bijv".split())

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_WHITESPACE = re.compile(r"\s+")
# A sentence ends at . ! ? (optionally followed by closing quotes or
# brackets), either before whitespace or glued to a capitalised word.
_BOUNDARY = re.compile(
    r"""(?P<end>[.!?…]+["'”’»)\]]*)"""
    r"""(?:(?P<space>\s+)(?=["'“‘„«(\[]?[A-ZÀ-Þ0-9])|(?=["“‘„«]?[A-ZÀ-Þ][a-zß-ÿ]))"""
)
_WORD_BEFORE = re.compile(r"(\S+)$")

_STOPS = ".!?…"
_CLOSERS = "\"'”’»)]}"
_MARK = re.compile(f"[{re.escape(_STOPS + _CLOSERS)}]")
_OPENERS = "\"'“‘„«([{¿¡…-–—•"  # what may start a sentence before its first word
_WORD = re.compile(r"\w+(?:['’-]\w+)*")
_WORD_BEFORE_DOT = re.compile(r"[^\W\d_]+$")
_LETTERS_AFTER = re.compile(r"[^\W\d_]*")
# Endings of web addresses: "nu.nl", "bol.com" (not "de": "...gemeld.de gemeente").
_DOMAINS = frozenset("nl be com org net eu fr uk io info tv fm html php".split())


@dataclass(frozen=True)
class CleanText:
    """An article's paragraphs after repeat removal, and how many characters were removed."""

    paragraphs: list[str]
    removed_chars: int


def normalize_whitespace(text: str) -> str:
    """Runs of whitespace become one space; leading and trailing whitespace go."""
    return _WHITESPACE.sub(" ", text).strip()


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of an article text (NFC, whitespace normalised, empty ones dropped).

    Blank lines separate paragraphs; a single newline is a line wrap.
    """
    text = unicodedata.normalize("NFC", text)
    paragraphs = (normalize_whitespace(p) for p in _PARAGRAPH_BREAK.split(text))
    return [p for p in paragraphs if p]


def _ends_abbreviation(text_before: str, next_char: str = "") -> bool:
    """True when the full stop just before this point belongs to a word, not a sentence end."""
    match = _WORD_BEFORE.search(text_before)
    if not match:
        return False
    word = match.group(1).lstrip("\"'“‘„«([").rstrip(".")
    if len(word) == 1 and word.isalpha():  # initial: "J. Kennedy", "J.F.Kennedy"
        return True
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word):  # "N.A.V.O", "o.a"
        return True
    if word in ABBREVIATIONS:  # as written: "jan.", "vs.", "dr."
        return True
    lower = word.lower()
    if lower in TITLE_ABBREVIATIONS and word[1:] == lower[1:]:  # "Dr. Jansen"
        return True
    # "Jan." and "VS." before a capital end a sentence ("in de VS. Daar"); before a
    # digit or lower case they stay abbreviations ("Jan. 2022").
    return lower in ABBREVIATIONS and not next_char.isupper()


def split_glued_sentences(paragraph: str) -> list[str]:
    """Split a paragraph into sentences, also where a copy glued them together.

    Returns the sentences, stripped, in order. "NAVO.Concreet" splits into
    "NAVO." and "Concreet", and "in de VS. Daar" into two sentences, but
    "J.F. Kennedy", "dr. Jansen", "jan. 2022", "3.5 procent", "N.A.V.O." and
    "nu.nl" stay whole. Used for derived titles and for splitting long
    unbroken text; repeat removal does not depend on it.
    """
    sentences = []
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        end = match.end("end")
        next_char = paragraph[match.end() : match.end() + 1]
        if match.group("end").startswith(".") and _ends_abbreviation(paragraph[start : match.start("end")], next_char):
            continue
        sentence = paragraph[start:end].strip()
        if sentence:
            sentences.append(sentence)
        start = match.end()
    rest = paragraph[start:].strip()
    if rest:
        sentences.append(rest)
    return sentences


class _Article:
    """An article's paragraphs as one comparison string with a map back to the text.

    ``text`` is the paragraphs joined by newlines; ``key`` is ``text`` without
    whitespace, case folded; ``offsets[c]`` is the index in ``text`` of the
    character that comparison character ``c`` came from.
    """

    def __init__(self, paragraphs: list[str], key: str):
        self.text = text = "\n".join(paragraphs)
        self.key = key
        self.n = len(key)
        codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
        offsets = np.flatnonzero((codes != 32) & (codes != 10)).tolist()
        if len(offsets) != len(key):  # other whitespace, or a character folds to several ("ß" -> "ss")
            offsets = []
            for i, ch in enumerate(text):
                if not ch.isspace():
                    offsets.extend([i] * len(ch.casefold()))
        self.offsets = offsets
        # Where a cut can fall (see _snap): after a stop or closing mark, and at paragraph edges.
        self.marks = [bisect.bisect_right(offsets, m.start()) for m in _MARK.finditer(text)]
        self.edges = [0, *(bisect.bisect_left(offsets, m.start()) for m in re.finditer("\n", text)), self.n]

    def cut_candidates(self, lo: int, hi: int, shift: int | None = None) -> list[int]:
        """The comparison positions in [lo, hi] that can be a sentence or paragraph boundary or a
        glue point, ascending; with ``shift``, also where the original (shift earlier) has a
        paragraph edge. Every c with ``strength(c) >= 2`` or ``glued_after_stop(c)`` is among them."""
        found = set(self.marks[bisect.bisect_left(self.marks, lo) : bisect.bisect_right(self.marks, hi)])
        found.update(c for c in self.edges if lo <= c <= hi)
        if shift is not None:
            found.update(c + shift for c in self.edges if lo <= c + shift <= hi)
        return sorted(found)

    def _ends_sentence(self, i: int) -> bool:
        text = self.text
        while i >= 0 and text[i] in _CLOSERS:
            i -= 1
        return i >= 0 and text[i] in _STOPS

    def glued_after_stop(self, c: int) -> bool:
        """True when comparison character c follows a sentence-ending mark or a closing
        bracket or curly quote with no space between ("vertraging.het", "cijfers)Peter"):
        where a copy was glued on, even before lower case."""
        if c <= 0 or c >= self.n:
            return False
        a, b = self.offsets[c - 1], self.offsets[c]
        if b != a + 1:
            return False
        if self.text[a] in ")]}”»":
            return True
        letters = _LETTERS_AFTER.match(self.text, b).group(0)
        if len(letters) == 1 and self.text[b + 1 : b + 2] == ".":
            return False  # "het O.M.", "J.F. Kennedy": an initial, not a sentence glued on
        return self._ends_sentence(a) and letters not in _DOMAINS

    def between_words(self, c: int) -> bool:
        """True when comparison characters c-1 and c are letters or digits of one word."""
        if c <= 0 or c >= self.n:
            return False
        a, b = self.offsets[c - 1], self.offsets[c]
        return a == b or (b == a + 1 and self.text[a].isalnum() and self.text[b].isalnum())

    def strength(self, c: int) -> int:
        """What lies between comparison characters c-1 and c: 0 the inside of a word,
        1 a word boundary, 2 a sentence boundary, 3 a paragraph boundary (or an end)."""
        if c <= 0 or c >= self.n:
            return 3
        a, b = self.offsets[c - 1], self.offsets[c]
        if a == b:
            return 0
        text = self.text
        x, y = text[a], text[b]
        if b > a + 1:  # whitespace between
            if "\n" in text[a + 1 : b]:
                return 3
            if self._ends_sentence(a) or (x in ")]”’\"'»" and (y.isupper() or y in "(“‘„«")):  # "(zie kader) Het"
                return 2
            return 1
        if x in _STOPS and y in "\"'" and b + 1 < len(text) and text[b + 1].isalnum():
            return 2  # 'gemeld."Dit', "ze.'s Avonds": a straight quote glued on after a stop opens the next sentence
        if x in "\"'" and y.isalnum() and a > 0 and text[a - 1] in _STOPS:
            return 0  # ...and belongs to the word after it
        if x.isalnum() or not (y.isalnum() or y in _OPENERS):
            return 0
        if x in ".," and y.isdigit() and a > 0 and text[a - 1].isdigit():  # "3.5", "19.25"
            return 0
        if x in "-/–—_@#&+=*%":
            return 0
        if not self._ends_sentence(a):
            return 1
        if x == "." and y.islower():  # "nu.nl", "Booking.com", "o.a.de" are not sentence ends
            before = _WORD_BEFORE_DOT.search(text, max(0, a - 40), a)
            after = _LETTERS_AFTER.match(text, b).group(0)
            return 2 if before and len(before.group(0)) >= 2 and after not in _DOMAINS else 1
        return 2


def _snap(article: _Article, s: int, e: int, shift: int, snap_start: bool) -> tuple[int, int, int, int]:
    """Shrink the repeat key[s:e] (whose earlier occurrence is at s - shift) to where a copy can end.

    A copy starts at a sentence start (or the start of a paragraph) in the text it
    was pasted into, and ends at a sentence end (or the end of a paragraph). Text
    next to a copy often starts or ends like the text next to its original ("...
    gemeld. De brandweer" after "...gemeld. De politie"), so a repeat that runs
    on to the inside of a sentence is cut back to the last sentence boundary, and
    one that starts inside a sentence is cut forward to the next. A cut falls on a
    token boundary in both texts, and on a sentence or paragraph boundary or a glue
    point (no space after a stop or closing bracket) in the text the copy is in;
    an end may also fall where the original's paragraph ends.

    Returns (start, end) of the copy with its fragments, and (start, end) of its
    core, the part between cuts. A paste that began or stopped mid-word leaves a
    fragment before the first or after the last cut: text from a paragraph edge
    (or, at the start, a glue point) in the copy that is inside a word in the
    original, up to the cut ("ten volgens de onderzoekers veelbelovend." copying
    "...resultaten volgens de onderzoekers veelbelovend."). It belongs to the
    copy; whether the copy is removed is decided on its core.
    """
    strength = article.strength

    def can_cut(c: int, at_end: bool) -> bool:
        here, there = strength(c), strength(c - shift)
        if there == 3 and not here:  # the original's paragraph edge, glued to a number: "2027.|3.5"
            return not article.between_words(c)
        if not (here and there):
            return False
        # A copy may end where its original's paragraph ends, "(voorlopige cijfers) eindtermen".
        return here >= 2 or article.glued_after_stop(c) or (at_end and there == 3)

    # Only the candidates can cut (Article.cut_candidates): the others are inside sentences.
    start, end = s, e
    candidates = article.cut_candidates(s, e, shift)
    e = next((c for c in reversed(candidates) if c > s and can_cut(c, True)), s)
    fragment_end = e
    if s < e < end:  # a paste that stopped mid-word at a paragraph's end
        c = next((c for c in candidates if c > e and strength(c) == 3), end + 1)
        if c <= end and article.between_words(c - shift):
            fragment_end = c
    if not snap_start:
        return s, e, s, fragment_end
    s = next((c for c in candidates if c < e and can_cut(c, False)), e)
    fragment_start = s
    if start < s < e:  # a paste that began mid-word at a paragraph's start or a glue point
        c = next((c for c in reversed(candidates) if c < s and (strength(c) == 3 or article.glued_after_stop(c))), start - 1)
        if c >= start and article.between_words(c - shift):
            fragment_start = c
    return fragment_start, fragment_end, s, e


def _longest_earlier_match(key: str, j: int, earlier: list[int], explored: dict[int, int]) -> tuple[int, int]:
    """The longest common prefix of key[j:] with key[p:] over the earlier starts p: (length, p).

    ``explored`` maps a shift j - p to the end of the last match found along it: a
    start inside that match only repeats it (its snapped copy was already taken or
    rejected), so it is skipped, and the map is updated with the new match.
    """
    n = len(key)
    best, best_p = 0, -1
    earlier = earlier[: bisect.bisect_left(earlier, j)]
    if len(earlier) > 16:  # pathological, very repetitive text: bound the work
        earlier = earlier[:8] + earlier[-8:]
    for p in earlier:
        if explored.get(j - p, -1) > j:
            continue
        length = 0
        step = 64
        while step:
            while j + length + step <= n and key[p + length : p + length + step] == key[j + length : j + length + step]:
                length += step
            step //= 4
        explored[j - p] = j + length
        if length > best:
            best, best_p = length, p
    return best, best_p


def _is_copy(article: _Article, s: int, e: int) -> bool:
    """The minimum that counts as a copy: at least MIN_COPY_CHARS comparison characters
    holding two whole sentences, or one whole sentence of MIN_SENTENCE_WORDS words."""
    if e - s < MIN_COPY_CHARS:
        return False
    strength = article.strength
    ends = []
    for c in article.cut_candidates(s, e):
        if strength(c) >= 2 or (c in (s, e) and article.glued_after_stop(c)):
            ends.append(c)
            if len(ends) == 3:
                return True
    for a, b in zip(ends, ends[1:]):
        text = article.text[article.offsets[a] : article.offsets[b - 1] + 1]
        if len(_WORD.findall(text)) >= MIN_SENTENCE_WORDS:
            return True
    return False


# Random odd multipliers of a linear hash of k consecutive characters (mod 2**64); fixed, so runs agree.
_GRAM_WEIGHTS = np.random.default_rng(24).integers(0, 1 << 64, size=MIN_COPY_CHARS, dtype=np.uint64) | np.uint64(1)


def _first_occurrences(key: str, k: int) -> tuple[list[int], list[int]] | None:
    """For each start i of a k-character stretch of ``key``, the first start of the same stretch
    (len(key) - k + 1 of them), and the starts whose stretch occurred before; None when no stretch
    occurs twice.

    The stretches are compared by a 64-bit hash computed with numpy (no string per stretch);
    equal hashes are then checked as strings, and on a collision the strings decide.
    """
    m = len(key) - k + 1
    codes = np.frombuffer(key.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    with np.errstate(over="ignore"):
        hashes = np.lib.stride_tricks.sliding_window_view(codes, k) @ _GRAM_WEIGHTS[:k]
    _, first_index, inverse = np.unique(hashes, return_index=True, return_inverse=True)
    if len(first_index) == m:
        return None
    firsts = first_index[inverse.reshape(-1)]
    repeated = np.flatnonzero(firsts != np.arange(m)).tolist()
    firsts = firsts.tolist()
    if any(key[firsts[i] : firsts[i] + k] != key[i : i + k] for i in repeated):  # a hash collision: strings decide
        grams = [key[j : j + k] for j in range(m)]
        first = dict(zip(reversed(grams), range(m - 1, -1, -1)))
        if len(first) == m:
            return None
        firsts = [first[g] for g in grams]
        repeated = [i for i in range(m) if firsts[i] != i]
    return firsts, repeated


def find_repeats(paragraphs: list[str]) -> list[tuple[int, int]]:
    """Stretches of ``"\\n".join(paragraphs)`` that repeat earlier text and count as copies.

    Returns sorted, disjoint (start, end) character offsets into the joined text;
    a stretch may span paragraphs (it then includes the newlines between them).
    The rule is in the module docstring. Cost: one pass over the article's
    24-character shingles (a set); articles with repeated shingles are aligned
    with seeded matching, linear in their length for ordinary texts.
    """
    key = "".join("".join(paragraphs).split()).translate(QUOTE_FOLD).casefold()
    k = MIN_COPY_CHARS
    m = len(key) - k + 1
    if m <= 1:
        return []
    found = _first_occurrences(key, k)
    if found is None:  # no 24-character stretch occurs twice: nothing to remove
        return []
    firsts, repeated = found
    occurrences: dict[int, list[int]] = {}  # first start of a repeated stretch -> every start of it
    for i in repeated:
        occurrences.setdefault(firsts[i], [firsts[i]]).append(i)
    article = _Article(paragraphs, key)
    runs: list[list[int]] = []
    explored: dict[int, int] = {}
    end = 0
    for j in repeated:
        if j < end:
            continue
        length, p = _longest_earlier_match(key, j, occurrences[firsts[j]], explored)
        if length < k:
            continue
        # runs: [start, end, core start, core end]; a copy with a fragment at its end
        # stopped there, so the next repeat does not continue it
        abuts = bool(runs) and runs[-1][1] == runs[-1][3] == j
        fs, fe, s, e = _snap(article, j, j + length, j - p, snap_start=not abuts)
        if e - s <= 0:
            if length > 500:  # no place to cut in a long repeat (one endless word): skip it, or this is quadratic
                end = j + length - k
            continue
        if runs and runs[-1][1] == runs[-1][3] == s:
            runs[-1][1], runs[-1][3] = fe, e
        else:
            runs.append([fs, fe, s, e])
        end = fe
    offsets = article.offsets
    return [(offsets[fs], offsets[fe - 1] + 1) for fs, fe, s, e in runs if _is_copy(article, s, e)]


def remove_repeated_text(paragraphs: list[str]) -> CleanText:
    """Remove the copies of earlier text from an article's paragraphs.

    ``paragraphs`` are as ``split_paragraphs`` returns them (whitespace
    normalised, non-empty). Returns the paragraphs with each copy cut out (new
    text around it kept, joined by a space; paragraphs left empty dropped) and
    the number of characters removed. Never raises; the rule is in the module
    docstring and the README ("Repeated text").
    """
    repeats = find_repeats(paragraphs)
    if not repeats:
        return CleanText(list(paragraphs), 0)
    kept_paragraphs = []
    removed_chars = 0
    start = 0
    r = 0
    for paragraph in paragraphs:
        stop = start + len(paragraph)
        pieces, cursor = [], start
        while r < len(repeats) and repeats[r][0] < stop:
            a, b = repeats[r]
            a, b = max(a, start), min(b, stop)
            pieces.append(paragraph[cursor - start : a - start])
            removed_chars += b - a
            cursor = b
            if repeats[r][1] > stop:
                break
            r += 1
        if cursor == start:
            kept_paragraphs.append(paragraph)
        else:
            pieces.append(paragraph[cursor - start :])
            kept = " ".join(piece.strip() for piece in pieces if piece.strip())
            if kept:
                kept_paragraphs.append(kept)
        start = stop + 1
    return CleanText(kept_paragraphs, removed_chars)


def clean_article_text(text: str) -> CleanText:
    """An article text (blank lines between paragraphs) as its paragraphs, copies removed.

    See ``split_paragraphs`` and ``remove_repeated_text``.
    """
    return remove_repeated_text(split_paragraphs(text))
