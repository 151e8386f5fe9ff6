"""Links gate: every internal link and every #fragment in the built site resolves to a page and an element."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from .helpers import html_files, url_path

# Material's own search worker reads these; they are not reader-facing links.
IGNORED_SCHEMES = {"http", "https", "mailto", "data"}


def target_file(site: Path, path: str) -> Path | None:
    candidate = site / path.lstrip("/")
    if path.endswith("/") or path == "":
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def ids_of(file: Path, cache: dict[Path, set[str]]) -> set[str]:
    if file not in cache:
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        cache[file] = {tag["id"] for tag in soup.find_all(id=True)} | {
            tag["name"] for tag in soup.find_all("a", attrs={"name": True})
        }
    return cache[file]


def broken_links(site: Path) -> list[str]:
    problems, ids = [], {}
    for file in html_files(site):
        here = "/" + url_path(site, file)
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all(["a", "link"], href=True):
            href = tag["href"]
            parts = urlsplit(href)
            if parts.scheme in IGNORED_SCHEMES or tag.name == "link" and tag.get("rel") == ["canonical"]:
                continue
            if parts.scheme:
                problems.append(f"{here}: unexpected link scheme {href!r}")
                continue
            if parts.path:
                base = here if here.endswith("/") else posixpath.dirname(here) + "/"
                resolved = posixpath.normpath(posixpath.join(base, unquote(parts.path)))
                if parts.path.endswith("/") and not resolved.endswith("/"):
                    resolved += "/"
                target = target_file(site, resolved)
                if target is None:
                    problems.append(f"{here}: {href!r} → no page at {resolved}")
                    continue
            else:
                target = file
            fragment = unquote(parts.fragment)
            if fragment and target.suffix == ".html" and fragment not in ids_of(target, ids):
                problems.append(f"{here}: {href!r} → no element with id {fragment!r}")
    return problems


@pytest.mark.slow
def test_every_internal_link_and_fragment_resolves(built_site):
    assert len(html_files(built_site)) > 10
    problems = broken_links(built_site)
    assert problems == [], "\n".join(problems)


def test_the_checker_finds_a_missing_page_and_a_missing_anchor(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<a href="a/#here">ok</a> <a href="a/#gone">bad anchor</a> <a href="b/">bad page</a>', encoding="utf-8"
    )
    (tmp_path / "a" / "index.html").write_text('<p id="here">x</p>', encoding="utf-8")
    assert broken_links(tmp_path) == [
        "/: 'a/#gone' → no element with id 'gone'",
        "/: 'b/' → no page at /b/",
    ]
