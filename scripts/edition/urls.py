"""The only module that knows page paths, URLs and anchors. Published URLs are citations: never change one."""

from __future__ import annotations

import posixpath

# Page sources (MkDocs src_uri). With directory URLs, "sections/iv.md" is served at "sections/iv/".
HOME = "index.md"
REFERENCES = "references.md"
ABOUT = "about.md"
PROPOSALS = "proposals/index.md"
CHALLENGES = "challenges/index.md"
AREAS = "areas/index.md"
ACTORS = "actors/index.md"
MATRIX = "matrix.md"
GLOSSARY = "glossary.md"
TIMELINE = "timeline.md"
# The editorial method: errata policy, how proposals are read, the coverage register, sourcing, checks.
METHOD = "method.md"
# The print edition: the whole paper on one page.
PRINT = "print.md"
# "Data and citation": how to cite the paper, and the downloads.
CITE = "cite/index.md"
# Cite boxes for the editor's proposals; each box has the proposal's id.
CITE_PROPOSALS = "cite/proposals.md"
# The downloads are generated files served beside the pages, under this folder.
DOWNLOADS_DIR = "downloads"


def section_page(section_id: str) -> str:
    return f"sections/{section_id}.md"


def cite_page(section_id: str) -> str:
    """Cite boxes for a section and each of its paragraphs; a paragraph's box has the paragraph's id."""
    return f"cite/{section_id}.md"


def proposal_page(proposal_id: str) -> str:
    return f"proposals/{proposal_id}.md"


def challenge_page(challenge_id: str) -> str:
    return f"challenges/{challenge_id}.md"


def area_page(area_id: str) -> str:
    return f"areas/{area_id}.md"


def actor_page(actor_id: str) -> str:
    return f"actors/{actor_id}.md"


# Anchors are the ids written in data/, so they never move when text is edited.
def paragraph_anchor(paragraph_id: str) -> str:
    return paragraph_id


def heading_anchor(section_or_subsection_id: str) -> str:
    return section_or_subsection_id


def erratum_anchor(erratum_id: str) -> str:
    return erratum_id


def query_anchor(query_id: str) -> str:
    return query_id


def register_anchor(entry_id: str) -> str:
    """A sentence of the coverage register on the Editorial method page."""
    return f"register-{entry_id}"


def reference_anchor(reference_id: str) -> str:
    return f"ref-{reference_id}"


def cite_anchor(what: str, format_name: str) -> str:
    """The element holding one format of one cite box, e.g. "cite-p18-bibtex" (copy buttons point at it)."""
    return f"cite-{what}-{format_name}"


def figure_anchor(figure_id: str) -> str:
    return figure_id


def term_anchor(term_id: str) -> str:
    return f"term-{term_id}"


def event_anchor(event_id: str) -> str:
    return f"event-{event_id}"


def page_url(src_uri: str, directory_urls: bool = True) -> str:
    """The URL path of a page, relative to the site root, as MkDocs serves it."""
    stem = src_uri[: -len(".md")]
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


class Linker:
    """Builds relative links between pages, so the site works under any base path and from file://."""

    def __init__(self, directory_urls: bool = True) -> None:
        self.directory_urls = directory_urls

    def href(self, from_src: str, to_src: str, anchor: str = "") -> str:
        fragment = f"#{anchor}" if anchor else ""
        if from_src == to_src:
            return fragment or "./"
        if self.directory_urls:
            # A page is served as a folder: its links resolve from the page's own URL path.
            base = "/" + page_url(from_src).rstrip("/")
            target = "/" + page_url(to_src).rstrip("/")
            return posixpath.relpath(target, base or "/") + "/" + fragment
        base = posixpath.dirname("/" + page_url(from_src, False))
        return posixpath.relpath("/" + page_url(to_src, False), base) + fragment
