"""Search that lands on the paragraph: rewrites the engine's search index after the build (Material's or Zensical's).

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
# Zensical's index: the same entries under "items", with a level and the page's navigation path.
ZENSICAL_INDEX = Path("search.json")
# Zensical keeps only `separator` of the search settings: no trimmer, no stop words. Without a trimmer,
# "(EBRD)," or "“flying" would be words of their own that no query finds, so any run of characters that
# are neither letters, digits nor dots separates words, and so does a dot that ends one ("U.S." stays "U.S").
# Hyphens, dashes and slashes separate words, as in mkdocs.yml. Zensical reads it as a Unicode regex.
ZENSICAL_SEPARATOR = r"[\s\-–—/]+|[^\p{L}\p{N}.]+|\.(?![\p{L}\p{N}])"
# A record page's lists of other records (the proposals of an actor, area or challenge; a challenge's areas)
# repeat titles that are indexed on those records' own pages. Zensical ranks by the field a word is found in,
# not by frequency, so each list would come up for its every title, ahead of the paper's paragraphs.
RECORD_LISTS = (urls.PROPOSALS_ANCHOR, urls.AREAS_ANCHOR)
RECORD_FOLDERS = tuple(posixpath.dirname(index) + "/" for index in (urls.ACTORS, urls.AREAS, urls.CHALLENGES))
# A proposal's classification (its class, status and horizon, the same words on every proposal) would take a place
# among the first results for any word of the proposal's title, which its page's own entry already holds.
PROPOSAL_FOLDER = posixpath.dirname(urls.PROPOSALS) + "/"


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


def _kept(location: str, cite_prefix: str) -> bool:
    # The argument map's "in the paper's words" sections (and a proposal's actor quotes) repeat paragraphs
    # verbatim; the paragraph itself is the hit a reader wants, so the repeats are left out, as are the cite pages.
    return not (
        location.startswith(cite_prefix)
        or location.endswith(("#" + urls.QUOTES_ANCHOR, "#" + urls.ACTOR_QUOTES_ANCHOR))
    )


def _own_entries(edition: Edition, directory_urls: bool) -> dict[str, list[dict]]:
    """The glossary's terms and the references' works, each an entry of its own, written after their page's entry."""
    return {
        urls.page_url(urls.GLOSSARY, directory_urls): search_ranking.glossary_entries(edition, directory_urls),
        urls.page_url(urls.REFERENCES, directory_urls): search_ranking.reference_entries(edition, directory_urls),
    }


def rewrite(index: dict, edition: Edition, directory_urls: bool) -> dict:
    """The index with per-paragraph entries on section pages, per-term and per-work entries, no cite pages, and
    the paper's words boosted above the editor's pages (search_ranking.py)."""
    by_page, _ = section_entries(edition, directory_urls)
    titles = {doc["location"]: doc["title"] for doc in index["docs"]}
    cite_prefix = posixpath.dirname(urls.CITE) + "/"
    own_entries = _own_entries(edition, directory_urls)
    own_locations = {entry["location"] for entries in own_entries.values() for entry in entries}
    sections_replaced = tuple(search_ranking.replaced_sections(directory_urls))
    docs: list[dict] = []
    for doc in index["docs"]:
        location = doc["location"]
        page = location.split("#", 1)[0]
        if not _kept(location, cite_prefix):
            continue
        if search_ranking.excluded(location, directory_urls) or location.startswith(sections_replaced):
            continue
        if page in by_page:
            # The page's first entry stands for the whole page: all its entries are written there, once, and
            # its other entries (headings, or paragraphs of an index rewritten before) are dropped.
            for entry in by_page.pop(page):
                docs.append(dict(entry, title=entry["title"] or titles.get(entry["location"], "")))
            by_page[page] = []
            continue
        if location in own_locations:
            continue  # an index rewritten before: the entry is written again after its page's entry
        docs.append(dict(doc, boost=search_ranking.boost(location, directory_urls)))
        docs += own_entries.pop(location, [])
    return dict(index, docs=docs)


def rewrite_zensical(index: dict, edition: Edition, directory_urls: bool) -> dict:
    """Zensical's index (`search.json`, `items`) rewritten the same way. Zensical keeps no boosts: its ranking
    is by the field a match is in (title, then the page's path, then text), how close the words are and how
    early they come; what is indexed, and with which title, is all the edition can shape."""
    by_page, _ = section_entries(edition, directory_urls)
    originals = {item["location"]: item for item in index["items"]}
    cite_prefix = posixpath.dirname(urls.CITE) + "/"
    # The references' works each get an entry, but not the glossary's terms: with no boosts, a term's title would
    # rank above every paragraph using it, so the glossary keeps Zensical's entry per letter.
    references = urls.page_url(urls.REFERENCES, directory_urls)
    own_entries = {references: _own_entries(edition, directory_urls)[references]}
    own_locations = {entry["location"] for entry in own_entries[references]}
    replaced = search_ranking.replaced_sections(directory_urls)
    sections_replaced = tuple(prefix for prefix, page in replaced.items() if page == references)
    items: list[dict] = []
    for item in index["items"]:
        location = item["location"]
        page, _, anchor = location.partition("#")
        if not _kept(location, cite_prefix) or _record_list(page, anchor) or location in own_locations:
            continue
        if search_ranking.excluded(location, directory_urls) or location.startswith(sections_replaced):
            continue
        if page in by_page:
            items += _zensical_section(by_page.pop(page), originals.get(page, item), originals)
            by_page[page] = []
            continue
        items.append(item)
        level = item["level"] + 1
        items += [dict(item, level=level, **entry_fields(entry)) for entry in own_entries.pop(location, [])]
    return dict(index, config=dict(index["config"], separator=ZENSICAL_SEPARATOR), items=items)


def _record_list(page: str, anchor: str) -> bool:
    return (anchor in RECORD_LISTS and page.startswith(RECORD_FOLDERS)) or (
        anchor == urls.CLASSIFICATION_ANCHOR and page.startswith(PROPOSAL_FOLDER)
    )


def entry_fields(entry: dict) -> dict:
    """An entry's location, title and text, for an item of Zensical's shape (which keeps no boosts)."""
    return {"location": entry["location"], "title": entry["title"], "text": entry["text"]}


def _zensical_section(entries: list[dict], top: dict, originals: dict[str, dict]) -> list[dict]:
    """A section page's entries in Zensical's shape. A paragraph's path (the breadcrumb under each result, a
    field Zensical ranks above the text) ends with its subsection's heading, so that a query naming the
    subsection's subject finds its paragraphs before a passing mention elsewhere."""
    items, path, level = [], top["path"], top["level"]
    for entry in entries:
        if entry["title"] is None:  # a heading's entry, with Zensical's own title and level for it
            heading = originals.get(entry["location"], top)
            level = heading["level"]
            path = top["path"] + [heading["title"]] if heading is not top else top["path"]
            items.append(dict(top, location=entry["location"], level=level, title=heading["title"], text=entry["text"]))
        else:
            items.append(
                dict(
                    top,
                    location=entry["location"],
                    level=level + 1,
                    title=entry["title"],
                    text=entry["text"],
                    path=path,
                )
            )
    return items


# Each engine's index file and its rewriting.
INDEXES = ((INDEX, rewrite), (ZENSICAL_INDEX, rewrite_zensical))


def rewrite_site_index(site_dir: Path, edition: Edition, directory_urls: bool) -> None:
    for name, rewriting in INDEXES:
        path = site_dir / name
        if not path.exists():
            continue  # another engine's index, or search is switched off
        index = json.loads(path.read_text(encoding="utf-8"))
        # Compact like the engines' own output; entries keep their order, so two builds stay byte-identical.
        text = json.dumps(rewriting(index, edition, directory_urls), ensure_ascii=False, separators=(",", ":"))
        path.write_text(text, encoding="utf-8")
