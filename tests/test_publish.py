"""Published URLs only in published builds: `make publish` (python -m edition publish) needs SITE_URL, refuses
a local one, and nothing it builds names this machine; preview builds keep the local address (and say so,
see test_citations_cite.py)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from pypdf import PdfReader

from edition import urls
from edition.paths import ROOT
from edition.publish import LOCAL_MARKERS, is_local, local_mentions, site_url_problem

from .helpers import PUBLISHED_URL

USAGE = "(usage: make publish SITE_URL=https://example.org/lee2025/)"


def publish(site_url: str | None, out) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("SITE_URL", None)
    if site_url is not None:
        env["SITE_URL"] = site_url
    return subprocess.run(
        [sys.executable, "-m", "edition", "publish", "--out", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )


@pytest.mark.parametrize(
    "site_url,message",
    [
        (None, f"SITE_URL is not set: a published build needs the site's address {USAGE}"),
        ("", f"SITE_URL is not set: a published build needs the site's address {USAGE}"),
        (
            "http://127.0.0.1:8000/",
            f"SITE_URL points at this machine ('http://127.0.0.1:8000/'); a published build needs the public address {USAGE}",
        ),
        (
            "http://localhost/lee/",
            f"SITE_URL points at this machine ('http://localhost/lee/'); a published build needs the public address {USAGE}",
        ),
        (
            "http://[::1]:8000/",
            f"SITE_URL points at this machine ('http://[::1]:8000/'); a published build needs the public address {USAGE}",
        ),
        ("file:///srv/site/", f"SITE_URL must be an http(s) address with a host, found 'file:///srv/site/' {USAGE}"),
    ],
)
def test_publish_refuses_no_address_or_a_local_one(tmp_path, site_url, message):
    result = publish(site_url, tmp_path / "public")
    assert result.returncode == 1
    assert result.stderr.strip() == message
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "public").exists()


def test_what_counts_as_local():
    for url in (
        "",
        "http://127.0.0.1:8000/",
        "http://127.1.2.3/",
        "http://localhost:8000/",
        "http://app.localhost/",
        "http://[::1]/",
        "http://0.0.0.0:8000/",
        "file:///tmp/site/",
    ):
        assert is_local(url), url
    for url in ("https://example.org/lee2025/", "https://10.0.0.5/", "http://localhost.example.org/"):
        assert not is_local(url), url
    assert site_url_problem(PUBLISHED_URL) is None


@pytest.mark.slow
def test_a_published_build_names_no_local_address_in_any_page_or_download(published_site):
    pages = list(published_site.rglob("*.html"))
    downloads = [p for p in (published_site / urls.DOWNLOADS_DIR).rglob("*") if p.is_file()]
    assert len(pages) > 80 and len(downloads) >= 10
    for path in pages + downloads + list(published_site.rglob("*.xml")) + [published_site / "robots.txt"]:
        if path.suffix == ".pdf":
            continue  # binary: its links are checked below
        text = path.read_text(encoding="utf-8")
        for marker in LOCAL_MARKERS:
            assert marker not in text, (path.relative_to(published_site).as_posix(), marker)
    assert local_mentions(published_site) == []
    # The PDF's links (every ¶ number, the title page) go to the published address.
    uris = [
        str(a.get_object()["/A"]["/URI"])
        for page in PdfReader(published_site / urls.PDF).pages
        for a in page.get("/Annots", [])
        if "/URI" in a.get_object().get("/A", {})
    ]
    assert len(uris) >= 42 and all(uri.startswith(PUBLISHED_URL) for uri in uris)
    # The address it was given is the one everything carries.
    assert PUBLISHED_URL + "sections/iv/#p18" in (published_site / "cite/iv/index.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_the_preview_build_is_what_the_check_would_refuse(built_site):
    found = local_mentions(built_site)
    assert any(line.startswith("index.html: ") for line in found)
    assert any(line.startswith(f"{urls.DOWNLOADS_DIR}/lee2025.ris: ") for line in found)


@pytest.mark.slow
def test_make_publish_builds_into_its_folder(tmp_path):
    result = publish(PUBLISHED_URL, tmp_path / "public")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith(f"published build for {PUBLISHED_URL} in {tmp_path / 'public'}")
    assert local_mentions(tmp_path / "public") == []
