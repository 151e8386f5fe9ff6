"""What Material does to a page when it loads (issue 16): with `content.tooltips` it mounts a script tooltip on every
element with a `title` in the content, so only what a reader hovers for its words has one (abbreviations, the
editor's query and correction marks, in-text citations, the print and PDF buttons). The headings' permalinks are
named by aria-label instead (finish.labelled_permalinks). Its cost is measured by `make bench` (README, Performance)."""

from __future__ import annotations

import subprocess
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


@pytest.mark.parametrize("path", finish.PAGE_SCRIPTS, ids=lambda path: path.name)
def test_a_compacted_page_script_is_the_same_program(path: Path, tmp_path: Path):
    """Comment lines and indentation go; the program stays: node parses the result, and only comment lines and
    blank lines were left out."""
    text = path.read_text(encoding="utf-8")
    compact = finish.compact_script(text)
    assert len(compact) < len(text) * 0.8
    (tmp_path / path.name).write_text(compact, encoding="utf-8")
    subprocess.run(["node", "--check", str(tmp_path / path.name)], check=True)
    kept = [line.strip() for line in text.splitlines() if line.strip() and not line.strip().startswith("//")]
    assert compact.splitlines() == kept


def test_pages_carry_the_scripts_compacted():
    written = {
        f"<script>{path.read_text(encoding='utf-8').removesuffix(chr(10))}</script>" for path in finish.PAGE_SCRIPTS
    }
    page = ("<body>" + "".join(sorted(written)) + "</body>").encode()
    compacted = finish.compact_page_scripts(page, finish.page_scripts())
    assert all(script.encode() not in compacted for script in written)
    assert len(compacted) < len(page) * 0.8
