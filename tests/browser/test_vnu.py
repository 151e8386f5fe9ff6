"""Valid HTML gate: the Nu Html Checker (vnu.jar) over every built page in one JVM, zero errors; the
project's own stylesheets (site/stylesheets/) are checked in the same run. Material's minified CSS is not.

Allowances: none are needed today. A theme construct that forces a message would be listed in
ALLOWED with the reason, matched against the message text exactly.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from ..helpers import html_files

# message text → why it cannot be fixed in this project's templates
ALLOWED: dict[str, str] = {}


def run_vnu(vnu_jar, files) -> list[dict]:
    java = shutil.which("java")
    if java is None:
        pytest.fail("java is missing: run `make test`, which installs Debian's default-jre-headless")
    result = subprocess.run(
        [java, "-jar", str(vnu_jar), "--format", "json", "--exit-zero-always", "--also-check-css", *map(str, files)],
        capture_output=True,
        text=True,
        check=True,
    )
    # vnu writes its JSON report to standard error.
    return json.loads(result.stderr)["messages"]


@pytest.mark.slow
@pytest.mark.browser  # needs the npm tools and Java that `make test` installs
def test_every_page_is_valid_html(built_site, vnu_jar):
    files = html_files(built_site)
    stylesheets = sorted((built_site / "stylesheets").glob("*.css"))
    messages = run_vnu(vnu_jar, files + stylesheets)
    problems = [
        f"{m['url'].split(str(built_site))[-1]}:{m.get('lastLine', '?')}: {m['type']}: {m['message']}"
        for m in messages
        if m["message"] not in ALLOWED and (m["type"] == "error" or m.get("subType") in ("warning", "fatal"))
    ]
    assert len(files) > 10 and len(stylesheets) >= 3
    assert problems == [], "\n".join(problems)


@pytest.mark.browser
def test_the_checker_reports_invalid_html(tmp_path, vnu_jar):
    """The gate can fail: a known theme default (autocomplete on a checkbox) is reported."""
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<!doctype html><html lang="en"><head><title>t</title></head>'
        '<body><input type="checkbox" autocomplete="off"></body></html>',
        encoding="utf-8",
    )
    bad_css = tmp_path / "bad.css"
    bad_css.write_text("a { colr: red; }\n", encoding="utf-8")
    messages = run_vnu(vnu_jar, [bad, bad_css])
    assert [m["type"] for m in messages] == ["error", "error"]
    assert messages[0]["message"].startswith("Attribute “autocomplete” is only allowed when the input type is")
    assert messages[1]["message"] == "CSS: “colr”: Property “colr” doesn't exist."
