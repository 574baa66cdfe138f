"""Facets that stay fast on a million articles: exact when affordable, otherwise counted over a sample.

Counting a facet over a result of hundreds of thousands of articles (a search
for a common word, one big outlet) reads every one of them, several times a
page: seconds at a million articles, and Datasette then drops the facet
("timed out"). So when a filtered result of ``articles`` or ``paragraphs`` has
more than ``FACET_SAMPLE`` rows, every facet of the page is counted over its
``FACET_SAMPLE`` most recently added rows (highest ``id``), and says so: the
facet's JSON gets ``"sample": {"rows": N, "of": "most recently added"}`` and
the page prints "counted over the N most recently added". The row count and
the rows of the page are never sampled. An unfiltered table is counted exactly
(from indexes and the entities table), and so is any result of up to
``FACET_SAMPLE`` rows.
"""

from __future__ import annotations

import json
import re

from datasette.database import QueryInterrupted
from datasette.facets import Facet

FACET_SAMPLE = 10_000
SAMPLED_TABLES = {"articles": "id", "paragraphs": "id"}


async def sample_large_result(facet: Facet) -> dict | None:
    """Restrict ``facet.sql`` to the newest FACET_SAMPLE rows when its result has more.

    Returns the note to add to each of the facet's results (``{"rows": N, "of": ...}``),
    or None when the facet counts the whole result. The newest FACET_SAMPLE + 1 keys
    of the result are read once per page (cached on the request) and handed to
    every facet as a JSON parameter, so the result is not computed again per facet.
    A read that runs out of time leaves the facet as it was (Datasette then says
    it timed out).
    """
    key_column = SAMPLED_TABLES.get(facet.table or "")
    if key_column is None or facet.request is None or not re.search(r"\bwhere\b", facet.sql, re.IGNORECASE):
        return None
    params = facet.params if isinstance(facet.params, dict) else {}
    samples = facet.request.scope.setdefault("news_archive_facet_samples", {})
    key = (facet.sql, repr(sorted(params.items())))
    if key not in samples:
        try:
            rows = await facet.ds.execute(
                facet.database,
                f"select {key_column} from ({facet.sql}) order by {key_column} desc limit {FACET_SAMPLE + 1}",
                params,
                custom_time_limit=facet.ds.setting("facet_time_limit_ms"),
            )
            keys = [row[0] for row in rows]
            samples[key] = json.dumps(keys[:FACET_SAMPLE]) if len(keys) > FACET_SAMPLE else None
        except QueryInterrupted:
            samples[key] = None
    if samples[key] is None:
        return None
    facet.sql = f"select * from [{facet.table}] where {key_column} in (select value from json_each(:news_archive_sample))"
    facet.params = {**params, "news_archive_sample": samples[key]}
    return {"rows": FACET_SAMPLE, "of": "most recently added"}
