"""Bad input gives messages a person can act on: file:line:column, field, expected and found."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from edition.errors import DataErrors
from edition.paths import ROOT
from edition.validate import check

from .conftest import build_site

MINIMAL = Path(__file__).parent / "fixtures" / "minimal"


def broken(tmp_path: Path, file: str, old: str | bytes, new: str | bytes) -> Path:
    """A copy of the minimal edition with one replacement made in one file."""
    data = tmp_path / "data"
    shutil.copytree(MINIMAL, data)
    path = data / file
    if isinstance(old, bytes):
        content = path.read_bytes()
        assert old in content
        path.write_bytes(content.replace(old, new, 1))
    else:
        content = path.read_text(encoding="utf-8")
        assert old in content, f"fixture changed: {old!r} not in {file}"
        path.write_text(content.replace(old, new, 1), encoding="utf-8")
    return data


def report(data: Path) -> str:
    with pytest.raises(DataErrors) as caught:
        check(data)
    return caught.value.report()


def test_minimal_fixture_is_valid():
    assert check(MINIMAL).paragraphs[1].id == "p2"


CASES = {
    "sentence-case-title-with-other-words": (
        "paper.yml",
        "title_source_line: 1\n",
        'title_source_line: 1\ntitle_sentence_case: "Minimal report"\n',
        "data/paper.yml:4:22: title_sentence_case: expected the title with only its capitals changed, "
        "found 'Minimal report'\n"
        "1 error in data/; nothing was built.",
    ),
    "yaml-syntax": (
        "proposals.yml",
        'title: "Stockpile"',
        'title: "Stockpile',
        "data/proposals.yml:5:17: YAML syntax error: did not find expected key "
        "(while parsing a block mapping that starts at line 3)\n"
        "1 error in data/; nothing was built.",
    ),
    "missing-field": (
        "proposals.yml",
        '    statement: "Stockpile together."\n',
        "",
        "data/proposals.yml:3:5: proposals[0].statement: missing required field 'statement' (text)\n"
        "1 error in data/; nothing was built.",
    ),
    "unknown-field": (
        "challenges.yml",
        'summary: "Supplies may fail."',
        'sumary: "Supplies may fail."',
        "data/challenges.yml:2:5: challenges[0].summary: missing required field 'summary' (text)\n"
        "data/challenges.yml:4:5: challenges[0].sumary: unknown field 'sumary'; expected one of: "
        "id, title, summary, sources, quotes, general; did you mean 'summary'?\n"
        "2 errors in data/; nothing was built.",
    ),
    "wrong-type": (
        "sections/i.yml",
        "    number: 2\n",
        '    number: "two"\n',
        "data/sections/i.yml:11:13: paragraphs[1].number: expected a whole number, found text ('two')\n"
        "1 error in data/; nothing was built.",
    ),
    "duplicate-id": (
        "sections/i.yml",
        "  - id: p2\n",
        "  - id: p1\n",
        "data/sections/i.yml:10:9: paragraphs[1].id: duplicate id 'p1': already used at data/sections/i.yml:6:9; "
        "every id must be unique\n"
        "1 error in data/; nothing was built.",
    ),
    "dangling-reference": (
        "proposals.yml",
        "area: supply-chain-stability",
        "area: supply-chain-stabilty",
        "data/proposals.yml:6:11: proposals[0].area: expected the id of a cooperation area in data/areas.yml, "
        "found 'supply-chain-stabilty', which does not exist; did you mean 'supply-chain-stability'?\n"
        "1 error in data/; nothing was built.",
    ),
    "empty-text": (
        "actors.yml",
        'summary: "A country."',
        'summary: ""',
        "data/actors.yml:5:14: actors[0].summary: expected non-empty text, found empty text\n"
        "1 error in data/; nothing was built.",
    ),
    "not-utf8": (
        "challenges.yml",
        b"Supplies may fail.",
        b"Supplies may f\xe4il.",
        "data/challenges.yml:4:29: expected UTF-8 text, found byte 0xe4 that is not valid UTF-8; "
        "save the file as UTF-8\n"
        "1 error in data/; nothing was built.",
    ),
    "text-edited-instead-of-errata": (
        "sections/i.yml",
        "about the ROK and trade.",
        "about the ROK and commerce.",
        "data/sections/i.yml:9:11: paragraphs[0].text: expected the exact words of source line 4, found different "
        "text; corrections belong in data/errata.yml, the text stays as the source prints it\n"
        "1 error in data/; nothing was built.",
    ),
    "duplicate-yaml-key": (
        "actors.yml",
        "    kind: country\n",
        "    kind: country\n    kind: person\n",
        "data/actors.yml:5:5: kind: duplicate key 'kind': it was already set at line 4; "
        "YAML would silently keep only the last value\n"
        "1 error in data/; nothing was built.",
    ),
    "quote-not-in-paragraph": (
        "proposals.yml",
        'text: "Second paragraph on supply chains."',
        'text: "Second paragraphs on supply chains."',
        "data/proposals.yml:14:15: proposals[0].quotes[0].text: expected the exact words of ¶2 (p2) as printed, "
        "found words that are not there: 'Second paragraphs on supply chains.'\n"
        "1 error in data/; nothing was built.",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_error_message(tmp_path, case):
    file, old, new, expected = CASES[case]
    assert report(broken(tmp_path, file, old, new)) == expected


def test_every_error_is_reported_in_one_run(tmp_path):
    data = broken(tmp_path, "actors.yml", 'summary: "A country."', 'summary: ""')
    path = data / "proposals.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("area: supply-chain-stability", "area: nowhere"), encoding="utf-8")
    assert report(data) == (
        "data/actors.yml:5:14: actors[0].summary: expected non-empty text, found empty text\n"
        "data/proposals.yml:6:11: proposals[0].area: expected the id of a cooperation area in data/areas.yml, "
        "found 'nowhere', which does not exist\n"
        "2 errors in data/; nothing was built."
    )


def test_cli_exits_1_without_traceback(tmp_path):
    data = broken(tmp_path, "proposals.yml", "area: supply-chain-stability", "area: nowhere")
    result = subprocess.run(
        [sys.executable, "-m", "edition", "--data", str(data), "check"], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("data/proposals.yml:6:11: proposals[0].area: expected the id of a cooperation area")


def test_failed_build_keeps_the_last_good_site(tmp_path):
    site = tmp_path / "site"
    assert build_site(site, MINIMAL).returncode == 0
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    data = broken(tmp_path, "proposals.yml", "area: supply-chain-stability", "area: nowhere")
    result = build_site(site, data)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Traceback" not in output
    assert "data/proposals.yml:6:11: proposals[0].area" in output
    after = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before


def test_figure_placement_is_checked_even_when_errata_file_is_broken(tmp_path):
    # The text's checks need only the text's files; a broken errata.yml must not hide a wrong `after`.
    data = broken(tmp_path, "figures.yml", "after: p1", "after: p11")
    path = data / "errata.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("errata:", "errata: 5\nextra:", 1), encoding="utf-8")
    assert report(data) == (
        "data/errata.yml:1:9: errata: expected a list, found a number (5)\n"
        "data/errata.yml:2:1: extra: unknown field 'extra'; expected one of: errata, queries, withdrawn\n"
        "data/figures.yml:5:12: figures[0].after: expected the id of a paragraph, found 'p11', which does not exist; "
        "did you mean 'p1'?\n"
        "3 errors in data/; nothing was built."
    )
