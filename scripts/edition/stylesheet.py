"""The edition's one stylesheet, made by the build from its parts in docs/stylesheets/.

A page links Material's two stylesheets and this one: each stylesheet in <head> is a request that blocks the
first paint, so the parts (kept apart as the source, each about one concern) are joined in the order the
cascade needs, not linked one by one. Print rules stay in the bundle under `@media print` (print.css is
written that way), which a screen does not wait for in any other way than by downloading them: they cost
about 0.3 KB compressed, less than a request. The bundle is written into the docs folder with the other
generated files (docs_folder.with_extras), so MkDocs, Zensical and the offline edition all serve it.
"""

from __future__ import annotations

from pathlib import Path

from .paths import ROOT

PARTS_DIR = ROOT / "docs" / "stylesheets"
# The cascade order: later parts override earlier ones (reading.css hides what edition.css shows).
PARTS = ("edition.css", "gates.css", "print.css", "reading.css")
# The file mkdocs.yml's extra_css lists: the only stylesheet of our own a page links.
BUNDLE = "stylesheets/bundle.css"


def bundle(parts_dir: Path = PARTS_DIR) -> str:
    """The parts joined, each under a comment naming its source file."""
    out = ["/* Made by the build (scripts/edition/stylesheet.py) from docs/stylesheets/: edit the parts. */"]
    for name in PARTS:
        text = (parts_dir / name).read_text(encoding="utf-8").strip()
        out += ["", f"/* ---- docs/stylesheets/{name} ---- */", text]
    return "\n".join(out) + "\n"
