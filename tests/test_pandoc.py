"""Exports another processor reads the same way: pandoc's citeproc (Debian's pandoc, `make test` installs it)
renders downloads/references.json with the same CSL style as the references page, and gives the same ten
entries, italics and a/b/c letters on the same works."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from bs4 import BeautifulSoup

from edition import urls
from edition.cite_styles import REFERENCE_STYLE
from edition.csl_engine import style_path

pytestmark = pytest.mark.slow

NOCITE_ALL = "---\nnocite: '@*'\n---\n"


def pandoc_entries(bibliography) -> dict[str, BeautifulSoup]:
    if shutil.which("pandoc") is None:
        pytest.fail("pandoc is missing: run `make test`, which installs Debian's pandoc")
    result = subprocess.run(
        [
            "pandoc",
            "--citeproc",
            "--csl",
            style_path(REFERENCE_STYLE),
            "--bibliography",
            str(bibliography),
            "-f",
            "markdown",
            "-t",
            "html",
            "--wrap=none",
        ],
        input=NOCITE_ALL,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    page = BeautifulSoup(result.stdout, "html.parser")
    return {div["id"].removeprefix("ref-"): div for div in page.select("div.csl-entry")}


def text(element) -> str:
    return re.sub(r"\s+", " ", element.get_text()).strip()


def italics(element) -> list[str]:
    return [text(part) for part in element.select("i, em")]


def test_pandoc_gives_the_references_page_entries(built_site, edition):
    theirs = pandoc_entries(built_site / urls.DOWNLOADS_DIR / "references.json")
    page = BeautifulSoup(
        (built_site / urls.page_url(urls.REFERENCES) / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    ours = {ref.id: page.select_one(f"#{urls.reference_anchor(ref.id)} .reference-entry") for ref in edition.references}
    assert sorted(theirs) == sorted(ours) and len(ours) == 10
    for ref_id, entry in ours.items():
        assert text(theirs[ref_id]) == text(entry), ref_id
        assert italics(theirs[ref_id]) == italics(entry), ref_id


def test_pandoc_letters_the_same_works_as_the_references_page(built_site, edition):
    theirs = pandoc_entries(built_site / urls.DOWNLOADS_DIR / "references.json")
    page = BeautifulSoup(
        (built_site / urls.page_url(urls.REFERENCES) / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    letter = re.compile(r"\b\d{4}[a-z]\b")
    lettered = {}
    for ref in edition.references:
        ours = letter.findall(text(page.select_one(f"#{urls.reference_anchor(ref.id)} .reference-entry")))
        assert letter.findall(text(theirs[ref.id])) == ours, ref.id
        if ours:
            lettered[ref.id] = ours[0]
    # The three works of the Office of the President in 2023 are the only ones lettered, each once.
    assert sorted(lettered) == [f"office-of-the-president-2023{x}" for x in "abc"]
    assert sorted(lettered.values()) == ["2023a", "2023b", "2023c"]


def test_the_data_page_says_where_the_papers_letters_are(built_site):
    page = BeautifulSoup(
        (built_site / urls.page_url(urls.CITE) / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    note = text(page.select_one("#letters"))
    assert "ignore letters given in the data" in note
    assert (
        "office-of-the-president-2023a" in note
        and "Listed in the paper’s references as Office of the President 2023a" in note
    )
