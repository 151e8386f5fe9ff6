"""Links gate: every internal link and every #fragment in the built site resolves to a page and an element."""

from __future__ import annotations

import pytest

from .helpers import broken_links, html_files


@pytest.mark.slow
def test_every_internal_link_and_fragment_resolves(built_site):
    assert len(html_files(built_site)) > 10
    problems = broken_links(built_site)
    assert problems == [], "\n".join(problems)


def test_the_checker_finds_a_missing_page_and_a_missing_anchor(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<a href="a/#here">ok</a> <a href="a/#gone">bad anchor</a> <a href="b/">bad page</a>', encoding="utf-8"
    )
    (tmp_path / "a" / "index.html").write_text('<p id="here">x</p>', encoding="utf-8")
    assert broken_links(tmp_path) == [
        "/: 'a/#gone' → no element with id 'gone'",
        "/: 'b/' → no page at /b/",
    ]
