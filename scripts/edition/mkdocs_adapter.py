"""Thin MkDocs adapter: check data/ before anything is written, add every generated file of the docs folder
(edition/docs_folder.py), and finish the built site (edition/finish.py), as `python -m edition finish` does
after any other engine.

Under `mkdocs serve`, data/ is watched (mkdocs.yml `watch:`), so saving a YAML file rebuilds.
A data error aborts before MkDocs cleans site/, so the last good site stays in place.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files

from . import csl_engine, finish, offline
from .docs_folder import docs_files, theme_extra
from .errors import DataErrors
from .model import Edition
from .nav import site_nav
from .render import DuplicatePath
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
        # The build's docs folder as the finishing steps see it, set in on_files.
        self._docs: finish.DocsFolder | None = None

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
        # What the theme overrides need to know of the edition's pages, where every engine's templates read it.
        config.extra.update(theme_extra(config.use_directory_urls))
        offline.use_local_shim(config)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        try:
            generated = docs_files(self.edition, finish.SiteSettings.from_config(config))
        except DuplicatePath as clash:
            raise Abort(str(clash)) from None
        for path, text in generated.items():
            if files.get_file_from_path(path) is not None:
                raise Abort(f"docs/{path} would hide a generated page: generated Markdown is never kept in docs/")
            files.append(File.generated(config, path, content=text))
        offline.add_shim(files, config)
        pages = {path: text for path, text in generated.items() if path.endswith(".md")}
        self._docs = finish.DocsFolder(pages, frozenset(file.src_uri for file in files), config.nav or [])
        return files

    def on_post_build(self, config: MkDocsConfig) -> None:
        """Links, metadata, search entries per paragraph, robots.txt: the steps every engine's build gets."""
        if self._docs is None:
            raise RuntimeError("on_files has not run: the docs folder is made there")
        finish.finish_site(Path(config.site_dir), self.edition, self._docs, finish.SiteSettings.from_config(config))
