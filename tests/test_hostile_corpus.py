"""The adversarial corpus: one case per attack on data/ (issue 12), each with the exact report it must give.

Each case is a copy of the minimal edition with one change; `make check` must stop it with a
file:line:column message and exit 1. The attacks that pass the checks on purpose (markup in titles and
summaries) are in test_hostile_site.py, which proves they reach the page as inert text.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from edition import cli, limits, published, render, safety
from edition.model import Edition
from edition.paths import DATA_DIR, ROOT
from edition.validate import check
from edition.write import write_files

from .helpers import MINIMAL, report


def render_site(edition) -> dict[str, str]:
    """Every generated file, as the site build makes them."""
    return render.render_site(edition, True, "http://127.0.0.1:8000/")


END = "1 error in data/; nothing was built."
ID_RULE = (
    "expected an id (lowercase ASCII letters, digits and single hyphens, starting with a letter, at most 64 characters)"
)

# Nine aliases of nine aliases …, six levels deep: 9^6 values from a few hundred bytes.
ALIAS_LEVELS = "x0: &a0 [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"x{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 9) + "]\n" for level in range(1, 7)
)

# The replacement text, or a function of the text it replaces; None removes the file.
Edit = str | Callable[[str], str] | None

# name: (file, text to replace, replacement, the exact report)
CASES: dict[str, tuple[str, str, Edit, str]] = {
    # --- attributes through ids -----------------------------------------------------------------
    "id-with-attribute": (
        "proposals.yml",
        "id: stockpile",
        "id: x onclick=alert(1)",
        f"data/proposals.yml:3:10: proposals[0].id: {ID_RULE}, found 'x onclick=alert(1)': character 2 is a space; "
        f"did you mean 'x-onclick-alert-1'?\n{END}",
    ),
    "id-closing-the-attribute": (
        "glossary.yml",
        "id: rok",
        """id: 'rok" onmouseover="alert(1)'""",
        f"""data/glossary.yml:2:13: terms[0].id: {ID_RULE}, found 'rok" onmouseover="alert(1)': character 4 is '"'; """
        f"did you mean 'rok-onmouseover-alert-1'?\n{END}",
    ),
    "paragraph-id-closing-the-attribute": (
        "sections/i.yml",
        "id: p1",
        """id: 'p1" onmouseover=alert(1)'""",
        "data/figures.yml:5:12: figures[0].after: expected the id of a paragraph, found 'p1', which does not exist\n"
        f"""data/sections/i.yml:6:12: paragraphs[0].id: {ID_RULE}, found 'p1" onmouseover=alert(1)': character 3 """
        "is '\"'; did you mean 'p1-onmouseover-alert-1'?\n"
        "2 errors in data/; nothing was built.",
    ),
    # --- writes outside the output folder, and pages that replace the site's own -----------------
    "id-climbing-out": (
        "proposals.yml",
        "id: stockpile",
        "id: ../../../x/pwn",
        f"data/proposals.yml:3:9: proposals[0].id: {ID_RULE}, found '../../../x/pwn': character 1 is '.'; "
        f"did you mean 'x-pwn'?\n{END}",
    ),
    "id-making-a-folder": (
        "proposals.yml",
        "id: stockpile",
        "id: sub/dir",
        f"data/proposals.yml:3:12: proposals[0].id: {ID_RULE}, found 'sub/dir': character 4 is '/'; "
        f"did you mean 'sub-dir'?\n{END}",
    ),
    "id-replacing-the-index": (
        "proposals.yml",
        "id: stockpile",
        "id: index",
        "data/proposals.yml:3:9: proposals[0].id: expected an id the site does not use itself, found 'index', which "
        "names one of the site's own pages or folders; reserved: about, actors, areas, by-actor, by-area, by-challenge, "
        "by-class, by-horizon, by-three-p, challenges, changelog, cite, downloads, glossary, index, map, matrix, method, "
        f"print, proposals, references, sections, timeline\n{END}",
    ),
    "id-naming-a-windows-device": (
        "proposals.yml",
        "id: stockpile",
        "id: nul",
        f"data/proposals.yml:3:9: proposals[0].id: {ID_RULE}, found 'nul': it is a device name on Windows, which can "
        f"hold no file or folder of that name\n{END}",
    ),
    # --- look-alike and invisible characters ------------------------------------------------------
    "zero-width-space-in-id": (
        "proposals.yml",
        "id: stockpile",
        'id: "stockpile\\u200b"',
        f"data/proposals.yml:3:19: proposals[0].id: {ID_RULE}, found 'stockpile<U+200B>': character 10 is "
        f"U+200B ZERO WIDTH SPACE; did you mean 'stockpile'?\n{END}",
    ),
    "right-to-left-override-in-title": (
        "proposals.yml",
        'title: "Stockpile"',
        'title: "Stock\\u202epile"',
        "data/proposals.yml:4:18: proposals[0].title: expected visible text, found U+202E RIGHT-TO-LEFT OVERRIDE at "
        f"character 6: a bidirectional control, which reorders the text a reader sees; remove it\n{END}",
    ),
    "zero-width-space-in-summary": (
        "challenges.yml",
        'summary: "Supplies may fail."',
        'summary: "Supplies\\u200b may fail."',
        "data/challenges.yml:4:23: challenges[0].summary: expected visible text, found U+200B ZERO WIDTH SPACE at "
        f"character 9: an invisible character; remove it\n{END}",
    ),
    "hangul-filler-in-name": (
        "actors.yml",
        'name: "Republic of Korea"',
        'name: "Republic of\\u3164Korea"',
        "data/actors.yml:3:23: actors[0].name: expected visible text, found U+3164 HANGUL FILLER at character 12: "
        f"an invisible character; remove it\n{END}",
    ),
    "control-character-in-definition": (
        "glossary.yml",
        'definition: "South Korea."',
        'definition: "South\\x07 Korea."',
        "data/glossary.yml:7:23: terms[0].definition: expected visible text, found U+0007 at character 6: a control "
        f"character; remove it\n{END}",
    ),
    # --- a newline in a title ----------------------------------------------------------------------
    "newline-in-title": (
        "proposals.yml",
        'title: "Stockpile"',
        'title: "Stockpile\\n{: onclick=alert(1) }"',
        "data/proposals.yml:4:22: proposals[0].title: expected one line (a title, name or label is one line), found a "
        f"line break at character 10; write it on one line\n{END}",
    ),
    # --- resource blow-ups ---------------------------------------------------------------------------
    "alias-as-key": (
        "proposals.yml",
        "proposal_paragraphs: [p2]",
        ALIAS_LEVELS + "proposal_paragraphs: [p2]\nx7:\n  *a6 : 1",
        "data/proposals.yml:5:10: x4[0]: expected aliases to repeat at most 10,000 values in one file, found more by "
        f"the alias *a3; write the values out instead\n{END}",
    ),
    "small-alias-as-key": (
        "proposals.yml",
        "proposal_paragraphs: [p2]",
        "proposal_paragraphs: &pp [p2]\nx: {*pp : 1}",
        "data/proposals.yml:2:5: x: expected text as a key, found the alias *pp; an alias may stand for a value, never "
        f"for a key\n{END}",
    ),
    "list-as-key": (
        "proposals.yml",
        "proposal_paragraphs: [p2]",
        "proposal_paragraphs: [p2]\n? [a, b]\n: 1",
        f"data/proposals.yml:2:3: expected text as a key, found a list\n{END}",
    ),
    "huge-summary": (
        "challenges.yml",
        'summary: "Supplies may fail."',
        'summary: "' + "x" * 5_000_000 + '"',
        "data/challenges.yml:4:14: challenges[0].summary: expected at most 5,000 characters in 'summary', found "
        f"5,000,000; the limit keeps a mistake from building a huge site\n{END}",
    ),
    "huge-title": (
        "proposals.yml",
        'title: "Stockpile"',
        'title: "' + "Stockpile " * 100 + '"',
        "data/proposals.yml:4:12: proposals[0].title: expected at most 500 characters in 'title', found 1,000; the "
        f"limit keeps a mistake from building a huge site\n{END}",
    ),
    "id-too-long-for-a-file-name": (
        "proposals.yml",
        "id: stockpile",
        "id: " + "a" * 300,
        f"data/proposals.yml:3:9: proposals[0].id: {ID_RULE}, found '{'a' * 79}… (300 characters)': it has 300 "
        f"characters; did you mean '{'a' * 64}'?\n{END}",
    ),
    # --- links that run scripts ----------------------------------------------------------------------
    "javascript-url": (
        "references.yml",
        'URL: "https://example.org/work"',
        'URL: "javascript:alert(1)"',
        "data/references.yml:12:10: references[0].URL: expected an http:// or https:// address without spaces, quotes, "
        "angle brackets, braces or backslashes, found 'javascript:alert(1)'\n"
        "data/references.yml:12:10: references[0].URL: expected words printed in the reference list, found "
        "'javascript:alert(1)', which is not in: Doe, Jane. 2020. “A Work.” https://example.org/work (Accessed "
        "January 1, 2021).\n"
        "2 errors in data/; nothing was built.",
    ),
    # --- the source copy ----------------------------------------------------------------------------
    "source-copy-changed": (
        "source/000_c0e8e11fa83fec7f.txt",
        "(Accessed January 1, 2021).\n",
        "(Accessed January 1, 2021).\nAn added line.\n",
        "data/source/000_c0e8e11fa83fec7f.txt:1:1: expected the source copy whose SHA-256 is recorded in "
        "data/source/SHA256SUMS:1 (fa549a8fcfc8…), found f52876c0d353…: the source copy was changed. It is never "
        "edited (corrections go in data/errata.yml); if the publisher's text was deliberately copied again, record "
        f"it with: cd data/source && sha256sum 000_c0e8e11fa83fec7f.txt > SHA256SUMS\n{END}",
    ),
    "source-digest-missing": (
        "source/SHA256SUMS",
        "000_c0e8e11fa83fec7f.txt",
        None,
        "data/source/SHA256SUMS:1:1: missing file: the SHA-256 digest of 000_c0e8e11fa83fec7f.txt (see README, Data "
        f"errors)\n{END}",
    ),
    "source-digest-of-another-file": (
        "source/SHA256SUMS",
        "  000_c0e8e11fa83fec7f.txt",
        "  another.txt",
        f"data/source/SHA256SUMS:1:1: expected a line '<sha256>  000_c0e8e11fa83fec7f.txt', found none\n{END}",
    ),
    # --- errors that could be clearer ---------------------------------------------------------------
    "tab-indentation": (
        "proposals.yml",
        '    statement: "Stockpile together."',
        '\tstatement: "Stockpile together."',
        "data/proposals.yml:5:1: YAML syntax error: a tab character; YAML indents with spaces only, so replace the "
        f"tab with spaces\n{END}",
    ),
    "duplicate-key-named-in-full": (
        "proposals.yml",
        '    statement: "Stockpile together."\n',
        '    statement: "Stockpile together."\n    title: "Again"\n',
        "data/proposals.yml:6:5: proposals[0].title: duplicate key 'title': it was already set at line 4; YAML would "
        f"silently keep only the last value\n{END}",
    ),
    "quote-not-verbatim-shows-where": (
        "areas.yml",
        'text: "Second paragraph on supply chains."',
        'text: "Second paragraph on supply chainz."',
        "data/areas.yml:14:69: areas[0].quotes[0].text: expected the exact words of ¶2 (p2) as printed, found "
        "words that are not there: the first 32 characters agree with ¶2 (p2), then the quote has '…on supply "
        f"chainz.' where ¶2 (p2) has '…on supply chains.'\n{END}",
    ),
    "one-character-change-at-the-character": (
        "sections/i.yml",
        "Second paragraph on supply chains.",
        "Second paragraph on suply chains.",
        "data/sections/i.yml:13:35: paragraphs[1].text: expected the exact words of source line 5, found different "
        "text from character 24 on: the source has '…paragraph on supply chains.', the data has '…paragraph on suply "
        f"chains.'; corrections belong in data/errata.yml, the text stays as the source prints it\n{END}",
    ),
    "erratum-original-absent": (
        "errata.yml",
        'original: "systern"',
        'original: "systen"',
        "data/errata.yml:4:15: errata[0].original: expected words printed in abstract, found 'systen', which does not "
        f"occur there (the text before corrections); did you mean 'systern'?\n{END}",
    ),
    "alias-error-at-its-use": (
        "proposals.yml",
        'proposal_paragraphs: [p2]\nproposals:\n  - id: stockpile\n    title: "Stockpile"',
        'anchors: &t [1, 2]\nproposal_paragraphs: [p2]\nproposals:\n  - id: stockpile\n    title: *t',
        "data/proposals.yml:1:1: anchors: unknown field 'anchors'; expected one of: proposal_paragraphs, proposals\n"
        "data/proposals.yml:5:12: proposals[0].title: expected text, found a list\n"
        "2 errors in data/; nothing was built.",
    ),
    "undefined-alias-named": (
        "proposals.yml",
        'title: "Stockpile"',
        "title: *missing",
        f"data/proposals.yml:4:12: YAML syntax error: found the alias *missing, but no value is anchored as &missing "
        f"before it\n{END}",
    ),
}


# The fixture's second edition records that the proposal 'stockpile' was renamed. The attacks below change that
# id, so the corpus uses the first edition only: otherwise every id attack would also report the changelog.
FIRST_EDITION_ONLY = (
    "editions:\n"
    "  - number: 1\n"
    '    date: "2026-01-15"\n'
    "    changes:\n"
    "      - kind: first-edition\n"
    '        note: "First numbered edition of the fixture."\n'
)


def copy_with(tmp_path: Path, file: str, old: str, new: Edit) -> Path:
    data = tmp_path / "data"
    shutil.copytree(MINIMAL, data)
    (data / "edition.yml").write_text(FIRST_EDITION_ONLY, encoding="utf-8")
    path = data / file
    content = path.read_text(encoding="utf-8")
    assert old in content, f"fixture changed: {old!r} not in {file}"
    if new is None:
        path.unlink()
        return data
    replacement = new(old) if callable(new) else new
    path.write_text(content.replace(old, replacement, 1), encoding="utf-8")
    return data


@pytest.mark.parametrize("case", sorted(CASES))
def test_attack_is_stopped_with_its_message(tmp_path, case):
    file, old, new, expected = CASES[case]
    assert report(copy_with(tmp_path, file, old, new)) == expected


def test_a_word_changed_in_both_the_text_and_the_source_copy_is_stopped_by_the_digest(tmp_path):
    """Text and source agree, so only the recorded digest of the source copy tells that the source was edited."""
    data = copy_with(tmp_path, "sections/i.yml", "about the ROK and trade.", "about the ROK and commerce.")
    source = data / "source" / "000_c0e8e11fa83fec7f.txt"
    source.write_text(
        source.read_text(encoding="utf-8").replace("ROK and trade.", "ROK and commerce."), encoding="utf-8"
    )
    assert report(data) == (
        "data/source/000_c0e8e11fa83fec7f.txt:1:1: expected the source copy whose SHA-256 is recorded in "
        "data/source/SHA256SUMS:1 (fa549a8fcfc8…), found 087da96a6cab…: the source copy was changed. It is never "
        "edited (corrections go in data/errata.yml); if the publisher's text was deliberately copied again, record "
        f"it with: cd data/source && sha256sum 000_c0e8e11fa83fec7f.txt > SHA256SUMS\n{END}"
    )


def test_no_message_quotes_more_than_a_few_hundred_characters_of_a_value(tmp_path):
    for case in ("alias-as-key", "huge-summary", "id-too-long-for-a-file-name"):
        file, old, new, _expected = CASES[case]
        for line in report(copy_with(tmp_path / case, file, old, new)).splitlines():
            assert len(line) < 700, (case, len(line))


def test_an_alias_bomb_in_values_is_refused_before_it_is_built(tmp_path):
    data = copy_with(tmp_path, "proposals.yml", "proposal_paragraphs: [p2]", ALIAS_LEVELS + "proposal_paragraphs: [p2]")
    assert report(data) == CASES["alias-as-key"][3]


def test_a_file_over_the_size_limit_is_not_parsed(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "FILE_BYTES", 5_000)
    data = copy_with(tmp_path, "challenges.yml", "Supplies may fail.", "Supplies may fail." + "x" * 5_000)
    size = (data / "challenges.yml").stat().st_size
    assert (
        report(data)
        == f"data/challenges.yml:1:1: expected a data file of at most 5,000 bytes, found {size:,} bytes\n{END}"
    )


def test_the_real_data_passes_every_rule():
    """Every published id follows the grammar (none needs an exception), and every text the rules."""

    edition = check(DATA_DIR)
    assert safety.ID_EXCEPTIONS == frozenset()
    assert edition.declared_ids and all(safety.id_flaw(value) is None for value in edition.declared_ids)


def test_the_cli_stops_a_300_character_id_without_a_traceback(tmp_path):
    file, old, new, expected = CASES["id-too-long-for-a-file-name"]
    data = copy_with(tmp_path, file, old, new)
    result = subprocess.run(
        [sys.executable, "-m", "edition", "--data", str(data), "check"], capture_output=True, text=True, cwd=ROOT
    )
    assert (result.returncode, result.stdout, result.stderr.strip()) == (1, "", expected)


# --- the rendered site: anchors, the URL contract, where files go --------------------------------


def test_writes_outside_the_output_folder_are_refused_even_for_data_that_slipped_past(tmp_path):
    """The last line: paths are checked where files are written, whatever the checks let through."""
    out = tmp_path / "out"
    out.mkdir()
    for path, problem in [
        ("../../../x/pwn.md", "it climbs out of its folder or has an empty part"),
        ("/etc/pwn.md", "it is absolute"),
        ("proposals/a\\..\\..\\pwn.md", "it holds characters no file name here may have"),
        ("proposals//x.md", "it climbs out of its folder or has an empty part"),
        ("proposals/" + "a" * 300 + ".md", "a part of it is too long for a file name"),
    ]:
        with pytest.raises(published.UnsafePath) as refused:
            published.inside(out, path)
        assert str(refused.value) == (
            f"refused to write '{path[:120]}': {problem}; a generated file never goes outside the output folder"
        )
    (out / "link").symlink_to(tmp_path)
    with pytest.raises(published.UnsafePath) as refused:
        published.inside(out, "link/pwn.md")
    assert str(refused.value) == (
        f"refused to write 'link/pwn.md': it resolves to {tmp_path / 'pwn.md'}, outside the output folder {out}"
    )
    assert published.inside(out, "proposals/x.md") == out / "proposals" / "x.md"
    assert list(tmp_path.iterdir()) == [out]


def test_anchors_are_read_where_the_renderers_write_them():
    page = (
        "---\nsearch:\n  exclude: true\n---\n"
        "# Title \\{#not-an-anchor\\} {#i data-toc-label=\"x\"}\n"
        '<div class="para" id="p1">text id="p9" &quot; id=&quot;p8&quot;</div>\n'
        "## Sub {#i-1}\n"
    )
    assert published.page_anchors(page) == ["i", "p1", "i-1"]


# The URLs the minimal edition makes for its proposal 'stockpile', as a contract would list them.
MINIMAL_CONTRACT = (
    "/proposals/\n/proposals/stockpile/\n/cite/proposals/#stockpile\n/cite/proposals/#cite-stockpile-apa\n"
)
CONTRACT_BROKEN = (
    "expected the data to make every published URL (contract.txt), found 3 made from the id 'stockpile' missing: "
    "/proposals/stockpile/, /cite/proposals/#stockpile, /cite/proposals/#cite-stockpile-apa."
)
KEEP_THE_ID = (
    " Published URLs are citations: keep the id (a correction goes in data/errata.yml; a page that moves keeps a "
    "redirect)"
)

# Checks of the rendered pages (published.py), which `make check`, `build` and `render` run after the data's:
# name: (file, text to replace, replacement, the exact errors, one a line), checked against MINIMAL_CONTRACT.
PAGE_CASES: dict[str, tuple[str, str, Edit, str]] = {
    # The About page has its own anchor 'errata': an erratum with that id would take it.
    "id-repeating-an-anchor-of-its-page": (
        "errata.yml",
        "id: e1",
        "id: errata",
        "data/errata.yml:2:9: errata[0].id: expected an id whose anchor '#errata' is unique on /about/, found "
        "'errata': the page itself makes '#errata' there too, and a link can reach only one of them; choose another id",
    ),
    # A figure and a reference are both anchored on the print page: 'ref-' + the reference id.
    "ids-of-two-kinds-sharing-a-page": (
        "figures.yml",
        "id: figure-1",
        "id: ref-doe-2020",
        "data/figures.yml:2:9: figures[0].id: expected an id whose anchor '#ref-doe-2020' is unique on /print/, found "
        "'ref-doe-2020': the record at data/references.yml:2:9 makes '#ref-doe-2020' there too, and a link can reach "
        "only one of them; choose another id\n"
        "data/references.yml:2:9: references[0].id: expected an id whose anchor '#ref-doe-2020' is unique on /print/, "
        "found 'doe-2020': the record at data/figures.yml:2:9 makes '#ref-doe-2020' there too, and a link can reach "
        "only one of them; choose another id",
    ),
    "renamed-id-breaking-published-urls": (
        "proposals.yml",
        "id: stockpile",
        "id: stockpiling",
        f"data/proposals.yml:3:9: proposals[0].id: {CONTRACT_BROKEN} Was it renamed to 'stockpiling'?{KEEP_THE_ID}",
    ),
    "removed-id-breaking-published-urls": (
        "proposals.yml",
        "id: stockpile",
        "id: reserves",
        f"contract.txt:2:1: {CONTRACT_BROKEN}{KEEP_THE_ID}",
    ),
}


@pytest.mark.parametrize("case", sorted(PAGE_CASES))
def test_a_page_that_would_break_a_link_is_refused_with_its_message(tmp_path, case):
    file, old, new, expected = PAGE_CASES[case]
    edition = check(copy_with(tmp_path, file, old, new))
    files = render_site(edition)
    contract = tmp_path / "contract.txt"
    contract.write_text(MINIMAL_CONTRACT, encoding="utf-8")
    errors = published.check_site(edition, files)
    errors += published.check_contract(files, contract, "contract.txt", edition.declared_ids)
    assert "\n".join(str(error) for error in errors) == expected


def test_the_minimal_edition_keeps_its_contract(tmp_path):
    """Not vacuous: the contract the page cases break is one the unchanged edition keeps."""
    edition = check(MINIMAL)
    files = render_site(edition)
    contract = tmp_path / "contract.txt"
    contract.write_text(MINIMAL_CONTRACT, encoding="utf-8")
    assert published.check_site(edition, files) == []
    assert published.check_contract(files, contract, "contract.txt", edition.declared_ids) == []


# Two anchors of the site's own on one page: a renderer's mistake, which no data can fix.
RENDERER_CASES = {
    "site-anchor-twice": ('<p id="a"></p>\n<p id="a"></p>\n', "about.md:1:1: the anchor '#a' is on /about/ 2 times"),
}


def test_a_renderers_repeated_anchor_is_reported_against_the_page():
    page, expected = RENDERER_CASES["site-anchor-twice"]
    assert [str(error) for error in published.duplicate_anchors({"about.md": page}, {})] == [expected]


def renamed(tmp_path: Path, old: str, new: str) -> Path:
    """A copy of the real data with an id renamed everywhere it is written."""

    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    for path in data.rglob("*.yml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(rf"(?<![\w-]){re.escape(old)}(?![\w-])", new, text), encoding="utf-8")
    return data


@pytest.mark.slow  # renders the real edition anew (its citations change): one more CSL engine run
def test_a_renamed_paragraph_names_the_published_urls_that_would_break(tmp_path):
    data = renamed(tmp_path, "p14", "p14b")
    edition = check(data)
    errors = published.check_site(edition, render_site(edition), published.CONTRACT)
    # Every URL the contract lists for p14: its anchor on the section, print and cite pages, its cite boxes.
    lost = [url for _line, url in published.read_contract(published.CONTRACT) if re.search(r"\bp14\b", url)]
    assert [str(error) for error in errors] == [
        "data/sections/iii.yml:39:9: paragraphs[3].id: expected the data to make every published URL "
        f"(tests/published_urls.txt), found {len(lost)} made from the id 'p14' missing: /cite/iii/#p14, /print/#p14, "
        f"/sections/iii/#p14, /cite/iii/#cite-p14-apa and {len(lost) - 4} more. Was it renamed to 'p14b'? Published "
        "URLs are citations: keep the id (a correction goes in data/errata.yml; a page that moves keeps a redirect)"
    ]


@pytest.mark.slow  # renders the real edition (the CSL engine formats all of it)
def test_a_renamed_proposal_names_its_page(tmp_path):
    data = renamed(tmp_path, "joint-stockpiling", "stockpiling-together")
    edition = check(data)
    errors = [str(error) for error in published.check_site(edition, render_site(edition), published.CONTRACT)]
    listed = published.read_contract(published.CONTRACT)
    lost = [url for _line, url in listed if "joint-stockpiling" in url]
    line = next(number for number, url in listed if url == "/cite/proposals/#joint-stockpiling")
    assert errors == [
        f"tests/published_urls.txt:{line}:1: expected the data to make every published URL "
        f"(tests/published_urls.txt), found {len(lost)} made from the id 'joint-stockpiling' missing: "
        "/cite/proposals/#joint-stockpiling, /proposals/joint-stockpiling/, /cite/proposals/#cite-joint-stockpiling-apa, "
        f"/cite/proposals/#cite-joint-stockpiling-bibtex and {len(lost) - 4} more. Published URLs are citations: keep "
        "the id (a correction goes in data/errata.yml; a page that moves keeps a redirect)"
    ]


@pytest.mark.slow  # renders the real edition (the CSL engine formats all of it)
def test_the_real_data_keeps_every_published_url():

    edition = check(DATA_DIR)
    assert published.check_site(edition, render_site(edition), published.contract_for(DATA_DIR)) == []


def forged(**changes):
    """The minimal edition with records changed after the checks, as if bad data had slipped past them."""

    real = check(MINIMAL)
    fields = {f.name: getattr(real, f.name) for f in dataclasses.fields(Edition) if f.init}
    return Edition(**(fields | changes))


def test_render_writes_nothing_outside_its_folder_even_for_unchecked_data(tmp_path, monkeypatch, capsys):

    real = check(MINIMAL)
    climbing = dataclasses.replace(real.proposals[0], id="../../../x/pwn")
    monkeypatch.setattr(cli, "check", lambda data: forged(proposals=[climbing]))
    out = tmp_path / "a" / "b" / "c" / "out"
    assert cli.main(["--data", str(MINIMAL), "render", str(out)]) == 1
    report = capsys.readouterr().err
    assert report.startswith(
        "proposals/../../../x/pwn.md:1:1: refused to write 'proposals/../../../x/pwn.md': it climbs out of its folder "
        "or has an empty part; a generated file never goes outside the output folder\n"
    )
    assert not (tmp_path / "a" / "x").exists() and not out.exists()


def test_write_files_refuses_before_writing_anything(tmp_path):

    out = tmp_path / "out"
    with pytest.raises(published.UnsafePath):
        write_files({"index.md": "# fine", "../pwn.md": "# not fine"}, out)
    assert list(out.iterdir()) == []
    assert not (tmp_path / "pwn.md").exists()


@pytest.mark.slow  # the command renders the whole real edition in a new process
def test_make_check_stops_a_renamed_published_paragraph(tmp_path):
    data = renamed(tmp_path, "p14", "p14b")
    result = subprocess.run(
        [sys.executable, "-m", "edition", "--data", str(data), "--contract", str(published.CONTRACT), "check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(
        "data/sections/iii.yml:39:9: paragraphs[3].id: expected the data to make every "
        "published URL (tests/published_urls.txt), found "
    )
