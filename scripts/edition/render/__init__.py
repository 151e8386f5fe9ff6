"""Pure rendering: the Edition in, {page source path: Markdown} out. Nothing here touches the disk."""

from __future__ import annotations

from ..model import Edition
from ..urls import Linker
from . import apparatus, argument, method, paper, print_page
from .common import Context

# Each module renders one family of pages; together they make the whole site.
PAGE_MODULES = (paper, apparatus, argument, print_page, method)


def render_site(edition: Edition, directory_urls: bool = True) -> dict[str, str]:
    ctx = Context(edition, Linker(directory_urls))
    pages: dict[str, str] = {}
    for module in PAGE_MODULES:
        for path, text in module.render(ctx).items():
            if path in pages:
                # Two records claiming one URL would silently hide one of them.
                raise ValueError(f"two pages would be written to {path}")
            pages[path] = text
    return pages
