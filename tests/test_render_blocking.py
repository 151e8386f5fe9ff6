"""What a page makes the browser fetch before it can paint (issue 16): one stylesheet of our own, made by the
build from docs/stylesheets/ (edition/stylesheet.py), print rules only under `@media print`, and scripts only
on the pages that use them, written into them rather than loaded. The request counts themselves are measured
by `make bench` (benchmarks/phone.py, Lighthouse)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import tinycss2
import yaml
from bs4 import BeautifulSoup

from edition import finish, stylesheet
from edition.paths import ROOT

# Material's own: its main stylesheet and its colour palette, which the bare theme links as well.
THEME_STYLESHEETS = re.compile(r"assets/stylesheets/(main|palette)\.[0-9a-f]+\.min\.css$")
THEME_SCRIPT = re.compile(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")


def test_every_part_is_in_the_bundle_once_in_cascade_order():
    on_disk = sorted(p.name for p in stylesheet.PARTS_DIR.glob("*.css"))
    assert sorted(stylesheet.PARTS) == on_disk  # a new part that the bundle would leave out fails here
    text = stylesheet.bundle()
    positions = []
    for name in stylesheet.PARTS:
        part = (stylesheet.PARTS_DIR / name).read_text(encoding="utf-8").strip()
        assert text.count(part) == 1, name
        positions.append(text.index(part))
    assert positions == sorted(positions)


def test_the_bundle_parses_as_css_and_follows_its_parts(tmp_path):
    rules = tinycss2.parse_stylesheet(stylesheet.bundle(), skip_comments=True, skip_whitespace=True)
    assert not [rule for rule in rules if rule.type == "error"]
    for name in stylesheet.PARTS:
        (tmp_path / name).write_text(f".{name.removesuffix('.css')} {{ color: red }}\n", encoding="utf-8")
    assert ".gates { color: red }" in stylesheet.bundle(tmp_path)
    assert "/* ---- docs/stylesheets/gates.css ---- */" in stylesheet.bundle(tmp_path)


def test_print_rules_apply_to_print_only():
    text = (stylesheet.PARTS_DIR / "print.css").read_text(encoding="utf-8")
    rules = tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True)
    assert rules
    for rule in rules:
        assert rule.type == "at-rule" and rule.lower_at_keyword == "media", tinycss2.serialize([rule])[:80]
        assert tinycss2.serialize(rule.prelude).strip() == "print"


def test_mkdocs_links_the_bundle_alone_and_no_script_on_every_page():
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    assert config["extra_css"] == [stylesheet.BUNDLE]
    assert not config.get("extra_javascript")


# A `:has()` on the whole page (body, html, :root) whose argument reaches any descendant makes the browser search the
# page's tree again each time an element is added or a state changes: Material adds its tooltips at start-up, and
# `body:has(...)` rules made a page's style and layout work about a quarter longer (README, Performance). Such a rule
# must reach its element through child steps (`body:has(> .md-container > ...)`), which bound the search.
PAGE_WIDE_HAS = re.compile(r"(?:\bbody|\bhtml|:root)[^\s,>+~{]*:has\(\s*([^)]*)")


def _selectors(css: str) -> list[str]:
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    found = []
    for rule in rules:
        if rule.type == "at-rule" and rule.content is not None:
            found += _selectors(tinycss2.serialize(rule.content))
        elif rule.type == "qualified-rule":
            found += [selector.strip() for selector in tinycss2.serialize(rule.prelude).split(",")]
    return found


def page_wide_has_without_child_steps(css: str) -> list[str]:
    return [s for s in _selectors(css) for m in PAGE_WIDE_HAS.finditer(s) if not m.group(1).startswith(">")]


def page_wide_has_above_the_subject(css: str) -> list[str]:
    """Selectors with a page-wide `:has()` that select below it (`body:has(...) .label`): the browser styles the
    whole page again each time an element is added to or removed from <body> (Material's header tooltips do, twice
    each, at start-up; README, Performance). Such a rule may only style <body> itself, e.g. set custom properties."""
    found = []
    for selector in _selectors(css):
        for m in PAGE_WIDE_HAS.finditer(selector):
            depth, end = 0, m.start(1) - 1
            for end in range(m.start(1) - 1, len(selector)):
                depth += {"(": 1, ")": -1}.get(selector[end], 0)
                if depth == 0:
                    break
            if selector[end + 1 :].strip():
                found.append(selector)
    return found


def test_no_page_wide_has_rule_searches_the_whole_page():
    assert page_wide_has_without_child_steps(stylesheet.bundle()) == []
    assert page_wide_has_above_the_subject(stylesheet.bundle()) == []
    # The checks find what they are there to find, at the top level and inside @media.
    sample = (
        "body:has(#x:checked) .a, .b { color: red } @media screen { body:not(:has(.para-links)) .c { color: red } }"
        " :root:has(> body > #x) .d, .md-typeset:has(.e) .f { color: red }"
        " body:has(> .x > #y:checked) { --z: red } body:has(> .x > #y:not(:checked)) { --z: blue }"
    )
    assert page_wide_has_without_child_steps(sample) == ["body:has(#x:checked) .a", "body:not(:has(.para-links)) .c"]
    assert page_wide_has_above_the_subject(sample) == [
        "body:has(#x:checked) .a",
        "body:not(:has(.para-links)) .c",
        ":root:has(> body > #x) .d",
    ]


def test_each_palette_entry_is_for_one_scheme_as_the_edition_toggle_expects():
    """partials/palette.js, which runs the colour toggle in place of Material's component, does not handle Material's
    automatic entry (media "(prefers-color-scheme)", which follows the system as it changes)."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    media = [entry["media"] for entry in config["theme"]["palette"]]
    assert media == ["(prefers-color-scheme: light)", "(prefers-color-scheme: dark)"]


def _subresources(html: str) -> tuple[list[str], list[tuple[str, bool]]]:
    soup = BeautifulSoup(html, "html.parser")
    sheets = [link["href"] for link in soup.find_all("link", rel="stylesheet")]
    scripts = [(script["src"], script.has_attr("defer")) for script in soup.find_all("script", src=True)]
    return sheets, scripts


# As the finished pages carry them: without comment lines and indentation (finish.compact_page_scripts).
FILTERS = finish.compact_script((ROOT / "docs" / "overrides" / "partials" / "proposal-filters.js").read_text("utf-8"))
READING = finish.compact_script((ROOT / "docs" / "overrides" / "partials" / "reading.js").read_text("utf-8"))
PALETTE = finish.compact_script((ROOT / "docs" / "overrides" / "partials" / "palette.js").read_text("utf-8"))


@pytest.mark.slow  # reads the built site
def test_each_page_links_one_stylesheet_of_ours_and_writes_in_only_the_scripts_it_uses(built_site: Path):
    assert (built_site / stylesheet.BUNDLE).read_text(encoding="utf-8") == stylesheet.bundle()
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 100
    for page in pages:
        relative = page.relative_to(built_site).as_posix()
        html = page.read_text(encoding="utf-8")
        if relative == "404.html":  # the theme's page, not finished: its scripts as written (partials/*.js)
            html = finish.compact_page_scripts(html.encode(), finish.page_scripts()).decode()
        sheets, scripts = _subresources(html)
        ours = [href for href in sheets if not THEME_STYLESHEETS.search(href)]
        assert [href.rsplit("/", 2)[-2:] for href in ours] == [["stylesheets", "bundle.css"]], relative
        assert len(sheets) == 3, relative
        # Material's own script is the only file a page loads; ours are written into the pages that use them.
        assert [src for src, _deferred in scripts if not THEME_SCRIPT.search(src)] == [], relative
        inline = [script.get_text() for script in BeautifulSoup(html, "html.parser").find_all("script", src=False)]
        assert sum(READING.strip() in text for text in inline) == 1, relative
        # The colour toggle is run by our script, not by Material's palette component (its start-up restyles the page).
        assert sum(PALETTE.strip() in text for text in inline) == 1, relative
        assert '<form class="md-header__option" data-edition-palette>' in html, relative
        assert 'data-md-component="palette"' not in html, relative
        assert sum(FILTERS.strip() in text for text in inline) == (relative == "proposals/index.html"), relative
