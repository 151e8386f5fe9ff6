"""Zensical builds the generated docs folder into the same site as MkDocs: the URL contract, the ids and hrefs of
every page, the metadata in <head>, the links gate at the domain root and under a subpath. One Zensical build
(`zensical_site`, as `make build-zensical` makes it) is compared with the MkDocs build (`built_site`).

The search suite under Zensical is in tests/browser/test_zensical_search.py.
"""

from __future__ import annotations

import gzip
import inspect
import posixpath
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from edition import finish, site_script
from edition.docs_folder import for_finishing, read_config

from . import test_metadata
from .helpers import SITE_URL, broken_links, html_files, ids_of, target_file, url_path
from .url_contract import published, read_list

pytestmark = pytest.mark.slow

# A subpath the site may be published under; a relative link that climbs above the site's root breaks there.
MOUNT = "/lee-2025/edition/"
# The metadata tags the finishing step writes (edition/metadata.py), and the theme's preview image.
METADATA = ("citation_", "DC.", "og:")


def soups(site: Path) -> dict[str, BeautifulSoup]:
    return {
        url_path(site, file): BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        for file in html_files(site)
    }


@pytest.fixture(scope="module")
def mkdocs_pages(built_site):
    return soups(built_site)


@pytest.fixture(scope="module")
def zensical_pages(zensical_site):
    return soups(zensical_site)


def content_ids(page: BeautifulSoup) -> list[str]:
    """The ids of the page's content, without the theme's own (`__skip`, `__toc`...)."""
    return [el["id"] for el in page.select("article [id]") if not el["id"].startswith("__")]


def content_hrefs(page: BeautifulSoup) -> list[str]:
    """The hrefs of the page's content, as written (the theme's action buttons are compared by target below)."""
    return [a["href"] for a in page.select("article a[href]") if "md-content__button" not in a.get("class", [])]


def link_targets(path: str, page: BeautifulSoup) -> list[str]:
    """Where each link of the content leads, from the page's URL: "print/" and "./print/" are the same."""
    base = "/" + (path if path.endswith("/") or not path else posixpath.dirname(path) + "/")
    targets = []
    for a in page.select("article a[href]"):
        parts = urlsplit(a["href"])
        if parts.scheme or parts.netloc:
            targets.append(a["href"])
            continue
        resolved = posixpath.normpath(posixpath.join(base, parts.path)) + ("/" if parts.path.endswith("/") else "")
        targets.append((resolved if parts.path else "") + (f"#{parts.fragment}" if parts.fragment else ""))
    return targets


def head_metadata(page: BeautifulSoup) -> dict:
    metas = sorted(
        (tag.get("name") or tag.get("property"), tag["content"])
        for tag in page.find_all("meta", content=True)
        if (tag.get("name") or tag.get("property") or "").startswith(METADATA)
    )
    return {
        "meta": metas,
        "json-ld": [script.string for script in page.find_all("script", type="application/ld+json")],
        "coins": [span["title"] for span in page.find_all("span", class_="Z3988")],
        "dc-schema": [link["href"] for link in page.find_all("link", rel="schema.DC")],
    }


def test_both_engines_build_the_same_pages(mkdocs_pages, zensical_pages):
    assert len(mkdocs_pages) > 90
    assert set(zensical_pages) == set(mkdocs_pages)


def test_every_published_url_and_anchor_is_there(zensical_site):
    built = set(published(zensical_site))
    missing = [url for url in read_list() if url not in built]
    assert len(read_list()) > 900
    assert missing == []


def test_every_page_has_the_same_ids_in_the_same_order(mkdocs_pages, zensical_pages):
    differing = [path for path, page in mkdocs_pages.items() if content_ids(page) != content_ids(zensical_pages[path])]
    assert sum(len(content_ids(page)) for page in mkdocs_pages.values()) > 900
    assert differing == []


def test_every_page_has_the_same_links(mkdocs_pages, zensical_pages):
    differing = []
    for path, page in mkdocs_pages.items():
        mine, theirs = content_hrefs(page), content_hrefs(zensical_pages[path])
        if mine != theirs:
            differing.append(
                f"{path}: {[h for h in mine if h not in theirs][:3]} / {[h for h in theirs if h not in mine][:3]}"
            )
    assert sum(len(content_hrefs(page)) for page in mkdocs_pages.values()) > 2000
    assert differing == []


def test_every_link_leads_to_the_same_place(mkdocs_pages, zensical_pages):
    """The theme's buttons (print edition) included, whose hrefs each engine's `url` filter writes its own way."""
    differing = [
        path
        for path, page in mkdocs_pages.items()
        if link_targets(path, page) != link_targets(path, zensical_pages[path])
    ]
    assert differing == []


def test_the_links_gate_passes_at_the_domain_root(zensical_site):
    problems = broken_links(zensical_site)
    assert problems == [], "\n".join(problems)


def leaving_the_mount(site: Path, mount: str, site_path: str = "/") -> list[str]:
    """Links that would leave the site published under `mount`: relative links that climb above its root (at
    the domain root a browser stops there, so the links gate cannot see them). A link written as an absolute
    path (the error page's, the footer's edition line) follows the address the site is built for, `site_path`,
    and is checked against that instead."""
    problems = []
    for file in html_files(site):
        here = mount + url_path(site, file)
        base = here if here.endswith("/") else posixpath.dirname(here) + "/"
        page = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        for tag in page.select("a[href], link[href], img[src], script[src]"):
            link = tag.get("href") or tag.get("src")
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            if parts.path.startswith("/"):
                if not parts.path.startswith(site_path):
                    problems.append(f"{here}: {link!r} is outside the site's address {site_path}")
            elif not (posixpath.normpath(base + unquote(parts.path)) + "/").startswith(mount):
                problems.append(f"{here}: {link!r} leaves {mount}")
    return problems


def test_no_relative_link_leaves_a_subpath(zensical_site):
    problems = leaving_the_mount(zensical_site, MOUNT, urlsplit(SITE_URL).path)
    assert problems == [], "\n".join(problems[:20])


def test_the_subpath_check_finds_a_link_that_climbs_too_far(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<a href="../b/">ok</a> <a href="../../b/">too far</a> <a href="/ed/b/">ok</a> <a href="/b/">elsewhere</a>',
        encoding="utf-8",
    )
    assert leaving_the_mount(tmp_path, MOUNT, "/ed/") == [
        f"{MOUNT}a/: '../../b/' leaves {MOUNT}",
        f"{MOUNT}a/: '/b/' is outside the site's address /ed/",
    ]


def cite_targets_missing(site: Path) -> list[str]:
    """A quotation's cite= (which no engine rewrites) must name a page and a paragraph that exist."""
    problems, ids = [], {}
    for file in html_files(site):
        here = "/" + url_path(site, file)
        for quote in BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser").select("[cite]"):
            parts = urlsplit(quote["cite"])
            target = target_file(site, posixpath.normpath(posixpath.join(here, parts.path)) + "/")
            if target is None or parts.fragment not in ids_of(target, ids):
                problems.append(f"{here}: cite={quote['cite']!r}")
    return problems


def test_quotations_cite_their_paragraph_in_both_builds(built_site, zensical_site):
    assert cite_targets_missing(built_site) == []
    assert cite_targets_missing(zensical_site) == []


# The metadata test of the MkDocs build, run on the Zensical build unchanged.
METADATA_CHECKS = [
    check
    for name, check in inspect.getmembers(test_metadata, inspect.isfunction)
    if name.startswith("test_") and "built_site" in inspect.signature(check).parameters
]


@pytest.mark.parametrize("check", METADATA_CHECKS, ids=lambda check: check.__name__)
def test_the_metadata_test_passes(check, zensical_site, edition):
    arguments = {"built_site": zensical_site, "edition": edition}
    check(**{name: arguments[name] for name in inspect.signature(check).parameters})


def test_every_page_has_the_same_metadata_in_head(mkdocs_pages, zensical_pages):
    differing = [
        path for path, page in mkdocs_pages.items() if head_metadata(page) != head_metadata(zensical_pages[path])
    ]
    assert len(METADATA_CHECKS) >= 5
    assert differing == []


def test_every_page_loads_the_engines_bundle_with_our_scripts_after_it(zensical_site, zensical_pages):
    """Zensical's bundle is not Material's: the edition's script file is joined from the bundle the engine wrote."""
    bundle = site_script.theme_bundle(zensical_site)
    assert bundle is not None
    ours = site_script.file_name(site_script.joined(bundle.read_bytes()))
    assert (zensical_site / site_script.ASSETS / ours).is_file()
    for path, page in zensical_pages.items():
        sources = [script["src"].rsplit("/", 1)[-1] for script in page.find_all("script", src=True)]
        assert sources == [ours], path


def test_robots_and_sitemaps_match(built_site, zensical_site):
    assert (zensical_site / "robots.txt").read_text(encoding="utf-8") == (built_site / "robots.txt").read_text(
        encoding="utf-8"
    )

    def listed(site: Path) -> set[str]:
        xml = gzip.decompress((site / "sitemap.xml.gz").read_bytes()).decode("utf-8")
        assert xml == (site / "sitemap.xml").read_text(encoding="utf-8")
        return {loc.text for loc in ET.fromstring(xml).iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}

    assert listed(zensical_site) == listed(built_site)


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_finishing_a_finished_site_changes_nothing(engine, built_site, zensical_site, edition, tmp_path):
    """`python -m edition finish` does what the MkDocs hook did, and finishing twice is harmless."""
    site = tmp_path / "site"
    shutil.copytree(built_site if engine == "mkdocs" else zensical_site, site)
    before = {path: path.read_bytes() for path in site.rglob("*") if path.is_file()}
    config = read_config()
    finish.finish_site(site, edition, for_finishing(edition, config), finish.SiteSettings.from_config(config))
    changed = [path.relative_to(site).as_posix() for path, data in before.items() if path.read_bytes() != data]
    assert changed == []
