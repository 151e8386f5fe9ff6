"""Unit tests of the output stages on the minimal fixture: URLs and relative links, the navigation, the
rendered files, the search index rewrite, escaping and page metadata."""

from __future__ import annotations

import json
import posixpath

import pytest

from edition import urls
from edition.escape import esc, md_text, script_json
from edition.metadata import PageInfo, head
from edition.nav import site_nav
from edition.paths import DATA_DIR
from edition.render import render_site
from edition.search import rewrite
from edition.search_ranking import HEADING_BOOST, PAPER_BOOST, PROPOSAL_BOOST, RECORD_BOOST
from edition.validate import check

from .helpers import MINIMAL

SITE = "https://edition.example/"


@pytest.fixture(scope="module")
def minimal():
    return check(MINIMAL)


def test_page_urls_follow_the_directory_setting():
    assert urls.page_url(urls.HOME) == ""
    assert urls.page_url(urls.section_page("iv")) == "sections/iv/"
    assert urls.page_url(urls.PROPOSALS) == "proposals/"
    assert urls.page_url(urls.section_page("iv"), directory_urls=False) == "sections/iv.html"
    assert (
        urls.absolute_url("https://x.example", urls.section_page("iv"), "p18") == "https://x.example/sections/iv/#p18"
    )


@pytest.mark.parametrize(
    ("from_src", "to_src", "anchor", "source", "served", "served_html"),
    [
        ("sections/iv.md", "sections/v.md", "p20", "v.md#p20", "../v/#p20", "v.html#p20"),
        ("index.md", "sections/iv.md", "", "sections/iv.md", "sections/iv/", "sections/iv.html"),
        ("sections/iv.md", "index.md", "", "../index.md", "../../", "../index.html"),
        ("sections/iv.md", "sections/iv.md", "p18", "#p18", "#p18", "#p18"),
        ("sections/iv.md", "sections/iv.md", "", "iv.md", "./", "./"),
        (
            "sections/iv.md",
            "proposals/index.md",
            "",
            "../proposals/index.md",
            "../../proposals/",
            "../proposals/index.html",
        ),
        ("index.md", "about.md", "e1", "about.md#e1", "about/#e1", "about.html#e1"),
    ],
)
def test_linker_links_sources_and_knows_their_served_urls(from_src, to_src, anchor, source, served, served_html):
    """Generated links point at the target's source; the served href is what MkDocs writes for such a link
    (edition/links.py turns one into the other after the build), and what a quotation's cite= carries."""
    assert urls.Linker(True).href(from_src, to_src, anchor) == source
    assert urls.Linker(False).href(from_src, to_src, anchor) == source
    assert urls.Linker(True).url_href(from_src, to_src, anchor) == served
    assert urls.Linker(False).url_href(from_src, to_src, anchor) == served_html


def test_linker_links_files_that_are_not_pages():
    assert urls.Linker(True).file_href("cite/index.md", "downloads/edition.json") == "../downloads/edition.json"
    assert urls.Linker(True).file_href("sections/iv.md", "downloads/a.csv") == "../downloads/a.csv"
    assert urls.served_href("sections/iv.md", "downloads/a.csv", True) == "../../downloads/a.csv"
    assert urls.served_href("sections/iv.md", "downloads/a.csv", False) == "../downloads/a.csv"


def test_navigation_lists_the_sections_and_the_fixed_parts(minimal):
    nav = site_nav(minimal)
    # The paper in its reading order, its sections at the top level (two taps from anywhere on a phone), the
    # references after the last section.
    assert nav[:3] == [
        {"Title page and contents": urls.HOME},
        {"I. Introduction": "sections/i.md"},
        {"References": urls.REFERENCES},
    ]
    assert [next(iter(item)) for item in nav[3:]] == [
        "Proposals and argument map", "Data and citation", "About this edition", "Editorial method", "Changelog",
    ]  # fmt: skip
    # The map's landing page first; every label says what it holds.
    argument = nav[3]["Proposals and argument map"]
    assert argument[0] == {"The argument at a glance": urls.MAP}
    assert {"All proposals (1), with filters": urls.PROPOSALS} in argument


def test_render_site_gives_every_page_cite_page_and_download(minimal):
    files = render_site(minimal, True, SITE)
    assert {urls.HOME, "sections/i.md", urls.ABOUT, urls.CITE, urls.cite_page("i"), urls.PRINT} <= set(files)
    assert "downloads/edition.json" in files and "downloads/references.bib" in files
    assert {urls.proposal_page("stockpile"), urls.actor_page("rok"), urls.area_page("supply-chain-stability")} <= set(
        files
    )
    # Rendering is pure: the same edition gives the same files.
    assert render_site(minimal, True, SITE) == files
    # The cite pages carry exact, absolute URLs of the site they were rendered for.
    assert f"{SITE}sections/i/#p2" in files[urls.cite_page("i")]


@pytest.mark.slow
def test_rendering_the_real_data_twice_gives_the_same_files():
    """Rendering must not change the model: a page that read a defaultdict with [] once added empty lists, and the
    facet pages rendered after it listed every actor (the order of pages decided what was published)."""
    edition = check(DATA_DIR)
    first = render_site(edition, True, SITE)
    assert urls.facet_index_page("actor") in first
    assert render_site(edition, True, SITE) == first


def test_search_index_gets_one_entry_per_paragraph_and_loses_cite_pages(minimal):
    index = {
        "config": {"lang": ["en"]},
        "docs": [
            {"location": "sections/i/", "title": "I. Introduction", "text": "whole page"},
            {"location": "cite/i/", "title": "Cite", "text": "boxes"},
            {"location": "proposals/stockpile/", "title": "Stockpile", "text": "a proposal"},
            {"location": "proposals/stockpile/#quotes", "title": "In the paper’s words", "text": "repeat"},
            {"location": "proposals/", "title": "Proposals", "text": "index"},
        ],
    }
    docs = rewrite(index, minimal, True)["docs"]
    assert [(d["location"], d["title"], d.get("boost")) for d in docs] == [
        ("sections/i/", "I. Introduction", HEADING_BOOST),
        ("sections/i/#p1", "§I, ¶1", PAPER_BOOST),
        ("sections/i/#p2", "§I, ¶2", PAPER_BOOST),
        ("proposals/stockpile/", "Stockpile", PROPOSAL_BOOST),
        ("proposals/", "Proposals", RECORD_BOOST),
    ]
    assert docs[1]["text"] == "<p>First paragraph about the ROK and trade.</p>"


def test_escaping_for_html_markdown_and_script():
    assert esc('<a href="x">&') == "&lt;a href=&quot;x&quot;&gt;&amp;"
    assert md_text("*[x](y)*") == r"\*\[x\]\(y\)\*"
    # "<", ">" and "&" as JSON escapes: no string can end the <script> element or open a comment in it.
    assert script_json({"a": "</script><!--&"}) == '{"a":"\\u003c/script\\u003e\\u003c!--\\u0026"}'
    assert json.loads(script_json({"a": "</script><!--&"})) == {"a": "</script><!--&"}


def test_page_metadata_names_the_paper_and_the_page(minimal):
    tags = head(minimal, PageInfo(urls.HOME, SITE, "Minimal Paper", SITE, "Site"))
    assert '<meta name="citation_title" content="Minimal Paper">' in tags
    assert '<meta name="citation_author" content="Doe, Jane">' in tags
    assert '<meta property="og:url" content="https://edition.example/">' in tags


def test_source_relative_paths_are_posix_relpaths():
    """urls.source_relative works on the paths' parts; it must give what posixpath.relpath gives."""
    paths = [
        "index.md",
        "sections/i.md",
        "sections/iv.md",
        "cite/index.md",
        "proposals/by-actor/rok.md",
        "proposals/by-actor/index.md",
        "proposals/index.md",
        "downloads/lee2025.bib",
        "x/y/z/w.md",
        "./a/./b.md",
        "a//b.md",
        "../outside.md",
        "proposals/by-actor/../index.md",
        "stylesheets/bundle.css",
    ]
    for from_src in paths:
        for to_path in paths:
            expected = posixpath.relpath(to_path, posixpath.dirname(from_src) or ".")
            assert urls.source_relative(from_src, to_path) == expected, (from_src, to_path)
