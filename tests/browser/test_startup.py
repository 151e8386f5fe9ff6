"""What the edition's own scripts do while a page starts (issue 16): nothing that can wait until after the first
paint. The proposal filters write nothing to a page opened without a query (the page as built is already the
unfiltered view), and the colour toggle remembers the scheme shown only once the page has loaded. The time these
saved was measured with Chromium traces (README, Performance); these tests check the behaviour, not the time."""

from __future__ import annotations

import pytest

from edition import urls

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# Records, from before any script of the page runs, every change made under the filters' form and the proposals'
# table by a script, with the document's state at the time: text or attributes changed, or children replaced (the
# parser only adds children, setting textContent replaces them).
WATCH_FILTERS = """
window.__writes = [];
new MutationObserver((records) => {
  for (const record of records) {
    if (record.type === "childList" && record.removedNodes.length === 0) continue;
    const target = record.target.nodeType === 1 ? record.target : record.target.parentElement;
    if (target && target.closest("#proposal-filters, #proposals-table")) {
      window.__writes.push([target.tagName, record.type, record.attributeName, document.readyState]);
    }
  }
}).observe(document, {subtree: true, childList: true, characterData: true, attributes: true});
"""

# What a reader sees of the filters' result: each value's count and whether it is greyed, each row's visibility, the
# count line and the note of ticked values.
STATE = """() => ({
  counts: [...document.querySelectorAll("#proposal-filters .facet__value")].map(
    (label) => [label.querySelector("[data-count]").textContent, label.classList.contains("facet__value--empty")]),
  hidden: [...document.querySelectorAll("#proposals-table tbody tr")].map((row) => row.hidden),
  count: document.getElementById("proposals-count").textContent,
  chosen: document.querySelector("#proposal-filters [data-chosen]").textContent,
  query: location.search,
})"""

# Every write to localStorage, with the document's state at the time.
WATCH_STORAGE = """
window.__stored = [];
const setItem = Storage.prototype.setItem;
Storage.prototype.setItem = function (key, value) {
  window.__stored.push([key, document.readyState]);
  return setItem.call(this, key, value);
};
"""


def test_the_filters_write_nothing_at_start_up_without_a_query_and_the_page_as_built_is_the_unfiltered_view(
    browser, site_url, edition
):
    context = browser.new_context()
    context.add_init_script(WATCH_FILTERS)
    page = context.new_page()
    index = site_url + urls.page_url(urls.PROPOSALS)
    try:
        page.goto(index, wait_until="load")
        # The form was shown before the first paint (facets.SWITCH_SCRIPT) and marked as set up; nothing else.
        writes = page.evaluate("window.__writes")
        assert {tuple(write[:3]) for write in writes} <= {
            ("FORM", "attributes", "hidden"),
            ("FORM", "attributes", "data-ready"),
        }, writes
        built = page.evaluate(STATE)
        assert built["count"] == f"{len(edition.proposals)} of {len(edition.proposals)} proposals shown."
        # What the script computes for no choice (a box ticked, then unticked) is what the page was built with.
        box = page.locator("#proposal-filters input[type=checkbox]").first
        box.check(force=True)
        assert page.evaluate(STATE) != built
        box.uncheck(force=True)
        assert page.evaluate(STATE) == built
        # A query is applied at start-up, as before: the counts are written then.
        page.goto(index + "?class=recommended", wait_until="load")
        at_start = [
            write for write in page.evaluate("window.__writes") if write[0] == "SPAN" and write[3] != "complete"
        ]
        assert at_start, "a query was not applied while the page started"
        assert page.evaluate(STATE)["count"] != built["count"]
        # A query naming nothing the form offers is cleaned from the address, as before.
        page.goto(index + "?nothing=here", wait_until="load")
        assert page.evaluate(STATE) == built
    finally:
        context.close()


def test_the_colour_scheme_shown_is_remembered_once_the_page_has_loaded(browser, site_url):
    context = browser.new_context(color_scheme="dark")
    context.add_init_script(WATCH_STORAGE)
    page = context.new_page()
    try:
        page.goto(site_url + "method/", wait_until="load")
        page.wait_for_function("window.__stored.some(([key]) => key.endsWith('__palette'))")
        palette_writes = [state for key, state in page.evaluate("window.__stored") if key.endswith("__palette")]
        assert palette_writes == ["complete"]
        assert page.evaluate("__md_get('__palette')")["color"]["scheme"] == "slate"
        # Remembered: the next page shows it whatever the browser prefers now.
        page.emulate_media(color_scheme="light")
        page.goto(site_url + "sections/iv/")
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    finally:
        context.close()
