"""Curate: review an article's drafted rows, edit them, accept or reject them, merge them.

Registered only when curation is on (DASHBOARD_CURATE=1, `make curate`).
"""

import os
from pathlib import Path

import streamlit as st

from dashboard.builders.text import md
from dashboard.data.dataset import data_dir
from dashboard.ingest import review
from dashboard.pages import curation_enabled
from dashboard.schema import TABLES
from dashboard.web import curating, frame

# 1. The page, only with curation on (it is not registered otherwise; this is a second lock).
if not curation_enabled():
    st.stop()
ctx = frame.context()
folder = data_dir()
st.title("Curate")
st.caption(
    "Review an article's drafted rows: edit them (every edit is saved to the draft at once), "
    "accept or reject them, then merge the accepted rows. The merge runs the full validator "
    "first and changes nothing unless the dataset with the new rows passes."
)
curating.show_notice()

# 2. Which draft.
drafts = review.list_drafts(folder)
if not drafts:
    st.info(
        f"No draft waits for review in {md(folder.name)}/drafts/. Draft one with "
        "`python -m dashboard ingest FILE --publisher NAME --published DATE`."
    )
    st.stop()
titles = dict(zip(ctx.ds.articles["article_id"], ctx.ds.articles["title"], strict=True))
article = st.selectbox(
    "Drafted article",
    drafts,
    key="curate_article",
    format_func=lambda a: f"{a} · {titles.get(a, '(seed not in the dataset)')}",
)
version = curating.signature_key(folder, article)
try:
    draft = curating.load_draft(str(folder), article, version)
except review.DraftError as err:
    st.error(f"This draft cannot be read: {md(err)}")
    st.stop()
found = curating.preview(folder, draft, ctx.ds.version, version)
counts = review.counts(draft)
st.caption(
    f"Drafted on dataset version `{md(draft.meta['dataset_version'])}` by rules "
    f"{md(draft.meta['rules_version'])} · the dataset is now `{ctx.ds.version}` · "
    + " · ".join(
        f"{n}: {c['accepted']} accepted, {c['draft']} to review, {c['rejected']} rejected"
        for n, c in counts.items()
    )
)

curating.stale_notice(folder, draft, ctx.ds.version)

# 3. The article, every candidate's passage highlighted.
if article in ctx.ds.seeds:
    curating.reader(draft, ctx.ds.seeds[article], version, ctx.ds.version)
else:
    st.warning("The draft's seed text is not in the dataset's seeds folder.")

# 4. The candidates, table by table.
options = review.choices(curating.dataset_ids(ctx.ds), draft)
names = [*draft.tables, *[n for n in TABLES if n not in draft.tables and not TABLES[n].optional]]
for name, tab in zip(names, st.tabs([TABLES[n].title for n in names]), strict=True):
    with tab:
        curating.bulk_buttons(folder, draft, name)
        curating.table_grid(draft, name, options, found, version)

# 5. Merge.
st.subheader("Merge accepted rows")
accepted = sum(c["accepted"] for c in counts.values())
st.text_input(
    "Curator (recorded in CHANGELOG.csv)",
    key="curator",
    value=os.environ.get("DASHBOARD_CURATOR") or os.environ.get("USER", ""),
)
st.button(
    f"Merge {accepted} accepted row(s)",
    type="primary",
    disabled=not accepted,
    on_click=curating.do_merge,
    args=(str(Path(folder)), article),
    key="merge",
    icon=":material/merge:",
)
