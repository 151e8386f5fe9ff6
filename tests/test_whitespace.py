"""The templates' indentation taken out of the built pages (edition/whitespace.py): the same page to a reader.

The proof is on the real theme's output: the generated docs folder built by MkDocs without the finishing step
(the pages as the engine writes them), each page against itself collapsed: the same elements with the same
attributes, the same text once white space is normalised, and the same text, to the byte, inside every element
whose white space shows. The built site's pages are collapsed already (the finishing step does it, 404.html too).
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from edition import whitespace
from edition.docs_folder import CONFIG_FILE, project, read_config
from edition.write import write_files

from .helpers import html_files


def test_a_run_of_white_space_with_a_line_break_becomes_the_line_break():
    page = b"<ul>\n    <li>One  \n\n      two</li>\n  \t<li>three</li> <li>four</li>\n</ul>\n"
    assert whitespace.collapse(page) == b"<ul>\n<li>One\ntwo</li>\n<li>three</li> <li>four</li>\n</ul>\n"


def test_what_shows_its_white_space_or_is_not_text_is_kept_whole():
    kept = [
        b'<pre class="cite-text">@report{lee2025,\n  title = {x},\n}</pre>',
        b"<pre><code>a\n    b</code></pre>",
        b"<code>a\n    b</code>",
        b"<KBD>a\n    b</KBD>",
        b"<textarea>\n    x</textarea>",
        b'<script>\n    if (a < b) x("</p>\\n  ");\n  </script>',
        b'<script type="application/ld+json">{\n    "a": 1\n  }</script>',
        b"<style>\n    a { color: red }\n  </style>",
        b"<title>\n    Method\n  </title>",
        b'<svg><text x="1">a\n    b</text></svg>',
        b"<!-- a\n    b -->",
        b'<a title="one\n    two" href="#x">',
        b'<img alt="a > b\n    c">',
        b"<span data-x='\n    '>",
    ]
    for element in kept:
        page = b"<p>\n  " + element + b"\n  </p>"
        assert whitespace.collapse(page) == b"<p>\n" + element + b"\n</p>", element


def test_collapsing_twice_changes_nothing_and_a_page_without_indentation_is_left_alone():
    page = b"<div>\n    <p>a\n      <code>x\n  y</code>\n    </p>\n  </div>"
    once = whitespace.collapse(page)
    assert once == b"<div>\n<p>a\n<code>x\n  y</code>\n</p>\n</div>"
    assert whitespace.collapse(once) == once
    assert whitespace.collapse(b"<p>a b</p>\n") == b"<p>a b</p>\n"


def _elements(page: BeautifulSoup) -> list[tuple[str, list[tuple[str, str]]]]:
    return [
        (el.name, sorted((k, " ".join(v) if isinstance(v, list) else v) for k, v in el.attrs.items()))
        for el in page.find_all(True)
    ]


# Where white space shows (the theme's `.md-typeset code, kbd, pre { white-space: pre-wrap }`, the edition's
# `pre.cite-text`, a textarea's value, SVG text) or is not the page's text: the test's own list, not the module's.
SHOWN_AS_WRITTEN = ["pre", "code", "kbd", "textarea", "text", "script", "style", "title"]


def _kept_texts(page: BeautifulSoup) -> list[str]:
    return [el.get_text() for el in page.find_all(SHOWN_AS_WRITTEN)]


@pytest.fixture(scope="module")
def engine_output(tmp_path_factory, edition) -> Path:
    """The generated docs folder built by MkDocs as any engine builds it: no hook, so no finishing step."""
    work = tmp_path_factory.mktemp("engine-output")
    write_files(project(edition, read_config()), work)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(work / CONFIG_FILE), "-d", "site"]
    subprocess.run(command, cwd=work, env=env, check=True)
    return work / "site"


@pytest.mark.slow  # builds the docs folder with MkDocs
def test_every_page_shows_the_same_text_with_the_same_elements_and_attributes(engine_output: Path):
    pages = html_files(engine_output)
    assert len(pages) > 100
    before_total = after_total = indented = 0
    for file in pages:
        relative = file.relative_to(engine_output).as_posix()
        original = file.read_bytes()
        collapsed = whitespace.collapse(original)
        before, after = BeautifulSoup(original, "html.parser"), BeautifulSoup(collapsed, "html.parser")
        assert _elements(after) == _elements(before), relative
        assert _kept_texts(after) == _kept_texts(before), relative
        assert after.get_text().split() == before.get_text().split(), relative
        indented += sum("\n " in text for text in _kept_texts(before))
        before_total += len(gzip.compress(original, 6))
        after_total += len(gzip.compress(collapsed, 6))
    # The pages have such elements with indented lines (the BibTeX and RIS of the cite pages, the JSON-LD).
    assert indented > 20
    # It takes out what it is there for: the indentation, about 0.4 KB compressed of every page.
    assert before_total - after_total > 0.3e3 * len(pages)


@pytest.mark.slow  # reads the built site
def test_the_built_pages_are_collapsed_the_404_page_too(built_site: Path):
    pages = html_files(built_site)
    assert built_site / "404.html" in pages
    for file in pages:
        assert whitespace.collapse(file.read_bytes()) == file.read_bytes(), file.relative_to(built_site).as_posix()
