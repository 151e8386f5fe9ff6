"""The generated files handed to MkDocs without a copy kept in memory.

MkDocs keeps every page's Markdown and HTML until its build ends. The rendered files, held beside them in memory
(as the adapter's dict and as MkDocs' in-memory files), were a fifth of a 50x build's peak memory
(benchmarks/memory.py; README, Performance). Here each file is written to a folder of the build's own, which
MkDocs reads as it reads docs/ (a generated file backed by a file, in MkDocs' terms), and the build keeps none.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from .published import inside

# MkDocs reads a file-backed page as text: "utf-8-sig" drops a leading byte-order mark, and universal newlines turn
# "\r" into "\n". A text that has either is handed over in memory, so that MkDocs gets every text as rendered.
READ_AS_TEXT_CHANGES = ("\ufeff", "\r")


class HandOver:
    """The folder the generated files of one build are written to; the next build, or the end of MkDocs' run,
    removes it."""

    def __init__(self) -> None:
        self._folder: tempfile.TemporaryDirectory[str] | None = None

    def start(self) -> Path:
        self.close()
        self._folder = tempfile.TemporaryDirectory(prefix="edition-docs-")
        return Path(self._folder.name)

    def close(self) -> None:
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None


def handed_over(config: MkDocsConfig, path: str, text: str, folder: Path) -> File:
    """The generated file as MkDocs gets it: read from a file in folder, or from memory (READ_AS_TEXT_CHANGES)."""
    if text.startswith(READ_AS_TEXT_CHANGES[0]) or READ_AS_TEXT_CHANGES[1] in text:
        return File.generated(config, path, content=text)
    target = inside(folder, path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(text.encode("utf-8"))
    return File.generated(config, path, abs_src_path=str(target))


class MarkdownOf(Mapping[str, str]):
    """{source: Markdown} of the generated pages, read from MkDocs' files when asked (the finishing step reads a
    few titles)."""

    def __init__(self, files: Mapping[str, File]) -> None:
        self._files = files

    def __getitem__(self, path: str) -> str:
        return self._files[path].content_string

    def __iter__(self) -> Iterator[str]:
        return iter(self._files)

    def __len__(self) -> int:
        return len(self._files)
