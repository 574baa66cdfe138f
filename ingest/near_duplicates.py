"""Find near-duplicate articles with MinHash and locality-sensitive hashing.

Each article's word 3-shingles get a MinHash signature of ``BANDS * ROWS``
values, cut into bands. Two articles that agree on any whole band are
candidates; the few candidates that share the most bands are then compared
exactly (Jaccard similarity of their shingle sets), so LSH only decides what
to compare, never the verdict.

Only the band keys are stored (table ``lsh_buckets``), one row per band per
article: finding the candidates of a new article is an index look-up, so the
cost grows linearly with the archive, across runs too. With 24 bands of 4
rows, a pair at similarity 0.6 becomes a candidate 96% of the time, at 0.7
99.9%; thresholds under 0.6 lose recall.

We hash shingles with CRC-32 and derive the permutations from a fixed seed,
so signatures are the same in every process and every run.
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

_MERSENNE_PRIME = np.uint64((1 << 61) - 1)
_random = np.random.default_rng(20220123)
_A = _random.integers(1, 1 << 32, size=BANDS * ROWS, dtype=np.uint64)
_B = _random.integers(0, 1 << 32, size=BANDS * ROWS, dtype=np.uint64)
_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[str]:
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def band_keys(shingle_set: set[str]) -> list[int]:
    """One signed 64-bit key per band, ready to store in SQLite."""
    if not shingle_set:
        return []
    hashes = np.fromiter((zlib.crc32(s.encode("utf-8")) for s in shingle_set), dtype=np.uint64, count=len(shingle_set))
    # (a * x + b) mod p for every permutation and shingle; x < 2**32 and a < 2**32 keep it within 64 bits.
    signature = ((np.outer(_A, hashes) + _B[:, None]) % _MERSENNE_PRIME).min(axis=1).astype(np.uint32)
    keys = []
    for band in range(BANDS):
        digest = hashlib.blake2b(signature[band * ROWS : (band + 1) * ROWS].tobytes(), digest_size=8, person=bytes([band]))
        keys.append(int.from_bytes(digest.digest(), "little", signed=True))
    return keys


def jaccard(a: set[str], b: set[str]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)
