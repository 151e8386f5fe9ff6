"""Loaded by MkDocs (mkdocs.yml `hooks:`). MkDocs imports hook files by path, so the logic lives in the
`edition` package and this file only re-exports its event handlers."""

from edition.mkdocs_hook import on_config, on_files, on_post_build, on_post_page, on_serve, on_startup  # noqa: F401
