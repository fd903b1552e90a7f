"""Corroboration that counts origins, not copies: for each claim, the articles that report it
and the independent origins they come from. Pure pandas.

An article's origin is the article it copies or relays (seed metadata `origin_article_id`),
followed to the end of the chain; an article with none is its own origin. Rows tied by a
`same_as` relation are one report, so their articles count as one origin for that claim.
Only rows that confirm, report or acknowledge a claim corroborate it; denials are listed apart.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.data.dataset import Dataset
from dashboard.views.filters import View
from dashboard.views.positions import at, kept, once
from dashboard.views.relations import components, relations

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
    origin = _origin_map(articles)
    said = {
        a: [x for x in (_text(p), _text(v)) if x]
        for a, p, v in zip(
            articles["article_id"], articles["publisher"], articles["publisher_via"], strict=True
        )
    }
    out = {}
    for article in said:
        links, current, seen = [], article, set()
        while current in said and current not in seen:
            seen.add(current)
            links += said[current]
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
    root_of_row = pd.Series(roots.to_numpy(dtype=object), index=rows[id_col].to_numpy())
    ends = pd.DataFrame(
        {"a": same["from_row_id"].map(root_of_row), "b": same["to_row_id"].map(root_of_row)}
    ).dropna()
    merged = components(ends["a"], ends["b"])
    return roots.map({r: merged.get(r, r) for r in roots.unique()})  # roots are few


@dataclass(frozen=True)
class ClaimRows:
    """Every event as integer codes (claim, article's origin, claimant, chain), made once per
    dataset, so a view's corroboration is counted with numpy on its rows' positions."""

    codes: pd.DataFrame  # indexed like ds.events: claim, article, root, claimant, chain, stance
    claims: np.ndarray  # claim_id of each claim code
    names: np.ndarray  # the claimant's name of each claimant code
    chains: np.ndarray  # the chain label of each chain code (supporting rows only; -1 others)
    same_as: tuple[np.ndarray, np.ndarray]  # same_as ends as ds.events labels (-1: no event)


def claim_rows(ds: Dataset) -> ClaimRows:
    """ds.events as codes for corroboration (chain labels once per article and claimant)."""
    ev = ds.events
    names = dict(zip(ds.actors["actor_id"], ds.actors["name"], strict=True))
    claim, claims = pd.factorize(ev["claim_id"])
    article, articles = pd.factorize(ev["article_id"])
    claimant, claimants = pd.factorize(ev["claimant_actor_id"])
    roots = article_roots(ds.articles)
    root_of_article, _ = pd.factorize(pd.Series([roots.get(a, a) for a in articles], dtype=object))
    support = ev["stance"].isin(SUPPORTING).to_numpy()
    pair = article.astype(np.int64) * len(claimants) + claimant
    said, inverse = np.unique(pair[support], return_inverse=True)
    links = publisher_chain(ds.articles)
    labels = [
        chain_label(
            links.get(articles[p // len(claimants)], []), names[claimants[p % len(claimants)]]
        )
        for p in said
    ]  # one per article and claimant: they are few
    label_code, chains = pd.factorize(pd.Series(labels, dtype=object))
    chain = np.full(len(ev), -1)
    chain[support] = label_code[inverse] if len(said) else []
    codes = pd.DataFrame(
        {
            "claim": claim,
            "article": article,
            "root": root_of_article[article] if len(articles) else article,
            "claimant": claimant,
            "chain": chain,
            "support": support,
            "denies": (ev["stance"] == "denies").to_numpy(),
        },
        index=ev.index,
    )
    named = np.array([names[c] for c in claimants], dtype=object)
    position = pd.Series(ev.index, index=ev["event_id"].to_numpy())
    rel = relations(ds)
    same = rel[rel["kind"] == "same_as"]
    ends = tuple(
        same[end].map(position).fillna(-1).astype(np.int64).to_numpy()
        for end in ("from_row_id", "to_row_id")
    )
    return ClaimRows(
        codes, np.asarray(claims, dtype=object), named, np.asarray(chains, dtype=object), ends
    )


def _distinct(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct (a, b) pairs of two code arrays."""
    if len(a) == 0:
        return a, b
    width = int(b.max()) + 1
    key = a.astype(np.int64) * width + b
    size = (int(a.max()) + 1) * width
    if size <= 8 * len(key) + 1_000_000:  # few possible pairs: count them, no sort of the rows
        key = np.flatnonzero(np.bincount(key, minlength=size))
    else:
        key = np.unique(key)
    return key // width, key % width


def _joined(claim: np.ndarray, words: np.ndarray, claims: np.ndarray, sep: str) -> pd.Series:
    """claim_id -> its distinct words, sorted and joined (the pairs are few: one per word)."""
    said: dict[str, set[str]] = {}
    for c, w in zip(claims[claim], words, strict=True):
        said.setdefault(c, set()).add(w)
    joined = {c: sep.join(sorted(ws)) for c, ws in sorted(said.items())}
    return pd.Series(joined) if joined else pd.Series(joined, dtype=object)


def corroboration(view: View, ds: Dataset, coded: ClaimRows | None = None) -> pd.DataFrame:
    """Per claim: K articles, J independent origins, the claimants, the chains, who denies it.
    Counted on integer codes of the view's rows (claim_rows, made once per dataset)."""
    c = claim_rows(ds) if coded is None else coded
    shown = kept(view.event_index, ds.events.index)
    col = {k: c.codes[k].to_numpy() for k in ("claim", "article", "root", "claimant", "chain")}
    supported = shown & c.codes["support"].to_numpy(dtype=bool)
    sup = {k: v[supported] for k, v in col.items()}  # the view's supporting rows, as arrays
    claim = sup["claim"]
    ends = c.same_as
    tied = at(supported, ds.events.index.get_indexer(ends[0])) & at(
        supported, ds.events.index.get_indexer(ends[1])
    )
    root = c.codes["root"]
    merged = components(root.loc[ends[0][tied]].to_numpy(), root.loc[ends[1][tied]].to_numpy())
    origin_of = np.arange(int(root.max()) + 1 if len(root) else 0)
    origin_of[merged.index.to_numpy(dtype=np.int64)] = merged.to_numpy(dtype=np.int64)
    origin = origin_of[sup["root"]]
    counted = {}
    for name, codes in (("articles", sup["article"]), ("origins", origin)):
        per, _ = _distinct(claim, codes)
        counted[name] = pd.Series(np.bincount(per, minlength=len(c.claims)), index=c.claims)
    present = np.unique(claim)
    out = pd.DataFrame(
        {
            "articles": counted["articles"].iloc[present].astype(np.int64),
            "origins": counted["origins"].iloc[present].astype(np.int64),
        }
    )
    per, who = _distinct(claim, sup["claimant"])
    out["claimants"] = _joined(per, c.names[who], c.claims, ", ")
    per, chain = _distinct(claim, sup["chain"])
    out["chains"] = _joined(per, c.chains[chain], c.claims, "; ")
    denying = shown & c.codes["denies"].to_numpy(dtype=bool)
    per, who = _distinct(col["claim"][denying], col["claimant"][denying])
    denied_by = _joined(per, c.names[who], c.claims, ", ")
    denied = c.claims[np.unique(per)]
    out = out.reindex(list(dict.fromkeys([*out.index, *denied])))
    out["denied_by"] = (
        denied_by  # after the reindex: a claim only denied in the view keeps its deniers
    )
    out["articles"] = out["articles"].fillna(0).astype(int)
    out["origins"] = out["origins"].fillna(0).astype(int)
    out = out.fillna("").rename_axis("claim_id").reset_index()
    out.insert(
        1,
        "claim",
        out["claim_id"].map(
            dict(zip(ds.claims["claim_id"], ds.claims["proposition"], strict=True))
        ),
    )
    return out.sort_values(
        ["origins", "articles", "claim_id"], ascending=[False, False, True], ignore_index=True
    )


CHAINS_SHOWN = 12  # chains listed in one cell; at a million events a claim has thousands


def first_of(joined: str, sep: str = "; ", limit: int = CHAINS_SHOWN) -> str:
    """The first `limit` items of a joined list, and how many more there are, in words:
    'a; b; … and 1,214 more chains'. Shorter lists are returned as they are."""
    items = joined.split(sep) if joined else []
    if len(items) <= limit:
        return joined
    return f"{sep.join(items[:limit])}{sep}… and {len(items) - limit:,} more chains"


def shown_corroboration(table: pd.DataFrame, limit: int = CHAINS_SHOWN) -> pd.DataFrame:
    """The corroboration table as the page shows it: each claim's chains cut to the first
    `limit` (the count of the rest said in the cell); the counts K and J are the whole's."""
    return table.assign(chains=[first_of(c, "; ", limit) for c in table["chains"]])


def article_labels(articles: pd.DataFrame) -> dict[str, str]:
    """article_id -> 'Publisher · YYYY-MM-DD' (the id added where two would read the same).
    Made once per articles table (the sidebar, the reader and the Data page ask on every run,
    and 5,000 articles' Arrow strings take a tenth of a second to read): read it only."""
    return once(articles, "article_labels", _article_labels)


def _article_labels(articles: pd.DataFrame) -> dict[str, str]:
    base = {
        a: f"{p} · {d}"
        for a, p, d in zip(
            articles["article_id"], articles["publisher"], articles["date_published"], strict=True
        )
    }
    counts = Counter(base.values())  # a dict: 5,000 lookups in a Series took 0.1 s per run
    return {a: (f"{label} · {a}" if counts[label] > 1 else label) for a, label in base.items()}
