"""The "As printed" reading in a real browser: one switch, every page, remembered, working without JavaScript;
what a reader sees and copies is the publisher's exact words; search finds either reading; the proposals
filter offers the class."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from edition.paths import DATA_DIR

from .test_search import LAST_LISTS, results

pytestmark = pytest.mark.slow  # every test here opens the built site

SWITCH = "label.reading-toggle"
# What a reader copies: the paragraph's text selected whole, as the browser serializes the selection.
COPIED = """() => [...document.querySelectorAll('.para-text')].map(element => {
  const range = document.createRange();
  range.selectNodeContents(element);
  const selection = getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  return selection.toString();
})"""
SHOWN = "() => [...document.querySelectorAll('.para-text')].map(element => element.innerText)"


def source_lines() -> list[str]:
    return (DATA_DIR / "source" / "000_c0e8e11fa83fec7f.txt").read_text(encoding="utf-8").split("\n")


def paragraphs_of(edition, section):
    return [p for p in edition.paragraphs if edition.place[p.id].section.id == section.id]


@pytest.mark.browser
def test_the_switch_shows_and_copies_all_42_paragraphs_as_printed_and_is_remembered(page, site_url, edition):
    lines = source_lines()
    page.goto(site_url + "sections/i/")
    page.locator(SWITCH).click()
    seen = 0
    for section in edition.sections:
        # Remembered from page to page.
        page.goto(site_url + f"sections/{section.id}/")
        assert page.evaluate("document.documentElement.dataset.reading") == "printed"
        expected = [lines[p.source_line - 1] for p in paragraphs_of(edition, section)]
        assert page.evaluate(SHOWN) == expected, section.id
        assert page.evaluate(COPIED) == expected, section.id
        seen += len(expected)
    assert seen == 42
    # Off again: the corrected reading, and what is copied is its words without the † and ? marks.
    page.goto(site_url + "sections/iv/")
    page.locator(SWITCH).click()
    page.reload()
    section = edition.place["p18"].section
    assert page.evaluate(COPIED) == [edition.text(p.id) for p in paragraphs_of(edition, section)]
    assert "†" in page.locator("#p18 .para-text").inner_text()


@pytest.mark.browser
def test_the_switch_works_without_javascript(browser, site_url, edition):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_url + "sections/iv/")
        corrected = page.locator("#p18 .para-text").inner_text()
        assert "systern" not in corrected
        page.locator(SWITCH).click()
        assert page.locator("#p18 .para-text").inner_text() == source_lines()[edition.paragraph["p18"].source_line - 1]
        # By keyboard too: the switch is a real checkbox.
        page.focus("#__reading")
        page.keyboard.press("Space")
        assert page.locator("#p18 .para-text").inner_text() == corrected
    finally:
        context.close()


# The label in the header as a reader sees it: its outline (the keyboard focus) and its background (the state).
LABEL_LOOK = """() => { const s = getComputedStyle(document.querySelector('label.reading-toggle'));
  return [s.outlineStyle, s.backgroundColor]; }"""


@pytest.mark.browser
@pytest.mark.parametrize("script", [True, False], ids=["with-javascript", "without-javascript"])
def test_the_switch_shows_its_keyboard_focus_and_state_on_its_label(browser, site_url, script):
    """The checkbox is visually hidden at the start of <main>; its label in the header shows where the keyboard is
    and whether the switch is on, with or without the script (reading.css)."""
    context = browser.new_context(java_script_enabled=script)
    page = context.new_page()
    try:
        page.goto(site_url + "sections/iv/")
        outline, off = page.evaluate(LABEL_LOOK)
        assert outline == "none"
        # Reached by the keyboard (Tab), so that the browser shows focus as it does to a keyboard user.
        page.focus("#__reading")
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.id") == "__reading"
        outline, still_off = page.evaluate(LABEL_LOOK)
        assert (outline, still_off) == ("solid", off)
        page.keyboard.press("Space")
        outline, on = page.evaluate(LABEL_LOOK)
        assert outline == "solid" and on != off
        page.keyboard.press("Tab")
        assert page.evaluate(LABEL_LOOK) == ["none", on]
    finally:
        context.close()


@pytest.mark.browser
def test_corrections_in_quotations_follow_the_switch(page, site_url):
    page.goto(site_url + "proposals/knowledge-sharing-projects/")
    quote = page.locator("blockquote.author-quote .author-words").first
    assert "the ROK and Japan could" in quote.inner_text()
    page.locator(SWITCH).click()
    assert (
        quote.inner_text()
        == "In the future, the ROK and Korea could collaborate to provide knowledge-sharing projects to emerging countries."
    )


@pytest.mark.browser
def test_search_finds_a_paragraph_by_either_reading(page, site_url):
    page.add_init_script(LAST_LISTS)
    page.goto(site_url)
    page.keyboard.press("/")
    page.wait_for_selector(".md-search-result__meta:has-text('Type to start searching')")
    site_path = urlsplit(site_url).path
    assert "sections/iv/#p18" in results(page, site_path, "production systerns")[:3]
    assert "sections/iv/#p18" in results(page, site_path, "production systems")[:3]
    # The in-text year as printed (e5 corrects it to the reference list's 2023).
    assert "sections/iv/#p18" in results(page, site_path, "Times 2024")[:3]
    assert "sections/v/#p28" in results(page, site_path, "ecosystern")[:3]


@pytest.mark.browser
def test_the_proposals_filter_offers_the_class(page, site_url, edition):
    page.goto(site_url + "proposals/")
    previous = None
    for value in ("described", "possible", "recommended"):
        count = sum(1 for p in edition.proposals if p.modality.class_ == value)
        if previous:
            page.locator(f"input[name=class][value={previous}]").uncheck()
        page.locator(f"input[name=class][value={value}]").check()
        previous = value
        assert page.locator("#proposals-table tbody tr:not([hidden])").count() == count
        assert page.locator("#proposals-count").inner_text() == f"{count} of {len(edition.proposals)} proposals shown."
    assert count > 0
