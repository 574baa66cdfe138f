"""The stored articles a new text may be a near-duplicate of: LSH look-ups, the evidence rule, recent texts.

``NearDuplicateIndex`` answers the dedup decision's one question, "which
stored articles is this text a near-duplicate of?" (``near_duplicates_of``):
candidates are the articles that share LSH bands with it (``lsh_buckets``),
checked with the evidence rule of ``near_duplicates.py`` with the archive's
boilerplate left out. The texts of recent articles are kept in memory, since
republished stories arrive close together. The writer (``archive.py``) and
regrouping (``stories.py``) decide what to do with the answer.
"""

from __future__ import annotations

import collections
import functools
from dataclasses import dataclass
from typing import Callable

import numpy as np
import sqlite_utils

from .near_duplicates import TextEvidence, evidence_similarity
from .schema import article_paragraphs

# Near-duplicate candidates compared exactly: at most 5, those sharing the most LSH bands, and at
# least 2 (a pair at similarity 0.8 shares about 10 of 24 bands; unrelated texts that share
# common phrases hit one band by chance).
MAX_CANDIDATES = 5
MIN_SHARED_BANDS = 2
BUCKET_LIMIT = 50
# Texts of the articles inserted or compared last, kept to compare candidates without re-reading
# them (republished stories arrive close together); a few kB each.
RECENT_TEXTS = 20_000


@dataclass
class Publication:
    """What the dedup decision needs to know of a stored article: its outlet, its story and its text."""

    source: str | None
    story_id: int
    title: str | None  # the input's title; None when it was derived from the text (no evidence of its own)
    paragraphs: list[tuple[str, str]]  # (paragraph hash, text), boilerplate included
    paragraph_shingles: list[np.ndarray] | None = None  # shingles() of each paragraph, when known
    evidence: TextEvidence | None = None
    evidence_generation: int = -1


@dataclass
class Match:
    """A stored article that a new text is a near-duplicate of, under the evidence rule."""

    article_id: int
    similarity: float
    source: str | None
    story_id: int


def given_title(title: str | None, derived) -> str | None:
    """A title is evidence only when the input gave it: a derived one is the text's first sentence."""
    return None if derived else title


class NearDuplicateIndex:
    """The near-duplicate look-up of one archive; ``threshold`` is the similarity that makes a match."""

    def __init__(self, db: sqlite_utils.Database, threshold: float):
        self.db = db
        self.threshold = threshold
        self._recent: collections.OrderedDict[int, Publication] = collections.OrderedDict()
        self._boilerplate_generation = 0

    def near_duplicates_of(self, make_evidence: Callable[[], TextEvidence], keys: list[int]) -> list[Match]:
        """The stored articles this text is a near-duplicate of, most similar first.

        ``keys`` are the text's LSH band keys; ``make_evidence`` makes its TextEvidence, called
        only when there are candidates to compare (most texts have none). A candidate counts
        when its similarity under the evidence rule (see near_duplicates.py) reaches the threshold.
        """
        if not keys:
            return []
        shared = collections.Counter(
            row[0] for row in self.db.execute(_candidates_sql(len(keys)), keys)
        )
        candidates = [
            article_id
            for article_id, bands in sorted(shared.items(), key=lambda item: (-item[1], -item[0]))
            if bands >= MIN_SHARED_BANDS
        ][:MAX_CANDIDATES]
        if not candidates:
            return []
        mine = make_evidence()
        matches = []
        for candidate in candidates:
            publication = self.publication(candidate)
            if publication is None:  # folded into another article since (normalize); its keys go later
                continue
            similarity = evidence_similarity(mine, self._evidence_of(publication), self.threshold)
            if similarity >= self.threshold:
                matches.append(Match(candidate, similarity, publication.source, publication.story_id))
        return sorted(matches, key=lambda m: -m.similarity)

    def evidence(
        self, title: str | None, paragraphs: list[tuple[str, str]], paragraph_shingles: list[np.ndarray] | None = None
    ) -> TextEvidence:
        """The TextEvidence of a title and its (paragraph hash, text) pairs, boilerplate left out;
        ``paragraph_shingles`` are the paragraphs' shingles when they were computed already."""
        skip = self.boilerplate_hashes
        kept = [i for i, (digest, _) in enumerate(paragraphs) if digest not in skip]
        return TextEvidence(
            title,
            [paragraphs[i][1] for i in kept],
            None if paragraph_shingles is None else [paragraph_shingles[i] for i in kept],
        )

    def _evidence_of(self, publication: Publication) -> TextEvidence:
        if publication.evidence_generation != self._boilerplate_generation:
            publication.evidence = self.evidence(publication.title, publication.paragraphs, publication.paragraph_shingles)
            publication.evidence_generation = self._boilerplate_generation
        return publication.evidence

    def boilerplate_changed(self) -> None:
        """Read the boilerplate flags again (they were recomputed) and compare texts without it from now on."""
        self.__dict__.pop("boilerplate", None)
        self.__dict__.pop("boilerplate_hashes", None)
        self._boilerplate_generation += 1

    @functools.cached_property
    def boilerplate(self) -> set[int]:
        """Paragraphs flagged as boilerplate, read when the first article is stored."""
        return {row[0] for row in self.db.execute("select id from paragraphs where boilerplate")}

    @functools.cached_property
    def boilerplate_hashes(self) -> set[str]:
        """Hashes of the paragraphs flagged as boilerplate: left out of near-duplicate evidence."""
        return {row[0] for row in self.db.execute("select hash from paragraphs where boilerplate")}

    def publication(self, article_id: int) -> Publication | None:
        """A stored article's outlet, story and text (None when there is no such article);
        recent articles, the likely candidates, are cached."""
        cached = self._recent.get(article_id)
        if cached is None:
            row = self.db.execute(
                "select source, story_id, title, title_derived from articles where id = ?", [article_id]
            ).fetchone()
            if row is None:
                return None
            source, story_id, title, derived = row
            paragraphs = [(digest, text) for _, _, digest, text, _ in article_paragraphs(self.db, article_id)]
            cached = Publication(source, story_id or article_id, given_title(title, derived), paragraphs)
        self.remember(article_id, cached)
        return cached

    def forget(self, article_id: int) -> None:
        """Drop an article from the cache (regrouping made it a version)."""
        self._recent.pop(article_id, None)

    def remember(self, article_id: int, publication: Publication) -> None:
        self._recent[article_id] = publication
        self._recent.move_to_end(article_id)
        if len(self._recent) > RECENT_TEXTS:
            self._recent.popitem(last=False)

    def add(self, article_id: int, keys: list[int]) -> None:
        """Store an article's LSH band keys, so that later texts find it as a candidate."""
        self.db.conn.executemany("insert or ignore into lsh_buckets (key, article_id) values (?, ?)", [(k, article_id) for k in keys])


@functools.lru_cache
def _candidates_sql(keys: int) -> str:
    """The newest articles in each of ``keys`` LSH buckets, at most BUCKET_LIMIT per bucket.

    A bucket shared by thousands of articles (a common band of boilerplate or
    agency text) would otherwise make every look-up slower as the archive grows.
    """
    one = f"select * from (select article_id from lsh_buckets where key = ? order by article_id desc limit {BUCKET_LIMIT})"
    return " union all ".join([one] * keys)
