"""Generated files compared with committed golden files. `make golden` rewrites them; review the diff.

Every page is covered (the cite pages included) and a few downloads, from the minimal fixture.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from edition.render import render_site
from edition.validate import check

from .helpers import MINIMAL

GOLDEN = Path(__file__).parent / "golden"
# The cite pages carry exact URLs; a reserved domain stands for the published address.
GOLDEN_SITE_URL = "https://edition.example/"
# Downloads whose writers are the project's own code around a library; the schemas and edition.json follow
# the records and are read back by tests/test_downloads.py instead.
DOWNLOADS = ("downloads/references.bib", "downloads/references.ris", "downloads/proposals.csv")


def generated() -> dict[str, str]:
    return render_site(check(MINIMAL), True, GOLDEN_SITE_URL)


@pytest.fixture(scope="module")
def files():
    return generated()


def golden_names() -> list[str]:
    return sorted(name for name in generated() if name.endswith(".md") or name in DOWNLOADS)


def test_golden_files_include_cite_pages_and_downloads():
    names = golden_names()
    assert {"cite/index.md", "cite/i.md", "cite/proposals.md"} <= set(names)
    assert set(DOWNLOADS) <= set(names)


@pytest.mark.parametrize("name", golden_names())
def test_generated_file_matches_golden(files, name, request):
    golden = GOLDEN / name
    if request.config.getoption("--update-golden"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(files[name], encoding="utf-8")
    assert golden.exists(), f"no golden file for {name}: run `make golden`"
    assert files[name] == golden.read_text(encoding="utf-8")


def test_no_stale_golden_files():
    stale = sorted(p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*") if p.is_file())
    assert [name for name in stale if name not in golden_names()] == []
