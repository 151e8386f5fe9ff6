"""The theme's icons drawn by the stylesheet (edition/icons.py): the same pixels as the inline <svg> they replace,
in normal and in forced colours, and no page carrying them inline any more."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image, ImageChops

from edition import icons, stylesheet


def test_each_icon_becomes_an_empty_svg_naming_it_with_its_view_box():
    table = icons.replacements()
    assert len(table) == len(icons.NAMES)
    menu = icons.markup("menu").encode()
    assert table[menu] == b'<svg class="edition-icon edition-icon--menu" viewBox="0 0 24 24"></svg>'
    page = b'<label class="md-icon" for="__drawer">' + menu + b"</label><p>menu.svg</p>"
    replaced = icons.replace(page, table)
    assert replaced == b'<label class="md-icon" for="__drawer">' + table[menu] + b"</label><p>menu.svg</p>"
    assert icons.replace(replaced, table) == replaced
    # An icon written otherwise (another engine's, another version's) stays as it is.
    other = menu.replace(b"M3 6h18", b"M3 7h18")
    assert icons.replace(other, table) == other


def test_the_stylesheet_draws_every_icon():
    bundle = stylesheet.bundle()
    assert icons.css() in bundle
    for name in icons.NAMES:
        rule = (
            f".edition-icon--{name} {{ --edition-icon: url('data:image/svg+xml;charset=utf-8,{icons.markup(name)}'); }}"
        )
        assert rule in bundle, name


def test_an_icon_that_cannot_be_drawn_is_refused(tmp_path: Path):
    for name in icons.NAMES:
        (tmp_path / f"{name}.svg").write_text(icons.markup(name), "utf-8")
    (tmp_path / "menu.svg").write_text('<svg viewBox="0 0 24 24"><path fill="#000" d="M0 0h1z"/></svg>', "utf-8")
    with pytest.raises(ValueError) as caught:
        icons.css(tmp_path)
    assert str(caught.value) == f"{tmp_path}/menu.svg: a ' or # would end the data URL"
    (tmp_path / "menu.svg").write_text('<svg width="24"><path d="M0 0h1z"/></svg>', "utf-8")
    with pytest.raises(ValueError) as caught:
        icons.empty("menu", tmp_path)
    assert str(caught.value) == f"{tmp_path}/menu.svg: no viewBox"


@pytest.mark.slow  # reads the built site
def test_no_page_carries_a_theme_icon_inline_and_every_drawn_one_has_its_rule(built_site: Path):
    inline = [markup.decode() for markup in icons.replacements()]
    bundle = (built_site / stylesheet.BUNDLE).read_text(encoding="utf-8")
    drawn = 0
    for page in sorted(built_site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        relative = page.relative_to(built_site).as_posix()
        assert not [markup for markup in inline if markup in html], relative
        for svg in BeautifulSoup(html, "html.parser").select("svg.edition-icon"):
            assert svg.contents == [], relative
            name = re.fullmatch(r"edition-icon--([a-z-]+)", svg["class"][1])
            assert name and f".edition-icon--{name[1]} {{" in bundle, (relative, svg["class"])
            drawn += 1
    assert drawn > 1000


def _shot(page, selector: str) -> Image.Image:
    return Image.open(io.BytesIO(page.locator(selector).screenshot())).convert("RGB")


@pytest.mark.browser
@pytest.mark.parametrize("forced", [False, True], ids=["normal", "forced-colours"])
def test_a_drawn_icon_looks_like_the_inline_one(browser, forced: bool):
    """Each icon inline (the theme's) and drawn (ours) side by side, in a link, a button and a label with the theme's
    sizing rule: the same pixels, give or take the edges' anti-aliasing."""
    cells = []
    for name in icons.NAMES:
        for tag in ("a", "button", "label"):
            attributes = ' href="#x"' if tag == "a" else ""
            for kind, svg in (("inline", icons.markup(name)), ("drawn", icons.empty(name))):
                cells.append(f'<{tag}{attributes} class="md-icon" id="{kind}-{tag}-{name}">{svg}</{tag}>')
    html = (
        "<!doctype html><style>"
        + icons.css()
        + " body{color:#3f51b5;background:#fff} .md-icon{display:inline-block;padding:4px;border:0;background:none}"
        " .md-icon svg{display:block;width:24px;height:24px;fill:currentcolor}</style>" + "".join(cells)
    )
    context = browser.new_context(forced_colors="active" if forced else "none")
    page = context.new_page()
    page.set_content(html)
    for name in icons.NAMES:
        for tag in ("a", "button", "label"):
            inline, drawn = _shot(page, f"#inline-{tag}-{name}"), _shot(page, f"#drawn-{tag}-{name}")
            assert inline.size == drawn.size, (name, tag)
            red, green, blue = ImageChops.difference(inline, drawn).split()
            histogram = ImageChops.lighter(ImageChops.lighter(red, green), blue).histogram()
            # Pixels that differ visibly (in any channel by more than 1/4 of the range): a few on the edges at most.
            assert sum(histogram[64:]) <= 4, (name, tag, sum(histogram[64:]))
            # And the icon is there: the cell is not blank.
            assert ImageChops.difference(inline, Image.new("RGB", inline.size, inline.getpixel((0, 0)))).getbbox()
    context.close()
