"""Numbered editions: which records an id names, the label a citation carries, and the redirects that
renamed ids leave behind (data/edition.yml)."""

from __future__ import annotations

from urllib.parse import urlsplit

from . import records as r
from . import urls
from .escape import esc
from .model import Edition

# A change's kind says which records its ids may name; "record-*" and "id-renamed" may name any.
CHANGE_RECORDS = {"erratum": "erratum", "query": "query", "proposal": "proposal"}
# Renamed records of these kinds have a page of their own, which moves: the old page gets a redirect. Other
# ids are anchors, which a server cannot redirect; the URL contract keeps the old anchor working instead.
PAGE_OF_KIND = {
    "proposal": urls.proposal_page,
    "challenge": urls.challenge_page,
    "area": urls.area_page,
    "actor": urls.actor_page,
}


def record_kinds(edition: Edition) -> dict[str, str]:
    """Every id of the edition's records, with its kind ("erratum", "paragraph", "proposal", …)."""
    kinds: dict[str, str] = {}
    groups = (
        ("section", [s.id for s in edition.sections]),
        ("subsection", list(edition.subsections)),
        ("paragraph", list(edition.paragraph)),
        ("figure", list(edition.figure)),
        ("reference", list(edition.reference)),
        ("erratum", [e.id for e in edition.errata]),
        ("query", [q.id for q in edition.queries]),
        ("challenge", [c.id for c in edition.challenges]),
        ("area", [a.id for a in edition.areas]),
        ("proposal", [p.id for p in edition.proposals]),
        ("actor", [a.id for a in edition.actors]),
        ("term", [t.id for t in edition.terms]),
        ("event", [e.id for e in edition.events]),
    )
    for kind, ids in groups:
        for record_id in ids:
            kinds.setdefault(record_id, kind)
    return kinds


def label(numbered: r.NumberedEdition) -> str:
    """How the edition names itself in footers, the PDF and citations: "Edition 1 (2026-11-29)"."""
    return f"Edition {numbered.number} ({numbered.date})"


def footer_html(numbered: r.NumberedEdition, site_url: str, directory_urls: bool) -> str:
    """The edition's line in every page's footer (the theme's copyright slot, the same HTML on every page),
    linked to the changelog by its path from the site's root; the offline edition, opened from files, has
    no root to start from, so its line is plain."""
    words = esc(label(numbered))
    if directory_urls:
        href = urlsplit(urls.absolute_url(site_url or "/", urls.CHANGELOG)).path
        words = f'<a href="{esc(href)}">{words}</a>'
    return f'<span class="edition-stamp">Reference edition · {words}</span>'


def version(numbered: r.NumberedEdition) -> str:
    """The version or edition field of a citation format (CSL `version`, BibTeX `version`, RIS `ET`)."""
    return str(numbered.number)


def renames(edition: Edition) -> list[tuple[int, r.Change]]:
    """Every id-renamed change of every edition, oldest first, with its edition's number."""
    return [(n.number, change) for n in edition.numbered for change in n.changes if change.kind == "id-renamed"]


def redirects(edition: Edition) -> list[tuple[str, str]]:
    """(old page, new page) source paths for each renamed record that has a page, oldest rename first.
    A record renamed twice redirects from both old ids to the newest page."""
    kinds = record_kinds(edition)
    newest: dict[str, str] = {}
    for _number, change in renames(edition):
        if change.renamed_from and change.ids:
            newest[change.renamed_from] = change.ids[0]
    out = []
    for old, new in newest.items():
        while new in newest:  # renamed again later
            new = newest[new]
        page = PAGE_OF_KIND.get(kinds.get(new, ""))
        if page is not None:
            out.append((page(old), page(new)))
    return out
