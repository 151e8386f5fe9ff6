"""Privacy gate: while each type of page loads, and while search runs, every request goes to the local server."""

from __future__ import annotations

import pytest

from ..helpers import representative_pages

pytestmark = pytest.mark.slow  # opens the built site

LOCAL_SCHEMES = ("data:", "blob:", "about:")


@pytest.mark.browser
def test_no_page_type_contacts_another_host(browser, built_site, site_url):
    context = browser.new_context()
    requests: list[tuple[str, str]] = []
    current = {"page": ""}
    context.on("request", lambda request: requests.append((current["page"], request.url)))
    page = context.new_page()
    pages = representative_pages(built_site)
    try:
        for path in pages:
            current["page"] = path
            page.goto(site_url + path, wait_until="networkidle")
        # Search loads a worker and the index only when used.
        current["page"] = "search"
        page.keyboard.press("/")
        page.keyboard.type("cooperation")
        page.wait_for_selector(".md-search-result__item")
        page.wait_for_load_state("networkidle")
    finally:
        context.close()
    foreign = [f"/{where}: {url}" for where, url in requests if not url.startswith((site_url, *LOCAL_SCHEMES))]
    assert len(pages) >= 5 and any(url.endswith("search_index.json") for _, url in requests)
    assert foreign == [], "\n".join(foreign)
