"""Corroboration that counts origins, not copies: for each claim, the articles that report it
and the independent origins they come from. Pure pandas.

An article's origin is the article it copies or relays (seed metadata `origin_article_id`),
followed to the end of the chain; an article with none is its own origin. Rows tied by a
`same_as` relation are one report, so their articles count as one origin for that claim.
Only rows that confirm, report or acknowledge a claim corroborate it; denials are listed apart.
"""

from __future__ import annotations

import pandas as pd

from dashboard.data.dataset import Dataset
from dashboard.views.filters import View
from tests.views_before.relations import _components, relations

SUPPORTING = ("confirms", "reports", "acknowledges")
ARROW = " ← "


def _origin_map(articles: pd.DataFrame) -> dict[str, str]:
    if "origin_article_id" not in articles:
        return {}
    return {
        a: o
        for a, o in zip(articles["article_id"], articles["origin_article_id"], strict=True)
        if isinstance(o, str) and o
    }


def article_roots(articles: pd.DataFrame) -> dict[str, str]:
    """article_id -> the article at the end of its chain of origins (itself when it has none)."""
    origin, out = _origin_map(articles), {}
    for article in articles["article_id"]:
        current, seen = article, {article}
        while current in origin and origin[current] not in seen:  # the validator refuses loops
            current = origin[current]
            seen.add(current)
        out[article] = current
    return out


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def publisher_chain(articles: pd.DataFrame) -> dict[str, list[str]]:
    """article_id -> who passed it on, nearest first: publisher, its 'via', then the origin's."""
    meta = articles.set_index("article_id")
    origin = _origin_map(articles)
    out = {}
    for article in meta.index:
        links, current, seen = [], article, set()
        while current in meta.index and current not in seen:
            seen.add(current)
            links += [
                x
                for x in (
                    _text(meta.at[current, "publisher"]),
                    _text(meta.at[current, "publisher_via"]),
                )
                if x
            ]
            current = origin.get(current)
        out[article] = list(dict.fromkeys(links))  # a name once, in order
    return out


def chain_label(links: list[str], claimant: str) -> str:
    """'Caliber.Az ← Korean media ← National Intelligence Service (NIS)'."""
    if claimant in links:  # the publisher (or one it relays) speaks in its own voice
        return ARROW.join(links[: links.index(claimant) + 1])
    return ARROW.join([*links, claimant])


def row_origins(rows: pd.DataFrame, ds: Dataset) -> pd.Series:
    """Each row's origin: its article's root, merged across rows tied by `same_as`."""
    roots = rows["article_id"].map(article_roots(ds.articles))
    rel = relations(ds)
    same = rel[rel["kind"] == "same_as"]
    if same.empty:
        return roots
    id_col = "event_id" if "event_id" in rows and "transfer_id" not in rows else "transfer_id"
    root_of_row = dict(zip(rows[id_col], roots, strict=True))
    edges = [
        (root_of_row[a], root_of_row[b])
        for a, b in zip(same["from_row_id"], same["to_row_id"], strict=True)
        if a in root_of_row and b in root_of_row
    ]
    merged = _components(edges)
    return roots.map(lambda r: merged.get(r, r))


def corroboration(view: View, ds: Dataset) -> pd.DataFrame:
    """Per claim: K articles, J independent origins, the claimants, the chains, who denies it."""
    names = dict(zip(ds.actors["actor_id"], ds.actors["name"], strict=True))
    propositions = dict(zip(ds.claims["claim_id"], ds.claims["proposition"], strict=True))
    ev = view.events[["event_id", "claim_id", "article_id", "claimant_actor_id", "stance"]]
    support = ev[ev["stance"].isin(SUPPORTING)]
    support = support.assign(origin=row_origins(support, ds))
    links = publisher_chain(ds.articles)
    chains = (
        support[["claim_id", "article_id", "claimant_actor_id"]]
        .drop_duplicates()
        .assign(
            chain=lambda d: [
                chain_label(links.get(a, []), names[c])
                for a, c in zip(d["article_id"], d["claimant_actor_id"], strict=True)
            ]
        )
    )
    grouped = support.groupby("claim_id", sort=False)
    out = pd.DataFrame(
        {
            "articles": grouped["article_id"].nunique(),
            "origins": grouped["origin"].nunique(),
            "claimants": grouped["claimant_actor_id"].agg(
                lambda s: ", ".join(sorted({names[a] for a in s}))
            ),
            "chains": chains.groupby("claim_id")["chain"].agg(lambda s: "; ".join(sorted(set(s)))),
        }
    )
    deniers = ev[ev["stance"] == "denies"].groupby("claim_id")["claimant_actor_id"]
    denied_by = deniers.agg(lambda s: ", ".join(sorted({names[a] for a in s})))
    out = out.reindex(list(dict.fromkeys([*out.index, *deniers.groups])))
    out["denied_by"] = denied_by  # fixed in both: a claim only denied in the view kept no deniers
    out["articles"] = out["articles"].fillna(0).astype(int)
    out["origins"] = out["origins"].fillna(0).astype(int)
    out = out.fillna("").rename_axis("claim_id").reset_index()
    out.insert(1, "claim", out["claim_id"].map(propositions))
    return out.sort_values(
        ["origins", "articles", "claim_id"], ascending=[False, False, True], ignore_index=True
    )


def article_labels(articles: pd.DataFrame) -> dict[str, str]:
    """article_id -> 'Publisher · YYYY-MM-DD' (the id added where two would read the same)."""
    base = {
        a: f"{p} · {d}"
        for a, p, d in zip(
            articles["article_id"], articles["publisher"], articles["date_published"], strict=True
        )
    }
    counts = pd.Series(list(base.values())).value_counts()
    return {a: (f"{label} · {a}" if counts[label] > 1 else label) for a, label in base.items()}


def article_citations(view: View, ds: Dataset) -> list[str]:
    """'Publisher, YYYY-MM-DD, URL' for every article the view's rows come from."""
    used = set(view.events["article_id"].unique()) | set(view.transfers["article_id"].unique())
    meta = ds.articles[ds.articles["article_id"].isin(used)].sort_values(
        ["date_published", "article_id"]
    )
    return [
        f"{p}, {d}, {u if _text(u) else 'no URL'}"
        for p, d, u in zip(meta["publisher"], meta["date_published"], meta["url"], strict=True)
    ]
