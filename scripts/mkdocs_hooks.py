"""Loaded by MkDocs (mkdocs.yml `hooks:`), which imports a hooks file by path and calls its module-level
`on_*` functions. The logic lives in the `edition` package (edition/mkdocs_adapter.py); this file only
holds the one adapter instance MkDocs needs, for the data folder that EDITION_DATA names (default data/)."""

from edition.mkdocs_adapter import MkDocsAdapter
from edition.paths import DATA_DIR

_adapter = MkDocsAdapter(DATA_DIR)

on_startup = _adapter.on_startup
on_config = _adapter.on_config
on_files = _adapter.on_files
on_serve = _adapter.on_serve
on_post_build = _adapter.on_post_build
on_shutdown = _adapter.on_shutdown
