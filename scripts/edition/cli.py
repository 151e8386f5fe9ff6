"""Command line: `python -m edition check` validates data/; `render` writes the Markdown for inspection;
`build` makes a preview site; `publish` makes the site for readers (needs SITE_URL)."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from .errors import DataErrors
from .paths import DATA_DIR, ROOT
from .validate import check


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m edition", description=__doc__)
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="the data folder (default: %(default)s)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate data/ and report every error")
    render = commands.add_parser("render", help="write the generated Markdown pages to a folder")
    render.add_argument("out", type=Path)
    build = commands.add_parser("build", help="build the site into site/, keeping the old one if the build fails")
    build.add_argument("--site-dir", type=Path, default=ROOT / "site")
    publish = commands.add_parser("publish", help="build for readers with SITE_URL into public/ (refuses a local address)")
    publish.add_argument("--out", type=Path, default=ROOT / "public")
    args = parser.parse_args(argv)
    try:
        edition = check(args.data)
    except DataErrors as errors:
        print(errors.report(), file=sys.stderr)
        return 1
    if args.command == "build":
        return build_site(args.site_dir)
    if args.command == "publish":
        from .publish import main as publish_main

        return publish_main(args.out)
    if args.command == "check":
        print(f"{args.data}: {len(edition.paragraphs)} paragraphs, {len(edition.errata)} errata, "
              f"{len(edition.proposals)} proposals: all checks passed")
        return 0
    from .render import render_site
    from .write import write_pages

    written = write_pages(render_site(edition), args.out)
    print(f"wrote {written} pages to {args.out}")
    return 0


def build_site(site_dir: Path, env: dict[str, str] | None = None) -> int:
    """Run the strict MkDocs build into a new folder and swap it in only if the build succeeds."""
    fresh = site_dir.with_name(site_dir.name + ".new")
    retired = site_dir.with_name(site_dir.name + ".old")
    for leftover in (fresh, retired):
        shutil.rmtree(leftover, ignore_errors=True)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(fresh)]
    # The banner Material prints on every build says nothing about this one (known-traps).
    result = subprocess.run(command, cwd=ROOT, env=dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env or {})))
    if result.returncode != 0:
        shutil.rmtree(fresh, ignore_errors=True)
        print(f"build failed; {site_dir} is unchanged", file=sys.stderr)
        return 1
    if site_dir.exists():
        site_dir.rename(retired)
    fresh.rename(site_dir)
    shutil.rmtree(retired, ignore_errors=True)
    print(f"built {site_dir}")
    return 0
