"""Links in a built page: a link to a docs file's source (`../sections/iv.md#p18`) becomes the href of the
URL the file is served at (`../../sections/iv/#p18`).

The generated pages link to sources, as MkDocs documents it (edition/urls.py, `Linker`). MkDocs rewrites such
links only where they are written in Markdown link syntax; most generated Markdown is raw HTML, which MkDocs
stashes and passes through untouched. Zensical rewrites `<a href>` and `<img src>` in raw HTML too (not
`cite=`, which is why quotations carry the served URL there). Running this over a built page gives every
engine the same hrefs as MkDocs gives Markdown links.

Only an href that resolves, from the page's source folder, to a file of the docs folder is rewritten. An href
that is already a served URL never does (served URLs end in "/" or ".html", and a page's URL is one level below
its source folder), so running it twice, or after Zensical, changes nothing.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Collection
from pathlib import Path
from urllib.parse import unquote, urlsplit

from . import urls

# The tags whose links Zensical resolves in raw HTML; the same here, so both engines agree.
_TAG = re.compile(r"<(?:a|img)\s[^>]*>")
# Attribute values are always double-quoted: esc() quotes every value the pages write, and so do the themes.
_LINK_ATTRIBUTE = re.compile(r'(\s(?:href|src)=")([^"]*)(")')
# The size of the pieces a built page is resolved in (resolve_utf8): small beside the largest pages (10 MB at 50x).
PIECE = 1 << 20


def served(href: str, src_uri: str, docs_files: Collection[str], directory_urls: bool) -> str:
    """The href as served, if it points at a docs file's source; otherwise unchanged."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
        return href
    target = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), unquote(parts.path)))
    if target not in docs_files:
        return href
    return urls.served_href(src_uri, target, directory_urls, parts.fragment, parts.query)


def resolve(html: str, src_uri: str, docs_files: Collection[str], directory_urls: bool) -> str:
    """The page with every source link in `<a href>` and `<img src>` turned into its served href."""

    def attribute(match: re.Match[str]) -> str:
        return match[1] + served(match[2], src_uri, docs_files, directory_urls) + match[3]

    return _TAG.sub(lambda tag: _LINK_ATTRIBUTE.sub(attribute, tag[0]), html)


def resolve_utf8(page: bytes, src_uri: str, docs_files: Collection[str], directory_urls: bool) -> bytes:
    """resolve() over a built page's UTF-8 bytes, a piece of about PIECE bytes at a time. Python keeps a page as
    a str of two bytes a character (nearly every page has a character beyond Latin-1), and a whole page and its
    resolved copy were the largest part of the finishing step's memory. Each piece ends just after a ">": a tag
    ends at its first ">", so no tag spans two pieces and each is resolved as in the whole page; and ">" is one
    byte in UTF-8, never part of another character, so each piece decodes on its own."""
    pieces = []
    start = 0
    while start < len(page):
        end = page.find(b">", start + PIECE)
        end = len(page) if end < 0 else end + 1
        text = page[start:end].decode("utf-8")
        pieces.append(resolve(text, src_uri, docs_files, directory_urls).encode("utf-8"))
        start = end
    return b"".join(pieces)


def read_html(path: Path) -> bytes:
    """A built page's UTF-8 bytes, with line ends as a text read gives them (as the finishing steps read pages
    before they worked on bytes)."""
    data = path.read_bytes()
    if b"\r" in data:
        data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    return data
