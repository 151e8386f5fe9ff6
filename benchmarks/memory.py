"""Where a build's memory goes: the peak resident set size of each stage of one real build, in a fresh process.

    EDITION_DATA=<data dir> python -m benchmarks.memory --site-dir <folder> [--live] [--json]

`make bench` reports one figure, the build process's peak RSS (getrusage RUSAGE_SELF ru_maxrss: the process
itself, not the node, Pagefind or WeasyPrint processes it starts). This splits it by stage. Before each stage
the kernel's high-water mark of the process is reset (writing 5 to /proc/self/clear_refs, Linux 4.0+), and
after it /proc/self/status gives the stage's own peak (VmHWM) and what it left resident (VmRSS); a "(before X)"
row is what ran between two stages. Stages are our hooks' steps (check, render, page checks, the finishing
steps), found by wrapping the functions they call, and MkDocs' own phases between our hooks' events. `--live`
adds Python's live memory (tracemalloc), which shows how much of the resident size is freed memory kept.

Pagefind's indexer is a process of its own: its peak is read from its /proc status before it ends.
RUSAGE_CHILDREN is no use here: Linux counts a child started by vfork, as subprocess starts them, with the
build's own resident size at the time.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config

from edition import finish, mkdocs_adapter, pdf_build, search, search_pagefind

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "mkdocs.yml"
CLEAR_REFS = Path("/proc/self/clear_refs")
STATUS = Path("/proc/self/status")
MB = 1_000_000  # as make bench counts them
# The functions our hooks call for each stage, by the module whose name for them the hook looks up.
WRAPPED = (
    (mkdocs_adapter, "check", "load + validate + model"),
    (mkdocs_adapter, "render_site", "render {path: text}"),
    (mkdocs_adapter.published, "check_site", "page checks"),
    (mkdocs_adapter, "with_extras", "docs folder extras"),
    (finish, "finish_pages", "finish: links + metadata"),
    (search, "rewrite_site_index", "finish: search index rewrite"),
    (search_pagefind, "records", "Pagefind: entries"),
    (search_pagefind, "run_indexer", "Pagefind: indexing"),
    (search_pagefind, "use_worker", "Pagefind: worker in pages"),
    (pdf_build, "place", "PDF placed"),
)
# MkDocs' phases, each ending at an event: the stage that ends there, and the one that starts.
PHASES = (
    ("files", None, "on_files + MkDocs navigation"),
    ("nav", "on_files + MkDocs navigation", "MkDocs: read + render Markdown"),
    ("env", "MkDocs: read + render Markdown", "MkDocs: write HTML"),
    ("post_build", "MkDocs: write HTML", None),
)


def _status(status: Path = STATUS) -> dict[str, int]:
    """VmHWM and VmRSS of this process (or another's status file), in bytes."""
    found: dict[str, int] = {}
    for line in status.read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmHWM", "VmRSS"):
            found[key] = int(value.split()[0]) * 1024
    return found


class Stages:
    """The peak and the resident size after each stage, in the order they ran."""

    def __init__(self) -> None:
        self.rows: list[dict[str, Any]] = []
        self.build_peak = 0  # the highest VmHWM seen: the whole build's peak, as ru_maxrss counts it
        self.indexer_peak = 0

    def start(self, name: str) -> None:
        now = _status()
        self.build_peak = max(self.build_peak, now["VmHWM"])
        # What ran since the last stage (MkDocs' steps around our hooks, the code between two wrapped calls).
        self.rows.append({"stage": f"  (before {name})", **self._figures(now)})
        CLEAR_REFS.write_text("5")
        if tracemalloc.is_tracing():
            tracemalloc.reset_peak()

    def end(self, name: str) -> None:
        now = _status()
        self.build_peak = max(self.build_peak, now["VmHWM"])
        self.rows.append({"stage": name, **self._figures(now)})

    @staticmethod
    def _figures(now: dict[str, int]) -> dict[str, float]:
        figures = {"peak_mb": now["VmHWM"] / MB, "after_mb": now["VmRSS"] / MB}
        if tracemalloc.is_tracing():
            # Python's live objects, as against the pages the process keeps (freed memory not given back).
            live, peak = tracemalloc.get_traced_memory()
            figures |= {"live_peak_mb": peak / MB, "live_after_mb": live / MB}
        return figures

    def wrap(self, function: Callable[..., Any], name: str) -> Callable[..., Any]:
        def measured(*args: Any, **kwargs: Any) -> Any:
            self.start(name)
            try:
                return function(*args, **kwargs)
            finally:
                self.end(name)

        return measured

    def phase(self, ended: str | None, started: str | None) -> Callable[..., Any]:
        def mark(*args: Any, **kwargs: Any) -> Any:
            if ended:
                self.end(ended)
            if started:
                self.start(started)
            return args[0] if args else None  # an event handler passes on what it got (files, nav, env)

        return mark


def _instrument(stages: Stages, config: Any) -> None:
    for module, name, label in WRAPPED:
        setattr(module, name, stages.wrap(getattr(module, name), label))
    send = search_pagefind._send

    def indexer_peak(process: Any, message_id: int, payload: dict) -> dict:
        answer = send(process, message_id, payload)
        if payload["type"] == "GetFiles":  # the last request: the indexer has all entries and its files
            stages.indexer_peak = _status(Path(f"/proc/{process.pid}/status"))["VmHWM"]
        return answer

    search_pagefind._send = indexer_peak
    events = config.plugins.events
    for event, ended, started in PHASES:
        handler = stages.phase(ended, started)
        # Phases end before our handler of the event runs (files, post_build) and start after MkDocs' own.
        if event in ("files", "post_build"):
            events[event].insert(0, handler)
        else:
            events[event].append(handler)


def run(site_dir: Path) -> dict[str, Any]:
    stages = Stages()
    config = load_config(config_file=str(CONFIG), site_dir=str(site_dir), strict=True)
    _instrument(stages, config)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build.build(config)
    finally:
        config.plugins.on_shutdown()
    return {
        "stages": stages.rows,
        # Not ru_maxrss of the process: Linux resets it with the high-water mark.
        "peak_rss_mb": max(stages.build_peak, _status()["VmHWM"]) / MB,
        "pagefind_indexer_peak_rss_mb": stages.indexer_peak / MB,
    }


def table(result: dict[str, Any]) -> str:
    header = f"{'stage':<40} {'peak MB':>8} {'after MB':>9}"
    if any("live_peak_mb" in row for row in result["stages"]):
        header += f" {'live peak':>10} {'live after':>11}"
    lines = [header]
    for row in result["stages"]:
        line = f"{row['stage']:<40} {row['peak_mb']:>8.0f} {row['after_mb']:>9.0f}"
        if "live_peak_mb" in row:
            line += f" {row['live_peak_mb']:>10.0f} {row['live_after_mb']:>11.0f}"
        lines.append(line)
    lines.append(f"peak RSS of the build process: {result['peak_rss_mb']:.0f} MB")
    lines.append(
        f"peak RSS of Pagefind's indexer (a process of its own): {result['pagefind_indexer_peak_rss_mb']:.0f} MB"
    )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site-dir", type=Path, required=True)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--live", action="store_true", help="also Python's live memory (tracemalloc; the build runs 2-3 times slower)"
    )
    args = parser.parse_args()
    if args.live:
        tracemalloc.start()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    result = run(args.site_dir)
    print(json.dumps(result) if args.json else table(result), file=sys.stdout)


if __name__ == "__main__":
    main()
