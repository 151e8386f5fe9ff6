"""CSL-JSON of the paper's reference list, and the paper in every format of a cite box.

The formatting itself (Chicago, APA, MLA) is cite_styles.py's, by the CSL engine in csl_engine.py.
"""

from __future__ import annotations

import json

from . import records as r
from .cite_styles import PAPER_ID, STYLES, Pinpoint, paper_item, styled
from .citations import author_key, printed_year
from .model import Edition


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


def paper_citation_text(edition: Edition, url: str = "") -> str:
    """The paper's Chicago reference entry, as plain text, ending with the URL if one is given."""
    return styled(edition).entry_text("chicago", url) if url else styled(edition).entry_without_url()


# The formats of every cite box, in the order shown: three CSL styles, then three for reference managers.
FORMATS = {
    "chicago": "Chicago (author-date)",
    "apa": "APA",
    "mla": "MLA",
    "bibtex": "BibTeX",
    "ris": "RIS",
    "csl-json": "CSL-JSON",
}


def cite_formats(edition: Edition, url: str, pinpoint: Pinpoint = Pinpoint(), key: str = PAPER_ID) -> dict[str, str]:
    """The paper, or a part of it, for reference managers: each names the paper, carries the exact URL and,
    as a note, the pinpoint in the edition's own marks ("¶18"). The styles' entries are `styled(...)`'s."""
    from .export import bibtex, ris  # the writers live with the downloads that share them

    item = paper_item(edition, url)
    note = pinpoint.symbols or None
    out = {style: styled(edition).entry_text(style, url) for style in STYLES}
    out["bibtex"] = bibtex.dumps([bibtex.entry(item, key, note)]).strip() + "\n"
    out["ris"] = ris.dumps([ris.record(item, note, key)])
    csl = dict(item, id=key)
    if note:
        csl["note"] = note
    out["csl-json"] = json.dumps([csl], ensure_ascii=False, indent=2) + "\n"
    return out
