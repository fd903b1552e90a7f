"""Sources & claims: who says what, who denies it, and the article with every cited passage."""

import streamlit as st

from dashboard.views import tallies
from dashboard.web import frame, links, reader

ctx = frame.page(
    "Sources & claims",
    "Who claims what (the claimant), kept apart from who published it (the article's publisher).",
)

# 1. Claimant × claim matrix
st.subheader("Claimant × claim")
st.dataframe(frame.cached(tallies.claims_matrix, ctx), width="stretch", key="matrix")

# 2. Denials and acknowledgements beside what they answer
st.subheader("Denials and acknowledgements")
answers = frame.cached(tallies.answers_table, ctx)
if answers.empty:
    st.caption("None under these filters.")
else:
    shown, config = links.as_links(frame.capped(answers), ["answer", "answers"])
    config["in their words"] = st.column_config.TextColumn(width="large")
    st.dataframe(
        shown, hide_index=True, width="stretch", key="answers", column_config=config, row_height=60
    )

# 3. The article reader
st.subheader("Article reader")
reader.render(ctx)
