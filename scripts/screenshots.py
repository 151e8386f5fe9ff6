"""Screenshots of every page type at a phone's and a laptop's size, light and dark: `make screenshots`.

Validators pass pages a person would find broken (a table that splits every word, a column pushed off the
screen), so each page type is looked at. One page per type (the first of its kind), plus a few states a
reader meets: a followed paragraph link (the target highlighted), a filtered proposals view from its URL.
Writes PNGs to the folder given (screenshots/ by default, git-ignored): `<name>-<width>-<scheme>-<n>.png`,
the page in slices from the top, and `-top.png` (the first screen) for the states. Not part of `make test`.
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path
from typing import Literal

from playwright.sync_api import FloatRect, Page, ViewportSize, sync_playwright

from edition.chromium import CHROMIUM
from edition.chromium import FLAGS as CHROMIUM_FLAGS

ROOT = Path(__file__).resolve().parents[1]
SIZES: dict[str, ViewportSize] = {"390": {"width": 390, "height": 844}, "1366": {"width": 1366, "height": 900}}
SCHEMES: tuple[Literal["light"], Literal["dark"]] = ("light", "dark")
# A page is pictured in slices (desktop, phone) that read at full size, down to MAX_HEIGHT: the top of a long
# page shows its design; the rest repeats it.
SLICE_HEIGHT = {False: 1500, True: 1400}
MAX_HEIGHT = 4200
# States that a page type alone does not show: (name, path with query and fragment).
STATES = [
    ("target-p18", "sections/iv/#p18"),
    (
        "proposals-filtered",
        "proposals/?challenge=low-growth,demographic-shrinking,shrinking-global-weight&class=recommended",
    ),
    ("search-hydrogen", "?q=hydrogen"),
]


def page_type(relative: str) -> str:
    """'sections/iv/index.html' → 'sections-one'; top-level pages keep their name."""
    parts = relative.split("/")
    if parts == ["index.html"]:
        return "home"
    # Facet pages (proposals/by-challenge/…) are a type of their own, beside the proposal pages.
    facet = "-facet" if len(parts) > 2 and parts[1].startswith("by-") else ""
    return parts[0].removesuffix(".html") + facet + ("-one" if len(parts) > 2 + bool(facet) else "")


def representatives(site: Path) -> list[tuple[str, str]]:
    chosen: dict[str, str] = {}
    for file in sorted(site.rglob("*.html")):
        relative = file.relative_to(site).as_posix()
        path = relative.removesuffix("index.html")
        chosen.setdefault(page_type(relative), path)
    return sorted(chosen.items())


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


def shoot(site: Path, out: Path, only: set[str] | None = None) -> list[Path]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    out.mkdir(parents=True, exist_ok=True)
    if not only:
        for old in out.glob("*.png"):  # a full run replaces the last one, so no stale picture remains
            old.unlink()
    written = []
    pages = [(name, path) for name, path in representatives(site) + STATES if not only or name in only]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        for size_name, viewport in SIZES.items():
            phone = viewport["width"] < 600
            for scheme in SCHEMES:
                context = browser.new_context(viewport=viewport, color_scheme=scheme, is_mobile=phone, has_touch=phone)
                page = context.new_page()
                for name, path in pages:
                    written += shoot_page(page, base, name, path, out / f"{name}-{size_name}-{scheme}")
                context.close()
        browser.close()
    server.shutdown()
    return written


def shoot_page(page: Page, base: str, name: str, path: str, stem: Path) -> list[Path]:
    if name == "search-hydrogen":
        page.goto(base)
        page.keyboard.press("/")
        page.locator(".md-search__input").fill("hydrogen")
        page.locator(".md-search__input").press("End")
        page.wait_for_selector(".md-search-result__list li")
    else:
        page.goto(base + path)
    page.wait_for_load_state("load")
    page.wait_for_timeout(250)
    if "#" in path or name.startswith("search"):
        shot = Path(f"{stem}-top.png")
        page.screenshot(path=shot)
        return [shot]
    # Slices of the page, each short enough to be read at full size: the first screen and what follows. What the
    # page leaves unrendered until a reader scrolls near it (content-visibility: auto, edition.css) would be blank in
    # a slice below the first screen, so everything is rendered first, as for the axe gate.
    page.add_style_tag(content="* { content-visibility: visible !important; }")
    width: int = page.evaluate("innerWidth")
    slice_height = SLICE_HEIGHT[width < 600]
    height = page.evaluate("document.documentElement.scrollHeight")
    shots = []
    for number, top in enumerate(range(0, min(height, MAX_HEIGHT), slice_height), start=1):
        shot = Path(f"{stem}-{number}.png")
        clip: FloatRect = {"x": 0, "y": top, "width": width, "height": min(slice_height, height - top)}
        page.screenshot(path=shot, full_page=True, clip=clip)
        shots.append(shot)
    return shots


def main() -> None:
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "screenshots"
    # A comma-separated list of page types (e.g. "home,matrix") pictures those only, while working on them.
    only = set(sys.argv[3].split(",")) if len(sys.argv) > 3 else None
    written = shoot(site, out, only)
    print(f"{len(written)} screenshots in {out}")


if __name__ == "__main__":
    main()
