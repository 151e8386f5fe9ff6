"""Proposals, challenges and references as CSV, written by the standard csv module."""

from __future__ import annotations

import csv
import io

from ..model import Edition

# Several values in one cell are joined with this, which no id or paragraph id contains.
JOIN = "; "


# A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(…), +cmd|…). Such a
# cell gets an apostrophe before it, the common neutralisation (OWASP): the text is kept, one character
# longer, and nothing runs. No value in the data starts so (ids cannot; titles and summaries do not).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _csv(header: list[str], rows: list[list]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([cell(value) for value in row] for row in rows)
    return out.getvalue()


def proposals(edition: Edition) -> str:
    header = [
        "id",
        "title",
        "statement",
        "area",
        "challenges",
        "actors",
        "three_p",
        "instrument",
        "horizon",
        "status",
        "paragraphs",
    ]
    rows = [
        [
            p.id,
            p.title,
            p.statement,
            p.area,
            JOIN.join(p.challenges),
            JOIN.join(p.actors),
            JOIN.join(p.three_p),
            p.instrument,
            p.horizon.term,
            p.status.value if p.status else "",
            JOIN.join(dict.fromkeys(q.paragraph for q in p.quotes)),
        ]
        for p in edition.proposals
    ]
    return _csv(header, rows)


def challenges(edition: Edition) -> str:
    header = ["id", "title", "summary", "paragraphs", "proposals"]
    rows = [
        [
            c.id,
            c.title,
            c.summary,
            JOIN.join(dict.fromkeys(q.paragraph for q in c.quotes)),
            JOIN.join(p.id for p in edition.proposals_by_challenge.get(c.id, [])),
        ]
        for c in edition.challenges
    ]
    return _csv(header, rows)


def references(edition: Edition) -> str:
    """Every work the paper lists or cites: listed ones with the list's details, the others with author and year."""
    header = [
        "id",
        "in_reference_list",
        "cited_as",
        "author",
        "year",
        "title",
        "container_title",
        "url",
        "printed",
        "cited_in",
    ]
    cites = edition.citations
    rows = []
    for work in cites.works:
        ref = work.reference
        cited_as = JOIN.join(dict.fromkeys(c.found.key for c in cites.all_cites() if c.work.id == work.id))
        rows.append(
            [
                work.id,
                "yes" if ref else "no",
                cited_as,
                work.author,
                work.year or "",
                ref.title if ref else "",
                (ref.container_title or "") if ref else "",
                (ref.URL or "") if ref else "",
                ref.printed if ref else "",
                JOIN.join(cites.cited_in.get(work.id, [])),
            ]
        )
    return _csv(header, rows)
