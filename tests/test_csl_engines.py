"""The comparison the README records: the same CSL-JSON through citeproc-py and citeproc-js, on what the
manuals decide. Each claim of the README's table is checked here, so the table cannot go stale unnoticed."""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from edition import cite_styles, csl_engine
from edition.cite_styles import jobs
from edition.engine_compare import compare
from edition.paths import ROOT
from edition.render import render_site

pytestmark = pytest.mark.slow  # runs both CSL engines over the whole edition

PAPER_CAMP_DAVID = "office-of-the-president-2023a"


@pytest.fixture(scope="module")
def facts(edition):
    return compare(edition)


def test_punctuation_goes_inside_quotation_marks_only_with_citeproc_js(facts):
    assert facts["citeproc-py"]["punctuation_outside_quotes"] == 9
    assert facts["citeproc-js"]["punctuation_outside_quotes"] == 0


def test_both_engines_italicise_the_same_titles(facts):
    assert facts["citeproc-py"]["italic_entries"] == facts["citeproc-js"]["italic_entries"] == 4


def test_neither_engine_makes_sentence_case_so_the_data_gives_apa_its_title(facts, edition):
    for engine in facts.values():
        assert engine["apa_keeps_headline_case"]
        assert edition.paper.title_sentence_case in engine["paper_apa"]


def test_year_suffixes(facts):
    # citeproc-py uses the letters in the data; citeproc-js letters by the style's order, as pandoc does.
    assert facts["citeproc-py"]["letters"][PAPER_CAMP_DAVID] == "2023a"
    assert facts["citeproc-js"]["letters"][PAPER_CAMP_DAVID] == "2023c"


def test_mla_in_text_citation(facts, edition):
    assert facts["citeproc-py"]["cite_mla"] == f"(Lee, {edition.paper.title}, par. 18)"
    assert facts["citeproc-js"]["cite_mla"] == "(Lee, par. 18)"


def test_headline_case_and_given_names_and_stray_labels(facts):
    py, js = facts["citeproc-py"], facts["citeproc-js"]
    assert (py["hyphenated_headline"], js["hyphenated_headline"]) == (False, True)
    assert (py["stray_edition"], js["stray_edition"]) == (3, 0)
    assert py["paper_chicago"].startswith("Lee, J. 2025.") and js["paper_chicago"].startswith("Lee, Junghwan. 2025.")
    assert py["cite_chicago"] == js["cite_chicago"] == "(Lee 2025, para. 18)"


def test_the_runners_macro_lookup_memo_changes_no_output(edition):
    """csl_engine.js remembers citeproc-js's macro lookups to build engines faster; the output must not change."""
    request = json.dumps({"locale": str(csl_engine.LOCALE), "jobs": jobs(edition)})
    outputs = []
    for memo in (True, False):
        env = dict(os.environ, **({} if memo else {"CSL_ENGINE_NO_MEMO": "1"}))
        result = subprocess.run(
            ["node", str(csl_engine.SCRIPT)], input=request, capture_output=True, text=True, env=env, cwd=ROOT
        )
        assert result.returncode == 0, result.stderr
        outputs.append(json.loads(result.stdout))
    assert outputs[0] == outputs[1]
    assert len(outputs[0]) == 3 and all(out["citations"] for out in outputs[0])


def test_one_engine_run_formats_a_whole_build(edition):
    """Every page, cite page and download of a build, and a second build of the same data: node starts once."""
    cite_styles._latest.clear()
    csl_engine._done.clear()
    before = csl_engine.runs
    render_site(edition, True, "https://example.org/lee2025/")
    render_site(edition, True, "https://example.org/lee2025/")
    assert csl_engine.runs == before + 1
