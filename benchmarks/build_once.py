"""One timed MkDocs build in a fresh process; prints its timings and peak memory as one JSON line.

`real` is the site's own build (mkdocs.yml with our hooks; EDITION_DATA picks the data).
`plain` is MkDocs alone on Markdown we rendered beforehand: the same config, theme, plugins and nav,
without our hooks. A fresh process per build makes peak RSS that build's own.
"""

from __future__ import annotations

import argparse
import json
import logging
import resource
import time
from collections import defaultdict
from pathlib import Path

# Imported before the clock starts in both modes, so neither pays for it inside the timing.
from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "mkdocs.yml"


def _wrap_ours(config, event: str, wrap) -> None:
    """Replace each handler of `event` that comes from a `hooks:` file with wrap(handler).

    MkDocs keeps which plugin or hook registered a handler only in the private `_event_origins`;
    the wrapper is registered under the same origin so that a second wrapping still finds it.
    """
    origins = config.plugins._event_origins
    ours = set(config["hooks"])
    methods = config.plugins.events[event]
    for index, method in enumerate(methods):
        if origins.get(method) in ours:
            methods[index] = wrap(method)
            origins[methods[index]] = origins[method]


def _time_hooks(config, spent: dict[str, float]) -> None:
    """Add the time of each of our handlers to spent[event]."""
    for event in config.plugins.events:

        def timing(method, _event=event):
            def timed(*args, **kwargs):
                start = time.perf_counter()
                try:
                    return method(*args, **kwargs)
                finally:
                    spent[_event] += time.perf_counter() - start

            return timed

        _wrap_ours(config, event, timing)


def _dump_generated(config, out: Path) -> None:
    """Write every page and file our hooks generate, and the nav they set, for the plain build to reuse."""

    def dumping(method):
        def dump(files, *args, **kwargs):
            before = {f.src_uri for f in files}
            files = method(files, *args, **kwargs) or files
            for file in files:
                if file.src_uri not in before and file.generated_by is not None:
                    target = out / "docs" / file.src_uri
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(file.content_bytes)
            (out / "nav.json").write_text(json.dumps(config.nav), encoding="utf-8")
            return files

        return dump

    _wrap_ours(config, "files", dumping)


def run(mode: str, site_dir: Path, docs_dir: Path | None, nav_file: Path | None, dump: Path | None = None) -> dict:
    spent: dict[str, float] = defaultdict(float)
    start = time.perf_counter()
    if mode == "real":
        config = load_config(config_file=str(CONFIG), site_dir=str(site_dir), strict=True)
        _time_hooks(config, spent)
        if dump:  # outside the timing, so writing the dump is not counted as rendering
            _dump_generated(config, dump)
    else:
        nav = json.loads(nav_file.read_text(encoding="utf-8"))
        config = load_config(
            config_file=str(CONFIG),
            site_dir=str(site_dir),
            docs_dir=str(docs_dir),
            hooks=[],
            nav=nav,
            watch=[],
            strict=False,
        )
    # Loading the config imports the hook modules (and through them our package and its libraries).
    config_s = time.perf_counter() - start
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build.build(config)
    finally:
        config.plugins.on_shutdown()
    total = time.perf_counter() - start
    return {
        "mode": mode,
        "total_s": total,
        "config_s": config_s,
        "hooks_s": dict(spent),
        "peak_rss_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,  # Linux gives KiB
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("mode", choices=["real", "plain"])
    parser.add_argument("--site-dir", type=Path, required=True)
    parser.add_argument("--docs-dir", type=Path, help="plain mode: the folder of rendered Markdown")
    parser.add_argument("--nav", type=Path, help="plain mode: the site nav as JSON")
    parser.add_argument(
        "--dump", type=Path, help="real mode: write the generated pages to DUMP/docs and the nav to DUMP/nav.json"
    )
    args = parser.parse_args()
    # Warnings and errors reach the benchmark's log; a strict build fails on any warning.
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    print(json.dumps(run(args.mode, args.site_dir, args.docs_dir, args.nav, args.dump)))


if __name__ == "__main__":
    main()
