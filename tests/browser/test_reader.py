"""What a reader does with the pages: abbreviation tooltips, the phone layout, the colour switch."""

from __future__ import annotations

import pytest

from ..helpers import page_paths, page_type

pytestmark = pytest.mark.slow  # every test here opens the built site

TOOLTIP = ".md-tooltip2--active"


@pytest.mark.browser
def test_abbreviation_tooltip_shows_on_hover(page, site_url, edition):
    page.goto(site_url + "sections/i/")
    abbr = page.locator("#p1 abbr").first
    abbr.hover()
    tooltip = page.locator(TOOLTIP)
    tooltip.wait_for(state="visible")
    # Material moves the title into its own tooltip element.
    assert tooltip.inner_text().strip() == "Republic of Korea"


@pytest.mark.browser
def test_abbreviation_tooltip_shows_on_keyboard_focus(page, site_url):
    page.goto(site_url + "sections/i/")
    abbr = page.locator("#p1 abbr").first
    # Tab from the paragraph's ¶ link, which comes just before the text, to reach the abbreviation.
    page.locator("#p1 .para-num").focus()
    for _ in range(5):
        page.keyboard.press("Tab")
        if abbr.evaluate("element => element === document.activeElement"):
            break
    assert abbr.evaluate("element => element === document.activeElement"), "the abbreviation is not reachable by Tab"
    tooltip = page.locator(TOOLTIP)
    tooltip.wait_for(state="visible")
    assert tooltip.inner_text().strip() == "Republic of Korea"


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


@pytest.mark.browser
def test_phone_navigation_reaches_a_section(phone, site_url):
    phone.goto(site_url)
    phone.locator("label.md-header__button[for='__drawer']").click()
    drawer = phone.locator(".md-sidebar--primary")
    # "The paper" is open already: the home page belongs to it.
    link = drawer.locator("a.md-nav__link", has_text="IV. Cooperation Against De-Globalization")
    link.click()
    phone.wait_for_url("**/sections/iv/")
    assert phone.locator("h1").first.inner_text().startswith("IV.")


@pytest.mark.browser
def test_no_page_type_scrolls_sideways_on_a_phone(phone, site_url, built_site):
    chosen: dict[str, str] = {}
    for path in page_paths(built_site):
        chosen.setdefault(page_type(path), path)
    too_wide = []
    for path in sorted(chosen.values()):
        phone.goto(site_url + path)
        width = phone.evaluate("document.documentElement.scrollWidth")
        if width > 375:
            too_wide.append(f"/{path}: {width}px")
    assert too_wide == []


@pytest.mark.browser
def test_colour_switch_toggles_and_is_remembered(page, site_url):
    page.goto(site_url)
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    start = page.evaluate(scheme)
    assert start == "default"  # the browser prefers light
    page.locator("label[title='Switch to dark mode']").click()
    assert page.evaluate(scheme) == "slate"
    page.goto(site_url + "sections/iv/")
    assert page.evaluate(scheme) == "slate"
    page.locator("label[title='Switch to light mode']").click()
    assert page.evaluate(scheme) == "default"


@pytest.mark.browser
def test_colour_switch_follows_the_browser_at_first_and_works_by_keyboard(browser, site_url):
    """The toggle is the edition's own script (partials/palette.js), not Material's component: the same behaviour."""
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    try:
        page.goto(site_url + "method/")
        assert page.evaluate(scheme) == "slate"  # the browser prefers dark, and nothing is remembered yet
        assert page.locator("label[title='Switch to light mode']").is_visible()
        assert not page.locator("label[title='Switch to dark mode']").is_visible()
        page.focus("#__palette_1")
        page.keyboard.press("Enter")
        assert page.evaluate(scheme) == "default"
        assert page.evaluate("document.activeElement.id") == "__palette_0"
        assert page.locator("label[title='Switch to dark mode']").is_visible()
        # The browser's own colours follow, and no transition stays switched off.
        page.wait_for_function("document.querySelector('meta[name=color-scheme]')?.content === 'light'")
        page.wait_for_function("!document.body.hasAttribute('data-md-color-switching')")
        assert page.evaluate("document.querySelector('meta[name=theme-color]').content").startswith("#")
        # Remembered over the browser's preference, on the next page as on this one.
        page.goto(site_url + "sections/iv/")
        assert page.evaluate(scheme) == "default"
    finally:
        context.close()
