"""Identity of articles and paragraphs by content hash."""

from __future__ import annotations

import hashlib


def content_hash(body: str) -> str:
    """Two texts that differ only in whitespace or case are the same article."""
    return hashlib.sha256("".join(body.split()).casefold().encode("utf-8")).hexdigest()


def paragraph_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
