"""Page weight of a built site: HTML bytes per page type, the search index, and a phone's first download."""

from __future__ import annotations

import gzip
import posixpath
import re
import statistics
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

# What a server compressing on the fly typically sends (nginx and Apache default to levels 1-6).
GZIP_LEVEL = 6
SEARCH_INDEX = "search/search_index.json"
# The theme's error page is served for missing URLs only; it is not a page of the edition.
NOT_PAGES = {"404.html"}
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")
FONT_SUFFIXES = (".woff2", ".woff", ".ttf", ".otf", ".eot")


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


def page_type(relative: str, site: Path) -> str:
    """home, section, references, index (a folder's record list), a record kind, or the page's own name."""
    parts = relative.split("/")
    if relative == "index.html":
        return "home"
    if len(parts) == 3 and parts[0] == "sections":
        return "section"
    if len(parts) == 2:
        has_records = any(child.is_dir() and (child / "index.html").is_file() for child in (site / parts[0]).iterdir())
        return "index" if has_records else parts[0]
    if len(parts) == 3:
        # proposals/<id>/ is a "proposal" page; the kind is the folder's name in the singular.
        return parts[0][:-1] if parts[0].endswith("s") else parts[0]
    return "/".join(parts[:-1])


def html_pages(site: Path) -> dict[str, bytes]:
    pages = {}
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        if relative not in NOT_PAGES:
            pages[relative] = path.read_bytes()
    return pages


def summary(values: list[int]) -> dict:
    return {"count": len(values), "median": statistics.median(values), "max": max(values)}


def page_weights(site: Path) -> dict:
    pages = html_pages(site)
    by_type: dict[str, dict[str, list[int]]] = {}
    for relative, data in pages.items():
        kind = page_type(relative, site)
        sizes = by_type.setdefault(kind, {"raw": [], "gzip": []})
        sizes["raw"].append(len(data))
        sizes["gzip"].append(gzipped(data))
    index = site / SEARCH_INDEX
    index_bytes = index.read_bytes() if index.is_file() else b""
    return {
        "pages": len(pages),
        "all_pages": {
            "raw": summary([len(d) for d in pages.values()]),
            "gzip": summary([gzipped(d) for d in pages.values()]),
        },
        "by_type": {kind: {k: summary(v) for k, v in sizes.items()} for kind, sizes in sorted(by_type.items())},
        "search_index": {"raw": len(index_bytes), "gzip": gzipped(index_bytes)},
    }


class _Assets(HTMLParser):
    """Stylesheets, scripts and preloaded fonts a page asks for."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        rel = (attrs.get("rel") or "").split()
        if (
            tag == "link"
            and ("stylesheet" in rel or ("preload" in rel and attrs.get("as") == "font"))
            and attrs.get("href")
        ):
            self.found.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.found.append(attrs["src"])


def _local(site: Path, base: str, url: str) -> Path | None:
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith("data:"):
        return None  # nothing on this site loads from elsewhere; the gate tests see to that
    path = posixpath.normpath(posixpath.join(posixpath.dirname(base), parts.path))
    file = site / path
    return file if file.is_file() else None


def phone_weight(site: Path, page: str) -> dict:
    """Everything the page needs before its text shows: HTML, CSS, JS and fonts (not the search index).

    Counts every stylesheet and script the page links and every font its stylesheets name, so it is
    an upper bound: a browser fetches only the fonts it uses.
    """
    html = (site / page).read_bytes()
    parser = _Assets()
    parser.feed(html.decode("utf-8"))
    files: dict[str, int] = {page: gzipped(html)}
    for url in parser.found:
        file = _local(site, page, url)
        if file is None:
            continue
        relative = file.relative_to(site).as_posix()
        files[relative] = gzipped(file.read_bytes())
        if file.suffix == ".css":
            for font_url in _CSS_URL.findall(file.read_text(encoding="utf-8")):
                font = _local(site, relative, font_url)
                if font is not None and font.suffix in FONT_SUFFIXES:
                    files[font.relative_to(site).as_posix()] = len(font.read_bytes())  # already compressed
    return {"page": page, "gzip_bytes": sum(files.values()), "files": files}


def largest_section_page(site: Path) -> str:
    pages = [p for p in html_pages(site) if page_type(p, site) == "section"]
    return max(pages, key=lambda p: (site / p).stat().st_size)
