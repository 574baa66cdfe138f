"""Plain-text exports of the news databases: LexisNexis Academic, Nexis Uni (text and .docx), Factiva.

A database export holds many documents, each a block of metadata lines around
the body. Reading it as one text would merge the documents and put the metadata
in the body, so each layout is split into its documents here and the metadata
goes to the record's columns or to ``extra``:

- LexisNexis Academic ("N of M DOCUMENTS"): a request header, then per document a
  centred outlet line, a centred date line ("January 11, 2010 Monday"), the
  headline, ``BYLINE:``/``SECTION:``/``LENGTH:`` lines (with or without blank lines between them;
  each line that starts with a known key is a field of its own), the body (paragraphs
  separated by blank lines, lines wrapped at 80 characters), then ``LOAD-DATE:``,
  ``LANGUAGE:``, ``PUBLICATION-TYPE:`` and a centred copyright notice.
- Nexis Uni (its .docx, or that file saved as text): an optional cover page, then
  per document the title, the outlet, the date line, a copyright line,
  ``Section:``/``Length:``/``Byline:`` lines, a line ``Body``, the body (one
  paragraph per line), ``Load-Date:`` and other ``Key: value`` lines, and a line
  ``End of Document``.
- Factiva (article format, saved as text): per document an optional section line,
  the headline, an optional byline line (see ``_factiva_head``), a word count
  ("287 words" / "287 woorden"), the date,
  an optional time, the outlet, its source code, optional edition and page, the
  language, a copyright line, the body (paragraphs separated by blank lines),
  and ``Document <accession number>``.

A document whose layout is broken (no body, no date line) is rejected with the
reason; the other documents of the file are read.
"""

from __future__ import annotations

import re
from typing import Iterator

from ..bylines import is_byline
from ..dates import DateError, parse_date
from ..record import Record, missing_date_reason
from . import LineCounter

# ---------------------------------------------------------------- shared


_YEAR = re.compile(r"\b(1[6-9]\d\d|20\d\d)\b")


def as_date(line: str) -> str | None:
    """The ISO date of a line that is only a date ("11 januari 2010 maandag", "January 11, 2010 Monday")."""
    line = line.strip()
    if not line or len(line) > 60 or not _YEAR.search(line) or re.match(r"[A-Za-z -]+:", line):
        return None
    try:
        return parse_date(line)[0]
    except (DateError, ValueError, OverflowError):
        return None


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.strip().lower()).strip("_")


def _paragraphs(lines: list[str], starts=None) -> list[str]:
    """Blank-line separated paragraphs, each with its wrapped lines joined by spaces. A line for which
    ``starts`` is true (a metadata line) starts a paragraph of its own even without a blank line before it."""
    paragraphs, current = [], []
    for line in lines + [""]:
        if current and line.strip() and starts and starts(line):
            paragraphs.append(" ".join(current))
            current = []
        if line.strip():
            current.append(line.strip())
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    return paragraphs


# ---------------------------------------------------------------- LexisNexis Academic

# English, Dutch, German and French interfaces: "1 of 10 DOCUMENTS", "1 van 10 DOCUMENTEN", ...
LEXISNEXIS_SPLIT = re.compile(
    r"^[ \t]*(\d+) (?:of|van|von|sur|de) (\d+) (?:DOCUMENTS?|DOCUMENTEN|DOKUMENTE?N?)[ \t]*\r?$",
    re.MULTILINE | re.IGNORECASE,
)
_LN_META = re.compile(r"^([A-Z][A-Z-]*(?: [A-Z-]+){0,2}):[ \t]*(.*)$")
# The keys that follow the body; any upper-case key may precede it.
_LN_FOOTER_KEYS = {
    "LOAD-DATE", "LANGUAGE", "PUBLICATION-TYPE", "DOCUMENT-TYPE", "GRAPHIC", "SUBJECT", "GEOGRAPHIC", "ORGANIZATION",
    "PERSON", "COMPANY", "INDUSTRY", "TICKER", "CORRECTION-DATE", "JOURNAL-CODE", "ACC-NO", "URL", "NOTES", "TYPE",
    "CITY", "STATE", "COUNTRY", "SERIES", "DISTRIBUTION", "PUB-TYPE",
}
# Every key LexisNexis and Nexis Uni write, in either spelling ("BYLINE:", "Byline:"). A line starting with one
# is a field of its own, also when the export puts no blank line between the fields.
_LN_KEYS = _LN_FOOTER_KEYS | {
    "SECTION", "LENGTH", "BYLINE", "AUTHOR", "DATELINE", "HIGHLIGHT", "BODY", "EDITION", "HEADLINE", "PAGE",
    "LOAD DATE", "PUBLICATION TYPE", "DOCUMENT TYPE", "JOURNAL CODE", "CORRECTION DATE", "CLASSIFICATION",
}
_LN_KEY_LINE = re.compile(
    r"^("
    + "|".join(re.escape(s) for k in sorted(_LN_KEYS, key=len, reverse=True) for s in {k, k.title(), k.capitalize()})
    + r")[ \t]*:[ \t]*(.*)$"
)
_COPYRIGHT = re.compile(r"^\s*(?:Copyright|©|\(c\)|All Rights Reserved|Alle rechten voorbehouden)", re.IGNORECASE)
_LN_COLUMNS = {"BYLINE": "author", "AUTHOR": "author"}


def _ln_meta(paragraph: str, head: bool) -> tuple[str, str] | None:
    """(KEY, value) of a LexisNexis metadata paragraph: any upper-case ``KEY:``; in the head (before the body)
    also a known key written as Nexis Uni does ("Byline:")."""
    meta = _LN_META.match(paragraph) or (_LN_KEY_LINE.match(paragraph) if head else None)
    return (meta.group(1).upper(), meta.group(2)) if meta else None


def read_lexisnexis_text(text: str) -> Iterator[Record]:
    """Records of a LexisNexis Academic text export, or of a Nexis Uni one (which ends each document
    with "End of Document"); one record per document, the request header or cover page dropped.

    Each record's ``raw`` is its document's exact text. Raises nothing: a document
    without a body is a rejected record.
    """
    if NEXIS_UNI_END.search(text) or (NEXIS_UNI_BODY.search(text) and not LEXISNEXIS_SPLIT.search(text)):
        yield from read_nexis_uni_text(text)
        return
    marks = list(LEXISNEXIS_SPLIT.finditer(text))
    if not marks:  # one document, saved without the "1 of 1 DOCUMENTS" line
        yield _lexisnexis_document(text, 1, None)
        return
    line_of = LineCounter(text)
    for i, mark in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        record = _lexisnexis_document(text[mark.start() : end], line_of(mark.start()), mark)
        if i == 0:  # the request header is kept with the first document, so no input text is lost
            record.raw = text[:end].strip("\r\n")
        yield record
    expected = int(marks[-1].group(2))
    if expected != len(marks):
        yield Record(
            position=0,
            line=line_of(len(text)),
            raw="",
            error=(
                f"the export says it holds {expected} documents but {len(marks)} were found: the file was cut "
                "off or edited. Download the missing documents again"
            ),
            reader="lexisnexis",
        )


def _lexisnexis_document(block: str, line: int, mark) -> Record:
    record = Record(position=0, line=line, raw=block.strip("\r\n") or block, reader="lexisnexis")
    lines = block.splitlines()
    if mark is not None:
        lines = lines[1:]  # the "N of M DOCUMENTS" line
        record.extra["document"] = f"{mark.group(1)} of {mark.group(2)}"
    # Centred lines before the headline: outlet, date, edition.
    i = 0
    head: list[str] = []
    while i < len(lines) and (not lines[i].strip() or lines[i].startswith("   ")):
        if lines[i].strip():
            head.append(lines[i].strip())
        i += 1
    for value in head:
        date = as_date(value) if record.date is None else None
        if date:
            record.date = date
            record.origin["date"] = "date line"
        elif record.source is None and record.date is None:
            record.source = value
            record.origin["source"] = "outlet line"
        else:
            record.extra.setdefault("edition", value)
    paragraphs = _paragraphs(lines[i:], starts=_LN_KEY_LINE.match)
    # Each paragraph is in the head (headline, BYLINE:, LENGTH: ...), the body, or the footer (LOAD-DATE:
    # and after). An upper-case "KEY:" paragraph is metadata in the head; in the body only a footer key is.
    body: list[str] = []
    part = "head"
    for paragraph in paragraphs:
        meta = _ln_meta(paragraph, part == "head")
        key = meta[0] if meta else None
        if meta and (part != "body" or key in _LN_FOOTER_KEYS):
            value = meta[1].strip()
            if key == "BODY":  # older exports say where the body starts
                part = "body"
                body.extend([value] if value else [])
                continue
            if part == "body":
                part = "footer"
            _put(record, _LN_COLUMNS.get(key), _key(key), value, key)
        elif part != "body" and _COPYRIGHT.match(paragraph):
            record.extra.setdefault("copyright", paragraph)
        elif part == "footer":
            record.extra.setdefault("notes", paragraph)
        elif part == "head" and record.title is None and record.author is None and not (
            record.extra.keys() - {"document", "edition"}
        ):
            record.title = paragraph  # the headline comes before BYLINE/SECTION/LENGTH; after them is the body
            record.origin["title"] = "headline"
        else:
            part = "body"
            body.append(paragraph)
    _finish(record, body, "LexisNexis")
    return record


def _put(record: Record, column: str | None, key: str, value: str, label: str) -> None:
    if not value:
        return
    if column and getattr(record, column) is None:
        setattr(record, column, value)
        record.origin[column] = label
    else:
        record.extra.setdefault(key, value)


def _finish(record: Record, body: list[str], vendor: str, date_field: str | None = None) -> None:
    """The record's text from its body paragraphs, or the reason it has none; a warning when it has no date
    (naming ``date_field`` for layouts whose date is a field, else the date line)."""
    where = f"{vendor} document" + (f" {record.extra['document']}" if "document" in record.extra else "")
    if not body:
        record.error = (
            f"{where} has no body text (title {record.title!r}): the document is damaged or the export held "
            "only its metadata; export it again with full text"
        )
        return
    record.text = "\n\n".join(body)
    record.origin["text"] = "body"
    if record.date is None and date_field:
        record.error = f"{where}: {missing_date_reason(date_field)}"
    elif record.date is None:
        record.error = f"{where} has no date line; stored without a date"


# ---------------------------------------------------------------- Nexis Uni

NEXIS_UNI_END = re.compile(r"^[ \t]*End of Document[ \t]*\r?$", re.MULTILINE)
NEXIS_UNI_BODY = re.compile(r"^[ \t]*Body:?[ \t]*\r?$", re.MULTILINE)
_NU_META = re.compile(r"^([A-Z][A-Za-z-]*(?: [A-Za-z-]+){0,2}):[ \t]*(.*)$")
_NU_HEAD_KEYS = {"section", "length", "byline", "dateline", "highlight", "edition", "copyright", "author", "page"}
_NU_FOOTER = re.compile(
    r"^(Load-Date|Classification|Language|Publication-Type|Document-Type|Subject|Geographic|Graphic|Notes|"
    r"Industry|Company|Organization|Person|Ticker|Journal Code|Correction-Date|Url|Link to the original)\b",
    re.IGNORECASE,
)


def read_nexis_uni_text(text: str) -> Iterator[Record]:
    """Records of a Nexis Uni export as text (its .docx saved as .txt, or the paragraphs of the .docx):
    one per "End of Document" block. Text after the last "End of Document" is one more document if it
    has a ``Body`` line (a file cut off before its end marker), else it is ignored when blank."""
    starts = [0] + [m.end() for m in NEXIS_UNI_END.finditer(text)]
    line_of = LineCounter(text)
    for start, end in zip(starts, starts[1:] + [len(text)]):
        block = text[start:end]
        if not block.strip():
            continue
        if end == len(text) and len(starts) > 1 and not NEXIS_UNI_BODY.search(block):
            continue  # a trailing page footer or blank page
        yield _nexis_uni_document(block, line_of(start + len(block) - len(block.lstrip())))


def _nexis_uni_document(block: str, line: int) -> Record:
    record = Record(position=0, line=line, raw=block.strip("\r\n"), reader="nexis-uni")
    lines = [entry.strip() for entry in block.splitlines()]
    lines = [entry for entry in lines if entry and not NEXIS_UNI_END.match(entry)]
    try:
        body_at = next(i for i, entry in enumerate(lines) if entry.rstrip(":") == "Body")
    except StopIteration:
        record.error = (
            "Nexis Uni document without a 'Body' line: the document is damaged or was exported without its "
            "text; export it again as a full document"
        )
        return record
    head, rest = lines[:body_at], lines[body_at + 1 :]
    # The date line is the last line of the head that is only a date; the outlet and title are just above it.
    date_at = next((i for i in range(len(head) - 1, -1, -1) if as_date(head[i]) and not _NU_META.match(head[i])), None)
    if date_at is not None:
        record.date = as_date(head[date_at])
        record.origin["date"] = "date line"
        above = head[:date_at]
        if above:
            record.source, record.origin["source"] = above[-1], "outlet line"
        if len(above) > 1:
            record.title, record.origin["title"] = above[-2], "title line"
        meta_lines = head[date_at + 1 :]
    else:
        meta_lines = head
        if head and not _NU_META.match(head[0]):
            record.title, record.origin["title"] = head[0], "title line"
    for entry in meta_lines:
        _nexis_uni_meta(record, entry)
    body: list[str] = []
    footer = False
    for entry in rest:
        if not footer and _NU_FOOTER.match(entry):
            footer = True
        if footer:
            _nexis_uni_meta(record, entry)
        else:
            body.append(entry)
    _finish(record, body, "Nexis Uni")
    return record


def _nexis_uni_meta(record: Record, entry: str) -> None:
    if _COPYRIGHT.match(entry):
        record.extra.setdefault("copyright", entry)
        return
    for part in re.split(r";\s+(?=[A-Z][A-Za-z-]*:\s)", entry):
        meta = _NU_META.match(part)
        if not meta:
            record.extra.setdefault("notes", part)
            continue
        key, value = _key(meta.group(1)), meta.group(2).strip()
        _put(record, "author" if key == "byline" else None, key, value, meta.group(1))


# ---------------------------------------------------------------- Factiva

# The closing line; in the "with indexing" layout it is the AN field: "AN   Document TELEGR00...".
FACTIVA_DOCUMENT = re.compile(r"^[ \t]*(?:AN[ \t]+)?(?:Document|Dokument) [A-Za-z0-9]{12,}[ \t]*\r?$", re.MULTILINE)
FACTIVA_WORDS = re.compile(r"^[ \t]*[\d.,]+ (?:words|woorden|mots|Wörter|palabras|parole)[ \t]*\r?$", re.MULTILINE)
_TIME = re.compile(r"^\d{1,2}[:.]\d{2}(?:\s*(?:AM|PM|GMT|uur))?$", re.IGNORECASE)
_SOURCE_CODE = re.compile(r"^[A-Z0-9]{2,10}$")
_LANGUAGES = {
    "nederlands", "dutch", "english", "engels", "deutsch", "german", "duits", "français", "french", "frans",
    "español", "spanish", "italiano", "italian",
}
_PAGE = re.compile(r"^(?:Page|Pagina|Seite|p\.)\s*\S+$", re.IGNORECASE)


def read_factiva_text(text: str) -> Iterator[Record]:
    """Records of a Factiva text export: one per document, ended by its ``Document <accession number>`` line.

    Text after the last ``Document`` line is a document cut off before its end: it is
    read as well, with a warning. Raises nothing: a document without a word count or
    date block, or without a body, is a rejected record.
    """
    ends = [m.end() for m in FACTIVA_DOCUMENT.finditer(text)]
    starts = [0] + ends
    line_of = LineCounter(text)
    for start, end in zip(starts, ends + [len(text)]):
        block = text[start:end]
        if not block.strip():
            continue
        record = _factiva_document(block, line_of(start + len(block) - len(block.lstrip())))
        if end == len(text) and ends and record.error is None:
            record.error = "this last document has no closing 'Document' line: the export may be cut off"
        yield record


def _factiva_document(block: str, line: int) -> Record:
    if _FACTIVA_CODE.search(block) and re.search(r"^HD\b", block, re.MULTILINE):
        return _factiva_coded_document(block, line)
    record = Record(position=0, line=line, raw=block.strip("\r\n"), reader="factiva")
    lines = [entry.rstrip() for entry in block.strip("\r\n").splitlines()]
    document = FACTIVA_DOCUMENT.match(lines[-1]) if lines else None
    if document:
        record.extra["id"] = lines.pop().split()[-1]
        record.origin["id"] = "Document line"
    words_at = next((i for i, entry in enumerate(lines) if FACTIVA_WORDS.match(entry)), None)
    if words_at is None:
        record.error = (
            "Factiva document without its word-count line ('287 words'): the metadata block is damaged, so "
            "the title, date and outlet cannot be told from the text; export it again"
        )
        return record
    section, headline, byline, rest = _factiva_head([entry.strip() for entry in lines[:words_at] if entry.strip()])
    if headline:
        record.title, record.origin["title"] = headline, "headline"
    if byline:  # "Door"/"By" goes when the record is cleaned
        record.author, record.origin["author"] = byline, "byline"
    if section:
        record.extra["section"] = section
    for entry in rest:
        record.extra.setdefault("notes", entry)
    record.extra["length"] = lines[words_at].strip()
    i = words_at + 1
    meta: list[str] = []
    while i < len(lines) and lines[i].strip():
        meta.append(lines[i].strip())
        i += 1
    for entry in meta:
        if record.date is None and as_date(entry):
            record.date, record.origin["date"] = as_date(entry), "date line"
        elif _TIME.match(entry):
            record.extra.setdefault("time", entry)
        elif _COPYRIGHT.match(entry):
            record.extra.setdefault("copyright", entry)
        elif entry.casefold() in _LANGUAGES:
            record.extra.setdefault("language", entry)
        elif record.source is None and record.date is not None:
            record.source, record.origin["source"] = entry, "outlet line"
        elif record.source is not None and _SOURCE_CODE.match(entry) and "source_code" not in record.extra:
            record.extra["source_code"] = entry
        elif _PAGE.match(entry):
            record.extra.setdefault("page", entry)
        else:
            record.extra.setdefault("edition", entry)
    if record.date is None:
        record.error = "Factiva document without a date line after its word count: the metadata block is damaged"
        return record
    _finish(record, _paragraphs(lines[i:]), "Factiva")
    return record


def _factiva_head(lines: list[str]) -> tuple[str | None, str | None, str | None, list[str]]:
    """(section, headline, byline, other lines) of the non-blank lines above a Factiva word count.

    Factiva writes each field on one line, in a fixed order: the section (optional), the headline, the byline
    (optional), so a section sits directly above the headline with or without a blank line. A byline is known
    by its "By"/"Door" word followed by a name (``bylines.is_byline``: "Door de storm ..." is a headline);
    without one, the lines are told apart by their place: of three lines the third is
    the byline; of two, the second is the byline when it looks like a name or is no longer than the first
    (a short section above a longer headline is the other reading).
    """
    at = next((i for i, line in enumerate(lines) if is_byline(line)), None)
    if at is not None:
        above, byline, rest = lines[:at], lines[at], lines[at + 1 :]
    elif len(lines) >= 3:
        above, byline, rest = lines[:2], lines[2], lines[3:]
    elif len(lines) == 2 and (_looks_like_name(lines[1]) or len(lines[0].split()) >= len(lines[1].split())):
        above, byline, rest = lines[:1], lines[1], []  # a headline, then a byline ("Jan de Vries", "ANP")
    else:
        above, byline, rest = lines, None, []
    if not above:
        return None, None, byline, rest
    section = "; ".join(above[:-1]) or None
    return section, above[-1], byline, rest


_NAME_PARTICLES = {"van", "de", "der", "den", "ter", "te", "'t", "von", "du", "la", "le", "en", "and", "&", "el", "al"}


def _looks_like_name(line: str) -> bool:
    """Whether a line is a person's name or a few of them ("Jan de Vries", "Anna Smit en Piet Bos"), not a
    headline: two to eight words, each capitalised or a name particle, no digits, no closing punctuation."""
    words = line.replace(",", " ").split()
    if not 2 <= len(words) <= 8 or re.search(r"[\d:;!?\"'‘’“”]|\.$", line):
        return False
    return all(w[0].isupper() or w.lower() in _NAME_PARTICLES for w in words)


# Factiva's "Full Article/Report plus Indexing" layout: every field on lines that start with its code.
_FACTIVA_CODES = {
    "HD": "title", "BY": "author", "PD": "date", "SN": "source", "SE": "section", "WC": "length", "ET": "time",
    "SC": "source_code", "ED": "edition", "PG": "page", "LA": "language", "CY": "copyright", "AN": "id",
    "CO": "companies", "IN": "industries", "NS": "subjects", "RE": "regions", "IPD": "descriptors",
    "IPC": "codes", "PUB": "publisher", "CLM": "column", "ART": "captions", "VOL": "volume", "RF": "references",
}
_FACTIVA_BODY_CODES = ("LP", "TD")  # lead paragraph, text
_FACTIVA_CODE = re.compile(r"^(HD|BY|PD|SN|SE|WC|ET|SC|ED|PG|LA|CY|AN|CO|IN|NS|RE|IPD|IPC|PUB|CLM|ART|VOL|RF|LP|TD|CT)"
                           r"(?:[ \t]+|$)(.*)$", re.MULTILINE)


def _factiva_coded_document(block: str, line: int) -> Record:
    """One document of Factiva's layout with field codes (HD headline, PD date, SN source, LP/TD body ...)."""
    record = Record(position=0, line=line, raw=block.strip("\r\n"), reader="factiva")
    fields: dict[str, list[str]] = {}
    code = None
    for entry in block.strip("\r\n").splitlines():
        match = _FACTIVA_CODE.match(entry)
        if match:
            code = match.group(1)
            fields.setdefault(code, []).append(match.group(2).strip())
        elif code:
            fields[code].append(entry.strip())
    body: list[str] = []
    for code in _FACTIVA_BODY_CODES:
        body += _paragraphs(fields.pop(code, []))
    for code, values in fields.items():
        value = " ".join(v for v in values if v)
        name = _FACTIVA_CODES.get(code, code.lower())
        if name == "date":
            record.date = as_date(value) or value or None
            record.origin["date"] = "PD"
        elif name == "id":
            record.extra["id"] = value.split()[-1] if value else value
            record.origin["id"] = "AN"
        elif name in ("title", "author", "source"):
            setattr(record, name, value or None)
            record.origin[name] = code
        elif value:
            record.extra[name] = value
    _finish(record, body, "Factiva", date_field="'PD'")
    return record


# ---------------------------------------------------------------- recognising them


def recognise_text(text: str) -> tuple[str, str] | None:
    """(format, reason) when a text is one of these exports, else None.

    The formats are "lexisnexis" (also Nexis Uni text), "factiva", and "rejected" for a text that holds
    several documents in a layout we cannot split (the reason says what it looks like).
    """
    ln = LEXISNEXIS_SPLIT.findall(text)
    if ln:
        return "lexisnexis", f"it has {len(ln)} 'N of M DOCUMENTS' line(s): a LexisNexis Academic text export"
    end = NEXIS_UNI_END.findall(text)
    if end or (NEXIS_UNI_BODY.search(text) and re.search(r"^(Load-Date|Length|Byline):", text, re.MULTILINE)):
        return "lexisnexis", (
            f"it has {len(end)} 'End of Document' line(s) and 'Body' lines: a Nexis Uni export saved as text"
        )
    documents = FACTIVA_DOCUMENT.findall(text)
    if documents or (FACTIVA_WORDS.search(text) and _COPYRIGHT_LINE.search(text)):
        return "factiva", (
            f"it has {len(documents)} 'Document <accession number>' line(s) and word-count lines: a Factiva "
            "text export"
        )
    load_dates = _LN_LOAD_DATE.findall(text)
    if len(load_dates) == 1 and re.search(r"^(?:BYLINE|LENGTH|SECTION):", text, re.MULTILINE):
        return "lexisnexis", "it has LexisNexis BYLINE/LENGTH and LOAD-DATE lines: one LexisNexis document"
    if len(load_dates) > 1:
        return "rejected", (
            f"it has {len(load_dates)} LOAD-DATE lines, so it holds several LexisNexis documents, but not the "
            "'N of M DOCUMENTS' lines that separate them: download the export again as text, unedited"
        )
    copyrights = _COPYRIGHT_LINE.findall(text)
    if len(copyrights) > 1:
        return "rejected", (
            f"it has no 'date YYYY-MM-DD' headers but {len(copyrights)} copyright lines, so it looks like several "
            "exported documents in a layout this tool does not know; reading it as one article would merge them. "
            "Convert it to JSON Lines or CSV, or put a 'date YYYY-MM-DD' line before each article"
        )
    return None


_LN_LOAD_DATE = re.compile(r"^LOAD-DATE:", re.MULTILINE)


_COPYRIGHT_LINE = re.compile(r"^\s*(?:Copyright|©|\(c\))", re.MULTILINE | re.IGNORECASE)


# ---------------------------------------------------------------- Nexis Uni .docx


def read_docx(data: bytes) -> Iterator[Record]:
    """Records of a Word document: a Nexis Uni export is split into its documents (as its text save is);
    any other .docx is one article, one paragraph per Word paragraph, with a warning.

    A file python-docx cannot open is one rejected record saying so.
    """
    import io
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        yield Record.whole_file_rejected(
            data, f"this .docx cannot be opened ({error}): it is damaged or not a Word document; save it again"
        )
        return
    paragraphs = [p.text.strip() for p in document.paragraphs]
    text = "\n".join(paragraphs)
    if NEXIS_UNI_BODY.search(text):
        for record in read_nexis_uni_text(text):
            record.reader = "nexis-uni-docx"
            yield record
        return
    body = [p for p in paragraphs if p]
    record = Record(position=0, line=1, raw=text, reader="docx")
    if body:
        record.text = "\n\n".join(body)
        record.origin["text"] = "Word paragraphs"
        record.error = (
            "a Word document without Nexis Uni's 'Body' and 'End of Document' lines: read as one article without "
            "a date"
        )
    else:
        record.error = "this Word document holds no text"
    yield record
