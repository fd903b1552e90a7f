"""Rules on ids: references resolve, answers name what they answer, actors' parents end."""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from dashboard.data.parsing import split_ids
from dashboard.data.problems import Problem
from dashboard.data.reading import Parsed
from dashboard.data.rules.base import Rule, Skip, flag
from dashboard.schema import TABLES

ANSWERING_STANCES = ("denies", "acknowledges")


def check_references(parsed: Parsed, skip: Skip) -> Iterator[Problem]:
    keys = {}
    for name, frame in parsed.tables.items():
        ragged = parsed.ragged_keys.get(name, set())
        if ragged is not None:  # None: too many ragged rows to know which ids exist
            keys[name] = set(frame[TABLES[name].primary_key].dropna()) | ragged
    for name, frame in parsed.tables.items():
        table, lines = TABLES[name], parsed.lines[name]
        for f in table.fields:
            if f.name == "article_id":
                known, target = set(parsed.seeds) | parsed.seed_ids, "seeds"
            elif f.ref:
                if f.ref not in keys:
                    continue  # that table failed to load and is reported already
                known, target = keys[f.ref], f"{f.ref}.csv"
            else:
                continue
            missing = {}  # each distinct cell once: rows are many, distinct cells are few
            for value in pd.unique(frame[f.name].to_numpy()):
                if not isinstance(value, str):
                    continue  # an empty cell
                items = split_ids(value) if f.type == "id_list" else [value]
                if unknown := [item for item in items if item not in known]:
                    missing[value] = unknown
            if not missing:
                continue
            values = frame[f.name].dropna()
            for i, value in values[values.isin(list(missing))].items():
                for item in missing[value]:
                    yield Problem(table.path, lines[i], f.name, item, f"no such id in {target}")


def check_answers_name_rows(parsed: Parsed, skip: Skip) -> Iterator[Problem]:
    if (events := parsed.tables.get("events")) is None:
        return
    mask = events["stance"].isin(ANSWERING_STANCES) & events["responds_to_event_ids"].isna()
    yield from flag(
        parsed,
        "events",
        mask,
        "responds_to_event_ids",
        events["responds_to_event_ids"],
        "a denial or acknowledgement must name the rows it answers",
        skip,
    )


def check_answers_not_self(parsed: Parsed, skip: Skip) -> Iterator[Problem]:
    if (events := parsed.tables.get("events")) is None:
        return
    lines = parsed.lines["events"]
    for i, own, answers in events[["event_id", "responds_to_event_ids"]].dropna().itertuples():
        if own in split_ids(answers):
            yield Problem(
                "events.csv", lines[i], "responds_to_event_ids", own, "a row cannot answer itself"
            )


def parent_cycles(parents: dict[str, str]) -> dict[str, list[str]]:
    """For every actor on a cycle of parents, the cycle from it back to it. Each actor is
    walked from once, so this is linear in the number of actors."""
    out: dict[str, list[str]] = {}
    done: set[str] = set()
    for start in parents:
        path: list[str] = []
        on_path: dict[str, int] = {}
        node = start
        while node in parents and node not in done and node not in on_path:
            on_path[node] = len(path)
            path.append(node)
            node = parents[node]
        if node in on_path:  # the walk came back to itself
            loop = path[on_path[node] :]
            for k, actor in enumerate(loop):
                out[actor] = [*loop[k:], *loop[:k], actor]
        done.update(path)
    return out


def check_actor_parents(parsed: Parsed, skip: Skip) -> Iterator[Problem]:
    if (actors := parsed.tables.get("actors")) is None:
        return
    lines = parsed.lines["actors"]
    pairs = actors[["actor_id", "parent_actor_id"]].dropna()
    parents = dict(zip(pairs["actor_id"], pairs["parent_actor_id"], strict=True))
    cycles = parent_cycles({a: p for a, p in parents.items() if a != p})
    for i, actor, parent in pairs.itertuples():
        if actor == parent:
            yield Problem(
                "actors.csv",
                lines[i],
                "parent_actor_id",
                parent,
                "an actor cannot be its own parent",
            )
        elif actor in cycles:
            yield Problem(
                "actors.csv",
                lines[i],
                "parent_actor_id",
                parent,
                f"parents form a cycle: {' → '.join(cycles[actor])}",
            )


def name_key(name: str) -> str:
    return " ".join(name.casefold().split())


def check_actor_names(parsed: Parsed, skip: Skip) -> Iterator[Problem]:
    if (actors := parsed.tables.get("actors")) is None:
        return
    lines = parsed.lines["actors"]
    named = actors[["actor_id", "name"]].dropna()
    groups = named.groupby(named["name"].map(name_key), sort=False).groups
    for index in groups.values():
        if len(index) < 2:
            continue
        for i in index:
            j = next(k for k in index if k != i)
            other = f"{named.at[j, 'actor_id']} (line {lines[j]})"
            yield Problem(
                "actors.csv",
                lines[i],
                "name",
                named.at[i, "name"],
                f"another actor has the same name: {other}",
            )


RULES = (
    Rule(
        "reference_exists",
        "Every id in a reference column, and every item of an id list, names a row of the "
        "table it refers to; `article_id` names a seed.",
        check_references,
    ),
    Rule(
        "answer_names_its_rows",
        "A row with stance `denies` or `acknowledges` names the rows it answers in "
        "`responds_to_event_ids`.",
        check_answers_name_rows,
    ),
    Rule(
        "answer_not_itself",
        "A row does not answer itself: `responds_to_event_ids` does not hold its own `event_id`.",
        check_answers_not_self,
    ),
    Rule(
        "actor_parents_end",
        "An actor is not its own parent, and following `parent_actor_id` never comes back to "
        "where it started (A → B → A).",
        check_actor_parents,
    ),
    Rule(
        "actor_names_distinct",
        "No two actors share a name (case and spacing aside): filters and charts list actors by "
        "name, and two under one name would be merged silently.",
        check_actor_names,
    ),
)
