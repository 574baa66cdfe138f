import datetime as dt

from hypothesis import given, strategies as st
import pytest

from ingest.dates import DateError, parse_date


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2022-01", ("2022-01", "month")),
        ("2022-01-23", ("2022-01-23", "day")),
        ("2022", ("2022", "year")),
        ("23 januari 2022", ("2022-01-23", "day")),
        ("jan. 2022", ("2022-01", "month")),
        ("maart 2021", ("2021-03", "month")),
        ("zondag 23 januari 2022 om 14.00 uur", ("2022-01-23", "day")),
        ("1 mrt 2020", ("2020-03-01", "day")),
        ("okt. 2019", ("2019-10", "month")),
        ("23-01-2022", ("2022-01-23", "day")),
        ("5/3/2021", ("2021-03-05", "day")),
        ("2022-01-23T23:30:00+01:00", ("2022-01-23", "day")),
        ("Tue, 05 Mar 2021 10:00:00 GMT", ("2021-03-05", "day")),
        ("2022/03", ("2022-03", "month")),
        ("2022.3", ("2022-03", "month")),
        ("2022 5 maart", ("2022-03-05", "day")),
    ],
)
def test_dates_are_parsed_at_the_precision_given(text, expected):
    assert parse_date(text) == expected


# Impossible year-first dates raise instead of swapping day and month into a valid date.
@pytest.mark.parametrize("text", ["", "gisteren", "2022-13", "12 maart", "2022/13/01", "2022.02.30", "20221301", "2022 13 01"])
def test_unusable_dates_raise_a_date_error(text):
    with pytest.raises(DateError):
        parse_date(text)


# A date that starts with a four-digit year is year-month-day whatever the separator; day-first
# applies only when the year comes last (cases/input/year-first-dates).
@pytest.mark.parametrize(
    "text",
    [
        "2022/03/01", "2022.03.01", "20220301", "2022-03-01", "2022-3-1", "2022/3/1",
        "2022/03/01 10:15", "2022.03.01 10:15:00", "20220301T101500", "2022-03-01T10:15:00Z",
        "2022/03/01T10:15", "2022-03-01, 10:15", "01-03-2022", "1.3.2022", "01/03/2022", "1 maart 2022",
        "2022-03-01Z", "2022/03/01Z", "2022-03-01+01:00", "2022.03.01.", "2022 03 01", "2022/03/01 om 10.00 uur",
        "2022-03-01 (bijgewerkt)", "20220301 10:00", "202203011230", "20220301123000", "2022-03-01 10:00 CET",
    ],
)
def test_year_first_dates_are_read_year_month_day_whatever_the_separator(text):
    assert parse_date(text) == ("2022-03-01", "day")


@given(st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31)), st.sampled_from(["", " 09:30", "T09:30:00", " 23:59:59+01:00"]))
def test_every_spelling_of_a_date_parses_to_that_date(date, time):
    y, m, d = date.year, date.month, date.day
    spellings = [
        f"{y:04d}-{m:02d}-{d:02d}", f"{y:04d}/{m:02d}/{d:02d}", f"{y:04d}.{m:02d}.{d:02d}", f"{y:04d}{m:02d}{d:02d}",
        f"{y:04d}-{m}-{d}", f"{y:04d}/{m}/{d}", f"{d:02d}-{m:02d}-{y:04d}", f"{d}.{m}.{y:04d}", f"{d:02d}/{m:02d}/{y:04d}",
    ]
    for spelling in spellings:
        assert parse_date(spelling + (time if not time.startswith("T") or spelling[:4] == f"{y:04d}" else "")) == (date.isoformat(), "day"), spelling
