"""Published URLs are citations: every page and anchor ever listed must still resolve."""

from __future__ import annotations

import pytest

from .url_contract import page_urls, published, read_list


@pytest.mark.slow
def test_no_published_url_or_anchor_disappears(built_site):
    built = set(published(built_site))
    missing = [url for url in read_list() if url not in built and not _redirected(built_site, url)]
    assert missing == [], "published URLs that no longer resolve (add a redirect): " + ", ".join(missing)


@pytest.mark.slow
def test_every_page_is_in_the_contract(built_site):
    listed = set(read_list())
    new = ["/" + url for url in page_urls(built_site) if "/" + url not in listed]
    assert new == [], "new pages missing from tests/published_urls.txt (run `make urls`): " + ", ".join(new)


def test_contract_covers_every_paragraph_and_section(edition):
    listed = set(read_list())
    for paragraph in edition.paragraphs:
        section = edition.place[paragraph.id].section
        assert f"/sections/{section.id}/#{paragraph.id}" in listed
    for section in edition.sections:
        assert f"/sections/{section.id}/" in listed
        for sub in section.subsections:
            assert f"/sections/{section.id}/#{sub.id}" in listed


def _redirected(site, url: str) -> bool:
    """A moved page leaves a redirect page behind (mkdocs-redirects style meta refresh)."""
    path, _, _ = url.partition("#")
    page = site / path.lstrip("/") / "index.html"
    return page.exists() and 'http-equiv="refresh"' in page.read_text(encoding="utf-8")
