"""Thin MkDocs adapter: check data/ before anything is written, then add every generated file.

Under `mkdocs serve`, data/ is watched (mkdocs.yml `watch:`), so saving a YAML file rebuilds.
A data error aborts before MkDocs cleans site/, so the last good site stays in place.
"""

from __future__ import annotations

import logging
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from . import csl_engine, editions, metadata, offline, pdf_build, search, unapi, urls
from .errors import DataErrors
from .model import Edition
from .nav import site_nav
from .render import DuplicatePath, render_site
from .validate import check

log = logging.getLogger("mkdocs.plugins.edition")


class MkDocsAdapter:
    """The MkDocs events the edition handles, for one data folder.

    MkDocs calls hooks as module-level functions, so scripts/mkdocs_hooks.py keeps one instance and exposes
    its methods. The instance carries the edition checked in on_config to the later events of the build.
    """

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self._edition: Edition | None = None
        # Under `mkdocs serve` the PDF is made in the background, so a rebuild is not held up by typesetting.
        self.serving = False

    def on_startup(self, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    @property
    def edition(self) -> Edition:
        if self._edition is None:
            raise RuntimeError("on_config has not run: the edition is checked there")
        return self._edition

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        try:
            edition = check(self.data_dir)
        except DataErrors as errors:
            # Abort prints the message without a traceback and exits with code 1.
            raise Abort("\n" + errors.report()) from None
        reason = csl_engine.missing()
        if reason:
            raise Abort(f"the CSL engine cannot run: {reason}")
        self._edition = edition
        config.nav = site_nav(edition)
        # The edition's number and date in every page's footer (Material prints `copyright` there).
        config.copyright = editions.footer_html(edition.current, config.site_url or "", config.use_directory_urls)
        offline.use_local_shim(config)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        try:
            generated = render_site(self.edition, config.use_directory_urls, config.site_url or "")
        except DuplicatePath as clash:
            raise Abort(str(clash)) from None
        for path, text in generated.items():
            if files.get_file_from_path(path) is not None:
                raise Abort(f"docs/{path} would hide a generated page: generated Markdown is never kept in docs/")
            files.append(File.generated(config, path, content=text))
        # Each page's unAPI record (unapi.py) needs its URL, which only MkDocs knows, for docs/ pages too.
        pages = [(file.src_uri, file.url) for file in files.documentation_pages()]
        for path, text in unapi.files(self.edition, pages, config.site_url or "").items():
            files.append(File.generated(config, path, content=text))
        offline.add_shim(files, config)
        return files

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        """What the theme overrides need to know of the edition's pages (docs/overrides/partials/actions.html)."""
        print_file = files.get_file_from_path(urls.PRINT)
        if print_file is not None:
            env.globals["edition_print_page"] = {"src_uri": print_file.src_uri, "url": print_file.url}
        # The PDF edition's link on every page (docs/overrides/main.html).
        env.globals["edition_pdf"] = urls.PDF
        return env

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """Scholarly metadata (Highwire, COinS, unAPI, Dublin Core, JSON-LD, OpenGraph) on every page."""
        page_url = page.canonical_url or page.url
        about = metadata.PageInfo(
            src_uri=page.file.src_uri,
            url=page_url,
            title=page.title or config.site_name,
            site_url=config.site_url or "",
            site_name=config.site_name,
        )
        head = metadata.head(self.edition, about) + "\n" + unapi.head_link(page.url, page.file.src_uri)
        return metadata.inject(output, head, metadata.coins(self.edition, page_url) + unapi.body_id())

    def on_post_build(self, config: MkDocsConfig) -> None:
        """Search entries per paragraph, so that a hit lands on the paragraph's anchor; the PDF edition."""
        search.rewrite_site_index(Path(config.site_dir), self.edition, config.use_directory_urls)
        pdf_build.place(
            self.edition, config.site_url or "", Path(config.site_dir), self.data_dir, wait=not self.serving
        )
