"""XML inputs: RSS and Atom feeds, Delpher/KB newspaper OCR, trafilatura's XML output.

- Feeds are parsed by feedparser (RSS 0.9x/1.0/2.0, Atom 0.3/1.0, tolerant of the
  broken XML feeds often are). The feed's title is the outlet; each item's
  ``content`` (or, failing that, its summary, with a warning) is the text.
- Delpher (the KB's newspaper archive) gives an article's OCR text as
  ``<text><title>...</title><p>...</p></text>``, and a page's OCR as ALTO
  (``TextBlock``/``TextLine``/``String CONTENT=...``). One ``<text>`` is one
  article, each ``<p>`` a paragraph; an ALTO page is one record, each
  ``TextBlock`` a paragraph. A DIDL file holds only metadata (the text is a
  separate ``:ocr`` resource), so it is rejected with that advice.
- trafilatura (``trafilatura --xml --with-metadata``) writes ``<doc sitename=...
  title=... author=... date=... url=...><main><p>...</p></main></doc>``.

Elements read before a break in the XML are kept; the break is a rejected record.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from typing import Iterator

from ..record import Record, add_warning, missing_date_reason
from . import LineCounter


def local(tag) -> str:
    """An element's name without its namespace: ``{http://...}TextBlock`` -> ``TextBlock``."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def recognise_xml(head: str) -> tuple[str, str] | None:
    """(format, reason) for the start of an XML file, or ("rejected", reason) for markup we cannot read."""
    start = re.sub(r"<\?xml[^>]*\?>|<!--.*?-->|<!DOCTYPE[^>]*>", "", head[:4000], flags=re.DOTALL).lstrip()
    root = re.match(r"<([\w:.-]+)", start)
    name = root.group(1).lower() if root else ""
    bare = name.split(":")[-1]
    if bare in ("rss", "feed", "rdf"):
        return "feed", f"its root element is <{root.group(1)}>: an RSS or Atom feed"
    if bare in ("alto", "text") or (bare == "didl"):
        return "delpher", f"its root element is <{root.group(1)}>: Delpher/KB newspaper OCR"
    if bare == "doc" and re.search(r"\b(?:sitename|fingerprint|hostname)=", start[:2000]):
        return "trafilatura-xml", "its root element is <doc> with trafilatura's metadata attributes"
    if bare == "html" or start[:200].lower().startswith("<!doctype html"):
        return "rejected", (
            "this is an HTML page, not an export: extract the articles first (trafilatura --json, news-please) "
            "and ingest their output"
        )
    if root:
        return "rejected", (
            f"XML with root element <{root.group(1)}>, which is not a format this tool reads (RSS/Atom, Delpher "
            "OCR, trafilatura XML): convert it to JSON Lines or CSV"
        )
    return None


# ---------------------------------------------------------------- parsing with a break kept


def _elements(text: str, wanted: set[str]) -> tuple[list, str | None, int]:
    """The complete elements named ``wanted`` (outermost only), the XML error if the text breaks, and the
    line of the break. Several root elements one after another (concatenated files) are allowed."""
    text = re.sub(r"<\?xml[^>]*\?>", "", text)
    parser = ET.XMLPullParser(events=("start", "end"))
    found, depth, error, line = [], 0, None, 0
    try:
        for chunk in ("<_root_>", text, "</_root_>"):
            parser.feed(chunk)
            depth = _collect(parser, wanted, found, depth)
        parser.close()
    except ET.ParseError as broken:
        error, line = str(broken), broken.position[0]
    try:
        _collect(parser, wanted, found, depth)
    except ET.ParseError:
        pass
    return found, error, line


def _collect(parser, wanted: set[str], found: list, depth: int) -> int:
    for event, element in parser.read_events():
        if local(element.tag) in wanted:
            if event == "start":
                depth += 1
            else:
                depth -= 1
                if depth == 0:
                    found.append(element)
    return depth


def _break_record(error: str, line: int, read: int) -> Record:
    return Record(
        position=0,
        line=max(line, 1),
        raw="",
        error=(
            f"the XML breaks at line {line} ({error}); the {read} record(s) before it were read and the rest is "
            "lost. Repair or download the file again and ingest it again"
        ),
    )


# ---------------------------------------------------------------- Delpher


def read_delpher(text: str) -> Iterator[Record]:
    """Records of Delpher OCR XML: one per ``<text>`` article, or one per ALTO page."""
    found, error, line = _elements(text, {"text", "alto", "DIDL"})
    read = 0
    for element in found:
        raw = ET.tostring(element, encoding="unicode")
        kind = local(element.tag)
        record = Record(position=0, line=1, raw=raw, reader="delpher")
        if kind == "DIDL":
            title = next((_text(e) for e in element.iter() if local(e.tag) == "title" and _text(e)), None)
            date = next((_text(e) for e in element.iter() if local(e.tag) == "date" and _text(e)), None)
            issue = f" (newspaper {title!r}, {date})" if title or date else ""
            record.error = (
                f"a Delpher DIDL file{issue} holds the metadata of an issue, not its text: ingest the articles' "
                "OCR text (the '_ocr.xml'/'articletext.xml' files, or the resources ending in ':ocr')"
                + (f" with --source {title!r}" if title else "")
            )
            yield record
            continue
        if kind == "alto":
            blocks = [
                " ".join(s.get("CONTENT", "") for s in block.iter() if local(s.tag) == "String").strip()
                for block in element.iter()
                if local(block.tag) == "TextBlock"
            ]
            paragraphs = [b for b in blocks if b]
            record.extra["unit"] = "page"
            record.origin["text"] = "ALTO TextBlock/String@CONTENT"
        else:
            title = next((c for c in element if local(c.tag) == "title"), None)
            if title is not None and _text(title):
                record.title, record.origin["title"] = _text(title), "<title>"
            paragraphs = [_text(c) for c in element if local(c.tag) == "p" and _text(c)]
            record.origin["text"] = "<p>"
        if paragraphs:
            record.text = "\n\n".join(paragraphs)
            record.error = (
                "Delpher OCR text carries no date or newspaper title; stored without a date (give the newspaper "
                "with --source)"
            )
        else:
            record.error = "this Delpher OCR element holds no text (no <p> or ALTO String): nothing to store"
        read += 1
        yield record
    if error:
        yield _break_record(error, line, read)
    elif not found:
        yield Record(position=0, line=1, raw=text, error="no Delpher <text> or ALTO page found in this XML")


# ---------------------------------------------------------------- trafilatura XML

_TRAFILATURA_ATTRIBUTES = {"title": "title", "author": "author", "date": "date", "url": "url", "sitename": "source"}


def read_trafilatura_xml(text: str) -> Iterator[Record]:
    """Records of trafilatura's XML: one per ``<doc>``; each block element of ``<main>`` is a paragraph."""
    found, error, line = _elements(text, {"doc"})
    for element in found:
        record = Record(position=0, line=1, raw=ET.tostring(element, encoding="unicode"), reader="trafilatura")
        for attribute, value in element.attrib.items():
            column = _TRAFILATURA_ATTRIBUTES.get(attribute)
            if column and value.strip():
                setattr(record, column, value)
                record.origin[column] = f"<doc {attribute}=>"
            elif value.strip():
                record.extra[attribute] = value
        if record.source is None and element.get("hostname"):
            record.source, record.origin["source"] = element.get("hostname"), "<doc hostname=>"
        main = next((c for c in element.iter() if local(c.tag) == "main"), None)
        paragraphs = []
        if main is not None:
            for child in main:
                if local(child.tag) in ("list", "table"):
                    paragraphs.extend(_text(c) for c in child if _text(c))
                elif _text(child):
                    paragraphs.append(_text(child))
        if paragraphs:
            record.text = "\n\n".join(paragraphs)
            record.origin["text"] = "<main> children"
            if record.date is None:
                record.error = missing_date_reason("'date' of <doc>")
        else:
            record.error = "this trafilatura <doc> has no text in <main>: nothing to store"
        yield record
    if error:
        yield _break_record(error, line, len(found))
    elif not found:
        yield Record(position=0, line=1, raw=text, error="no trafilatura <doc> element found in this XML")


# ---------------------------------------------------------------- feeds

_ITEM = re.compile(r"<(?:\w+:)?(item|entry)\b.*?</(?:\w+:)?\1\s*>", re.DOTALL | re.IGNORECASE)


def read_feed(text: str) -> Iterator[Record]:
    """Records of an RSS or Atom feed (feedparser): one per item/entry, the feed's title as the outlet."""
    import feedparser

    # A stream, never the string: feedparser fetches a string that looks like a URL and opens one that names
    # a file. The text is already decoded, so its XML declaration must say UTF-8.
    utf8 = re.sub(r"^(\s*<\?xml[^>]*?)encoding=[\"'][^\"']*[\"']", r'\1encoding="utf-8"', text, count=1)
    parsed = feedparser.parse(io.BytesIO(utf8.encode("utf-8", errors="surrogatepass")))
    outlet = parsed.feed.get("title") or None
    line_of = LineCounter(text)
    items = [(m.group(), line_of(m.start())) for m in _ITEM.finditer(text)]
    raws = [raw for raw, _ in items]
    offsets = [line for _, line in items]
    for i, entry in enumerate(parsed.entries):
        record = Record(
            position=0,
            line=offsets[i] if i < len(offsets) else 1,
            raw=raws[i] if i < len(raws) else repr(dict(entry)),
            reader="feed",
        )
        content = entry.get("content") or []
        body = next((c.get("value") for c in content if c.get("value", "").strip()), None)
        if body:
            record.origin["text"] = "content"
        elif entry.get("summary", "").strip():
            body = entry["summary"]
            record.origin["text"] = "summary/description"
            record.error = "this feed item has only a summary, no full content; stored with the summary as the text"
        record.text = body
        record.title = entry.get("title") or None
        record.url = entry.get("link") or None
        record.author = entry.get("author") or None
        source = entry.get("source", {}).get("title") if isinstance(entry.get("source"), dict) else None
        record.source = source or outlet
        for column, label in (("title", "title"), ("url", "link"), ("author", "author")):
            if getattr(record, column):
                record.origin[column] = label
        if record.source:
            record.origin["source"] = "item source" if source else "feed title"
        for key in ("published", "updated", "created"):
            if entry.get(key):
                record.date, record.origin["date"] = entry[key], key
                break
        if record.date is None and record.text is not None:
            add_warning(record, missing_date_reason("'pubDate'/'published'/'updated'"))
        if entry.get("id"):
            record.extra["id"] = entry["id"]
        tags = [t.get("term") for t in entry.get("tags", []) if t.get("term")]
        if tags:
            record.extra["categories"] = tags
        if record.text is None:
            record.error = f"feed item {i + 1} ({record.title!r}) has no content and no summary: nothing to store"
        yield record
    if parsed.get("bozo") and not isinstance(parsed.get("bozo_exception"), feedparser.CharacterEncodingOverride):
        problem = parsed.get("bozo_exception")
        line = getattr(problem, "getLineNumber", lambda: 0)()
        if not parsed.entries or not isinstance(problem, feedparser.NonXMLContentType):
            yield _break_record(str(problem), line, len(parsed.entries))
    elif not parsed.entries:
        yield Record(position=0, line=1, raw=text, error="this feed holds no items")
