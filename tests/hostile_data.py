"""A poisoned copy of data/: markup, quotes, entities and Markdown appended to every text a contributor
could write, in values that pass every check. What the site makes of it must be inert text.

The walk follows the record classes of `edition.records`, so text fields added later are poisoned too.
Texts the build checks against the source (paragraphs, headings, the abstract, the printed references)
get the same words appended to their line of the source copy, whose digest is then recorded anew.
"""

from __future__ import annotations

import dataclasses
import shutil
import types
import typing
from pathlib import Path
from typing import Any, Union

import yaml

from edition import records
from edition.load import DATA_FILES, SECTIONS_DIR, SOURCE_FILE
from edition.safety import record_source_digest

# One line, no control characters, well under every limit: it passes the checks on purpose.
MARKER = "ZQX"
PAYLOAD = (
    f" {MARKER} \"quoted\" 'single' <b>bold</b> &amp; &lt;i&gt; {{: onclick=alert(1) }} </title></script>"
    "<script>alert(2)</script><img src=x onerror=alert(3)> {#injected} [link](javascript:alert(4)) *em* "
    "<!-- ]]> \\ ${x} {{ page.title }}"
)

# Texts checked word for word against the source, by record class: poisoning one means poisoning its
# source line too.
VERBATIM = {
    records.Paragraph: "text",
    records.Section: "title",
    records.Subsection: "title",
    records.Figure: "title",
    records.Reference: "printed",
    records.Paper: "abstract",
}
SOURCE_LINE = {records.Paper: "abstract_source_line"}
# The editor's free text, and the paper's front matter, which the build takes as given.
FREE = frozenset(
    "title title_sentence_case summary statement definition reason query note name term expansion credits contact "
    "programme centre publisher affiliation position department university".split()
)
# Their values are checked against another text (a CSL field must be printed in its reference).
NOT_FREE = (records.Reference, records.Name)


def _unwrap(hint: Any) -> Any:
    if typing.get_origin(hint) in (Union, types.UnionType):
        return next(arg for arg in typing.get_args(hint) if arg is not type(None))
    return hint


def _poison(node: Any, cls: type, source: list[str], path: str = "", printed: frozenset = frozenset()) -> None:
    """Poison a record in place. `printed` holds the dotted paths of front-matter values the source must print
    (the paper's `provenance` entries with a line): they are left alone, like the CSL fields."""
    if not isinstance(node, dict):
        return
    if cls is records.Paper:
        printed = frozenset(entry["field"] for entry in node.get("provenance", []) if entry.get("line"))
    if cls is records.Reference and node["title"] in node["printed"]:
        # A CSL field must be printed in its reference: the title is poisoned in the printed line as well.
        node["printed"] = node["printed"].replace(node["title"], node["title"] + PAYLOAD, 1)
        node["title"] += PAYLOAD
        source[node["source-line"] - 1] = node["printed"]
    hints = typing.get_type_hints(cls, vars(records))
    for field in dataclasses.fields(cls):
        key = records.yaml_key(field)
        if key not in node:
            continue
        hint = _unwrap(hints[field.name])
        value = node[key]
        dotted = f"{path}.{key}" if path else key
        if dataclasses.is_dataclass(hint):
            _poison(value, hint, source, dotted, printed)
        elif typing.get_origin(hint) is list and dataclasses.is_dataclass(typing.get_args(hint)[0]):
            for item in value:
                _poison(item, typing.get_args(hint)[0], source, dotted, printed)
        elif dotted in printed or (key == "expansion" and node.get("expansion_by") == "paper"):
            continue  # printed in the source, or "as the paper gives it": checked against the paper's words
        elif hint is str and isinstance(value, str):
            if VERBATIM.get(cls) == key:
                line_key = SOURCE_LINE.get(cls) or ("source-line" if "source-line" in node else "source_line")
                source[node[line_key] - 1] += PAYLOAD
                node[key] = value + PAYLOAD
            elif key in FREE and not issubclass(cls, NOT_FREE):
                node[key] = value + PAYLOAD


def poisoned_copy(data_dir: Path, out: Path) -> Path:
    """A copy of data_dir with every free and verbatim text poisoned; returns out."""
    shutil.copytree(data_dir, out)
    source_path = out / SOURCE_FILE
    source = source_path.read_text(encoding="utf-8").split("\n")
    files = [(out / name, cls) for name, cls in DATA_FILES.items()]
    files += [(path, records.Section) for path in sorted((out / SECTIONS_DIR).glob("*.yml"))]
    for path, cls in files:
        if not path.is_file():
            continue
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        _poison(document, cls, source)
        path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=100_000), encoding="utf-8")
    source_path.write_text("\n".join(source), encoding="utf-8")
    record_source_digest(source_path)
    return out
