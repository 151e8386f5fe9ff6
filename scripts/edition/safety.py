"""Hostile data stops here: one id grammar, visible text, one-line titles and size limits, for every record kind.

The checks walk the typed records field by field (the classes in records.py), so a record kind or a
field added later is covered without a line here. Rules go by the field's YAML name.
"""

from __future__ import annotations

import dataclasses
import hashlib
import inspect
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any

from . import urls
from .errors import DataError, Mark, shown
from .load import SOURCE_FILE, Loaded, Located, display_name
from .records import yaml_key
from .yamlio import locate

# --- ids -----------------------------------------------------------------------------------------

# Ids become file names, URL paths and HTML ids: only these characters are safe in all three, and
# cannot be mistaken for one another. Published ids that break the grammar would be listed in
# ID_EXCEPTIONS; none does.
ID_MAX = 64
ID_GRAMMAR = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
ID_RULE = f"lowercase ASCII letters, digits and single hyphens, starting with a letter, at most {ID_MAX} characters"
ID_EXCEPTIONS: frozenset[str] = frozenset()
# Windows will not create a file or folder with a device's name, whatever its case or extension: an id "con"
# would make the offline zip fail to unzip there, and a Windows contributor could not check out the build.
WINDOWS_DEVICE_NAMES = frozenset(
    {"con", "prn", "aux", "nul"} | {f"{port}{n}" for port in ("com", "lpt") for n in range(1, 10)}
)


def reserved_ids() -> frozenset[str]:
    """Names the site's own pages and folders use ("index", "proposals", "cite", ...), read from urls.py.

    A record with such an id would write its page over one of the site's (proposals/index.md is the
    proposals index) or claim a folder the site needs.
    """
    names = {"index"}
    for name, value in vars(urls).items():
        # Page paths ("proposals/index.md") and folders ("…_DIR"); anchors are checked on the rendered pages.
        if name.isupper() and isinstance(value, str) and (value.endswith(".md") or name.endswith("_DIR")):
            names.update(PurePosixPath(value.removesuffix(".md")).parts)
        elif name.endswith("_FOLDERS") and isinstance(value, tuple):  # folders named per value (facets)
            names.update(part for folder in value for part in PurePosixPath(folder).parts)
        elif name.endswith("_page") and inspect.isfunction(value) and len(inspect.signature(value).parameters) == 1:
            # Only the parts that do not depend on the argument: "proposals" of "proposals/by-x/index.md".
            fixed = zip(PurePosixPath(value("x")).parent.parts, PurePosixPath(value("y")).parent.parts, strict=True)
            names.update(a for a, b in fixed if a == b)
    return frozenset(names)


RESERVED_IDS = reserved_ids()


def id_flaw(value: str) -> str | None:
    """What is wrong with an id, in a few words for the message check_id writes ("it is reserved"), or None."""
    if value in ID_EXCEPTIONS:
        return None
    if len(value) > ID_MAX:
        return f"it has {len(value):,} characters"
    if ID_GRAMMAR.fullmatch(value):
        if value in RESERVED_IDS:
            return "it is reserved"
        if value in WINDOWS_DEVICE_NAMES:
            return "it is a device name on Windows, which can hold no file or folder of that name"
        return None
    for index, char in enumerate(value):
        position = f"character {index + 1}"
        if not ("a" <= char <= "z" or "0" <= char <= "9" or char == "-"):
            what = "an uppercase letter" if "A" <= char <= "Z" else character_name(char)
            return f"{position} is {what}"
        if index == 0 and not "a" <= char <= "z":
            return f"it starts with '{char}', not a letter"
        if char == "-" and index > 0 and value[index - 1] == "-":
            return f"{position} is a second hyphen in a row"
    return "it ends with a hyphen"


def suggest_id(value: str) -> str:
    """The nearest id that follows the grammar, for "did you mean"."""
    ascii_only = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", ascii_only)
    suggestion = "-".join(words)[:ID_MAX].strip("-")
    if suggestion and not suggestion[0].isalpha():
        suggestion = "x-" + suggestion
    return suggestion


def character_name(char: str) -> str:
    name = unicodedata.name(char, "")
    code = f"U+{ord(char):04X}"
    if char == " ":
        return "a space"
    if 0x21 <= ord(char) < 0x7F:
        return f"'{char}'"
    return f"{code} {name}".rstrip()


# --- text ----------------------------------------------------------------------------------------

# Fields that may hold several lines: the editor's prose, which is only ever shown in HTML blocks.
# Every other field is one line (titles, names, labels become Markdown headings and link text).
MULTILINE_FIELDS = frozenset({"summary", "statement", "definition", "note", "reason", "query"})

# Limits in characters by field name; each is far above the longest value in the data (in brackets,
# as of this writing), so only a mistake or an attack reaches one.
LIMITS = {
    "text": 10_000,  # a paragraph or a quote from one [1,615]
    "abstract": 10_000,  # [735]
    "printed": 2_000,  # a reference as printed [264]
    "title": 500,  # [119]
    "URL": 2_000,  # [84]
}
MULTILINE_LIMIT = 5_000  # the editor's prose [229]
DEFAULT_LIMIT = 500  # names, labels, terms, words quoted for a horizon or a status [163]

# Fields whose values machines read, by field name: the pattern a value must match, and how it is described.
FORMATS = {
    # A link from data must not run a script (javascript:), and must stay one token in BibTeX, RIS and HTML.
    "URL": (
        re.compile(r"https?://[^\s\"'<>{}\\^`|]+"),
        "an http:// or https:// address without spaces, quotes, angle brackets, braces or backslashes",
    ),
    "date": (re.compile(r"\d{4}-\d{2}-\d{2}"), "a date written YYYY-MM-DD"),
    "language": (re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*"), "a language tag such as 'en'"),
}

# Invisible characters outside Unicode's control and format classes: the Hangul fillers (this is a
# Korean paper: they pass for blanks in Korean text), the combining grapheme joiner, the braille blank.
INVISIBLE = frozenset("\u034f\u115f\u1160\u3164\uffa0\u2800")
_INVISIBLE_RE = re.compile("[" + "".join(sorted(INVISIBLE)) + "]")
# Unicode's bidirectional controls, named as such in messages because they reorder what a reader sees.
BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u180e\u00ad")


def _kind_of(char: str) -> str | None:
    """Why a character may not stand in a text, or None if it may."""
    if char in BIDI:
        return "a bidirectional control, which reorders the text a reader sees"
    if char in ZERO_WIDTH or char in INVISIBLE:
        return "an invisible character"
    category = unicodedata.category(char)
    if category == "Cc":
        return "a control character"
    if category in ("Zl", "Zp"):
        return "a line separator"
    if category == "Cf":
        return "an invisible formatting character"
    if category == "Co":
        return "a private-use character, which has no agreed meaning"
    if category in ("Cn", "Cs"):
        return "not a character (unassigned or a lone surrogate)"
    return None


def text_problems(value: str, multiline: bool) -> Iterator[tuple[int, str]]:
    """(offset, message) for each kind of unwanted character in a text, at its first occurrence."""
    if value.isprintable() and not _INVISIBLE_RE.search(value):
        return  # the common case, at C speed
    seen: set[str] = set()
    for index, char in enumerate(value):
        if char == "\n":
            if multiline or "newline" in seen:
                continue
            seen.add("newline")
            yield (
                index,
                (
                    f"expected one line (a title, name or label is one line), found a line break at character {index + 1}; "
                    "write it on one line"
                ),
            )
            continue
        kind = _kind_of(char)
        if kind and kind not in seen:
            seen.add(kind)
            yield (
                index,
                f"expected visible text, found {character_name(char)} at character {index + 1}: {kind}; remove it",
            )


def limit_of(name: str) -> int:
    if name in LIMITS:
        return LIMITS[name]
    return MULTILINE_LIMIT if name in MULTILINE_FIELDS else DEFAULT_LIMIT


# --- the walk ------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class IdUse:
    """An id a record declares, and where."""

    value: str
    path: str
    mark: Mark


class Checks:
    """Every field of every record of one file, checked against the rules above."""

    def __init__(self, located: Located, source_text: str, data_dir: Path | None) -> None:
        self.located = located
        self.source_text = source_text
        self.data_dir = data_dir
        self.errors: list[DataError] = []
        self.ids: list[IdUse] = []

    def char_mark(self, path: str, value: str, offset: int) -> Mark:
        return char_mark(self.located, path, value, offset, self.data_dir)

    def error(self, where: Mark, path: str, message: str) -> None:
        self.errors.append(DataError(where, path, message))

    def walk(self, value: Any, path: str, name: str) -> None:
        if dataclasses.is_dataclass(value):
            for field in dataclasses.fields(value):
                key = yaml_key(field)
                self.walk(getattr(value, field.name), f"{path}.{key}" if path else key, key)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                self.walk(item, f"{path}[{index}]", name)
        elif isinstance(value, str):
            if name == "id":
                self.check_id(path, value)
            else:
                self.check_text(path, name, value)

    def check_id(self, path: str, value: str) -> None:
        problem = id_flaw(value)
        if problem is None:
            self.ids.append(IdUse(value, path, self.located.mark(path)))
            return
        if problem == "it is reserved":
            self.error(
                self.located.mark(path),
                path,
                f"expected an id the site does not use itself, found '{value}', which names one of the site's own "
                f"pages or folders; reserved: {', '.join(sorted(RESERVED_IDS))}",
            )
            return
        offset = _first_offset(problem)
        suggestion = suggest_id(value)
        hint = (
            f"; did you mean '{suggestion}'?" if suggestion and suggestion != value and not id_flaw(suggestion) else ""
        )
        where = self.char_mark(path, value, offset) if offset is not None else self.located.mark(path)
        self.error(where, path, f"expected an id ({ID_RULE}), found '{shown(value)}': {problem}{hint}")

    def check_text(self, path: str, name: str, value: str) -> None:
        limit = limit_of(name)
        if len(value) > limit:
            self.error(
                self.located.mark(path),
                path,
                f"expected at most {limit:,} characters in '{name}', found {len(value):,}; "
                f"the limit keeps a mistake from building a huge site",
            )
            return
        if name in FORMATS:
            pattern, description = FORMATS[name]
            if not pattern.fullmatch(value):
                self.error(self.located.mark(path), path, f"expected {description}, found '{shown(value)}'")
                return
        for offset, message in text_problems(value, name in MULTILINE_FIELDS):
            # The printed source is the authority: a character it prints may be quoted as printed.
            if "line break" not in message and value in self.source_text:
                continue
            self.error(self.char_mark(path, value, offset), path, message)


def char_mark(located: Located, path: str, value: str, offset: int, data_dir: Path | None) -> Mark:
    """The file:line:column of one character of a value (the value's start if it cannot be found)."""
    start = located.mark(path)
    file = data_dir.parent / start.file if data_dir is not None else None
    if file is None or not file.is_file():
        return start
    return locate(file.read_text(encoding="utf-8"), start, value, offset)


def _first_offset(problem: str) -> int | None:
    found = re.match(r"character (\d+)", problem)
    return int(found.group(1)) - 1 if found else None


def check_file(located: Located, source_text: str, data_dir: Path | None) -> tuple[list[DataError], list[IdUse]]:
    """The field rules for one loaded file; returns its errors and the ids it declares."""
    checks = Checks(located, source_text, data_dir)
    checks.walk(located.record, "", "")
    return checks.errors, checks.ids


# --- the source copy -----------------------------------------------------------------------------

# Beside the source copy, in the format of `sha256sum`, so `sha256sum -c SHA256SUMS` checks it too.
DIGEST_FILE = "SHA256SUMS"


def source_digest(source: Path) -> str:
    return hashlib.sha256(source.read_bytes()).hexdigest()


def record_source_digest(source: Path) -> None:
    """Write the digest file for a source copy: only for a deliberate new copy of the publisher's text."""
    (source.parent / DIGEST_FILE).write_text(f"{source_digest(source)}  {source.name}\n", encoding="utf-8")


def check_source_digest(source: Path, display: str) -> list[DataError]:
    """The source copy must be byte for byte the one whose digest was recorded beside it."""
    digests = source.parent / DIGEST_FILE
    digest_display = str(PurePosixPath(display).parent / DIGEST_FILE)
    if not source.is_file():
        return []  # load.py reports the missing source
    if not digests.is_file():
        return [
            DataError(
                Mark(digest_display, 1, 1),
                "",
                f"missing file: the SHA-256 digest of {source.name} (see README, Data errors)",
            )
        ]
    for number, line in enumerate(digests.read_text(encoding="utf-8").splitlines(), start=1):
        digest, _, name = line.partition("  ")
        if name.strip().lstrip("*") != source.name:
            continue
        actual = source_digest(source)
        if digest.strip().lower() == actual:
            return []
        return [
            DataError(
                Mark(display, 1, 1),
                "",
                f"expected the source copy whose SHA-256 is recorded in {digest_display}:{number} "
                f"({digest.strip()[:12]}…), found {actual[:12]}…: the source copy was changed. It is never "
                "edited (corrections go in data/errata.yml); if the publisher's text was deliberately copied again, "
                f"record it with: cd {PurePosixPath(display).parent} && sha256sum {source.name} > {DIGEST_FILE}",
            )
        ]
    return [DataError(Mark(digest_display, 1, 1), "", f"expected a line '<sha256>  {source.name}', found none")]


def check_loaded(loaded: Loaded, data_dir: Path) -> tuple[list[DataError], dict[str, list[tuple[Mark, str]]]]:
    """Every rule above, over every file that loaded, and the source copy's digest.

    Returns the errors and every id declared, with where: {id: [(mark, field path)]}.
    """
    source_text = "\n".join(loaded.source_lines)
    errors: list[DataError] = []
    declared: dict[str, list[tuple[Mark, str]]] = {}
    for located in [*loaded.files.values(), *loaded.sections]:
        found, ids = check_file(located, source_text, data_dir)
        errors += found
        for use in ids:
            declared.setdefault(use.value, []).append((use.mark, use.path))
    source = data_dir / SOURCE_FILE
    errors += check_source_digest(source, display_name(data_dir, source))
    return errors, declared
