"""A dry run of reading: what ingest would make of a file, without writing anything.

For each file: the format it is read in and why, which input field or line
became each of our columns, the first records as they would be stored, and
every problem (rejected records and warnings), so that a user can fix the
options before committing 50,000 records.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .articles import derive_title, record_date
from .detect import Detection
from .paragraphs import clean_article_text
from .records import MAX_RECORD_BYTES, detect_file, find_input_files, no_articles_reason, open_records

COLUMNS = ("title", "date", "source", "author", "url", "text", "id")


@dataclass
class FileReport:
    """What reading one file would give: counts, the tools recognised, the field mapping, samples, problems."""

    path: str
    detection: Detection
    records: int = 0
    stored: int = 0
    readers: Counter = field(default_factory=Counter)  # the tool each record was recognised as
    fields: dict[str, Counter] = field(default_factory=dict)  # our column -> Counter of input fields
    samples: list[dict] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def inspect_files(
    paths: list[Path | str],
    *,
    format: str | None = None,
    field_map: dict[str, str] | None = None,
    source: str | None = None,
    max_record_bytes: int = MAX_RECORD_BYTES,
    sample: int = 3,
    on_problem: Callable[[str], None] | None = None,
) -> list[FileReport]:
    """Read every file under ``paths`` as ``ingest`` would and report on it; nothing is written.

    Returns one ``FileReport`` per file; ``samples`` holds the first ``sample``
    stored records as dicts (title, date, date_precision, source, author, url,
    first_paragraph, paragraphs, removed_chars, extra). Raises OSError when a file
    cannot be opened. ``on_problem`` gets the warnings about folders that ``ingest`` gives
    (a folder without files, a broken link).
    """
    reports = []
    for path in find_input_files([Path(p) for p in paths], on_problem):
        report = FileReport(str(path), detect_file(path, format, field_map))
        for record in open_records(path, format=format, field_map=field_map, max_record_bytes=max_record_bytes):
            report.records += 1
            where = f"{record.member + ':' if record.member else ''}line {record.line}"
            if record.reader:
                report.readers[record.reader] += 1
            origin = dict(record.origin)
            if source and not record.source:
                origin["source"] = "--source"
            for column, name in origin.items():
                report.fields.setdefault(column, Counter())[name] += 1
            if record.rejected:
                report.problems.append(f"{where}: rejected: {record.error or 'record has no text'}")
                continue
            clean = clean_article_text(record.text)
            if not clean.paragraphs:
                report.problems.append(f"{where}: rejected: record has no text")
                continue
            report.stored += 1
            date, precision, date_warning = record_date(record)
            report.problems.extend(f"{where}: warning: {w}" for w in (record.error, date_warning) if w)
            if len(report.samples) < sample:
                report.samples.append(
                    {
                        "line": record.line,
                        "title": record.title or derive_title(clean.paragraphs[0]),
                        "title_derived": not record.title,
                        "date": date,
                        "date_precision": precision,
                        "source": record.source or source,
                        "author": record.author,
                        "url": record.url,
                        "first_paragraph": clean.paragraphs[0],
                        "paragraphs": len(clean.paragraphs),
                        "removed_chars": clean.removed_chars,
                        "extra": sorted(record.extra),
                    }
                )
        if report.records == 0 and str(path) != "-":  # the warning ingest gives such a file
            report.problems.append(f"warning: {no_articles_reason(path, path.name, format)}")
        reports.append(report)
    return reports


def _short(text: str | None, width: int = 100) -> str:
    if text is None:
        return "-"
    return text if len(text) <= width else text[: width - 1] + "…"


def render(report: FileReport) -> str:
    """The report of one file as the lines ``news-archive inspect`` prints."""
    rejected = report.records - report.stored
    lines = [
        report.path,
        f"  format: {report.detection.format} ({report.detection.reason})",
    ]
    if report.readers:
        lines.append("  recognised as: " + ", ".join(f"{name} ({n})" for name, n in report.readers.most_common()))
    lines.append(f"  records: {report.records:,} ({report.stored:,} would be stored, {rejected:,} rejected)")
    if report.fields:
        lines.append("  fields:")
        for column in sorted(report.fields, key=lambda c: COLUMNS.index(c) if c in COLUMNS else len(COLUMNS)):
            origins = report.fields[column]
            named = ", ".join(repr(o) if len(origins) == 1 else f"{o!r} ({n})" for o, n in origins.most_common())
            lines.append(f"    {column:<7} <- {named}")
    for number, sample in enumerate(report.samples, 1):
        date = f"{sample['date']} ({sample['date_precision']})" if sample["date"] else "-"
        title = _short(sample["title"]) + (" (taken from the text)" if sample["title_derived"] else "")
        lines += [
            f"  record {number} (line {sample['line']}):",
            f"    title:      {title}",
            f"    date:       {date}",
            f"    source:     {_short(sample['source'])}",
            f"    author:     {_short(sample['author'])}",
            f"    url:        {_short(sample['url'])}",
            f"    paragraphs: {sample['paragraphs']}"
            + (f" ({sample['removed_chars']:,} repeated characters removed)" if sample["removed_chars"] else ""),
            f"    first:      {_short(sample['first_paragraph'])}",
        ]
        if sample["extra"]:
            lines.append(f"    extra:      {', '.join(sample['extra'])}")
    lines.append(f"  problems: {len(report.problems):,}" if report.problems else "  problems: none")
    lines += [f"    {problem}" for problem in report.problems]
    return "\n".join(lines)
