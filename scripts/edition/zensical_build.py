"""`make build-zensical`: the site built by Zensical from the generated docs folder, then finished.

Zensical runs no hooks (it ignores `hooks:` without a word), so the pipeline works around the engine: the docs
folder is rendered first (edition/docs_folder.py), Zensical builds it, and the finishing steps run over its
output (edition/finish.py). Zensical lives in its own virtual environment (.venv-zensical, pinned in
requirements-zensical.lock); it is not part of `make build`. As with `make build`, the site is built into a
new folder and swapped in only when every step succeeded.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

from . import finish, pdf_build
from .docs_folder import CONFIG_FILE, as_built, project
from .finish import DocsFolder
from .model import Edition
from .paths import DATA_DIR, ROOT
from .write import write_files

ZENSICAL = ROOT / ".venv-zensical" / "bin" / "zensical"
# The generated project folder Zensical builds; its cache (.cache) stays there between builds.
WORK = ROOT / ".build" / "zensical"
# Zensical writes the site inside the project folder (it refuses a site_dir outside it).
BUILT = "site"


class BuildFailed(Exception):
    """Zensical, or a step around it, failed; the message says which."""


def render_project(edition: Edition, config: dict[str, Any], work: Path = WORK) -> DocsFolder:
    """Write the docs folder and its configuration; returns the folder as the finishing steps need it."""
    files = project(edition, config)
    write_files(files, work)
    return as_built(files)


def run_zensical(config_file: Path, zensical: Path = ZENSICAL) -> Path:
    """Build the generated folder; returns the built site."""
    if not zensical.is_file():
        raise BuildFailed(f"{zensical} is missing: `make build-zensical` sets up its virtual environment")
    built = config_file.parent / BUILT
    shutil.rmtree(built, ignore_errors=True)
    result = subprocess.run([str(zensical), "build", "--config-file", str(config_file)], cwd=config_file.parent)
    if result.returncode != 0 or not (built / "index.html").is_file():
        raise BuildFailed(f"zensical build failed (exit code {result.returncode})")
    return built


def build(
    edition: Edition,
    config: dict[str, Any],
    site_dir: Path,
    zensical: Path = ZENSICAL,
    work: Path = WORK,
    data_dir: Path = DATA_DIR,
) -> int:
    """Render, build with Zensical, finish (the PDF edition included, as MkDocs' hook places it), and swap the
    site into site_dir; returns how many pages were finished."""
    docs = render_project(edition, config, work)
    built = run_zensical(work / CONFIG_FILE, zensical)
    settings = finish.SiteSettings.from_config(config)
    count = finish.finish_site(built, edition, docs, settings)
    pdf_build.place(edition, settings.site_url, built, data_dir)
    retired = site_dir.with_name(site_dir.name + ".old")
    shutil.rmtree(retired, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(retired)
    shutil.move(str(built), str(site_dir))
    shutil.rmtree(retired, ignore_errors=True)
    return count
