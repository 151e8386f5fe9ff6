"""Draws the static link-preview image, docs/assets/og-image.png (1200×630), from data/paper.yml.

Run by hand when the paper's front matter changes: `.venv/bin/python scripts/og_image.py`. The site
needs the image at build time with no network, so the PNG is committed rather than made per build.
"""

from __future__ import annotations

import html

from playwright.sync_api import sync_playwright

from edition.chromium import CHROMIUM, FLAGS
from edition.model import Edition
from edition.paths import DATA_DIR, ROOT
from edition.validate import check

OUT = ROOT / "docs" / "assets" / "og-image.png"


def card(edition: Edition) -> str:
    paper = edition.paper
    esc = html.escape
    return f"""<!doctype html><meta charset="utf-8"><style>
body {{ margin: 0; width: 1200px; height: 630px; background: #283593; color: #fff;
       font-family: "DejaVu Sans", sans-serif; display: flex; flex-direction: column; justify-content: center;
       padding: 0 80px; box-sizing: border-box; }}
.kicker {{ font-size: 28px; letter-spacing: 0.04em; opacity: 0.85; }}
h1 {{ font-size: 54px; line-height: 1.2; margin: 24px 0; font-weight: 700; }}
.by {{ font-size: 32px; }}
.series {{ font-size: 22px; opacity: 0.85; margin-top: 18px; }}
</style>
<div class="kicker">Reference edition · every paragraph citable by URL</div>
<h1>{esc(paper.title)}</h1>
<div class="by">{esc(paper.author.name)}</div>
<div class="series">{esc(paper.type)} · {esc(paper.series.title)} · {esc(paper.publisher)} · <span style="white-space: nowrap">{esc(paper.date)}</span></div>"""


def main() -> None:
    edition = check(DATA_DIR)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1200, "height": 630})
        page.set_content(card(edition))
        page.screenshot(path=str(OUT))
        browser.close()
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
