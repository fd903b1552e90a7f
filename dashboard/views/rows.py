"""One row of any table, in plain words: its fields labelled from the codebook, its passage
inside its paragraph, and the rows it answers, reports or names, and the rows that answer it."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.data.dataset import Dataset
from dashboard.data.parsing import split_ids
from dashboard.schema import TABLES, Field
from dashboard.views.filters import actor_links, responds_to_pairs
from dashboard.views.tallies import label_window

TABLE_WORDS = {
    "events": "Event or claim",
    "transfers": "Transfer or deployment",
    "locations": "Place",
    "actors": "Actor",
    "claims": "Claim",
}
SHOWN_APART = ("passage", "passage_start", "passage_end", "notes")  # the page shows these itself
_LABELS = {  # where the column name alone reads badly
    "claimant_actor_id": "Claimant (who says so)",
    "claimant_cites_actor_id": "Claimant cites",
    "actor_ids": "Who acted",
    "partner_actor_ids": "Acting with",
    "target_actor_ids": "Acting on or against",
    "responds_to_event_ids": "Answers",
    "supplier_actor_id": "Supplier",
    "recipient_actor_id": "Recipient",
    "article_id": "Article",
    "claim_id": "Claim",
    "year_inferred": "Year inferred",
    "geo_precision": "What the point stands for",
    "lat": "Latitude",
    "lon": "Longitude",
}


@dataclass(frozen=True)
class Found:
    table: str
    row: pd.Series  # the row as loaded (typed values)


def field_label(field: Field) -> str:
    """A person's words for a column: the registry's label where it has one, else made from
    the name ('location_id' -> 'Location'), with the unit beside it."""
    label = getattr(field, "label", None) or _LABELS.get(field.name)
    if not label:
        name = field.name
        for suffix in ("_actor_ids", "_actor_id", "_location_id", "_ids", "_id", f"_{field.unit}"):
            if name.endswith(suffix):
                name = name.removesuffix(suffix)
                break
        label = name.replace("_", " ").capitalize()
    return f"{label} ({field.unit})" if field.unit and field.unit not in label else label


def find_row(ds: Dataset, row_id: str) -> list[Found]:
    """Every table's row with this id (a place and an actor may share one: 'russia')."""
    out = []
    for name, table in TABLES.items():
        frame = getattr(ds, name)
        hit = frame[frame[table.primary_key] == row_id]
        if not hit.empty:
            out.append(Found(name, hit.iloc[0]))
    return out


def _names(ds: Dataset, ref: str) -> dict[str, str]:
    if ref == "actors":
        return dict(zip(ds.actors["actor_id"], ds.actors["name"], strict=True))
    if ref == "locations":
        return dict(zip(ds.locations["location_id"], ds.locations["name"], strict=True))
    if ref == "claims":
        return dict(zip(ds.claims["claim_id"], ds.claims["proposition"], strict=True))
    if ref == "events":
        return dict(zip(ds.events["event_id"], ds.events["summary"], strict=True))
    return {}


def plain_value(ds: Dataset, field: Field, value) -> str:
    """A cell in words: names beside ids, enum codes as words, dates as days, yes/no."""
    if value is None or (not isinstance(value, (list, tuple)) and pd.isna(value)):
        return "—"
    if field.type == "boolean":
        return "yes" if bool(value) else "no"
    if field.type == "date":
        return f"{pd.Timestamp(value).day} {pd.Timestamp(value):%b %Y}"
    if field.type == "integer":
        return f"{int(value):,}"
    if field.type == "number":
        return f"{float(value):g}"
    text = str(value)
    if field.ref:
        names = _names(ds, field.ref)
        ids = split_ids(text) if field.type == "id_list" else [text]
        return "; ".join(f"{names.get(i, i)} ({i})" for i in ids)
    if field.enum:
        return text.replace("_", " ")
    return text


def field_rows(ds: Dataset, found: Found) -> pd.DataFrame:
    """(field, value) for every column of the row but its passage and notes, in words."""
    table = TABLES[found.table]
    rows = [
        (
            "Id" if f.name == table.primary_key else field_label(f),
            plain_value(ds, f, found.row.get(f.name)),
        )
        for f in table.fields
        if f.name not in SHOWN_APART
    ]
    if found.table in ("events", "transfers"):
        article = ds.articles.set_index("article_id").loc[found.row["article_id"]]
        rows[1] = ("Article", f"{article['title']} ({found.row['article_id']})")
        rows.insert(
            2,
            (
                "Published by",
                f"{article['publisher']}, {article['date_published']}"
                + (" (date inferred)" if article["date_published_inferred"] else ""),
            ),
        )
        rows.insert(3, ("Article address", article["url"] or "—"))
    return pd.DataFrame(rows, columns=["field", "value"])


def paragraph(text: str, start: int, end: int) -> tuple[str, str, str]:
    """(before, passage, after): the passage inside the line(s) of the seed that hold it."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    return text[lo:start], text[start:end], text[end:hi]


def _listed(ds: Dataset, table: str, ids) -> pd.DataFrame:
    """row_id, table, what for the given ids of one table, in id order."""
    ids = list(dict.fromkeys(ids))
    if table == "events":
        frame, key, what = ds.events, "event_id", ds.events["summary"]
    elif table == "transfers":
        t = ds.transfers
        frame, key = t, "transfer_id"
        what = t["quantity_as_stated"].fillna("") + " " + t["system_as_written"]
    else:
        raise ValueError(table)
    out = pd.DataFrame({"row_id": frame[key], "table": table, "what": what.str.strip()})
    return out[out["row_id"].isin(ids)].sort_values("row_id").reset_index(drop=True)


def related(ds: Dataset, found: Found) -> dict[str, pd.DataFrame]:
    """Headed lists of the rows this row answers, reports, names or is named by."""
    row, out = found.row, {}
    pairs = responds_to_pairs(ds.events)
    if found.table == "events":
        event_id = row["event_id"]
        out["It answers"] = _listed(ds, "events", split_ids(row["responds_to_event_ids"] or ""))
        answered_by = pairs.loc[pairs["answers_event_id"] == event_id, "event_id"]
        out["Answered by"] = _listed(ds, "events", answered_by)
        reported = ds.transfers.loc[ds.transfers["event_id"] == event_id, "transfer_id"]
        out["Transfers it reports"] = _listed(ds, "transfers", reported)
    elif found.table == "transfers":
        out["Reported in"] = _listed(ds, "events", [row["event_id"]])
        answered_by = pairs.loc[pairs["answers_event_id"] == row["event_id"], "event_id"]
        out["Answered by (answers its event)"] = _listed(ds, "events", answered_by)
    elif found.table == "actors":
        links = actor_links(ds)
        out["Rows naming this actor"] = _listed(
            ds, "events", links.loc[links["actor_id"] == row["actor_id"], "event_id"]
        )
        t = ds.transfers
        sent = t.loc[
            (t["supplier_actor_id"] == row["actor_id"])
            | (t["recipient_actor_id"] == row["actor_id"]),
            "transfer_id",
        ]
        out["Transfers it sends or receives"] = _listed(ds, "transfers", sent)
    elif found.table == "locations":
        place = row["location_id"]
        out["Events here"] = _listed(
            ds, "events", ds.events.loc[ds.events["location_id"] == place, "event_id"]
        )
        t = ds.transfers
        moved = t.loc[
            (
                t[["origin_location_id", "destination_location_id", "sighting_location_id"]]
                == place
            ).any(axis=1),
            "transfer_id",
        ]
        out["Transfers from, to or seen here"] = _listed(ds, "transfers", moved)
    elif found.table == "claims":
        ids = ds.events.loc[ds.events["claim_id"] == row["claim_id"], "event_id"]
        out["Rows speaking to this claim"] = _listed(ds, "events", ids)
    return out


def short(text: str, limit: int) -> str:
    """The text, or its first words up to `limit` characters and an ellipsis."""
    text = str(text)
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def window_words(row: pd.Series, prefix: str) -> str:
    """The row's window as days, with the article's words: '16 Nov 2024 (“On November 16”)'."""
    label = label_window(
        row.get(f"{prefix}_start"),
        row.get(f"{prefix}_end"),
        row.get(f"{prefix}_precision") or "unknown",
    )
    words = row.get(f"{prefix}_text")
    return f"{label} (“{words}”)" if isinstance(words, str) and words else label
