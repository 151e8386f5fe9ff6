"""The print edition: the whole paper on one page, ¶ numbers kept, a citation line on top, no chrome in print."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from edition import search_pagefind
from edition.cite_styles import paper_citation_text

pytestmark = pytest.mark.slow  # every test here reads the built site


@pytest.fixture(scope="module")
def print_soup(built_site):
    return BeautifulSoup((built_site / "print" / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_every_paragraph_is_there_in_order_with_its_number(print_soup, edition):
    numbers = [a.get_text() for a in print_soup.select(".para .para-num")]
    assert numbers == [f"¶{p.number}" for p in edition.paragraphs]
    # The corrected text, with a † after each corrected word (and the printed words, shown "as printed").
    texts = []
    for div in print_soup.select(".para"):
        for gone in div.select(".erratum-mark, .query-mark, .reading-printed"):
            gone.decompose()
        texts.append(div.select_one(".para-text").get_text())
    assert texts == [edition.text(p.id) for p in edition.paragraphs]


def test_the_citation_line_comes_first(print_soup, edition):
    article = print_soup.select_one("article.md-content__inner")
    first = article.find("p")
    assert first["class"] == ["print-citation"]
    assert first.get_text() == "Cite as: " + paper_citation_text(edition)
    # The title follows the citation line.
    assert first.find_next("h1").get_text().startswith(edition.paper.title)


def test_the_print_page_is_not_in_search(built_site):
    docs = search_pagefind.bundle_entries(built_site)
    assert [doc["location"] for doc in docs if doc["location"].startswith("print")] == []


@pytest.mark.browser
def test_printing_hides_the_chrome_and_shows_external_urls(page, site_url):
    page.goto(site_url + "print/")
    # The paper's references carry no live links; add one the way a rendered link would look.
    page.evaluate(
        "() => { const a = document.createElement('a'); a.href = 'https://example.org/x'; a.id = 'ext';"
        " a.textContent = 'a source'; document.querySelector('.md-typeset .para-text').append(a); }"
    )
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"):
        assert page.eval_on_selector(selector, "e => getComputedStyle(e).display") == "none", selector
    after = page.eval_on_selector("#ext", "e => getComputedStyle(e, '::after').content")
    assert after == '" <https://example.org/x>"'
    assert page.locator(".para-num").first.is_visible()
