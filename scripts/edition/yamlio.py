"""Read YAML files into plain dicts and lists that remember where each value was written."""

from __future__ import annotations

from collections.abc import Generator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from .errors import DataError, Mark


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

    def construct_mapping(self, node: _Node, deep: bool = False) -> dict[Any, Any]:
        if not isinstance(node, yaml.MappingNode):
            raise _wrong_node("mapping", node)
        self.flatten_mapping(node)
        result = MarkedDict()
        result.mark = _mark(self.display_name, node)
        result.key_marks = {}
        result.value_marks = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                key = str(key)
            if key in result:
                first = result.key_marks[key]
                self.duplicate_keys.append(
                    DataError(
                        _mark(self.display_name, key_node),
                        key,
                        f"duplicate key '{key}': it was already set at line {first.line}; "
                        "YAML would silently keep only the last value",
                    )
                )
            result[key] = self.construct_object(value_node, deep=True)
            result.key_marks[key] = _mark(self.display_name, key_node)
            result.value_marks[key] = _mark(self.display_name, value_node)
        return result

    def construct_sequence(self, node: _Node, deep: bool = False) -> list[Any]:
        if not isinstance(node, yaml.SequenceNode):
            raise _wrong_node("sequence", node)
        result = MarkedList(self.construct_object(child, deep=True) for child in node.value)
        result.mark = _mark(self.display_name, node)
        result.item_marks = [_mark(self.display_name, child) for child in node.value]
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
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [_not_utf8(raw, exc, display_name)]
    loader = _MarkingLoader(text)
    loader.display_name = display_name
    loader.duplicate_keys = []
    try:
        document = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = Mark(display_name, mark.line + 1, mark.column + 1) if mark else Mark(display_name, 1, 1)
        problem = exc.problem or "invalid YAML"
        context = ""
        if exc.context:
            started = f" that starts at line {exc.context_mark.line + 1}" if exc.context_mark else ""
            context = f" ({exc.context}{started})"
        return None, [DataError(where, "", f"YAML syntax error: {problem}{context}")]
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
