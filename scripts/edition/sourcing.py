"""Every statement the editor makes is tied to the paragraphs that say it, or labelled as general knowledge;
every front-matter value says where it comes from.

A summary or definition (challenges, 3P, areas, actors, glossary) lists in `sources` the paragraphs it
rests on; what the paper does not say goes in `general`, which the site labels as the editor's general
knowledge. Timeline titles rest on their own quote's paragraph.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Iterator
from typing import Any

from . import records as r
from .model import Edition

# Where a front-matter value may come from besides a line of data/source/: the publisher's web page
# itself, which shows things its saved text does not hold (the publisher's name, the page's language).
PUBLISHERS_PAGE = "publisher's page"
# Front-matter fields that are the edition's own structure or bookkeeping, not facts about the paper.
# `title_sentence_case` is the title restyled for APA; checks_text.paper checks that only its capitals differ.
NOT_FRONT_MATTER = {"contents", "provenance", "title_sentence_case"}


@dataclasses.dataclass(frozen=True)
class Sourced:
    """One editor's text with what it rests on."""

    kind: str  # the file's list: "challenges", "three_p", "areas", "actors", "terms"
    record: Any
    file: str
    path: str  # e.g. "challenges[2]"


SOURCED_FILES = (
    ("challenges.yml", "challenges"),
    ("areas.yml", "three_p"),
    ("areas.yml", "areas"),
    ("actors.yml", "actors"),
    ("glossary.yml", "terms"),
)


def sourced(edition: Edition) -> Iterator[Sourced]:
    for file, kind in SOURCED_FILES:
        for i, record in enumerate(getattr(edition, kind)):
            yield Sourced(kind, record, file, f"{kind}[{i}]")


def general_statements(edition: Edition) -> list[Sourced]:
    return [item for item in sourced(edition) if item.record.general]


Problem = tuple[str, str]  # (field path in its file, message)


def sources_problems(edition: Edition, kind: str) -> list[Problem]:
    """A kind's summaries or definitions each name the paragraphs they rest on ("challenges", "terms", …)."""
    problems: list[Problem] = []
    for item in sourced(edition):
        if item.kind != kind:
            continue
        if not item.record.sources:
            problems.append(
                (
                    f"{item.path}.sources",
                    "expected the paragraphs the editor's text rests on, found an empty list; put what the paper "
                    "does not say in 'general'",
                )
            )
        for j, paragraph_id in enumerate(item.record.sources):
            if paragraph_id not in edition.paragraph:
                problems.append(
                    (f"{item.path}.sources[{j}]", f"expected the id of a paragraph, found '{paragraph_id}'")
                )
    return problems


def front_matter(paper: r.Paper) -> Iterator[tuple[str, Any]]:
    """(dotted field, value) of every front-matter fact in data/paper.yml."""
    for f in dataclasses.fields(paper):
        value = getattr(paper, f.name)
        if f.name in NOT_FRONT_MATTER or f.name.endswith("_source_line"):
            continue
        if dataclasses.is_dataclass(value):
            for inner in dataclasses.fields(value):
                if not inner.name.endswith("_source_line"):
                    yield f"{f.name}.{inner.name}", getattr(value, inner.name)
        else:
            yield f.name, value


def own_line(paper: r.Paper, field: str) -> int | None:
    """The `<field>_source_line` written beside a value, if any ("type" and "date" share one)."""
    *parents, name = field.split(".")
    holder = paper
    for parent in parents:
        holder = getattr(holder, parent)
    for candidate in (f"{name}_source_line", "type_date_source_line" if name in ("type", "date") else ""):
        if candidate and hasattr(holder, candidate):
            return getattr(holder, candidate)
    return None


def provenance(paper: r.Paper) -> list[tuple[str, Any, str]]:
    """(field, value, where it comes from) for the Editorial method page."""
    listed = {entry.field: entry for entry in paper.provenance}
    rows = []
    for field, value in front_matter(paper):
        line = own_line(paper, field)
        entry = listed.get(field)
        if line is None and entry is not None:
            line = entry.line
        where = f"source line {line}" if line is not None else (entry.source if entry and entry.source else "")
        rows.append((field, value, where))
    return rows


def _on_line(value: Any, line: str) -> bool:
    if isinstance(value, int):
        # A number may be printed as a circled digit: the series number is "⑤".
        return str(value) in line or any(unicodedata.numeric(ch, None) == value for ch in line)
    return str(value) in line


def provenance_problems(paper: r.Paper, lines: list[str]) -> list[Problem]:
    """Every front-matter value has a source: its own line, or a provenance entry that checks out."""
    problems: list[Problem] = []
    fields = dict(front_matter(paper))
    listed: set[str] = set()
    for i, entry in enumerate(paper.provenance):
        path = f"provenance[{i}]"
        if entry.field not in fields:
            problems.append((f"{path}.field", f"expected a front-matter field of this file, found '{entry.field}'"))
            continue
        listed.add(entry.field)
        if (entry.line is None) == (entry.source is None):
            problems.append(
                (
                    path,
                    f"expected either a source line or source: \"{PUBLISHERS_PAGE}\", found "
                    + ("both" if entry.line is not None else "neither"),
                )
            )
        elif entry.line is not None and not 1 <= entry.line <= len(lines):
            problems.append(
                (f"{path}.line", f"expected a line number from 1 to {len(lines)} of the source, found {entry.line}")
            )
        elif entry.line is not None and not _on_line(fields[entry.field], lines[entry.line - 1]):
            problems.append(
                (
                    f"{path}.line",
                    f"expected a line that prints {entry.field} ('{fields[entry.field]}'), found line {entry.line}",
                )
            )
    for field in fields:
        if own_line(paper, field) is None and field not in listed:
            problems.append(
                (
                    "provenance",
                    f"expected where '{field}' comes from (a source line, or source: \"{PUBLISHERS_PAGE}\"), found nothing",
                )
            )
    return problems
