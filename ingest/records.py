"""Read input files into records: one record per article as it was found.

A record keeps its raw text exactly as it stood in the file, so that the
archive can always show what came in. Readers never raise on bad content:
a record they cannot use carries an ``error`` and is stored as rejected.

Reading is layered, each layer streaming from a binary file object:
compression (gzip, bzip2, xz, zip members) is recognised by its magic bytes,
then binary content is rejected, then bytes are decoded line by line, then a
format reader (``formats.py``) turns lines into records, and finally every
record is size-checked and its text cleaned (``textclean.py``).
"""

from __future__ import annotations

import bz2
import codecs
import gzip
import io
import lzma
import re
import shutil
import sys
import tempfile
import zipfile
import zlib
from pathlib import Path
from typing import BinaryIO, Callable, Iterator

from . import formats
from .detect import FORMATS, Detection, detect_format
from .record import Record, add_warning
from .readers.vendor_text import read_docx
from .readers.workbook import read_workbook

MAX_RECORD_BYTES = 5_000_000

_EXTENSION_FORMATS = {
    ".txt": "txt",
    ".text": "txt",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".jsonlines": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
}
_COMPRESSED_SUFFIXES = (".gz", ".gzip", ".bz2", ".xz", ".lzma")
_HEAD_BYTES = 8192


# ---------------------------------------------------------------- decoding


def _cp1252_or_latin1(error: UnicodeDecodeError) -> tuple[str, int]:
    """The five bytes cp1252 leaves undefined are read as latin-1, so decoding never loses a byte."""
    return error.object[error.start : error.end].decode("latin-1"), error.end


codecs.register_error("news_archive_latin1", _cp1252_or_latin1)


def decode_line(data: bytes) -> str:
    """UTF-8 if the line is valid UTF-8, else Windows-1252 (Dutch exports from Windows tools).

    Deciding per line keeps files that mix both (concatenated exports) readable;
    valid UTF-8 almost never arises by chance from cp1252 text.
    """
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="news_archive_latin1")


def decode(data: bytes) -> str:
    """Text of a whole file: UTF-16/32 with BOM, UTF-8 with or without BOM, else Windows-1252 per line."""
    for bom, encoding in _UNICODE_BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return "".join(decode_line(line) for line in data.splitlines(keepends=True))


_UNICODE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_LINE_BREAKS = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")


def text_lines(stream: BinaryIO) -> Iterator[str]:
    """Decoded lines with their line ends (``\\n``, ``\\r\\n`` or a lone ``\\r``), streaming."""
    head = stream.peek(4)[:4]
    for bom, encoding in _UNICODE_BOMS:
        if head.startswith(bom):
            stream.read(len(bom))
            yield from io.TextIOWrapper(stream, encoding=encoding, errors="replace", newline="")
            return
    first = True
    for line in stream:
        if first and line.startswith(codecs.BOM_UTF8):
            line = line[3:]
        first = False
        text = decode_line(line)
        if "\r" in text.rstrip("\r\n"):  # old Mac line ends: split them too
            yield from (m.group() for m in _LINE_BREAKS.finditer(text) if m.group())
        else:
            yield text


# ---------------------------------------------------------------- streams


class _Rewound(io.RawIOBase):
    """A stream whose first bytes were read to sniff it, put back in front."""

    def __init__(self, head: bytes, rest: BinaryIO, error: Exception | None = None):
        self._head = memoryview(head)
        self._rest = rest
        self._error = error  # damage met while sniffing: raised only after the good bytes are read

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        if self._error is not None:
            raise self._error
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _read_head(stream: BinaryIO, size: int = _HEAD_BYTES) -> tuple[bytes, Exception | None]:
    chunks, got = [], 0
    try:
        while got < size:
            chunk = stream.read(size - got)
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
    except _DAMAGED as error:
        return b"".join(chunks), error
    return b"".join(chunks), None


def _sniffable(stream: BinaryIO) -> tuple[bytes, io.BufferedReader]:
    head, error = _read_head(stream)
    return head, io.BufferedReader(_Rewound(head, stream, error), buffer_size=1 << 16)


def _compression(head: bytes):
    if head.startswith(b"\x1f\x8b"):
        return lambda s: gzip.GzipFile(fileobj=s, mode="rb")
    if head.startswith(b"BZh") and head[3:4].isdigit():
        return bz2.BZ2File
    if head.startswith(b"\xfd7zXZ\x00"):
        return lzma.LZMAFile
    return None


_DAMAGED = (OSError, EOFError, lzma.LZMAError, zlib.error, zipfile.BadZipFile)


def _without_compression_suffix(name: str) -> str:
    lower = name.lower()
    for suffix in _COMPRESSED_SUFFIXES:
        if lower.endswith(suffix):
            return name[: -len(suffix)]
    return name


def format_for_name(name: str) -> str:
    """The format a file name implies; unknown extensions are read as the seed text format."""
    return _EXTENSION_FORMATS.get(Path(_without_compression_suffix(name)).suffix.lower(), "txt")


_OFFICE = {
    ".xlsx": "an Excel workbook",
    ".xls": "an Excel workbook",
    ".ods": "a spreadsheet",
    ".docx": "a Word document",
    ".doc": "a Word document",
    ".odt": "a text document",
    ".pdf": "a PDF file",
}
_CONTROL_BYTES = frozenset(range(0, 9)) | frozenset(range(14, 27)) | frozenset(range(28, 32)) | {127}


# An SQLite database, and its write-ahead log (big- and little-endian checksums).
SQLITE_SIGNATURES = (b"SQLite format 3\x00", b"\x37\x7f\x06\x82", b"\x37\x7f\x06\x83")
# File types recognised by their first bytes: never text, whatever their name.
_MAGIC = (
    (b"%PDF", "a PDF file"),
    (b"PK\x03\x04", "an Office document (Excel, Word) or other packed file"),
    (b"\xd0\xcf\x11\xe0", "an Office document (Excel, Word) or other packed file"),
    *((signature, "an SQLite database") for signature in SQLITE_SIGNATURES),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
)


def _not_text(head: bytes, name: str) -> str | None:
    """Why these bytes are not a text export, or None when they are (or may be) text.

    The evidence is weighed: a known file signature, or NUL and control bytes making up more
    than a small share of the first 8 KB, make a binary file. A stray NUL byte in a text
    export does not: it is dropped from its record with a warning (see ``_finish``).
    """
    if any(head.startswith(bom) for bom, _ in _UNICODE_BOMS):
        return None
    kind = _OFFICE.get(Path(name).suffix.lower())
    if kind is None:
        kind = next((what for magic, what in _MAGIC if head.startswith(magic)), None)
    if kind and kind.endswith(("image", "database")):
        return f"this is {kind}, not a text export: only text exports (CSV, TSV, JSON, plain text) hold articles"
    if kind:
        return (
            f"this is {kind}, not a text export: save spreadsheets as 'CSV UTF-8' and documents as plain "
            "text (.txt), then ingest those"
        )
    if head.count(b"\x00") > max(2, len(head) // 100):
        return (
            "binary file (contains NUL bytes), not text: if it is an export, save it as UTF-8 text or CSV; if it is "
            "text damaged by many NUL bytes, remove them first (tr -d '\\000' < FILE > FIXED) and ingest that"
        )
    if head and sum(b in _CONTROL_BYTES for b in head) > len(head) // 10:
        return "binary file (mostly control characters), not text: if it is an export, save it as UTF-8 text or CSV"
    return None


# Formats read from the file's bytes (zip packages), not from its decoded lines.
BINARY_READERS = {"docx": lambda data, field_map: read_docx(data), "xlsx": read_workbook}


def _records_from_stream(stream: BinaryIO, name: str, fmt: str | None, field_map: dict | None) -> Iterator[Record]:
    """Records of one input stream, positions not yet assigned."""
    head, stream = _sniffable(stream)
    decompress = _compression(head)
    if decompress:
        inner = _without_compression_suffix(name)
        yield from _stop_at_damage(_records_from_stream(decompress(stream), inner, fmt, field_map), name)
        return
    if head.startswith(b"PK\x03\x04") and (name.lower().endswith(".zip") or not Path(name).suffix):
        yield from _zip_records(stream, name, fmt, field_map)
        return
    detection = _detect(head, name, fmt, field_map)
    if detection.format in BINARY_READERS:
        yield from BINARY_READERS[detection.format](stream.read(), field_map)
        return
    reason = _not_text(head, name)
    if reason or detection.format == "rejected":
        yield Record.whole_file_rejected(stream.read(), reason or detection.reason)
        return
    yield from formats.READERS[detection.format](text_lines(stream), field_map)


def _detect(head: bytes, name: str, fmt: str | None, field_map: dict | None) -> Detection:
    by_name = format_for_name(name)
    tab_table = by_name == "txt" and _tab_separated_header(head, field_map)
    return detect_format(head, decode(head), by_name, name, fmt, tab_table)


def detect_file(path: Path | str, fmt: str | None = None, field_map: dict | None = None) -> Detection:
    """The format a file will be read in and why (see ``detect.py``), looking through gzip/bzip2/xz."""
    with open(path, "rb") as stream:
        head, stream = _sniffable(stream)
        decompress = _compression(head)
        name = Path(path).name
        if decompress:
            try:
                inner = decompress(stream).read(_HEAD_BYTES)
            except _DAMAGED as error:
                return Detection("rejected", f"a damaged compressed file ({error})")
            detection = _detect(inner, _without_compression_suffix(name), fmt, field_map)
            return Detection(detection.format, f"compressed; {detection.reason}")
        if head.startswith(b"PK\x03\x04") and (name.lower().endswith(".zip") or not Path(name).suffix):
            return Detection("zip", "a zip archive: each file inside is read as its own input")
        detection = _detect(head, name, fmt, field_map)
        reason = _not_text(head, name)
        if reason and detection.format not in BINARY_READERS:
            return Detection("rejected", reason)
        return detection


def _tab_separated_header(head: bytes, field_map: dict | None) -> bool:
    """A first line with tabs that names a text column (with --field, or by a known name)."""
    first_line = decode(head).split("\n", 1)[0].rstrip("\r")
    if "\t" not in first_line or first_line.lstrip().lower().startswith("date "):
        return False
    return "text" in formats.plan_fields(first_line.split("\t"), field_map).columns


def _stop_at_damage(records: Iterator[Record], name: str) -> Iterator[Record]:
    """A truncated or corrupt compressed file: keep the records read before the damage, reject the rest."""
    last_line = 0
    try:
        for record in records:
            last_line = record.line
            yield record
    except _DAMAGED as error:
        where = f"after the record at line {last_line}" if last_line else "before the first record"
        yield Record(
            position=0,
            line=last_line + 1,
            raw="",
            error=(
                f"the compressed file {name or '(standard input)'} is damaged or cut off {where} ({error}); "
                "the records before it were read. Get a complete copy of the file and ingest it again"
            ),
        )


def _zip_records(stream: BinaryIO, name: str, fmt: str | None, field_map: dict | None) -> Iterator[Record]:
    """Each file inside a zip is read as its own input; records say which member they came from."""
    with tempfile.SpooledTemporaryFile(max_size=64 << 20) as spool:  # zip needs seeking: stdin cannot
        shutil.copyfileobj(stream, spool)
        spool.seek(0)
        try:
            archive = zipfile.ZipFile(spool)
        except (zipfile.BadZipFile, OSError) as error:
            spool.seek(0)
            reason = f"damaged zip file ({error}): get a complete copy and ingest it again"
            yield Record.whole_file_rejected(spool.read(), reason)
            return
        with archive:
            for info in archive.infolist():
                member = info.filename
                if info.is_dir() or member.startswith("__MACOSX/") or Path(member).name.startswith("."):
                    continue
                for record in _zip_member_records(archive, info, fmt, field_map):
                    record.member = member
                    if record.error:
                        record.error = f"in {member}: {record.error}"
                    yield record


def _zip_member_records(archive: zipfile.ZipFile, info: zipfile.ZipInfo, fmt, field_map) -> Iterator[Record]:
    if info.flag_bits & 0x1:
        reason = "password-protected file in the zip: unzip it yourself and ingest the files"
        yield Record(position=0, line=1, raw="", error=reason)
        return
    try:
        member = archive.open(info)
    except (NotImplementedError, RuntimeError, *_DAMAGED) as error:
        reason = f"cannot unpack this file from the zip ({error}): unzip it yourself and ingest the files"
        yield Record(position=0, line=1, raw="", error=reason)
        return
    with member:
        yield from _stop_at_damage(_records_from_stream(member, info.filename, fmt, field_map), info.filename)


# ---------------------------------------------------------------- the public readers


def _finish(record: Record, max_bytes: int, clean: bool) -> Record:
    """Reject oversized records; clean the text of the others unless the caller does it later."""
    size = len(record.raw_bytes) if record.raw_bytes is not None else len(record.raw.encode("utf-8"))
    if size > max_bytes and not (record.text is None and record.error):
        record.text = None
        record.error = (
            f"record is {size:,} bytes, over the limit of {max_bytes:,} (--max-record-bytes); "
            "if it really is one article, ingest again with a higher limit"
        )
        return record
    if record.text is not None and "\x00" in record.raw:
        nuls = record.raw.count("\x00")
        removed = (
            f"removed {nuls} NUL byte{'s' if nuls > 1 else ''} (0x00) from this record; "
            "the export is probably damaged here"
        )
        record.error = f"{record.error}; {removed}" if record.error else removed
    return clean_record(record) if clean else record


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_lone_surrogates(record: Record) -> int:
    """Replace each lone surrogate (U+D800-U+DFFF, what a JSON ``\\ud83d`` escape of half an emoji decodes
    to; no UTF-8 text can hold one) in a record's text fields and ``extra`` by U+FFFD, in place.

    Returns how many were replaced. Without this the record could not be hashed or stored.
    """
    count = 0

    def fixed(value):
        nonlocal count
        if isinstance(value, str):
            value, n = _LONE_SURROGATE.subn("\ufffd", value)
            count += n
        elif isinstance(value, dict):
            value = {fixed(k): fixed(v) for k, v in value.items()}
        elif isinstance(value, list):
            value = [fixed(v) for v in value]
        return value

    for name in ("text", "title", "source", "author", "date", "url"):
        if getattr(record, name, None) is not None:
            setattr(record, name, fixed(getattr(record, name)))
    record.extra = fixed(record.extra)
    return count


def clean_record(record: Record) -> Record:
    """Clean a record's text and fields (see textclean.py); the costly part of reading."""
    from .bylines import author_without_prefix
    from .textclean import clean_field, clean_text

    broken = replace_lone_surrogates(record)
    if broken:
        add_warning(record, f"{broken} broken character(s) (half of a UTF-16 pair, as in a cut-off emoji) replaced by U+FFFD")
    if record.text is not None:
        record.text = clean_text(record.text)
    for name in ("title", "source", "author", "date"):
        value = getattr(record, name)
        if value is not None:
            setattr(record, name, clean_field(value) or None)
    if record.author is not None:  # the one place bylines lose "Door"/"By": the same for every reader
        record.author = author_without_prefix(record.author)
    if record.url is not None:
        record.url = record.url.strip() or None
    return record


def open_records(
    source: Path | str | BinaryIO,
    *,
    name: str | None = None,
    format: str | None = None,
    field_map: dict[str, str] | None = None,
    max_record_bytes: int = MAX_RECORD_BYTES,
    clean: bool = True,
) -> Iterator[Record]:
    """Stream the records of a file path, ``"-"`` (standard input) or a binary file object.

    With ``clean=False`` the text is left for the caller to clean with
    ``clean_record`` (the ingest does it in its worker processes).

    ``name`` (defaults to the path's name) picks the format by its extension
    unless ``format`` is given. Memory stays flat for JSON Lines, CSV and TSV;
    ``.txt`` and ``.json`` files are read whole. Bad content never raises: it
    becomes rejected records. ``field_map`` maps our field names (``text``,
    ``date``, ...) to the input's column names, overriding the built-in names.
    """
    if format is not None and format not in FORMATS:
        raise ValueError(f"unknown format {format!r}: use one of {', '.join(FORMATS)}")
    formats.check_field_map(field_map)
    if isinstance(source, (str, Path)) and str(source) == "-":
        yield from _numbered(sys.stdin.buffer, name or "", format, field_map, max_record_bytes, clean)
    elif isinstance(source, (str, Path)):
        with open(source, "rb") as stream:
            yield from _numbered(stream, name or Path(source).name, format, field_map, max_record_bytes, clean)
    else:
        yield from _numbered(source, name or "", format, field_map, max_record_bytes, clean)


def _numbered(stream, name, fmt, field_map, max_record_bytes, clean) -> Iterator[Record]:
    position = 0
    line = 0
    try:
        for record in _records_from_stream(stream, name, fmt, field_map):
            record.position = position
            position += 1
            line = record.line
            yield _finish(record, max_record_bytes, clean)
    except (KeyboardInterrupt, GeneratorExit):
        raise
    except Exception as error:  # never lose the file over a bug: say where reading stopped
        yield Record(
            position=position,
            line=line + 1,
            raw="",
            error=(
                f"reading stopped after line {line} because of an unexpected error ({type(error).__name__}: "
                f"{error}); the records before it were read. Please report this as a bug"
            ),
        )


def no_articles_reason(source: Path | str | BinaryIO, name: str, format: str | None = None) -> str:
    """Why a file that gave no records at all holds no articles, for the warning that names it."""
    if isinstance(source, (str, Path)):
        with open(source, "rb") as stream:
            return no_articles_reason(stream, name, format)
    head, stream = _sniffable(source)
    decompress = _compression(head)
    if decompress:
        try:
            head, _ = _read_head(decompress(stream), 1 << 16)
        except _DAMAGED:
            head = b""
        name = _without_compression_suffix(name)
    text = decode(head)
    if not text.strip():
        return "empty file, no articles"
    lines = [line for line in text.splitlines() if line.strip()]
    if (format or format_for_name(name)) in ("csv", "tsv") and len(lines) == 1:
        return "header row only, no articles"
    if text.strip() in ("[]", "{}"):
        return "an empty JSON list, no articles"
    return "no articles found in this file"


def find_input_files(paths: list[Path], on_problem: Callable[[str], None] | None = None) -> list[Path]:
    """Files named directly, plus every regular file under named directories, in sorted order.

    Hidden files are skipped silently. ``on_problem`` gets a warning for each
    entry of a directory that is not a regular file (a broken link, a pipe, a
    socket) and for a directory that holds no input file at all.
    """
    found = []
    for path in paths:
        if str(path) == "-":
            found.append(path)
        elif path.is_dir():
            files = []
            for entry in sorted(path.rglob("*")):
                if any(part.startswith(".") for part in entry.relative_to(path).parts) or entry.is_dir():
                    continue
                if entry.is_file():
                    files.append(entry)
                elif on_problem:
                    what = "a broken link" if entry.is_symlink() and not entry.exists() else "not a regular file"
                    on_problem(f"{entry}: warning: skipped: {what}")
            if not files and on_problem:
                on_problem(f"{path}: warning: no input files in this folder")
            found.extend(files)
        else:
            found.append(path)
    return found
