"""Row: one row of any table in plain words, its passage inside its paragraph, and the rows
it answers, reports or names and the rows that answer it. Opened as /row?id=000-tr03."""

import streamlit as st

from dashboard.builders.text import md
from dashboard.views import rows
from dashboard.web import frame
from dashboard.web.links import row_link_md

ctx = frame.context()
st.title("Row")
row_id = st.text_input(
    "Row id",
    key="id",
    bind="query-params",
    max_chars=120,
    placeholder="e.g. 000-tr03, 000-ev20, kursk-oblast, choe-son-hui",
    help="Any row of any table: events, transfers, places, actors, claims.",
)
row_id = (row_id or "").strip()
if not row_id:
    st.caption("Type a row id, or follow a row's link from any table or from the search box.")
    st.stop()
found = rows.find_row(ctx.ds, row_id)
if not found:
    st.warning(
        f"No row has the id “{md(row_id[:80])}” in this dataset (version "
        f"{md(ctx.ds.version)}). Search for it in the sidebar.",
        icon=":material/search_off:",
    )
    st.stop()
if len(found) > 1:
    st.caption(
        f"{len(found)} tables have a row with this id: "
        + ", ".join(rows.TABLE_WORDS[f.table].lower() for f in found)
        + "."
    )

for hit in found:
    row = hit.row
    st.subheader(f"{rows.TABLE_WORDS[hit.table]} {md(row_id)}")
    what = next(
        (
            row[c]
            for c in ("summary", "system_as_written", "name", "proposition")
            if c in row and isinstance(row[c], str)
        ),
        "",
    )
    st.markdown(f"**{md(what)}**")
    if "passage" in row and isinstance(row["passage"], str):
        text = ctx.ds.seeds.get(row["article_id"], "")
        before, passage, after = rows.paragraph(
            text, int(row["passage_start"]), int(row["passage_end"])
        )
        st.caption("The passage, marked, inside its paragraph of the article:")
        with st.container(border=True, key=f"passage_{hit.table}"):
            st.markdown(f"{md(before)}:orange-background[**{md(passage.strip())}**]{md(after)}")
    left, right = st.columns([3, 2])
    with left:
        fields = rows.field_rows(ctx.ds, hit)
        table = ["| Field | Value |", "| --- | --- |"] + [
            f"| {md(r.field)} | {md(r.value)} |" for r in fields.itertuples()
        ]
        with st.container(key=f"fields_{hit.table}"):
            st.markdown("\n".join(table))
    with right:
        if isinstance(row.get("notes"), str):
            st.markdown("**Curator's notes**")
            st.markdown(md(row["notes"]))
        for heading, listed in rows.related(ctx.ds, hit).items():
            st.markdown(f"**{md(heading)}** ({len(listed)})")
            if listed.empty:
                st.caption("None.")
            lines = [
                f"- {row_link_md(r.row_id)} · {md(rows.short(r.what, 160))}"
                for r in listed.head(frame.LIST_ROWS).itertuples()
            ]
            if lines:
                st.markdown("\n".join(lines))
