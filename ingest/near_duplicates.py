"""Find near-duplicate articles with MinHash and locality-sensitive hashing.

Each article's word 3-shingles get a MinHash signature of ``BANDS * ROWS``
values, cut into bands. Two articles that agree on any whole band are
candidates; the few candidates that share the most bands are then compared
exactly (Jaccard similarity of their shingle sets), so LSH only decides what
to compare, never the verdict.

Only the band keys are stored (table ``lsh_buckets``), one row per band per
article: finding the candidates of a new article is an index look-up, so the
cost grows linearly with the archive, across runs too. With 24 bands of 4
rows, and candidates required to share at least two bands, a pair at
similarity 0.8 is found with probability 0.99999, at 0.7 0.99, at 0.6 0.84:
thresholds under 0.7 lose recall.

Candidates are judged by the evidence rule at the end of this module: similarity
leaves boilerplate out, and the text two articles do not share must agree too.

Words are hashed with CRC-32 and the permutations come from a fixed seed, so
signatures are the same in every process and every run.
"""

from __future__ import annotations

import hashlib
import re
import zlib

import numpy as np

BANDS = 24
ROWS = 4
SHINGLE_WORDS = 3
DEFAULT_THRESHOLD = 0.8

# The permutations are multiply-shift hashes of the 32-bit shingle hashes: (a * x + b) mod 2**64,
# high 32 bits, with random odd 64-bit a. (The earlier (a * x + b) mod (2**61 - 1) with a, x < 2**32
# rarely wrapped, so it ordered shingles almost by x itself: every permutation picked the same few
# smallest shingles, and unrelated texts that shared one shared all 24 bands.)
_random = np.random.default_rng(20220123)
_A = _random.integers(0, 1 << 64, size=BANDS * ROWS, dtype=np.uint64, endpoint=False) | np.uint64(1)
_B = _random.integers(0, 1 << 64, size=BANDS * ROWS, dtype=np.uint64, endpoint=False)
_SHIFT = np.uint64(32)
_MIX = (np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F))
_LOW_32_BITS = np.uint64(0xFFFFFFFF)
_WORD = re.compile(r"\w+")


def shingles(text: str) -> np.ndarray:
    """The distinct word 3-shingles of a text, as sorted 32-bit hashes.

    Words are hashed once (CRC-32) and combined into shingle hashes with
    numpy, so no Python string is built per shingle.
    """
    return shingles_of_words(word_hashes(text))


def word_hashes(text: str) -> np.ndarray:
    """The CRC-32 of each word of a text, in order (uint64)."""
    words = _WORD.findall(text.casefold())
    return np.fromiter((zlib.crc32(w.encode("utf-8")) for w in words), dtype=np.uint64, count=len(words))


def shingles_of_words(hashes: np.ndarray) -> np.ndarray:
    """``shingles`` of a text given its ``word_hashes``: the words of several texts joined by
    spaces are their word hashes concatenated, so each word is hashed once."""
    if len(hashes) >= SHINGLE_WORDS:
        with np.errstate(over="ignore"):
            hashes = hashes[:-2] * _MIX[0] + hashes[1:-1] * _MIX[1] + hashes[2:]
    return np.unique(hashes & _LOW_32_BITS)


def band_keys(shingle_hashes: np.ndarray) -> list[int]:
    """One signed 64-bit key per band, ready to store in SQLite."""
    if not len(shingle_hashes):
        return []
    # (a * x + b) mod 2**64, high 32 bits, for every permutation and shingle (uint64 arithmetic wraps).
    with np.errstate(over="ignore"):
        signature = ((np.outer(_A, shingle_hashes) + _B[:, None]) >> _SHIFT).min(axis=1).astype(np.uint32)
    keys = []
    for band in range(BANDS):
        digest = hashlib.blake2b(signature[band * ROWS : (band + 1) * ROWS].tobytes(), digest_size=8, person=bytes([band]))
        keys.append(int.from_bytes(digest.digest(), "little", signed=True))
    return keys


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Jaccard similarity of two sorted arrays of distinct shingle hashes (1.0 for two empty ones)."""
    if not len(a) and not len(b):
        return 1.0
    shared = len(np.intersect1d(a, b, assume_unique=True))
    return shared / (len(a) + len(b) - shared)


# The near-duplicate evidence rule. Similarity is the Jaccard similarity of the word 3-shingles of
# the two texts without the paragraphs flagged as boilerplate, and a pair at or above the threshold
# counts only when its distinctive text agrees too: the paragraphs of each that have no counterpart
# in the other (none the same or at least 0.8 similar) are themselves alike (at least half the
# shingles of the smaller remainder occur in the other, or one text only adds paragraphs), or else
# the titles the input gave are the same and the remainders share at least a fifth of their shingles
# (a rubric gives different pieces one title and one footer). Two stories that share only a paywall blurb, a footer, a
# standard intro or an agency paragraph (even one with the outlet's name changed) share paragraphs
# but not their own text, so they are never merged, from the very first pair on, before frequency
# can flag that text as boilerplate.
PARAGRAPH_COUNTERPART = 0.8
REMAINDER_AGREEMENT = 0.5
TITLE_REMAINDER_AGREEMENT = 0.2
_EMPTY = np.empty(0, np.uint64)


class TextEvidence:
    """What near-duplicate detection compares of one text: its title words and, per paragraph
    (boilerplate left out), a whitespace- and case-insensitive key and its shingles."""

    __slots__ = ("title_words", "paragraphs", "_all")

    def __init__(self, title: str | None, paragraphs: list[str], paragraph_shingles: list[np.ndarray] | None = None):
        """``paragraph_shingles``, when given, are ``shingles(p)`` of each paragraph (computed in a worker)."""
        self.title_words = frozenset(_WORD.findall((title or "").casefold()))
        self.paragraphs: dict[str, np.ndarray] = {}
        for i, text in enumerate(paragraphs):
            key = "".join(text.split()).casefold()
            if key and key not in self.paragraphs:
                self.paragraphs[key] = shingles(text) if paragraph_shingles is None else paragraph_shingles[i]
        self._all = None

    @property
    def all_shingles(self) -> np.ndarray:
        if self._all is None:
            parts = list(self.paragraphs.values())
            self._all = np.unique(np.concatenate(parts)) if parts else _EMPTY
        return self._all


def _union(arrays: list[np.ndarray]) -> np.ndarray:
    return np.unique(np.concatenate(arrays)) if arrays else _EMPTY


def _without_counterpart(a: TextEvidence, b: TextEvidence) -> list[np.ndarray]:
    """Shingles of the paragraphs of ``a`` that ``b`` has neither word for word nor nearly (PARAGRAPH_COUNTERPART)."""
    others = [s for key, s in b.paragraphs.items() if key not in a.paragraphs]
    return [
        mine
        for key, mine in a.paragraphs.items()
        if key not in b.paragraphs and not any(jaccard(mine, other) >= PARAGRAPH_COUNTERPART for other in others)
    ]


def distinctive_text_agrees(a: TextEvidence, b: TextEvidence) -> bool:
    """The second half of the evidence rule: the text the two do not share is alike, or the given titles are the same."""
    rest_a, rest_b = _union(_without_counterpart(a, b)), _union(_without_counterpart(b, a))
    if not len(rest_a) or not len(rest_b):
        return True  # one text is the other with paragraphs added (an update, a longer edition)
    agreement = len(np.intersect1d(rest_a, rest_b, assume_unique=True)) / min(len(rest_a), len(rest_b))
    if agreement >= REMAINDER_AGREEMENT:
        return True
    # The same given title is evidence only beside some shared distinctive text: a rubric ("Lezersbrief",
    # "Het weer") gives different pieces one title and one footer, and their own text shares nothing.
    return bool(a.title_words) and a.title_words == b.title_words and agreement >= TITLE_REMAINDER_AGREEMENT


def evidence_similarity(a: TextEvidence, b: TextEvidence, threshold: float = 0.0) -> float:
    """Similarity under the evidence rule: the Jaccard similarity of the non-boilerplate shingles,
    or 0.0 when the distinctive text does not agree (or either text is all boilerplate).

    The distinctive text is compared only for pairs at or above ``threshold``: below it the
    plain similarity is returned, which is below the threshold either way (and cheaper)."""
    mine, theirs = a.all_shingles, b.all_shingles
    if not len(mine) or not len(theirs):
        return 0.0
    similarity = jaccard(mine, theirs)
    if similarity and similarity >= threshold and not distinctive_text_agrees(a, b):
        return 0.0
    return similarity
