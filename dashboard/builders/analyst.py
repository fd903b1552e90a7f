"""Tables an analyst can open: names beside ids, the article's publisher, date and address as
columns, and the codebook of every column. DataFrame in, DataFrame out; no streamlit."""

from __future__ import annotations

from functools import partial

import pandas as pd

from dashboard.data.parsing import split_ids
from dashboard.schema import TABLES
from dashboard.views.positions import once

ARTICLE_COLUMNS = {  # added column -> the seed metadata field it copies
    "article_publisher": "publisher",
    "article_title": "title",
    "article_date_published": "date_published",
    "article_url": "url",
}
ADDED_WORDS = {
    "article_publisher": "Who published the article the row comes from (seed metadata).",
    "article_title": "Headline of the article the row comes from (seed metadata).",
    "article_date_published": "Publication date of the article (seed metadata; see its "
    "date_published_inferred there).",
    "article_url": "Where the article was published (seed metadata), or empty.",
}


def _names_of(ds, ref: str) -> dict[str, str]:
    frame = getattr(ds, ref)
    key = TABLES[ref].primary_key
    what = "proposition" if ref == "claims" else "summary" if ref == "events" else "name"
    return dict(zip(frame[key], frame[what], strict=True))


def name_column(column: str) -> str:
    """'supplier_actor_id' -> 'supplier_name', 'actor_ids' -> 'actor_names',
    'claim_id' -> 'claim_proposition'."""
    if column == "claim_id":
        return "claim_proposition"
    for suffix, plural in (
        ("_actor_ids", True),
        ("_ids", True),
        ("_actor_id", False),
        ("_location_id", False),
        ("_id", False),
    ):
        if column.endswith(suffix):
            stem = column.removesuffix(suffix) or "actor"
            return f"{stem}_names" if plural else f"{stem}_name"
    return f"{column}_name"


def _list_names(names: dict[str, str], value) -> str | None:
    """'a;b' -> 'Name A; Name B' (an unknown id stays as it is)."""
    return "; ".join(names.get(i, i) for i in split_ids(value)) if isinstance(value, str) else None


def analyst_frame(table: str, frame: pd.DataFrame, ds) -> pd.DataFrame:
    """The rows with a name column right after every id column that names actors, places or
    claims, and the article's publisher, title, date and address after article_id."""
    spec = TABLES[table]
    out = frame.copy(deep=False)
    for field in spec.fields:
        if field.ref not in ("actors", "locations", "claims") or field.name == spec.primary_key:
            continue
        if field.name not in out.columns:
            continue
        names = _names_of(ds, field.ref)
        if field.type == "id_list":
            values = out[field.name].map(partial(_list_names, names))
        else:
            values = out[field.name].map(names)
        out.insert(out.columns.get_loc(field.name) + 1, name_column(field.name), values)
    if "article_id" in out.columns:
        articles = ds.articles.set_index("article_id")
        at = out.columns.get_loc("article_id") + 1
        for k, (column, source) in enumerate(ARTICLE_COLUMNS.items()):
            values = out["article_id"].map(articles[source])
            if source == "date_published":
                values = pd.to_datetime(values, errors="coerce")
            out.insert(at + k, column, values)
    return out


def codebook_frame(table: str, columns: list[str]) -> pd.DataFrame:
    """One row per column of an exported table: what it holds, its type, unit, allowed values."""
    spec = TABLES[table]
    known = {f.name: f for f in spec.fields}
    rows = []
    for column in columns:
        f = known.get(column)
        if f is not None:
            rows.append(
                (
                    column,
                    f.description,
                    f.type,
                    f.unit or "",
                    ", ".join(f.enum or ()),
                    "yes" if f.required else "no",
                    f.ref or "",
                )
            )
            continue
        source = next((c for c in known if name_column(c) == column), None)
        if source is not None:
            words = (
                f"Name(s) of {source} (from {known[source].ref}.csv); not in the CSV, added here."
            )
            rows.append((column, words, "string", "", "", "no", ""))
        else:
            rows.append((column, ADDED_WORDS.get(column, ""), "string", "", "", "no", ""))
    return pd.DataFrame(
        rows,
        columns=[
            "column",
            "description",
            "type",
            "unit",
            "allowed values",
            "required",
            "names rows of",
        ],
    )


def articles_cited(ds, article_ids) -> str:
    """'Caliber.Az, “Headline”, 2024-11-20, https://…' for each article the rows come from, by
    article id. The one wording of a citation's articles: the Data page's citation and every
    download's."""
    used = set(pd.Series(article_ids, dtype=object).dropna().unique())  # rows are many
    cites = once(ds.articles, "citations", _citations)
    return "; ".join(cites[a] for a in sorted(used) if a in cites) or "none"


def _citations(articles: pd.DataFrame) -> dict[str, str]:
    """article_id -> its citation, once per articles table (reading 5,000 articles' Arrow
    strings on every run took a tenth of a second)."""
    return {
        a: f"{p}, “{t}”, {d}{' (date inferred)' if bool(i) else ''}"
        + (f", {u}" if isinstance(u, str) and u else "")
        for a, p, t, d, i, u in zip(
            articles["article_id"],
            articles["publisher"],
            articles["title"],
            articles["date_published"],
            articles["date_published_inferred"],
            articles["url"],
            strict=True,
        )
    }


def view_articles_cited(view, ds) -> str:
    """articles_cited for every row a view keeps (events and transfers)."""
    return articles_cited(
        ds,
        pd.concat(
            [
                view.event_cols("article_id")["article_id"],
                view.transfer_cols("article_id")["article_id"],
            ],
            ignore_index=True,
        ),
    )
