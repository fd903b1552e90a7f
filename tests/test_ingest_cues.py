"""Attribution and stance cues: who claims, whom they cite, what they do with the claim."""

import pandas as pd
import pytest

from dashboard.ingest.actors import ActorFinder
from dashboard.ingest.attribution import find_attribution
from dashboard.ingest.stance import read_stance

ACTORS = pd.DataFrame(
    [
        ("north-korea", "North Korea", "state", "KP", "the North Korean government"),
        ("russia", "Russia", "state", "RU", ""),
        ("south-korea", "South Korea", "state", "KR", ""),
        ("nis", "National Intelligence Service (NIS)", "intelligence_agency", "KR", ""),
        ("pentagon", "Pentagon", "ministry", "US", ""),
        ("state-dept", "US State Department", "ministry", "US", ""),
        ("park", "Park Sung-won", "person", "KR", "Park Sun-won (the usual romanisation)"),
        ("wire", "Synthetic Wire", "media_outlet", "", ""),
        ("gazette", "The Sample Gazette", "media_outlet", "", ""),
    ],
    columns=["actor_id", "name", "kind", "country", "aliases"],
)
FINDER = ActorFinder(ACTORS)


def attribute(text, previous=None, same_paragraph=False):
    return find_attribution(text, FINDER.find(text), "wire", previous, same_paragraph)


def claimants(a):
    return [m.actor_id or m.text for m in a.claimants]


@pytest.mark.parametrize(
    ("text", "who", "cited", "cue"),
    [
        pytest.param("The NIS said 3,000 troops arrived.", ["nis"], None, "said", id="said"),
        pytest.param(
            "Park Sung-won told lawmakers the guns had arrived.",
            ["park"],
            None,
            "told",
            id="told-lawmakers",
        ),
        pytest.param(
            "Guns arrived, according to the NIS.", ["nis"], None, "according to", id="according-to"
        ),
        pytest.param(
            "Troops fought, as reported by lawmaker Park Sung-won, who cited the NIS.",
            ["park"],
            "nis",
            "as reported by",
            id="reported-by-citing",
        ),
        pytest.param(
            "South Korea confirmed the shipment.",
            ["south-korea"],
            None,
            "confirmed",
            id="confirmed",
        ),
        pytest.param(
            "The Sample Gazette reported, citing the NIS, that guns arrived.",
            ["gazette"],
            "nis",
            "reported",
            id="citing",
        ),
        pytest.param(
            "North Korea and Russia denied the reports.",
            ["north-korea", "russia"],
            None,
            "denied",
            id="two-deny",
        ),
        pytest.param(
            "A South Korean intelligence assessment has found that troops arrived.",
            ["South Korean intelligence"],
            None,
            "has found",
            id="assessment-found",
        ),
        pytest.param(
            '"They arrived," said Defence Minister Kim Sample.',
            ["Kim Sample"],
            None,
            "said",
            id="inverted-said",
        ),
        pytest.param(
            "Earlier reports from the Pentagon and the US State Department indicating that troops fought were denied.",
            ["pentagon", "state-dept"],
            None,
            "indicating",
            id="reports-noun-not-cue",
        ),
        pytest.param(
            "Lawmaker Park Sun-won said on Wednesday that shells were sent.",
            ["park"],
            None,
            "said",
            id="alias",
        ),
        pytest.param(
            "Russia's foreign ministry spokeswoman Maria Sample called the report baseless.",
            ["Maria Sample"],
            None,
            "called",
            id="called-baseless",
        ),
        pytest.param(
            "Pyongyang denied sending any weapons.", ["north-korea"], None, "denied", id="capital"
        ),
        pytest.param(
            "SEOUL, Dec. 4 (Synthetic Wire) -- Troops moved, officials said.",
            [],
            None,
            "",
            id="dateline-capital-is-no-claimant",
        ),
        pytest.param(
            "Synthetic Wire reports via the NIS that troops fought.",
            [],
            "nis",
            "",
            id="publisher-relay-is-no-claimant",
        ),
    ],
)
def test_attribution_cues(text, who, cited, cue):
    a = attribute(text)
    assert claimants(a) == who
    assert (a.cited.actor_id if a.cited else None) == cited
    assert a.cue.lower() == cue


def test_a_claimant_carries_over_within_a_paragraph_flagged_contextual():
    first = attribute("The NIS said 3,000 troops arrived.")
    second = attribute("They were sent to the front.", first, same_paragraph=True)
    assert (second.kind, claimants(second)) == ("contextual", ["nis"])


@pytest.mark.parametrize(
    ("text", "same_paragraph"),
    [
        pytest.param("They were sent to the front.", False, id="new-paragraph"),
        pytest.param("However, the number of casualties is unknown.", True, id="turn"),
        pytest.param("There are indications of more shipments.", True, id="there-are"),
    ],
)
def test_no_carry_over_across_paragraphs_or_turns(text, same_paragraph):
    first = attribute("The NIS said 3,000 troops arrived.")
    a = attribute(text, first, same_paragraph)
    assert (a.kind, claimants(a)) == ("unattributed", [])


@pytest.mark.parametrize(
    ("text", "stance", "words"),
    [
        pytest.param(
            "The NIS confirmed that guns arrived.", "confirms", "confirmed", id="confirmed"
        ),
        pytest.param("Both initially denied these reports.", "denies", "denied", id="denied"),
        pytest.param(
            "Officials dismissed them as fibs and hype.",
            "denies",
            "dismissed them as fibs",
            id="fibs",
        ),
        pytest.param(
            "Moscow dismissed the reports as fake news.",
            "denies",
            "dismissed the reports as fake",
            id="fake",
        ),
        pytest.param("The ministry rejected the claim.", "denies", "rejected", id="rejected"),
        pytest.param(
            "The Pentagon has not confirmed the report.",
            "uncertain",
            "has not confirmed",
            id="has-not-confirmed",
        ),
        pytest.param(
            "Seoul could not independently verify the figure.",
            "uncertain",
            "could not independently verify",
            id="not-verified",
        ),
        pytest.param(
            "He would neither confirm nor deny it.",
            "uncertain",
            "neither confirm nor deny",
            id="neither-nor",
        ),
        pytest.param(
            "He has not outright denied it, and acknowledged the images could be accurate.",
            "acknowledges",
            "acknowledged",
            id="acknowledged",
        ),
        pytest.param(
            "The Kremlin admitted troops were present.", "acknowledges", "admitted", id="admitted"
        ),
        pytest.param(
            "The number is still under investigation.",
            "uncertain",
            "under investigation",
            id="investigation",
        ),
        pytest.param("Kim could make a visit in the near future.", "expects", "could", id="could"),
        pytest.param("More shipments are expected soon.", "expects", "are expected", id="expected"),
        pytest.param("The ministry said troops arrived.", "reports", "", id="plain"),
    ],
)
def test_stance_cues(text, stance, words):
    s = read_stance(text)
    assert (s.stance, s.words) == (stance, words)
