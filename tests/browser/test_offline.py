"""The offline edition: opened from the file system, its pages link to each other and search works,
with no request leaving the machine."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ..helpers import broken_links, build_site

pytestmark = pytest.mark.slow  # every test here builds or reads a site


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("offline") / "site"
    result = build_site(site, extra_env={"EDITION_OFFLINE": "true"})
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_offline_edition_uses_file_urls_and_ships_its_search_shim(offline_site):
    assert (offline_site / "sections" / "iv.html").is_file()
    assert (offline_site / "search" / "search_index.js").is_file()
    assert (offline_site / "assets" / "javascripts" / "iframe-worker.js").is_file()
    home = (offline_site / "index.html").read_text(encoding="utf-8")
    assert 'href="sections/iv.html"' in home
    assert "unpkg.com" not in home
    # Material's lunr search with its whole index: Pagefind cannot fetch from file:// (search_pagefind.py).
    assert not (offline_site / "pagefind").exists() and not (offline_site / "search" / "worker.js").exists()
    assert "assets/javascripts/workers/search." in home
    assert len(json.loads((offline_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]) > 300


def test_the_online_site_is_untouched_by_the_offline_plugin(built_site):
    assert (built_site / "sections" / "iv" / "index.html").is_file()
    assert not (built_site / "sections" / "iv.html").exists()
    assert not (built_site / "assets" / "javascripts" / "iframe-worker.js").exists()
    assert not (built_site / "search" / "search_index.js").exists()


def test_every_offline_link_and_fragment_resolves(offline_site):
    assert broken_links(offline_site) == []


@pytest.mark.browser
def test_search_works_from_the_file_system(browser, offline_site):
    context = browser.new_context()
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    try:
        page.goto((offline_site / "index.html").as_uri())
        page.keyboard.press("/")
        page.keyboard.type("Senkaku")
        hit = page.locator('.md-search-result__list a[href*="sections/iv.html"][href*="#p18"]').first
        hit.wait_for(state="attached", timeout=15000)
        hit.click()
        page.wait_for_url("**/sections/iv.html*#p18")
        assert page.locator("#p18 .para-num").inner_text() == "¶18"
        # A plain link between pages works too.
        page.locator(".md-nav--primary a.md-nav__link", has_text="V. Cooperation Against Shrinking").first.click(
            force=True
        )
        page.wait_for_url("**/sections/v.html")
    finally:
        context.close()
    foreign = [url for url in requests if not url.startswith(("file://", "data:", "blob:", "about:"))]
    assert foreign == []
