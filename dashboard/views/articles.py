"""Which articles a view's rows come from, and one article's rows, by position: each row's
article is coded once per dataset, so a filter change counts codes instead of hashing a
million article ids (the Sources page's reader). Pure pandas and numpy."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.data.dataset import Dataset
from dashboard.views.filters import View
from dashboard.views.positions import kept, positions


@dataclass(frozen=True)
class ArticleCodes:
    ids: np.ndarray  # the article id of each code
    events: np.ndarray  # each event's article code (-1: none)
    transfers: np.ndarray  # each transfer's article code (-1: none)


def article_codes(ds: Dataset) -> ArticleCodes:
    """Once per dataset: events' and transfers' articles as codes of one list."""
    both = pd.concat([ds.events["article_id"], ds.transfers["article_id"]], ignore_index=True)
    codes, ids = pd.factorize(both)
    n = len(ds.events)
    return ArticleCodes(np.asarray(ids, dtype=object), codes[:n], codes[n:])


def articles_in_view(view: View, ds: Dataset, a: ArticleCodes) -> list[str]:
    """The articles of the view's events and transfers, sorted by id."""
    seen = np.zeros(len(a.ids) + 1, dtype=bool)  # the last slot: no article (code -1)
    seen[a.events[positions(view.event_index, ds.events.index)]] = True
    seen[a.transfers[positions(view.transfer_index, ds.transfers.index)]] = True
    return sorted(a.ids[seen[:-1]])


def article_view(view: View, ds: Dataset, a: ArticleCodes, article: str) -> View:
    """The view with only the rows of one article (in the view's order); its rows are copied
    only when asked for, like any view's."""
    code = np.flatnonzero(a.ids == article)[:1]
    ev = kept(view.event_index, ds.events.index) & np.isin(a.events, code)
    tr = kept(view.transfer_index, ds.transfers.index) & np.isin(a.transfers, code)
    return View(
        ds.events,
        ds.transfers,
        view.locations,
        view.filters,
        event_keep=ev,
        transfer_keep=tr,
    )


def table_articles(view: View, ds: Dataset, a: ArticleCodes, table: str) -> list[str]:
    """The articles a view's rows of one table come from (none for a table without articles)."""
    if table == "events":
        codes = a.events[positions(view.event_index, ds.events.index)]
    elif table == "transfers":
        codes = a.transfers[positions(view.transfer_index, ds.transfers.index)]
    else:
        return []
    return sorted(a.ids[np.unique(codes[codes >= 0])])
