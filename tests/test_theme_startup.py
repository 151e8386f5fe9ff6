"""What Material does to a page when it loads (issue 16): with `content.tooltips` it mounts a script tooltip on every
element with a `title` in the content, so only what a reader hovers for its words has one (abbreviations, the
editor's query and correction marks, in-text citations, the print and PDF buttons). The headings' permalinks are
named by aria-label instead (finish.labelled_permalinks). Its cost is measured by `make bench` (README, Performance)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from edition import finish

# Elements of the content that keep a title, and so a tooltip: their words are what a reader hovers them for.
TITLED = {("abbr", ""), ("a", "query-mark"), ("a", "erratum-mark"), ("a", "cite-ref"), ("a", "md-content__button")}


def test_permalinks_are_named_by_aria_label_once():
    page = b'<h2 id="x">X<a class="headerlink" href="#x">#</a></h2><a class="other" href="#x">#</a>'
    labelled = finish.labelled_permalinks(page)
    assert labelled == (
        b'<h2 id="x">X<a class="headerlink" href="#x" aria-label="Link to this heading">#</a></h2>'
        b'<a class="other" href="#x">#</a>'
    )
    assert finish.labelled_permalinks(labelled) == labelled


@pytest.mark.slow  # reads the built site
def test_only_what_a_reader_hovers_for_its_words_has_a_title(built_site: Path):
    permalinks = 0
    for page in sorted(built_site.rglob("*.html")):
        relative = page.relative_to(built_site).as_posix()
        content = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one(
            "[data-md-component=content]"
        )
        if content is None:
            continue
        for link in content.select("a.headerlink"):
            assert not link.has_attr("title") and link["aria-label"] == finish.PERMALINK_LABEL, relative
            permalinks += 1
        titled = {(element.name, (element.get("class") or [""])[0]) for element in content.select("[title]")}
        assert titled <= TITLED, (relative, titled - TITLED)
    assert permalinks > 100
