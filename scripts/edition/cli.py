"""Command line: `python -m edition check` validates data/; `render DIR` writes the docs folder any
MkDocs-compatible engine builds (edition/docs_folder.py); `finish SITE` adds what no engine makes to a site built
from it (edition/finish.py); `build` builds a preview site with MkDocs, or with `--engine zensical` with Zensical;
`publish` builds the site for readers (needs SITE_URL). `--data X` picks another data folder for all of them."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from . import csl_engine, editions, finish, hosting, pdf_build, published, text_layer, zensical_build
from .docs_folder import MKDOCS_CONFIG, for_finishing, project, read_config, read_folder
from .errors import DataErrors
from .model import Edition
from .paths import DATA_DIR, ROOT
from .publish import publish
from .render import render_site
from .validate import check
from .write import write_files

# Where each engine's build goes by default: the Zensical site beside the MkDocs one, never over it.
SITE_DIRS = {"mkdocs": ROOT / "site", "zensical": ROOT / "site-zensical"}


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
    render = commands.add_parser(
        "render", help="write the docs folder (pages, cite pages, downloads, nav, config) to a folder"
    )
    render.add_argument("out", type=Path)
    done = commands.add_parser(
        "finish", help="links, metadata, search index, robots.txt, sitemap and PDF of a built site"
    )
    done.add_argument("site", type=Path)
    done.add_argument(
        "--docs-folder", type=Path, help="the folder `render` wrote and the site was built from (default: render again)"
    )
    layer = commands.add_parser("text-layer", help="say whether the text layer matches the newest edition's record")
    layer.add_argument("--record", action="store_true", help="record the text layer for the newest edition")
    layer.add_argument("--amend", action="store_true", help="with --record: replace the newest edition's record")
    extras = commands.add_parser("publish-extras", help="add pre-compressed files and host files to a built folder")
    extras.add_argument("folder", type=Path)
    extras.add_argument("--site-url", default=os.environ.get("SITE_URL", ""), help="the address it is published at")
    build = commands.add_parser("build", help="build the site into site/, keeping the old one if the build fails")
    build.add_argument("--site-dir", type=Path, default=None, help="default: site/ (mkdocs), site-zensical/ (zensical)")
    build.add_argument("--engine", choices=sorted(SITE_DIRS), default="mkdocs")
    for command in (render, done, build):
        command.add_argument(
            "--config", type=Path, default=MKDOCS_CONFIG, help="the site's settings (default: mkdocs.yml)"
        )
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
        config = read_config(getattr(args, "config", MKDOCS_CONFIG))
        settings = finish.SiteSettings.from_config(config)
        files = render_site(edition, settings.directory_urls, settings.site_url)
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
        written = write_files(project(edition, config, files), args.out)
    except published.UnsafePath as unsafe:
        print(unsafe, file=sys.stderr)
        return 1
    print(f"wrote {written} files to {args.out}")
    return 0


# Commands that build or finish a whole site: the build checks the rendered site itself, before it writes anything.
WHOLE_SITE_COMMANDS = ("build", "finish", "publish-extras", "text-layer", "publish")


def whole_site_command(args: argparse.Namespace, edition: Edition) -> int:
    if args.command == "build" and args.engine == "mkdocs":
        return build_site(args.site_dir or SITE_DIRS["mkdocs"], args.data)
    if args.command in ("build", "finish"):
        return other_engine(args, edition, read_config(args.config))
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


def other_engine(args: argparse.Namespace, edition: Edition, config: dict) -> int:
    """`finish SITE`, after any engine's build of the docs folder; `build --engine zensical`, which does it all."""
    settings = finish.SiteSettings.from_config(config)
    if args.command == "finish":
        if not (args.site / "index.html").is_file():
            print(f"{args.site}: no built site here (no index.html)", file=sys.stderr)
            return 1
        docs = read_folder(args.docs_folder) if args.docs_folder else for_finishing(edition, config)
        count = finish.finish_site(args.site, edition, docs, settings)
        pdf_build.place(edition, settings.site_url, args.site, args.data)
        print(f"finished {count} pages in {args.site}")
        return 0
    site_dir = args.site_dir or SITE_DIRS["zensical"]
    try:
        count = zensical_build.build(edition, config, site_dir, data_dir=args.data)
    except zensical_build.BuildFailed as failure:
        print(f"{failure}; {site_dir} is unchanged", file=sys.stderr)
        return 1
    print(f"built {site_dir} with Zensical ({count} pages finished)")
    return 0


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
