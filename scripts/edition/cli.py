"""Command line: `python -m edition check` validates data/; `render DIR` writes the docs folder any
MkDocs-compatible engine builds (edition/docs_folder.py); `finish SITE` adds what no engine makes to a site built
from it (edition/finish.py); `build` builds a preview site with MkDocs, or with `--engine zensical` with Zensical;
`publish` builds the site for readers (needs SITE_URL).
`--data X` picks another data folder for all of them."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from . import finish, zensical_build
from .docs_folder import MKDOCS_CONFIG, for_finishing, project, read_config, read_folder
from .errors import DataErrors
from .model import Edition
from .paths import DATA_DIR, ROOT
from .publish import publish
from .validate import check
from .write import write_files

# Where each engine's build goes by default: the Zensical site beside the MkDocs one, never over it.
SITE_DIRS = {"mkdocs": ROOT / "site", "zensical": ROOT / "site-zensical"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m edition", description=__doc__)
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="the data folder (default: %(default)s)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate data/ and report every error")
    render = commands.add_parser(
        "render", help="write the docs folder (pages, cite pages, downloads, nav, config) to a folder"
    )
    render.add_argument("out", type=Path)
    done = commands.add_parser(
        "finish", help="links, metadata, search index, robots.txt and sitemap.xml.gz of a built site"
    )
    done.add_argument("site", type=Path)
    done.add_argument(
        "--docs-folder", type=Path, help="the folder `render` wrote and the site was built from (default: render again)"
    )
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
    args = parser.parse_args(argv)
    try:
        edition = check(args.data)
    except DataErrors as errors:
        print(errors.report(), file=sys.stderr)
        return 1
    if args.command == "publish":
        return publish(
            os.environ.get("SITE_URL", "").strip(),
            args.out,
            lambda out, site_url: build_site(out, args.data, {"SITE_URL": site_url}),
        )
    if args.command == "check":
        print(
            f"{args.data}: {len(edition.paragraphs)} paragraphs, {len(edition.errata)} errata, "
            f"{len(edition.proposals)} proposals: all checks passed"
        )
        return 0
    if args.command == "build" and args.engine == "mkdocs":
        return build_site(args.site_dir or SITE_DIRS["mkdocs"], args.data)
    # The same settings as the site build, so the cite pages carry the URLs the site would.
    return with_config(args, edition, read_config(args.config))


def with_config(args: argparse.Namespace, edition: Edition, config: dict) -> int:
    if args.command == "render":
        written = write_files(project(edition, config), args.out)
        print(f"wrote {written} files to {args.out}")
        return 0
    if args.command == "finish":
        if not (args.site / "index.html").is_file():
            print(f"{args.site}: no built site here (no index.html)", file=sys.stderr)
            return 1
        docs = read_folder(args.docs_folder) if args.docs_folder else for_finishing(edition, config)
        count = finish.finish_site(args.site, edition, docs, finish.SiteSettings.from_config(config))
        print(f"finished {count} pages in {args.site}")
        return 0
    site_dir = args.site_dir or SITE_DIRS["zensical"]
    try:
        count = zensical_build.build(edition, config, site_dir)
    except zensical_build.BuildFailed as failure:
        print(f"{failure}; {site_dir} is unchanged", file=sys.stderr)
        return 1
    print(f"built {site_dir} with Zensical ({count} pages finished)")
    return 0


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
