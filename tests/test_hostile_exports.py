"""Escaping at each writer's boundary, pinned with values no real data holds: whatever rewrites a writer
must keep these."""

from __future__ import annotations

import csv
import io
import json

import bibtexparser
import markdown
import pytest
import rispy
from bs4 import BeautifulSoup

from edition import csl_engine
from edition.escape import md_attr, script_json
from edition.export import bibtex, ris, tables

HOSTILE = 'A {b} } \\input{/etc/passwd} 50% R&D #1 $x_y^2~ <script>alert(1)</script> "q"'


def test_csv_cells_that_a_spreadsheet_would_run_get_an_apostrophe():
    text = tables._csv(
        ["a", "b", "c"], [["=HYPERLINK(\"x\")", "+cmd|' /C calc'!A0", "-2+3"], ["@SUM(A1)", "\tx", "ok = fine"]]
    )
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1:] == [["'=HYPERLINK(\"x\")", "'+cmd|' /C calc'!A0", "'-2+3"], ["'@SUM(A1)", "'\tx", "ok = fine"]]


def test_bibtex_values_keep_balanced_braces_and_run_no_command():
    entry = bibtex.entry(
        {
            "id": "x",
            "type": "report",
            "title": HOSTILE,
            "author": [{"literal": "Org } x"}],
            "URL": "https://example.org/a_b",
        },
        "k",
        "note\nTY  - X",
    )
    text = bibtex.dumps([entry])
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == []
    fields = library.entries[0].fields_dict
    title = fields["title"].value
    assert title == (
        "{A \\textbraceleft{}b\\textbraceright{} \\textbraceright{} \\textbackslash{}input\\textbraceleft{}/etc/passwd"
        "\\textbraceright{} 50\\% R\\&D \\#1 \\$x\\_y\\textasciicircum{}2\\textasciitilde{} <script>alert(1)</script> \"q\"}"
    )
    assert "\\input{" not in text
    assert fields["url"].value == "https://example.org/a_b"  # verbatim, as BibLaTeX reads URLs
    assert fields["note"].value == "note TY  - X"


def test_ris_values_stay_on_their_line():
    text = ris.dumps([ris.record({"type": "report", "title": "T\nER  - \nTY  - JOUR", "URL": "https://example.org/"})])
    assert [line for line in text.splitlines() if line.startswith(("TY", "ER"))] == ["TY  - RPRT", "ER  - "]
    assert rispy.loads(text)[0]["title"] == "T ER  -  TY  - JOUR"


def test_json_in_a_script_element_cannot_close_it():
    data = {"name": "</script><script>alert(1)</script> <!-- & -->"}
    text = script_json(data)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == data


def test_an_attribute_on_a_markdown_line_stays_one_attribute():
    value = 'a "q" [link](javascript:alert(1)) *em* {: onclick=alert(2) } <b> & \\ `c`'
    html = markdown.markdown(
        f'# T <a title="{md_attr(value)}">x</a> {{#t data-toc-label="{md_attr(value)}"}}',
        extensions=["attr_list", "md_in_html", "toc"],
    )
    heading = BeautifulSoup(html, "html.parser").h1
    assert heading["id"] == "t"
    link = heading.a
    assert link.attrs == {"title": value}


@pytest.mark.slow  # starts the CSL engine (node) for its own item
def test_the_csl_engine_formats_no_markup_from_data():
    item = {
        "id": "x",
        "type": "report",
        "title": "T <b>bold</b> <i>it</i> <sc>sc</sc> <script>x</script>",
        "author": [{"family": "Doe", "given": "J"}],
        "issued": {"date-parts": [[2020]]},
    }
    entry = csl_engine.run([csl_engine.job("chicago", [item])])[0]["bibliography"]["x"]
    tags = [element.name for element in BeautifulSoup(entry, "html.parser").find_all(True)]
    assert tags == ["div", "i"]  # the entry and the style's own italic title
    # As text (Chicago's headline case capitalises after the "/": "</B>").
    text = BeautifulSoup(entry, "html.parser").get_text().lower()
    assert "<b>bold</b> <i>it</i> <sc>sc</sc> <script>x</script>" in text
