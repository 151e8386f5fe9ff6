"""Search that lands on the paragraph: rewrites Material's search index after the build.

Material's index has one entry per heading-delimited section, so a hit inside a long section took the
reader to its heading. Here the paper's section pages get one entry per paragraph instead, located at
the paragraph's anchor; their heading entries keep only what is not a paragraph (figure captions).
Cite pages are dropped (their boxes repeat every paragraph's pinpoint), and so are the argument map's
quotations of paragraphs. Proposal pages are boosted, so that a proposal ranks above a passing mention
of its words, and paragraphs are boosted above the editor's summaries of them.
"""

from __future__ import annotations

import html
import json
import posixpath
from pathlib import Path

from . import urls
from .model import Edition

INDEX = Path("search") / "search_index.json"
PROPOSAL_BOOST = 2.0
# The paper's own words outrank the editor's summaries of them on other pages.
PARAGRAPH_BOOST = 3.0
# The argument map's "in the paper's words" sections (render/argument.py) repeat paragraphs verbatim; the
# paragraph itself is the hit a reader wants, so the repeats are left out.
QUOTES_ANCHOR = "quotes"


def paragraph_title(edition: Edition, paragraph_id: str) -> str:
    place = edition.place[paragraph_id]
    # Titles in the index are HTML, like Material's own.
    return html.escape(f"§{place.label}, ¶{edition.paragraph[paragraph_id].number}")


def section_entries(edition: Edition, directory_urls: bool) -> tuple[dict[str, list[dict]], set[str]]:
    """The new entries for each section page, keyed by page location, and the locations they replace."""
    by_page: dict[str, list[dict]] = {}
    replaced: set[str] = set()
    for section in edition.sections:
        page = urls.page_url(urls.section_page(section.id), directory_urls)
        entries = []
        scopes = [(section.id, section.paragraphs, True)] + [(sub.id, sub.paragraphs, False) for sub in section.subsections]
        for heading_id, paragraphs, is_page in scopes:
            location = page if is_page else f"{page}#{urls.heading_anchor(heading_id)}"
            replaced.add(location)
            figures = [figure for paragraph in paragraphs for figure in edition.figures_after.get(paragraph.id, [])]
            entries.append(
                {
                    "location": location,
                    # Filled in from Material's own entry, which has the heading as the page shows it.
                    "title": None,
                    "text": " ".join(f"<p>{html.escape(f'[{f.label}] ' + edition.text(f.id))}</p>" for f in figures),
                }
            )
            for paragraph in paragraphs:
                entries.append(
                    {
                        "location": f"{page}#{urls.paragraph_anchor(paragraph.id)}",
                        "title": paragraph_title(edition, paragraph.id),
                        "text": f"<p>{html.escape(edition.text(paragraph.id))}</p>",
                        "boost": PARAGRAPH_BOOST,
                    }
                )
        by_page[page] = entries
    return by_page, replaced


def rewrite(index: dict, edition: Edition, directory_urls: bool) -> dict:
    """The index with per-paragraph entries on section pages, no cite pages, and proposals boosted."""
    by_page, replaced = section_entries(edition, directory_urls)
    titles = {doc["location"]: doc["title"] for doc in index["docs"]}
    cite_prefix = posixpath.dirname(urls.CITE) + "/"
    proposal_prefix = posixpath.dirname(urls.PROPOSALS) + "/"
    proposals_index = urls.page_url(urls.PROPOSALS, directory_urls)
    docs: list[dict] = []
    for doc in index["docs"]:
        location = doc["location"]
        page = location.split("#", 1)[0]
        if location.startswith(cite_prefix) or location.endswith("#" + QUOTES_ANCHOR):
            continue
        if page in by_page:
            # The page's first entry stands for the whole page: emit all its new entries there, once.
            for entry in by_page.pop(page):
                docs.append(dict(entry, title=entry["title"] or titles.get(entry["location"], "")))
            continue
        if location in replaced:
            continue  # already written with its page
        if page.startswith(proposal_prefix) and page != proposals_index:
            doc = dict(doc, boost=PROPOSAL_BOOST)
        docs.append(doc)
    return dict(index, docs=docs)


def rewrite_site_index(site_dir: Path, edition: Edition, directory_urls: bool) -> None:
    path = site_dir / INDEX
    if not path.exists():
        return  # search is switched off
    index = json.loads(path.read_text(encoding="utf-8"))
    # Compact like Material's own output; entries keep their order, so two builds stay byte-identical.
    path.write_text(json.dumps(rewrite(index, edition, directory_urls), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
