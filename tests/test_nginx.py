"""The published folder served by Debian's nginx with the repository's server block (deploy/nginx/lee2025.conf),
on loopback at a port chosen now: pre-compressed responses, cache and security headers, a Content-Security-
Policy no page violates in Chromium (search included), the site's own 404 page, and redirects for moved pages.
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

import brotli
import pytest

from edition import hosting, urls
from edition.local_nginx import serve
from edition.paths import ROOT

from .helpers import MINIMAL, PUBLISHED_URL, build_site, page_paths, page_type

pytestmark = pytest.mark.slow

# The address of the Done-when line; nginx serves the folder at its path on 127.0.0.1.
PUBLISHED = PUBLISHED_URL


def publish(data: Path) -> Path:
    """A published folder (build with SITE_URL, then the extras) in a folder nginx's workers may read."""
    parent = Path(tempfile.mkdtemp(prefix="edition-published-"))
    os.chmod(parent, 0o755)
    folder = parent / "public"
    result = build_site(folder, data, {"SITE_URL": PUBLISHED})
    assert result.returncode == 0, result.stdout + result.stderr
    extras = subprocess.run(
        [sys.executable, "-m", "edition", "--data", str(data), "publish-extras", str(folder), "--site-url", PUBLISHED],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert extras.returncode == 0, extras.stderr
    return folder


@pytest.fixture(scope="module")
def published() -> Path:
    return publish(ROOT / "data")


@pytest.fixture(scope="module")
def base(published):
    with serve(published) as url:
        yield url


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url: str, encoding: str | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding} if encoding else {})
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


def decoded(headers: dict[str, str], body: bytes) -> bytes:
    coding = headers.get("content-encoding")
    return {"br": brotli.decompress, "gzip": gzip.decompress, None: lambda data: data}[coding](body)


TEXT_SAMPLES = [
    "",
    "sections/iv/",
    "assets/javascripts/bundle.a5f9d56c.min.js",
    "stylesheets/edition.css",
    "search/search_index.json",
    "sitemap.xml",
    "downloads/references.bib",
    "downloads/proposals.csv",
]


@pytest.mark.parametrize("encoding", ["br", "gzip", "br, gzip"])
def test_text_files_come_pre_compressed(published, base, encoding):
    want = "br" if "br" in encoding else "gzip"
    for path in TEXT_SAMPLES:
        status, headers, body = fetch(base + path, encoding)
        assert status == 200, path
        assert headers.get("content-encoding") == want, path
        assert "Accept-Encoding" in headers.get("vary", ""), path
        file = published / (path + "index.html" if path.endswith("/") or not path else path)
        assert decoded(headers, body) == file.read_bytes(), path
        # The compressed copy nginx sent is the one in the folder, not compressed on the fly.
        assert body == file.with_name(file.name + (".br" if want == "br" else ".gz")).read_bytes(), path


def test_without_accept_encoding_the_file_is_sent_as_is(published, base):
    status, headers, body = fetch(base + "sections/iv/")
    assert status == 200 and "content-encoding" not in headers
    assert body == (published / "sections/iv/index.html").read_bytes()
    status, headers, body = fetch(base + urls.PDF)
    assert status == 200 and headers["content-type"] == "application/pdf"
    assert body == (published / urls.PDF).read_bytes()


def test_cache_lifetimes(published, base):
    assets = hosting.hashed_assets(published)
    assert len(assets) >= 4
    for path in assets:
        assert fetch(base + path, "gzip")[1]["cache-control"] == hosting.LONG_CACHE, path
    for path in ["", "sections/iv/", "stylesheets/edition.css", "downloads/lee2025.pdf", "search/search_index.json"]:
        assert fetch(base + path, "gzip")[1]["cache-control"] == hosting.SHORT_CACHE, path


def test_security_headers_on_pages_assets_and_errors(published, base):
    csp = hosting.content_security_policy(published)
    for path in ["", "sections/iv/", hosting.hashed_assets(published)[0], "no/such/page/"]:
        headers = fetch(base + path, "gzip")[1]
        assert headers["content-security-policy"] == csp, path
        assert headers["x-content-type-options"] == "nosniff", path
        assert headers["referrer-policy"] == "strict-origin-when-cross-origin", path
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp
    assert csp.count("'sha256-") >= 3


def test_unknown_urls_get_the_sites_own_404_page(published, base):
    for path in ["no/such/page/", "sections/viii/", "downloads/nothing.pdf", "_headers", "_nginx/security.conf"]:
        status, headers, body = fetch(base + path, "gzip")
        assert status == 404, path
        assert decoded(headers, body) == (published / "404.html").read_bytes(), path
    assert b"Page not found" in (published / "404.html").read_bytes()


def test_a_folder_without_its_slash_redirects_to_it(base):
    status, headers, _ = fetch(base + "sections/iv")
    assert status == 301 and headers["location"] == "/lee2025/sections/iv/"


def test_the_real_edition_has_moved_no_page_yet(published):
    assert (published / "_nginx/redirects.conf").read_text().count("return 301") == 0
    assert (published / "_redirects").read_text().splitlines()[1:] == ["/lee2025/* /lee2025/404.html 404"]


def test_a_renamed_id_redirects_its_old_page():
    # The minimal fixture's edition 2 renamed the proposal "stockpiling" to "stockpile" (data/edition.yml).
    folder = publish(MINIMAL)
    redirects = (folder / "_redirects").read_text()
    assert "/lee2025/proposals/stockpiling/ /lee2025/proposals/stockpile/ 301" in redirects
    with serve(folder) as url:
        for old in ["proposals/stockpiling/", "proposals/stockpiling", "proposals/stockpiling/index.html"]:
            status, headers, _ = fetch(url + old)
            assert (status, headers.get("location")) == (301, "/lee2025/proposals/stockpile/"), old
        assert fetch(url + "proposals/stockpile/")[0] == 200


# Collected in the page before any of its scripts run: CSP violations and uncaught errors.
WATCH = """
window.__csp = []; window.__errors = [];
document.addEventListener("securitypolicyviolation", e => window.__csp.push(e.violatedDirective + " " + e.blockedURI + " " + (e.sample || "")));
window.addEventListener("error", e => window.__errors.push(String(e.message)));
"""


@pytest.mark.browser
def test_no_page_type_violates_the_content_security_policy(published, base, browser):
    kinds: dict[str, str] = {}
    for path in page_paths(published):
        kinds.setdefault(page_type(path), path)
    kinds["404"] = "no/such/page/"
    context = browser.new_context()
    context.add_init_script(WATCH)
    page = context.new_page()
    console: list[str] = []
    page.on(
        "console", lambda message: console.append(f"{page.url}: {message.text}") if message.type == "error" else None
    )
    try:
        for kind, path in sorted(kinds.items()):
            page.goto(base + path, wait_until="networkidle")
            assert page.evaluate("window.__csp") == [], (kind, path)
            assert page.evaluate("window.__errors") == [], (kind, path)
        # Search runs in a worker and fetches its index: still nothing blocked.
        page.goto(base + "sections/iv/", wait_until="networkidle")
        page.keyboard.press("/")
        page.keyboard.type("supply chain")
        page.wait_for_selector(".md-search-result__item", timeout=15000)
        assert page.evaluate("window.__csp") == []
        # The policy is enforced: an inline script the policy does not list is blocked and reported.
        page.evaluate(
            "() => { const s = document.createElement('script'); s.textContent = 'window.__ran = 1'; document.body.append(s); }"
        )
        page.wait_for_function("window.__csp.length > 0")
        assert page.evaluate("window.__ran") is None
        assert page.evaluate("window.__csp")[0].startswith("script-src-elem")
    finally:
        context.close()
    # Expected: the 404 status of the unknown URL itself, and the refusal of the test's own inline script.
    expected_404 = (
        f"{base}no/such/page/: Failed to load resource: the server responded with a status of 404 (Not Found)"
    )
    refused = "Executing inline script violates the following Content Security Policy"
    assert len([line for line in console if refused in line]) <= 1  # the test's own script, if reported yet
    assert [line for line in console if line != expected_404 and refused not in line] == []
