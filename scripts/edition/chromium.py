"""Debian's Chromium, the flags every browser the project starts (tests, screenshots, the preview image, Lighthouse)
runs with, and one Lighthouse run in it."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path

from .paths import ROOT

# Playwright never downloads a browser here: the machine's own Chromium is the one readers' browsers resemble.
CHROMIUM = "/usr/bin/chromium"
# No sandbox (containers), no GPU, and nothing that reaches the network on its own.
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Lighthouse has an npm lock of its own (tools/lighthouse), installed by `make lighthouse` and `make bench` only.
LIGHTHOUSE = ROOT / "tools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"


def lighthouse(url: str, *options: str) -> dict:
    """Lighthouse's JSON report of one run on `url` (its mobile default unless `options` say otherwise), in this
    Chromium, headless, with FLAGS."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}", *options]
        command.append("--chrome-flags=" + " ".join(["--headless=new", *FLAGS]))
        subprocess.run(command, check=True, env=dict(os.environ, CHROME_PATH=CHROMIUM))
        return json.loads(out.read_text(encoding="utf-8"))
