"""Lighthouse (mobile default) on the home page, a section page and the proposals index: `make lighthouse`.

Measured the way readers get the site: `make publish`'s folder (built for https://example.org/lee2025/, with its
pre-compressed files and host files) served by Debian's nginx with deploy/nginx/lee2025.conf on loopback
(edition/local_nginx.py). Each page is measured RUNS times and the median of each category is printed. Kept
out of `make test`: Lighthouse takes about 20 s a run and its performance score varies from run to run.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from edition import chromium
from edition.local_nginx import serve

ROOT = Path(__file__).resolve().parents[1]
PAGES = ["", "sections/iv/", "proposals/"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
SITE_URL = "https://example.org/lee2025/"


def published(parent: Path) -> Path:
    """`make publish`'s folder for SITE_URL, in a folder nginx's workers may read."""
    os.chmod(parent, 0o755)
    folder = parent / "public"
    env = dict(os.environ, SITE_URL=SITE_URL, NO_MKDOCS_2_WARNING="1")
    subprocess.run([sys.executable, "-m", "edition", "build", "--site-dir", str(folder)], cwd=ROOT, env=env, check=True)
    subprocess.run(
        [sys.executable, "-m", "edition", "publish-extras", str(folder), "--site-url", SITE_URL], cwd=ROOT, check=True
    )
    return folder


def run(url: str) -> dict[str, int]:
    report = chromium.lighthouse(url)
    return {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}


def main(runs: int) -> None:
    with tempfile.TemporaryDirectory(prefix="edition-lighthouse-") as tmp, serve(published(Path(tmp))) as base:
        print(f"Lighthouse {runs} runs per page, mobile default, through nginx ({base}); medians")
        print("| page | " + " | ".join(CATEGORIES) + " |")
        print("| --- |" + " --- |" * len(CATEGORIES))
        for page in PAGES:
            scores = [run(base + page) for _ in range(runs)]
            medians = [statistics.median(s[name] for s in scores) for name in CATEGORIES]
            print(f"| /{page} | " + " | ".join(f"{m:g}" for m in medians) + " |")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
