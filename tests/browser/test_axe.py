"""Accessibility gate: axe-core in Chromium on every built page, in both colour schemes, zero violations."""

from __future__ import annotations

import pytest

from ..helpers import page_paths

pytestmark = pytest.mark.slow  # every test here opens the built site

ALL_RULES = "{resultTypes: ['violations']}"
# The dark scheme changes colours only, so after the full light audit the colour rules are enough.
COLOUR_RULES = "{resultTypes: ['violations'], runOnly: ['color-contrast', 'link-in-text-block']}"
# Material's palette toggle sets this attribute on <body>; setting it directly switches without a reload.
DARK = "document.body.setAttribute('data-md-color-scheme', 'slate')"
# Colours fade over a transition; axe must see the end state, not a mid-fade grey.
NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; }"
# Long pages leave what is off screen unrendered until a reader scrolls near it (content-visibility, edition.css);
# axe cannot compute the colours of what is not rendered, so every part is audited rendered, as a reader sees it.
RENDER_ALL = "* { content-visibility: visible !important; }"


def violations_report(where: str, violations: list[dict]) -> list[str]:
    lines = []
    for violation in violations:
        node = violation["nodes"][0]
        lines.append(
            f"{where}: {violation['id']} ({violation['impact']}, {len(violation['nodes'])} nodes), "
            f"first at {node['target']}: {node['failureSummary'].splitlines()[-1].strip()}"
        )
    return lines


# Two halves of the site, so that the two pytest workers share the work.
@pytest.mark.browser
@pytest.mark.parametrize("half", [0, 1])
def test_every_page_has_no_axe_violations_in_either_scheme(browser, built_site, site_url, axe_source, half):
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    problems: list[str] = []
    paths = page_paths(built_site)[half::2]
    try:
        for path in paths:
            page.goto(site_url + path)
            page.wait_for_function("document.body.dataset.mdColorScheme === 'default'")
            page.add_script_tag(content=axe_source)
            page.add_style_tag(content=RENDER_ALL)
            problems += violations_report(
                f"/{path} (light)", page.evaluate(f"axe.run(document, {ALL_RULES})")["violations"]
            )
            page.add_style_tag(content=NO_TRANSITIONS)
            page.evaluate(DARK)
            problems += violations_report(
                f"/{path} (dark)", page.evaluate(f"axe.run(document, {COLOUR_RULES})")["violations"]
            )
    finally:
        context.close()
    assert len(paths) > 5, "the gate found too few pages to be auditing the real site"
    assert problems == [], "\n".join(problems)


@pytest.mark.browser
def test_axe_reports_a_link_told_apart_by_colour_only(page, site_url, axe_source):
    """The gate can fail: the theme's default of links without underline is reported again once undone."""
    page.goto(site_url + "about/")
    page.add_style_tag(content=".md-typeset a { text-decoration: none !important; }")
    page.add_script_tag(content=axe_source)
    result = page.evaluate(f"axe.run(document, {COLOUR_RULES})")
    assert "link-in-text-block" in [violation["id"] for violation in result["violations"]]
