"""Command line: `python -m edition check` validates data/; `render` writes the Markdown for inspection."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from . import published
from .errors import DataErrors
from .paths import DATA_DIR, ROOT
from .validate import check
from .write import write_pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m edition", description=__doc__)
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="the data folder (default: %(default)s)")
    parser.add_argument("--contract", type=Path, default=None,
                        help="the URL contract the data must keep (default: tests/published_urls.txt for data/ itself)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate data/ and report every error")
    render = commands.add_parser("render", help="write the generated Markdown pages to a folder")
    render.add_argument("out", type=Path)
    build = commands.add_parser("build", help="build the site into site/, keeping the old one if the build fails")
    build.add_argument("--site-dir", type=Path, default=ROOT / "site")
    args = parser.parse_args(argv)
    try:
        edition = check(args.data)
        if args.command == "build":
            return build_site(args.site_dir)  # the build checks the rendered site itself, before writing
        pages = generated(edition)
        # The rendered site too: unique anchors, safe paths, and every published URL still made.
        problems = published.check_site(edition, pages, args.contract or published.contract_for(args.data))
        if problems:
            raise DataErrors(problems)
    except DataErrors as errors:
        print(errors.report(), file=sys.stderr)
        return 1
    if args.command == "check":
        print(f"{args.data}: {len(edition.paragraphs)} paragraphs, {len(edition.errata)} errata, "
              f"{len(edition.proposals)} proposals: all checks passed")
        return 0
    try:
        written = write_pages(pages, args.out)
    except published.UnsafePath as unsafe:
        print(unsafe, file=sys.stderr)
        return 1
    print(f"wrote {written} pages to {args.out}")
    return 0


def generated(edition) -> dict[str, str]:
    """Every generated file, as the site build makes them (the cite pages with the default site_url)."""
    from types import SimpleNamespace

    from .mkdocs_hook import citing_pages
    from .render import render_site

    pages = render_site(edition)
    pages.update(citing_pages(edition, SimpleNamespace(use_directory_urls=True, site_url=""), pages))
    return pages


def build_site(site_dir: Path) -> int:
    """Run the strict MkDocs build into a new folder and swap it in only if the build succeeds."""
    fresh = site_dir.with_name(site_dir.name + ".new")
    retired = site_dir.with_name(site_dir.name + ".old")
    for leftover in (fresh, retired):
        shutil.rmtree(leftover, ignore_errors=True)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(fresh)]
    result = subprocess.run(command, cwd=ROOT)
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
