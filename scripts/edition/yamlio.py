"""Read YAML files into plain dicts and lists that remember where each value was written."""

from __future__ import annotations

from collections.abc import Generator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from . import limits
from .errors import DataError, Mark, path_text, shown


class MarkedDict(dict):
    """A mapping that knows where it starts and where each of its keys and values stand."""

    mark: Mark
    key_marks: dict[str, Mark]
    value_marks: dict[str, Mark]


class MarkedList(list):
    mark: Mark
    item_marks: list[Mark]


class MarkedStr(str):
    mark: Mark


def _mark(file: str, node: yaml.Node) -> Mark:
    # PyYAML marks are 0-based.
    return Mark(file, node.start_mark.line + 1, node.start_mark.column + 1)


# What a constructor may be given: a tag such as `!!map` can stand on any kind of node.
_Node = yaml.ScalarNode | yaml.SequenceNode | yaml.MappingNode

# libyaml's parser (CSafeLoader) is several times faster and keeps the same marks; PyYAML built without
# libyaml falls back to the pure-Python one.
# Typed as the pure-Python one: both share SafeConstructor, the part the subclass overrides.
if TYPE_CHECKING:
    _BaseLoader = yaml.SafeLoader
else:
    _BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _MarkingLoader(_BaseLoader):
    """A subclass, so the global SafeLoader is never changed."""

    display_name: str
    duplicate_keys: list[DataError]
    # Where each alias is used, by the path of the value it stands for (limits.scan_aliases): a value
    # reached through an alias is reported where the alias stands, not where its anchor is.
    alias_uses: dict[tuple, Mark]
    # The path of the value being built, so a message can name it in full ("proposals[0].title").
    path: list

    def construct_mapping(self, node: _Node, deep: bool = False) -> dict[Any, Any]:
        if not isinstance(node, yaml.MappingNode):
            raise _wrong_node("mapping", node)
        self.flatten_mapping(node)
        result = MarkedDict()
        result.mark = _mark(self.display_name, node)
        result.key_marks = {}
        result.value_marks = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                # A list or mapping as a key has no use in data/ and can be made huge with aliases.
                found = "a list" if isinstance(key_node, yaml.SequenceNode) else "a mapping"
                self.duplicate_keys.append(
                    DataError(
                        _mark(self.display_name, key_node),
                        path_text(self.path),
                        f"expected text as a key, found {found}",
                    )
                )
                continue
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                key = str(key)
            if key in result:
                first = result.key_marks[key]
                self.duplicate_keys.append(
                    DataError(
                        _mark(self.display_name, key_node),
                        path_text(self.path + [key]),
                        f"duplicate key '{shown(key)}': it was already set at line {first.line}; "
                        "YAML would silently keep only the last value",
                    )
                )
            self.path.append(key)
            result[key] = self.construct_object(value_node, deep=True)
            result.value_marks[key] = self.alias_uses.get(tuple(self.path)) or _mark(self.display_name, value_node)
            self.path.pop()
            result.key_marks[key] = _mark(self.display_name, key_node)
        return result

    def construct_sequence(self, node: _Node, deep: bool = False) -> list[Any]:
        if not isinstance(node, yaml.SequenceNode):
            raise _wrong_node("sequence", node)
        result = MarkedList()
        result.item_marks = []
        for index, child in enumerate(node.value):
            self.path.append(index)
            result.append(self.construct_object(child, deep=True))
            result.item_marks.append(self.alias_uses.get(tuple(self.path)) or _mark(self.display_name, child))
            self.path.pop()
        result.mark = _mark(self.display_name, node)
        return result

    def construct_yaml_str(self, node: yaml.ScalarNode) -> str:
        value = MarkedStr(super().construct_scalar(node))
        value.mark = _mark(self.display_name, node)
        return value

    def construct_yaml_map(self, node: _Node) -> Generator[dict[Any, Any], None, None]:
        # The default generator form delays filling the dict; build it whole so marks are set.
        yield self.construct_mapping(node)

    def construct_yaml_seq(self, node: _Node) -> Generator[list[Any], None, None]:
        yield self.construct_sequence(node)


def _wrong_node(expected: str, node: _Node) -> yaml.constructor.ConstructorError:
    # PyYAML's own words for it; load_yaml reports them as a syntax error at the node.
    return yaml.constructor.ConstructorError(
        None, None, f"expected a {expected} node, but found {node.id}", node.start_mark
    )


_MarkingLoader.add_constructor("tag:yaml.org,2002:map", _MarkingLoader.construct_yaml_map)
_MarkingLoader.add_constructor("tag:yaml.org,2002:seq", _MarkingLoader.construct_yaml_seq)
_MarkingLoader.add_constructor("tag:yaml.org,2002:str", _MarkingLoader.construct_yaml_str)


def load_yaml(path: Path, display_name: str) -> tuple[object, list[DataError]]:
    """Parse one file. Returns the document (None if unreadable) and the errors found."""
    size = path.stat().st_size
    if size > limits.FILE_BYTES:
        return None, [DataError(Mark(display_name, 1, 1), "", limits.too_big(size))]
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [_not_utf8(raw, exc, display_name)]
    problems, uses = limits.scan_aliases(text)
    if problems:
        return None, [
            DataError(Mark(display_name, line, column), path, message) for line, column, path, message in problems
        ]
    loader = _MarkingLoader(text)
    loader.display_name = display_name
    loader.duplicate_keys = []
    loader.alias_uses = {path: Mark(display_name, line, column) for path, (line, column) in uses.items()}
    loader.path = []
    try:
        document = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        line, column, problem = limits.syntax_problem(exc, text)
        return None, [DataError(Mark(display_name, line, column), "", f"YAML syntax error: {problem}")]
    finally:
        loader.dispose()
    return document, loader.duplicate_keys


def _not_utf8(raw: bytes, exc: UnicodeDecodeError, display_name: str) -> DataError:
    before = raw[: exc.start]
    line = before.count(b"\n") + 1
    column = exc.start - (before.rfind(b"\n") + 1) + 1
    return DataError(
        Mark(display_name, line, column),
        "",
        f"expected UTF-8 text, found byte 0x{raw[exc.start]:02x} that is not valid UTF-8; save the file as UTF-8",
    )


def locate(text: str, start: Mark, value: str, offset: int) -> Mark:
    """Where the character value[offset] is written in a file's text, given where its scalar starts.

    It follows the characters as written: quotes, escapes, folded line breaks and indentation. When it
    cannot follow them (an unusual escape, say), the scalar's start is the answer.
    """
    lines = text.split("\n")
    if not 1 <= start.line <= len(lines):
        return start
    i = sum(len(line) + 1 for line in lines[: start.line - 1]) + start.column - 1
    style = text[i : i + 1]
    if style in ("|", ">"):
        i = text.find("\n", i) + 1
        if i == 0:
            return start
        while i < len(text) and text[i] == " ":
            i += 1
    elif style in ("'", '"'):
        i += 1
    else:
        style = ""
    v = 0
    while v < offset and i < len(text):
        raw, char = text[i], value[v]
        if style == '"' and raw == "\\":
            if text[i + 1 : i + 2] == "\n":  # an escaped line break joins the lines
                i += 2
                while i < len(text) and text[i] in " \t":
                    i += 1
                continue
            i += {"x": 4, "u": 6, "U": 10}.get(text[i + 1 : i + 2], 2)
            v += 1
        elif style == "'" and text[i : i + 2] == "''":
            i += 2
            v += 1
        elif raw == char:
            i += 1
            v += 1
        elif raw == "\n":  # a folded line break reads as a space, or as nothing before a blank line
            i += 1
            while i < len(text) and text[i] == " ":
                i += 1
            if char in (" ", "\n"):
                v += 1
        elif raw == " " and style in ("|", ">", ""):
            i += 1  # indentation
        else:
            return start
    line = text.count("\n", 0, i) + 1
    column = i - (text.rfind("\n", 0, i) + 1) + 1
    return Mark(start.file, line, column)
