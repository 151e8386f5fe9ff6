"""The engine-neutral pieces: links to sources and their served hrefs, the docs folder and its configuration,
page titles, and the finishing steps (search indexes of both engines, robots.txt, the gzipped sitemap)."""

from __future__ import annotations

import gzip
import json
import posixpath
import re

import pytest
import yaml

from edition import docs_folder, finish, links, search, search_ranking
from edition.nav import site_nav
from edition.validate import check
from edition.write import write_files

from .helpers import MINIMAL

FILES = {"index.md", "about.md", "sections/iv.md", "sections/v.md", "cite/v.md", "cite/index.md", "downloads/x.csv"}

# (page's source, href as generated, directory URLs, href as served): what MkDocs writes for the same link in
# Markdown syntax.
SERVED = [
    ("sections/v.md", "iv.md#p18", True, "../iv/#p18"),
    ("sections/v.md", "../cite/v.md#p20", True, "../../cite/v/#p20"),
    ("sections/v.md", "v.md", True, "./"),
    ("index.md", "sections/iv.md", True, "sections/iv/"),
    ("about.md", "index.md#abstract", True, "../#abstract"),
    ("cite/index.md", "../sections/iv.md", True, "../sections/iv/"),
    ("cite/v.md", "../downloads/x.csv", True, "../../downloads/x.csv"),
    ("cite/index.md", "../downloads/x.csv", True, "../downloads/x.csv"),
    ("sections/v.md", "iv.md#p18", False, "iv.html#p18"),
    ("about.md", "sections/iv.md", False, "sections/iv.html"),
    ("cite/v.md", "../downloads/x.csv", False, "../downloads/x.csv"),
    # The proposal filters' state is a query, kept as MkDocs keeps it.
    ("sections/v.md", "iv.md?x=1", True, "../iv/?x=1"),
    ("sections/v.md", "iv.md?x=1#p18", False, "iv.html?x=1#p18"),
    ("sections/v.md", "v.md?x=1", True, "./?x=1"),
    ("sections/v.md", "v.md?x=1", False, "v.html?x=1"),
]
# Hrefs that are not links to a docs file's source stay as they are: anchors, other sites, absolute paths,
# files that do not exist, and hrefs already served (so that finishing twice, or after Zensical, is harmless).
KEPT = [
    "#p18",
    "https://example.org/a.md",
    "/sections/iv/",
    "missing.md",
    "../../sections/iv/#p18",
    "../iv/",
    "./",
    "",
]


@pytest.mark.parametrize(("src", "href", "directory_urls", "expected"), SERVED)
def test_a_link_to_a_source_is_served_as_mkdocs_serves_it(src, href, directory_urls, expected):
    assert links.served(href, src, FILES, directory_urls) == expected


@pytest.mark.parametrize("href", KEPT)
def test_other_hrefs_are_kept(href):
    assert links.served(href, "sections/v.md", FILES, True) == href


def test_resolve_rewrites_links_and_images_only():
    page = (
        '<p><a class="x" href="iv.md#p18" title="iv.md">¶18</a> <img alt="" src="../downloads/x.csv"> '
        '<abbr title="iv.md">A</abbr> href=&quot;iv.md&quot;</p>'
        '<blockquote cite="../iv/#p18"><p>q</p></blockquote>'
    )
    assert links.resolve(page, "sections/v.md", FILES, True) == (
        '<p><a class="x" href="../iv/#p18" title="iv.md">¶18</a> <img alt="" src="../../downloads/x.csv"> '
        '<abbr title="iv.md">A</abbr> href=&quot;iv.md&quot;</p>'
        '<blockquote cite="../iv/#p18"><p>q</p></blockquote>'
    )


@pytest.fixture(scope="module")
def minimal():
    return check(MINIMAL)


@pytest.fixture(scope="module")
def generated(minimal):
    return docs_folder.docs_files(minimal, finish.SiteSettings("https://edition.example/", "Site", True))


def test_every_relative_link_the_pages_write_points_at_a_docs_file(generated):
    """A mistyped source path would survive to the site as a broken link; here it fails at once."""
    unresolved = []
    for src, text in generated.items():
        if not src.endswith(".md"):
            continue
        for href in re.findall(r'<a [^>]*href="([^"#][^"]*)"', text):
            target = posixpath.normpath(posixpath.join(posixpath.dirname(src), re.split("[?#]", href)[0]))
            if "://" not in href and target not in generated and target not in finish.PLACED_AFTER_BUILD:
                unresolved.append(f"{src}: {href}")
    assert unresolved == []
    assert sum(text.count('.md#') for text in generated.values()) > 20  # the links are to sources


def test_the_docs_folder_has_robots_txt_and_every_rendered_file(generated):
    assert generated["robots.txt"] == "User-agent: *\nAllow: /\nSitemap: https://edition.example/sitemap.xml\n"
    assert {"index.md", "sections/i.md", "cite/i.md", "downloads/references.bib"} <= set(generated)


def test_the_engine_config_keeps_the_settings_and_drops_what_only_the_hook_needs(minimal):
    config = docs_folder.read_config()
    engine = docs_folder.engine_config(
        config, docs_folder.site_settings(minimal, finish.SiteSettings.from_config(config))
    )
    assert engine["INHERIT"] == "nav.yml"
    assert engine["docs_dir"] == "docs"
    assert engine["theme"]["custom_dir"] == "overrides"
    assert not {"hooks", "watch", "exclude_docs", "nav"} & set(engine)
    # What the hook's template globals told MkDocs' templates, every engine reads from config.extra, and the
    # edition's line in the footer is in `copyright`, as the hook sets it.
    assert engine["extra"]["edition_print_page"] == {"url": "print/"}
    assert engine["extra"]["edition_pdf"] == "downloads/lee2025.pdf"
    assert 'class="edition-stamp"' in engine["copyright"]
    for key in ("site_name", "site_url", "use_directory_urls", "plugins", "markdown_extensions", "extra_css"):
        assert engine[key] == config[key]


def test_the_written_config_reads_back_with_its_navigation(tmp_path, minimal):
    files = docs_folder.project(minimal, docs_folder.read_config())
    for name in (docs_folder.CONFIG_FILE, docs_folder.NAV_FILE):
        (tmp_path / name).write_text(files[name], encoding="utf-8")
    config = docs_folder.read_config(tmp_path / docs_folder.CONFIG_FILE)
    assert config["nav"] == site_nav(minimal)
    assert config["site_name"] == docs_folder.read_config()["site_name"]


@pytest.mark.parametrize(
    ("src", "markdown", "title"),
    [
        ("proposals/a.md", "# Joint stockpiling\n\ntext", "Joint stockpiling"),
        (
            "sections/iv.md",
            '# IV. Cooperation Against De\\-Globalization {#iv data-toc-label="x"}\n',
            "IV. Cooperation Against De-Globalization",
        ),
        ("cite/a.md", "---\nsearch:\n  exclude: true\n---\n\n# Cite §IV\\. A &amp; B\n", "Cite §IV. A & B"),
        # MkDocs takes the heading only when the page starts with it; otherwise the file's name.
        ("print.md", "---\nhide:\n  - toc\n---\n\n<p>Cite as</p>\n\n# The paper\n", "Print"),
        ("a_Thing-x.md", "text", "a Thing x"),
    ],
)
def test_a_page_not_in_the_navigation_is_titled_by_mkdocs_rule(src, markdown, title):
    assert finish.page_title(src, markdown) == title


def test_nav_titles_name_every_listed_page(minimal):
    titles = finish.nav_titles(site_nav(minimal))
    assert titles["index.md"] == "Title page and contents"
    assert titles["sections/i.md"].startswith("I. ")


def material_index() -> dict:
    return {
        "config": {"lang": ["en"], "separator": "[\\s]+"},
        "docs": [
            {"location": "", "title": "Home", "text": "x"},
            {"location": "sections/i/", "title": "I. Introduction", "text": "long"},
            {"location": "cite/", "title": "Cite", "text": "boxes"},
            {"location": "proposals/stockpile/", "title": "Stockpile", "text": "s"},
            {"location": "proposals/stockpile/#quotes", "title": "In the paper’s words", "text": "q"},
        ],
    }


def zensical_index() -> dict:
    def item(location, level, title, path):
        return {"location": location, "level": level, "title": title, "text": "t", "path": path, "tags": []}

    return {
        "config": {"lang": ["en"], "separator": "[\\s]+"},
        "items": [
            item("", 1, "Home", ["The paper", "Overview"]),
            item("sections/i/", 1, "I. Introduction", ["The paper", "I. Introduction"]),
            item("cite/i/", 1, "Cite §I", ["Cite §I"]),
            item("challenges/supply-risk/", 1, "Supply risk", ["Supply risk"]),
            item("challenges/supply-risk/#proposals", 2, "Proposals that answer it", ["Supply risk"]),
            item("proposals/stockpile/#quotes", 2, "In the paper’s words", ["Stockpile"]),
        ],
    }


def test_material_index_gets_paragraph_entries_and_loses_cite_pages_and_quotes(minimal):
    docs = search.rewrite(material_index(), minimal, True)["docs"]
    assert [doc["location"] for doc in docs] == [
        "",
        "sections/i/",
        "sections/i/#p1",
        "sections/i/#p2",
        "proposals/stockpile/",
    ]
    assert docs[2]["title"] == "§I, ¶1" and docs[2]["boost"] == search.PARAGRAPH_BOOST
    assert docs[4]["boost"] == search_ranking.PROPOSAL_BOOST


def test_zensical_index_gets_paragraph_entries_the_separator_and_no_record_lists(minimal):
    index = search.rewrite_zensical(zensical_index(), minimal, True)
    assert index["config"] == {"lang": ["en"], "separator": search.ZENSICAL_SEPARATOR}
    items = index["items"]
    assert [item["location"] for item in items] == [
        "",
        "sections/i/",
        "sections/i/#p1",
        "sections/i/#p2",
        "challenges/supply-risk/",
    ]
    assert items[2] == {
        "location": "sections/i/#p1",
        "level": 2,
        "title": "§I, ¶1",
        "text": f"<p>{minimal.text('p1')}</p>",
        "path": ["The paper", "I. Introduction"],
        "tags": [],
    }


@pytest.mark.parametrize(
    ("rewriting", "index"), [(search.rewrite, material_index), (search.rewrite_zensical, zensical_index)]
)
def test_rewriting_an_index_twice_changes_nothing(minimal, rewriting, index):
    once = rewriting(index(), minimal, True)
    assert rewriting(json.loads(json.dumps(once)), minimal, True) == once


def test_the_gzipped_sitemap_is_written_where_missing_and_kept_where_it_matches(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1741737600")
    (tmp_path / "sitemap.xml").write_text("<urlset/>", encoding="utf-8")
    finish.write_sitemap_gz(tmp_path)
    packed = (tmp_path / "sitemap.xml.gz").read_bytes()
    assert gzip.decompress(packed) == b"<urlset/>"
    assert packed[4:8] == (1741737600).to_bytes(4, "little")  # the gzip header's time: the pinned build date
    finish.write_sitemap_gz(tmp_path)
    assert (tmp_path / "sitemap.xml.gz").read_bytes() == packed


def test_robots_txt_names_the_sitemap_only_when_the_address_is_known():
    assert (
        finish.robots_txt("https://x.example/ed/")
        == "User-agent: *\nAllow: /\nSitemap: https://x.example/ed/sitemap.xml\n"
    )
    assert finish.robots_txt("") == "User-agent: *\nAllow: /\n"


def test_site_settings_add_the_slash_mkdocs_adds():
    settings = finish.SiteSettings.from_config({"site_url": "https://x.example/ed", "site_name": "S"})
    assert settings == finish.SiteSettings("https://x.example/ed/", "S", True)


def test_the_nav_file_is_yaml_of_the_navigation(minimal):
    files = docs_folder.project(minimal, docs_folder.read_config())
    assert yaml.safe_load(files[docs_folder.NAV_FILE]) == {"nav": site_nav(minimal)}


def test_a_docs_folder_read_back_is_the_one_rendered(tmp_path, minimal):
    """`finish --docs-folder DIR` reads what `render DIR` wrote instead of rendering again: the same pages,
    files and navigation."""
    config = docs_folder.read_config()
    files = docs_folder.project(minimal, config)
    write_files(files, tmp_path)
    again = docs_folder.for_finishing(minimal, config)
    for folder in (docs_folder.read_folder(tmp_path), docs_folder.as_built(files)):
        assert folder.pages == again.pages
        assert set(folder.files) == set(again.files)
        assert folder.nav == again.nav == site_nav(minimal)
