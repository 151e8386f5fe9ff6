"""Thin MkDocs adapter: check data/ before anything is written, then add every generated file.

Under `mkdocs serve`, data/ is watched (mkdocs.yml `watch:`), so saving a YAML file rebuilds.
A data error aborts before MkDocs cleans site/, so the last good site stays in place.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from . import csl_engine, editions, metadata, offline, pdf_build, published, search, serving, unapi, urls
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
        self._files: dict[str, str] = {}  # every generated file, rendered and checked in on_config
        self._broken: str | None = None  # the data's errors, while `mkdocs serve` shows them
        # Under `mkdocs serve` the PDF is made in the background, so a rebuild is not held up by typesetting.
        self.serving = False

    @property
    def edition(self) -> Edition:
        if self._edition is None:
            raise RuntimeError("on_config has not run: the edition is checked there")
        return self._edition

    def on_startup(self, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        serving.on_startup(command)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self._edition, self._files, self._broken = None, {}, None
        try:
            edition = check(self.data_dir)
            reason = csl_engine.missing()
            if reason:
                raise Abort(f"the CSL engine cannot run: {reason}")
            # Rendered now, before MkDocs empties the site folder: a page that would break a published URL,
            # repeat an anchor or land outside the site stops the build with the last good site in place.
            files = render_site(edition, config.use_directory_urls, config.site_url or "")
            problems = published.check_site(edition, files, published.contract_for(self.data_dir))
            if problems:
                raise DataErrors(problems)
        except DuplicatePath as clash:
            raise Abort(str(clash)) from None
        except DataErrors as errors:
            if serving.data_broken(errors.report()):
                # Abort prints the message without a traceback and exits with code 1.
                raise Abort("\n" + errors.report()) from None
            # `mkdocs serve` with no good site yet: it serves the report until the data is fixed.
            self._broken = errors.report()
            config.nav = [{"The data has errors": urls.HOME}]
            return config
        serving.data_ok()
        self._edition, self._files = edition, files
        config.nav = site_nav(edition)
        # The edition's number and date in every page's footer (Material prints `copyright` there).
        config.copyright = editions.footer_html(edition.current, config.site_url or "", config.use_directory_urls)
        offline.use_local_shim(config)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        if self._broken is not None:
            files.append(File.generated(config, urls.HOME, content=serving.error_page(self._broken)))
            return files
        for path, text in self._files.items():
            if files.get_file_from_path(path) is not None:
                raise Abort(f"docs/{path} would hide a generated page: generated Markdown is never kept in docs/")
            files.append(File.generated(config, path, content=text))
        # Each page's unAPI record (unapi.py) needs its URL, which only MkDocs knows, for docs/ pages too.
        pages = [(file.src_uri, file.url) for file in files.documentation_pages()]
        for path, text in unapi.files(self.edition, pages, config.site_url or "").items():
            files.append(File.generated(config, path, content=text))
        offline.add_shim(files, config)
        return files

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: Callable[[], None]) -> LiveReloadServer:
        """Keep `mkdocs serve` answering while the data is broken, and watch the data folder in use."""
        return serving.on_serve(server, self.data_dir)

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
        if self._broken is not None:
            return output
        page_url = page.canonical_url or page.url
        about = metadata.PageInfo(
            src_uri=page.file.src_uri,
            url=page_url,
            # A page title is HTML (its heading's escaped words), as the theme's `striptags` knows; the
            # metadata wants the words, which it escapes itself.
            title=Markup(page.title).striptags() if page.title else config.site_name,
            site_url=config.site_url or "",
            site_name=config.site_name,
        )
        head = metadata.head(self.edition, about) + "\n" + unapi.head_link(page.url, page.file.src_uri)
        return metadata.inject(output, head, metadata.coins(self.edition, page_url) + unapi.body_id())

    def on_post_build(self, config: MkDocsConfig) -> None:
        """Search entries per paragraph, so that a hit lands on the paragraph's anchor; the PDF edition."""
        serving.built()
        if self._broken is not None:
            return
        search.rewrite_site_index(Path(config.site_dir), self.edition, config.use_directory_urls)
        pdf_build.place(
            self.edition, config.site_url or "", Path(config.site_dir), self.data_dir, wait=not self.serving
        )
