"""The one script file a page loads (edition/site_script.py): the theme's bundle, then the edition's scripts, named
by its content, and every page pointed at it. Its behaviour in a browser is tested by the browser tests of the
reading switches, the colour toggle, the proposal filters and the search preload."""

from __future__ import annotations

import subprocess
from pathlib import Path

import material
import pytest

from edition import finish, hosting, site_script

# The installed Material's bundle, as MkDocs copies it into the site.
THEME_ASSETS = Path(material.__file__).parent / "templates" / site_script.ASSETS
THEME_BUNDLE = sorted(path for path in THEME_ASSETS.iterdir() if site_script.THEME_BUNDLE.fullmatch(path.name))


@pytest.mark.parametrize("path", site_script.BEFORE + site_script.SCRIPTS, ids=lambda path: path.name)
def test_a_compacted_script_is_the_same_program(path: Path, tmp_path: Path):
    """Comment lines and indentation go; the program stays: node parses the result, and only comment lines and
    blank lines were left out."""
    text = path.read_text(encoding="utf-8")
    compact = site_script.compact(text)
    assert len(compact) < len(text) * 0.8
    (tmp_path / path.name).write_text(compact, encoding="utf-8")
    subprocess.run(["node", "--check", str(tmp_path / path.name)], check=True)
    kept = [line.strip() for line in text.splitlines() if line.strip() and not line.strip().startswith("//")]
    assert compact.splitlines() == kept


def test_the_joined_file_is_ours_to_run_first_the_theme_bundle_then_ours_in_order_without_the_source_map():
    theme = b'"use strict";(()=>{var a=1;})();\n//# sourceMappingURL=bundle.0123abcd.min.js.map\n'
    joined = site_script.joined(theme).decode()
    # The file's first statement is the theme's directive: what runs before the theme's bundle is strict too.
    assert joined.startswith('"use strict";\n// docs/overrides/partials/search-after-paint.js\n(function () {\n')
    assert (
        '})();;\n"use strict";(()=>{var a=1;})();;\n// docs/overrides/partials/reading.js\n(function () {\n' in joined
    )
    assert "sourceMappingURL" not in joined
    names = ["reading.js", "search-preload.js", "palette.js", "proposal-filters.js"]
    starts = [joined.index(f"// docs/overrides/partials/{name}\n") for name in names]
    assert starts == sorted(starts)
    for path in site_script.BEFORE + site_script.SCRIPTS:
        assert site_script.compact(path.read_text(encoding="utf-8")) in joined
    # Each part closed by a semicolon of its own: no script's "(function" calls the part before it.
    assert joined.count(";\n// docs/overrides/partials/") == 5
    assert joined.endswith("})();;\n")


def test_a_theme_bundle_that_is_not_strict_gets_no_directive_of_ours():
    joined = site_script.joined(b"(()=>{var a=1;})();\n")
    assert joined.startswith(b"// docs/overrides/partials/search-after-paint.js\n(function () {\n")
    assert b'"use strict"' not in joined


def test_the_joined_file_with_the_real_theme_bundle_parses_in_strict_mode(tmp_path: Path):
    """The bundle's "use strict" covers our scripts too: node parses the whole file (a strict-mode error, such as
    a duplicate parameter name, is a syntax error)."""
    assert len(THEME_BUNDLE) == 1
    joined = site_script.joined(THEME_BUNDLE[0].read_bytes())
    assert joined.startswith(b'"use strict";\n// docs/overrides/partials/search-after-paint.js\n')
    (tmp_path / "edition.js").write_bytes(joined)
    subprocess.run(["node", "--check", str(tmp_path / "edition.js")], check=True)
    broken = tmp_path / "broken.js"
    broken.write_bytes(joined + b"(function (a, a) {})();\n")
    assert subprocess.run(["node", "--check", str(broken)], capture_output=True).returncode != 0


def test_the_name_is_the_content_hash_and_the_host_caches_it_for_good():
    name = site_script.file_name(b"x")
    assert name == "edition.2d711642.min.js"  # sha256(b"x") = 2d711642b726b044...
    assert site_script.OURS.fullmatch(name)
    assert hosting.HASHED_ASSET.search(name)
    assert site_script.file_name(b"y") != name


def _site(root: Path, bundle: bytes = b'"use strict";(()=>{})();\n') -> Path:
    (root / "assets" / "javascripts").mkdir(parents=True)
    (root / "assets" / "javascripts" / "bundle.0123abcd.min.js").write_bytes(bundle)
    (root / "a" / "b").mkdir(parents=True)
    return root


def test_every_page_is_pointed_at_the_joined_file_and_finishing_twice_changes_nothing(tmp_path: Path):
    site = _site(tmp_path)
    page = b'<p>bundle.0123abcd.min.js</p><script src="../../assets/javascripts/bundle.0123abcd.min.js"></script>'
    (site / "a" / "b" / "index.html").write_bytes(page)
    (site / "404.html").write_bytes(b'<script src="/x/assets/javascripts/bundle.0123abcd.min.js"></script>')
    names = site_script.write(site)
    assert names is not None
    theme, ours = names
    assert theme == "bundle.0123abcd.min.js"
    content = site_script.joined(b'"use strict";(()=>{})();\n')
    assert ours == site_script.file_name(content)
    assert (site / "assets" / "javascripts" / ours).read_bytes() == content
    swap = site_script.pointer(names)
    pointed = site_script.point(page, swap)
    # Only the script's address changes, with its path relative to the page.
    assert pointed == page.replace(b'/bundle.0123abcd.min.js"', f'/{ours}"'.encode())
    assert site_script.point(pointed, swap) == pointed
    done = site / "a" / "b" / "index.html"
    finish.finish_theme_pages(site, swap, {done})
    assert (site / "404.html").read_bytes() == f'<script src="/x/assets/javascripts/{ours}"></script>'.encode()
    assert done.read_bytes() == page
    assert site_script.write(site) == names
    assert sorted(p.name for p in (site / "assets" / "javascripts").iterdir()) == sorted([theme, ours])


def test_an_older_joined_file_is_removed_and_a_site_without_a_theme_bundle_is_left_alone(tmp_path: Path):
    site = _site(tmp_path / "site")
    old = site / "assets" / "javascripts" / "edition.00000000.min.js"
    old.write_bytes(b"old")
    other = site / "assets" / "javascripts" / "edition.js"
    other.write_bytes(b"not ours")
    assert site_script.write(site) is not None
    assert not old.exists() and other.exists()
    bare = tmp_path / "bare"
    bare.mkdir()
    assert site_script.write(bare) is None
    assert site_script.point(b"<p>x</p>", site_script.pointer(None)) == b"<p>x</p>"


def test_two_theme_bundles_are_refused(tmp_path: Path):
    site = _site(tmp_path)
    (site / "assets" / "javascripts" / "bundle.4567cdef.min.js").write_bytes(b"")
    with pytest.raises(site_script.ThemeBundleNotFound) as caught:
        site_script.write(site)
    assert str(caught.value) == (
        f"{site / 'assets' / 'javascripts'}: 2 bundles of the theme (bundle.0123abcd.min.js, bundle.4567cdef.min.js),"
        " expected one"
    )
