"""The generated docs folder: the contract between the pipeline and any MkDocs-compatible engine.

`python -m edition render DIR` writes a project folder that MkDocs or Zensical builds as it is:

    DIR/mkdocs.yml   the site's settings (mkdocs.yml without what only our MkDocs hook needs), INHERITing
    DIR/nav.yml      the navigation
    DIR/docs/        every page, cite page and download, robots.txt, and the hand-written stylesheets,
                     scripts and images of docs/
    DIR/overrides/   the theme overrides of docs/overrides/

After the engine's build, `python -m edition finish SITE` adds what no engine makes (edition/finish.py).
The MkDocs hook adds the same generated files (`docs_files`) and sets the same navigation, so `make build`
and a build of the folder give the same site.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from mkdocs.utils.yaml import yaml_load

from . import editions, stylesheet, unapi, urls
from .finish import ROBOTS, DocsFolder, SiteSettings, robots_txt
from .model import Edition
from .nav import site_nav
from .paths import ROOT
from .render import DuplicatePath, render_site

MKDOCS_CONFIG = ROOT / "mkdocs.yml"
HAND_WRITTEN = ROOT / "docs"
# Templates are the theme's: outside the docs folder, so that no engine publishes them as pages or files.
OVERRIDES = "overrides"
DOCS = "docs"
CONFIG_FILE = "mkdocs.yml"
NAV_FILE = "nav.yml"
# Only the MkDocs hook needs these: an engine building the generated folder must not render the pages again
# (hooks), watch the data (watch) or skip the overrides inside docs/ (exclude_docs).
HOOK_ONLY = ("hooks", "watch", "exclude_docs")


def read_config(path: Path = MKDOCS_CONFIG) -> dict[str, Any]:
    """An MkDocs-style configuration as plain data, with `!ENV` values and `INHERIT` resolved as MkDocs does."""
    with path.open(encoding="utf-8") as source:
        return yaml_load(source)


def docs_files(edition: Edition, settings: SiteSettings) -> dict[str, str]:
    """Every file the pipeline puts into the docs folder: pages, cite pages, downloads, each page's unAPI
    record and robots.txt."""
    return with_extras(edition, settings, render_site(edition, settings.directory_urls, settings.site_url))


def with_extras(edition: Edition, settings: SiteSettings, rendered: dict[str, str]) -> dict[str, str]:
    """The rendered files with what the docs folder adds: each page's unAPI record, robots.txt, and the one
    stylesheet of our own (stylesheet.py)."""
    files = dict(rendered)
    pages = [(src, urls.page_url(src, settings.directory_urls)) for src in files if src.endswith(".md")]
    extra = {
        ROBOTS: robots_txt(settings.site_url),
        stylesheet.BUNDLE: stylesheet.bundle(),
        **unapi.files(edition, pages, settings.site_url),
    }
    for path, text in extra.items():
        if path in files:
            raise DuplicatePath(f"two pages would be written to {path}")
        files[path] = text
    return files


def site_settings(edition: Edition, settings: SiteSettings) -> dict[str, Any]:
    """The settings the edition gives the engine: the edition's line in the footer (Material and Zensical print
    `copyright` there), and, as `config.extra`, what the theme overrides need to know of the edition's pages.
    The MkDocs hook sets them on its config; the generated mkdocs.yml carries them for any other engine (whose
    templates a hook's template globals would not reach)."""
    return {
        "copyright": editions.footer_html(edition.current, settings.site_url, settings.directory_urls),
        "extra": {
            "edition_print_page": {"url": urls.page_url(urls.PRINT, settings.directory_urls)},
            "edition_pdf": urls.PDF,
        },
    }


def hand_written(docs: Path = HAND_WRITTEN) -> dict[str, bytes]:
    """The project's own files: docs/ (stylesheets, scripts, images) into docs/, its overrides beside it."""
    files: dict[str, bytes] = {}
    for path in sorted(docs.rglob("*")):
        if not path.is_file():
            continue
        relative = path.relative_to(docs).as_posix()
        files[relative if relative.startswith(OVERRIDES + "/") else f"{DOCS}/{relative}"] = path.read_bytes()
    return files


def engine_config(config: dict[str, Any], edition_settings: dict[str, Any] | None = None) -> dict[str, Any]:
    """The site's settings for an engine building the generated folder, the navigation inherited from nav.yml,
    with the settings the edition gives (`site_settings`)."""
    out: dict[str, Any] = {"INHERIT": NAV_FILE}
    out.update((key, value) for key, value in config.items() if key not in HOOK_ONLY and key != "nav")
    out["docs_dir"] = DOCS
    theme = dict(out.get("theme") or {})
    theme["custom_dir"] = OVERRIDES
    out["theme"] = theme
    given = edition_settings or {}
    if "copyright" in given:
        out["copyright"] = given["copyright"]
    out["extra"] = {**(out.get("extra") or {}), **given.get("extra", {})}
    return out


def _yaml(data: Any, comment: str) -> str:
    return f"# {comment}\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120)


def project(edition: Edition, config: dict[str, Any], rendered: dict[str, str] | None = None) -> dict[str, str | bytes]:
    """Every file of the generated project folder, {path under DIR: content} (from `render_site`'s files, where
    they are at hand)."""
    settings = SiteSettings.from_config(config)
    files: dict[str, str | bytes] = dict(hand_written())
    generated = docs_files(edition, settings) if rendered is None else with_extras(edition, settings, rendered)
    for path, text in generated.items():
        if f"{DOCS}/{path}" in files:
            raise DuplicatePath(f"docs/{path} would hide a generated page: generated files are never kept in docs/")
        files[f"{DOCS}/{path}"] = text
    written_by = (
        "Written by `python -m edition render`; build it with MkDocs or Zensical, then `python -m edition finish`."
    )
    files[NAV_FILE] = _yaml({"nav": site_nav(edition)}, "The site navigation. " + written_by)
    engine = engine_config(config, site_settings(edition, settings))
    files[CONFIG_FILE] = _yaml(engine, "The site's settings (from mkdocs.yml). " + written_by)
    return files


def as_built(files: Mapping[str, str | bytes]) -> DocsFolder:
    """The docs folder of a project (`project`'s files, or the folder read back) as the finishing steps need it."""
    docs = {path.removeprefix(f"{DOCS}/"): text for path, text in files.items() if path.startswith(f"{DOCS}/")}
    pages = {path: text for path, text in docs.items() if path.endswith(".md") and isinstance(text, str)}
    nav = yaml.safe_load(files[NAV_FILE])["nav"]
    return DocsFolder(pages, frozenset(docs), nav)


def read_folder(folder: Path) -> DocsFolder:
    """A docs folder written by `render`, read back: finishing a site built from it needs no second rendering."""
    docs = folder / DOCS
    files: dict[str, str | bytes] = {NAV_FILE: (folder / NAV_FILE).read_text(encoding="utf-8")}
    for path in docs.rglob("*"):
        if path.is_file():
            name = f"{DOCS}/{path.relative_to(docs).as_posix()}"
            files[name] = path.read_text(encoding="utf-8") if path.suffix == ".md" else b""
    return as_built(files)


def for_finishing(edition: Edition, config: dict[str, Any]) -> DocsFolder:
    """The docs folder as `python -m edition finish` needs it when it is not at hand: rendered again in memory,
    so that finishing a site needs only the data and the configuration it was built with."""
    generated = docs_files(edition, SiteSettings.from_config(config))
    own = {path.removeprefix(f"{DOCS}/") for path in hand_written() if path.startswith(f"{DOCS}/")}
    pages = {path: text for path, text in generated.items() if path.endswith(".md")}
    return DocsFolder(pages, frozenset(generated) | own, site_nav(edition))
