"""Published builds: `make publish SITE_URL=https://…/` (`python -m edition publish`).

Every citation, canonical link, download and metadata tag carries the site's address, so a build meant for
readers needs the real one. Preview builds (`make build`, `make serve`) keep mkdocs.yml's local address and
say so in every cite box; `publish` refuses to run without an address, or with a local one, builds with it
into `public/`, and then refuses the result if any page or download still names this machine.
Later steps (a PDF, pre-compressed files, host configuration) add to the same folder after `build`.
"""

from __future__ import annotations

import ipaddress
import sys
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from .paths import ROOT

PUBLISH_DIR = ROOT / "public"
# Strings that betray a local address in a published file.
LOCAL_MARKERS = ("127.0.0.1", "localhost", "file:")
# The files a reader or a reference manager gets; theme scripts and fonts are the theme's, not ours.
CHECKED_SUFFIXES = {".html", ".xml", ".txt", ".json", ".csv", ".bib", ".ris"}
LOCAL_HOSTS = {"localhost", "0.0.0.0", "::", "::1"}
USAGE = "usage: make publish SITE_URL=https://example.org/lee2025/"


def is_local(url: str) -> bool:
    """True for no address, a file: URL, or a host on this machine (loopback, localhost)."""
    if not url:
        return True
    parts = urlsplit(url)
    if parts.scheme == "file":
        return True
    host = (parts.hostname or "").lower()
    if not host or host in LOCAL_HOSTS or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback or ipaddress.ip_address(host).is_unspecified
    except ValueError:
        return False


def site_url_problem(url: str) -> str | None:
    """Why an address cannot be published, or None."""
    if not url:
        return f"SITE_URL is not set: a published build needs the site's address ({USAGE})"
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"SITE_URL must be an http(s) address with a host, found '{url}' ({USAGE})"
    if is_local(url):
        return f"SITE_URL points at this machine ('{url}'); a published build needs the public address ({USAGE})"
    return None


def local_mentions(folder: Path) -> list[str]:
    """`path: marker` for every published file that still names a local address."""
    found = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.suffix not in CHECKED_SUFFIXES:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for marker in LOCAL_MARKERS:
            if marker in text:
                found.append(f"{path.relative_to(folder)}: {marker}")
    return found


def publish(site_url: str, out_dir: Path, build: Callable[[Path, str], int]) -> int:
    """Check the address, build with it into `out_dir` (by `build(out_dir, site_url)`), check the result."""
    problem = site_url_problem(site_url)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    code = build(out_dir, site_url)
    if code:
        return code
    leaks = local_mentions(out_dir)
    if leaks:
        print(f"{out_dir} names a local address; do not publish it:\n  " + "\n  ".join(leaks), file=sys.stderr)
        return 1
    print(f"published build for {site_url} in {out_dir}")
    return 0
