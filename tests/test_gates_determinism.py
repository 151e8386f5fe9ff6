"""Determinism gate: two builds from the same input give byte-identical files.

The one documented exception: sitemap.xml and sitemap.xml.gz carry the build date (`<lastmod>`, and the
gzip header's time), so builds on different days differ there and nowhere else. Setting
SOURCE_DATE_EPOCH pins that date too, which makes the whole site reproducible.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import build_site

pytestmark = pytest.mark.slow  # builds the site three times

DATE_DEPENDENT = {"sitemap.xml", "sitemap.xml.gz"}


def files_of(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def differing(a: dict[str, bytes], b: dict[str, bytes]) -> set[str]:
    return {name for name in a.keys() | b.keys() if a.get(name) != b.get(name)}


PINNED = {"SOURCE_DATE_EPOCH": "1741737600"}


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[str, dict[str, bytes]]:
    """Three builds made back to back: two with the build date pinned, one with today's."""
    root = tmp_path_factory.mktemp("determinism")
    out = {}
    for name, env in (("pinned", PINNED), ("pinned_again", PINNED), ("today", None)):
        result = build_site(root / name, extra_env=env)
        assert result.returncode == 0, result.stdout + result.stderr
        out[name] = files_of(root / name)
    return out


def test_two_builds_are_byte_identical(builds):
    # Both pinned to one build date, so that a pair of builds crossing midnight cannot fail the test.
    assert len(builds["pinned"]) > 50
    assert differing(builds["pinned"], builds["pinned_again"]) == set()


def test_only_the_sitemap_depends_on_the_build_date(builds):
    assert differing(builds["today"], builds["pinned"]) == DATE_DEPENDENT
