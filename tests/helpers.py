"""What the tests share: the minimal fixture and broken copies of it, site builds, parsed pages, and the
built site's pages as the gates see them. Test modules import from here, never from conftest."""

from __future__ import annotations

import functools
import http.server
import os
import posixpath
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from edition import urls
from edition.errors import DataErrors
from edition.paths import DATA_DIR, ROOT
from edition.validate import check

# A tiny edition: one section, two paragraphs, one record of each kind.
MINIMAL = Path(__file__).parent / "fixtures" / "minimal"
# The address the test builds use: SITE_URL if set, else mkdocs.yml's default, exactly as MkDocs does.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000/").rstrip("/") + "/"
# The address a published build is tested with; the real one is unknown until deployment.
PUBLISHED_URL = "https://example.org/lee2025/"


# --- data: the minimal edition, broken one way at a time ----------------------------------------


def broken(tmp_path: Path, file: str, old: str | bytes | None, new: str | bytes | None) -> Path:
    """A copy of the minimal edition with one change to one file: `old` replaced by `new` (once); with `old`
    None the file is created with `new` as its text; with `new` None it is removed."""
    data = tmp_path / "data"
    shutil.copytree(MINIMAL, data)
    path = data / file
    if old is None:
        assert not path.exists() and isinstance(new, str), f"{file} exists already"
        path.write_text(new, encoding="utf-8")
    elif new is None:
        path.unlink()
    elif isinstance(old, bytes) and isinstance(new, bytes):
        content = path.read_bytes()
        assert old in content, f"fixture changed: {old!r} not in {file}"
        path.write_bytes(content.replace(old, new, 1))
    else:
        assert isinstance(old, str) and isinstance(new, str)
        text = path.read_text(encoding="utf-8")
        assert old in text, f"fixture changed: {old!r} not in {file}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return data


def report(data: Path) -> str:
    """What `make check` says about a data folder that has errors."""
    with pytest.raises(DataErrors) as caught:
        check(data)
    return caught.value.report()


# --- the built site -----------------------------------------------------------------------------

# Building a site takes seconds; `make test-fast` runs none. conftest.py refuses a build from a test that is
# not marked `slow` (it sets this to the running test's markers).
current_test_is_slow = False


def build_site(site_dir: Path, data_dir: Path = DATA_DIR, extra_env: dict | None = None) -> subprocess.CompletedProcess:
    if not current_test_is_slow:
        pytest.fail("this test builds the site: mark it `slow` (make test-fast runs no build)")
    env = dict(os.environ, EDITION_DATA=str(data_dir), NO_MKDOCS_2_WARNING="1", **(extra_env or {}))
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a built site without a log line per request, which would bury the test output."""

    def log_message(self, format: str, *args: object) -> None:
        pass


def soup(site: Path, src: str) -> BeautifulSoup:
    """The built page of a Markdown source path such as 'sections/iv.md', parsed."""
    return BeautifulSoup((site / urls.page_url(src) / "index.html").read_text(encoding="utf-8"), "html.parser")


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def url_path(site: Path, file: Path) -> str:
    """The path a browser asks for: 'sections/iv/' for sections/iv/index.html, '404.html' as is."""
    relative = file.relative_to(site).as_posix()
    if relative == "index.html":
        return ""
    if relative.endswith("/index.html"):
        return relative[: -len("index.html")]
    return relative


def page_paths(site: Path) -> list[str]:
    return [url_path(site, file) for file in html_files(site)]


def representative_pages(site: Path) -> list[str]:
    """The first page of each type: home, each index, one record of each kind, 404.html."""
    chosen: dict[str, str] = {}
    for path in page_paths(site):
        chosen.setdefault(page_type(path), path)
    return sorted(chosen.values())


def page_type(path: str) -> str:
    """'sections/iv/' → 'sections/*'; one representative per type is enough where a gate is slow."""
    parts = path.strip("/").split("/")
    if len(parts) == 1:
        return parts[0] or "home"
    if parts[1].startswith("by-"):  # the proposals' facet pages: a facet's values, or one value's proposals
        return parts[0] + "/by-*" + ("/*" if len(parts) > 2 else "")
    return parts[0] + "/" + ("index" if parts[1] == "" else "*")


# --- links: the gate's checker, shared by the online and the offline site ---------------------------------

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


class QuietServer(http.server.ThreadingHTTPServer):
    """A page closed while its fetches were under way (the search worker loads Pagefind when the box opens) breaks
    the connection: not an error of the site, so no traceback in the test log. Any other error is still printed."""

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def serve(site: Path) -> Iterator[str]:
    """A built site on a local HTTP server, as a base URL ending in '/' (for a fixture to `yield from`)."""
    handler = functools.partial(QuietHandler, directory=str(site))
    server = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
