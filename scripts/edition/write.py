"""Write the generated files to a folder (for inspection), removing those of an earlier run no longer generated."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from .published import UnsafePath, inside

# The files the last run wrote, one path a line. Only those are ever removed, so a wrong OUT folder cannot
# lose files this module did not write.
MANIFEST = ".edition-generated"


def write_files(files: Mapping[str, str | bytes], out: Path) -> int:
    """Write {path under out: text or bytes}; returns how many files were generated.

    A path that would land outside out raises UnsafePath before anything is written or removed.
    """
    out.mkdir(parents=True, exist_ok=True)
    root = out.resolve()
    targets = {path: inside(root, path) for path in files}
    manifest = out / MANIFEST
    earlier = manifest.read_text(encoding="utf-8").splitlines() if manifest.is_file() else []
    for path in earlier:
        if path and path not in files:
            _remove(root, path)
    for path, text in files.items():
        target = targets[path]
        target.parent.mkdir(parents=True, exist_ok=True)
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        if not target.exists() or target.read_bytes() != data:
            target.write_bytes(data)
    manifest.write_text("".join(f"{path}\n" for path in sorted(files)), encoding="utf-8")
    return len(files)


def _remove(root: Path, path: str) -> None:
    """Remove a stale file and the folders it leaves empty; a path pointing outside the folder is skipped."""
    try:
        target = inside(root, path)
    except UnsafePath:
        return
    target.unlink(missing_ok=True)
    folder = target.parent
    while folder != root and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
