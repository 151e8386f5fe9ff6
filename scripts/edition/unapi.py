"""unAPI on a static site: what makes Zotero save any page as a complete report.

Zotero saves a page with the first of its translators that recognises it. unAPI (priority 300) comes before
COinS (310) and Highwire tags (320), and it is the only one of the three that can carry everything:
COinS has no key for a report's number or type, and Zotero's Highwire reader drops a report's series
(checked with translation-server; see tests/test_zotero.py). The unAPI translator reads
`<link rel="unapi-server" href=X>` and `<abbr class="unapi-id" title=ID>`, asks X for the list of formats
and then X?id=ID&format=ris for the record. A static host ignores the query, so X is one file that is
both: an XML format list whose only text is the page's RIS record, in a CDATA section. Zotero's RIS reader
skips the XML lines around it. COinS and Highwire stay on every page for other readers (and as Zotero's
fallback where the file cannot be fetched, as from file://).
"""

from __future__ import annotations

import posixpath

from .csl import PAPER_KEY, paper_item
from .escape import esc
from .export import ris
from .model import Edition

UNAPI_DIR = "unapi"
MEDIA_TYPE = "application/xml"


def record_path(src_uri: str) -> str:
    """Where a page's unAPI file is written: unapi/sections/iv.xml for sections/iv.md."""
    return f"{UNAPI_DIR}/{src_uri.removesuffix('.md')}.xml"


def _path(url: str) -> str:
    # MkDocs gives the home page's URL as "./" in some places and "" in others.
    return "" if url in (".", "./") else url


def href(page_url_path: str, src_uri: str) -> str:
    """The page's link to its unAPI file, relative, so it works under any base path."""
    page_url_path = _path(page_url_path)
    folder = page_url_path if page_url_path.endswith("/") or not page_url_path else posixpath.dirname(page_url_path)
    return posixpath.relpath(record_path(src_uri), folder or ".")


def document(edition: Edition, page_url: str) -> str:
    """The format list and, inside it, the RIS record of the paper at this page's URL."""
    record = ris.dumps([ris.record(paper_item(edition, page_url, abstract=True), key=PAPER_KEY)])
    # "]]>" would end the CDATA section early; split it so the XML stays whole whatever the data says.
    record = record.replace("]]>", "]]]]><![CDATA[>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<formats id="{esc(PAPER_KEY)}"><format name="ris" type="application/x-research-info-systems"/><![CDATA[\n'
        f"{record}]]></formats>\n"
    )


def head_link(page_url_path: str, src_uri: str) -> str:
    return f'<link rel="unapi-server" type="{MEDIA_TYPE}" title="unAPI" href="{esc(href(page_url_path, src_uri))}">'


def body_id() -> str:
    return f'<abbr class="unapi-id" title="{esc(PAPER_KEY)}" hidden></abbr>'


def files(edition: Edition, pages: list[tuple[str, str]], site_url: str) -> dict[str, str]:
    """{unAPI file: content} for (src_uri, URL path) of every page."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    return {record_path(src): document(edition, base + _path(url)) for src, url in pages}
