"""Numbered editions: data/edition.yml is checked, the text layer is recorded per edition and a change to it
without a new edition fails here with what to do; the number and date reach every footer, every citation
format, the JSON-LD and the changelog page; renamed ids leave redirects."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import bibtexparser
import pytest
import rispy

from edition import csl, editions, metadata, text_layer, urls
from edition.cite_styles import STYLES, styled
from edition.paths import DATA_DIR, ROOT
from edition.render import render_site
from edition.validate import check

from .helpers import MINIMAL, broken, html_files, report
from .test_pandoc import pandoc_entries, text


def test_the_text_layer_is_recorded_for_the_newest_edition(edition):
    # When this fails: the data changed what the edition shows. The message says which records changed and
    # what to do (a new edition in data/edition.yml, then `make text-layer`).
    problems = text_layer.status(edition, DATA_DIR)
    assert problems == [], "\n\n".join(problems)


def test_every_edition_after_the_first_names_what_changed():
    fixture = check(MINIMAL)
    assert [n.number for n in fixture.numbered] == [1, 2]
    assert text_layer.status(fixture, MINIMAL) == []


def copy_of(tmp_path: Path, source: Path = MINIMAL) -> Path:
    data = tmp_path / "data"
    shutil.copytree(source, data)
    return data


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


WHAT_TO_DO = (
    "To publish these changes, add edition 3 to data/edition.yml (its date, and one change for each line above: "
    "erratum-added, erratum-withdrawn, proposal-added, proposal-reclassified, record-revised, id-renamed with "
    "'from'…), then run `make text-layer` to record its text layer. While edition 2 is not yet published, "
    "`make text-layer AMEND=1` records these changes into edition 2 instead."
)


def text_layer_command(data: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "edition", "--data", str(data), "text-layer", *extra],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


def test_a_changed_erratum_without_a_new_edition_fails_and_says_what_to_do(tmp_path):
    data = copy_of(tmp_path)
    edit(data / "errata.yml", 'reason: "Misprint."', 'reason: "Misprint of “system”."')
    problems = text_layer.status(check(data), data)
    assert problems == [
        "the text layer has changed since edition 2 was recorded in data/text-layer.json:\n"
        "  changed: errata/e1\n" + WHAT_TO_DO
    ]
    result = text_layer_command(data)
    assert result.returncode == 1 and result.stderr.strip() == problems[0]
    # Recording over a recorded edition is refused: a published edition never changes.
    result = text_layer_command(data, "--record")
    assert result.returncode == 1
    assert result.stderr.startswith(
        "edition 2 is already recorded with another text layer; a published edition never changes."
    )


def test_a_new_edition_is_recorded_and_its_changelog_must_name_every_change(tmp_path):
    data = copy_of(tmp_path)
    edit(data / "errata.yml", 'reason: "Misprint."', 'reason: "Misprint of “system”."')
    with (data / "edition.yml").open("a", encoding="utf-8") as handle:
        handle.write(
            '  - number: 3\n    date: "2026-03-01"\n    changes:\n      - kind: proposal-reclassified\n'
            '        ids: ["stockpile"]\n        note: "Names the wrong record."\n'
        )
    result = text_layer_command(data, "--record")
    assert result.stdout.startswith("recorded the text layer of edition 3: sha256 ")
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "edition 3's changes in data/edition.yml do not name every record that changed since edition 2: "
        "errata/e1 (add a change whose ids name each)"
    )
    with (data / "edition.yml").open("a", encoding="utf-8") as handle:
        handle.write('      - kind: erratum-revised\n        ids: [e1]\n        note: "e1 gives its reason in full."\n')
    assert text_layer_command(data).returncode == 0


def test_a_changed_proposal_is_named_by_id(tmp_path):
    data = copy_of(tmp_path)
    edit(data / "proposals.yml", 'title: "Stockpile"', 'title: "Stockpile jointly"')
    assert text_layer.status(check(data), data)[0].splitlines()[1] == "  changed: proposals/stockpile"


FIXTURE_EDITIONS = (MINIMAL / "edition.yml").read_text(encoding="utf-8")
RENAME = "      - kind: id-renamed\n        ids: [stockpile]\n        from: stockpiling\n"
RENAME_NOTE = '        note: "A proposal renamed, so that the redirect it leaves behind can be tested."\n'
EDITION_ERRORS = {
    "no-edition": (
        FIXTURE_EDITIONS[FIXTURE_EDITIONS.index("editions:") :],
        "editions: []\n",
        "data/edition.yml:3:11: editions: expected at least one edition (number 1, its date and its "
        "changes), found none",
    ),
    "no-change": (
        "    changes:\n" + RENAME + RENAME_NOTE,
        "    changes: []\n",
        "data/edition.yml:11:14: editions[1].changes: expected at least one change (what this edition "
        "changed in the text layer), found none",
    ),
    "first-edition-later": (
        RENAME,
        "      - kind: first-edition\n        ids: [stockpile]\n",
        "data/edition.yml:12:15: editions[1].changes[0].kind: expected 'first-edition' only in "
        "edition 1, found it in a later edition",
    ),
    "from-without-rename": (
        "kind: id-renamed",
        "kind: proposal-revised",
        "data/edition.yml:14:15: editions[1].changes[0].from: expected 'from' only on an "
        "id-renamed change, found it on proposal-revised",
    ),
    "withdrawn-still-there": (
        RENAME,
        "      - kind: proposal-withdrawn\n        ids: [stockpile]\n",
        "data/edition.yml:13:15: editions[1].changes[0].ids[0]: expected an id this edition no "
        "longer has (proposal-withdrawn), found 'stockpile', which is still a proposal",
    ),
    "wrong-kind": (
        RENAME,
        "      - kind: erratum-added\n        ids: [stockpile]\n",
        "data/edition.yml:13:15: editions[1].changes[0].ids[0]: expected the id of an erratum "
        "(erratum-added), found 'stockpile', which is a proposal",
    ),
    "out-of-order": (
        '  - number: 2\n',
        '  - number: 3\n',
        "data/edition.yml:9:13: editions[1].number: expected 2 (editions are numbered 1, 2, 3… in order), found 3",
    ),
    "bad-date": (
        'date: "2026-02-01"',
        'date: "2026-02-30"',
        "data/edition.yml:10:11: editions[1].date: expected a date written YYYY-MM-DD, found '2026-02-30'",
    ),
    "date-before": (
        'date: "2026-02-01"',
        'date: "2025-12-01"',
        "data/edition.yml:10:11: editions[1].date: expected a date on or after 2026-01-15 (the paper’s or "
        "the previous edition’s date), found 2025-12-01",
    ),
    "unknown-id": (
        "ids: [stockpile]",
        "ids: [stockpyle]",
        "data/edition.yml:13:15: editions[1].changes[0].ids[0]: expected the id of a record of this edition, "
        "found 'stockpyle', which does not exist; did you mean 'stockpile'?",
    ),
    "old-id-still-there": (
        "from: stockpiling",
        "from: p1",
        "data/edition.yml:14:15: editions[1].changes[0].from: expected the old id, which this edition "
        "no longer has, found 'p1', which is still a paragraph",
    ),
    "rename-without-from": (
        "        from: stockpiling\n",
        "",
        "data/edition.yml:12:9: editions[1].changes[0]: expected an id-renamed change to give 'from' "
        "(the old id) and one id in 'ids' (the new id)",
    ),
}


@pytest.mark.parametrize("case", sorted(EDITION_ERRORS))
def test_edition_file_errors_are_reported_exactly(tmp_path, case):
    old, new, message = EDITION_ERRORS[case]
    data = broken(tmp_path, "edition.yml", old, new)
    assert report(data) == message + "\n1 error in data/; nothing was built."


def test_citation_formats_carry_the_edition(edition):
    number = editions.version(edition.current)
    assert number == str(edition.current.number)
    url = "https://example.org/lee2025/sections/iv/#p18"
    for style in STYLES:
        assert f"Version {number}" in styled(edition).entry_text(style, url), style
    formats = csl.manager_formats(edition, url, "§IV.1, ¶18", "lee2025-p18")
    entry = bibtexparser.parse_string(formats["bibtex"]).entries[0]
    assert entry.fields_dict["version"].value == number
    assert rispy.loads(formats["ris"])[0]["edition"] == number
    assert json.loads(formats["csl-json"])[0]["version"] == number
    assert csl.paper_item(edition)["version"] == number


def test_json_ld_carries_the_edition_on_every_kind_of_page(edition):
    site = "https://example.org/lee2025/"
    for src in (urls.HOME, urls.section_page("iv"), urls.PROPOSALS):
        data = metadata.json_ld(edition, src, site + urls.page_url(src), "t", site)
        report_data = data if src == urls.HOME else data.get("isPartOf") or data["about"]
        assert report_data["version"] == str(edition.current.number), src
        assert report_data["dateModified"] == edition.current.date, src
        assert report_data["datePublished"] == edition.paper.date, src


def test_the_changelog_lists_every_edition_with_its_changes_and_redirects():
    fixture = check(MINIMAL)
    page = render_site(fixture, True, "https://edition.example/")[urls.CHANGELOG]
    assert page.index("## Edition 2 (2026-02-01) {#edition-2}") < page.index("## Edition 1 (2026-01-15) {#edition-1}")
    assert (
        '<strong>Id renamed</strong>: <code>stockpiling</code> → <a href="proposals/stockpile.md"><code>stockpile'
        "</code></a> (the old address leads to the new one)."
    ) in page
    assert editions.redirects(fixture) == [(urls.proposal_page("stockpiling"), urls.proposal_page("stockpile"))]


@pytest.mark.slow
def test_every_page_footer_names_the_edition(edition, built_site):
    label = editions.label(edition.current)
    pages = html_files(built_site)
    assert len(pages) > 90
    for page in pages:
        html = page.read_text(encoding="utf-8")
        footer = html[html.index('<footer class="md-footer">') :]
        assert f">{label}</a>" in footer, page.relative_to(built_site)


@pytest.mark.slow
def test_a_second_csl_processor_prints_the_version(built_site, edition):
    # pandoc's citeproc, on the paper's CSL-JSON download, in the references page's style.
    entries = pandoc_entries(built_site / urls.DOWNLOADS_DIR / "lee2025.json")
    [entry] = entries.values()
    assert f"Version {edition.current.number}." in text(entry)
