"""The only module that knows page paths, URLs and anchors. Published URLs are citations: never change one."""

from __future__ import annotations

import functools
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
# The argument map's landing page: the diagram of challenges, areas and proposals, and what each index holds.
MAP = "map.md"
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
# The numbered editions and what changed in each (data/edition.yml).
CHANGELOG = "changelog.md"
# The PDF edition, typeset from the model after the site is built (edition/pdf.py).
PDF = f"{DOWNLOADS_DIR}/lee2025.pdf"


def section_page(section_id: str) -> str:
    return f"sections/{section_id}.md"


def cite_page(section_id: str) -> str:
    """Cite boxes for a section and each of its paragraphs; a paragraph's box has the paragraph's id."""
    return f"cite/{section_id}.md"


def proposal_page(proposal_id: str) -> str:
    return f"proposals/{proposal_id}.md"


# The facets of the proposals index. Each value has a static page listing its proposals (for readers without
# JavaScript, and to share); each facet a page listing its values. The names are published: never rename one.
FACETS = ("class", "area", "challenge", "actor", "horizon", "three-p")
# Every facet page's path starts so.
FACET_PREFIX = "proposals/by-"
# The facets' folders beside the proposal pages: no proposal may take their names (safety.reserved_ids).
FACET_FOLDERS = tuple(f"{FACET_PREFIX}{facet}" for facet in FACETS)


def facet_index_page(facet: str) -> str:
    """The values of one facet of the proposals, e.g. proposals/by-challenge/."""
    return f"{FACET_PREFIX}{facet}/index.md"


def facet_page(facet: str, value: str) -> str:
    """The proposals with one value of a facet, e.g. proposals/by-challenge/low-growth/."""
    return f"{FACET_PREFIX}{facet}/{value}.md"


def challenge_page(challenge_id: str) -> str:
    return f"challenges/{challenge_id}.md"


def area_page(area_id: str) -> str:
    return f"areas/{area_id}.md"


def actor_page(actor_id: str) -> str:
    return f"actors/{actor_id}.md"


# Fixed anchors of the pages' own headings. They are published (tests/published_urls.txt): never rename one.
# The home page and the print edition:
ABSTRACT_ANCHOR = "abstract"
CONTENTS_ANCHOR = "contents"
HOW_TO_CITE_ANCHOR = "cite"
# The argument map's counts and links, on the home page and on the map's landing page.
GLANCE_ANCHOR = "at-a-glance"
# The map's landing page: the drawing of challenges, areas and proposals.
DIAGRAM_ANCHOR = "drawn"
PRINT_REFERENCES_ANCHOR = "references"
# About this edition:
SOURCE_ANCHOR = "source"
METHOD_ANCHOR = "method"
ERRATA_ANCHOR = "errata"
ERRATA_POLICY_ANCHOR = "errata-policy"  # also on the Editorial method page
WITHDRAWN_ANCHOR = "withdrawn"
QUERIES_ANCHOR = "queries"
# The Editorial method page:
AUTHORS_WORDS_ANCHOR = "authors-words"
AS_PRINTED_ANCHOR = "as-printed"
READING_PROPOSALS_ANCHOR = "proposals"
# A proposal page's classification (class, area, challenges, actors, horizon, 3P, instrument), the editor's.
CLASSIFICATION_ANCHOR = "classification"
REGISTER_ANCHOR = "register"
SOURCING_ANCHOR = "sourcing"
CHECKS_ANCHOR = "checks"
# The references page: the paper's list, then the works the text cites but the list lacks.
LISTED_ANCHOR = "listed"
UNLISTED_ANCHOR = "unlisted"
# The argument map's record pages. The quotes section repeats paragraphs verbatim; search leaves it out.
QUOTES_ANCHOR = "quotes"
# A proposal page's actor links, each with the paper's words naming the actor; search leaves it out too.
ACTOR_QUOTES_ANCHOR = "actors"
PROPOSALS_ANCHOR = "proposals"
# A proposal page's classification (class, area, challenges, actors, horizon, 3P, instrument), the editor's.
CLASSIFICATION_ANCHOR = "classification"
AREAS_ANCHOR = "areas"
THREE_P_ANCHOR = "three-p"
# Cite pages: "Data and citation" has the paper's box, the list of parts and the downloads; a section's cite
# page starts with the section's own box.
CITE_PAPER_ANCHOR = "paper"
CITE_PARTS_ANCHOR = "parts"
DOWNLOADS_ANCHOR = "downloads"
CITE_PDF_ANCHOR = "pdf"
CITE_SECTION_ANCHOR = "section"


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


def edition_anchor(number: int) -> str:
    """A numbered edition's entry on the changelog page, e.g. "edition-2"."""
    return f"edition-{number}"


def figure_anchor(figure_id: str) -> str:
    return figure_id


def three_p_anchor(three_p_id: str) -> str:
    """A 3P element's entry on the cooperation areas page."""
    return three_p_id


def proposal_cite_anchor(proposal_id: str) -> str:
    """A proposal's box on the cite page for proposals."""
    return proposal_id


def term_anchor(term_id: str) -> str:
    return f"term-{term_id}"


def event_anchor(event_id: str) -> str:
    return f"event-{event_id}"


def letter_anchor(letter: str) -> str:
    """A letter's group on the glossary page ("letter-a"); terms that start with a digit are under "0-9"."""
    return f"letter-{letter.lower()}"


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


def absolute_url(site_url: str, src_uri: str, anchor: str = "") -> str:
    """The exact, published URL of a page (and anchor) that a citation carries: always the directory form."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    return base + page_url(src_uri) + (f"#{anchor}" if anchor else "")


def absolute_file_url(site_url: str, file_path: str) -> str:
    """The published URL of a file that is not a page, such as the PDF."""
    return (site_url if site_url.endswith("/") else site_url + "/") + file_path


class Linker:
    """Builds the links of the generated Markdown.

    A link points at the target's source file (`../sections/iv.md#p18`), relative to the linking page's own
    source file, as MkDocs documents it. Every engine turns such a link into the served URL: Zensical does it
    in raw HTML too; for MkDocs, which rewrites only Markdown link syntax, the finish step does it
    (edition/links.py, with `served_href` below). So both engines give the same relative hrefs, at the domain
    root and under a subpath.
    """

    def __init__(self, directory_urls: bool = True) -> None:
        self.directory_urls = directory_urls

    def href(self, from_src: str, to_src: str, anchor: str = "") -> str:
        fragment = f"#{anchor}" if anchor else ""
        if from_src == to_src and fragment:
            return fragment
        return source_relative(from_src, to_src) + fragment

    def file_href(self, from_src: str, file_path: str) -> str:
        """A link from a page to a file that is not a page, such as a download."""
        return source_relative(from_src, file_path)

    def url_href(self, from_src: str, to_src: str, anchor: str = "") -> str:
        """The served URL of a page relative to the linking page's URL, for attributes no engine rewrites
        (a quotation's `cite=`)."""
        return served_href(from_src, to_src, self.directory_urls, anchor)


# Remembered: a build asks for the same pairs many times. Both paths are relative to the docs folder, so the
# answer does not depend on the working folder, and it is worked out on their parts: posixpath.relpath makes
# both absolute first, which cost a tenth of our rendering (tests/test_stage_render.py compares the two).
@functools.lru_cache(maxsize=1 << 16)
def source_relative(from_src: str, to_path: str) -> str:
    """The path of a file in the docs folder relative to the folder of the source file `from_src`."""
    start = posixpath.dirname(from_src) or "."
    here = [part for part in start.split("/") if part not in ("", ".")]
    there = [part for part in to_path.split("/") if part not in ("", ".")]
    if ".." in here or ".." in there or to_path.startswith("/") or start.startswith("/"):
        return posixpath.relpath(to_path, start)
    common = 0
    while common < min(len(here), len(there)) and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:]) or "."


def served_href(from_src: str, to_path: str, directory_urls: bool, anchor: str = "", query: str = "") -> str:
    """The href MkDocs writes for a link from page `from_src` to the docs file `to_path` (a page's `.md`
    source, or any other file), relative to the page's URL, so the site works under any base path and
    from file://. A query (the proposal filters' state) is kept, as MkDocs keeps it."""
    fragment = (f"?{query}" if query else "") + (f"#{anchor}" if anchor else "")
    if from_src == to_path and query:
        return "./" + fragment if directory_urls else posixpath.basename(page_url(to_path, False)) + fragment
    if not to_path.endswith(".md"):
        base = "/" + page_url(from_src, directory_urls)
        folder = base.rstrip("/") if directory_urls else posixpath.dirname(base)
        return posixpath.relpath("/" + to_path, folder or "/") + fragment
    if from_src == to_path:
        return fragment or "./"
    if directory_urls:
        # A page is served as a folder: its links resolve from the page's own URL path.
        base = "/" + page_url(from_src).rstrip("/")
        target = "/" + page_url(to_path).rstrip("/")
        return posixpath.relpath(target, base or "/") + "/" + fragment
    base = posixpath.dirname("/" + page_url(from_src, False))
    return posixpath.relpath("/" + page_url(to_path, False), base) + fragment
