"""Shared fixtures: the checked edition, one strict build of the site per test session, a local
HTTP server for it, and Debian's Chromium driven by Playwright. Helpers that tests import are in helpers.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from edition import zensical_build
from edition.chromium import CHROMIUM
from edition.chromium import FLAGS as CHROMIUM_FLAGS
from edition.docs_folder import read_config
from edition.paths import DATA_DIR
from edition.validate import check

from . import helpers
from .helpers import PUBLISHED_URL, build_site


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/ from the current output")
    parser.addoption(
        "--update-theme-patches", action="store_true", help="record docs/overrides' copies' differences from the theme"
    )


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    # Before the test's fixtures are set up, so that a session fixture building the site is checked too.
    helpers.current_test_is_slow = item.get_closest_marker("slow") is not None


@pytest.fixture(scope="session")
def edition():
    return check(DATA_DIR)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once with --strict; any warning fails the whole session."""
    site = tmp_path_factory.mktemp("site") / "site"
    result = build_site(site)
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    warnings = [line for line in log.splitlines() if line.startswith("WARNING")]
    assert warnings == [], "\n".join(warnings)
    return site


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory, edition) -> Path:
    """The same site built once by Zensical from the generated docs folder and finished (make build-zensical),
    with the settings of `built_site`, so the two can be compared page by page."""
    if not zensical_build.ZENSICAL.is_file():
        pytest.fail(f"{zensical_build.ZENSICAL} is missing: run `make test`, which sets up .venv-zensical")
    root = tmp_path_factory.mktemp("zensical")
    site = root / "site"
    zensical_build.build(edition, read_config(), site, work=root / "work")
    return site


@pytest.fixture(scope="session")
def published_site(tmp_path_factory) -> Path:
    """The site as `make publish SITE_URL=https://example.org/lee2025/` builds it (strict, no warnings)."""
    site = tmp_path_factory.mktemp("published") / "public"
    result = build_site(site, extra_env={"SITE_URL": PUBLISHED_URL})
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    assert [line for line in log.splitlines() if line.startswith("WARNING")] == []
    return site


@pytest.fixture(scope="session")
def site_url(built_site):
    """The built site on a local HTTP server, as a base URL ending in '/'."""
    yield from helpers.serve(built_site)


@pytest.fixture(scope="session")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()
