"""The built site's pages as the gates see them: every HTML file, whatever issue added it."""

from __future__ import annotations

from pathlib import Path


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
