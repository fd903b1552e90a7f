"""The Curate page's parts: a draft table's grid (the codebook's choices, the validator's
messages beside each row, every edit saved as it is made), bulk review, the candidates'
passages in the article, and the merge. Imported only when curation is on (dashboard/pages.py).
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard.builders.text import md
from dashboard.data.dataset import Dataset, data_dir
from dashboard.ingest import REVIEW_STATES, merge, review, transaction
from dashboard.ingest.review import Draft
from dashboard.schema import TABLES
from dashboard.web.reader import marked_text

NOTICE = "curate_notice"  # (kind, message, problems): the outcome of the last action
FIRST = ["review", "problems"]
LAST = ["relation_hint", "drafted_by"]
PROBLEM_COLUMNS = ["file", "line", "column", "value", "problem"]


def recover_interrupted_merge() -> None:
    """Roll back a merge that a crash interrupted, before the dataset is loaded."""
    if said := transaction.recover(data_dir()):
        st.session_state[NOTICE] = ("warning", said, [])


def show_notice() -> None:
    kind, message, problems = st.session_state.pop(NOTICE, (None, "", []))
    if kind is None:
        return
    {"success": st.success, "warning": st.warning, "error": st.error}[kind](md(message))
    if problems:
        rows = [(p.file, p.line or None, p.column, p.value, p.message) for p in problems]
        st.dataframe(
            pd.DataFrame(rows, columns=PROBLEM_COLUMNS), hide_index=True, key="merge_problems"
        )


@st.cache_data(max_entries=16, show_spinner="Checking the draft with the validator…")
def _preview(folder: str, key: str, _draft: Draft) -> dict:
    return merge.preview_problems(Path(folder), _draft)


def preview(folder: Path, draft: Draft, version: str, signature: str) -> dict:
    """The validator's messages on the rows not rejected: computed again only when what it
    checks changed (accepting a row changes nothing it checks)."""
    return _preview(str(folder), _preview_key(signature, version, draft), draft)


@st.cache_resource(max_entries=16, show_spinner=False)
def _preview_key(signature: str, version: str, _draft: Draft) -> str:
    return merge.preview_key(_draft, version)


@st.cache_resource(max_entries=16, show_spinner=False)
def passages(signature: str, text_length: int, _draft: Draft):
    """The candidates' passages (shared: read them only)."""
    return review.candidate_passages(_draft, text_length)


@st.cache_resource(max_entries=8, show_spinner=False)
def load_draft(folder: str, article: str, signature: str) -> Draft:
    """The draft as saved, read once per state of its files (shared: read it only)."""
    return review.read_draft(Path(folder), article)


@st.cache_data(max_entries=32, show_spinner=False)
def reader_markdown(
    article: str, signature: str, version: str, focus: int | None, _draft: Draft, _text: str
) -> str:
    return marked_text(_text, passages(signature, len(_text), _draft), focus)


def dataset_ids(ds: Dataset) -> dict[str, list[str]]:
    return {name: getattr(ds, name)[t.primary_key].tolist() for name, t in TABLES.items()}


def column_config(name: str, options: dict[str, list[str]], frame: pd.DataFrame) -> dict:
    """A grid column per codebook field: allowed values as choices, descriptions as help."""
    table, config = TABLES[name], {}
    for f in table.fields:
        current = [v for v in frame[f.name].unique() if v] if f.name in frame else []
        if f.enum or f.type == "boolean":
            allowed = list(f.enum) if f.enum else ["true", "false"]
            config[f.name] = st.column_config.SelectboxColumn(
                f.name,
                options=list(dict.fromkeys(allowed + current)),
                required=f.required,
                help=f.description,
            )
        elif f.ref in options and f.type != "id_list" and f.name != table.primary_key:
            config[f.name] = st.column_config.SelectboxColumn(
                f.name,
                options=list(dict.fromkeys(options[f.ref] + current)),
                required=f.required,
                help=f.description,
            )
        else:
            wide = "large" if f.display_width == "large" or f.name == "passage" else None
            config[f.name] = st.column_config.TextColumn(
                f.name, width=wide, required=f.required, help=f.description
            )
    config["article_id"] = st.column_config.TextColumn("article_id", disabled=True)
    config["review"] = st.column_config.SelectboxColumn(
        "review", options=list(REVIEW_STATES), required=True, pinned=True
    )
    config["problems"] = st.column_config.TextColumn(
        "problems",
        disabled=True,
        width="medium",
        help="What the validator says about this row now (rejected rows are not checked).",
    )
    for col in LAST:
        config[col] = st.column_config.TextColumn(col, disabled=True, width="large")
    return config


def row_problems(frame: pd.DataFrame, name: str, found: dict) -> list[str]:
    return ["; ".join(found.get((name, i), [])) for i in range(len(frame))]


def table_grid(draft: Draft, name: str, options: dict, found: dict, version: str) -> None:
    """The grid of one draft table; an edit is saved to the draft (atomically) at once."""
    frame = draft.tables.get(name, review.empty_table(name))
    shown = frame.assign(problems=row_problems(frame, name, found))
    pk = TABLES[name].primary_key
    order = [*FIRST, pk, *[c for c in TABLES[name].columns if c != pk], *LAST]
    key = f"grid-{draft.article_id}-{name}-{version}"
    st.data_editor(
        shown,
        key=key,
        column_config=column_config(name, options, frame),
        column_order=order,
        num_rows="add",
        hide_index=True,
        width="stretch",
        row_height=48,
    )
    edits = st.session_state.get(key) or {}
    if edits.get("edited_rows") or edits.get("added_rows"):
        review.save_table(draft, name, review.apply_edits(draft, name, frame, edits))
        st.rerun()  # the grid comes back, under a new key, from what was saved
    listed = [
        (frame.at[i, pk] or f"new row {i + 1}", m) for i, m in enumerate(shown["problems"]) if m
    ]
    for row_id, message in listed[:20]:
        st.caption(f"⚠ {md(row_id)}: {md(message)}")
    for message in found.get((TABLES[name].path, -1), []):
        st.caption(f"⚠ {md(message)}")


def set_all(folder: str, article: str, name: str, state: str, only: str | None) -> None:
    """Bulk review (a button's callback): every row, or every row now in state `only`."""
    draft = review.read_draft(Path(folder), article)
    review.save_table(draft, name, review.set_review(draft.tables[name], state, only))


def bulk_buttons(folder: Path, draft: Draft, name: str) -> None:
    frame = draft.tables.get(name)
    if frame is None or frame.empty:
        return
    waiting = int((frame["review"] == "draft").sum())
    args = (str(folder), draft.article_id, name)
    c1, c2, c3 = st.columns(3)
    c1.button(
        f"Accept the {waiting} draft row(s)",
        key=f"accept-{name}",
        on_click=set_all,
        args=(*args, "accepted", "draft"),
        disabled=not waiting,
        icon=":material/done_all:",
    )
    c2.button(
        f"Reject the {waiting} draft row(s)",
        key=f"reject-{name}",
        on_click=set_all,
        args=(*args, "rejected", "draft"),
        disabled=not waiting,
        icon=":material/block:",
    )
    c3.button(
        "Set every row back to draft",
        key=f"undo-{name}",
        on_click=set_all,
        args=(*args, "draft", None),
        icon=":material/undo:",
    )


def signature_key(folder: Path, article: str) -> str:
    return hashlib.sha256(review.signature(folder, article).encode()).hexdigest()[:12]


def reader(draft: Draft, text: str, signature: str, version: str) -> None:
    """The article with every candidate's passage highlighted; a chosen row's in orange."""
    cited = passages(signature, len(text), draft)
    ids = [i for rows in cited["rows"] for i in rows.split(", ")]
    chosen = st.selectbox(
        "Show a candidate's passage",
        ids,
        index=None,
        key=f"focus-{draft.article_id}",
        placeholder="Choose a row…",
    )
    focus = None
    if chosen is not None:
        focus = next(i for i, rows in enumerate(cited["rows"]) if chosen in rows.split(", "))
    with st.container(border=True, height=420, key="curate_text"):
        st.markdown(reader_markdown(draft.article_id, signature, version, focus, draft, text))


def confirm_current(folder: str, article: str, version: str) -> None:
    """The button's callback: the curator has reviewed the stale draft against today's dataset."""
    draft = review.read_draft(Path(folder), article)
    review.confirm_current(draft, version, datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    st.session_state[NOTICE] = (
        "success",
        f"The draft now stands on dataset version {version}.",
        [],
    )


def stale_notice(folder: Path, draft: Draft, version: str) -> None:
    """A draft made on another version of the dataset: say so, and let the curator confirm it
    after reviewing it again (the merge refuses it until then)."""
    if draft.meta["dataset_version"] == version:
        return
    st.warning(
        f"The dataset changed since this draft was made (version {md(draft.meta['dataset_version'])} "
        f"then, {version} now; CHANGELOG.csv says what was merged). Its relation hints and "
        "choices were made against the older rows; the problems column checks it against "
        "today's. The merge refuses it until you confirm that you have reviewed it again.",
        icon=":material/history:",
    )
    st.button(
        "I have reviewed it against the current dataset",
        key="confirm_current",
        on_click=confirm_current,
        args=(str(folder), draft.article_id, version),
    )


def do_merge(folder: str, article: str) -> None:
    """The merge button's callback: the outcome in one message, never a traceback."""
    curator = st.session_state.get("curator", "")
    try:
        result = merge.merge_article(Path(folder), article, curator)
    except Exception as err:  # merge_article reports; this is the last guard
        st.session_state[NOTICE] = ("error", f"Nothing merged: an unexpected error ({err!r}).", [])
        return
    st.session_state[NOTICE] = (
        "success" if result.ok else "error",
        result.message,
        result.problems,
    )
