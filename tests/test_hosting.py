"""The host files on their own (hosting.py), on a small folder made here: the CSP's hashes, the rules of
`_headers` (no two set one header on one path), `_redirects`, and reproducible compressed copies."""

from __future__ import annotations

import gzip
import re

import brotli

from edition import hosting, search_pagefind, urls


def test_inline_scripts_are_the_executable_ones_only():
    html = (
        '<script>a()</script><script src="x.js"></script><script type="application/json">{"b":1}</script>'
        '<script type="application/ld+json">{}</script><script type="module">c()</script>'
        '<script type="text/javascript">if (1 < 2 && x) d("</p>")</script>'
    )
    assert hosting.inline_scripts(html) == ["a()", "c()", 'if (1 < 2 && x) d("</p>")']


def test_script_hash_matches_the_csp_specifications_example():
    # CSP Level 3, "hash-source": alert('Hello, world.'); hashes to this value.
    assert hosting.script_hash("alert('Hello, world.');") == "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"


def small_site(tmp_path):
    site = tmp_path / "site"
    for path, text in {
        "index.html": "<script>one()</script>",
        "sections/iv/index.html": "<script>one()</script><script>two()</script>",
        "404.html": "<p>Page not found</p>",
        "assets/javascripts/bundle.a5f9d56c.min.js": "x",
        "assets/javascripts/lunr/min/lunr.fr.min.js": "y",
        "assets/stylesheets/main.57a0d79d.min.css": "z",
        "downloads/proposals.csv": "a,b\n",
        "robots.txt": "User-agent: *\n",
    }.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(text, encoding="utf-8")
    return site


def test_the_policy_lists_each_inline_script_once(tmp_path):
    csp = hosting.content_security_policy(small_site(tmp_path))
    script_src = next(d for d in csp.split("; ") if d.startswith("script-src "))
    assert script_src == "script-src 'self' " + " ".join(
        sorted([hosting.script_hash("one()"), hosting.script_hash("two()")])
    )
    assert "'unsafe-inline'" not in csp


def rules(headers: str) -> list[tuple[str, dict[str, str]]]:
    out: list[tuple[str, dict[str, str]]] = []
    for line in headers.splitlines():
        if line.startswith("/"):
            out.append((line, {}))
        elif line.startswith("  "):
            name, value = line.strip().split(": ", 1)
            out[-1][1][name] = value
    return out


def matches(rule: str, path: str) -> bool:
    """Netlify's and Cloudflare's matching: a trailing * matches any rest of the path."""
    return re.fullmatch(re.escape(rule).replace(r"\*", ".*"), path) is not None


def test_every_file_gets_at_most_one_cache_rule_and_every_page_the_security_headers(tmp_path):
    site = small_site(tmp_path)
    text = hosting.headers_file(site, "/lee2025/", "default-src 'self'")
    parsed = rules(text)
    for file in [p for p in site.rglob("*") if p.is_file()]:
        relative = file.relative_to(site).as_posix()
        paths = [f"/lee2025/{relative}"] + (
            [f"/lee2025/{relative[: -len('index.html')]}"] if relative.endswith("index.html") else []
        )
        for path in paths:
            cache = [
                headers["Cache-Control"]
                for rule, headers in parsed
                if "Cache-Control" in headers and matches(rule, path)
            ]
            security = [
                rule for rule, headers in parsed if "Content-Security-Policy" in headers and matches(rule, path)
            ]
            assert len(security) == 1, path
            expected = hosting.LONG_CACHE if hosting.HASHED_ASSET.search(path) else hosting.SHORT_CACHE
            if relative.startswith("assets/") and expected == hosting.SHORT_CACHE:
                assert cache == [], path  # unhashed theme files: the host's own revalidating default
            else:
                assert cache == [expected], path


def test_redirects_cover_the_page_with_and_without_its_slash():
    moved = [(urls.proposal_page("old"), urls.proposal_page("new"))]
    assert hosting.redirects_file(moved, "/").splitlines()[1:] == [
        "/proposals/old/ /proposals/new/ 301",
        "/proposals/old /proposals/new/ 301",
        "/proposals/old/index.html /proposals/new/ 301",
    ]
    assert hosting.redirects_file([], "/lee2025/").splitlines()[1:] == ["/lee2025/* /lee2025/404.html 404"]
    assert "location = /lee2025/proposals/old/ { return 301 /lee2025/proposals/new/; }" in hosting.nginx_redirects(
        moved, "/lee2025/"
    )


def test_compressed_copies_are_reproducible_and_decompress_to_the_original(tmp_path):
    site = small_site(tmp_path)
    assert hosting.compress(site) == 8  # all eight files are text
    first = {p.name: p.read_bytes() for p in site.rglob("*.gz")} | {p.name: p.read_bytes() for p in site.rglob("*.br")}
    hosting.compress(site)
    again = {p.name: p.read_bytes() for p in site.rglob("*.gz")} | {p.name: p.read_bytes() for p in site.rglob("*.br")}
    assert first == again
    page = site / "sections/iv/index.html"
    assert gzip.decompress((site / "sections/iv/index.html.gz").read_bytes()) == page.read_bytes()
    assert brotli.decompress((site / "sections/iv/index.html.br").read_bytes()) == page.read_bytes()


def test_webassembly_is_allowed_where_search_runs_pagefind(tmp_path):
    site = small_site(tmp_path)
    assert "wasm-unsafe-eval" not in hosting.content_security_policy(site)
    (site / search_pagefind.BUNDLE).mkdir()
    script_src = next(d for d in hosting.content_security_policy(site).split("; ") if d.startswith("script-src "))
    assert script_src.startswith("script-src 'self' 'wasm-unsafe-eval' 'sha256-")
    assert "'unsafe-eval'" not in script_src.split()
