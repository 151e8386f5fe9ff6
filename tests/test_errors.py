"""Bad input gives messages a person can act on: file:line:column, field, expected and found.

Every message template in scripts/edition (each DataError the code can make) has a case in CASES, or in the
argument map's cases in test_traceability.py, the editorial ones in test_editorial.py or the adversarial
corpus's in test_hostile_corpus.py (data and rendered pages), with its exact message:
test_every_message_template_has_a_case finds the templates in the code and fails for one that no case shows.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from edition.paths import ROOT
from edition.validate import check

from .helpers import MINIMAL, broken, build_site, report
from .test_editions import EDITION_ERRORS
from .test_editorial import CASES as EDITORIAL_CASES
from .test_hostile_corpus import CASES as HOSTILE_CASES
from .test_hostile_corpus import PAGE_CASES, RENDERER_CASES
from .test_traceability import CASES as TRACEABILITY_CASES

PACKAGE = ROOT / "scripts" / "edition"
# (file in the minimal edition, text to replace, replacement, the whole report). With the text to replace
# None the file is created; with the replacement None it is removed.
Case = tuple[str, "str | bytes | None", "str | bytes | None", str]


def test_minimal_fixture_is_valid():
    assert check(MINIMAL).paragraphs[1].id == "p2"


CASES: dict[str, Case] = {
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
        "data/sections/i.yml:9:46: paragraphs[0].text: expected the exact words of source line 4, found different "
        "text from character 35 on: the source has '…about the ROK and trade.', the data has '…about the ROK and "
        "commerce.'; "
        "corrections belong in data/errata.yml, the text stays as the source prints it\n"
        "1 error in data/; nothing was built.",
    ),
    "duplicate-yaml-key": (
        "actors.yml",
        "    kind: country\n",
        "    kind: country\n    kind: person\n",
        "data/actors.yml:5:5: actors[0].kind: duplicate key 'kind': it was already set at line 4; "
        "YAML would silently keep only the last value\n"
        "1 error in data/; nothing was built.",
    ),
    "quote-not-in-paragraph": (
        "proposals.yml",
        'text: "Second paragraph on supply chains."',
        'text: "Second paragraphs on supply chains."',
        "data/proposals.yml:14:32: proposals[0].quotes[0].text: expected the exact words of ¶2 (p2) as printed, "
        "found words that are not there: the first 16 characters agree with ¶2 (p2), then the quote has "
        "'Second paragraphs on supply chains.' where ¶2 (p2) has 'Second paragraph on supply chains.'\n"
        "1 error in data/; nothing was built.",
    ),
    "literal-did-you-mean": (
        "errata.yml",
        "kind: misprint",
        "kind: misprnt",
        "data/errata.yml:7:11: errata[0].kind: expected one of 'misprint', 'contradiction', 'reference-list', "
        "found text ('misprnt'); did you mean 'misprint'?\n"
        "1 error in data/; nothing was built.",
    ),
    "yaml-tag-on-wrong-node": (
        "actors.yml",
        'mentions: [{paragraph: p1, text: "the ROK"}]',
        "mentions: !!seq the ROK",
        "data/actors.yml:6:15: YAML syntax error: expected a sequence node, but found scalar\n"
        "1 error in data/; nothing was built.",
    ),
    "missing-file": (
        "timeline.yml",
        "",
        None,
        "data/timeline.yml:1:1: missing file: it should hold TimelineFile records\n1 error in data/; nothing was built.",
    ),
    "missing-source": (
        "source/000_c0e8e11fa83fec7f.txt",
        "",
        None,
        "data/source/000_c0e8e11fa83fec7f.txt:1:1: missing file: the verbatim source copy\n"
        "1 error in data/; nothing was built.",
    ),
    "section-id-not-file-name": (
        "sections/i.yml",
        "id: i\n",
        "id: ii\n",
        # The section's paragraphs are not read while paper.yml's contents miss it, hence the figure's error.
        "data/figures.yml:5:12: figures[0].after: expected the id of a paragraph, found 'p1', which does not exist\n"
        "data/paper.yml:25:12: contents[0]: expected a section with a file sections/i.yml, found none; "
        "did you mean 'ii'?\n"
        "data/sections/i.yml:1:5: id: expected 'i' (the file is data/sections/i.yml), found 'ii'\n"
        "data/sections/i.yml:1:5: id: section 'ii' is not listed in data/paper.yml contents\n"
        "4 errors in data/; nothing was built.",
    ),
    "section-file-not-in-contents": (
        "sections/ii.yml",
        None,
        'id: ii\nlabel: II\ntitle: "Introduction"\nsource_line: 3\nparagraphs: []\n',
        "data/sections/ii.yml:1:5: id: section 'ii' is not listed in data/paper.yml contents\n"
        "1 error in data/; nothing was built.",
    ),
    "contents-names-a-missing-section": (
        "paper.yml",
        "contents: [i]",
        "contents: [i, ii]",
        "data/paper.yml:25:15: contents[1]: expected a section with a file sections/ii.yml, found none; "
        "did you mean 'i'?\n"
        "1 error in data/; nothing was built.",
    ),
    "paragraph-numbering": (
        "sections/i.yml",
        "    number: 2\n",
        "    number: 3\n",
        "data/sections/i.yml:11:13: paragraphs[1].number: expected 2 (paragraphs are numbered in reading order), "
        "found 3\n"
        "1 error in data/; nothing was built.",
    ),
    "source-line-out-of-range": (
        "sections/i.yml",
        "    source_line: 5\n",
        "    source_line: 99\n",
        # The source copy ends with a newline, so its last line (8) is empty.
        "data/sections/i.yml:12:18: paragraphs[1].source_line: expected a line number from 1 to 8 of the source, "
        "found 99\n"
        "1 error in data/; nothing was built.",
    ),
    "reference-field-not-printed": (
        "references.yml",
        'title: "A Work"',
        'title: "A Word"',
        "data/references.yml:9:12: references[0].title: expected words printed in the reference list, found "
        "'A Word', which is not in: Doe, Jane. 2020. “A Work.” https://example.org/work (Accessed January 1, 2021).\n"
        "1 error in data/; nothing was built.",
    ),
    "erratum-occurrences": (
        "errata.yml",
        "occurrences: 1",
        "occurrences: 2",
        "data/errata.yml:6:18: errata[0].occurrences: expected the number of times 'systern' occurs in abstract, "
        "which is 1, found 2\n"
        "1 error in data/; nothing was built.",
    ),
    "erratum-not-undoable": (
        "errata.yml",
        'corrected: "system"',
        'corrected: "abstract"',
        "data/errata.yml:5:16: errata[0].corrected: 'abstract' already occurs in the source text of abstract, so the "
        "correction could not be undone unambiguously; widen 'original' and 'corrected'\n"
        "1 error in data/; nothing was built.",
    ),
    "errata-overlap": (
        "errata.yml",
        "queries: []",
        '  - id: e2\n    target: abstract\n    original: "tern"\n    corrected: "term"\n    occurrences: 1\n'
        '    kind: misprint\n    reason: "Overlaps e1."\nqueries: []',
        "data/errata.yml:11:15: errata[1].original: expected a spot no other erratum touches, found it overlaps e1 "
        "in abstract\n"
        "1 error in data/; nothing was built.",
    ),
    "query-not-in-its-target": (
        "errata.yml",
        "queries: []",
        'queries:\n  - id: q1\n    target: p1\n    text: "the DPRK"\n    kind: wording\n    query: "Which country?"',
        "data/errata.yml:12:11: queries[0].text: expected the exact words of ¶1 (p1) as printed, found words that are "
        "not there: the first 4 characters agree with ¶1 (p1), then the quote has 'the DPRK' where ¶1 (p1) has "
        "'…about the ROK and trade.'\n"
        "1 error in data/; nothing was built.",
    ),
    # The editorial checks (fidelity.py, modality.py, sourcing.py); tests/test_editorial.py has more.
    'withdrawn-id-taken': (
        'errata.yml',
        'queries: []\n',
        'queries:\n  - id: q1\n    target: p1\n    text: "the ROK"\n    kind: wording\n    query: "Which?"\nwithdrawn:\n  - id: e1\n    target: p1\n    original: "trade"\n    corrected: "x"\n    now: q1\n    reason: "Policy."\n',
        "data/errata.yml:16:9: withdrawn[0].id: duplicate id 'e1': a withdrawn erratum keeps its id for itself\n"
        '1 error in data/; nothing was built.',
    ),
    'withdrawn-replaced-by-no-query': (
        'errata.yml',
        'queries: []\n',
        'queries:\n  - id: q1\n    target: p1\n    text: "the ROK"\n    kind: wording\n    query: "Which?"\nwithdrawn:\n  - id: e9\n    target: p1\n    original: "trade"\n    corrected: "x"\n    now: q7\n    reason: "Policy."\n',
        "data/errata.yml:20:10: withdrawn[0].now: expected the id of the query that replaced it, found 'q7', which does not exist\n"
        '1 error in data/; nothing was built.',
    ),
    'withdrawn-unknown-target': (
        'errata.yml',
        'queries: []\n',
        'queries:\n  - id: q1\n    target: p1\n    text: "the ROK"\n    kind: wording\n    query: "Which?"\nwithdrawn:\n  - id: e9\n    target: p9\n    original: "trade"\n    corrected: "x"\n    now: q1\n    reason: "Policy."\n',
        "data/errata.yml:17:13: withdrawn[0].target: expected a paragraph, heading, figure, reference or 'abstract', found 'p9'\n"
        '1 error in data/; nothing was built.',
    ),
    'withdrawn-words-not-printed': (
        'errata.yml',
        'queries: []\n',
        'queries:\n  - id: q1\n    target: p1\n    text: "the ROK"\n    kind: wording\n    query: "Which?"\nwithdrawn:\n  - id: e9\n    target: p1\n    original: "commerce"\n    corrected: "x"\n    now: q1\n    reason: "Policy."\n',
        "data/errata.yml:18:15: withdrawn[0].original: expected words printed in p1, found 'commerce'\n"
        '1 error in data/; nothing was built.',
    ),
    'paper-expansion-not-in-its-quote': (
        'glossary.yml',
        '    expansion_by: editor\n',
        '    expansion_by: paper\n    defined_at: {paragraph: p1, text: "the ROK"}\n',
        "data/glossary.yml:5:16: terms[0].expansion: expected the expansion as the paper gives it, inside the defined_at quote, found 'Republic of Korea', which the quote does not hold\n"
        '1 error in data/; nothing was built.',
    ),
    'actor-expansion-without-who': (
        'actors.yml',
        '    forms: ["ROK"]\n',
        '    forms: ["ROK"]\n    expansion: "Republic of Korea"\n',
        "data/actors.yml:2:5: actors[0].expansion_by: missing required field 'expansion_by' (paper or editor)\n"
        '1 error in data/; nothing was built.',
    ),
    'actor-expansion-not-in-mentions': (
        'actors.yml',
        '    forms: ["ROK"]\n',
        '    forms: ["ROK"]\n    expansion: "Republic of Korea"\n    expansion_by: paper\n',
        "data/actors.yml:8:16: actors[0].expansion: expected the expansion as the paper gives it, inside one of the mentions, found 'Republic of Korea', which no mention holds; label it expansion_by: editor\n"
        '1 error in data/; nothing was built.',
    ),
    'modality-unknown-paragraph': (
        'proposals.yml',
        'words: "Second paragraph", paragraph: p2}',
        'words: "Second paragraph", paragraph: p9}',
        "data/proposals.yml:15:72: proposals[0].modality.paragraph: expected the id of a paragraph, found 'p9'\n"
        '1 error in data/; nothing was built.',
    ),
    'status-words-outside-quotes': (
        'proposals.yml',
        '    actor_quotes:\n',
        '    status: {value: proposed, words: "First paragraph", paragraph: p1}\n    actor_quotes:\n',
        "data/proposals.yml:16:38: proposals[0].status.words: expected words inside one of the proposal's quotes of p1, found 'First paragraph'\n"
        '1 error in data/; nothing was built.',
    ),
    'horizon-stated-without-words': (
        'proposals.yml',
        'horizon: {term: near, words: "supply chains", paragraph: p2}',
        'horizon: {term: near}',
        "data/proposals.yml:11:14: proposals[0].horizon: expected the paper's words and their paragraph for the horizon 'near', or term: not-stated\n"
        '1 error in data/; nothing was built.',
    ),
    'register-duplicate-id': (
        'register.yml',
        'entries: []',
        'entries:\n  - {id: r1, paragraph: p9, text: "x", kind: premise, reason: "R."}\n  - {id: r1, paragraph: p9, text: "x", kind: premise, reason: "R."}',
        "data/register.yml:2:25: entries[0].paragraph: expected the id of a paragraph, found 'p9'\n"
        "data/register.yml:3:10: entries[1].id: duplicate id 'r1': every id must be unique\n"
        "data/register.yml:3:25: entries[1].paragraph: expected the id of a paragraph, found 'p9'\n"
        '3 errors in data/; nothing was built.',
    ),
    'register-unknown-proposal': (
        'register.yml',
        'entries: []',
        'entries:\n  - {id: r1, paragraph: p9, text: "x", kind: restatement, reason: "R.", proposal: nothing}',
        "data/register.yml:2:25: entries[0].paragraph: expected the id of a paragraph, found 'p9'\n"
        "data/register.yml:2:83: entries[0].proposal: expected the id of a proposal, found 'nothing'\n"
        '2 errors in data/; nothing was built.',
    ),
    'provenance-unknown-field': (
        'paper.yml',
        '  - {field: publisher, source: "publisher\'s page"}',
        '  - {field: publisher, source: "publisher\'s page"}\n  - {field: colour, source: "publisher\'s page"}',
        "data/paper.yml:47:13: provenance[10].field: expected a front-matter field of this file, found 'colour'\n"
        '1 error in data/; nothing was built.',
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_error_message(tmp_path, case):
    file, old, new, expected = CASES[case]
    assert report(broken(tmp_path, file, old, new)) == expected


# --- every template has a case ------------------------------------------------------------------

# The last line of every report; it is DataErrors' own, not a DataError's message.
SUMMARY = re.compile(r"\d+ errors? in data/; nothing was built\.")
# "data/x.yml:3:5: " and, if the message has one, "field.path[0]: " (a field path has no spaces).
PREFIX = r"\S+:\d+:\d+: (?:\S+: )?"


def _pattern(node: ast.expr) -> str | None:
    """A message expression as a regex: its literal words exact, whatever it computes as `(.*)`."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return re.escape(node.value)
    if isinstance(node, ast.JoinedStr):
        return "".join(_pattern(v) or "" if isinstance(v, ast.Constant) else "(.*)" for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _pattern(node.left), _pattern(node.right)
        return None if left is None or right is None else left + right
    if isinstance(node, ast.Call):
        return "(.*)"
    return None


# Functions that make messages for the Checker, returned as text or as (field path, message) pairs: named so,
# or returning `Problem`s (fidelity.Problem and its kin).
MESSAGE_MAKERS = ("_problem", "_problems", "_message")


def _makes_messages(function: ast.FunctionDef) -> bool:
    returns = ast.unparse(function.returns) if function.returns else ""
    return function.name.endswith(MESSAGE_MAKERS) or "Problem" in returns


def _made_messages(function: ast.FunctionDef) -> list[tuple[ast.expr, int]]:
    """The messages a message-making function writes: what it returns, what it assigns to a name (with what
    it appends to that name), and the message of each (path, message) pair."""
    found: list[tuple[ast.expr, int]] = []
    assigned: dict[str, ast.expr] = {}
    for node in ast.walk(function):
        if isinstance(node, ast.Return) and node.value is not None:
            found.append((node.value, node.lineno))
        elif isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            assigned[node.targets[0].id] = node.value
            found.append((node.value, node.lineno))
        elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name) and node.target.id in assigned:
            joined = ast.BinOp(assigned[node.target.id], ast.Add(), node.value)
            found.append((joined, node.lineno))
        elif isinstance(node, ast.Tuple) and len(node.elts) == 2:
            found.append((node.elts[1], node.lineno))
    # Only text: a list of problems, a count or a path is not a message.
    return [(expr, line) for expr, line in found if _pattern(expr) is not None and not isinstance(expr, ast.Call)]


def _called(node: ast.AST) -> set[str]:
    """The names of the functions a piece of code calls (`f(...)` and `module.f(...)`)."""
    return {
        getattr(n.func, "attr", None) or getattr(n.func, "id", "") for n in ast.walk(node) if isinstance(n, ast.Call)
    }


def _makers(trees: dict[Path, ast.Module]) -> set[str]:
    """The message-making functions whose messages reach the Checker: called from a module that reports
    errors, or from another such function (a maker whose text goes elsewhere, e.g. to the command line, is not)."""
    candidates = {
        f.name: f
        for tree in trees.values()
        for f in ast.walk(tree)
        if isinstance(f, ast.FunctionDef) and _makes_messages(f)
    }
    reporting = [tree for tree in trees.values() if "error" in _called(tree)]
    found = {name for tree in reporting for name in _called(tree) if name in candidates}
    while True:
        more = {name for maker in found for name in _called(candidates[maker]) if name in candidates} - found
        if not more:
            return found
        found |= more


def message_templates(package: Path) -> dict[str, list[str]]:
    """Every DataError message the package can make, as a regex, with where it is made ("file.py:line").

    A message is the third argument of `DataError(mark, field, message)` or of an `error(where, path,
    message)` call, or is made by a function that makes messages for the Checker (see _makers); the
    `error` methods that only pass their `message` parameter on are not templates."""
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in sorted(package.rglob("*.py"))}
    makers = _makers(trees)
    found: dict[str, list[str]] = {}
    for path, tree in trees.items():
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef):
                continue
            messages: list[tuple[ast.expr, int]] = []
            if function.name in makers:
                messages += _made_messages(function)
            for node in ast.walk(function):
                callee = getattr(node, "func", None)
                name = getattr(callee, "attr", None) or getattr(callee, "id", None)
                if isinstance(node, ast.Call) and name in ("error", "DataError") and len(node.args) >= 3:
                    message = node.args[2]
                    if isinstance(message, (ast.Name, ast.Call)):
                        continue  # passed on from a parameter or from a message-making function
                    messages.append((message, node.lineno))
            for message, line in messages:
                where = f"{path.relative_to(package).as_posix()}:{line}"
                pattern = _pattern(message)
                assert pattern is not None, f"{where}: write the message where it is made, so that it can be tested"
                if " " in pattern.replace("\\ ", " "):  # a message has words; a field path has no spaces
                    found.setdefault(re.sub(r"(\(\.\*\))+", "(.*)", pattern), []).append(where)
    return found


def covered(templates: list[str], reports: list[str]) -> set[str]:
    """The templates some case shows: each message line goes to the most specific template it matches."""
    shown = set()
    for expected in reports:
        for line in expected.split("\n"):
            if SUMMARY.fullmatch(line):
                continue
            matching = [t for t in templates if re.fullmatch(PREFIX + t, line)]
            assert matching, f"no template in scripts/edition makes: {line}"
            shown.add(max(matching, key=lambda t: len(t.replace("(.*)", ""))))
    return shown


def test_every_message_template_has_a_case():
    templates = message_templates(PACKAGE)
    cases = [
        *CASES.values(),
        *TRACEABILITY_CASES.values(),
        *EDITORIAL_CASES.values(),
        *HOSTILE_CASES.values(),
        *PAGE_CASES.values(),
        *RENDERER_CASES.values(),
    ]
    reports = [case[-1] for case in cases]
    # data/edition.yml's messages, each asserted verbatim in tests/test_editions.py.
    reports += [f"{message}\n1 error in data/; nothing was built." for *_, message in EDITION_ERRORS.values()]
    shown = covered(list(templates), reports)
    missing = [f"{', '.join(where)}: {t}" for t, where in templates.items() if t not in shown]
    assert len(templates) > 25
    assert missing == []


def test_template_finder_sees_calls_and_picks_the_most_specific(tmp_path):
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "m.py").write_text(
        "def check(c, x):\n"
        "    c.error(where, 'id', f'expected {x}, found none')\n"
        "    c.error(where, 'id', 'expected an id, found none' + hint(x))\n"
        "    errors.append(DataError(mark, '', 'missing file'))\n"
        "\n"
        "def error(self, where, path, message):\n"
        "    self.errors.append(DataError(where, path, message))\n",
        encoding="utf-8",
    )
    templates = message_templates(package)
    assert templates == {
        "expected\\ (.*),\\ found\\ none": ["m.py:2"],
        "expected\\ an\\ id,\\ found\\ none(.*)": ["m.py:3"],
        "missing\\ file": ["m.py:4"],
    }
    case = (
        "x.yml",
        "",
        "",
        "data/x.yml:1:1: id: expected an id, found none; did you mean 'y'?\n1 error in data/; nothing was built.",
    )
    assert covered(list(templates), [case[-1]]) == {"expected\\ an\\ id,\\ found\\ none(.*)"}


def test_every_error_is_reported_in_one_run(tmp_path):
    data = broken(tmp_path, "actors.yml", 'summary: "A country."', 'summary: ""')
    path = data / "proposals.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("area: supply-chain-stability", "area: nowhere"), encoding="utf-8"
    )
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


@pytest.mark.slow
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
