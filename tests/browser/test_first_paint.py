"""What a page's first paint waits for, in a real browser at a phone's size (issue 16): no page asks for a data: URL
image (the theme's three icons are drawn by the stylesheet, and still look like the theme's), and the theme's
request for the search's set-up is sent after the first contentful paint, even when the theme's script runs first.

Lighthouse's simulated phone counts both kinds of request as ones the first paint waited for (README, Performance).
"""

from __future__ import annotations

import base64
import time

import pytest

from ..helpers import representative_pages

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}

# The theme's declarations for the icons the stylesheet redraws (Material's main.css), forced back: what the
# redrawn icons are compared with. The toc icon's rule has no mask size or position: the mask fills its box.
THEMES_MASKS = """
.md-nav__icon::after, .md-nav--primary .md-nav__link .md-nav__icon::after, .md-typeset summary::after {
  clip-path: none !important;
  -webkit-mask-image: var(--md-nav-icon--next) !important; mask-image: var(--md-nav-icon--next) !important; }
.md-typeset summary::after {
  -webkit-mask-image: var(--md-details-icon) !important; mask-image: var(--md-details-icon) !important; }
.md-nav--primary .md-nav__title .md-nav__icon::after {
  -webkit-mask-image: var(--md-nav-icon--prev) !important; mask-image: var(--md-nav-icon--prev) !important; }
.md-nav--primary .md-nav__link[for="__toc"] .md-icon::after {
  background: currentcolor !important;
  -webkit-mask-image: var(--md-toc-icon) !important; mask-image: var(--md-toc-icon) !important; }
"""

# Two PNGs of the same size compared in the page's own canvas: how many pixels differ by more than a quarter of the
# range in a channel (edges drawn by a mask and by a polygon could be smoothed a little differently), and how many
# pixels of each are drawn (differ from the first pixel, the background), so that two blanks cannot pass.
COMPARE = """async ([a, b]) => {
  const load = src => new Promise((resolve, reject) => {
    const image = new Image(); image.onload = () => resolve(image); image.onerror = reject;
    image.src = 'data:image/png;base64,' + src; });
  const pixels = image => {
    const canvas = document.createElement('canvas');
    canvas.width = image.width; canvas.height = image.height;
    const context = canvas.getContext('2d'); context.drawImage(image, 0, 0);
    return context.getImageData(0, 0, image.width, image.height).data; };
  const [x, y] = (await Promise.all([load(a), load(b)])).map(pixels);
  const inked = data => { let n = 0;
    for (let i = 0; i < data.length; i += 4)
      if (Math.max(...[0, 1, 2].map(c => Math.abs(data[i + c] - data[c]))) > 64) n++;
    return n; };
  let differ = 0;
  for (let i = 0; i < x.length; i += 4)
    if (Math.max(...[0, 1, 2].map(c => Math.abs(x[i + c] - y[i + c]))) > 64) differ++;
  return {total: x.length / 4, differ, drawn: inked(x), themes: inked(y)};
}"""


def test_no_page_type_asks_for_a_data_url_image(browser, site_url, built_site):
    context = browser.new_context(**PHONE)
    context.route("**/search/search_index.json", lambda route: route.abort())
    page = context.new_page()
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    asked: list[str] = []
    session.on("Network.requestWillBeSent", lambda event: asked.append(event["request"]["url"]))
    found = {}
    pages = representative_pages(built_site)
    for path in pages:
        asked.clear()
        page.goto(site_url + path)
        page.wait_for_load_state("load")
        data = [url[:160] for url in asked if url.startswith("data:")]
        if data:
            found[path] = data
        # The page's own requests were seen: the listener works.
        assert any(url.startswith(site_url) for url in asked), path
    context.close()
    assert len(pages) > 15
    assert found == {}


def _compare(page, locator, clip=None) -> dict:
    """The icon as the stylesheet draws it against the theme's mask, in the same place."""
    ours = page.screenshot(clip=clip) if clip else locator.screenshot()
    style = page.add_style_tag(content=THEMES_MASKS)
    time.sleep(0.3)  # the data: images decode
    themes = page.screenshot(clip=clip) if clip else locator.screenshot()
    style.evaluate("element => element.remove()")
    return page.evaluate(COMPARE, [base64.b64encode(png).decode() for png in (ours, themes)])


def test_the_redrawn_icons_look_like_the_themes(browser, site_url):
    context = browser.new_context(**PHONE, device_scale_factor=2)
    page = context.new_page()
    results = {}
    page.goto(site_url + "sections/v/")
    page.locator("label.md-header__button[for='__drawer']").click()
    page.wait_for_timeout(400)  # the drawer slides in (0.25 s)
    nav = ".md-nav--primary "
    results["chevron"] = _compare(page, page.locator(nav + ".md-nav__item--nested > .md-nav__link .md-nav__icon").first)
    contents = page.locator(nav + "label.md-nav__link[for='__toc']")
    results["contents"] = _compare(page, contents.locator(".md-icon"))
    contents.click()
    page.wait_for_timeout(400)  # the contents slide in
    results["back arrow"] = _compare(page, page.locator(nav + ".md-nav--secondary > .md-nav__title .md-nav__icon"))
    page.goto(site_url)
    # A fold's chevron is its summary's ::after, at the summary's start.
    summary = page.locator(".md-typeset details > summary").filter(visible=True).first
    summary.scroll_into_view_if_needed()
    box = summary.bounding_box()
    results["fold"] = _compare(page, None, {"x": box["x"], "y": box["y"], "width": 24, "height": box["height"]})
    context.close()
    for name, result in results.items():
        assert result["themes"] > 20, (name, result)  # the theme's icon was drawn
        assert result["drawn"] > 0.8 * result["themes"], (name, result)
        assert result["differ"] <= 0.05 * result["themes"], (name, result)
    assert set(results) == {"chevron", "contents", "back arrow", "fold"}


# The page held invisible until 300 ms after DOMContentLoaded: the theme's script has run, and asked for the search's
# set-up, long before anything is painted (the order a fast connection gives at random).
HELD = '<style id="held">html { visibility: hidden }</style>'
RELEASE = "document.addEventListener('DOMContentLoaded', () => setTimeout(() => document.getElementById('held').remove(), 300))"
TIMES = """() => {
  const index = performance.getEntriesByType('resource').find(e => e.name.endsWith('/search/search_index.json'));
  return {paint: performance.getEntriesByName('first-contentful-paint')[0].startTime,
          ready: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
          index: index.startTime};
}"""


def search_set_up_times(browser, url: str) -> dict:
    context = browser.new_context(**PHONE)
    page = context.new_page()

    def held(route):
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace("<head>", "<head>" + HELD, 1))

    page.route(url, held)
    page.add_init_script(RELEASE)
    page.goto(url)
    page.wait_for_function("performance.getEntriesByName('first-contentful-paint').length > 0")
    page.wait_for_function(
        "performance.getEntriesByType('resource').some(e => e.name.endsWith('/search/search_index.json'))"
    )
    times = page.evaluate(TIMES)
    context.close()
    return times


def test_the_search_set_up_is_asked_for_after_the_first_paint(browser, site_url):
    times = search_set_up_times(browser, site_url + "sections/v/")
    # The held page did what it is for: the theme's start-up ran before the first paint.
    assert times["ready"] < times["paint"], times
    assert times["index"] >= times["paint"], times
