"""Thin MkDocs adapter: check data/ before anything is written, add every generated file of the docs folder
(edition/docs_folder.py), and finish the built site (edition/finish.py), as `python -m edition finish` does
after any other engine.

Under `mkdocs serve`, data/ is watched (mkdocs.yml `watch:`), so saving a YAML file rebuilds.
A data error aborts before MkDocs cleans site/, so the last good site stays in place.
"""

from __future__ import annotations

import dataclasses
import gc
import logging
from collections.abc import Callable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files

from . import csl_engine, finish, offline, pdf_build, published, serving, urls
from .docs_folder import site_settings, with_extras
from .errors import DataErrors
from .handover import HandOver, MarkdownOf, handed_over
from .model import Edition
from .nav import site_nav
from .render import DuplicatePath, render_site
from .validate import check

log = logging.getLogger("mkdocs.plugins.edition")
# The collector's thresholds during a build (Python's defaults are 700, 10, 10).
GC_THRESHOLDS = (50_000, 50, 100)


class MkDocsAdapter:
    """The MkDocs events the edition handles, for one data folder.

    MkDocs calls hooks as module-level functions, so scripts/mkdocs_hooks.py keeps one instance and exposes
    its methods. The instance carries the edition checked in on_config to the later events of the build.
    """

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self._edition: Edition | None = None
        self._files: dict[str, str] = {}  # every generated file, rendered and checked in on_config
        # The build's docs folder as the finishing steps see it, set in on_files.
        self._docs: finish.DocsFolder | None = None
        self._broken: str | None = None  # the data's errors, while `mkdocs serve` shows them
        # Under `mkdocs serve` the PDF is made in the background, so a rebuild is not held up by typesetting.
        self.serving = False
        self._handover = HandOver()  # the folder MkDocs reads the generated files from

    @property
    def edition(self) -> Edition:
        if self._edition is None:
            raise RuntimeError("on_config has not run: the edition is checked there")
        return self._edition

    def on_startup(self, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        serving.on_startup(command)
        # A build allocates hundreds of thousands of small objects that live until it ends (records, pages,
        # MkDocs' pages and files); the collector's default threshold scans them again and again, which cost
        # about a tenth of our stages (make bench). Collection still runs, less often.
        gc.set_threshold(*GC_THRESHOLDS)

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
        settings = finish.SiteSettings.from_config(config)
        self._edition, self._files = edition, with_extras(edition, settings, files)
        config.nav = site_nav(edition)
        # The edition's line in the footer, and what the theme overrides read from config.extra: the same
        # settings the generated mkdocs.yml gives any other engine.
        extra = site_settings(edition, settings)
        config.copyright = extra["copyright"]
        config.extra.update(extra["extra"])
        offline.use_local_shim(config)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        if self._broken is not None:
            files.append(File.generated(config, urls.HOME, content=serving.error_page(self._broken)))
            return files
        # Handed over, not kept (edition/handover.py): MkDocs holds every page's Markdown and HTML until its build
        # ends, and the rendered files held beside them were a fifth of a 50x build's peak memory.
        generated, self._files = self._files, {}
        folder = self._handover.start()
        pages: dict[str, File] = {}
        for path in list(generated):
            text = generated.pop(path)
            if files.get_file_from_path(path) is not None:
                raise Abort(f"docs/{path} would hide a generated page: generated Markdown is never kept in docs/")
            file = handed_over(config, path, text, folder)
            files.append(file)
            if path.endswith(".md"):
                pages[path] = file
        offline.add_shim(files, config)
        self._docs = finish.DocsFolder(MarkdownOf(pages), frozenset(file.src_uri for file in files), config.nav or [])
        return files

    def on_shutdown(self) -> None:
        self._handover.close()

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: Callable[[], None]) -> LiveReloadServer:
        """Keep `mkdocs serve` answering while the data is broken, and watch the data folder in use."""
        return serving.on_serve(server, self.data_dir)

    def on_post_build(self, config: MkDocsConfig) -> None:
        """Links, metadata, search entries per paragraph, robots.txt: the steps every engine's build gets; the
        PDF edition."""
        serving.built()
        if self._broken is not None:
            return
        if self._docs is None:
            raise RuntimeError("on_files has not run: the docs folder is made there")
        # The offline edition (file://) keeps Material's lunr search: Pagefind cannot fetch there.
        settings = dataclasses.replace(finish.SiteSettings.from_config(config), flat_search=not offline.enabled(config))
        finish.finish_site(Path(config.site_dir), self.edition, self._docs, settings)
        pdf_build.place(
            self.edition, config.site_url or "", Path(config.site_dir), self.data_dir, wait=not self.serving
        )
