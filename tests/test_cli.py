"""The command line: `render` writes every generated file, `--data X build` builds X, and the writer
removes only what it wrote itself."""

from __future__ import annotations

import subprocess
import sys

import pytest

from edition.paths import ROOT
from edition.write import MANIFEST, write_files

from .helpers import MINIMAL


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "edition", *args], capture_output=True, text=True, cwd=ROOT)


@pytest.mark.slow  # a whole render in a subprocess, which starts node for citeproc-js
def test_render_writes_a_docs_folder_an_engine_builds(tmp_path):
    out = tmp_path / "out"
    result = run("--data", str(MINIMAL), "render", str(out))
    assert result.returncode == 0, result.stderr
    written = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()} - {MANIFEST}
    assert {
        "docs/index.md",
        "docs/sections/i.md",
        "docs/cite/i.md",
        "docs/cite/proposals.md",
        "docs/downloads/references.bib",
        "docs/downloads/schema/sections.schema.json",
        "docs/robots.txt",
        "docs/stylesheets/edition.css",
        "docs/assets/og-image.png",
        "overrides/main.html",
        "nav.yml",
        "mkdocs.yml",
    } <= written
    assert "docs/sections/ii.md" not in written  # the minimal edition has one section
    assert not any(path.startswith("docs/overrides/") for path in written)  # templates are not published
    assert result.stdout == f"wrote {len(written)} files to {out}\n"


def test_writer_removes_its_own_stale_files_only(tmp_path):
    out = tmp_path / "out"
    write_files({"a.md": "A", "downloads/x.csv": "x\n", "downloads/deep/y.json": "{}"}, out)
    (out / "notes.md").write_text("mine", encoding="utf-8")
    (out / "downloads" / "kept.txt").write_text("mine", encoding="utf-8")
    assert write_files({"a.md": "A2"}, out) == 1
    left = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert left == [MANIFEST, "a.md", "downloads/kept.txt", "notes.md"]
    assert (out / "a.md").read_text(encoding="utf-8") == "A2"
    assert not (out / "downloads" / "deep").exists()  # emptied by the removal, so removed too


def test_writer_ignores_manifest_entries_outside_its_folder(tmp_path):
    out = tmp_path / "out"
    outside = tmp_path / "precious.md"
    outside.write_text("keep", encoding="utf-8")
    out.mkdir()
    (out / MANIFEST).write_text("../precious.md\n", encoding="utf-8")
    write_files({"a.md": "A"}, out)
    assert outside.read_text(encoding="utf-8") == "keep"


def test_writer_refuses_a_path_outside_its_folder(tmp_path):
    with pytest.raises(ValueError, match="outside the output folder"):
        write_files({"../escaped.md": "x"}, tmp_path / "out")
    assert not (tmp_path / "escaped.md").exists()


@pytest.mark.slow
def test_build_with_data_builds_that_data(tmp_path):
    site = tmp_path / "site"
    result = run("--data", str(MINIMAL), "build", "--site-dir", str(site))
    assert result.returncode == 0, result.stderr
    sections = sorted(p.name for p in (site / "sections").iterdir())
    assert sections == ["i"]  # the real data/ has seven
