"""Rules on what ties many articles together: relations between rows, the rows that grades
name, and each article's origin (the article it copies or relays)."""

from __future__ import annotations

from dashboard.data.problems import Problem
from dashboard.data.reading import Parsed
from dashboard.data.rules.base import Rule, Skip
from dashboard.schema import ORIGIN_KINDS, ROW_ID_TABLES, TABLES

# Pairs of kinds that cannot hold between the same two rows: one report cannot disagree with
# itself.
CONTRADICTORY = ({"same_as", "differs"},)


def row_ids(parsed: Parsed) -> set[str]:
    """Every event and transfer id (a ragged row's too: it is reported on its own)."""
    ids: set[str] = set()
    for name in ROW_ID_TABLES:
        if name in parsed.tables:
            ids |= set(parsed.tables[name][TABLES[name].primary_key].dropna())
        ids |= parsed.ragged_keys.get(name) or set()  # None: too many ragged rows to keep
    return ids


def check_row_references(parsed: Parsed, skip: Skip) -> list[Problem]:
    """from_row_id, to_row_id and row_id name an event or a transfer."""
    if not all(name in parsed.tables for name in ROW_ID_TABLES):
        return []  # a table of rows failed to load and is reported already
    known, problems = row_ids(parsed), []
    for name, columns in (
        ("relations", ("from_row_id", "to_row_id")),
        ("credibility", ("row_id",)),
    ):
        frame = parsed.tables.get(name)
        if frame is None:
            continue
        for col in columns:
            for i, value in frame[col].dropna().items():
                if value not in known:
                    problems.append(
                        Problem(
                            TABLES[name].path,
                            parsed.lines[name][i],
                            col,
                            value,
                            "no such id in events.csv or transfers.csv",
                        )
                    )
    return problems


def check_relation_pairs(parsed: Parsed, skip: Skip) -> list[Problem]:
    """No row related to itself; no pair related twice the same way, or in contradiction."""
    frame = parsed.tables.get("relations")
    if frame is None or frame.empty:
        return []
    path, lines, problems = TABLES["relations"].path, parsed.lines["relations"], []
    seen: dict[frozenset, list[tuple[int, str, str]]] = {}
    for i, a, b, kind in zip(
        frame.index, frame["from_row_id"], frame["to_row_id"], frame["kind"], strict=True
    ):
        if not isinstance(a, str) or not isinstance(b, str) or not isinstance(kind, str):
            continue  # an empty cell is reported already
        if a == b:
            problems.append(
                Problem(path, lines[i], "to_row_id", b, "a row cannot relate to itself")
            )
            continue
        pair = frozenset((a, b))
        for line, other_kind, other_from in seen.get(pair, []):
            if other_kind == kind and (kind != "updates" or other_from == a):
                message = f"the same relation as on line {line}"
            elif kind == other_kind == "updates":
                message = f"contradicts line {line}: two rows cannot each update the other"
            elif {kind, other_kind} in CONTRADICTORY:
                message = f"contradicts line {line}: {other_kind} and {kind} on the same two rows"
            else:
                continue
            problems.append(Problem(path, lines[i], "kind", kind, message))
        seen.setdefault(pair, []).append((lines[i], kind, a))
    return problems


def check_origins(parsed: Parsed, skip: Skip) -> list[Problem]:
    """An origin is another known article, given with its kind, and the chain ends."""
    articles = parsed.articles
    if articles is None or articles.empty or "origin_article_id" not in articles:
        return []
    known = set(parsed.seeds) | parsed.seed_ids
    origin = {
        a: o
        for a, o in zip(articles["article_id"], articles["origin_article_id"], strict=True)
        if isinstance(o, str) and o
    }
    problems = []
    for row in articles.itertuples(index=False):
        name, target = f"seeds/{row.article_id}.json", origin.get(row.article_id)
        kind = row.origin_kind if isinstance(row.origin_kind, str) and row.origin_kind else None
        if target is None:
            if kind is not None:
                problems.append(
                    Problem(name, 0, "origin_kind", kind, "set without an origin_article_id")
                )
            continue
        if target == row.article_id:
            problems.append(
                Problem(name, 0, "origin_article_id", target, "an article cannot be its own origin")
            )
        elif target not in known:
            problems.append(
                Problem(name, 0, "origin_article_id", target, "no such article in seeds/")
            )
        elif _loops(row.article_id, origin):
            problems.append(
                Problem(
                    name,
                    0,
                    "origin_article_id",
                    target,
                    "the chain of origins loops back to this article",
                )
            )
        if kind is None:  # a kind outside ORIGIN_KINDS is reported with the seed's other fields
            message = f"required with an origin: one of {', '.join(ORIGIN_KINDS)}"
            problems.append(Problem(name, 0, "origin_kind", "", message))
        basis = row.origin_basis
        if not isinstance(basis, str) or not basis.strip():
            problems.append(Problem(name, 0, "origin_basis", "", "an origin needs its basis"))
    return problems


def _loops(start: str, origin: dict[str, str]) -> bool:
    current, seen = origin.get(start), {start}
    while current is not None:
        if current in seen:
            return current == start
        seen.add(current)
        current = origin.get(current)
    return False


RULES = (
    Rule(
        "relation_rows_exist",
        "A relation's from_row_id and to_row_id, and a credibility "
        "grade's row_id, name an event or a transfer.",
        check_row_references,
    ),
    Rule(
        "relations_consistent",
        "No row relates to itself; no two rows are related twice "
        "the same way, or both same_as and differs, or each updating the other.",
        check_relation_pairs,
    ),
    Rule(
        "origins_resolve",
        "A seed's origin_article_id names another seed, with its "
        "origin_kind and origin_basis, and the chain of origins does not loop.",
        check_origins,
    ),
)
