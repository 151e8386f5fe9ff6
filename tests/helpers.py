"""What the tests share: the minimal fixture and broken copies of it, site builds, parsed pages, and the
built site's pages as the gates see them. Test modules import from here, never from conftest."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

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


def page_type(path: str) -> str:
    """'sections/iv/' → 'sections/*'; one representative per type is enough where a gate is slow."""
    parts = path.strip("/").split("/")
    if len(parts) == 1:
        return parts[0] or "home"
    return parts[0] + "/" + ("index" if parts[1] == "" else "*")
