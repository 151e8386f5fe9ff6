"""In-text citations: found in the corrected text by one tested rule, and resolved to the works they cite.

The paper cites author-date, e.g. "(Kim 2015)" or "(Office of the President 2023a; 2023b; 2023c)".
A cited key either matches an entry of the paper's reference list or names a work the list lacks;
such works carry only what the text gives (author and year), never a title or publisher.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict

from . import records as r

# A parenthesis that ends in a year (with an optional a/b/c suffix) and begins with a capital letter.
_GROUP = re.compile(r"\(([A-Z][^()]*?\b\d{4}[a-z]?)\)")
# One item of a group: an author part (empty after a ";" that repeats the author) and a year.
_ITEM = re.compile(r"(?P<author>[^;]*?)\s*(?P<year>\b\d{4}[a-z]?)\s*$")
# The year and suffix as the reference list prints them, e.g. "Office of the President. 2023a."
_PRINTED_YEAR = re.compile(r"\.\s(\d{4}[a-z]?)\.")
UNLISTED_PREFIX = "unlisted-"


@dataclasses.dataclass(frozen=True)
class Found:
    start: int  # offsets in the corrected text, covering the item's words (not the parentheses)
    end: int
    author: str
    year: str

    @property
    def key(self) -> str:
        return f"{self.author} {self.year}"


def find(text: str) -> list[Found]:
    """Every citation item in a text, in reading order."""
    found: list[Found] = []
    for group in _GROUP.finditer(text):
        position = group.start(1)
        author = ""
        for part in group.group(1).split(";"):
            leading = len(part) - len(part.lstrip())
            match = _ITEM.fullmatch(part.strip())
            start = position + leading
            position += len(part) + 1
            if match is None:
                continue
            author = match.group("author").strip() or author
            found.append(Found(start, start + len(part.strip()), author, match.group("year")))
    return found


@dataclasses.dataclass(frozen=True)
class Work:
    id: str
    author: str  # as the text or the list names it, e.g. "Tyson and Zysman"
    year: str | None  # None where the list prints no year
    reference: r.Reference | None = None  # None: cited in the text, absent from the paper's list

    @property
    def key(self) -> str:
        return f"{self.author} {self.year}" if self.year else self.author


@dataclasses.dataclass(frozen=True)
class Cite:
    paragraph_id: str
    found: Found
    work: Work

    @property
    def mismatch(self) -> bool:
        """The text's key differs from the list's (an undated entry cited with a year)."""
        return self.found.key != self.work.key


@dataclasses.dataclass
class Index:
    cites: dict[str, list[Cite]]  # by paragraph id, in reading order
    works: list[Work]  # the listed works in list order, then the unlisted ones in order of first citation
    work: dict[str, Work]
    cited_in: dict[str, list[str]]  # work id -> paragraph ids, each once, in reading order

    @property
    def listed(self) -> list[Work]:
        return [work for work in self.works if work.reference]

    @property
    def unlisted(self) -> list[Work]:
        return [work for work in self.works if not work.reference]

    def all_cites(self) -> list[Cite]:
        return [cite for cites in self.cites.values() for cite in cites]


def author_key(names: list[r.Name]) -> str:
    """How author-date citations name the authors: 'A', 'A and B', or 'A et al.'."""
    families = [name.family or name.literal or "" for name in names]
    if len(families) > 2:
        return f"{families[0]} et al."
    return " and ".join(families)


def printed_year(ref: r.Reference) -> str | None:
    """The year with its a/b/c suffix as the list prints it, or None for an undated entry."""
    if not ref.issued:
        return None
    match = _PRINTED_YEAR.search(ref.printed)
    return match.group(1) if match else str(ref.issued.date_parts[0][0])


def _slug(key: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-")


def build(references: list[r.Reference], texts: dict[str, str]) -> Index:
    """The index of a text: `texts` holds each paragraph's corrected text by id, in reading order."""
    listed = [Work(ref.id, author_key(ref.author), printed_year(ref), ref) for ref in references]
    by_key = {work.key: work for work in listed}
    # An undated entry is matched by its author alone; the mismatch is flagged on the references page.
    undated = {work.author: work for work in listed if work.year is None}
    unlisted: dict[str, Work] = {}
    cites: dict[str, list[Cite]] = {}
    cited_in: dict[str, list[str]] = defaultdict(list)
    for paragraph_id, text in texts.items():
        found_here = find(text)
        if not found_here:
            continue
        cites[paragraph_id] = []
        for found in found_here:
            work = by_key.get(found.key) or undated.get(found.author)
            if work is None:
                work = unlisted.setdefault(
                    found.key, Work(UNLISTED_PREFIX + _slug(found.key), found.author, found.year)
                )
            cites[paragraph_id].append(Cite(paragraph_id, found, work))
            if paragraph_id not in cited_in[work.id]:
                cited_in[work.id].append(paragraph_id)
    works = listed + list(unlisted.values())
    return Index(cites, works, {work.id: work for work in works}, dict(cited_in))


def former_work_ids(withdrawn: list[r.WithdrawnErratum], index: Index) -> dict[str, list[str]]:
    """Ids a work had before a correction inside its citation was withdrawn (data/errata.yml `withdrawn`):
    an unlisted work's id is made from the key the text cites, and a published anchor must keep working
    (e2 took "Farrell" back to the printed "Farell"; #ref-unlisted-farrell-and-newman-2023 stays)."""
    former: dict[str, list[str]] = defaultdict(list)
    for erratum in withdrawn:
        for cite in index.cites.get(erratum.target, []):
            if cite.work.reference is None and erratum.original in cite.found.key:
                old = UNLISTED_PREFIX + _slug(cite.found.key.replace(erratum.original, erratum.corrected))
                if old != cite.work.id and old not in former[cite.work.id]:
                    former[cite.work.id].append(old)
    return dict(former)
