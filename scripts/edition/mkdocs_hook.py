"""Thin MkDocs adapter: check data/ before anything is written, then add the generated pages.

Under `mkdocs serve`, data/ is watched (mkdocs.yml `watch:`), so saving a YAML file rebuilds.
A data error aborts before MkDocs cleans site/, so the last good site stays in place.
"""

from __future__ import annotations

import logging
from pathlib import Path

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files

from . import metadata, offline, published, search, serving, urls
from .errors import DataErrors
from .nav import site_nav
from .paths import DATA_DIR
from .render import render_site
from .validate import check

log = logging.getLogger("mkdocs.plugins.edition")

_state: dict = {}


def on_startup(command: str, dirty: bool) -> None:
    serving.on_startup(command)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _state.clear()
    try:
        edition = check(DATA_DIR)
        # Rendered now, before MkDocs empties the site folder, so a page that would break a published URL,
        # repeat an anchor or land outside the site stops the build with the last good site intact.
        pages = render_site(edition, directory_urls=config.use_directory_urls)
        pages.update(citing_pages(edition, config, pages))
        problems = published.check_site(edition, pages, published.contract_for(DATA_DIR))
        if problems:
            raise DataErrors(problems)
    except DataErrors as errors:
        if serving.data_broken(errors.report()):
            # Abort prints the message without a traceback and exits with code 1.
            raise Abort("\n" + errors.report())
        _state["broken"] = errors.report()  # `mkdocs serve` with no good site yet: serve the report
        config.nav = [{"The data has errors": urls.HOME}]
        return config
    serving.data_ok()
    _state["edition"] = edition
    _state["pages"] = pages
    config.nav = site_nav(edition)
    offline.use_local_shim(config)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if "broken" in _state:
        files.append(File.generated(config, urls.HOME, content=serving.error_page(_state["broken"])))
        return files
    for path, text in _state["pages"].items():
        existing = files.get_file_from_path(path)
        if existing is not None:
            raise Abort(f"docs/{path} would hide a generated page: generated Markdown is never kept in docs/")
        files.append(File.generated(config, path, content=text))
    offline.add_shim(files, config)
    return files


def on_serve(server, config: MkDocsConfig, builder):
    return serving.on_serve(server, DATA_DIR)


def on_post_page(output: str, page, config: MkDocsConfig) -> str:
    """Scholarly metadata (Highwire, COinS, Dublin Core, JSON-LD, OpenGraph) on every page."""
    if "broken" in _state:
        return output
    edition = _state["edition"]
    site_url = config.site_url or ""
    page_url = page.canonical_url or page.url
    # A page title is HTML (its heading's escaped words); the metadata wants the words themselves.
    title = Markup(page.title).striptags() if page.title else config.site_name
    head = metadata.head(edition, page.file.src_uri, page_url, title, site_url, config.site_name)
    return metadata.inject(output, head, metadata.coins(edition, page_url))


def on_post_build(config: MkDocsConfig) -> None:
    """Search entries per paragraph, so that a hit lands on the paragraph's anchor."""
    serving.built()
    if "broken" in _state:
        return
    search.rewrite_site_index(Path(config.site_dir), _state["edition"], config.use_directory_urls)


def citing_pages(edition: Edition, config: MkDocsConfig, pages: dict[str, str]) -> dict[str, str]:
    """Cite pages and downloads: they carry exact URLs, so they need `site_url`, which render_site does not."""
    from .export.downloads import files as download_files
    from .render import cite

    downloads = download_files(edition)
    listed = [(path, title, note) for path, (title, note, _content) in downloads.items()]
    extra = cite.render(edition, config.use_directory_urls, config.site_url or "", listed)
    extra.update({path: content for path, (_title, _note, content) in downloads.items()})
    for path in extra:
        if path in pages:
            raise Abort(f"two pages would be written to {path}")
    return extra
