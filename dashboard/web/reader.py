"""The article reader: the seed text with every cited passage highlighted and linked to its rows.

Built from escaped Markdown only (dashboard.text.md): no seed or data text reaches raw HTML.
Choosing a row highlights its passage in place; choosing a passage lists its rows.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from dashboard.builders.text import md
from dashboard.views import tallies
from dashboard.views.filters import View
from dashboard.web import links

FOCUS = "reader_focus"


def _rows(ctx) -> pd.DataFrame:
    ev, tr = ctx.view.events, ctx.view.transfers
    return pd.concat(
        [
            pd.DataFrame(
                {
                    "row_id": ev["event_id"],
                    "table": "events",
                    "summary": ev["summary"],
                    "article_id": ev["article_id"],
                    "passage_start": ev["passage_start"],
                }
            ),
            pd.DataFrame(
                {
                    "row_id": tr["transfer_id"],
                    "table": "transfers",
                    "summary": tr["quantity_as_stated"].fillna("") + " " + tr["system_as_written"],
                    "article_id": tr["article_id"],
                    "passage_start": tr["passage_start"],
                }
            ),
        ],  # fmt: skip
        ignore_index=True,
    )


def _wrap(line: str, opening: str, closing: str) -> str:
    """Markup around the words only: '** x**' is not bold, so blanks stay outside the marks."""
    core = line.strip()
    if not core:
        return md(line)
    lead, trail = line[: len(line) - len(line.lstrip())], line[len(line.rstrip()) :]
    return f"{md(lead)}{opening}{md(core)}{closing}{md(trail)}"


def marked_text(text: str, passages: pd.DataFrame, focus: int | None) -> str:
    """The text as Markdown: cited passages on a blue background, the focused one orange and
    bold, each passage's number [n] after it."""
    out = []
    ends = {int(e): [] for e in passages["passage_end"]}
    for i, e in enumerate(passages["passage_end"]):
        ends[int(e)].append(i)
    position = 0
    for segment, covering in tallies.reader_segments(text, passages):
        for k, line in enumerate(segment.split("\n")):
            if k:
                out.append("\n\n")
            if not line:
                continue
            if focus is not None and focus in covering:
                out.append(_wrap(line, ":orange-background[**", "**]"))
            elif covering:
                out.append(_wrap(line, ":blue-background[", "]"))
            else:
                out.append(md(line))
        position += len(segment)
        for i in ends.get(position, []):
            out.append(f" :gray[\\[{i + 1}\\]]")
    return "".join(out)


def _focus_row() -> None:
    st.session_state[FOCUS] = ("row", st.session_state.get("reader_row"))


def _focus_passage() -> None:
    selected = st.session_state.get("reader_passages", {}).get("selection", {}).get("rows", [])
    st.session_state[FOCUS] = ("passage", selected[0] if selected else None)


def render(ctx) -> None:
    articles = ctx.ds.articles.set_index("article_id")
    in_view = sorted(set(ctx.view.events["article_id"].unique())
                     | set(ctx.view.transfers["article_id"].unique()))  # fmt: skip
    names = dict(zip(articles.index, articles["publisher"] + ": " + articles["title"], strict=True))
    article = st.selectbox("Article", in_view, key="reader_article", format_func=names.__getitem__)
    meta = articles.loc[article]
    st.caption(
        f"{md(meta['publisher'])} (via {md(meta['publisher_via'])}) · {md(meta['author'])} · "
        f"published {md(meta['date_published'])}{' (inferred)' if meta['date_published_inferred'] else ''}"
    )
    ev, tr = ctx.view.events, ctx.view.transfers  # this article's rows only: the rest are many
    ctx = replace(ctx, view=View(ev[ev["article_id"] == article], tr[tr["article_id"] == article],
                                 ctx.view.locations, ctx.view.filters))  # fmt: skip
    passages = tallies.cited_passages(ctx.view)
    passages = passages[passages["article_id"] == article].reset_index(drop=True)
    rows = _rows(ctx)
    rows = rows[rows["article_id"] == article].sort_values(["passage_start", "row_id"])
    labels = dict(zip(rows["row_id"], rows["summary"], strict=True))

    kind, value = st.session_state.get(FOCUS, (None, None))
    focus = None
    if kind == "row" and value in labels:
        start = int(rows.loc[rows["row_id"] == value, "passage_start"].iloc[0])
        focus = int(passages.index[passages["passage_start"] == start][0])
    elif kind == "passage" and value is not None and value < len(passages):
        focus = int(value)

    text_col, side = st.columns([3, 2])
    with side:
        st.selectbox("Show a row's passage", list(labels), index=None, key="reader_row", on_change=_focus_row,
                     format_func=lambda r: f"{r} · {labels[r][:70]}", placeholder="Choose a row…")  # fmt: skip
        st.caption("Or choose a passage to see the rows it supports:")
        table = passages.assign(n=passages.index + 1)[["n", "passage", "rows"]]
        st.dataframe(table, hide_index=True, width="stretch", key="reader_passages", on_select=_focus_passage,
                     selection_mode="single-row", row_height=70,
                     column_config={"passage": st.column_config.TextColumn(width="large")})  # fmt: skip
        if focus is not None:
            ids = passages.at[focus, "rows"].split(", ")
            st.markdown(f"**Passage \\[{focus + 1}\\] supports {len(ids)} row(s):**")
            focus_rows, config = links.with_row_links(
                rows[rows["row_id"].isin(ids)][["row_id", "table", "summary"]], "row_id"
            )
            st.dataframe(focus_rows, hide_index=True, width="stretch", key="reader_focus_rows", column_config=config)  # fmt: skip
    with text_col:
        if focus is not None:
            st.caption(f"Passage [{focus + 1}] is highlighted in orange below.")
        with st.container(border=True, key="reader_text"):
            st.markdown(marked_text(ctx.ds.seeds[article], passages, focus))
