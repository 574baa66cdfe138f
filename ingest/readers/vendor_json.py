"""The JSON (and flattened CSV) of scrapers and news APIs: news-please, trafilatura, NewsAPI, INCA, Elasticsearch.

Each tool has its own field names and its own paragraph convention. ``recognise``
names the tool from an object's keys; ``FIELD_MAPS`` says which of its keys
feed our columns (a ``--field`` option still wins); ``adapt_text`` applies the
tool's paragraph convention to the text. The rules come from each tool's own
output:

- news-please (``NewsPlease.from_url(...).get_serializable_dict()``): ``maintext``,
  ``date_publish``, ``source_domain``, ``authors`` (a list); paragraphs are
  separated by single newlines.
- trafilatura (``trafilatura --json --with-metadata``): ``source`` is the article URL
  and ``source-hostname`` the outlet's name (``hostname`` its domain); ``text`` has
  one paragraph per line, ``raw_text`` the same text joined with spaces.
- NewsAPI (``/v2/everything``, ``/v2/top-headlines``): ``source`` is an object
  ``{id, name}``; ``content`` is cut at 200 characters and ends in "… [+1401 chars]".
- INCA (Elasticsearch documents with ``doctype``): the Dutch scrapers join the lead
  and the paragraphs with ``|||`` and ``||``.
- Elasticsearch ``_search`` responses and scroll dumps: the articles are the
  ``_source`` of each ``hits.hits[]`` element; ``formats.py`` unwraps them.
"""

from __future__ import annotations

import re

# Our field -> the tool's key, used unless --field names another column.
FIELD_MAPS: dict[str, dict[str, tuple[str, ...]]] = {
    "news-please": {"date": ("date_publish",), "source": ("source_domain",), "text": ("maintext",)},
    "trafilatura": {"url": ("source", "url"), "source": ("source-hostname", "sitename", "hostname")},
    "newsapi": {"date": ("publishedAt",), "text": ("content",)},
    "inca": {"date": ("publication_date",)},
}
SCRAPER_LINES = ("news-please", "trafilatura")  # a single newline separates paragraphs

_NEWSAPI_CUT = re.compile(r"\s*(?:…|\.\.\.)?\s*\[\+(\d+) chars\]\s*$")
_INCA_MARKERS = re.compile(r"[ \t]*\|\|\|?[ \t]*")
ES_PREFIX = "_source."


def unprefixed(name: str) -> str:
    """A flattened Elasticsearch column name without its ``_source.`` prefix (INCA's CSV export)."""
    return name[len(ES_PREFIX) :] if name.lower().startswith(ES_PREFIX) else name


def recognise(keys) -> str | None:
    """The tool that wrote an object with these keys, or None: "news-please", "trafilatura", "newsapi" or "inca"."""
    names = {unprefixed(str(k)).lower() for k in keys}
    if "maintext" in names and names & {"date_publish", "source_domain", "date_download"}:
        return "news-please"
    if "source-hostname" in names or ("raw_text" in names and "fingerprint" in names):
        return "trafilatura"
    if "urltoimage" in names or ("publishedat" in names and "source" in names and "content" in names):
        return "newsapi"
    if "doctype" in names and names & {"publication_date", "text"}:
        return "inca"
    return None


def vendor_field_map(vendor: str | None, keys) -> dict[str, str]:
    """The ``--field``-style map a tool implies for these keys: the first of its names that is present."""
    present = {unprefixed(str(k)): k for k in keys}
    chosen = {}
    for target, names in FIELD_MAPS.get(vendor or "", {}).items():
        for name in names:
            if name in present:
                chosen[target] = present[name]
                break
    return chosen


def adapt_text(text: str, vendor: str | None, extra: dict) -> str:
    """The text with the tool's paragraph convention made ours (blank lines between paragraphs).

    NewsAPI's cut-off marker is removed wherever it appears at the end (any source
    may be NewsAPI output), and the number of characters cut goes to
    ``extra["truncated_chars"]``. INCA's ``|||``/``||`` markers become paragraph
    breaks. For scraper output every line is a paragraph.
    """
    cut = _NEWSAPI_CUT.search(text) if text.rstrip().endswith("chars]") else None  # a search from every space is slow
    if cut:
        extra["truncated_chars"] = int(cut.group(1))
        text = text[: cut.start()].rstrip() + "…"
    if vendor == "inca" or "|||" in text:
        text = _INCA_MARKERS.sub("\n\n", text)
    if vendor in SCRAPER_LINES or (vendor == "newsapi" and "\n" in text):
        text = re.sub(r"\r?\n", "\n\n", text.replace("\r\n", "\n"))
    return text


def name_of(value):
    """An outlet or author given as an object (NewsAPI's ``{"id": "nos", "name": "NOS"}``) as its name."""
    if isinstance(value, dict):
        for key in ("name", "title", "label"):
            if isinstance(value.get(key), str) and value[key].strip():
                return value[key]
    return value


def hits_path(document) -> tuple[str, ...] | None:
    """The key path to the list of hits in an Elasticsearch response, at any nesting; None if there is none.

    ``{"hits": {"hits": [...]}}`` gives ``("hits", "hits")``; a response kept under
    another key (``{"response": {"hits": {"hits": [...]}}}``) gives the longer path.
    """
    if not isinstance(document, dict):
        return None
    hits = document.get("hits")
    if isinstance(hits, dict) and isinstance(hits.get("hits"), list):
        return ("hits", "hits")
    for key, value in document.items():
        if isinstance(value, dict):
            inner = hits_path(value)
            if inner:
                return (key, *inner)
    return None
