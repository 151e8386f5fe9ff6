"""What the rendered site publishes, checked before a file is written: every page's anchors are unique,
and every URL of the contract (tests/published_urls.txt) is still made by the data.

The checks read the rendered Markdown, not the records, so a page or an anchor that a later issue adds is
covered without a change here. Anchors are read where the renderers write them: `{#id …}` at the end of
a heading and `id="…"` in raw HTML (data never reaches either unescaped: ids follow one grammar and
text is escaped, so neither pattern can come from a value).
"""

from __future__ import annotations

import difflib
import inspect
import re
from collections import Counter, defaultdict
from pathlib import Path, PurePosixPath

from . import urls
from .errors import DataError, Mark
from .model import Edition
from .paths import ROOT

# `{#anchor` opening a heading's attribute list (an escaped "\{" is text), and id="anchor" in raw HTML.
_HEADING_ANCHOR = re.compile(r"(?<!\\)\{#([^\s}]+)")
_HTML_ANCHOR = re.compile(r"<[a-zA-Z][^<>]*?\sid=\"([^\"]+)\"")
PAGE_SUFFIX = ".md"
# Every page URL and anchor ever published (see README, URL contract); lines are only ever added.
CONTRACT = ROOT / "tests" / "published_urls.txt"


def page_anchors(text: str) -> list[str]:
    """The anchors a generated page declares, in order, repeats included."""
    anchors = []
    in_front_matter = False
    for number, line in enumerate(text.split("\n")):
        if line == "---" and (number == 0 or in_front_matter):
            in_front_matter = not in_front_matter
            continue
        if in_front_matter:
            continue
        if line.startswith("#"):
            anchors += _HEADING_ANCHOR.findall(line)
        else:
            anchors += _HTML_ANCHOR.findall(line)
    return anchors


def site_anchors(files: dict[str, str]) -> dict[str, list[str]]:
    """{page source path: its anchors} for every generated page (downloads have none)."""
    return {path: page_anchors(text) for path, text in files.items() if path.endswith(PAGE_SUFFIX)}


# --- one anchor, one element ---------------------------------------------------------------------


def _anchor_patterns() -> list[re.Pattern]:
    """How urls.py turns ids into anchors ("term-" + id, …), as patterns whose groups are the ids."""
    patterns = [re.compile(r"(?P<a0>.+)")]
    for name, function in vars(urls).items():
        if not (name.endswith("_anchor") and inspect.isfunction(function)):
            continue
        count = len(inspect.signature(function).parameters)
        sentinels = [f"\x00{i}\x00" for i in range(count)]
        shape = re.escape(function(*sentinels))
        for i, sentinel in enumerate(sentinels):
            shape = shape.replace(re.escape(sentinel), f"(?P<a{i}>.+?)")
        patterns.append(re.compile(shape))
    return patterns


def _ids_in(anchor: str, patterns: list[re.Pattern]) -> set[str]:
    found: set[str] = set()
    for pattern in patterns:
        match = pattern.fullmatch(anchor)
        if match:
            found.update(match.groupdict().values())
    return found


def duplicate_anchors(files: dict[str, str], ids: dict[str, list[tuple[Mark, str]]]) -> list[DataError]:
    """An anchor two elements of one page share: the link goes to the first, the second is lost.

    `ids` is {id: [(where it is declared, its field path)]}. Each record whose id makes the anchor is told.
    """
    patterns = _anchor_patterns()
    errors = []
    for path, anchors in site_anchors(files).items():
        for anchor, count in Counter(anchors).items():
            if count < 2:
                continue
            owners = [
                (mark, field, value)
                for value in sorted(_ids_in(anchor, patterns))
                for mark, field in ids.get(value, [])
            ]
            page = "/" + urls.page_url(path)
            for mark, field, value in owners:
                others = [f"{m}" for m, _f, _v in owners if m != mark]
                by = f"the record at {', '.join(others)}" if others else "the page itself"
                errors.append(
                    DataError(
                        mark,
                        field,
                        f"expected an id whose anchor '#{anchor}' is unique on {page}, found '{value}': {by} makes "
                        f"'#{anchor}' there too, and a link can reach only one of them; choose another id",
                    )
                )
            if not owners:  # two of the site's own anchors: a renderer's mistake, not the data's
                errors.append(DataError(Mark(path, 1, 1), "", f"the anchor '#{anchor}' is on {page} {count} times"))
    return errors


# --- the URL contract ----------------------------------------------------------------------------


def published_urls(files: dict[str, str]) -> set[str]:
    """Every page URL and anchor the generated pages make, in the contract's form ("/sections/iv/#p18")."""
    made = set()
    for path, anchors in site_anchors(files).items():
        page = "/" + urls.page_url(path)
        made.add(page)
        made.update(f"{page}#{anchor}" for anchor in anchors)
    return made


def read_contract(contract: Path) -> list[tuple[int, str]]:
    """(line number, URL) of each URL the contract lists."""
    lines = contract.read_text(encoding="utf-8").split("\n")
    return [(number, line.strip()) for number, line in enumerate(lines, 1) if line.strip() and not line.startswith("#")]


def check_contract(
    files: dict[str, str], contract: Path, display: str, ids: dict[str, list[tuple[Mark, str]]] | None = None
) -> list[DataError]:
    """The listed URLs the data would no longer make, one error per id they were made from.

    The error points at the contract's line, or, when the id looks renamed, at the new id in data/.
    """
    made = published_urls(files)
    made_pages = {url for url in made if "#" not in url}
    listed = read_contract(contract)
    missing = [(number, url) for number, url in listed if url not in made]
    if not missing:
        return []
    # The ids each missing URL could have been made from ("cite-p14-apa": p14, …); the one most of them
    # share names the group.
    candidates = {url: _url_ids(url, url.partition("#")[0] not in made_pages) for _number, url in missing}
    shared = Counter(value for values in candidates.values() for value in values)
    groups: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for number, url in missing:
        source_id = max(candidates[url], key=lambda value: (shared[value], len(value)))
        groups[source_id].append((number, url))
    if ids:
        published_ids = {value for _number, url in listed for value in _url_ids(url, True)}
        new_ids = set(ids) - published_ids
    else:
        new_ids = {value for url in made - {url for _n, url in listed} for value in _url_ids(url, True)}
    errors = []
    for source_id, broken in groups.items():
        # The URL named first is the one whose anchor or page is the id itself.
        broken.sort(key=lambda item: (not _names(item[1], source_id), item[0]))
        shown_urls = ", ".join(url for _number, url in broken[:4]) + (
            f" and {len(broken) - 4} more" if len(broken) > 4 else ""
        )
        close = difflib.get_close_matches(source_id, sorted(new_ids - {source_id}), n=1, cutoff=0.6)
        renamed = f" Was it renamed to '{close[0]}'?" if close else ""
        where, field = (Mark(display, broken[0][0], 1), "")
        if close and ids and ids.get(close[0]):
            where, field = ids[close[0]][0]
        errors.append(
            DataError(
                where,
                field,
                f"expected the data to make every published URL ({display}), found {len(broken)} made from the id "
                f"'{source_id}' missing: "
                f"{shown_urls}.{renamed} Published URLs are citations: keep the id (a correction goes in "
                "data/errata.yml; a page that moves keeps a redirect)",
            )
        )
    return errors


def _runs(name: str) -> set[str]:
    """Every run of hyphen-separated words in an anchor or page name: the ids it could hold."""
    words = name.split("-")
    return {"-".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}


def _url_ids(url: str, page_missing: bool) -> set[str]:
    page, _, anchor = url.partition("#")
    found = _runs(anchor) if anchor else set()
    if page_missing or not anchor:
        found |= _runs(PurePosixPath(page).name or "index")
    return found


def _names(url: str, value: str) -> bool:
    page, _, anchor = url.partition("#")
    return anchor == value or (not anchor and PurePosixPath(page).name == value)


# --- where files go ------------------------------------------------------------------------------


class UnsafePath(ValueError):
    """A generated file would land outside the output folder, or somewhere no file should be."""


def safe_path(path: str) -> PurePosixPath:
    """A generated file's path, refused unless it is plainly relative and stays inside its folder.

    The id grammar keeps data from making such paths; this is the last line, for data that slipped past.
    """
    pure = PurePosixPath(path)
    problem: str | None = None
    if not path or path != path.strip() or any(ord(c) < 0x20 or c in '\\:*?"<>|' for c in path):
        problem = "it holds characters no file name here may have"
    elif pure.is_absolute():
        problem = "it is absolute"
    elif any(part in ("..", ".", "") for part in path.split("/")):
        problem = "it climbs out of its folder or has an empty part"
    elif any(len(part.encode("utf-8")) > 200 for part in pure.parts):
        problem = "a part of it is too long for a file name"
    if problem:
        raise UnsafePath(
            f"refused to write '{path[:120]}': {problem}; a generated file never goes outside the output folder"
        )
    return pure


def inside(root: Path, path: str) -> Path:
    """The file under root a generated path names, resolved, or UnsafePath."""
    safe_path(path)
    base = root.resolve()
    target = (base / path).resolve()
    if target == base or not target.is_relative_to(base):
        raise UnsafePath(f"refused to write '{path[:120]}': it resolves to {target}, outside the output folder {base}")
    return target


def contract_for(data_dir: Path) -> Path | None:
    """The URL contract applies to the project's own data; a copy elsewhere (a test, the benchmark) is not published."""
    return CONTRACT if data_dir.resolve() == (ROOT / "data").resolve() and CONTRACT.is_file() else None


def check_site(edition: Edition, files: dict[str, str], contract: Path | None = None) -> list[DataError]:
    """Every check of the rendered files: unique anchors, and the contract when one is given."""
    errors = duplicate_anchors(files, edition.declared_ids)
    if contract is not None:
        display = (
            contract.resolve().relative_to(ROOT).as_posix()
            if contract.resolve().is_relative_to(ROOT)
            else str(contract)
        )
        errors += check_contract(files, contract, display, edition.declared_ids)
    for path in files:
        try:
            safe_path(path)
        except UnsafePath as unsafe:
            errors.append(DataError(Mark(path[:120], 1, 1), "", str(unsafe)))
    return sorted(errors, key=DataError.sort_key)
