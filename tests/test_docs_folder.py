"""The docs folder is the contract: MkDocs alone (no hooks) building `python -m edition render DIR`, then
`python -m edition finish`, makes the same pages as `make build`, whose hook calls the same functions."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from edition import search_pagefind
from edition.paths import ROOT

from .helpers import MINIMAL, html_files

pytestmark = pytest.mark.slow


def edition(*args: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "edition", "--data", str(MINIMAL), *args], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def both(tmp_path_factory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("docs-folder")
    edition("build", "--site-dir", str(root / "hooked"))
    edition("render", str(root / "folder"))
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "-f",
        str(root / "folder" / "mkdocs.yml"),
        "--site-dir",
        str(root / "plain"),
    ]
    result = subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1")
    )
    assert result.returncode == 0, result.stdout + result.stderr
    edition("finish", str(root / "plain"), "--config", str(root / "folder" / "mkdocs.yml"))
    return root / "hooked", root / "plain"


def test_plain_mkdocs_on_the_docs_folder_makes_the_same_pages(both):
    hooked, plain = both
    pages = [file.relative_to(hooked) for file in html_files(hooked)]
    assert len(pages) > 20
    assert [file.relative_to(plain) for file in html_files(plain)] == pages
    differing = [str(page) for page in pages if (hooked / page).read_bytes() != (plain / page).read_bytes()]
    assert differing == []


def test_and_the_same_files(both):
    """Downloads, unAPI records, robots.txt and the stylesheets, byte for byte; the sitemap and the search index
    list the same pages, in the order each build found the files."""
    hooked, plain = both
    files = sorted(path.relative_to(hooked).as_posix() for path in hooked.rglob("*") if path.is_file())
    assert sorted(path.relative_to(plain).as_posix() for path in plain.rglob("*") if path.is_file()) == files
    ordered = {"sitemap.xml", "sitemap.xml.gz", "search/search_index.json"}
    others = [name for name in files if name not in ordered and not name.endswith(".html")]
    assert "robots.txt" in others and "downloads/references.bib" in others
    differing = [name for name in others if (hooked / name).read_bytes() != (plain / name).read_bytes()]
    assert differing == []

    def entries(site: Path) -> list:
        index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
        docs = index["docs"] + search_pagefind.bundle_entries(site)
        return sorted(json.dumps(doc, sort_keys=True) for doc in docs)

    def listed(site: Path) -> set[str]:
        xml = gzip.decompress((site / "sitemap.xml.gz").read_bytes())
        return {loc.text for loc in ET.fromstring(xml).iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}

    assert entries(plain) == entries(hooked)
    assert listed(plain) == listed(hooked)
