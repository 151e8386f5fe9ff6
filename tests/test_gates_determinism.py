"""Determinism gate: two builds from the same input give byte-identical files.

The one documented exception: sitemap.xml and sitemap.xml.gz carry the build date (`<lastmod>`, and the
gzip header's time), so builds on different days differ there and nowhere else. Setting
SOURCE_DATE_EPOCH pins that date too, which makes the whole site reproducible.
"""

from __future__ import annotations

from pathlib import Path

from .conftest import build_site

DATE_DEPENDENT = {"sitemap.xml", "sitemap.xml.gz"}


def files_of(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def differing(a: dict[str, bytes], b: dict[str, bytes]) -> set[str]:
    return {name for name in a.keys() | b.keys() if a.get(name) != b.get(name)}


def built(tmp_path: Path, name: str, env: dict | None = None) -> dict[str, bytes]:
    result = build_site(tmp_path / name, extra_env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return files_of(tmp_path / name)


def test_two_builds_are_byte_identical(tmp_path):
    # The same pinned build date for both, so that a build crossing midnight cannot fail the test.
    first = built(tmp_path, "first", {"SOURCE_DATE_EPOCH": "1741737600"})
    second = built(tmp_path, "second", {"SOURCE_DATE_EPOCH": "1741737600"})
    assert len(first) > 50
    assert differing(first, second) == set()


def test_only_the_sitemap_depends_on_the_build_date(tmp_path, built_site):
    pinned = built(tmp_path, "pinned", {"SOURCE_DATE_EPOCH": "1741737600"})
    assert differing(files_of(built_site), pinned) == DATE_DEPENDENT
