"""The date grammar: the article's words resolved against the publication date."""

from datetime import date

import pytest

from dashboard.ingest.dates import find_dates, resolve_phrase

WED = date(2024, 11, 20)  # a Wednesday
D = date.fromisoformat


@pytest.mark.parametrize(
    ("phrase", "start", "end", "precision", "inferred"),
    [
        pytest.param("On November 20", "2024-11-20", "2024-11-20", "day", True, id="month-day"),
        pytest.param("on 7 November", "2024-11-07", "2024-11-07", "day", True, id="day-month"),
        pytest.param("Nov. 16", "2024-11-16", "2024-11-16", "day", True, id="abbrev-month"),
        pytest.param("Sept 3", "2024-09-03", "2024-09-03", "day", True, id="sept"),
        pytest.param("November 20, 2024", "2024-11-20", "2024-11-20", "day", False, id="with-year"),
        pytest.param("20 November 2024", "2024-11-20", "2024-11-20", "day", False, id="dmy-year"),
        pytest.param(
            "on the 3rd of October", "2024-10-03", "2024-10-03", "day", True, id="ordinal"
        ),
        pytest.param("2024-10-24", "2024-10-24", "2024-10-24", "day", False, id="iso"),
        pytest.param("December 3", "2024-12-03", "2024-12-03", "day", True, id="soon-after"),
        pytest.param("May 5", "2024-05-05", "2024-05-05", "day", True, id="past-not-next-year"),
        pytest.param("in October", "2024-10-01", "2024-10-31", "month", True, id="month"),
        pytest.param("in January", "2024-01-01", "2024-01-31", "month", True, id="january-past"),
        pytest.param(
            "in October 2023", "2023-10-01", "2023-10-31", "month", False, id="month-year"
        ),
        pytest.param("since May", "2024-05-01", "2024-05-31", "month", True, id="may-month"),
        pytest.param(
            "in early October", "2024-10-01", "2024-10-10", "part_of_month", True, id="early"
        ),
        pytest.param(
            "mid-November", "2024-11-11", "2024-11-20", "part_of_month", True, id="mid-hyphen"
        ),
        pytest.param(
            "in mid October", "2024-10-11", "2024-10-20", "part_of_month", True, id="mid-space"
        ),
        pytest.param(
            "in late October", "2024-10-21", "2024-10-31", "part_of_month", True, id="late"
        ),
        pytest.param(
            "late February", "2024-02-21", "2024-02-29", "part_of_month", True, id="late-leap"
        ),
        pytest.param(
            "at the end of October", "2024-10-21", "2024-10-31", "part_of_month", True, id="end-of"
        ),
        pytest.param(
            "the beginning of November",
            "2024-11-01",
            "2024-11-10",
            "part_of_month",
            True,
            id="beginning-of",
        ),
        pytest.param(
            "earlier this month",
            "2024-11-01",
            "2024-11-19",
            "part_of_month",
            True,
            id="earlier-this-month",
        ),
        pytest.param(
            "later this month",
            "2024-11-21",
            "2024-11-30",
            "part_of_month",
            True,
            id="later-this-month",
        ),
        pytest.param(
            "early this month",
            "2024-11-01",
            "2024-11-10",
            "part_of_month",
            True,
            id="early-this-month",
        ),
        pytest.param(
            "late last month",
            "2024-10-21",
            "2024-10-31",
            "part_of_month",
            True,
            id="late-last-month",
        ),
        pytest.param("last month", "2024-10-01", "2024-10-31", "month", True, id="last-month"),
        pytest.param("this month", "2024-11-01", "2024-11-30", "month", True, id="this-month"),
        pytest.param("next month", "2024-12-01", "2024-12-31", "month", True, id="next-month"),
        pytest.param(
            "last week", "2024-11-11", "2024-11-17", "part_of_month", True, id="last-week"
        ),
        pytest.param(
            "earlier this week",
            "2024-11-18",
            "2024-11-19",
            "part_of_month",
            True,
            id="earlier-this-week",
        ),
        pytest.param(
            "over the weekend", "2024-11-16", "2024-11-17", "part_of_month", True, id="weekend"
        ),
        pytest.param("on Wednesday", "2024-11-20", "2024-11-20", "day", True, id="same-weekday"),
        pytest.param("on Monday", "2024-11-18", "2024-11-18", "day", True, id="monday"),
        pytest.param("Thursday", "2024-11-14", "2024-11-14", "day", True, id="thursday-past"),
        pytest.param(
            "last Wednesday", "2024-11-13", "2024-11-13", "day", True, id="last-same-weekday"
        ),
        pytest.param("next Tuesday", "2024-11-26", "2024-11-26", "day", True, id="next-weekday"),
        pytest.param("yesterday", "2024-11-19", "2024-11-19", "day", True, id="yesterday"),
        pytest.param("today", "2024-11-20", "2024-11-20", "day", True, id="today"),
    ],
)
def test_phrase_resolves_to_window(phrase, start, end, precision, inferred):
    w = resolve_phrase(phrase, WED)
    assert (w.start, w.end, w.precision, w.year_inferred) == (D(start), D(end), precision, inferred)


@pytest.mark.parametrize(
    "phrase",
    [
        "In recent weeks",
        "in recent days",
        "in the near future",
        "recently",
        "soon",
        "in the coming weeks",
        "earlier this year",
        "last year",
        "in 2023",
    ],
)
def test_vague_phrase_is_kept_as_words_with_unknown_precision(phrase):
    w = resolve_phrase(phrase, WED)
    assert (w.text.lower(), w.start, w.end, w.precision) == (phrase.lower(), None, None, "unknown")


@pytest.mark.parametrize(
    "text",
    ["They may attack again.", "31 February", "the M-1978 guns", "about 10,900 soldiers", "Mayday"],
)
def test_no_date_is_read_where_there_is_none(text):
    assert [w.start for w in find_dates(text, WED) if w.start] == []


@pytest.mark.parametrize(
    ("phrase", "precision", "start"),
    [
        pytest.param("on Wednesday", "unknown", None, id="weekday"),
        pytest.param("last week", "unknown", None, id="last-week"),
        pytest.param("earlier this month", "month", "2024-11-01", id="earlier-this-month"),
        pytest.param("on November 7", "day", "2024-11-07", id="absolute"),
    ],
)
def test_a_month_precise_publication_date_resolves_no_weekday(phrase, precision, start):
    w = resolve_phrase(phrase, date(2024, 11, 1), "month")
    assert (w.precision, w.start) == (precision, D(start) if start else None)


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        pytest.param("Kim will visit Moscow on Friday.", "2024-11-22", id="will-friday"),
        pytest.param(
            "They are expected to meet on Wednesday.", "2024-11-20", id="expected-same-day"
        ),
        pytest.param("Talks are scheduled for Monday.", "2024-11-25", id="scheduled-monday"),
        pytest.param("Kim visited Moscow on Friday.", "2024-11-15", id="past-friday"),
        pytest.param(
            "Kim will visit Russia, the NIS said on Monday.", "2024-11-18", id="said-monday"
        ),
    ],
)
def test_a_weekday_after_future_words_is_the_coming_one(sentence, day):
    (w,) = find_dates(sentence, WED)
    assert (w.start, w.precision) == (D(day), "day")


def test_dates_are_found_at_their_offsets_left_to_right():
    text = "On November 16 the paper said guns arrived in mid-November, earlier this month."
    found = find_dates(text, WED)
    assert [(w.text, w.offset) for w in found] == [
        ("November 16", 3),
        ("mid-November", 46),
        ("earlier this month", 60),
    ]
    assert all(text[w.offset : w.end_offset] == w.text for w in found)
