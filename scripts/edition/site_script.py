"""The one script file a page loads: the theme's bundle, then the edition's own scripts, named by its content.

The edition's scripts (docs/overrides/partials/*.js: the reading switches, the search preload, the colour toggle,
the proposal filters, and, before the theme's bundle, the search's set-up held until the first paint) were written into every page at the end of <body>: 1.5 KB compressed of each page, which a
phone waits for before it can ask for the stylesheets (a page over about 14 KB compressed costs Lighthouse's
simulation a second round trip; README, Performance). A file of their own would be a request more. So the
finishing step appends them to the theme's bundle, which every page loads already, at the end of <body>: the same
order of execution as before (the theme's bundle, then ours, synchronously), the same number of requests, and
the file, named by the hash of its content like the theme's (`edition.1a2b3c4d.min.js`), is cached for good
(deploy/nginx: `assets/.*\\.[0-9a-f]{8}\\.min\\.(css|js)`). It is made from the bundle the engine wrote into the
site (Material's and Zensical's differ), so MkDocs, the offline edition and Zensical all get it.

Each script guards itself (it finds its elements or does nothing), since every page now runs all of them, and
they run in the strict mode of the bundle's "use strict" (they are written for it). The theme's bundle stays in
the site, unused.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from .paths import ROOT

SCRIPTS_DIR = ROOT / "docs" / "overrides" / "partials"
# In the order the pages ran them: the reading switches first, as they show the reader's remembered choice.
SCRIPTS = tuple(SCRIPTS_DIR / name for name in ("reading.js", "search-preload.js", "palette.js", "proposal-filters.js"))
# Run before the theme's bundle: what must be in place when the theme starts (it asks for the search's set-up while
# its bundle runs; search-after-paint.js holds that request until the first paint).
BEFORE = (SCRIPTS_DIR / "search-after-paint.js",)
# The theme's bundle opens with this directive; repeated as the file's first statement, it keeps the whole file strict.
STRICT = b'"use strict"'
# Where Material and Zensical put their bundle, named by the hash of its content; ours goes beside it, so that a
# page's relative path to it is the same.
ASSETS = "assets/javascripts"
THEME_BUNDLE = re.compile(r"bundle\.[0-9a-f]{8}\.min\.js")
OURS = re.compile(r"edition\.[0-9a-f]{8}\.min\.js")
# The bundle's last line names its source map, which does not map the joined file.
_SOURCE_MAP = re.compile(rb"\n//# sourceMappingURL=\S*\s*$")


class ThemeBundleNotFound(Exception):
    """The site has no single bundle of the theme's to join the edition's scripts to."""


def compact(text: str) -> str:
    """The script without its comment lines (none of these scripts has a line in a string or a comment after
    code) and without indentation: the same program."""
    lines = (line.strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line and not line.startswith("//"))


def _part(path: Path) -> bytes:
    return f"// {path.relative_to(ROOT).as_posix()}\n{compact(path.read_text(encoding='utf-8'))}".encode()


def joined(theme_bundle: bytes, scripts: tuple[Path, ...] = SCRIPTS, before: tuple[Path, ...] = BEFORE) -> bytes:
    """The scripts of ours that the theme's start-up needs in place, the theme's bundle, then each other script of
    ours. Each part ends with a semicolon of its own, so that no part's opening parenthesis can call the value of
    the part before it."""
    theme = _SOURCE_MAP.sub(b"", theme_bundle).rstrip()
    prologue = [STRICT] if before and theme.startswith(STRICT) else []
    parts = [*prologue, *map(_part, before), theme, *map(_part, scripts)]
    return b";\n".join(parts) + b";\n"


def file_name(content: bytes) -> str:
    return f"edition.{hashlib.sha256(content).hexdigest()[:8]}.min.js"


def theme_bundle(site_dir: Path) -> Path | None:
    """The theme's bundle in a built site, or None for a site without one (no theme's script to point at)."""
    found = sorted(path for path in (site_dir / ASSETS).glob("*.min.js") if THEME_BUNDLE.fullmatch(path.name))
    if len(found) > 1:
        names = ", ".join(path.name for path in found)
        raise ThemeBundleNotFound(f"{site_dir / ASSETS}: {len(found)} bundles of the theme ({names}), expected one")
    return found[0] if found else None


def write(site_dir: Path) -> tuple[str, str] | None:
    """Write the joined file beside the theme's bundle (removing an older one of ours); returns (the theme
    bundle's name, ours), or None for a site without a theme bundle."""
    bundle = theme_bundle(site_dir)
    if bundle is None:
        return None
    content = joined(bundle.read_bytes())
    name = file_name(content)
    for old in bundle.parent.glob("edition.*.min.js"):
        if OURS.fullmatch(old.name) and old.name != name:
            old.unlink()
    target = bundle.parent / name
    if not target.is_file() or target.read_bytes() != content:
        target.write_bytes(content)
    return bundle.name, name


def pointer(names: tuple[str, str] | None) -> tuple[re.Pattern[bytes], bytes] | None:
    """What `point` replaces in a page (UTF-8): the theme's <script src> by ours."""
    if names is None:
        return None
    theme, ours = names
    pattern = re.compile(
        rb'(<script src="[^"<>]*' + re.escape(f"{ASSETS}/".encode()) + rb")" + re.escape(theme.encode()) + rb'"'
    )
    return pattern, rb"\g<1>" + ours.encode() + b'"'


def point(page_html: bytes, swap: tuple[re.Pattern[bytes], bytes] | None) -> bytes:
    """The page loading our file instead of the theme's bundle."""
    if swap is None:
        return page_html
    pattern, replacement = swap
    return pattern.sub(replacement, page_html)
