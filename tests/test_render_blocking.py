"""What a page makes the browser fetch before it can paint (issue 16): one stylesheet of our own, made by the
build from docs/stylesheets/ (edition/stylesheet.py), print rules only under `@media print`, and our scripts
neither written into the pages nor loaded on their own, but appended to the theme's bundle (edition/site_script.py). The request counts themselves are measured
by `make bench` (benchmarks/phone.py, Lighthouse)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import tinycss2
import yaml
from bs4 import BeautifulSoup

from edition import site_script, stylesheet
from edition.paths import ROOT

# Material's own: its main stylesheet and its colour palette, which the bare theme links as well.
THEME_STYLESHEETS = re.compile(r"assets/stylesheets/(main|palette)\.[0-9a-f]+\.min\.css$")


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


@pytest.mark.slow  # reads the built site
def test_each_page_links_one_stylesheet_of_ours_and_loads_one_script_with_ours_in_it(built_site: Path):
    assert (built_site / stylesheet.BUNDLE).read_text(encoding="utf-8") == stylesheet.bundle()
    theme_bundle = site_script.theme_bundle(built_site)
    assert theme_bundle is not None
    ours = site_script.file_name(site_script.joined(theme_bundle.read_bytes()))
    assert (built_site / site_script.ASSETS / ours).read_bytes() == site_script.joined(theme_bundle.read_bytes())
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 100
    for page in pages:
        relative = page.relative_to(built_site).as_posix()
        html = page.read_text(encoding="utf-8")
        sheets, scripts = _subresources(html)
        own_sheets = [href for href in sheets if not THEME_STYLESHEETS.search(href)]
        assert [href.rsplit("/", 2)[-2:] for href in own_sheets] == [["stylesheets", "bundle.css"]], relative
        assert len(sheets) == 3, relative
        # One script file, at the end of <body>, not deferred: the theme's bundle with ours after it, in place of
        # the theme's (the 404 page, the theme's own, too).
        assert [(src.rsplit("/", 3)[-3:], deferred) for src, deferred in scripts] == [
            (["assets", "javascripts", ours], False)
        ], relative
        # After every other script, as Material's bundle and ours were.
        assert html.rindex("<script") == html.index("<script src="), relative
        inline = [script.get_text() for script in BeautifulSoup(html, "html.parser").find_all("script", src=False)]
        # None of our scripts is written in any more (the <head> line that restores the reading before paint is).
        for path in site_script.SCRIPTS:
            line = site_script.compact(path.read_text(encoding="utf-8")).splitlines()[1]
            assert not any(line in text for text in inline), (relative, path.name)
        # The colour toggle is run by our script, not by Material's palette component (its start-up restyles the page).
        assert '<form class="md-header__option" data-edition-palette>' in html, relative
        assert 'data-md-component="palette"' not in html, relative
