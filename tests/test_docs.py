"""The README documents every command a person can run (sqlite-utils' test_docs habit)."""

from __future__ import annotations

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
    missing = [t for t in phony_targets() if t not in internal and not re.search(rf"(^|`)make {re.escape(t)}(`| |$)", readme, re.MULTILINE)]
    assert missing == []


def test_readme_states_the_url_contract():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for example in ("`SITE/`", "`SITE/sections/iv/`", "`SITE/sections/iv/#iv-1`", "`SITE/sections/iv/#p18`"):
        assert example in readme
