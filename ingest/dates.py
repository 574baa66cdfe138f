"""Parse the dates news exports use, including Dutch month names.

A date is returned as ISO text at the precision the input gives: "2022",
"2022-01" or "2022-01-23". Knowing the precision matters: "januari 2022"
must not become the first of January in a timeline.
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil import parser as dateutil_parser


class DutchParserInfo(dateutil_parser.parserinfo):
    """Dutch (and English) month and weekday names for dateutil."""

    MONTHS = [
        ("jan", "januari", "january"),
        ("feb", "februari", "february"),
        ("mrt", "mar", "maart", "march"),
        ("apr", "april"),
        ("mei", "may"),
        ("jun", "juni", "june"),
        ("jul", "juli", "july"),
        ("aug", "augustus", "august"),
        ("sep", "sept", "september"),
        ("okt", "oct", "oktober", "october"),
        ("nov", "november"),
        ("dec", "december"),
    ]
    WEEKDAYS = [
        ("ma", "maandag", "mon", "monday"),
        ("di", "dinsdag", "tue", "tuesday"),
        ("wo", "woensdag", "wed", "wednesday"),
        ("do", "donderdag", "thu", "thursday"),
        ("vr", "vrijdag", "fri", "friday"),
        ("za", "zaterdag", "sat", "saturday"),
        ("zo", "zondag", "sun", "sunday"),
    ]
    JUMP = dateutil_parser.parserinfo.JUMP + ["om", "uur", "op", "de", "den"]

    def __init__(self):
        super().__init__(dayfirst=True)


_PARSER_INFO = DutchParserInfo()
_DUTCH_TIME = re.compile(r"\b(\d{1,2})\.(\d{2})\s*uur\b")  # "14.00 uur"
# A date that starts with a four-digit year is year-month-day whatever the separator
# ("2022-03-01", "2022/03/01", "2022.03.01", "2022 03 01") or with none ("20220301"), and
# whatever follows it (a time, "T10:00", "Z", a time zone, "om 10.00 uur"); day-first applies
# only when the year comes last ("01-03-2022").
_YEAR_FIRST = (
    re.compile(r"(\d{4})([-/. ])(\d{1,2})\2(\d{1,2})(?!\d)"),
    re.compile(r"(\d{4})()(\d{2})(\d{2})(?:\d{4}(?:\d{2})?$|(?!\d))"),  # also 202203011230[00]
    re.compile(r"(\d{4})([-/.])(\d{1,2})()$"),  # year and month
    re.compile(r"(\d{4})()()()$"),  # a year alone
)
# Two different defaults reveal which parts the text did not give.
_DEFAULTS = (dt.datetime(1604, 1, 1), dt.datetime(1608, 2, 2))


class DateError(ValueError):
    pass


def parse_date(text: str) -> tuple[str, str]:
    """Return (iso_date, precision) with precision "day", "month" or "year".

    A leading four-digit year means year-month-day with any separator (``2022/03/01``,
    ``2022.03.01``, ``20220301``); otherwise the day comes first (``01-03-2022``).
    """
    text = text.strip()
    if not text:
        raise DateError("empty date")
    iso = next((m for m in (pattern.match(text) for pattern in _YEAR_FIRST) if m), None)
    if iso:
        year, _, month, day = iso.groups()
        try:
            date = dt.date(int(year), int(month or 1), int(day or 1))
        except ValueError as error:
            raise DateError(f"invalid date {text!r}: {error}") from None
        if day:
            return date.isoformat(), "day"
        if month:
            return date.isoformat()[:7], "month"
        return year, "year"
    text = _DUTCH_TIME.sub(r"\1:\2", text)
    try:
        first, second = (
            dateutil_parser.parse(text, parserinfo=_PARSER_INFO, default=default, fuzzy=False)
            for default in _DEFAULTS
        )
    except (ValueError, OverflowError) as error:
        raise DateError(f"cannot parse date {text!r}: {error}") from None
    if first.year != second.year:
        raise DateError(f"date {text!r} has no year")
    if first.month != second.month:
        return f"{first.year:04d}", "year"
    if first.day != second.day:
        return f"{first.year:04d}-{first.month:02d}", "month"
    return first.date().isoformat(), "day"
