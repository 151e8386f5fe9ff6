"""Write rendered pages to a folder (for inspection and golden tests), removing pages no longer rendered."""

from __future__ import annotations

from pathlib import Path

from .published import inside

# Only Markdown we generated is ever removed, so a wrong --out cannot wipe unrelated files.
GENERATED_SUFFIX = ".md"


def write_pages(pages: dict[str, str], out: Path) -> int:
    """Write every page under out; a path that would land outside it raises UnsafePath before anything is written."""
    out.mkdir(parents=True, exist_ok=True)
    targets = {path: inside(out, path) for path in pages}
    wanted = set(targets.values())
    root = out.resolve()
    for stale in out.rglob(f"*{GENERATED_SUFFIX}"):
        # Only files really inside out: a linked folder may lead elsewhere.
        if stale.resolve() not in wanted and stale.resolve().is_relative_to(root) and not stale.is_symlink():
            stale.unlink()
    for path, text in pages.items():
        target = targets[path]
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
    return len(pages)
