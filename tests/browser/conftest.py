"""Fixtures for the real-browser gates: the npm tools they inject, found where `make test` installs them."""

from __future__ import annotations

from pathlib import Path

import pytest

from edition.paths import ROOT

NODE_MODULES = ROOT / "node_modules"


def node_tool(relative: str) -> Path:
    path = NODE_MODULES / relative
    if not path.exists():
        pytest.fail(f"{path} is missing: run `make test`, which runs `npm ci --ignore-scripts`")
    return path


@pytest.fixture(scope="session")
def axe_source() -> str:
    return node_tool("axe-core/axe.min.js").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def vnu_jar() -> Path:
    return node_tool("vnu-jar/build/dist/vnu.jar")
