"""CSL-JSON of the paper and of its reference list, and the paper in the formats reference managers read.

The styles (Chicago, APA, MLA) are cite_styles.py's, formatted by the CSL engine in csl_engine.py.
"""

from __future__ import annotations

import json

from . import editions
from . import records as r
from .export import bibtex, ris  # the writers live with the downloads that share them
from .intext_citations import author_key, printed_year
from .model import ABSTRACT_ID, Edition

# The paper's id for the CSL engine, and its key in BibTeX, RIS and CSL-JSON files (boxes and downloads).
PAPER_ID = "lee-2025"
PAPER_KEY = "lee2025"


def paper_item(edition: Edition, url: str | None = None, abstract: bool = False) -> dict:
    """The paper as a CSL-JSON item, with only facts the paper states (no place, DOI or page count).

    The number goes in `number`, which Zotero reads as the report number (`collection-number` it drops
    for a report); `collection-title` is the series, `genre` the paper's own label "Working Paper"."""
    paper = edition.paper
    year, month, day = (int(part) for part in paper.date.split("-"))
    item = {
        "id": PAPER_ID,
        "type": "report",
        "title": paper.title,
        "author": [{"family": paper.author.family, "given": paper.author.given}],
        "issued": {"date-parts": [[year, month, day]]},
        "genre": paper.type,
        "collection-title": paper.series.title,
        "number": str(paper.series.number),
        "publisher": paper.publisher,
        "language": paper.language,
        # The numbered edition of this reference edition (data/edition.yml): the styles print "Version 1".
        "version": editions.version(edition.current),
    }
    if abstract:
        item["abstract"] = edition.text(ABSTRACT_ID)
    if url:
        item["URL"] = url
    return item


def reference_csl(ref: r.Reference) -> dict:
    """A reference-list entry as a CSL-JSON item, with the year suffix (2023a) the list prints.

    CSL processors (citeproc-js, pandoc) ignore `year-suffix` and letter works of one author and year by
    the style's own order; the id and the note keep the paper's letter (see `listed_as`)."""
    item: dict = {"id": ref.id, "type": ref.type, "title": ref.title}
    item["author"] = [
        {part: getattr(name, part) for part in ("family", "given", "literal") if getattr(name, part)}
        for name in ref.author
    ]
    for key, value in (("container-title", ref.container_title), ("publisher", ref.publisher), ("URL", ref.URL)):
        if value:
            item[key] = value
    for key, date in (("issued", ref.issued), ("accessed", ref.accessed)):
        if date:
            item[key] = {"date-parts": [list(parts) for parts in date.date_parts]}
    year = printed_year(ref)
    if year and not year[-1].isdigit():
        item["year-suffix"] = year[-1]
    return item


def listed_as(ref: r.Reference) -> str:
    """The note that keeps the paper's own key for an entry, e.g. "Office of the President 2023a"."""
    year = printed_year(ref)
    return f"Listed in the paper’s references as {author_key(ref.author)} {year or '(no year)'}."


# The formats of every cite box, in the order shown: three CSL styles, then three for reference managers.
FORMATS = {
    "chicago": "Chicago (author-date)",
    "apa": "APA",
    "mla": "MLA",
    "bibtex": "BibTeX",
    "ris": "RIS",
    "csl-json": "CSL-JSON",
}


def manager_formats(edition: Edition, url: str, note: str = "", key: str = PAPER_KEY) -> dict[str, str]:
    """The paper, or a part of it, as BibTeX, RIS and CSL-JSON: each names the paper, carries the exact URL
    and, as a note, the pinpoint in the edition's own marks ("¶18")."""
    item = paper_item(edition, url)
    out = {
        "bibtex": bibtex.dumps([bibtex.entry(item, key, note or None)]).strip() + "\n",
        "ris": ris.dumps([ris.record(item, note or None, key)]),
    }
    csl = dict(item, id=key)
    if note:
        csl["note"] = note
    out["csl-json"] = json.dumps([csl], ensure_ascii=False, indent=2) + "\n"
    return out
