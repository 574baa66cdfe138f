"""Readers of the vendor and scraper formats, one module per family.

- ``seed``: our own ``date YYYY-MM[-DD]`` text format.
- ``vendor_text``: LexisNexis / Nexis Uni plain-text and .docx exports, Factiva text exports.
- ``vendor_json``: the JSON of news-please, trafilatura, NewsAPI, INCA and Elasticsearch responses.
- ``xml``: RSS and Atom feeds (feedparser), Delpher/KB OCR XML, trafilatura's XML.

``ingest.detect`` decides which reader a file needs, by its structure.
"""
