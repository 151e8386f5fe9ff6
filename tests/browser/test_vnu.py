"""Valid HTML gate: the Nu Html Checker (vnu.jar) over every built page in one JVM, zero errors; the
project's own stylesheets (site/stylesheets/) are checked in the same run. Material's minified CSS is not.

Allowances: a message that a theme construct forces, which no block override can reach, is listed in ALLOWED
with the markup it points at and the reason. An allowance that no page needs any more fails the gate too.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from ..helpers import html_files

AUTOCOMPLETE_ON_CHECKBOX = (
    "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, “datetime-local”, “email”, "
    "“hidden”, “month”, “number”, “password”, “range”, “search”, “tel”, “text”, “time”, “url”, or “week”."
)
# Material's base.html writes its two hidden toggles outside any block, so only a copy of the whole template
# (259 lines, drifting from the theme) could drop the attribute. Browsers ignore it on a checkbox except
# Firefox, which it keeps from restoring the menu or search open when a reader goes back: harmless, and useful.
TOGGLES_REASON = "Material's hidden toggles in base.html, outside any block; kept so Firefox does not restore them"

# (message text, the markup it points at) → why it cannot be fixed in this project's templates
ALLOWED: dict[tuple[str, str], str] = {
    (
        AUTOCOMPLETE_ON_CHECKBOX,
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
    ): TOGGLES_REASON,
    (
        AUTOCOMPLETE_ON_CHECKBOX,
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
    ): TOGGLES_REASON,
}


def allowance(message: dict) -> tuple[str, str] | None:
    """The ALLOWED entry that covers a message, if any."""
    return next((key for key in ALLOWED if message["message"] == key[0] and key[1] in message.get("extract", "")), None)


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
        if allowance(m) is None and (m["type"] == "error" or m.get("subType") in ("warning", "fatal"))
    ]
    assert len(files) > 10 and len(stylesheets) >= 3
    assert problems == [], "\n".join(problems)
    used = {allowance(m) for m in messages}
    assert [key for key in ALLOWED if key not in used] == [], "allowances no page needs any more: remove them"


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
    assert allowance(messages[0]) is None  # the allowance covers Material's two toggles only
    assert messages[1]["message"] == "CSS: “colr”: Property “colr” doesn't exist."
