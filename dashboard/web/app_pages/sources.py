"""Sources & claims: who says what, from how many independent origins, how they are graded, who
denies it, and the articles with every cited passage."""

import streamlit as st

from dashboard.web import analyses, frame, links, reader, sidebar

ctx = frame.page(
    "Sources & claims",
    "Who claims what (the claimant), kept apart from who published it (the article's publisher).",
)

# 1. Claimant × claim matrix
st.subheader("Claimant × claim")
st.dataframe(analyses.claims_matrix(ctx), width="stretch", key="matrix")

# 2. Denials and acknowledgements beside what they answer
st.subheader("Denials and acknowledgements")
answers, n_answers = analyses.answers_table(ctx)
if not n_answers:
    st.caption("None under these filters.")
else:
    if n_answers > len(answers):  # frame.capped's words: only these rows were copied
        st.caption(
            f"The first {len(answers):,} of {n_answers:,} rows are shown. Narrow the filters, "
            "or download them all from the Data page."
        )
    shown, config = links.as_links(answers, ["answer", "answers"])
    config["in their words"] = st.column_config.TextColumn(width="large")
    st.dataframe(
        shown, hide_index=True, width="stretch", key="answers", column_config=config, row_height=60
    )

# 3. Corroboration: articles and the independent origins they come from
st.subheader("Corroboration: articles and independent origins")
st.caption(
    "A claim reported by K articles from J independent origins: a syndicated or relayed copy "
    "counts once, under its origin. The chains read publisher ← whom it relays ← claimant."
)
corroborated, n_claims = analyses.corroboration_shown(ctx, frame.TABLE_ROWS)
if n_claims > len(corroborated):
    st.caption(f"The first {len(corroborated):,} of {n_claims:,} claims are shown.")
st.dataframe(
    corroborated,
    hide_index=True,
    width="stretch",
    key="corroboration",
    column_config={
        "claim_id": None,
        "articles": st.column_config.NumberColumn("articles (K)"),
        "origins": st.column_config.NumberColumn("independent origins (J)"),
        "chains": st.column_config.TextColumn("chains", width="large"),
    },
)

# 4. Source grades with their basis
with st.expander("Source grades (Admiralty / NATO system) and their basis"):
    st.caption(sidebar.GRADE_HELP)
    table = analyses.grades_table(ctx.ds)
    if table.empty:
        st.caption("No source or row is graded in this dataset: every figure shows “ungraded”.")
    else:
        shown = analyses.grades_shown(ctx.ds)  # in words, the first TABLE_ROWS: once per dataset
        if len(table) > len(shown):
            st.caption(
                f"The first {len(shown):,} of {len(table):,} grades are shown: the sources' "
                "reliability, then rows' credibility. Every row's own grade is on its Row page "
                "and beside each figure."
            )
        st.dataframe(
            shown,
            hide_index=True,
            width="stretch",
            key="grades",
            column_config={"graded_by": "graded by", "graded_on": "graded on"},
        )

# 5. The article reader
st.subheader("Article reader")
reader.render(ctx)
