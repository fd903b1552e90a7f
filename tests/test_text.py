import pytest

from dashboard.builders.text import md


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("plain words", "plain words", id="plain"),
        pytest.param("nearly 50", "nearly 50", id="number"),
        pytest.param(
            "![](http://127.0.0.1:9/x.png)",
            "\\!\\[\\]\\(http\\:\u2060\\/\\/127\\.0\\.0\\.1\\:9\\/x\\.png\\)",
            id="image",
        ),
        pytest.param(
            '<iframe srcdoc="<script>">', r"\<iframe srcdoc\=\"\<script\>\"\>", id="iframe"
        ),
        pytest.param("$x^2$", r"\$x\^2\$", id="latex"),
        pytest.param(":red[alarm]", r"\:red\[alarm\]", id="directive"),
        pytest.param("a\nb\r\nc", "a b c", id="newlines"),
        pytest.param("Корея 북한", "Корея 북한", id="non-latin"),
        pytest.param(None, "", id="none"),
        # GFM autolink literals are found after escapes are resolved: a word joiner breaks them.
        pytest.param(
            "see http://127.0.0.2/u", "see http\\:\u2060\\/\\/127\\.0\\.0\\.2\\/u", id="bare-url"
        ),
        pytest.param("HTTPS://X.Y", "HTTPS\\:\u2060\\/\\/X\\.Y", id="bare-url-upper"),
        pytest.param("www.example.org", "www\u2060\\.example\\.org", id="www"),
        pytest.param("WWW.example.org", "WWW\u2060\\.example\\.org", id="www-upper"),
        pytest.param("ops@example.org", "ops\\@\u2060example\\.org", id="email"),
        pytest.param("awww.example.org", "awww\\.example\\.org", id="not-www"),
        pytest.param("xmpp:a@b.org", "xmpp\\:a\\@\u2060b\\.org", id="xmpp"),
        # A right-to-left override shows as one visible mark, not as reversed text.
        pytest.param("tr\u202e05 guns", "tr\ufffd05 guns", id="bidi-override"),
        pytest.param("\u2066\u2069\u200f", "\ufffd\ufffd\ufffd", id="bidi-isolates"),
    ],
)
def test_md_escapes_every_markdown_trigger(value, expected):
    assert md(value) == expected


def test_reader_keeps_blanks_outside_the_bold_marks():
    import pandas as pd

    from dashboard.web.reader import marked_text

    text = "Alpha beta. Gamma delta."
    passages = pd.DataFrame({"passage_start": [0, 6], "passage_end": [12, 24]})
    out = marked_text(text, passages, focus=0)
    assert out == (
        ":orange-background[**Alpha**] :gray[⟨2] :orange-background[**beta\\.**] "
        " :gray[\\[1\\]]:gray-background[Gamma delta\\.] :gray[\\[2\\]]"
    )


def test_reader_markers_are_links_and_the_chosen_one_bold():
    import pandas as pd

    from dashboard.builders.passages import marked_text

    passages = pd.DataFrame({"passage_start": [0, 12], "passage_end": [11, 24]})
    out = marked_text(
        "Alpha beta. Gamma delta.", passages, focus=1, href=lambda i: f"sources?passage={i + 1}"
    )
    assert out == (
        ":gray-background[Alpha beta\\.] [\\[1\\]](sources?passage=1) "
        ":orange-background[**Gamma delta\\.**] **[\\[2\\]](sources?passage=2)**"
    )


@pytest.mark.parametrize(
    ("href", "ok"),
    [
        pytest.param("sources?read=a_1&passage=4#marked-passage", True, id="own-page"),
        pytest.param("sources?actor=North%20Korea&passage=1", True, id="encoded"),
        pytest.param("row", True, id="bare-page"),
        pytest.param("javascript:alert(1)", False, id="scheme"),
        pytest.param("http://127.0.0.2/x", False, id="elsewhere"),
        pytest.param("//127.0.0.2/x", False, id="protocol-relative"),
        pytest.param("sources?x=a)![b](http://c", False, id="ends-the-link"),
        pytest.param("sources?x=a b", False, id="blank"),
    ],
)
def test_link_takes_only_the_apps_own_addresses(href, ok):
    from dashboard.builders.text import link

    if ok:
        assert link("[4]", href) == f"[\\[4\\]]({href})"
    else:
        with pytest.raises(ValueError, match="not an address inside this app"):
            link("[4]", href)


@pytest.mark.parametrize(
    ("frame", "expected"),
    [
        pytest.param(
            {"a": ["x\u202ey", None, "x\u202ey"]}, ["x\ufffdy", None, "x\ufffdy"], id="hit"
        ),
        pytest.param({"a": ["plain", None]}, ["plain", None], id="none"),
    ],
)
def test_bidi_controls_are_shown_in_frames_without_moving_offsets(frame, expected):
    import pandas as pd

    from dashboard.data.bidi import show_bidi_in_frame

    out = show_bidi_in_frame(pd.DataFrame(frame, dtype=object))
    assert out["a"].tolist() == expected
    assert [len(v) for v in out["a"].dropna()] == [len(v) for v in frame["a"] if v]


def test_loaded_dataset_shows_bidi_controls_and_keeps_passages_at_their_offsets(tmp_path):
    import shutil

    from dashboard.data.dataset import REPO_ROOT, load_dataset

    shutil.copytree(REPO_ROOT / "datasets", tmp_path / "datasets")
    shutil.copytree(REPO_ROOT / "seeds", tmp_path / "seeds")
    path = tmp_path / "datasets" / "events.csv"
    text = path.read_text(encoding="utf-8")
    first_summary = load_dataset(tmp_path / "datasets").events["summary"].iloc[0]
    assert text.count(first_summary) >= 1
    path.write_text(text.replace(first_summary, "\u202e" + first_summary, 1), encoding="utf-8")
    ds = load_dataset(tmp_path / "datasets")
    assert ds.events["summary"].iloc[0] == "\ufffd" + first_summary
    rows = list(ds.events.itertuples())
    assert rows
    for row in rows:
        assert ds.seeds[row.article_id][row.passage_start : row.passage_end] == row.passage
