"""`python -m dashboard ingest`: what it stores, what it drafts, and every refusal."""

import hashlib
import json

import pytest

from dashboard.__main__ import main
from dashboard.data.dataset import dataset_version
from dashboard.ingest import DRAFT_COLUMNS, RULES_VERSION
from dashboard.ingest.command import ingest
from dashboard.schema import ARTICLE_OPTIONAL_FIELDS, ARTICLES, TABLES
from tests.ingest_support import FIXTURES, SEED_ID, args, copy_dataset, read_draft

WIRE = FIXTURES / "wire_copy.txt"


@pytest.fixture
def data(tmp_path):
    return copy_dataset(tmp_path)


def snapshot(root):
    return {p.relative_to(root): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def run_cli(capsys, *argv):
    code = main(["ingest", *map(str, argv)])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_ingest_stores_the_seed_and_drafts(data, capsys):
    code, out, err = run_cli(
        capsys,
        WIRE,
        "--publisher",
        "Synthetic Wire",
        "--published",
        "2024-11-20",
        "--title",
        "T",
        "--url",
        "https://example.invalid/a",
        "--data",
        data,
    )
    assert (code, err) == (0, "")
    seeds = data.parent / "seeds"
    new = sorted(p.stem for p in seeds.glob("*.txt") if p.stem != SEED_ID)
    raw = WIRE.read_bytes()
    sha = hashlib.sha256(raw).hexdigest()
    assert new == [f"001_{sha[:16]}"]
    article_id = new[0]
    assert (seeds / f"{article_id}.txt").read_bytes() == raw
    meta = json.loads((seeds / f"{article_id}.json").read_text("utf-8"))
    assert list(meta) == [c for c in ARTICLES.columns if c not in ARTICLE_OPTIONAL_FIELDS]
    assert (meta["sha256"], meta["publisher"], meta["date_published"]) == (
        sha,
        "Synthetic Wire",
        "2024-11-20",
    )
    assert (meta["date_published_precision"], meta["url"], meta["title"]) == (
        "day",
        "https://example.invalid/a",
        "T",
    )
    draft = read_draft(data, article_id)
    for name in ("events", "transfers", "actors", "locations", "claims"):
        assert list(draft[name].columns) == [*TABLES[name].columns, *DRAFT_COLUMNS]
        assert set(draft[name]["review"]) <= {"draft"}
    assert len(draft["events"]) >= 1
    assert set(draft["draft"]) == {
        "article_id",
        "dataset_version",
        "rules_version",
        "created",
        "rows",
    }
    assert draft["draft"]["dataset_version"] == dataset_version(data)  # taken after the seed
    assert draft["draft"]["rules_version"] == RULES_VERSION
    assert f"Stored {seeds / article_id}.txt" in out and "Left for the curator" in out


def test_every_drafted_passage_is_verbatim_at_its_offsets(data):
    ingest(args(WIRE, data))
    article_id = next((data / "drafts").iterdir()).name
    text = (data.parent / "seeds" / f"{article_id}.txt").read_text("utf-8")
    draft = read_draft(data, article_id)
    rows = [*draft["events"].itertuples(), *draft["transfers"].itertuples()]
    assert len(rows) >= 2
    for r in rows:
        assert text[int(r.passage_start) : int(r.passage_end)] == r.passage


def test_without_title_the_first_line_is_the_title(data):
    ingest(args(WIRE, data))
    meta_path = next(p for p in (data.parent / "seeds").glob("001_*.json"))
    assert (
        json.loads(meta_path.read_text("utf-8"))["title"]
        == "SYNTHETIC TEST TEXT — not a real article"
    )


def test_accepted_drafts_merge_as_drafted(tmp_path):
    """The drafted rows are valid dataset rows: accept them all and the merge passes."""
    from dashboard.ingest import review
    from dashboard.ingest.merge import merge_article

    data = copy_dataset(tmp_path)
    ingest(args(FIXTURES / "live_blog.txt", data, published="2024-12-03"))
    (article_id,) = review.list_drafts(data)
    draft = review.read_draft(data, article_id)
    for name, frame in draft.tables.items():
        review.save_table(draft, name, frame.assign(review="accepted"))
    # The one thing the curator must write: a proposed claim's stand-in proposition (the
    # merge refuses a stand-in left in an accepted row).
    claims = draft.tables["claims"].assign(review="accepted")
    written = claims["proposition"].str.removeprefix("(to be written) ")
    review.save_table(draft, "claims", claims.assign(proposition=written))
    result = merge_article(data, article_id, "tester")
    assert (result.ok, result.problems) == (True, [])


def test_events_without_a_fitting_claim_get_a_proposed_claim(data):
    ingest(args(WIRE, data))
    (article_id,) = [p.name for p in (data / "drafts").iterdir()]
    draft = read_draft(data, article_id)
    claims = draft["claims"].set_index("claim_id")
    used = set(draft["events"]["claim_id"])
    assert "" not in used
    proposed = [c for c in used if c.startswith("001-")]
    assert proposed and set(proposed) <= set(claims.index)
    assert all(claims.loc[c, "proposition"].startswith("(to be written) ") for c in proposed)


def test_a_month_only_date_is_stored_as_its_first_day_with_month_precision(data):
    ingest(args(WIRE, data, published="2024-11"))
    meta_path = next(p for p in (data.parent / "seeds").glob("001_*.json"))
    meta = json.loads(meta_path.read_text("utf-8"))
    assert (meta["date_published"], meta["date_published_precision"]) == ("2024-11-01", "month")


def write(path, data: bytes):
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "content", "over", "message"),
    [
        pytest.param("a.txt", b"", {}, "a.txt: the file is empty", id="empty"),
        pytest.param("a.txt", b"  \n\n ", {}, "a.txt: the file is empty", id="blank"),
        pytest.param(
            "a.txt",
            b"caf\xe9 au lait\n",
            {},
            "a.txt: not UTF-8 (byte 0xe9 on line 1)",
            id="not-utf8",
        ),
        pytest.param(
            "a.txt", b"text\x00more", {}, "a.txt: contains a NUL byte; not a text file", id="nul"
        ),
        pytest.param("a.pdf", b"%PDF", {}, "a.pdf: not a .txt, .html or .htm file", id="suffix"),
        pytest.param(
            "a.txt",
            b"Some text.",
            {"published": "2024-13-01"},
            "--published '2024-13-01': not a real date in the form YYYY-MM-DD or YYYY-MM",
            id="bad-month",
        ),
        pytest.param(
            "a.txt",
            b"Some text.",
            {"published": "20 Nov 2024"},
            "--published '20 Nov 2024': not a real date in the form YYYY-MM-DD or YYYY-MM",
            id="not-iso",
        ),
        pytest.param(
            "a.txt",
            b"Some text.",
            {"published": "2024-02-30"},
            "--published '2024-02-30': not a real date in the form YYYY-MM-DD or YYYY-MM",
            id="no-such-day",
        ),
        pytest.param(
            "a.html",
            b"<html><body><nav>Home | News | Contact</nav></body></html>",
            {},
            "a.html: no article text could be extracted from the page",
            id="no-article",
        ),
        pytest.param(
            "a.html",
            b"<html><body><p>Too short.</p></body></html>",
            {},
            "a.html: no article text could be extracted from the page",
            id="short-page",
        ),
    ],
)
def test_refusals_write_nothing(tmp_path, data, capsys, name, content, over, message):
    path = write(tmp_path / name, content)
    before = snapshot(data.parent)
    argv = [
        path,
        "--publisher",
        "P",
        "--published",
        over.get("published", "2024-11-20"),
        "--data",
        data,
    ]
    code, out, err = run_cli(capsys, *argv)
    assert (code, out) == (1, "")
    assert err.endswith(f"{message}\n") and err.count("\n") == 1
    assert snapshot(data.parent) == before


def test_missing_file_is_refused(tmp_path, data, capsys):
    code, _, err = run_cli(
        capsys,
        tmp_path / "nope.txt",
        "--publisher",
        "P",
        "--published",
        "2024-11-20",
        "--data",
        data,
    )
    assert (code, err) == (1, f"ingest refused: {tmp_path / 'nope.txt'}: file not found\n")


def test_a_text_already_in_the_dataset_is_refused_by_its_id(data, capsys):
    seed = data.parent / "seeds" / f"{SEED_ID}.txt"
    before = snapshot(data.parent)
    code, out, err = run_cli(
        capsys, seed, "--publisher", "P", "--published", "2024-11-20", "--data", data
    )
    assert (code, out) == (1, "")
    assert (
        err == f"ingest refused: {seed}: this text is already in the dataset as article {SEED_ID}\n"
    )
    assert snapshot(data.parent) == before


def test_the_same_file_twice_is_refused_the_second_time(data, capsys):
    assert (
        run_cli(capsys, WIRE, "--publisher", "P", "--published", "2024-11-20", "--data", data)[0]
        == 0
    )
    code, _, err = run_cli(
        capsys, WIRE, "--publisher", "P", "--published", "2024-11-20", "--data", data
    )
    assert code == 1 and "this text is already in the dataset as article 001_" in err


def test_a_saved_page_is_stored_as_its_extracted_text(tmp_path, data):
    body = " ".join(
        ["The ministry said the shipment of some 50 guns arrived in the port on Monday."] * 3
    )
    page = write(
        tmp_path / "page.html",
        f"<html><head><title>x</title></head><body><nav>Home Menu</nav><article><h1>Synthetic headline</h1><p>{body}</p></article><footer>Footer text</footer></body></html>".encode(),
    )
    summary = ingest(args(page, data))
    article_id = next((data / "drafts").iterdir()).name
    text = (data.parent / "seeds" / f"{article_id}.txt").read_text("utf-8")
    assert "some 50 guns" in text and "Home Menu" not in text and "Footer" not in text
    assert "events" in summary


def test_a_failure_while_writing_drafts_leaves_nothing(data, monkeypatch):
    from dashboard.ingest import command

    calls = []

    def failing(path, payload):
        calls.append(path)
        if path.name == "transfers.csv":
            raise OSError("disk full")
        from dashboard.ingest.store import write_atomic

        write_atomic(path, payload)

    before = snapshot(data.parent)
    monkeypatch.setattr(command, "write_atomic", failing)
    with pytest.raises(OSError):
        ingest(args(WIRE, data))
    assert len(calls) >= 3
    assert snapshot(data.parent) == before


def test_a_denial_takes_the_claim_of_what_it_answers(tmp_path):
    data = copy_dataset(tmp_path)
    ingest(args(FIXTURES / "translated_briefing.txt", data))
    (article_id,) = [p.name for p in (data / "drafts").iterdir()]
    events = read_draft(data, article_id)["events"].set_index("event_id")
    denial = events[events["event_type"] == "denial"].iloc[0]
    answered = denial["responds_to_event_ids"].split(";")
    assert answered and denial["claim_id"] == events.loc[answered[0], "claim_id"]
    assert "the claim of the rows it answers (claims rule)" in denial["drafted_by"]
