"""The header's, footer's and buttons' icons drawn by the stylesheet, not written into every page.

The theme writes each icon of its header, footer and buttons into the page as an inline <svg> (Material's
`.icons/material/*.svg`, included by its templates and ours): 15 on a page, about 1.4 KB compressed of each,
which a phone waits for before it can ask for the stylesheets (README, Performance). The finishing step leaves
each such <svg> in its place, empty, with a class that names its icon; the stylesheet draws the icon as a CSS
mask filled with the text colour, as Material draws its admonitions' icons. The element is still the theme's
<svg>, so every rule of the theme that sizes, places, hides or turns it holds as before. Only an icon written
exactly as the theme's file is replaced: another engine's or version's icon stays as it was, drawn inline.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from importlib.resources import files
from pathlib import Path

ICONS_DIR = Path(str(files("material"))) / "templates" / ".icons" / "material"
# The icons the theme's templates and ours write on every page (the logo, theme.icon.logo, is `library`).
NAMES = (
    "library",
    "menu",
    "weather-night",
    "weather-sunny",
    "book-open-page-variant-outline",
    "magnify",
    "arrow-left",
    "arrow-right",
    "arrow-up",
    "close",
    "printer-outline",
    "file-pdf-box",
)
CLASS = "edition-icon"
# Each icon file is one <svg> of one viewBox; the empty element keeps it, so that a width or height the theme
# leaves to the icon (`width: auto` of the logo) comes out as before.
_VIEW_BOX = re.compile(r'viewBox="([0-9. ]+)"')


def markup(name: str, icons_dir: Path = ICONS_DIR) -> str:
    """The icon as the theme's templates write it (Jinja's include: the file as it is)."""
    return (icons_dir / f"{name}.svg").read_text(encoding="utf-8")


def empty(name: str, icons_dir: Path = ICONS_DIR) -> str:
    view_box = _VIEW_BOX.search(markup(name, icons_dir))
    if view_box is None:
        raise ValueError(f"{icons_dir / name}.svg: no viewBox")
    return f'<svg class="{CLASS} {CLASS}--{name}" viewBox="{view_box[1]}"></svg>'


def replacements(icons_dir: Path = ICONS_DIR) -> dict[bytes, bytes]:
    """{each icon as the theme writes it: the empty element}, as UTF-8 (the finishing step works on bytes)."""
    return {markup(name, icons_dir).encode(): empty(name, icons_dir).encode() for name in NAMES}


def replace(page_html: bytes, table: Mapping[bytes, bytes]) -> bytes:
    for inline, drawn in table.items():
        page_html = page_html.replace(inline, drawn)
    return page_html


def css(icons_dir: Path = ICONS_DIR) -> str:
    """The rules that draw the icons: the element filled with the text colour (`fill: currentcolor` of the
    theme's rules did the same) through the icon as a mask. In forced colours (Windows' high contrast) the
    background would be forced to the page's colour and the icon would vanish, and the text colour it inherits is
    the page's own, not the forced one: there the element keeps its colours, and takes the system colour that an
    inline icon took from its link, button or text."""
    lines = [
        f".{CLASS} {{",
        "  background-color: currentcolor;",
        "  -webkit-mask: var(--edition-icon) center / contain no-repeat;",
        "  mask: var(--edition-icon) center / contain no-repeat;",
        "  forced-color-adjust: none;",
        "}",
        "@media (forced-colors: active) {",
        f"  .{CLASS} {{ background-color: CanvasText; }}",
        f"  a .{CLASS} {{ background-color: LinkText; }}",
        f"  button .{CLASS} {{ background-color: ButtonText; }}",
        "}",
    ]
    for name in NAMES:
        icon = markup(name, icons_dir).strip()
        if "'" in icon or "#" in icon:
            raise ValueError(f"{icons_dir / name}.svg: a ' or # would end the data URL")
        lines.append(f".{CLASS}--{name} {{ --edition-icon: url('data:image/svg+xml;charset=utf-8,{icon}'); }}")
    return "\n".join(lines)
