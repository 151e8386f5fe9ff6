"""A search index that stays flat (issue 16): what a visitor's first page fetches for search does not grow with
the edition. The entries are in Pagefind's bundle, loaded by the search worker when the search box is opened and
fetched in fragments once a query is typed; the first page fetches the start-up index (configuration only) and the
worker. How many bytes and how
fast at 1x and 50x is the benchmark's (benchmarks/search.py, README Performance); this checks the structure
that makes it so.
"""

from __future__ import annotations

import gzip
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from edition import search_pagefind

from ..helpers import MINIMAL, build_site

pytestmark = pytest.mark.slow  # builds a second site and opens the built one

# Issue 16: a visitor's first page fetches at most this much search data, compressed, at 50x.
FIRST_PAGE_LIMIT = 150_000
SEARCH_PATHS = ("search/", "pagefind/", "assets/javascripts/workers/", "assets/javascripts/lunr/")


@pytest.fixture(scope="module")
def minimal_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("minimal") / "site"
    result = build_site(site, MINIMAL)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def search_requests(urls: list[str], site_url: str) -> list[str]:
    base = urlsplit(site_url).path
    paths = [urlsplit(url).path[len(base) :] for url in urls if url.startswith(site_url)]
    return sorted({path for path in paths if path.startswith(SEARCH_PATHS)})


def test_the_first_pages_search_files_are_the_same_for_an_edition_of_any_size(built_site, minimal_site):
    # The real edition has hundreds of entries, the minimal fixture a few: the files every page fetches for
    # search are byte for byte the same, so they are the same at 50x too.
    real, small = search_pagefind.bundle_entries(built_site), search_pagefind.bundle_entries(minimal_site)
    assert len(real) > 300 and len(real) > 5 * len(small) > 0
    for name in ("search/search_index.json", search_pagefind.WORKER.as_posix()):
        assert (built_site / name).read_bytes() == (minimal_site / name).read_bytes(), name


@pytest.mark.browser
def test_a_first_page_fetches_no_entries_and_the_first_query_fetches_fragments(page, built_site, site_url):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url, wait_until="networkidle")
    first_page = search_requests(requested, site_url)
    assert first_page == ["search/search_index.json", "search/worker.js"]
    sent = sum(len(gzip.compress((built_site / path).read_bytes())) for path in first_page)
    assert sent <= FIRST_PAGE_LIMIT
    assert b'"docs":[]' in (built_site / "search" / "search_index.json").read_bytes()
    # Pagefind comes with the first query, and only the fragments of the results shown.
    before = len(requested)
    page.keyboard.press("/")
    page.keyboard.type("hydrogen")
    page.wait_for_selector(".md-search-result__item")
    page.wait_for_load_state("networkidle")
    on_query = search_requests(requested[before:], site_url)
    fragments = [path for path in on_query if path.startswith("pagefind/fragment/")]
    assert "pagefind/pagefind.js" in on_query
    assert 0 < len(fragments) <= 24 < len(list((built_site / "pagefind" / "fragment").iterdir()))


@pytest.mark.browser
def test_opening_the_search_box_loads_pagefind_before_the_first_key(page, built_site, site_url):
    # partials/search-preload.js tells the worker that the box is open: Pagefind's script, WebAssembly, page list
    # and filter values are fetched then, and nothing that depends on a query (index chunks, fragments).
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url, wait_until="networkidle")
    assert not any("/pagefind/" in url for url in requested)
    before = len(requested)
    page.keyboard.press("/")
    page.wait_for_event("requestfinished", lambda request: request.url.endswith(".pf_filter"))
    page.wait_for_load_state("networkidle")
    opened = search_requests(requested[before:], site_url)
    meta = next((built_site / "pagefind").glob("*.pf_meta")).name
    assert {"pagefind/pagefind.js", "pagefind/wasm.unknown.pagefind", f"pagefind/{meta}"} <= set(opened)
    assert [path for path in opened if path.startswith(("pagefind/index/", "pagefind/fragment/"))] == []
    # The query then needs only its own chunks and fragments.
    before = len(requested)
    page.keyboard.type("hydrogen")
    page.wait_for_selector(".md-search-result__item")
    page.wait_for_load_state("networkidle")
    on_query = search_requests(requested[before:], site_url)
    assert "pagefind/pagefind.js" not in on_query and f"pagefind/{meta}" not in on_query
    assert any(path.startswith("pagefind/fragment/") for path in on_query)
