"""The check of data/edition.yml: editions numbered 1, 2, 3… with dates in order, and changes that name
the records they concern (registered in validate.EDITION_CHECKS).

Whether the text layer changed without a new edition is not a data error (an editor previews changes before
numbering them): tests/test_editions.py and `python -m edition text-layer` report it.
"""

from __future__ import annotations

import datetime

from . import records as r
from .checker import Checker
from .editions import CHANGE_RECORDS, record_kinds
from .errors import did_you_mean
from .load import DATA_FILES, Located
from .model import Edition


def editions(c: Checker, edition: Edition) -> None:
    where = c.file(r.EditionsFile)
    if where is None:
        return
    if not edition.numbered:
        c.error(where, "editions", "expected at least one edition (number 1, its date and its changes), found none")
        return
    previous = edition.paper.date
    for i, numbered in enumerate(edition.numbered):
        path = f"editions[{i}]"
        if numbered.number != i + 1:
            c.error(
                where,
                f"{path}.number",
                f"expected {i + 1} (editions are numbered 1, 2, 3… in order), found {numbered.number}",
            )
        if _date(c, where, f"{path}.date", numbered.date):
            if numbered.date < previous:
                c.error(
                    where,
                    f"{path}.date",
                    f"expected a date on or after {previous} (the paper’s or the previous "
                    f"edition’s date), found {numbered.date}",
                )
            previous = numbered.date
        _changes(c, where, path, numbered, i == 0)
    if any(c.file(kind) is None for kind in DATA_FILES.values()):
        return  # a file that did not load has no records to name; its own errors say why
    kinds = record_kinds(edition)
    last = len(edition.numbered) - 1
    for j, change in enumerate(edition.numbered[-1].changes):
        _names(c, where, f"editions[{last}].changes[{j}]", change, kinds)


def _date(c: Checker, where: Located, path: str, value: str) -> bool:
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        c.error(where, path, f"expected a date written YYYY-MM-DD, found '{value}'")
        return False
    if len(value) != 10:
        c.error(where, path, f"expected a date written YYYY-MM-DD, found '{value}'")
        return False
    return True


def _changes(c: Checker, where: Located, path: str, numbered: r.NumberedEdition, first: bool) -> None:
    if not numbered.changes:
        c.error(
            where,
            f"{path}.changes",
            "expected at least one change (what this edition changed in the text layer), found none",
        )
    for j, change in enumerate(numbered.changes):
        change_path = f"{path}.changes[{j}]"
        if change.kind == "first-edition" and not first:
            c.error(
                where, f"{change_path}.kind", "expected 'first-edition' only in edition 1, found it in a later edition"
            )
        if change.kind == "id-renamed":
            if not change.renamed_from or len(change.ids) != 1:
                c.error(
                    where,
                    change_path,
                    "expected an id-renamed change to give 'from' (the old id) and one id in 'ids' (the new id)",
                )
        elif change.renamed_from:
            c.error(
                where, f"{change_path}.from", f"expected 'from' only on an id-renamed change, found it on {change.kind}"
            )


def _a(kind: str) -> str:
    return ("an " if kind[0] in "aeiou" else "a ") + kind


def _names(c: Checker, where: Located, path: str, change: r.Change, kinds: dict[str, str]) -> None:
    """In the newest edition, the ids a change names are this edition's (or, once withdrawn, no longer are)."""
    family = change.kind.split("-", 1)[0]
    wanted = CHANGE_RECORDS.get(family)
    gone = change.kind.endswith("-withdrawn")
    for k, record_id in enumerate(change.ids):
        found = kinds.get(record_id)
        if gone and found is not None and (wanted is None or found == wanted):
            c.error(
                where,
                f"{path}.ids[{k}]",
                f"expected an id this edition no longer has ({change.kind}), found "
                f"'{record_id}', which is still {_a(found)}",
            )
        elif not gone and found is None:
            c.error(
                where,
                f"{path}.ids[{k}]",
                f"expected the id of a record of this edition, found '{record_id}', "
                f"which does not exist{did_you_mean(record_id, kinds)}",
            )
        elif not gone and wanted is not None and found is not None and found != wanted:
            c.error(
                where,
                f"{path}.ids[{k}]",
                f"expected the id of {_a(wanted)} ({change.kind}), found '{record_id}', which is {_a(found)}",
            )
    if change.renamed_from is not None and change.renamed_from in kinds:
        c.error(
            where,
            f"{path}.from",
            f"expected the old id, which this edition no longer has, found "
            f"'{change.renamed_from}', which is still {_a(kinds[change.renamed_from])}",
        )
