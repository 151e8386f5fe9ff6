"""Puts the PDF edition into a built site, without making every build pay for typesetting.

Typesetting takes seconds and WeasyPrint takes a second to import, so the MkDocs adapter never imports it:
the PDF is made by `python -m edition pdf` in a process of its own, and kept in a cache under .build/ keyed
by everything it is made from (the PDF's HTML, the stylesheet, WeasyPrint's version). A build whose text
layer did not change copies the cached file. Under `mkdocs serve` a new PDF is made in the background, so a
rebuild shows the pages at once and the PDF a few seconds later.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

from . import urls
from .model import Edition
from .paths import ROOT
from .pdf_html import EditionStamp, document

CACHE_DIR = ROOT / ".build" / "pdf"
# Enough for the editions an editor switches between (and the tests' fixtures); older PDFs are removed.
CACHE_ENTRIES = 24
STYLESHEET = Path(__file__).with_name("pdf.css")
GENERATOR = f"Reference edition build (WeasyPrint {version('weasyprint')})"


def stamp(edition: Edition) -> EditionStamp:
    return EditionStamp(edition.current, GENERATOR)


def source(edition: Edition, site_url: str) -> str:
    """The HTML the PDF is typeset from."""
    return document(edition, site_url, stamp(edition))


def cache_key(html: str) -> str:
    css = STYLESHEET.read_text(encoding="utf-8")
    return hashlib.sha256("\0".join((html, css, GENERATOR)).encode("utf-8")).hexdigest()


def cached_path(edition: Edition, site_url: str) -> Path:
    return CACHE_DIR / f"{cache_key(source(edition, site_url))}.pdf"


def place(edition: Edition, site_url: str, site_dir: Path, data_dir: Path, wait: bool = True) -> Path:
    """Put the PDF at its URL path in site_dir, from the cache or freshly made."""
    target = site_dir / urls.PDF
    target.parent.mkdir(parents=True, exist_ok=True)
    cached = cached_path(edition, site_url)
    if cached.is_file():
        shutil.copyfile(cached, target)
        return target
    command = [
        sys.executable,
        "-m",
        "edition.pdf",
        str(target),
        "--data",
        str(data_dir),
        "--site-url",
        site_url,
        "--cache",
        str(cached),
    ]
    if wait:
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    else:
        subprocess.Popen(command, stdout=subprocess.DEVNULL, start_new_session=True)
    return target


def store(pdf: bytes, target: Path, cache: Path | None) -> None:
    """Write the PDF and, atomically, its cache entry (parallel builds may make the same one)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(pdf)
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        partial = cache.with_suffix(f".{os.getpid()}.part")
        partial.write_bytes(pdf)
        partial.replace(cache)
        prune(cache.parent)


def prune(folder: Path) -> None:
    """Keep the newest CACHE_ENTRIES PDFs; another build may be pruning at the same time."""
    dated = []
    for path in folder.glob("*.pdf"):
        with contextlib.suppress(FileNotFoundError):
            dated.append((path.stat().st_mtime, path))
    for _mtime, old in sorted(dated, reverse=True)[CACHE_ENTRIES:]:
        old.unlink(missing_ok=True)
