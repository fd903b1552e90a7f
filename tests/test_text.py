import pytest

from dashboard.builders.text import md


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("plain words", "plain words", id="plain"),
        pytest.param("nearly 50", "nearly 50", id="number"),
        pytest.param(
            "![](http://127.0.0.1:9/x.png)",
            r"\!\[\]\(http\:\/\/127\.0\.0\.1\:9\/x\.png\)",
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
        ":orange-background[**Alpha**] :orange-background[**beta\\.**] "
        " :gray[\\[1\\]]:blue-background[Gamma delta\\.] :gray[\\[2\\]]"
    )
