"""What search ranks first, decided in the index alone (entries, titles, boosts, exclusions), so that it holds for
any engine that reads the index: the paper before the editor.

- For words that occur in the paper, its paragraphs rank above the editor's pages: the paper's own words (paragraphs,
  headings, the abstract) carry PAPER_BOOST, the editor's pages EDITOR_BOOST. The ratio is large because Material
  ranks a page's own entry up to 2.5 times above an entry inside a page (a paragraph is one), and a short title that
  holds the word outscores a long paragraph that holds it once.
- A glossary term and a reference have an entry each, at their anchor, titled with the term or the work, so that a
  hit lands on it (the target is marked there), not on a run of every term under one letter.
- Pages that only list what other pages hold are left out: the facet pages (the same proposals as the proposal
  pages), the home page's contents (the section titles, which the sections' own headings carry).
"""

from __future__ import annotations

import posixpath

from . import urls
from .escape import esc
from .model import Edition

PAPER_BOOST = 20.0
# A heading is the paper's words too, and a subsection's heading has the paragraphs' boost. A section's first entry,
# though, is a page of its own to Material (ranked up to 2.5 times higher): at the paragraphs' boost, a query
# sharing one word with a section's title would land on the section instead of the paragraph holding every word.
HEADING_BOOST = 6.0
# The argument map's record pages (proposals, challenges, areas, actors) restate the paper in the editor's words,
# mostly the paper's own: they come after the paragraphs they rest on. A proposal is what a reader most often
# looks for among them, so it comes first of them, one look below the paragraph that makes it.
RECORD_BOOST = 0.5
PROPOSAL_BOOST = 1.5
# The edition's own pages (about, method, glossary, timeline, matrix, the map, how to cite) hold what the paper does
# not say (its words are rarely the paper's), so a query for them is rarely about the paper.
EDITION_BOOST = 4.0
# The reference list is printed with the paper, formatted by the edition: a work's entry ranks above the editor's
# pages, found by the words of its title, but below the paragraphs (an entry is short, and a short text holding a
# word outscores a paragraph holding it once: "hydrogen" finds ¶18 before the Japan Times report).
REFERENCE_BOOST = 8.0
# A glossary term: the editor's definition, after the paragraphs that use the term.
TERM_BOOST = 2.0
# The folders of the record pages.
RECORD_FOLDERS = tuple(
    posixpath.dirname(page) + "/" for page in (urls.PROPOSALS, urls.CHALLENGES, urls.AREAS, urls.ACTORS)
)


def excluded(location: str, directory_urls: bool) -> bool:
    """Entries that repeat what other entries hold."""
    page, _, anchor = location.partition("#")
    home = urls.page_url(urls.HOME, directory_urls)
    return page.startswith(urls.FACET_PREFIX) or (page == home and anchor in (urls.CONTENTS_ANCHOR, urls.GLANCE_ANCHOR))


def boost(location: str, directory_urls: bool) -> float:
    """The boost of an entry Material made (the rewritten paragraphs and headings carry their own)."""
    page, _, anchor = location.partition("#")
    if page == urls.page_url(urls.HOME, directory_urls) and anchor == urls.ABSTRACT_ANCHOR:
        return PAPER_BOOST
    proposals = posixpath.dirname(urls.PROPOSALS) + "/"
    if page.startswith(proposals) and page != urls.page_url(urls.PROPOSALS, directory_urls):
        return PROPOSAL_BOOST
    if page.startswith(RECORD_FOLDERS):
        return RECORD_BOOST
    return EDITION_BOOST


def glossary_entries(edition: Edition, directory_urls: bool) -> list[dict]:
    """One entry per term at its anchor: the term as title, its expansion and the editor's definition as text."""
    page = urls.page_url(urls.GLOSSARY, directory_urls)
    entries = []
    for term in sorted(edition.terms, key=lambda t: t.term.casefold()):
        expansion = f"{term.expansion}. " if term.expansion else ""
        entries.append(
            {
                "location": f"{page}#{urls.term_anchor(term.id)}",
                # Titles in the index are HTML, like Material's own: data is escaped.
                "title": esc(term.term),
                "text": f"<p>{esc(expansion + term.definition)}</p>",
                "boost": TERM_BOOST,
            }
        )
    return entries


def reference_entries(edition: Edition, directory_urls: bool) -> list[dict]:
    """One entry per work at its anchor: author and year as title, the entry as the paper prints it as text."""
    page = urls.page_url(urls.REFERENCES, directory_urls)
    entries = []
    for work in edition.citations.listed + edition.citations.unlisted:
        text = edition.text(work.reference.id) if work.reference else f"{work.key}: cited in the text, not in the list."
        entries.append(
            {
                "location": f"{page}#{urls.reference_anchor(work.id)}",
                "title": esc(work.key),
                "text": f"<p>{esc(text)}</p>",
                "boost": REFERENCE_BOOST,
            }
        )
    return entries


def replaced_sections(directory_urls: bool) -> dict[str, str]:
    """Material's entries that the per-term and per-work entries replace: by location prefix, the page they belong
    to (the glossary's letter groups, the references' two lists)."""
    glossary = urls.page_url(urls.GLOSSARY, directory_urls)
    references = urls.page_url(urls.REFERENCES, directory_urls)
    return {f"{glossary}#{urls.letter_anchor('')}": glossary, f"{references}#": references}
