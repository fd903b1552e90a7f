"""Five synthetic articles (wire copy, ministry release, translated briefing, live blog, agency
wire) drafted
from scratch, and the rows a curator should find in each draft."""

import pytest

from dashboard.ingest.command import ingest
from tests.ingest_support import FIXTURES, args, copy_dataset, read_draft

EVENT_KEYS = (
    "event_type",
    "claimant_actor_id",
    "attribution",
    "stance",
    "date_start",
    "date_end",
    "date_precision",
    "report_date_start",
    "report_date_precision",
)
TRANSFER_KEYS = (
    "supplier_actor_id",
    "recipient_actor_id",
    "system_name",
    "category",
    "quantity_as_stated",
    "quantity_qualifier",
    "quantity_low",
    "quantity_high",
    "status",
)

ARTICLES = {
    "wire_copy": (
        "2024-11-20",
        "Synthetic Wire",
        [
            (
                "SEOUL, Nov 20 (Synthetic Wire) - North Korea has shipped",
                (
                    "arms_transfer",
                    "defence-ministry",
                    "explicit",
                    "reports",
                    "",
                    "",
                    "unknown",
                    "2024-11-20",
                    "day",
                ),
            ),
            (
                "The guns arrived",
                (
                    "arms_transfer",
                    "defence-ministry",
                    "contextual",
                    "reports",
                    "2024-11-11",
                    "2024-11-17",
                    "part_of_month",
                    "2024-11-20",
                    "day",
                ),
            ),
            (
                "A ministry spokesman",
                (
                    "combat",
                    "defence-ministry",
                    "contextual",
                    "reports",
                    "2024-11-11",
                    "2024-11-20",
                    "part_of_month",
                    "2024-11-20",
                    "day",
                ),
            ),
            (
                "The Kremlin has not",
                (
                    "troop_deployment",
                    "kremlin",
                    "explicit",
                    "uncertain",
                    "",
                    "",
                    "unknown",
                    "",
                    "unknown",
                ),
            ),
            (
                "Russian officials dismissed",
                (
                    "denial",
                    "russian-officials",
                    "explicit",
                    "denies",
                    "2024-11-18",
                    "2024-11-18",
                    "day",
                    "2024-11-18",
                    "day",
                ),
            ),
        ],
        [
            (
                "north-korea",
                "russia",
                "Koksan 170 mm self-propelled gun",
                "self_propelled_howitzer",
                "some 50",
                "about",
                "45",
                "55",
                "delivered",
            ),
            (
                "north-korea",
                "",
                "North Korean troops",
                "personnel",
                "at least 3,000",
                "at_least",
                "3000",
                "",
                "deployed",
            ),
        ],
    ),
    "ministry_release": (
        "2024-11-18",
        "Ministry of Defence of Ukraine",
        [
            (
                "The Ministry of Defence of Ukraine reports",
                (
                    "arms_transfer",
                    "ministry-of-defence-of-ukraine",
                    "explicit",
                    "reports",
                    "2024-10-01",
                    "2024-10-10",
                    "part_of_month",
                    "",
                    "unknown",
                ),
            ),
            (
                "According to the Defence",
                (
                    "troop_deployment",
                    "defence-intelligence-directorate",
                    "explicit",
                    "reports",
                    "",
                    "",
                    "unknown",
                    "",
                    "unknown",
                ),
            ),
            (
                "The ministry confirmed",
                (
                    "arms_transfer",
                    "ministry-of-defence-of-ukraine",
                    "contextual",
                    "confirms",
                    "2024-11-14",
                    "2024-11-14",
                    "day",
                    "",
                    "unknown",
                ),
            ),
        ],
        [
            (
                "north-korea",
                "russia",
                "Koksan 170 mm self-propelled gun",
                "self_propelled_howitzer",
                "up to 120",
                "up_to",
                "0",
                "120",
                "delivered",
            ),
            (
                "north-korea",
                "russia",
                "KN-23 ballistic missiles",
                "ballistic_missile",
                "dozens of",
                "dozens",
                "24",
                "99",
                "delivered",
            ),
            (
                "north-korea",
                "russia",
                "North Korean troops",
                "personnel",
                "between 11,000 and 12,000",
                "range",
                "11000",
                "12000",
                "deployed",
            ),
            (
                "north-korea",
                "russia",
                "240 mm multiple rocket launcher",
                "multiple_rocket_launcher",
                "",
                "unstated",
                "",
                "",
                "observed",
            ),
        ],
    ),
    "translated_briefing": (
        "2024-11-20",
        "Synthetic Briefing Desk",
        [
            (
                "The National Intelligence Service (NIS) told",
                (
                    "troop_deployment",
                    "nis",
                    "explicit",
                    "reports",
                    "",
                    "",
                    "unknown",
                    "2024-11-19",
                    "day",
                ),
            ),
            (
                "According to lawmaker",
                (
                    "casualties",
                    "kim-example",
                    "explicit",
                    "reports",
                    "2024-10-21",
                    "2024-10-31",
                    "part_of_month",
                    "",
                    "unknown",
                ),
            ),
            (
                "The agency said",
                (
                    "arms_transfer",
                    "nis",
                    "contextual",
                    "reports",
                    "2024-11-01",
                    "2024-11-19",
                    "part_of_month",
                    "",
                    "unknown",
                ),
            ),
            (
                "Pyongyang denied",
                ("denial", "north-korea", "explicit", "denies", "", "", "unknown", "", "unknown"),
            ),
        ],
        [
            (
                "north-korea",
                "russia",
                "North Korean troops",
                "personnel",
                "approximately 10,900",
                "approximately",
                "10850",
                "10950",
                "deployed",
            ),
            (
                "north-korea",
                "russia",
                "artillery shells",
                "artillery_ammunition",
                "about two million",
                "about",
                "1500000",
                "2500000",
                "delivered",
            ),
        ],
    ),
    "live_blog": (
        "2024-12-03",
        "Synthetic Live",
        [
            (
                "Ukrainian President",
                (
                    "report",
                    "volodymyr-zelenskyy",
                    "explicit",
                    "reports",
                    "",
                    "",
                    "unknown",
                    "2024-12-03",
                    "day",
                ),
            ),
            (
                "He added",
                (
                    "casualties",
                    "volodymyr-zelenskyy",
                    "contextual",
                    "reports",
                    "",
                    "",
                    "unknown",
                    "2024-12-03",
                    "day",
                ),
            ),
            (
                "The Pentagon estimated",
                (
                    "arms_transfer",
                    "pentagon",
                    "explicit",
                    "reports",
                    "",
                    "",
                    "unknown",
                    "2024-11-01",
                    "month",
                ),
            ),
        ],
        [
            (
                "north-korea",
                "russia",
                "North Korean troops",
                "personnel",
                "more than 11,000",
                "over",
                "11001",
                "",
                "deployed",
            ),
            (
                "north-korea",
                "russia",
                "Koksan 170 mm self-propelled gun",
                "self_propelled_howitzer",
                "fewer than 20",
                "under",
                "0",
                "19",
                "delivered",
            ),
        ],
    ),
    "agency_wire": (
        "2024-12-04",
        "Sample News",
        [
            (
                "SEOUL, Dec. 4 (Sample News) -- North Korea appears",
                (
                    "troop_deployment",
                    "joint-chiefs-of-staff",
                    "explicit",
                    "reports",
                    "",
                    "",
                    "unknown",
                    "2024-12-04",
                    "day",
                ),
            ),
            (
                '"We are closely monitoring',
                (
                    "troop_deployment",
                    "joint-chiefs-of-staff",
                    "contextual",
                    "reports",
                    "",
                    "",
                    "unknown",
                    "2024-12-04",
                    "day",
                ),
            ),
            (
                "The United States has estimated",
                (
                    "arms_transfer",
                    "united-states",
                    "explicit",
                    "reports",
                    "2023-08-01",
                    "2023-08-31",
                    "month",
                    "",
                    "unknown",
                ),
            ),
            (
                "Russia's foreign ministry spokeswoman",
                (
                    "denial",
                    "maria-sample",
                    "explicit",
                    "denies",
                    "2024-11-28",
                    "2024-11-28",
                    "day",
                    "2024-11-28",
                    "day",
                ),
            ),
            (
                "Kim Jong-un is expected",
                (
                    "expected_event",
                    "diplomatic-sources",
                    "explicit",
                    "expects",
                    "",
                    "",
                    "unknown",
                    "",
                    "unknown",
                ),
            ),
        ],
        [
            (
                "north-korea",
                "russia",
                "North Korean troops",
                "personnel",
                "around 1,000",
                "about",
                "500",
                "1500",
                "deployed",
            ),
            (
                "north-korea",
                "russia",
                "containers of munitions",
                "artillery_ammunition",
                "more than 20,000",
                "over",
                "20001",
                "",
                "delivered",
            ),
        ],
    ),
}


@pytest.fixture(scope="module")
def drafts(tmp_path_factory):
    out = {}
    for name, (published, publisher, _, _) in ARTICLES.items():
        data = copy_dataset(tmp_path_factory.mktemp(name))
        ingest(args(FIXTURES / f"{name}.txt", data, published=published, publisher=publisher))
        article_id = next((data / "drafts").iterdir()).name
        text = (data.parent / "seeds" / f"{article_id}.txt").read_text("utf-8")
        out[name] = (read_draft(data, article_id), text)
    return out


@pytest.mark.parametrize("name", list(ARTICLES))
def test_fixture_is_titled_synthetic(name):
    first = (FIXTURES / f"{name}.txt").read_text("utf-8").splitlines()[0]
    assert first == "SYNTHETIC TEST TEXT — not a real article"


@pytest.mark.parametrize("name", list(ARTICLES))
def test_expected_events(drafts, name):
    draft, _ = drafts[name]
    events = draft["events"]
    expected = ARTICLES[name][2]
    assert len(events) == len(expected)
    for (opening, values), row in zip(expected, events.itertuples(), strict=True):
        assert row.passage.startswith(opening)
        assert tuple(getattr(row, k) for k in EVENT_KEYS) == values, opening


@pytest.mark.parametrize("name", list(ARTICLES))
def test_expected_transfers(drafts, name):
    draft, _ = drafts[name]
    got = [tuple(getattr(r, k) for k in TRANSFER_KEYS) for r in draft["transfers"].itertuples()]
    assert got == ARTICLES[name][3]


@pytest.mark.parametrize("name", list(ARTICLES))
def test_passages_verbatim_and_every_filled_field_explained(drafts, name):
    draft, text = drafts[name]
    rows = [*draft["events"].itertuples(), *draft["transfers"].itertuples()]
    assert rows
    for r in rows:
        assert text[int(r.passage_start) : int(r.passage_end)] == r.passage
        assert r.review == "draft"
        assert "(attribution rule" in r.drafted_by or "(transfers rule" in r.drafted_by


def test_drafted_by_names_rule_and_words(drafts):
    draft, _ = drafts["wire_copy"]
    row = draft["transfers"].iloc[0]
    assert (
        'quantity_as_stated: "some 50" → about 45..55 (quantities rule: some)' in row["drafted_by"]
    )
    event = draft["events"].iloc[0]
    assert (
        '"Defence Ministry" + "said" → claimant (attribution rule: "said")' in event["drafted_by"]
    )


def test_new_actors_and_places_are_drafted_with_their_basis(drafts):
    draft, _ = drafts["ministry_release"]
    places = draft["locations"].set_index("location_id")
    assert places.loc["belgorod-region", ["kind", "country", "geo_precision"]].tolist() == [
        "region",
        "RU",
        "city_for_region",
    ]
    actors = draft["actors"].set_index("actor_id")
    assert actors.loc["ministry-of-defence-of-ukraine", ["kind", "country"]].tolist() == [
        "ministry",
        "UA",
    ]
    assert "new actor" in actors.loc["defence-intelligence-directorate", "drafted_by"]


def test_relation_hints_mark_restatements_and_disagreements(drafts):
    briefing, _ = drafts["translated_briefing"]
    assert briefing["transfers"].iloc[0]["relation_hint"] == "same as 000-tr06"
    blog, _ = drafts["live_blog"]
    assert blog["transfers"].iloc[1]["relation_hint"] == "differs from 000-tr03"
