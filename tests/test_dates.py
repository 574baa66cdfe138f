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
    ],
)
def test_dates_are_parsed_at_the_precision_given(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["", "gisteren", "2022-13", "12 maart"])
def test_unusable_dates_raise_a_date_error(text):
    with pytest.raises(DateError):
        parse_date(text)
