"""Format readers (JSON Lines, JSON, CSV/TSV) and the mapping of their field names to ours.

Each reader takes decoded lines (with their line ends) and yields records
whose ``raw`` is the exact text of that record in the file. They never raise
on bad content: a record they cannot use carries an ``error``.
"""

from __future__ import annotations

import csv
import itertools
import json
import re
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from .readers import LineCounter, vendor_json, vendor_text, xml
from .readers.seed import has_seed_headers, read_seed_text
from .record import Record, add_warning, missing_date_reason

# Our fields, each with the input names that mean it (compared by ``field_key``),
# most specific first. Covers AmCAT (title, text, date, medium, publisher, url, id,
# headline, byline) and LexisNexis / Nexis Uni / Newsdesk exports (Title, Headline,
# Date, Source, Publication, Byline, Author, Body, Hit Sentence, URL, Document ID).
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "text": (
        "text", "body", "content", "fulltext", "articletext", "bodytext", "maintext", "articlebody",
        "tekst", "artikeltekst", "volledigetekst", "inhoud", "article", "artikel", "story",
    ),
    "date": (
        "date", "publicationdate", "publishdate", "publisheddate", "datepublished", "published", "publishedat",
        "pubdate", "datetime", "datum", "publicatiedatum", "verschijningsdatum",
    ),
    "title": ("title", "headline", "kop", "titel", "koptekst", "heading", "headlinetext"),
    "url": ("url", "link", "uri", "permalink", "canonicalurl", "articleurl", "weblink", "webadres"),
    "source": (
        "source", "medium", "publisher", "publication", "publicationname", "sourcename", "sourcetitle", "outlet",
        "krant", "newspaper", "bron", "mediumname", "titelkrant",
    ),
    "author": (
        "author", "authors", "byline", "creator", "dccreator", "auteur", "auteurs", "writer", "journalist", "schrijver",
    ),
    "id": ("id", "articleid", "documentid", "docid", "uid", "guid", "identifier", "itemid"),
}
# Used as the text only when a record has no full text (no text field, or an empty or null one, as NewsAPI
# gives for many items): a warning says so.
SNIPPET_NAMES = (
    "hitsentence", "openingtext", "snippet", "lead", "intro", "summary", "abstract", "description", "samenvatting",
    "teaser", "excerpt",
)
FIELDS = tuple(FIELD_NAMES)


def field_key(name: str) -> str:
    """Names compare ignoring case, spaces, dashes, underscores and other punctuation: "Published_At" = "published at"."""
    return re.sub(r"[\W_]+", "", str(name)).casefold()


def check_field_map(field_map: dict[str, str] | None) -> None:
    """Raise ValueError when a ``--field`` target is not one of our fields."""
    for target in field_map or {}:
        if target not in FIELD_NAMES:
            raise ValueError(f"unknown field {target!r} in --field: use one of {', '.join(FIELDS)}")


def parse_field_options(options: Iterable[str]) -> dict[str, str]:
    """``["text=Artikeltekst", "date=Datum"]`` (from ``--field``) as ``{"text": "Artikeltekst", ...}``."""
    field_map = {}
    for option in options:
        target, equals, column = option.partition("=")
        if not equals or not column.strip():
            raise ValueError(f"--field {option!r} should look like FIELD=COLUMN, e.g. text=Artikeltekst")
        field_map[target.strip().lower()] = column.strip()
    check_field_map(field_map)
    return field_map


@dataclass(frozen=True)
class FieldPlan:
    """Which input column feeds each of our fields, decided once per set of column names."""

    columns: dict[str, str]  # our field -> input column
    snippet: str | None  # a summary column to fall back on for a record without full text
    missing: dict[str, str]  # our field -> column named with --field that is not there
    found: tuple[str, ...]  # every input column, for messages
    vendor: str | None = None  # the tool whose output this is (readers/vendor_json.py), if recognised


def plan_fields(columns: Iterable[str], field_map: dict[str, str] | None = None) -> FieldPlan:
    """Which column feeds each of our fields: ``field_map`` (from ``--field``) first, then the tool's own
    names (``vendor_json.FIELD_MAPS``), then the built-in names in ``FIELD_NAMES``, earlier names winning.

    Flattened Elasticsearch columns (``_source.title``, INCA's CSV export) match like their unprefixed keys.
    """
    columns = list(columns)
    vendor = vendor_json.recognise(columns)
    field_map = {**vendor_json.vendor_field_map(vendor, columns), **(field_map or {})}
    by_key: dict[str, str] = {}
    for column in columns:
        by_key.setdefault(field_key(vendor_json.unprefixed(column)), column)
    chosen: dict[str, str] = {}
    missing: dict[str, str] = {}
    for target, wanted in (field_map or {}).items():
        column = wanted if wanted in columns else by_key.get(field_key(wanted))
        if column is None:
            missing[target] = wanted
        else:
            chosen[target] = column
    taken = set(chosen.values())
    for target, names in FIELD_NAMES.items():
        if target in chosen or target in missing:
            continue
        column = next((by_key[n] for n in names if n in by_key and by_key[n] not in taken), None)
        if column is not None:
            chosen[target] = column
            taken.add(column)
    snippet = None
    if "text" not in missing:  # also when there is a text field: a record may leave it empty
        snippet = next((by_key[n] for n in SNIPPET_NAMES if n in by_key and by_key[n] not in taken), None)
    return FieldPlan(chosen, snippet, missing, tuple(columns), vendor)


# What R, pandas and spreadsheets write for "no value": stored as NULL, never as a value.
MISSING_MARKERS = frozenset({"", "na", "n/a", "#n/a", "null", "none", "nan", "-", "nil"})


def is_missing(value) -> bool:
    """True for None, empty values (or lists of them) and missing-value markers.

    The markers are those of R, pandas and spreadsheets: ``NA``, ``N/A``, ``#N/A``, ``NULL``, ``None``, ``nan``, ``-``.
    """
    if value is None or value == {}:
        return True
    if isinstance(value, list):
        return all(is_missing(v) for v in value)
    if isinstance(value, float):
        return value != value  # NaN
    return isinstance(value, str) and value.strip().casefold() in MISSING_MARKERS


def _as_text(value, joiner: str) -> str | None:
    """Field values as text: lists (paragraphs, several authors) are joined, objects kept as JSON."""
    if is_missing(value):
        return None
    if isinstance(value, str):
        text = value
    elif isinstance(value, list):
        parts = [_as_text(v, joiner) for v in value]
        text = joiner.join(p for p in parts if p)
    elif isinstance(value, (dict, bool)):
        text = json.dumps(value, ensure_ascii=False)
    else:
        text = str(value)
    return text if text.strip() else None


def _listing(columns: tuple[str, ...]) -> str:
    return ", ".join(repr(c) for c in columns) if columns else "none"


def record_from_fields(values: dict, plan: FieldPlan, line: int, raw: str) -> Record:
    """A record from one row or object; fields we have no place for go to ``extra``."""
    record = Record(position=0, line=line, raw=raw, origin=dict(plan.columns), reader=plan.vendor)
    for target, column in plan.columns.items():
        value = values.get(column)
        if target == "id":
            if not is_missing(value):
                record.extra["id"] = value
        else:
            if target in ("source", "author") and isinstance(value, dict):
                value = vendor_json.name_of(value)
            setattr(record, target, _as_text(value, "\n\n" if target == "text" else ", "))
    used = set(plan.columns.values())
    for column, value in values.items():
        if column not in used and not is_missing(value):
            record.extra.setdefault(column, value)
    if record.text is None and plan.snippet and _as_text(values.get(plan.snippet), "\n\n"):
        record.text = _as_text(values.get(plan.snippet), "\n\n")
        record.extra.pop(plan.snippet, None)
        record.origin["text"] = plan.snippet
        empty = f"the text field {plan.columns['text']!r} is empty" if "text" in plan.columns else "no full text"
        record.error = f"{empty}, only the summary field {plan.snippet!r}; stored with that as the text"
    if record.text is None:
        record.error = _no_text_reason(plan)
    else:
        record.text = vendor_json.adapt_text(record.text, plan.vendor, record.extra)
        if record.date is None and "date" in plan.columns:
            add_warning(record, missing_date_reason(repr(plan.columns["date"])))
        elif record.date is None and record.error is None:
            record.error = _no_date_reason(values)
    return record


def _no_date_reason(values: dict) -> str | None:
    """A warning when no date field was recognised but some key looks like one (``date_publish``)."""
    datey = [k for k in values if re.search(r"date|datum|publish|time|tijd", str(k), re.IGNORECASE)]
    if not datey:
        return None
    return (
        f"no date field recognised; fields that may hold it: {_listing(tuple(datey))}. "
        f"Name it with --field date={datey[0]}"
    )


def _no_text_reason(plan: FieldPlan) -> str:
    if "text" in plan.missing:
        return (
            f"--field text={plan.missing['text']} names a field this record does not have; fields found: "
            f"{_listing(plan.found)}"
        )
    if "text" in plan.columns:
        return (
            f"the text field {plan.columns['text']!r} is empty, so there is no article to store; "
            "if the text is in another field, name it with --field text=FIELD"
        )
    return (
        f"no field with the article text; fields found: {_listing(plan.found)}. "
        "Say which one holds the text with --field text=FIELD"
    )


class _Plans:
    """Field plans cached by the set of names, since JSON objects of one file mostly share their keys."""

    def __init__(self, field_map):
        self.field_map = field_map
        self.cache: dict[tuple, FieldPlan] = {}

    def __call__(self, columns) -> FieldPlan:
        key = tuple(columns)
        if key not in self.cache:
            if len(self.cache) > 1000:
                self.cache.clear()
            self.cache[key] = plan_fields(key, self.field_map)
        return self.cache[key]


def record_from_json(value, raw: str, line: int, plans: Callable[[tuple], FieldPlan], what: str) -> Record:
    """A record from one JSON value (``what`` names it in messages): an object is an article, an
    Elasticsearch hit's ``_source`` is, a string is an article's text; anything else is rejected."""
    hit = isinstance(value, dict) and isinstance(value.get("_source"), dict)
    if hit:  # Elasticsearch / AmCAT4 hits
        value = {**value["_source"], **({"_id": value["_id"]} if "_id" in value else {})}
    if isinstance(value, dict):
        record = record_from_fields(value, plans(tuple(value)), line, raw)
        if hit and record.reader is None:
            record.reader = "elasticsearch"
        return record
    if isinstance(value, str):
        record = Record(position=0, line=line, raw=raw, text=value if value.strip() else None)
        if record.text is None:
            record.error = f"{what} is an empty string, so there is no article to store"
        return record
    kind = {list: "a list", bool: "true/false", type(None): "null"}.get(type(value), "a number")
    return Record(
        position=0,
        line=line,
        raw=raw,
        error=f"{what} holds {kind}, not an article: each article must be an object such as {{\"text\": \"...\"}}",
    )


# ---------------------------------------------------------------- JSON Lines


def _without_line_end(line: str) -> str:
    return line[:-2] if line.endswith("\r\n") else line[:-1] if line.endswith(("\n", "\r")) else line


def read_json_lines(lines: Iterable[str], field_map: dict | None = None) -> Iterator[Record]:
    """One JSON value per line; a line that is not valid JSON is rejected and the rest read."""
    plans = _Plans(field_map)
    for number, line in enumerate(lines, 1):
        raw = _without_line_end(line)
        if not raw.strip():
            continue
        try:
            value = json.loads(raw, strict=False)  # control characters (a stray NUL) inside strings are cleaned later
        except (ValueError, RecursionError) as error:
            if isinstance(error, json.JSONDecodeError):
                detail = json_problem(error.msg, f"column {error.colno}")
            else:
                detail = str(error)
            yield Record(
                position=0,
                line=number,
                raw=raw,
                error=f"line {number} is not valid JSON ({detail}): fix or remove that line and ingest the file again",
            )
            continue
        path = vendor_json.hits_path(value)
        if path:  # a scroll dump: one Elasticsearch response per line
            for hit in _dig(value, path):
                yield record_from_json(hit, json.dumps(hit, ensure_ascii=False), number, plans, f"line {number}")
            continue
        yield record_from_json(value, raw, number, plans, f"line {number}")


def json_problem(message: str, place: str) -> str:
    """json's message with where it happened: some messages already end in "at" ("Unterminated string
    starting at"), so the place follows them directly instead of after a second "at"."""
    message = message.rstrip()
    return f"{message} {place}" if re.search(r"\bat$", message) else f"{message} at {place}"


def _dig(value, path):
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    return value if isinstance(value, list) else []


# ---------------------------------------------------------------- JSON documents

_DECODER = json.JSONDecoder(strict=False)  # control characters inside strings are cleaned later
_WHITESPACE = re.compile(r"[ \t\n\r]*")
CONTAINER_KEYS = (
    "articles", "results", "data", "items", "records", "documents", "docs", "hits", "entries", "rows", "artikelen",
    "berichten",
)


class _Broken(Exception):
    def __init__(self, pos: int, message: str):
        super().__init__(message)
        self.pos = pos
        self.message = message


def _skip(text: str, pos: int) -> int:
    return _WHITESPACE.match(text, pos).end()


def _value_at(text: str, pos: int):
    try:
        return _DECODER.raw_decode(text, pos)
    except json.JSONDecodeError as error:
        raise _Broken(error.pos, error.msg) from None
    except (ValueError, RecursionError) as error:
        raise _Broken(pos, str(error) or "nested too deeply") from None


def _array_elements(text: str, pos: int):
    """Yield (start, end, value) of each element of the array at ``pos``; return the end of the array.

    An element that is an Elasticsearch response (a page of a scroll dump) gives its hits instead.
    """
    pos = _skip(text, pos + 1)
    if text.startswith("]", pos):
        return pos + 1
    while True:
        value, end = _value_at(text, pos)
        yield from _expand(text, pos, end, value)
        pos = _skip(text, end)
        if text.startswith(",", pos):
            pos = _skip(text, pos + 1)
        elif text.startswith("]", pos):
            return pos + 1
        else:
            raise _Broken(pos, "expected ',' or ']' after an element")


def _elements_under_path(text: str, pos: int, path: tuple[str, ...]):
    """Yield the elements of the array at ``path`` (keys of nested objects) in the object at ``pos``.

    Returns the end of the object.
    """
    pos = _skip(text, pos + 1)
    done = False
    while not text.startswith("}", pos):
        name, pos = _value_at(text, pos)
        pos = _skip(text, pos)
        if not text.startswith(":", pos):
            raise _Broken(pos, "expected ':' after a field name")
        pos = _skip(text, pos + 1)
        if name == path[0] and not done and len(path) == 1 and text.startswith("[", pos):
            pos = yield from _array_elements(text, pos)
            done = True
        elif name == path[0] and not done and len(path) > 1 and text.startswith("{", pos):
            pos = yield from _elements_under_path(text, pos, path[1:])
            done = True
        else:
            pos = _value_at(text, pos)[1]
        pos = _skip(text, pos)
        if text.startswith(",", pos):
            pos = _skip(text, pos + 1)
        elif not text.startswith("}", pos):
            raise _Broken(pos, "expected ',' or '}' after a value")
    return pos + 1


def _container_path(document) -> tuple[str, ...] | None:
    """The key path of the array of articles in a wrapper object, if it is one.

    An Elasticsearch response (``hits.hits``, at any nesting) first; then a key
    like ``{"results": [...]}``; then any key holding a list of objects, unless
    the object is itself an article.
    """
    if not isinstance(document, dict):
        return None
    path = vendor_json.hits_path(document)
    if path:
        return path
    lists = {k: v for k, v in document.items() if isinstance(v, list)}
    for key in lists:
        if field_key(key) in CONTAINER_KEYS:
            return (key,)
    if plan_fields(document).columns.get("text") or plan_fields(document).snippet:
        return None  # an article that happens to hold a list
    key = next((k for k, v in lists.items() if v and all(isinstance(x, dict) for x in v)), None)
    return None if key is None else (key,)


def _expand(text: str, start: int, end: int, value):
    """Yield (start, end, value) of the article, or of each hit when it is an Elasticsearch response."""
    path = vendor_json.hits_path(value)
    if path:
        yield from _elements_under_path(text, start, path)
    else:
        yield start, end, value


def _json_records(text: str):
    """Yield (start, end, value) of each article of a JSON document.

    A top-level array gives its elements; an object holding one array of articles
    (``{"articles": [...]}``, an Elasticsearch response's ``hits.hits``) gives that
    array's elements; any other object is one article. Several top-level values
    one after the other (JSON Lines, concatenated JSON, an Elasticsearch scroll
    dump of several responses) are read one by one the same way. Array elements
    that are Elasticsearch responses are unwrapped too.
    """
    pos = _skip(text, 0)
    if pos == len(text):
        return
    if text[pos] not in "[{":
        raise _Broken(pos, "not JSON")
    while pos < len(text):
        if text[pos] == "[":
            end = yield from _array_elements(text, pos)
            wrapped = True
        else:
            document, end = _value_at(text, pos)
            path = _container_path(document)
            wrapped = path is not None
            if wrapped:
                del document  # the articles are decoded again one by one, with their exact slices
                end = yield from _elements_under_path(text, pos, path)
            else:
                yield pos, end, document
        pos = _skip(text, end)
        if wrapped and pos < len(text) and text[pos] not in "[{":
            raise _Broken(pos, "unexpected text after the end of the JSON data")


def read_whole(lines: Iterable[str]) -> tuple[str, Exception | None]:
    """All the text, or as much as could be read before the input broke off (and why)."""
    parts = []
    try:
        for line in lines:
            parts.append(line)
    except Exception as error:  # re-raised by the caller once the text read so far is used
        return "".join(parts), error
    return "".join(parts), None


def read_seed_lines(lines: Iterable[str], field_map: dict | None = None) -> Iterator[Record]:
    """The seed format; a text without any seed header that is a vendor export (seen in the whole text,
    beyond the first 8 KB the format was guessed from) is read as that export instead, never as one article."""
    text, error = read_whole(lines)
    vendor = None if has_seed_headers(text) else vendor_text.recognise_text(text)
    if vendor and vendor[0] == "rejected":
        yield Record(position=0, line=1, raw=text, error=f"this text is not in the seed format: {vendor[1]}")
    elif vendor:
        yield from WHOLE_TEXT_READERS[vendor[0]](text)
    else:
        yield from read_seed_text(text)
    if error:
        raise error


def _whole_text(reader: Callable[[str], Iterator[Record]]):
    """A reader of lines from a reader of the whole text (the vendor formats are read whole)."""

    def read(lines: Iterable[str], field_map: dict | None = None) -> Iterator[Record]:
        text, error = read_whole(lines)
        yield from reader(text)
        if error:
            raise error

    read.__doc__ = reader.__doc__
    return read


WHOLE_TEXT_READERS: dict[str, Callable[[str], Iterator[Record]]] = {
    "lexisnexis": vendor_text.read_lexisnexis_text,
    "factiva": vendor_text.read_factiva_text,
    "feed": xml.read_feed,
    "delpher": xml.read_delpher,
    "trafilatura-xml": xml.read_trafilatura_xml,
}


def read_json_document(lines: Iterable[str], field_map: dict | None = None) -> Iterator[Record]:
    """A JSON file, read whole: its articles (see ``_json_records``), each ``raw`` its exact slice."""
    text, error = read_whole(lines)
    yield from _json_document_records(text, field_map)
    if error:
        raise error


def _json_document_records(text: str, field_map: dict | None) -> Iterator[Record]:
    """A JSON file (read whole). ``raw`` is each article's exact slice of the file, not a re-serialisation.

    Where the JSON breaks, the rest of the file becomes one rejected record.
    """
    plans = _Plans(field_map)
    line_of = LineCounter(text)
    read = 0
    resume = 0
    try:
        for start, end, value in _json_records(text):
            number = line_of(start)
            yield record_from_json(value, text[start:end], number, plans, f"the article at line {number}")
            read += 1
            resume = end
    except _Broken as broken:
        start = _skip(text, resume)
        if text.startswith(",", start):
            start = _skip(text, start + 1)
        yield Record(position=0, line=line_of(start), raw=text[start:], error=_broken_json_reason(text, broken, read))


def _broken_json_reason(text: str, broken: _Broken, read: int) -> str:
    if broken.message == "not JSON":
        return (
            f"this file is not JSON (it starts with {text.lstrip()[:20]!r}): if it holds other text, give it a "
            ".txt name or --format txt"
        )
    line = text.count("\n", 0, broken.pos) + 1
    column = broken.pos - text.rfind("\n", 0, broken.pos)
    before = "the 1 article before it was" if read == 1 else f"the {read:,} articles before it were"
    return (
        f"the JSON breaks at line {line}, column {column} ({re.sub(r' at$', '', broken.message)}); {before} read and "
        "the rest is kept "
        "here. Repair or re-export the file and ingest it again"
    )


# ---------------------------------------------------------------- CSV and TSV

DELIMITERS = ",;\t|"
csv.field_size_limit(2**31 - 1)  # article bodies are long; the record size limit applies instead


def sniff_delimiter(header_line: str) -> str:
    """The candidate that occurs most often outside quotes in the header line; comma if none does."""
    unquoted = re.sub(r'"[^"]*"', "", header_line)
    counts = {d: unquoted.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


class _LineTap:
    """Feeds lines to csv.reader and remembers them, so each row's raw text is known."""

    def __init__(self, lines: Iterator[str]):
        self.lines = lines
        self.taken: list[str] = []

    def __iter__(self):
        return self

    def __next__(self) -> str:
        line = next(self.lines)
        self.taken.append(line)
        return line

    def take(self) -> list[str]:
        taken, self.taken = self.taken, []
        return taken


def _unique_names(header: list[str]) -> list[str]:
    names, seen = [], set()
    for i, name in enumerate(header, 1):
        name = name.strip().lstrip("\ufeff") or f"column {i}"
        candidate, n = name, 2
        while candidate in seen:
            candidate, n = f"{name} ({n})", n + 1
        seen.add(candidate)
        names.append(candidate)
    return names


def read_delimited(lines: Iterable[str], field_map: dict | None = None, delimiter: str | None = None) -> Iterator[Record]:
    """CSV or TSV with a header row; quoted fields may span lines. ``delimiter`` None: sniff it.

    An Excel ``sep=;`` first line is honoured. A row with a different number of
    fields than the header is rejected (extra empty trailing fields are fine).
    """
    lines = iter(lines)
    first = next(lines, None)
    consumed = 0
    if first is not None and (hint := re.fullmatch(r"sep=(.)\r?\n?", first)):
        delimiter, first, consumed = hint.group(1), next(lines, None), 1
    if first is None:
        return
    tap = _LineTap(itertools.chain([first], lines))
    reader = csv.reader(tap, delimiter=delimiter or sniff_delimiter(first), strict=False)
    try:
        header = _unique_names(next(reader))
    except (csv.Error, StopIteration):
        header = []
    consumed += len(tap.take())
    plan = plan_fields(header, field_map)
    while True:
        start = consumed + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            taken = tap.take()
            consumed += len(taken)
            reason = f"line {start} cannot be read as CSV ({error}): fix that row and ingest the file again"
            yield Record(0, start, _without_line_end("".join(taken)), error=reason)
            continue
        taken = tap.take()
        consumed += len(taken)
        raw = _without_line_end("".join(taken))
        if not any(field.strip() for field in row):
            continue
        if len(row) > len(header) and not any(f.strip() for f in row[len(header) :]):
            row = row[: len(header)]
        if len(row) != len(header):
            yield Record(0, start, raw, error=_field_count_reason(start, len(row), len(header), raw))
            continue
        yield record_from_fields(dict(zip(header, row)), plan, start, raw)


def _field_count_reason(line: int, got: int, expected: int, raw: str) -> str:
    reason = f"the row at line {line} has {got} fields but the header has {expected} columns"
    if raw.count('"') % 2:
        return reason + (
            "; a quote (\") opened here is never closed, so the rest of the file was read as this row. "
            "Fix the quote and ingest again"
        )
    return reason + "; a field probably contains the separator without quotes around it. Fix the row or re-export"


READERS: dict[str, Callable[[Iterable[str], dict | None], Iterator[Record]]] = {
    "txt": read_seed_lines,
    "jsonl": read_json_lines,
    "json": read_json_document,
    "csv": read_delimited,
    "tsv": lambda lines, field_map=None: read_delimited(lines, field_map, delimiter="\t"),
    **{name: _whole_text(reader) for name, reader in WHOLE_TEXT_READERS.items()},
}
