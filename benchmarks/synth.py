"""Synthetic editions k times the size of the real one, for the benchmark.

Copy k of every record is the real record with every id suffixed "-c<k>" and every reference to a
copied id suffixed the same way, so each copy is cross-linked within itself exactly as the real data
is. Copied texts get new lines appended to the data dir's own source copy, so provenance still
checks. The walk follows the record classes of `edition.records` and the files of `edition.load`,
so record kinds other engineers add are copied too.
"""

from __future__ import annotations

import dataclasses
import shutil
import types
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal, Union

import yaml

from edition import records
from edition.load import DATA_FILES, SECTIONS_DIR, SOURCE_FILE
from edition.model import ABSTRACT_ID
from edition.safety import record_source_digest

PAPER_FILE = "paper.yml"
SOURCE_LINE_KEYS = ("source_line", "source-line")
# Words of the paper or of the editor, never ids, though a glossary form such as "decoupling" can
# spell the same as a term id.
TEXT_KEYS = frozenset(
    "text title term words summary statement definition printed original corrected reason query note name "
    "expansion when label forms literal family given".split()
)

NewLine = Callable[[int], int]


def copy_id(value: str, k: int) -> str:
    return value if k == 1 else f"{value}-c{k}"


def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(records))


def _unwrap(hint: Any) -> Any:
    """Optional[X] is X."""
    if typing.get_origin(hint) in (Union, types.UnionType):
        return next(arg for arg in typing.get_args(hint) if arg is not type(None))
    return hint


def _fields(cls: type) -> list[tuple[str, Any]]:
    """(YAML key, type) of each field of a record class."""
    hints = _hints(cls)
    return [(records.yaml_key(f), _unwrap(hints[f.name])) for f in dataclasses.fields(cls)]


def _record_class(hint: Any) -> type | None:
    return hint if dataclasses.is_dataclass(hint) and isinstance(hint, type) else None


def _has_own_ids(cls: type) -> bool:
    # Records whose ids are a fixed set (the 3P elements, typed Literal) do not multiply.
    id_type = dict(_fields(cls)).get("id")
    return id_type is str


def _ids_in(node: Any, hint: Any, into: set[str]) -> None:
    hint = _unwrap(hint)
    cls = _record_class(hint)
    if cls and isinstance(node, dict):
        if _has_own_ids(cls) and isinstance(node.get("id"), str):
            into.add(node["id"])
        for key, field_type in _fields(cls):
            if key in node:
                _ids_in(node[key], field_type, into)
    elif typing.get_origin(hint) is list and isinstance(node, list):
        (item_type,) = typing.get_args(hint)
        for item in node:
            _ids_in(item, item_type, into)


def _remap(node: Any, hint: Any, k: int, ids: set[str], new_line: NewLine) -> Any:
    hint = _unwrap(hint)
    if typing.get_origin(hint) is Literal:
        return node
    cls = _record_class(hint)
    if cls and isinstance(node, dict):
        types_by_key = dict(_fields(cls))
        copy = {}
        for key, value in node.items():
            if key in SOURCE_LINE_KEYS and isinstance(value, int):
                copy[key] = new_line(value)
            elif key in TEXT_KEYS or key not in types_by_key:
                copy[key] = value
            else:
                copy[key] = _remap(value, types_by_key[key], k, ids, new_line)
        return copy
    if typing.get_origin(hint) is list and isinstance(node, list):
        (item_type,) = typing.get_args(hint)
        return [_remap(item, item_type, k, ids, new_line) for item in node]
    if isinstance(node, str) and node in ids:
        return copy_id(node, k)
    return node


def _mentions_abstract(node: Any) -> bool:
    if isinstance(node, dict):
        return any(_mentions_abstract(v) for v in node.values())
    if isinstance(node, list):
        return any(_mentions_abstract(v) for v in node)
    return node == ABSTRACT_ID


def _record_lists(cls: type, document: Any) -> list[tuple[str, Any]]:
    """(key, item type) of each top-level list of records or of ids (like proposal_paragraphs)."""
    found = []
    for key, hint in _fields(cls):
        if typing.get_origin(hint) is list and isinstance(document, dict) and isinstance(document.get(key), list):
            (item_type,) = typing.get_args(hint)
            item_cls = _record_class(item_type)
            if item_type is str or (item_cls and _has_own_ids(item_cls)):
                found.append((key, item_type))
    return found


class Source:
    """The data dir's source copy; copied texts are appended as new lines."""

    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        if self.lines and self.lines[-1] == "":
            self.lines.pop()
        self.original = list(self.lines)

    def append(self, original_line: int) -> int:
        self.lines.append(self.original[original_line - 1])
        return len(self.lines)

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def _paragraph_groups(section: dict) -> list[list[dict]]:
    return [section.get("paragraphs") or []] + [sub.get("paragraphs") or [] for sub in section.get("subsections") or []]


def _renumber(sections: list[dict]) -> None:
    """Paragraph numbers run through the whole paper in reading order, as the validator requires."""
    number = 0
    for section in sections:
        for paragraphs in _paragraph_groups(section):
            for paragraph in paragraphs:
                number += 1
                paragraph["number"] = number


def _read(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _dump(document: Any, path: Path) -> None:
    path.write_text(
        yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=10_000, default_flow_style=False),
        encoding="utf-8",
    )


def make_edition(data_dir: Path, out_dir: Path, scale: int) -> dict[str, int]:
    """Write a data dir `scale` times the size of data_dir into out_dir (which must not exist).

    Returns how many records of each kind it holds: sections, paragraphs, and each top-level list.
    """
    if scale < 1:
        raise ValueError(f"expected a scale of at least 1, found {scale}")
    shutil.copytree(data_dir, out_dir)
    source = Source((out_dir / SOURCE_FILE).read_text(encoding="utf-8"))
    paper = _read(out_dir / PAPER_FILE)
    sections = {sid: _read(out_dir / SECTIONS_DIR / f"{sid}.yml") for sid in paper["contents"]}
    others = {
        name: (cls, _read(out_dir / name))
        for name, cls in DATA_FILES.items()
        if name != PAPER_FILE and (out_dir / name).is_file()
    }
    lists = {name: _record_lists(cls, document) for name, (cls, document) in others.items()}
    originals = {name: {key: list(others[name][1][key]) for key, _type in keyed} for name, keyed in lists.items()}

    ids: set[str] = set()
    for section in sections.values():
        _ids_in(section, records.Section, ids)
    for name, keyed in lists.items():
        for key, item_type in keyed:
            # There is one abstract: what points at it is not multiplied.
            _ids_in([r for r in originals[name][key] if not _mentions_abstract(r)], list[item_type], ids)

    contents = list(paper["contents"])
    ordered = [sections[sid] for sid in contents]
    for k in range(2, scale + 1):
        for sid in paper["contents"]:
            copy = _remap(sections[sid], records.Section, k, ids, source.append)
            # The heading line prints the label, so a copy gets its own label on its own line.
            copy["label"] = f"{sections[sid]['label']}-{k}"
            source.lines[copy["source_line"] - 1] = f"{copy['label']}. {copy['title']}"
            contents.append(copy["id"])
            ordered.append(copy)
        for name, keyed in lists.items():
            for key, item_type in keyed:
                others[name][1][key].extend(
                    _remap(r, item_type, k, ids, source.append)
                    for r in originals[name][key]
                    if not _mentions_abstract(r)
                )

    _renumber(ordered)
    for section in ordered:
        _dump(section, out_dir / SECTIONS_DIR / f"{section['id']}.yml")
    paper["contents"] = contents
    _dump(paper, out_dir / PAPER_FILE)
    for name, (_cls, document) in others.items():
        _dump(document, out_dir / name)
    (out_dir / SOURCE_FILE).write_text(source.text(), encoding="utf-8")
    # The synthetic source is a new copy on purpose, so its digest is recorded anew.
    record_source_digest(out_dir / SOURCE_FILE)
    counts = {"sections": len(ordered), "paragraphs": sum(len(p) for s in ordered for p in _paragraph_groups(s))}
    for name, keyed in lists.items():
        counts.update({key: len(others[name][1][key]) for key, _type in keyed})
    return counts
