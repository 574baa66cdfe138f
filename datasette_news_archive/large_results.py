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

import re

from datasette.database import QueryInterrupted
from datasette.facets import Facet

FACET_SAMPLE = 10_000
SAMPLED_TABLES = {"articles": "id", "paragraphs": "id"}


async def sample_large_result(facet: Facet) -> dict | None:
    """Restrict ``facet.sql`` to the newest FACET_SAMPLE rows when its result has more.

    Returns the note to add to each of the facet's results (``{"rows": N, "of": ...}``), or
    None when the facet counts the whole result. The size is checked once per
    page (cached on the request) with a bounded count; a check that runs out of
    time counts as large.
    """
    key_column = SAMPLED_TABLES.get(facet.table or "")
    if key_column is None or facet.request is None or not re.search(r"\bwhere\b", facet.sql, re.IGNORECASE):
        return None
    params = facet.params or {}
    checked = facet.request.scope.setdefault("news_archive_large_results", {})
    key = (facet.sql, repr(sorted(params.items()) if isinstance(params, dict) else params))
    if key not in checked:
        try:
            rows = await facet.ds.execute(
                facet.database,
                f"select count(*) from (select 1 from ({facet.sql}) limit {FACET_SAMPLE + 1})",
                params,
                custom_time_limit=facet.ds.setting("facet_time_limit_ms"),
            )
            checked[key] = rows.first()[0] > FACET_SAMPLE
        except QueryInterrupted:
            checked[key] = True
    if not checked[key]:
        return None
    facet.sql = f"select * from ({facet.sql}) order by {key_column} desc limit {FACET_SAMPLE}"
    return {"rows": FACET_SAMPLE, "of": "most recently added"}
