"""Search in the real browser: realistic queries, each with the page or paragraph it must find in the top 3.

A result is a link in Material's result list whose `h` parameter is not empty; links with an empty one are
group headers for a page that matched only through its sections, so they are not counted as hits.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

pytestmark = pytest.mark.slow  # every test here opens the built site

# (query, the page or page#anchor it must find). Paragraph targets are where the words occur in the paper;
# proposal targets check that a proposal page ranks above passing mentions.
QUERIES = [
    ("knowledge-sharing", "proposals/knowledge-sharing-projects/"),
    ("knowledge sharing projects", "proposals/knowledge-sharing-projects/"),
    ("KRW 306 trillion", "sections/vi/#p35"),
    ("306 trillion", "sections/vi/#p35"),
    ("U.S.-China trade conflict", "sections/ii/#p3"),
    ("Biden administration", "sections/ii/#p3"),
    ("weaponization of interdependence", "sections/ii/#p4"),
    ("Global Financial Crisis", "sections/ii/#p5"),
    ("populism", "sections/ii/#p5"),
    ("sixth largest economy", "sections/ii/#p9"),
    ("flying geese", "sections/iii/#p11"),
    ("horizontal symmetrical relationship", "sections/iii/#p11"),
    ("prolonged recession", "sections/iii/#p12"),
    ("protection promotion partnership", "sections/iv/#p16"),
    ("Camp David", "sections/iv/#p17"),
    ("rare earth embargo", "sections/iv/#p18"),
    ("THAAD", "sections/iv/#p18"),
    ("Senkaku", "sections/iv/#p18"),
    ("METI news release", "sections/iv/#p19"),
    ("industrial policy deregulation", "sections/iv/#p20"),
    ("G7 AI norms", "proposals/g7-norm-setting/"),
    ("forging international norms", "sections/iv/#p23"),
    ("labor shortages", "sections/v/#p27"),
    ("SIP", "sections/v/#p28"),
    ("ODA infrastructure", "proposals/joint-oda-infrastructure/"),
    ("hydrogen ammonia supply chains", "proposals/hydrogen-ammonia-supply-chains/"),
    ("joint stockpiling", "proposals/joint-stockpiling/"),
    ("trust fund", "proposals/north-korea-development-trust-fund/"),
    ("Northeast Asian Development Bank", "proposals/northeast-asian-development-bank/"),
    ("EBRD", "sections/vi/#p38"),
    ("normalization of diplomatic relations 1965", "sections/vii/#p41"),
]
MIN_HIT_RATE = 0.95


def results(page, site_path: str, query: str) -> list[str]:
    """The result targets in ranked order, as 'path/#anchor' relative to the site."""
    search_box = page.locator(".md-search__input")
    search_box.fill(query)
    # Material reacts to key events, not to `fill`'s input event alone.
    search_box.press("End")
    page.wait_for_function("!document.querySelector('.md-search-result__meta').textContent.includes('Type to start')")
    # The result list is replaced as a whole; wait until it has settled.
    page.wait_for_timeout(150)
    hrefs = page.eval_on_selector_all(".md-search-result__list a", "links => links.map(a => a.href)")
    found = []
    for href in hrefs:
        parts = urlsplit(href)
        if parse_qs(parts.query).get("h", [""])[0]:
            path = parts.path[len(site_path) :]
            found.append(path + (f"#{parts.fragment}" if parts.fragment else ""))
    search_box.fill("")
    search_box.press("End")
    page.wait_for_selector(".md-search-result__meta:has-text('Type to start searching')")
    return found


@pytest.fixture
def search_page(page, site_url):
    page.goto(site_url)
    page.keyboard.press("/")  # works at every width (the header toggle is hidden on desktop)
    page.wait_for_selector(".md-search-result__meta:has-text('Type to start searching')")
    return page


@pytest.mark.browser
def test_query_suite_finds_its_targets_in_the_top_three(search_page, site_url):
    site_path = urlsplit(site_url).path
    misses = []
    for query, target in QUERIES:
        top = results(search_page, site_path, query)[:3]
        if target not in top:
            misses.append(f"{query!r}: wanted {target}, top 3 were {top}")
    hit_rate = 1 - len(misses) / len(QUERIES)
    assert len(QUERIES) >= 25
    assert hit_rate >= MIN_HIT_RATE, f"hit@3 {hit_rate:.0%}:\n" + "\n".join(misses)


@pytest.mark.browser
def test_a_hit_inside_a_paragraph_opens_that_paragraph(search_page, site_url):
    search_page.locator(".md-search__input").fill("Senkaku")
    search_page.locator(".md-search__input").press("End")
    link = search_page.locator('.md-search-result__list a[href*="#p18"]').first
    link.click()
    search_page.wait_for_url("**/sections/iv/**#p18")
    assert search_page.evaluate("location.hash") == "#p18"
    # The paragraph is scrolled into view, not merely somewhere on the page.
    assert search_page.locator("#p18").is_visible()
    box = search_page.locator("#p18").bounding_box()
    assert 0 <= box["y"] < search_page.viewport_size["height"]


@pytest.mark.browser
def test_cite_pages_do_not_appear_in_results(search_page, site_url):
    # Every cite page is titled "Cite …", so without the post-processing they would lead this list.
    found = results(search_page, urlsplit(site_url).path, "cite")
    assert found, "the query should find the home page's 'How to cite'"
    assert [target for target in found if target.startswith("cite/")] == []


@pytest.mark.browser
def test_a_proposal_ranks_above_passing_mentions_of_its_words(search_page, site_url):
    site_path = urlsplit(site_url).path
    wrong = []
    for query, target in QUERIES:
        if target.startswith("proposals/"):
            found = results(search_page, site_path, query)
            if not found or found[0] != target:
                wrong.append(f"{query!r}: first result {found[:1]}, wanted {target}")
    assert wrong == []
