"""Identity of articles, paragraphs and raw records by content hash.

128-bit BLAKE2b digests: collisions are out of reach for any archive, and the
hashes (stored and indexed millions of times) take half the room of SHA-256.
"""

from __future__ import annotations

import hashlib

from .textclean import fold_quotes


def text_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def content_hash(body: str) -> str:
    """Two texts that differ only in whitespace, case, invisible characters or the form of
    their quotes and apostrophes (``textclean.fold_quotes``) are the same article."""
    return text_hash("".join(fold_quotes(body).split()).casefold().encode("utf-8"))


def paragraph_hash(text: str) -> str:
    return text_hash(text.encode("utf-8"))
