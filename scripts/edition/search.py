"""Search that lands on the paragraph: rewrites Material's search index after the build.

Material's index has one entry per heading-delimited section, so a hit inside a long section took the
reader to its heading. Here the paper's section pages get one entry per paragraph instead, located at
the paragraph's anchor; their heading entries keep only what is not a paragraph (figure captions).
Cite pages are dropped (their boxes repeat every paragraph's pinpoint), and so are the argument map's
quotations of paragraphs. What ranks first (the paper's words before the editor's pages), the glossary's and the
references' entries per term and per work, and what else is left out: search_ranking.py.
"""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

from . import search_ranking, urls
from .escape import esc
from .model import Edition

INDEX = Path("search") / "search_index.json"
# The paper's own words outrank the editor's pages (search_ranking.py says why so much).
PARAGRAPH_BOOST = search_ranking.PAPER_BOOST


def printed_words(edition: Edition, target_id: str) -> str:
    """The printed words that the corrected reading lacks ("systern", "ecosystern", "2024"), so that search
    finds a paragraph in either reading."""
    corrected = set(edition.text(target_id).split())
    words = [word for word in dict.fromkeys(edition.printed(target_id).split()) if word not in corrected]
    if not words:
        return ""
    return f"<p>As printed: {esc(' '.join(words))}</p>"


def section_entries(edition: Edition, directory_urls: bool) -> tuple[dict[str, list[dict]], set[str]]:
    """The new entries for each section page, keyed by page location, and the locations they replace."""
    by_page: dict[str, list[dict]] = {}
    replaced: set[str] = set()
    for section in edition.sections:
        page = urls.page_url(urls.section_page(section.id), directory_urls)
        entries: list[dict] = []
        for subsection, paragraphs in section.groups():
            location = page if subsection is None else f"{page}#{urls.heading_anchor(subsection.id)}"
            replaced.add(location)
            figures = [figure for paragraph in paragraphs for figure in edition.figures_after.get(paragraph.id, [])]
            entries.append(
                {
                    "location": location,
                    # Filled in from Material's own entry, which has the heading as the page shows it.
                    "title": None,
                    "text": " ".join(f"<p>{esc(f'[{f.label}] ' + edition.text(f.id))}</p>" for f in figures),
                    "boost": search_ranking.HEADING_BOOST if subsection is None else search_ranking.PAPER_BOOST,
                }
            )
            for paragraph in paragraphs:
                entries.append(
                    {
                        "location": f"{page}#{urls.paragraph_anchor(paragraph.id)}",
                        # Titles in the index are HTML, like Material's own.
                        "title": esc(edition.paragraph_pinpoint(paragraph.id)),
                        "text": f"<p>{esc(edition.text(paragraph.id))}</p>" + printed_words(edition, paragraph.id),
                        "boost": PARAGRAPH_BOOST,
                    }
                )
        by_page[page] = entries
    return by_page, replaced


def rewrite(index: dict, edition: Edition, directory_urls: bool) -> dict:
    """The index with per-paragraph entries on section pages, per-term and per-work entries, no cite pages, and
    the paper's words boosted above the editor's pages (search_ranking.py)."""
    by_page, replaced = section_entries(edition, directory_urls)
    titles = {doc["location"]: doc["title"] for doc in index["docs"]}
    cite_prefix = posixpath.dirname(urls.CITE) + "/"
    # The glossary's terms and the references' works, each an entry of its own, written after their page's entry.
    own_entries = {
        urls.page_url(urls.GLOSSARY, directory_urls): search_ranking.glossary_entries(edition, directory_urls),
        urls.page_url(urls.REFERENCES, directory_urls): search_ranking.reference_entries(edition, directory_urls),
    }
    sections_replaced = search_ranking.replaced_sections(directory_urls)
    docs: list[dict] = []
    for doc in index["docs"]:
        location = doc["location"]
        page = location.split("#", 1)[0]
        # The argument map's "in the paper's words" sections (and a proposal's actor quotes) repeat paragraphs
        # verbatim; the paragraph itself is the hit a reader wants, so the repeats are left out.
        if location.startswith(cite_prefix) or location.endswith(
            ("#" + urls.QUOTES_ANCHOR, "#" + urls.ACTOR_QUOTES_ANCHOR)
        ):
            continue
        if search_ranking.excluded(location, directory_urls) or location.startswith(tuple(sections_replaced)):
            continue
        if page in by_page:
            # The page's first entry stands for the whole page: emit all its new entries there, once.
            for entry in by_page.pop(page):
                docs.append(dict(entry, title=entry["title"] or titles.get(entry["location"], "")))
            continue
        if location in replaced:
            continue  # already written with its page
        docs.append(dict(doc, boost=search_ranking.boost(location, directory_urls)))
        docs += own_entries.pop(location, [])
    return dict(index, docs=docs)


def rewrite_site_index(site_dir: Path, edition: Edition, directory_urls: bool) -> None:
    path = site_dir / INDEX
    if not path.exists():
        return  # search is switched off
    index = json.loads(path.read_text(encoding="utf-8"))
    # Compact like Material's own output; entries keep their order, so two builds stay byte-identical.
    path.write_text(
        json.dumps(rewrite(index, edition, directory_urls), ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
