"""The Checker: collects every DataError with its file:line:column, and the small checks all kinds share."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol

from . import records as r
from . import safety, verbatim
from .errors import DataError, did_you_mean
from .fidelity import quote_problem
from .load import Loaded, Located
from .model import Edition


class _Record(Protocol):
    @property
    def id(self) -> str: ...


class Checker:
    def __init__(self, loaded: Loaded) -> None:
        self.loaded = loaded
        self.errors: list[DataError] = []
        # Errata may point at any text, so the ids of the abstract, sections, subsections, paragraphs, figures
        # and references share one namespace; filled by the text's checks, in the order they run.
        self.text_ids: dict[str, tuple[Located, str]] = {}
        # The sections in the order data/paper.yml lists them; None while paper.yml or a section file could
        # not be read (checks that need every paragraph wait for them, so as not to echo those errors).
        self.sections: list[Located] | None = None

    def error(self, where: Located, path: str, message: str) -> None:
        self.errors.append(DataError(where.mark(path), path, message))

    def file(self, kind: type) -> Located | None:
        return self.loaded.of(kind)

    def needed(self, kind: type) -> Located:
        """A file the Edition is built from (validate.NEEDED_FOR_EDITION): loaded wherever an Edition exists."""
        located = self.file(kind)
        if located is None:
            raise LookupError(f"{kind.__name__}: the Edition needs this file, and it did not load")
        return located

    def ids(self, kind: type, records: Iterable) -> list[str] | None:
        """The ids of a kind's records, or None if its file did not load (its own errors say why)."""
        return [record.id for record in records] if self.file(kind) else None

    def unique(self, where: Located, items: Iterable[tuple[str, str]], seen: dict[str, tuple[Located, str]]) -> None:
        """items are (path of the id field, id); seen carries ids across files that share a namespace."""
        for path, value in items:
            if value in seen:
                other, other_path = seen[value]
                self.error(
                    where,
                    path,
                    f"duplicate id '{value}': already used at {other.mark(other_path)}; every id must be unique",
                )
            else:
                seen[value] = (where, path)

    def refers(self, where: Located, path: str, value: str, known: Iterable[str] | None, what: str) -> bool:
        if known is None:  # the file that defines them did not load; its own errors say why
            return True
        known = list(known)
        if value not in known:
            self.error(
                where,
                path,
                f"expected the id of {what}, found '{value}', which does not exist{did_you_mean(value, known)}",
            )
            return False
        return True

    def quote(self, where: Located, path: str, quote: r.Quote, edition: Edition) -> None:
        if self.refers(where, f"{path}.paragraph", quote.paragraph, edition.paragraph, "a paragraph"):
            self.words(where, f"{path}.text", quote.text, quote.paragraph, edition)

    def quotes(self, where: Located, path: str, quotes: list[r.Quote], edition: Edition, field: str = "quotes") -> None:
        if not quotes:
            self.error(where, f"{path}.{field}", "expected at least one quote from the paper, found an empty list")
        for j, quote in enumerate(quotes):
            self.quote(where, f"{path}.{field}[{j}]", quote, edition)

    def error_at(self, where: Located, path: str, value: str, offset: int, message: str) -> None:
        """An error pointed at one character of a value: the first that is wrong."""
        mark = safety.char_mark(where, path, value, offset, self.loaded.data_dir)
        self.errors.append(DataError(mark, path, message))

    def words(self, where: Located, path: str, words: str, paragraph_id: str, edition: Edition) -> None:
        # Shown as the author's, so checked against the printed words (fidelity.py says why).
        if paragraph_id in edition.paragraph and (problem := quote_problem(edition, paragraph_id, words)):
            printed = edition.printed(paragraph_id)
            if words in printed:
                self.error(where, path, problem)
            else:  # not verbatim: the mark points at the first character that departs from the printed words
                self.error_at(where, path, words, verbatim.quote_difference(words, printed, "")[0], problem)

    def every_used(self, where: Located | None, key: str, items: Iterable[_Record], used: dict) -> None:
        if where is None:
            return
        for i, item in enumerate(items):
            if item.id not in used:
                self.error(where, f"{key}[{i}].id", f"expected at least one proposal to name '{item.id}', found none")


def paragraph_paths(section: r.Section) -> Iterator[tuple[str, r.Paragraph]]:
    """Each paragraph of a section in reading order, with its field path in the section's file."""
    for k, (subsection, paragraphs) in enumerate(section.groups()):
        prefix = "" if subsection is None else f"subsections[{k - 1}]."
        for j, paragraph in enumerate(paragraphs):
            yield f"{prefix}paragraphs[{j}]", paragraph
