"""Readers of the vendor and scraper formats, one module per family.

- ``seed``: our own ``date YYYY-MM[-DD]`` text format.
- ``vendor_text``: LexisNexis / Nexis Uni plain-text and .docx exports, Factiva text exports.
- ``vendor_json``: the JSON of news-please, trafilatura, NewsAPI, INCA and Elasticsearch responses.
- ``xml``: RSS and Atom feeds (feedparser), Delpher/KB OCR XML, trafilatura's XML.

``ingest.detect`` decides which reader a file needs, by its structure.
"""


class LineCounter:
    """1-based line numbers of increasing offsets in a text, counted incrementally."""

    def __init__(self, text: str):
        self.text, self.pos, self.line = text, 0, 1

    def __call__(self, pos: int) -> int:
        self.line += self.text.count("\n", self.pos, pos)
        self.pos = pos
        return self.line
