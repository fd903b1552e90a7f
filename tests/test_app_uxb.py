"""AppTests for the Row page, the search box, context-keeping filters, date honesty and URL
dates: what each shows, by exact values."""

import json
from datetime import date

import pytest
import streamlit as st

from dashboard.builders.text import md
from tests.test_app import PAGES, no_html, plotly, run

TABS = ("Events", "Transfers", "Locations")  # the Data page's tabs: only the open one is sent


@pytest.fixture(autouse=True)
def _fresh(monkeypatch):
    monkeypatch.delenv("DASHBOARD_DATA_DIR", raising=False)
    st.cache_data.clear()
    st.cache_resource.clear()
    yield


def sidebar_notices(at):
    return [w.value for w in at.sidebar.warning]


def test_row_page_opens_a_transfer_in_words():
    at = run("row", query={"id": "000-tr03"})
    assert not at.exception and no_html(at) == []
    assert [s.value for s in at.subheader] == [r"Transfer or deployment 000\-tr03"]
    (table,) = [m.value for m in at.markdown if m.value.startswith("| Field | Value |")]
    assert r"| Supplier | North Korea \(north\-korea\) |" in table.splitlines()
    assert "| Quantity as stated | nearly 50 |" in table.splitlines()
    passage = [m.value for m in at.markdown if ":orange-background[**" in m.value]
    assert len(passage) == 1
    assert passage[0].startswith(r":orange-background[**On November 16\, the Financial Times")
    assert passage[0].endswith(r"with North Korean troops assisting in this operation\.")
    links = [m.value for m in at.markdown if "row?id=000-ev10" in m.value]
    assert links == [
        r"- [000\-ev10](row?id=000-ev10) · Financial Times\: North Korea delivered nearly 50 M\-1978 Koksan howitzers and 20 upgraded 240mm MRLs\, now in the Kursk region"
    ]


def test_row_page_lists_what_a_denial_answers():
    at = run("row", query={"id": "000-ev18"})
    lines = "\n".join(m.value for m in at.markdown)
    assert "**Answered by** (2)" in lines
    assert "[000\\-ev20](row?id=000-ev20)" in lines and "[000\\-ev21](row?id=000-ev21)" in lines


@pytest.mark.parametrize(
    "row_id", ["000-tr99", "<img src=x onerror=alert(1)>", "![b](http://127.0.0.2/u.png)"]
)
def test_row_page_unknown_id_is_a_notice(row_id):
    at = run("row", query={"id": row_id})
    assert not at.exception and no_html(at) == []
    assert [w.value for w in at.main.warning] == [
        f"No row has the id “{md(row_id)}” in this dataset (version {md(at.session_state['_ctx'].ds.version)}). Search for it in the sidebar."
    ]
    assert not [m for m in at.markdown if m.value.startswith("| Field")]


def test_row_page_shared_id_shows_both_rows():
    at = run("row", query={"id": "russia"})
    assert [s.value for s in at.subheader] == ["Place russia", "Actor russia"]


@pytest.mark.parametrize(
    ("query", "ids"),
    [
        pytest.param("M1989", ["000-tr03", "000-tr05"], id="koksan"),
        pytest.param("Uragan", ["000-tr04", "000-tr03", "000-ev10"], id="launchers"),
        pytest.param(
            "Choe", ["choe-son-hui", "000-ev06", "000-ev07", "choe-visit"], id="foreign-minister"
        ),
    ],
)
def test_search_box_from_the_url_lists_linked_rows(query, ids):
    at = run(query={"q": query})
    assert at.sidebar.text_input(key="q").value == query
    listed = at.sidebar.markdown[0].value.splitlines()
    assert [line.split("](row?id=")[1].split(")")[0] for line in listed] == ids
    assert at.sidebar.caption[0].value == f"{len(ids)} row(s) hold “{query}”:"


def test_search_box_typed():
    at = run()
    at.sidebar.text_input(key="q").set_value("zzzz").run()
    assert at.sidebar.caption[0].value == "No row holds “zzzz”."


def test_troops_filter_keeps_the_denials_marked():
    at = run(query={"actor": ["North Korea · North Korean troops"]})
    # the contested rows are one element, a paragraph each
    paragraphs = [p for m in at.markdown for p in m.value.split("\n\n")]
    lines = [p for p in paragraphs if "answers a shown row" in p]
    assert len(lines) == 3
    assert lines[0].startswith(
        "**denies** · North Korea: The North Korean government initially denied"
    )
    at.switch_page(PAGES["sources"]).run()
    answers = at.dataframe[1].value
    assert list(answers["shown because"]) == ["answers a shown row"] * 5
    assert list(answers["when"]) == ["initially"] * 4 + ["21–31 Oct 2024"]
    assert (
        answers["in their words"]
        .iloc[0]
        .startswith("However, both the North Korean government and Russia initially denied")
    )


def test_undated_counts_on_pages_and_sidebar():
    at = run("timeline")
    at.sidebar.date_input(key="dates").set_value((date(2024, 11, 15), date(2024, 11, 20))).run()
    assert "8 dated in range · 13 undated included" in [c.value for c in at.sidebar.caption]
    assert at.main.markdown[0].value.endswith(
        md("— 21 events, 8 transfers · 8 dated in range · 13 undated included.")
    )
    shapes = plotly(at)["layout"]["shapes"]
    assert [(s["x0"][:10], s["x1"][:10]) for s in shapes if s.get("name") == "chosen range"] == [
        ("2024-11-15", "2024-11-21")
    ]
    at.switch_page(PAGES["overview"]).run()
    assert [m.value for m in at.metric][2] == "15 Nov – 20 Nov"


def test_date_basis_from_the_url():
    at = run("data", query={"date_on": "happened", "undated": "false"})
    assert at.sidebar.radio(key="date_on").value == "happened"
    assert list(at.dataframe[0].value["id"]) == ["000-ev06", "000-ev07", "000-ev23"]
    assert "3 dated rows · undated left out" in [c.value for c in at.sidebar.caption]


@pytest.mark.parametrize(
    ("dates", "notice", "shown"),
    [
        pytest.param(
            ["2024-11-20", "2024-11-15"],
            "Swapped from the link: dates ‘2024-11-20’, ‘2024-11-15’ were reversed; read as 2024-11-15 to 2024-11-20.",
            21,
            id="reversed",
        ),
        pytest.param(
            ["2024-11-01", "2024-11-10", "2024-11-15"],
            "Ignored from the link: dates ‘2024-11-01’, ‘2024-11-10’, ‘2024-11-15’ (a range takes two dates); no date filter is applied.",
            24,
            id="three",
        ),
        pytest.param(
            ["2024-13-01", "2024-11-15"],
            "Ignored from the link: dates ‘2024-13-01’, ‘2024-11-15’ (‘2024-13-01’ is not a YYYY-MM-DD date); no date filter is applied.",
            24,
            id="invalid",
        ),
        pytest.param(
            ["2020-01-01", "2024-11-15"],
            "Ignored from the link: dates ‘2020-01-01’, ‘2024-11-15’ (outside the data's dates, 2024-10-21 to 2024-11-20); no date filter is applied.",
            24,
            id="out-of-span",
        ),
    ],
)
def test_url_dates_get_the_sidebar_notice(dates, notice, shown):
    at = run("data", query={"dates": dates})
    assert not at.exception
    assert sidebar_notices(at) == [md(notice)]
    assert len(at.dataframe[0].value) == shown


def test_data_grid_links_each_row_to_its_page():
    at = run("data")
    grid = at.dataframe[0].value
    assert list(grid.columns[:4]) == ["row page", "id", "Article", "Event type"]
    assert grid["row page"].iloc[0] == "row?id=000-ev01"


def test_data_grid_reads_in_words():
    at = run("data")
    events = at.dataframe[0].value
    transfers, places = (run("data", query={"table": t}).dataframe[0].value for t in TABS[1:])
    first = events.iloc[0]
    assert (first["id"], first["Event type"], first["Claimant (who says so)"]) == (
        "000-ev01",
        "arms transfer",
        "National Intelligence Service (NIS) (nis)",
    )
    assert first["Article"] == "Caliber.Az · 2024-11-20"
    assert set(transfers["Status"]) == {"delivered", "in transit", "deployed"}
    assert transfers["Caliber (mm)"].tolist()[:3] == ["—", "—", "170"]
    kursk = places.set_index("id").loc["kursk-oblast"]
    assert kursk["What the point stands for"] == "a city standing for its region"
    assert (kursk["Latitude (degrees)"], kursk["Longitude (degrees)"]) == ("51.7", "36.2")
    russia = places.set_index("id").loc["russia"]
    assert (russia["Latitude (degrees)"], russia["Longitude (degrees)"]) == ("60", "100")
    config = json.loads(at.dataframe[0].proto.columns)
    assert config["Claimant (who says so)"]["help"].endswith(
        "(column `claimant_actor_id` in the downloads)"
    )


def test_typed_dates_apply_and_follow_the_calendar():
    at = run("data")
    assert [at.sidebar.text_input(key=k).value for k in ("date_from", "date_to")] == [
        "2024-10-21",
        "2024-11-20",
    ]
    at.sidebar.text_input(key="date_from").set_value("15 Nov 2024").run()
    assert at.sidebar.date_input(key="dates").value == (date(2024, 11, 15), date(2024, 11, 20))
    assert "8 dated in range · 13 undated included" in [c.value for c in at.sidebar.caption]
    assert at.sidebar.text_input(key="date_from").value == "2024-11-15"  # shown as applied
    at.sidebar.text_input(key="date_to").set_value("2024-11-31").run()
    assert [e.value for e in at.sidebar.error] == [
        md("To: ‘2024-11-31’ is not a date. Type it as 2024-11-15, 15 Nov 2024 or 15.11.2024.")
    ]
    assert at.sidebar.text_input(key="date_to").value == "2024-11-31"  # kept to correct it
    assert at.sidebar.date_input(key="dates").value == (date(2024, 11, 15), date(2024, 11, 20))
    at.sidebar.date_input(key="dates").set_value((date(2024, 11, 1), date(2024, 11, 3))).run()
    assert [e.value for e in at.sidebar.error] == []
    assert [at.sidebar.text_input(key=k).value for k in ("date_from", "date_to")] == [
        "2024-11-01",
        "2024-11-03",
    ]


@pytest.mark.parametrize(
    ("query", "notice"),
    [
        pytest.param(
            {"read": "000_8ce4acc91b2e9f2a", "passage": "20"},
            "The link's passage number is not one of this article's 19.",
            id="no-such-passage",
        ),
        pytest.param(
            {"read": "<img src=x>", "passage": "1"},
            f"The link's article ‘{md('<img src=x>')}’ has no row under these filters.",
            id="no-such-article",
        ),
    ],
)
def test_a_marker_link_that_does_not_fit_is_a_notice(query, notice):
    at = run("sources", query=query)
    assert not at.exception and no_html(at) == []
    assert [w.value for w in at.main.warning] == [notice]
    assert not [c for c in at.caption if "is highlighted in orange" in c.value]
