"""Row rules: checks that span columns, tables and seeds, each named and described once so the
codebook can list them. Cell rules (types, allowed values, ranges) live in parsing.py."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain

from dashboard.data.parsing import EARLIEST, LATEST
from dashboard.data.problems import MAX_PER_KIND, Problem
from dashboard.data.reading import Parsed
from dashboard.data.rules import passages, references, relations, text, transfers, windows
from dashboard.data.rules.base import Rule

ROW_RULES: tuple[Rule, ...] = (
    *references.RULES,
    *windows.RULES,
    *passages.RULES,
    *transfers.RULES,
    *text.RULES,
    *relations.RULES,
)

# Said in the codebook above the table of row rules.
ROW_RULES_PREFACE = (
    "`python -m dashboard validate` checks every cell against the columns above, and every row "
    "against the rules below. Every date, in a table or a seed's metadata, lies within "
    f"{EARLIEST}..{LATEST}; every whole number within 64 bits. An **error** names file, line, "
    "column and value, and the dataset does not load until it is fixed; a **warning** is "
    "printed (and `validate` still exits 0) and the dataset loads. Of each kind of problem in "
    f"a file the first {MAX_PER_KIND} are listed, then a line counts the rest.",
)

__all__ = ["ROW_RULES", "ROW_RULES_PREFACE", "Rule", "check_all"]


def check_all(parsed: Parsed) -> Iterator[Problem]:
    """Every row-rule problem, beside the parse problems already in `parsed` (a rule of
    severity warning gives warnings). Lazily: a capped list that takes them stays small."""
    skip = {(p.file, p.line, p.column) for p in parsed.problems}
    return chain.from_iterable(_guarded(rule, parsed, skip) for rule in ROW_RULES)


def _guarded(rule: Rule, parsed: Parsed, skip: set) -> Iterator[Problem]:
    """A rule that fails on data no one foresaw is reported by name; the others still run."""
    try:
        yield from rule.check(parsed, skip)
    except Exception as err:
        yield Problem("", 0, "", "", f"row rule {rule.name} could not run: {err!r}")
