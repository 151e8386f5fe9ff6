"""Write rendered pages to a folder (for inspection and golden tests), removing pages no longer rendered."""

from __future__ import annotations

from pathlib import Path

# Only Markdown we generated is ever removed, so a wrong --out cannot wipe unrelated files.
GENERATED_SUFFIX = ".md"


def write_pages(pages: dict[str, str], out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    wanted = {out / path for path in pages}
    for stale in out.rglob(f"*{GENERATED_SUFFIX}"):
        if stale not in wanted:
            stale.unlink()
    for path, text in pages.items():
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
    return len(pages)
