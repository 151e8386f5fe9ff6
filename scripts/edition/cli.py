"""Command line: `python -m edition check` validates data/; `render DIR` writes every generated file for
inspection; `build` builds a preview site; `publish` builds the site for readers (needs SITE_URL).
`--data X` picks another data folder for all of them."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from mkdocs.config import load_config

from . import csl_engine, editions, hosting, published, text_layer
from .errors import DataErrors
from .model import Edition
from .paths import DATA_DIR, ROOT
from .publish import publish
from .render import render_site
from .validate import check
from .write import write_files

MKDOCS_CONFIG = ROOT / "mkdocs.yml"


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m edition", description=__doc__)
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="the data folder (default: %(default)s)")
    parser.add_argument(
        "--contract",
        type=Path,
        default=None,
        help="the URL contract the data must keep (default: tests/published_urls.txt for data/ itself)",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate data/ and report every error")
    render = commands.add_parser("render", help="write every generated file (pages, cite pages, downloads) to a folder")
    render.add_argument("out", type=Path)
    layer = commands.add_parser("text-layer", help="say whether the text layer matches the newest edition's record")
    layer.add_argument("--record", action="store_true", help="record the text layer for the newest edition")
    layer.add_argument("--amend", action="store_true", help="with --record: replace the newest edition's record")
    extras = commands.add_parser("publish-extras", help="add pre-compressed files and host files to a built folder")
    extras.add_argument("folder", type=Path)
    extras.add_argument("--site-url", default=os.environ.get("SITE_URL", ""), help="the address it is published at")
    build = commands.add_parser("build", help="build the site into site/, keeping the old one if the build fails")
    build.add_argument("--site-dir", type=Path, default=ROOT / "site")
    publish_cmd = commands.add_parser(
        "publish", help="build for readers with SITE_URL into public/ (refuses a local address)"
    )
    publish_cmd.add_argument("--out", type=Path, default=ROOT / "public")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        edition = check(args.data)
        if args.command in WHOLE_SITE_COMMANDS:
            return whole_site_command(args, edition)
        reason = csl_engine.missing()
        if reason:
            print(f"the CSL engine cannot run, so the pages cannot be checked: {reason}", file=sys.stderr)
            return 1
        # The same settings as the site build, so the cite pages carry the URLs the site would.
        config = load_config(str(MKDOCS_CONFIG))
        files = render_site(edition, config.use_directory_urls, config.site_url or "")
        # The rendered site too: unique anchors, safe paths, and every published URL still made.
        problems = published.check_site(edition, files, args.contract or published.contract_for(args.data))
        if problems:
            raise DataErrors(problems)
    except DataErrors as errors:
        print(errors.report(), file=sys.stderr)
        return 1
    if args.command == "check":
        print(
            f"{args.data}: {len(edition.paragraphs)} paragraphs, {len(edition.errata)} errata, "
            f"{len(edition.proposals)} proposals: all checks passed"
        )
        return 0
    try:
        written = write_files(files, args.out)
    except published.UnsafePath as unsafe:
        print(unsafe, file=sys.stderr)
        return 1
    print(f"wrote {written} files to {args.out}")
    return 0


# Commands that build or finish a whole site: the build checks the rendered site itself, before it writes anything.
WHOLE_SITE_COMMANDS = ("build", "publish-extras", "text-layer", "publish")


def whole_site_command(args: argparse.Namespace, edition: Edition) -> int:
    if args.command == "build":
        return build_site(args.site_dir, args.data)
    if args.command == "publish-extras":
        return publish_extras(edition, args.folder, args.site_url)
    if args.command == "text-layer":
        return text_layer_command(edition, args.data, args.record, args.amend)
    return publish(
        os.environ.get("SITE_URL", "").strip(),
        args.out,
        # Built with the address (the PDF is in it); the pre-compressed files and host files follow.
        lambda out, site_url: (
            build_site(out, args.data, {"SITE_URL": site_url}) or publish_extras(edition, out, site_url)
        ),
    )


def publish_extras(edition: Edition, folder: Path, site_url: str) -> int:
    """Host files, then compressed copies of every text file (the host files are not served, so not compressed)."""
    if not (folder / "index.html").is_file():
        print(f"{folder} holds no built site (no index.html): build it first", file=sys.stderr)
        return 1
    written = hosting.write_host_files(folder, site_url, editions.redirects(edition))
    count = hosting.compress(folder)
    print(f"{folder}: {', '.join(written)}; .gz and .br beside {count} text files")
    return 0


def text_layer_command(edition: Edition, data_dir: Path, record: bool, amend: bool) -> int:
    if record:
        try:
            print(text_layer.record(edition, data_dir, amend))
        except ValueError as refusal:
            print(refusal, file=sys.stderr)
            return 1
    problems = text_layer.status(edition, data_dir)
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        print(f"the text layer matches edition {edition.current.number}'s record")
    return 1 if problems else 0


def build_site(site_dir: Path, data_dir: Path, env: dict[str, str] | None = None) -> int:
    """Run the strict MkDocs build into a new folder and swap it in only if the build succeeds."""
    fresh = site_dir.with_name(site_dir.name + ".new")
    retired = site_dir.with_name(site_dir.name + ".old")
    for leftover in (fresh, retired):
        shutil.rmtree(leftover, ignore_errors=True)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(fresh)]
    # The hooks read the data folder from EDITION_DATA (edition/paths.py); `env` adds e.g. SITE_URL. The
    # banner Material prints on every build says nothing about this one (known-traps).
    env = dict(os.environ, EDITION_DATA=str(data_dir.resolve()), NO_MKDOCS_2_WARNING="1", **(env or {}))
    result = subprocess.run(command, cwd=ROOT, env=env)
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
