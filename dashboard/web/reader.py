"""The article reader: the seed text with every cited passage highlighted and linked to its rows.

Built from escaped Markdown only (dashboard.text.md): no seed or data text reaches raw HTML.
Choosing a row highlights its passage in place; choosing a passage lists its rows. Each article
keeps its own focus: switching to another article and back brings its highlight back.

The [n] markers in the text are links (?read=<article>&passage=<n>, with the filters of the
view): Streamlit 1.67 opens every Markdown link but a '#' one in a new tab (StreamlitMarkdown's
link renderer), and a '#' link reruns nothing, so a marker opens the reader in a new tab with
that passage marked and scrolled into view (the '#marked-passage' heading: Streamlit scrolls to
a heading whose anchor is the address's fragment).
"""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import quote, urlencode

import pandas as pd
import streamlit as st

from dashboard.builders import passages as marks
from dashboard.builders.passages import marked_text
from dashboard.builders.text import md
from dashboard.pages import page_by_url
from dashboard.views import relations, tallies
from dashboard.views.corroboration import article_labels
from dashboard.views.rows import TABLE_WORDS
from dashboard.web import analyses, links

FOCUS = "reader_focus"
READ, PASSAGE = "read", "passage"  # a marker's link: the article and the passage's number
APPLIED = "_reader_link"  # the link last applied: applied once, then the reader is the person's
ANCHOR = "marked-passage"
PAGE = page_by_url("sources").url_path


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
        ],
        ignore_index=True,
    )


def _set_focus(kind: str, value) -> None:
    """The focus of the article shown; every other article keeps its own."""
    article = st.session_state.get("reader_article")
    st.session_state[FOCUS] = {**st.session_state.get(FOCUS, {}), article: (kind, value)}


def _focus_row() -> None:
    _set_focus("row", st.session_state.get("reader_row"))


def _focus_passage() -> None:
    selected = st.session_state.get("reader_passages", {}).get("selection", {}).get("rows", [])
    _set_focus("passage", selected[0] if selected else None)


def _switch_article() -> None:
    """The row chooser and the markers show the focus the newly chosen article had, or none."""
    focus = st.session_state.get(FOCUS, {}).get(st.session_state.get("reader_article"))
    kind, value = focus or (None, None)
    st.session_state["reader_row"] = value if kind == "row" else None


def _link_params() -> tuple[str | None, str | None]:
    try:
        return st.query_params.get(READ), st.query_params.get(PASSAGE)
    except Exception:
        return None, None


def _view_params() -> list[tuple[str, str]]:
    """The address's parameters but the reader's own: the filters of the view, kept."""
    try:
        return [
            (k, v)
            for k in st.query_params
            if k not in (READ, PASSAGE)
            for v in st.query_params.get_all(k)
        ]
    except Exception:
        return []


def marker_href(article: str, i: int, params: list[tuple[str, str]]) -> str:
    """The address that opens the reader on `article` with passage i (0-based) marked."""
    query = urlencode([*params, (READ, article), (PASSAGE, str(i + 1))], quote_via=quote, safe="")
    return f"{PAGE}?{query}#{ANCHOR}"


def _apply_link(in_view: list[str]) -> int | None:
    """Choose the linked article (before its chooser is drawn); the linked passage's index,
    once per link, or None. A link that does not fit this view gets a notice."""
    article, n = _link_params()
    if article is None or st.session_state.get(APPLIED) == (article, n):
        return None
    st.session_state[APPLIED] = (article, n)
    if article not in in_view:
        st.warning(
            f"The link's article ‘{md(article[:40])}’ has no row under these filters.",
            icon=":material/warning:",
        )
        return None
    st.session_state["reader_article"] = article
    st.session_state["reader_row"] = None
    return int(n) - 1 if isinstance(n, str) and n.isdigit() and int(n) >= 1 else -1


def _origin_words(meta, labels: dict[str, str]) -> str:
    """' · syndicated copy of Northwind Wire · 2024-11-20: <basis>', when the article has one."""
    origin = meta.get("origin_article_id")
    if not isinstance(origin, str) or not origin:
        return ""
    kind = meta.get("origin_kind") or "copy"
    basis = meta.get("origin_basis") if isinstance(meta.get("origin_basis"), str) else ""
    return f" · {md(kind)} copy of {md(labels.get(origin, origin))}: {md(basis)}"


def render(ctx) -> None:
    articles = ctx.ds.articles.set_index("article_id")
    in_view = analyses.articles_in_view(ctx)
    labels = article_labels(ctx.ds.articles)
    names = {
        a: f"{labels[a]} — {t}" for a, t in zip(articles.index, articles["title"], strict=True)
    }
    linked = _apply_link(in_view)
    article = st.selectbox(
        f"Article ({len(in_view)} under these filters)",
        in_view,
        key="reader_article",
        format_func=names.__getitem__,
        on_change=_switch_article,
    )
    meta = articles.loc[article]
    via = meta["publisher_via"]
    via = f" (via {md(via)})" if isinstance(via, str) and via else ""
    inferred = " (inferred)" if meta["date_published_inferred"] else ""
    st.caption(
        f"{md(meta['publisher'])}{via} · {md(meta['author'])} · "
        f"published {md(meta['date_published'])}{inferred}{_origin_words(meta, labels)}"
    )
    ctx = replace(ctx, view=analyses.article_view(ctx, article))  # its rows: the rest are many
    passages = tallies.cited_passages(ctx.view)
    passages = passages[passages["article_id"] == article].reset_index(drop=True)
    rows = _rows(ctx)
    rows = rows[rows["article_id"] == article].sort_values(["passage_start", "row_id"])
    labels = dict(zip(rows["row_id"], rows["summary"], strict=True))

    if linked is not None:
        if 0 <= linked < len(passages):
            _set_focus("passage", linked)
        else:
            st.warning(
                f"The link's passage number is not one of this article's {len(passages)}.",
                icon=":material/warning:",
            )
    kind, value = st.session_state.get(FOCUS, {}).get(article, (None, None))
    focus = None
    if kind == "row" and value in labels:
        start = int(rows.loc[rows["row_id"] == value, "passage_start"].iloc[0])
        focus = int(passages.index[passages["passage_start"] == start][0])
    elif kind == "passage" and value is not None and value < len(passages):
        focus = int(value)

    text_col, side = st.columns([3, 2])
    with side:
        st.selectbox(
            "Show a row's passage",
            list(labels),
            index=None,
            key="reader_row",
            on_change=_focus_row,
            format_func=lambda r: f"{r} · {labels[r][:70]}",
            placeholder="Choose a row…",
        )
        st.caption("Or choose a passage to see the rows it supports:")
        table = passages.assign(n=passages.index + 1)[["n", "passage", "rows"]]
        st.dataframe(
            table,
            hide_index=True,
            width="stretch",
            key="reader_passages",
            on_select=_focus_passage,
            selection_mode="single-row",
            row_height=70,
            column_config={"passage": st.column_config.TextColumn(width="large")},
        )
        if focus is not None:
            ids = passages.at[focus, "rows"].split(", ")
            st.markdown(f"**Passage \\[{focus + 1}\\] supports {len(ids)} row(s):**")
            shown = rows[rows["row_id"].isin(ids)][["row_id", "table", "summary"]]
            shown = shown.assign(table=shown["table"].map(TABLE_WORDS))
            focus_rows, config = links.with_row_links(shown, "row_id")
            st.dataframe(
                focus_rows.rename(columns={"row_id": "row", "table": "what"}),
                hide_index=True,
                width="stretch",
                key="reader_focus_rows",
                column_config=config,
            )
            related = pd.concat([relations.for_row(ctx.ds, r) for r in ids], ignore_index=True)
            for r in related.head(20).itertuples():
                st.caption(
                    f"{md(r.relation)}: {md(r.basis)} (set by {md(r.set_by)}, {r.set_on:%Y-%m-%d})"
                )
    text = ctx.ds.seeds[article]
    with text_col:
        st.caption(
            "Click a marker [n] in the text to mark its passage (it opens in a new tab, "
            "with these filters); or choose a row or a passage beside the text."
        )
        if focus is not None:
            start, end = (
                int(passages.at[focus, "passage_start"]),
                int(passages.at[focus, "passage_end"]),
            )
            st.caption(f"Passage [{focus + 1}] is highlighted in orange below.")
            with st.container(border=True, key="reader_focus_card"):  # in view without scrolling
                st.subheader(f"Passage \\[{focus + 1}\\] in its paragraph", anchor=ANCHOR)
                st.markdown(marks.in_context(text, start, end))
                st.caption(
                    "Copy the passage with its citation (copy button at the box's top right):"
                )
                cite = marks.citation(
                    passages.at[focus, "passage"],
                    {**meta.to_dict(), "article_id": article},
                    focus + 1,
                    start,
                    end,
                    passages.at[focus, "rows"],
                    ctx.ds.version,
                )
                st.code(cite, language=None, wrap_lines=True)
        with st.container(border=True, key="reader_text"):
            params = _view_params()
            st.markdown(
                marked_text(text, passages, focus, lambda i: marker_href(article, i, params))
            )
