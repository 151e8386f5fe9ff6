"""Rendered Markdown compared with committed golden files. `make golden` rewrites them; review the diff."""

from __future__ import annotations

from pathlib import Path

import pytest

from edition.render import render_site
from edition.validate import check

MINIMAL = Path(__file__).parent / "fixtures" / "minimal"
GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="module")
def pages():
    return render_site(check(MINIMAL))


def golden_names() -> list[str]:
    return sorted(render_site(check(MINIMAL)))


@pytest.mark.parametrize("name", golden_names())
def test_rendered_page_matches_golden(pages, name, request):
    golden = GOLDEN / name
    if request.config.getoption("--update-golden"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(pages[name], encoding="utf-8")
    assert golden.exists(), f"no golden file for {name}: run `make golden`"
    assert pages[name] == golden.read_text(encoding="utf-8")


def test_no_stale_golden_files(pages):
    stale = sorted(p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.md"))
    assert [name for name in stale if name not in pages] == []
