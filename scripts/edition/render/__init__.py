"""Pure rendering: the Edition in, every generated file out, as {path under docs/: text}.

The pages are Markdown; the cite pages carry exact URLs, so they need the published address (`site_url`);
the downloads (JSON, CSV, BibTeX, RIS, JSON Schema) are served beside the pages. Nothing here touches the disk.
"""

from __future__ import annotations

from ..export.downloads import files as download_files
from ..model import Edition
from ..urls import Linker
from . import apparatus, argument, changelog, cite, method, paper, print_page
from .common import Context

# Each module renders one family of pages; together with the cite pages and downloads they make the site.
PAGE_MODULES = (paper, apparatus, argument, print_page, method, changelog)


class DuplicatePath(ValueError):
    """Two generated files claim one path: one would silently hide the other."""


def render_site(edition: Edition, directory_urls: bool, site_url: str) -> dict[str, str]:
    """Every generated file: the pages, the cite pages and the downloads, in that order."""
    ctx = Context(edition, Linker(directory_urls))
    downloads = download_files(edition, site_url)
    parts = [module.render(ctx) for module in PAGE_MODULES]
    parts.append(cite.render(ctx, site_url, [(path, d.title, d.note) for path, d in downloads.items()]))
    parts.append({path: download.content for path, download in downloads.items()})
    generated: dict[str, str] = {}
    for part in parts:
        for path, text in part.items():
            if path in generated:
                raise DuplicatePath(f"two pages would be written to {path}")
            generated[path] = text
    return generated
