"""A disk cache of the CSL engine's results, so a cold build does not start node for work done before.

One entry per engine job (a style with every item and citation of an edition), keyed by the hash of what
decides its output: the style file's bytes, the locale file's bytes, the job's CSL-JSON and citations, and
the engine (citeproc-js's package.json and our runner csl_engine.js). A job's items are formatted together
(disambiguation and the bibliography's order depend on all of them), so the job, not the single item, is
the unit. The cache lives under .build/ (git-ignored) and is safe to delete: a miss formats again and gives
the same bytes. EDITION_CSL_CACHE names another folder, or "off" to bypass it (the benchmark's cold runs).
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from .paths import ROOT

DEFAULT_DIR = ROOT / ".build" / "csl"
# Bumped when the layout of an entry changes, so an old cache is never read as a new one.
FORMAT = "1"


def folder() -> Path | None:
    """Where entries are kept, or None when the cache is off."""
    setting = os.environ.get("EDITION_CSL_CACHE", "")
    if setting == "off":
        return None
    return Path(setting) if setting else DEFAULT_DIR


@functools.cache
def _file_digest(path: str, mtime_ns: int, size: int) -> str:
    # Keyed by mtime and size as well, so an edited style or locale is read again within one process.
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def file_digest(path: str | Path) -> str:
    stat = os.stat(path)
    return _file_digest(str(path), stat.st_mtime_ns, stat.st_size)


def key(job: dict[str, Any], locale: Path, engine: list[Path]) -> str:
    """The hash of everything that decides a job's output; the style path itself does not count, its bytes do."""
    parts = {
        "format": FORMAT,
        "engine": [file_digest(path) for path in engine],
        "locale": file_digest(locale),
        "style": file_digest(job["style"]),
        "job": {name: value for name, value in job.items() if name != "style"},
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def get(where: Path, digest: str) -> Any | None:
    """A stored result, or None when there is none or it cannot be read (a half-written or foreign file)."""
    try:
        return json.loads((where / f"{digest}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def put(where: Path, digest: str, result: Any) -> None:
    """Store atomically: parallel builds (pytest -n 2) may write the same entry at once."""
    where.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=where, prefix=".tmp-", suffix=".json")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(result, out, ensure_ascii=False)
    os.replace(temporary, where / f"{digest}.json")
