"""What a static host needs beside the built site: pre-compressed files, headers and redirects.

`python -m edition publish-extras FOLDER --site-url URL` (part of `make publish`) adds to a built folder:
- `X.gz` and `X.br` beside every text file X, for hosts that serve pre-compressed files (nginx gzip_static
  and brotli_static; deploy/nginx/lee2025.conf);
- `_headers` and `_redirects` in the conventions Netlify and Cloudflare Pages read;
- `_nginx/security.conf` and `_nginx/redirects.conf`, which the nginx server block includes.

The Content-Security-Policy is computed from the folder itself: every inline script the pages carry (the
theme's, the cite pages') is allowed by its SHA-256 hash and nothing else inline is; JSON data blocks
(`application/json`, `application/ld+json`) are not scripts and need no hash. Redirects come from the
renamed ids in data/edition.yml (editions.redirects).
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import brotli

from . import search_pagefind, urls

# Text files get compressed copies; images, fonts and the PDF are compressed already.
TEXT_SUFFIXES = {".html", ".css", ".js", ".json", ".xml", ".txt", ".svg", ".csv", ".bib", ".ris", ".map"}
# Script types a browser runs; any other type is a data block, which CSP does not govern.
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
# Material names its bundles by content hash (main.57a0d79d.min.css): such a file never changes.
HASHED_ASSET = re.compile(r"\.[0-9a-f]{8}\.min\.(css|js)(\.map)?$")
LONG_CACHE = "public, max-age=31536000, immutable"
# Pages, downloads and our own unhashed scripts and styles: a browser checks back after 10 minutes.
SHORT_CACHE = "public, max-age=600, must-revalidate"
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
NGINX_DIR = "_nginx"


class _InlineScripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._inside = False
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            attributes = dict(attrs)
            kind = (attributes.get("type") or "").strip().lower()
            self._inside = "src" not in attributes and kind in SCRIPT_TYPES
            self._text = []

    def handle_data(self, data: str) -> None:
        if self._inside:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._inside:
            self.scripts.append("".join(self._text))
            self._inside = False


def inline_scripts(html: str) -> list[str]:
    parser = _InlineScripts()
    parser.feed(html)
    parser.close()
    return parser.scripts


def script_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def content_security_policy(site: Path) -> str:
    hashes = sorted(
        {script_hash(s) for page in sorted(site.rglob("*.html")) for s in inline_scripts(page.read_text("utf-8"))}
    )
    # Where search runs Pagefind's WebAssembly (edition/search_pagefind.py): 'wasm-unsafe-eval' allows compiling
    # WebAssembly and nothing else (no eval of script text).
    wasm = ["'wasm-unsafe-eval'"] if (site / search_pagefind.BUNDLE).is_dir() else []
    directives = [
        "default-src 'self'",
        "script-src " + " ".join(["'self'", *wasm, *hashes]),
        # The theme sets styles from its scripts (CSSOM), which CSP allows; no inline <style> or style="".
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
    return "; ".join(directives)


def compress(site: Path) -> int:
    """Write X.gz and X.br beside every text file X; deterministic (no names or times in the gzip header)."""
    count = 0
    for path in sorted(p for p in site.rglob("*") if p.is_file() and p.suffix in TEXT_SUFFIXES):
        data = path.read_bytes()
        path.with_name(path.name + ".gz").write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
        path.with_name(path.name + ".br").write_bytes(brotli.compress(data, mode=brotli.MODE_TEXT, quality=11))
        count += 1
    return count


def base_path(site_url: str) -> str:
    """The path the site is served under, "/lee2025/" for https://example.org/lee2025/."""
    path = urlsplit(site_url).path or "/"
    return path if path.endswith("/") else path + "/"


def hashed_assets(site: Path) -> list[str]:
    return sorted(
        p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() and HASHED_ASSET.search(p.name)
    )


def short_cache_paths(site: Path, prefix: str) -> list[str]:
    """Rules for everything but the theme's assets: one per top-level entry, so that no rule overlaps the
    hashed assets' (Netlify joins the values of a header that two matching rules set)."""
    rules = [prefix]
    for entry in sorted(site.iterdir()):
        if entry.name in ("assets", NGINX_DIR) or entry.name.startswith("_") or entry.suffix in (".gz", ".br"):
            continue
        rules.append(prefix + entry.name + ("/*" if entry.is_dir() else ""))
    return rules


def headers_file(site: Path, prefix: str, csp: str) -> str:
    lines = ["# Netlify and Cloudflare Pages: response headers (written by `make publish`).", f"{prefix}*"]
    lines.append(f"  Content-Security-Policy: {csp}")
    lines += [f"  {name}: {value}" for name, value in SECURITY_HEADERS.items()]
    for rule in short_cache_paths(site, prefix):
        lines += ["", rule, f"  Cache-Control: {SHORT_CACHE}"]
    for asset in hashed_assets(site):
        lines += ["", prefix + asset, f"  Cache-Control: {LONG_CACHE}"]
    return "\n".join(lines) + "\n"


def redirect_pairs(redirects: list[tuple[str, str]], prefix: str) -> list[tuple[str, str]]:
    """(old URL path, new URL path) for each moved page, with and without its trailing slash."""
    pairs = []
    for old_src, new_src in redirects:
        old, new = prefix + urls.page_url(old_src), prefix + urls.page_url(new_src)
        pairs += [(old, new), (old.rstrip("/"), new), (old + "index.html", new)]
    return pairs


def redirects_file(redirects: list[tuple[str, str]], prefix: str) -> str:
    lines = [
        "# Netlify and Cloudflare Pages: pages that moved (renamed ids, data/edition.yml); written by `make publish`."
    ]
    lines += [f"{old} {new} 301" for old, new in redirect_pairs(redirects, prefix)]
    if prefix != "/":
        # Both hosts serve /404.html by themselves at the root; under a path, Netlify needs to be told.
        lines.append(f"{prefix}* {prefix}404.html 404")
    return "\n".join(lines) + "\n"


def nginx_security(csp: str) -> str:
    lines = ["# Included by deploy/nginx/lee2025.conf in every location (add_header does not inherit)."]
    lines.append(f'add_header Content-Security-Policy "{csp}" always;')
    lines += [f'add_header {name} "{value}" always;' for name, value in SECURITY_HEADERS.items()]
    return "\n".join(lines) + "\n"


def nginx_redirects(redirects: list[tuple[str, str]], prefix: str) -> str:
    lines = ["# Included by deploy/nginx/lee2025.conf: pages that moved (renamed ids, data/edition.yml)."]
    lines += [f"location = {old} {{ return 301 {new}; }}" for old, new in redirect_pairs(redirects, prefix)]
    return "\n".join(lines) + "\n"


def write_host_files(site: Path, site_url: str, redirects: list[tuple[str, str]]) -> dict[str, str]:
    """Compute the CSP from the built pages, then write the host files; returns {relative path: text}."""
    prefix = base_path(site_url)
    csp = content_security_policy(site)
    files = {
        "_headers": headers_file(site, prefix, csp),
        "_redirects": redirects_file(redirects, prefix),
        f"{NGINX_DIR}/security.conf": nginx_security(csp),
        f"{NGINX_DIR}/redirects.conf": nginx_redirects(redirects, prefix),
    }
    for name, text in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    return files
