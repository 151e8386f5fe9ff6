"""Collect the published URLs (pages and anchors) from a built site. `python -m tests.url_contract SITE`
rewrites tests/published_urls.txt; the test in test_url_contract.py checks the site against it."""

from __future__ import annotations

import sys
from pathlib import Path

from bs4 import BeautifulSoup

LIST = Path(__file__).parent / "published_urls.txt"
# Pages that are not content: the theme's error page and search index live outside the contract.
NOT_PAGES = {"404.html"}


def page_urls(site: Path) -> list[str]:
    urls = []
    for html in sorted(site.rglob("index.html")):
        relative = html.relative_to(site).parent.as_posix()
        urls.append("" if relative == "." else relative + "/")
    return urls


def anchors(site: Path, page_url: str) -> list[str]:
    soup = BeautifulSoup((site / page_url / "index.html").read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article")
    if article is None:
        return []
    # The page title's id is derived from its words; the page URL itself is what cites the top.
    return sorted({el["id"] for el in article.select("[id]") if not el["id"].startswith("__") and el.name != "h1"})


def published(site: Path) -> list[str]:
    lines = []
    for url in page_urls(site):
        lines.append("/" + url)
        lines += [f"/{url}#{anchor}" for anchor in anchors(site, url)]
    return lines


def read_list() -> list[str]:
    return [line for line in LIST.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]


def write_list(site: Path) -> None:
    header = (
        "# Every published page URL and anchor. URLs are citations: a line may be added, never removed.\n"
        "# A page that moves keeps its old URL through a redirect. Regenerate with `make urls`.\n"
    )
    known = set(read_list()) if LIST.exists() else set()
    LIST.write_text(header + "\n".join(sorted(known | set(published(site)))) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write_list(Path(sys.argv[1]))
