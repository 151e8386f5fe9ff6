"""After the build: plain functions over the built HTML, the same for every engine.

MkDocs calls `finish_site` from its hook (edition/mkdocs_adapter.py, on_post_build); for Zensical, which runs
no hooks, `python -m edition finish SITE` calls it. It
- turns the pages' links to sources into served hrefs (edition/links.py; Zensical has done it already),
- puts the scholarly metadata into each page's <head> (edition/metadata.py),
- points every page at the one script file: the theme's bundle with the edition's scripts (edition/site_script.py),
- takes the templates' indentation out of every page, where the browser collapses it (edition/whitespace.py),
- rewrites the search index to one entry per paragraph (Material's and Zensical's, edition/search.py), and on
  the online MkDocs site indexes those entries with Pagefind instead (edition/search_pagefind.py),
- writes robots.txt and the gzipped sitemap.
Every step can run twice without changing the result, so finishing a finished site is harmless.
"""

from __future__ import annotations

import dataclasses
import gzip
import html
import os
import posixpath
import re
from collections.abc import Collection, Mapping
from pathlib import Path

from . import links, metadata, search, search_pagefind, site_script, unapi, urls, whitespace
from .model import Edition

SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"
# Files of the site that are not in the docs folder: placed into the built site after the engine's build (the
# PDF, by edition/pdf_build.py). Links to them resolve like links to the docs folder's files.
PLACED_AFTER_BUILD = frozenset({urls.PDF})


@dataclasses.dataclass(frozen=True)
class SiteSettings:
    """What the finishing steps need of the engine's configuration."""

    site_url: str  # the published address, ending in "/", or "" when none is set
    site_name: str
    directory_urls: bool
    # Material's search answered by Pagefind, fetched in fragments (edition/search_pagefind.py); the offline
    # edition turns it off. A site without Material's index (Zensical's) is left as it is either way.
    flat_search: bool = True

    @classmethod
    def from_config(cls, config: Mapping) -> SiteSettings:
        """From an MkDocs-style configuration (MkDocs' own object, or the YAML as a dict)."""
        site_url = config.get("site_url") or ""
        # MkDocs adds the slash itself; Zensical's templates assume it.
        if site_url and not site_url.endswith("/"):
            site_url += "/"
        return cls(site_url, config["site_name"], config.get("use_directory_urls", True))


@dataclasses.dataclass(frozen=True)
class DocsFolder:
    """What the finishing steps need of the docs folder the engine built."""

    pages: Mapping[str, str]  # {source: Markdown} of the generated pages, e.g. "sections/iv.md"
    files: Collection[str]  # every file of the folder (pages, downloads, stylesheets...), as sources
    nav: list  # the navigation, as in mkdocs.yml


@dataclasses.dataclass(frozen=True)
class BuiltPage:
    src_uri: str  # the page's source, e.g. "sections/iv.md"
    url: str  # its URL path relative to the site root, e.g. "sections/iv/"
    file: Path  # the HTML file the engine wrote


def built_pages(site_dir: Path, page_sources: Collection[str], directory_urls: bool) -> list[BuiltPage]:
    """The built HTML file of each generated page; a page the engine did not write is skipped."""
    pages = []
    for src in sorted(page_sources):
        url = urls.page_url(src, directory_urls)
        file = site_dir / (url + "index.html" if url == "" or url.endswith("/") else url)
        if file.is_file():
            pages.append(BuiltPage(src, url, file))
    return pages


def nav_titles(nav: list) -> dict[str, str]:
    """{page source: its title in the navigation}; a page listed there is titled so by every engine."""
    titles: dict[str, str] = {}
    for entry in nav:
        for title, value in entry.items():
            if isinstance(value, list):
                titles.update(nav_titles(value))
            else:
                titles[value] = title
    return titles


# A Markdown heading of level 1, with its attribute list, as the pages write it ("# Title {#id ...}").
_H1 = re.compile(r"# (?P<text>.*?)(?:\s+\{[^{}]*\})?\s*$")
_MARKDOWN_ESCAPE = re.compile(r"\\(.)")
# The headings' permalinks, as Python-Markdown's toc writes them with no `permalink_title` (mkdocs.yml): not a
# `title`, as the theme mounts a script tooltip on every titled element of the content when a page loads (30 on the
# proposals' cite page); their accessible name, which a title did not give (the link's text "#" did), comes from
# aria-label instead.
# On UTF-8 bytes, as the finishing step reads pages (below).
_PERMALINK = re.compile(rb'<a class="headerlink" href="(#[^"<>]*)">')
PERMALINK_LABEL = "Link to this heading"
_LABELLED = rf'<a class="headerlink" href="\1" aria-label="{PERMALINK_LABEL}">'.encode()


def labelled_permalinks(page_html: bytes) -> bytes:
    return _PERMALINK.sub(_LABELLED, page_html)


def page_title(src_uri: str, markdown: str) -> str:
    """A page's title where the navigation gives none, by MkDocs' rule: the page's heading if the page starts
    with one (after its front matter), else the file's name."""
    lines = markdown.splitlines()
    if lines and lines[0] == "---":
        lines = lines[lines.index("---", 1) + 1 :]
    first = next((line for line in lines if line.strip()), "")
    heading = _H1.match(first)
    if heading:
        return html.unescape(_MARKDOWN_ESCAPE.sub(r"\1", heading["text"]))
    name = posixpath.splitext(posixpath.basename(src_uri))[0].replace("-", " ").replace("_", " ")
    return name.capitalize() if name.lower() == name else name


def with_metadata(page_html: bytes, edition: Edition, page: BuiltPage, title: str, settings: SiteSettings) -> bytes:
    """The page (UTF-8) with Highwire, Dublin Core, OpenGraph, JSON-LD and its unAPI link in <head>, and COinS and
    the unAPI id in <body>, once."""
    if b'<meta name="citation_title"' in page_html:
        return page_html
    page_url = settings.site_url + page.url if settings.site_url else page.url
    about = metadata.PageInfo(
        src_uri=page.src_uri,
        url=page_url,
        title=title or settings.site_name,
        site_url=settings.site_url,
        site_name=settings.site_name,
    )
    head = metadata.head(edition, about) + "\n" + unapi.head_link(page.url, page.src_uri)
    return metadata.inject(page_html, head, metadata.coins(edition, page_url) + unapi.body_id())


def finish_pages(site_dir: Path, edition: Edition, docs: DocsFolder, settings: SiteSettings) -> int:
    """Links and metadata on every generated page, and every page pointed at the edition's script file
    (edition/site_script.py), without the templates' indentation (edition/whitespace.py); returns how many
    generated pages were finished."""
    titles = nav_titles(docs.nav)
    swap = site_script.pointer(site_script.write(site_dir))
    files = frozenset(docs.files) | PLACED_AFTER_BUILD
    pages = built_pages(site_dir, [path for path in docs.pages if path.endswith(".md")], settings.directory_urls)
    for page in pages:
        # As UTF-8 bytes, not str: a str of a page with one character beyond Latin-1 takes two bytes a character,
        # and the largest pages (10 MB at 50x) made the finishing step the peak of a build's memory.
        original = links.read_html(page.file)
        text = links.resolve_utf8(original, page.src_uri, files, settings.directory_urls)
        # A navigation title is HTML (nav.py escapes it); the metadata wants the words it shows.
        nav_title = titles.get(page.src_uri)
        title = html.unescape(nav_title) if nav_title else page_title(page.src_uri, docs.pages[page.src_uri])
        text = site_script.point(labelled_permalinks(text), swap)
        text = whitespace.collapse(with_metadata(text, edition, page, title, settings))
        if text != original:
            page.file.write_bytes(text)
    finish_theme_pages(site_dir, swap, {page.file for page in pages})
    return len(pages)


def finish_theme_pages(site_dir: Path, swap: tuple[re.Pattern[bytes], bytes] | None, done: Collection[Path]) -> None:
    """The theme's own pages (404.html), every page but those done: the same script file, no indentation."""
    for page in sorted(site_dir.rglob("*.html")):
        if page not in done:
            original = page.read_bytes()
            text = whitespace.collapse(site_script.point(original, swap))
            if text != original:
                page.write_bytes(text)


def robots_txt(site_url: str) -> str:
    """Everything may be crawled: the edition is public and has no private pages."""
    sitemap = f"Sitemap: {site_url}{SITEMAP}\n" if site_url else ""
    return "User-agent: *\nAllow: /\n" + sitemap


def write_sitemap_gz(site_dir: Path) -> None:
    """sitemap.xml.gz beside sitemap.xml, where the engine did not write one that matches (Zensical writes none)."""
    sitemap = site_dir / SITEMAP
    if not sitemap.is_file():
        return
    data = sitemap.read_bytes()
    packed = site_dir / (SITEMAP + ".gz")
    if packed.is_file() and gzip.decompress(packed.read_bytes()) == data:
        return
    # The gzip header's time is the sitemap's build date, pinned by SOURCE_DATE_EPOCH as MkDocs pins it.
    mtime = int(os.environ.get("SOURCE_DATE_EPOCH", 0))
    packed.write_bytes(gzip.compress(data, mtime=mtime))


def write_if_changed(path: Path, text: str) -> None:
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def finish_site(site_dir: Path, edition: Edition, docs: DocsFolder, settings: SiteSettings) -> int:
    """Every after-build step; returns how many pages were finished."""
    count = finish_pages(site_dir, edition, docs, settings)
    search.rewrite_site_index(site_dir, edition, settings.directory_urls)
    if settings.flat_search:
        search_pagefind.flatten(site_dir)
    write_if_changed(site_dir / ROBOTS, robots_txt(settings.site_url))
    write_sitemap_gz(site_dir)
    return count
