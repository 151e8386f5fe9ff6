"""docs/overrides/ cannot drift from the installed Material theme.

A block override (a template that `{% extends %}` one of the theme's) may only fill blocks that the theme's
template chain has. A copy of a theme template (where no block reaches the markup) may differ from the
installed original only by its recorded patch, tests/theme_patches/<path>.patch: after a Material upgrade the
test names each copy to redo. To redo one: copy the theme's file over it, apply the patch
(`patch docs/overrides/partials/toc.html tests/theme_patches/partials/toc.html.patch`), fix what no longer
applies, and record the new difference with `pytest tests/test_theme_overrides.py --update-theme-patches`.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import material

from edition.paths import ROOT

OVERRIDES = ROOT / "docs" / "overrides"
THEME = Path(material.__file__).parent / "templates"
PATCHES = Path(__file__).parent / "theme_patches"

_EXTENDS = re.compile(r'^\s*(?:\{#.*?#\}\s*)*\{%-?\s*extends\s+"([^"]+)"', re.DOTALL)
_BLOCK = re.compile(r"\{%-?\s*block\s+(\w+)")


def extended(template: str) -> str | None:
    """The template a file extends, if it starts (after comments) with `{% extends "…" %}`."""
    match = _EXTENDS.match(template)
    return match.group(1) if match else None


def theme_blocks(theme: Path, name: str) -> set[str]:
    """The blocks a theme template and the templates it extends define."""
    blocks: set[str] = set()
    while name and (theme / name).is_file():
        text = (theme / name).read_text(encoding="utf-8")
        blocks |= set(_BLOCK.findall(text))
        name = extended(text) or ""
    return blocks


def patch_of(theme: Path, overrides: Path, name: str) -> str:
    """The copy's difference from the theme's template, as a unified diff."""
    original = (theme / name).read_text(encoding="utf-8").splitlines(keepends=True)
    copy = (overrides / name).read_text(encoding="utf-8").splitlines(keepends=True)
    return "".join(difflib.unified_diff(original, copy, f"material/templates/{name}", f"docs/overrides/{name}"))


def copies(theme: Path, overrides: Path) -> list[str]:
    """The overrides that replace a theme template of the same name instead of extending one."""
    return [
        name
        for name in sorted(p.relative_to(overrides).as_posix() for p in overrides.rglob("*.html"))
        if (theme / name).is_file() and extended((overrides / name).read_text(encoding="utf-8")) is None
    ]


def drift(theme: Path, overrides: Path, patches: Path) -> list[str]:
    """Every way the overrides have left the installed theme behind, one line each, naming the file."""
    found = []
    for path in sorted(overrides.rglob("*.html")):
        name = path.relative_to(overrides).as_posix()
        parent = extended(path.read_text(encoding="utf-8"))
        if parent is not None:
            missing = set(_BLOCK.findall(path.read_text(encoding="utf-8"))) - theme_blocks(theme, parent)
            found += [f"docs/overrides/{name}: block '{b}' is not in the theme's {parent}" for b in sorted(missing)]
    for name in copies(theme, overrides):
        recorded = patches / f"{name}.patch"
        if not recorded.is_file():
            found.append(
                f"docs/overrides/{name}: a copy of the theme's template with no recorded patch ({recorded.name})"
            )
        elif patch_of(theme, overrides, name) != recorded.read_text(encoding="utf-8"):
            found.append(
                f"docs/overrides/{name}: differs from the installed Material {material.__version__} template by more "
                f"than tests/theme_patches/{name}.patch (re-copy it and re-apply the patch)"
            )
    stale = {p.relative_to(patches).as_posix().removesuffix(".patch") for p in patches.rglob("*.patch")}
    found += [
        f"tests/theme_patches/{name}.patch: no such copy in docs/overrides"
        for name in sorted(stale - set(copies(theme, overrides)))
    ]
    return found


def test_overrides_match_the_installed_theme(request):
    if request.config.getoption("--update-theme-patches"):
        for name in copies(THEME, OVERRIDES):
            (PATCHES / f"{name}.patch").parent.mkdir(parents=True, exist_ok=True)
            (PATCHES / f"{name}.patch").write_text(patch_of(THEME, OVERRIDES, name), encoding="utf-8")
    assert drift(THEME, OVERRIDES, PATCHES) == []


def test_only_the_templates_no_block_reaches_are_copies():
    assert copies(THEME, OVERRIDES) == [
        "partials/footer.html",
        "partials/palette.html",
        "partials/search.html",
        "partials/toc.html",
    ]


def test_a_changed_theme_or_an_unknown_block_is_named(tmp_path):
    theme, overrides, patches = tmp_path / "theme", tmp_path / "overrides", tmp_path / "patches"
    for folder in (theme / "partials", overrides / "partials", patches / "partials"):
        folder.mkdir(parents=True)
    (theme / "base.html").write_text("<html>{% block content %}{% endblock %}</html>\n", encoding="utf-8")
    (theme / "main.html").write_text('{% extends "base.html" %}\n', encoding="utf-8")
    (theme / "partials" / "toc.html").write_text("<nav>\n<label>\n</nav>\n", encoding="utf-8")
    (overrides / "main.html").write_text(
        '{#- ours -#}\n{% extends "base.html" %}\n{% block content %}x{% endblock %}\n'
    )
    (overrides / "partials" / "toc.html").write_text("<nav>\n<div>\n</nav>\n", encoding="utf-8")
    (patches / "partials" / "toc.html.patch").write_text(patch_of(theme, overrides, "partials/toc.html"))
    assert drift(theme, overrides, patches) == []
    # The theme changes under the copy; the theme drops a block that an override fills.
    (theme / "partials" / "toc.html").write_text("<nav class='new'>\n<label>\n</nav>\n", encoding="utf-8")
    (theme / "base.html").write_text("<html>{% block main %}{% endblock %}</html>\n", encoding="utf-8")
    assert drift(theme, overrides, patches) == [
        "docs/overrides/main.html: block 'content' is not in the theme's base.html",
        f"docs/overrides/partials/toc.html: differs from the installed Material {material.__version__} template by "
        "more than tests/theme_patches/partials/toc.html.patch (re-copy it and re-apply the patch)",
    ]
