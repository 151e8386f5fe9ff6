"""The README documents every command a person can run (sqlite-utils' test_docs habit)."""

from __future__ import annotations

import ast
import re

from edition.paths import ROOT


def phony_targets() -> list[str]:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = []
    for line in makefile.splitlines():
        if line.startswith(".PHONY:"):
            targets += line.split(":", 1)[1].split()
    return targets


def test_every_make_target_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    internal = {"setup", "browser-deps", "citing-deps", "clean"}  # steps the documented targets run by themselves
    missing = [
        t
        for t in phony_targets()
        if t not in internal and not re.search(rf"(^|`)make {re.escape(t)}(`| |$)", readme, re.MULTILINE)
    ]
    assert missing == []


def test_readme_states_the_url_contract():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for example in ("`SITE/`", "`SITE/sections/iv/`", "`SITE/sections/iv/#iv-1`", "`SITE/sections/iv/#p18`"):
        assert example in readme


def test_readme_lists_every_module():
    """The module table names every module of scripts/edition that holds code, one line each."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    package = ROOT / "scripts" / "edition"
    missing = []
    for path in sorted(package.rglob("*.py")):
        body = ast.parse(path.read_text(encoding="utf-8")).body
        holds_code = any(not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)) for node in body)
        name = path.relative_to(package).as_posix()
        if (
            holds_code
            and path.name != "__main__.py"
            and not re.search(rf"^\| `{re.escape(name)}` \| ", readme, re.MULTILINE)
        ):
            missing.append(name)
    assert missing == []
