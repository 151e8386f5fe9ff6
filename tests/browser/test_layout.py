"""Issue 11 in a real browser, at a phone's size (390 × 844) and a laptop's (1366 × 900), light and dark, over one
page of every type: no page scrolls sideways, no table cell splits a word, every wide table is cards or scrolls in
its own box with a cue, and the marked target, the reading mode, the filters' URL and the home page hold.

The site is the session's one build (tests/conftest.py); each size and scheme is one browser context, reused for
every page, so the whole module costs a few page loads per page type.
"""

from __future__ import annotations

import pytest

from edition import urls
from edition.render.common import Context
from edition.render.facets import facets
from edition.urls import Linker

from ..helpers import representative_pages, soup

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SIZES = {"phone": {"width": 390, "height": 844}, "laptop": {"width": 1366, "height": 900}}
SCHEMES = ("light", "dark")
COMBINATIONS = [(size, scheme) for size in SIZES for scheme in SCHEMES]

# One evaluation per page: how wide the page is, every word a table cell splits over two lines, and every table
# that is wider than its place without being cards or sitting in a box that scrolls by itself with a cue.
# A word is a run of letters and digits: a break after a hyphen or a dash is where a line may end.
LAYOUT = """() => {
  const viewport = document.documentElement.clientWidth;
  const broken = [];
  const loose = [];
  for (const table of document.querySelectorAll('article table')) {
    if (!table.offsetParent) continue;  // not shown at this size (the matrix's grid on a phone)
    const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.parentElement.offsetParent && node.parentElement !== table) continue;
      for (const match of node.data.matchAll(/[\\p{L}\\p{N}]+/gu)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (lines.size > 1) broken.push(match[0]);
      }
    }
    const cards = getComputedStyle(table).display === 'block';
    const box = table.closest('.edition-scroll, .md-typeset__scrollwrap');
    const scrolls = box && ['auto', 'scroll'].includes(getComputedStyle(box).overflowX);
    const cue = box && getComputedStyle(box).backgroundImage.includes('gradient');
    const fits = table.getBoundingClientRect().right <= viewport + 1;
    if (!cards && !(scrolls && cue && box.getBoundingClientRect().right <= viewport + 1) && !(fits && !box))
      loose.push(table.className || 'table');
  }
  return {width: document.documentElement.scrollWidth, viewport, broken, loose};
}"""


@pytest.fixture(scope="module", params=COMBINATIONS, ids=[f"{s}-{c}" for s, c in COMBINATIONS])
def screen(request, browser):
    size, scheme = request.param
    phone = size == "phone"
    context = browser.new_context(viewport=SIZES[size], color_scheme=scheme, is_mobile=phone, has_touch=phone)
    # The search index is not needed here; building it in the background on every page load only costs time.
    context.route("**/search/search_index.json", lambda route: route.abort())
    page = context.new_page()
    page.size, page.scheme = size, scheme
    yield page
    context.close()


def test_every_page_type_fits_keeps_words_whole_and_holds_wide_tables(screen, site_url, built_site):
    problems = []
    for path in representative_pages(built_site):
        screen.goto(site_url + path)
        found = screen.evaluate(LAYOUT)
        if found["width"] > found["viewport"]:
            problems.append(f"/{path}: scrolls sideways ({found['width']} > {found['viewport']} px)")
        if found["broken"]:
            problems.append(f"/{path}: words split in table cells: {sorted(set(found['broken']))[:8]}")
        if found["loose"]:
            problems.append(f"/{path}: tables neither cards nor in a scroll box: {found['loose']}")
    assert problems == []


def test_wide_tables_become_cards_on_a_phone_and_stay_tables_on_a_laptop(screen, site_url):
    screen.goto(site_url + urls.page_url(urls.PROPOSALS))
    table = screen.locator("#proposals-table")
    display = table.evaluate("t => getComputedStyle(t).display")
    # Each cell's column name, written by the stylesheet from its data-label, on a phone only.
    label = table.locator("tbody tr td").first.evaluate("td => getComputedStyle(td, '::before').content")
    if screen.size == "phone":
        assert display == "block"
        assert label == '"Area: "'
    else:
        assert display == "table"
        assert label == "none"


def test_the_matrix_is_a_grid_on_a_laptop_and_a_list_on_a_phone(screen, site_url, edition):
    screen.goto(site_url + urls.page_url(urls.MATRIX))
    grid, listed = screen.locator("table.matrix"), screen.locator(".matrix-list")
    if screen.size == "phone":
        assert not grid.is_visible() and listed.is_visible()
        assert listed.locator(".matrix-list__challenge").count() == len(edition.challenges)
        return
    assert grid.is_visible() and not listed.is_visible()
    # Gridlines, and a cell's shade deepens with its count.
    cells = screen.evaluate(
        """() => [...document.querySelectorAll('td.matrix__cell')].map(td => [
            td.querySelector('.matrix__count') ? parseInt(td.querySelector('.matrix__count').textContent) : 0,
            getComputedStyle(td).backgroundColor, getComputedStyle(td).borderTopStyle])"""
    )
    assert len(cells) == len(edition.challenges) * len(edition.areas)
    assert {style for _, _, style in cells} == {"solid"}
    shades = {}
    for count, colour, _ in cells:
        shades.setdefault(colour, set()).add(count)
    empty = [colour for colour, counts in shades.items() if counts == {0}]
    assert len(empty) == 1 and len(shades) >= 3, shades
    # Each count is a number of links.
    counts = screen.evaluate(
        "() => [...document.querySelectorAll('td.matrix__cell')].filter(td => td.querySelector('.matrix__count'))"
        ".map(td => [parseInt(td.querySelector('.matrix__count').textContent), td.querySelectorAll('a').length])"
    )
    assert all(count == links for count, links in counts)


TARGETS = [
    ("sections/iv/", "p18"),
    ("sections/iv/", "iv-1"),
    ("references/", "ref-meti-2024"),
    ("glossary/", "term-thaad"),
    ("timeline/", "event-" + "{first_event}"),
    ("about/", "e1"),
    # In a list the stylesheet leaves unrendered while off screen (content-visibility), as the glossary's letters.
    ("about/", "q40"),
]
# The mark: the target's background and the bar beside it, and where it sits on the screen.
MARK = """id => {
  const element = document.getElementById(id);
  const style = getComputedStyle(element);
  const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
  const box = element.getBoundingClientRect();
  const page = getComputedStyle(document.body).backgroundColor;
  const cell = element.tagName === 'TR' ? getComputedStyle(element.cells[0]).backgroundColor : style.backgroundColor;
  return {background: cell, page, shadow: style.boxShadow, top: box.top, header, height: innerHeight,
          matches: element.matches(':target')};
}"""


def mark_problems(screen, where: str, target: str) -> list[str]:
    found = screen.evaluate(MARK, target)
    problems = []
    if not found["matches"]:
        problems.append(f"{where}: #{target} is not the target")
    if found["background"] in ("rgba(0, 0, 0, 0)", found["page"]):
        problems.append(f"{where}: #{target} is not marked ({found['background']})")
    if not found["header"] <= found["top"] < found["height"]:
        problems.append(f"{where}: #{target} at {found['top']:.0f} px, the header ends at {found['header']:.0f} px")
    return problems


def test_the_target_is_marked_below_the_header_on_direct_loads_and_in_site_links(screen, site_url, edition):
    first_event = sorted(edition.events, key=lambda e: e.sort)[0].id
    problems = []
    for page, target in TARGETS:
        target = target.format(first_event=first_event)
        screen.goto(f"{site_url}{page}#{target}")
        screen.wait_for_timeout(100)
        problems += mark_problems(screen, f"/{page}#{target} (loaded)", target)
    # Followed from another page: a proposal's ¶ link to the paper.
    screen.goto(site_url + urls.page_url(urls.proposal_page("joint-stockpiling")))
    screen.locator("blockquote a.para-ref", has_text="¶18").first.click()
    screen.wait_for_url("**/sections/iv/#p18")
    screen.wait_for_timeout(100)
    problems += mark_problems(screen, "proposal → ¶18", "p18")
    # Within the page: a ¶ number's own link, then a heading's.
    screen.locator("#p20 a.para-num").click()
    screen.wait_for_timeout(100)
    problems += mark_problems(screen, "¶20 clicked", "p20")
    assert screen.evaluate("document.getElementById('p18').matches(':target')") is False
    assert problems == []


def test_para_and_cite_links_are_tap_targets_of_24_px(screen, site_url):
    screen.goto(site_url + urls.page_url(urls.section_page("iv")))
    sizes = screen.evaluate(
        "() => [...document.querySelectorAll('.para-num, .para-cite')].map(a => [a.offsetWidth, a.offsetHeight])"
    )
    assert sizes and all(w >= 24 and h >= 24 for w, h in sizes), sorted(set(map(tuple, sizes)))


def test_reading_mode_hides_the_links_under_paragraphs_and_is_remembered(screen, site_url):
    links = ".para-links"
    switch = screen.locator("label.mode-toggle")
    screen.goto(site_url + urls.page_url(urls.section_page("iv")))
    assert screen.locator(links).first.is_visible()
    switch.click()
    assert not screen.locator(links).first.is_visible()
    # Remembered from page to page and across reloads, like the "As printed" switch.
    screen.goto(site_url + urls.page_url(urls.section_page("v")))
    assert screen.evaluate("document.documentElement.dataset.mode") == "reading"
    assert not screen.locator(links).first.is_visible()
    screen.reload()
    assert not screen.locator(links).first.is_visible()
    assert screen.locator(".para-num").first.is_visible()  # the ¶ numbers stay
    switch.click()
    assert screen.locator(links).first.is_visible()
    screen.goto(site_url + urls.page_url(urls.section_page("iv")))
    assert screen.locator(links).first.is_visible()
    # A page without such links offers no switch: neither its label nor its checkbox is written into it.
    assert screen.locator("#__mode").count() == 1
    screen.goto(site_url + urls.page_url(urls.GLOSSARY))
    assert switch.count() == 0 and screen.locator("#__mode").count() == 0


def test_the_reading_mode_works_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + urls.page_url(urls.section_page("iv")))
    assert page.locator(".para-links").first.is_visible()
    page.locator("label.mode-toggle").click()
    assert not page.locator(".para-links").first.is_visible()
    context.close()


def visible_proposals(page) -> list[str]:
    return page.eval_on_selector_all(
        "#proposals-table tbody tr:not([hidden])",
        "rows => rows.map(row => row.querySelector('th a').pathname.split('/').at(-2))",
    )


def open_filters(page) -> None:
    """On a phone the filters start folded: the reader opens them."""
    fold = page.locator(".proposal-filters__fold")
    if not fold.evaluate("details => details.open"):
        fold.locator("summary").click()


def test_the_filters_state_is_in_the_url_and_round_trips(screen, site_url, edition):
    index = site_url + urls.page_url(urls.PROPOSALS)
    screen.goto(index)
    folded = not screen.locator(".proposal-filters__fold").evaluate("details => details.open")
    assert folded == (screen.size == "phone")
    open_filters(screen)
    shrinking = ["low-growth", "demographic-shrinking", "shrinking-global-weight"]
    for value in shrinking:
        screen.locator(f"#proposal-filters input[name=challenge][value={value}]").check()
    screen.locator("#proposal-filters input[name=class][value=recommended]").check()
    # OR within a facet, AND across facets.
    wanted = [
        p.id for p in edition.proposals if set(p.challenges) & set(shrinking) and p.modality.class_ == "recommended"
    ]
    assert visible_proposals(screen) == wanted
    count = screen.locator("#proposals-count")
    assert count.inner_text() == f"{len(wanted)} of {len(edition.proposals)} proposals shown."
    # The count is above the table.
    assert count.bounding_box()["y"] < screen.locator("#proposals-table").bounding_box()["y"]
    query = screen.evaluate("location.search")
    assert query == "?class=recommended&challenge=" + ",".join(shrinking)
    # Reloaded, and opened afresh from the address: the same view.
    screen.reload()
    assert visible_proposals(screen) == wanted
    screen.goto("about:blank")
    screen.goto(index + query)
    assert visible_proposals(screen) == wanted
    open_filters(screen)
    assert screen.locator(".proposal-filters__chosen").inner_text() == "(4 ticked)"
    assert screen.locator("#proposal-filters input:checked").count() == 4
    # Each value's count is what ticking it would show with the other facets' choices.
    described = screen.locator("#proposal-filters input[name=class][value=described]")
    expected = len(
        [p for p in edition.proposals if set(p.challenges) & set(shrinking) and p.modality.class_ == "described"]
    )
    label = described.locator("xpath=ancestor::label")
    assert label.locator("[data-count]").inner_text() == str(expected)
    # Cleared: every proposal, and no query.
    screen.locator("#proposal-filters button[type=reset]").click()
    screen.wait_for_function(
        f"document.querySelectorAll('#proposals-table tbody tr:not([hidden])').length == {len(edition.proposals)}"
    )
    assert screen.evaluate("location.search") == ""


def test_without_javascript_facet_pages_list_what_the_filters_show(browser, site_url, built_site, edition):
    static = browser.new_context(java_script_enabled=False)
    scripted = browser.new_context()
    plain, live = static.new_page(), scripted.new_page()
    index = site_url + urls.page_url(urls.PROPOSALS)
    plain.goto(index)
    # No dead controls without JavaScript: the form is hidden, the links to the facet pages show instead.
    assert not plain.locator("#proposal-filters").is_visible()
    assert plain.locator("#facet-links").is_visible()
    first = plain.locator("#facet-links dd a").first
    first.click()
    plain.wait_for_load_state()
    assert plain.locator("table.proposals-table tbody tr").count() > 0
    static.close()
    live.goto(index)
    assert live.locator("#proposal-filters").is_visible() and not live.locator("#facet-links").is_visible()
    # The filters with each value ticked alone, as a reader ticks it (a change event), all in one evaluation.
    filtered = live.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('#proposal-filters input[type=checkbox]')].map(box => {
            const form = document.getElementById('proposal-filters');
            form.querySelectorAll('input:checked').forEach(other => { other.checked = false; });
            box.checked = true;
            box.dispatchEvent(new Event('change'));
            const rows = [...document.querySelectorAll('#proposals-table tbody tr:not([hidden])')];
            return [box.name + '=' + box.value, rows.map(row => row.querySelector('th a').pathname.split('/').at(-2))];
        }))"""
    )
    differ = []
    checked = 0
    for facet in facets(Context(edition, Linker()), urls.PROPOSALS):
        for value, _ in facet.values:
            # The static page as a browser without JavaScript gets it: its table, nothing to run.
            html = soup(built_site, urls.facet_page(facet.key, value))
            # Each row by its proposal's id, the last part of its heading link.
            listed = [
                row.th.a["href"].rstrip("/").rsplit("/", 1)[-1] for row in html.select("table.proposals-table tbody tr")
            ]
            shown = filtered.get(f"{facet.key}={value}")
            if listed != shown or not listed:
                differ.append(f"{facet.key}={value}: static {listed}, filtered {shown}")
            checked += 1
    scripted.close()
    assert checked == sum(len(f.values) for f in facets(Context(edition, Linker()), urls.PROPOSALS)) > 20
    assert differ == []


def test_the_home_page_on_a_phone_puts_the_contents_before_a_folded_abstract(screen, site_url):
    screen.goto(site_url)
    contents = screen.locator(f"#{urls.CONTENTS_ANCHOR}").bounding_box()["y"]
    abstract = screen.locator(f"#{urls.ABSTRACT_ANCHOR}").bounding_box()["y"]
    opened = screen.evaluate("document.querySelector('details.abstract-fold').open")
    if screen.size == "phone":
        assert contents < abstract and opened is False
        screen.locator("details.abstract-fold summary").click()
        assert screen.locator("p.abstract").is_visible()
    else:
        assert abstract < contents and opened is True
        assert screen.locator("p.abstract").is_visible()
    # Start reading, the argument map at a glance, how to cite.
    assert screen.locator(".home-start a.md-button--primary").get_attribute("href").endswith("sections/i/")
    assert (
        screen.locator(f"#{urls.GLANCE_ANCHOR}").is_visible()
        and screen.locator(f"#{urls.HOW_TO_CITE_ANCHOR}").is_visible()
    )


def test_the_argument_map_is_two_taps_away_on_a_phone(screen, site_url, built_site):
    if (screen.size, screen.scheme) != ("phone", "light"):
        pytest.skip("the phone's menu, in one scheme (the menu is the same in both)")
    far = []
    followed = False
    for path in representative_pages(built_site):
        if path in ("404.html", urls.page_url(urls.MAP)):
            continue  # the 404 page has no menu; on the map's own page the map is no tap away
        screen.goto(site_url + path)
        screen.locator("label.md-header__button[for='__drawer']").click()  # tap 1
        entry = screen.locator(".md-sidebar--primary a.md-nav__link[href$='map/']").first
        box = entry.bounding_box() if entry.count() else None
        # Visible in the opened menu, within the screen: the second tap.
        if not (entry.count() and entry.is_visible() and box and 0 <= box["y"] < screen.viewport_size["height"]):
            far.append(f"/{path}")
        elif not followed:
            entry.click()  # tap 2, followed once: it leads to the map's landing page
            screen.wait_for_url(f"**/{urls.page_url(urls.MAP)}")
            followed = True
    assert followed and far == []


def test_after_the_last_section_next_leads_to_the_references(page, site_url, edition):
    page.goto(site_url + urls.page_url(urls.section_page(edition.sections[-1].id)))
    assert page.locator("a.md-footer__link--next").get_attribute("href").endswith(urls.page_url(urls.REFERENCES))
