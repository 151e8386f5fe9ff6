"""The small things a site is expected to have: a helpful 404 page, robots.txt, a sitemap, a preview image."""

from __future__ import annotations

import struct
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from .helpers import SITE_URL, page_paths

pytestmark = pytest.mark.slow  # every test here reads the built site


def test_robots_allows_crawling_and_names_the_sitemap(built_site):
    assert (built_site / "robots.txt").read_text(encoding="utf-8") == (
        f"User-agent: *\nAllow: /\nSitemap: {SITE_URL}sitemap.xml\n"
    )


def test_the_sitemap_lists_every_page_but_the_error_page(built_site):
    tree = ET.parse(built_site / "sitemap.xml")
    listed = {loc.text for loc in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    pages = {SITE_URL + path for path in page_paths(built_site) if path != "404.html"}
    assert listed == pages


def test_the_404_page_offers_the_way_back(built_site):
    soup = BeautifulSoup((built_site / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.h1.get_text() == "Page not found"
    links = {a["href"] for a in soup.select("article a[href]")}
    assert {"/", "/sections/i/", "/sections/vii/", "/references/", "/about/"} <= links
    assert "/." not in links


def test_every_page_has_a_preview_image_that_exists(built_site):
    image = built_site / "assets" / "og-image.png"
    width, height = struct.unpack(">II", image.read_bytes()[16:24])  # the PNG header's IHDR chunk
    assert (width, height) == (1200, 630)
    for path in ("", "sections/iv/", "about/"):
        soup = BeautifulSoup((built_site / path / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert soup.find("meta", property="og:image")["content"] == SITE_URL + "assets/og-image.png"
        assert soup.find("meta", property="og:image:alt")["content"]
