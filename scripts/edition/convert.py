"""Turn parsed YAML into typed records, collecting every type error with its file:line:column."""

from __future__ import annotations

import dataclasses
import datetime
import functools
import types
import typing
from typing import Any, Literal, Union

from .errors import DataError, Mark, did_you_mean
from .records import yaml_key
from .yamlio import MarkedDict, MarkedList


def describe(value: Any) -> str:
    """What a person would call the value they wrote."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, int):
        return f"a number ({value})"
    if isinstance(value, float):
        return f"a number ({value})"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return f"a date ({value}); put it in quotes to keep it as text"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"text ('{shown}')" if value.strip() else "empty text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping (key: value pairs)"
    return type(value).__name__


def expected(tp: Any) -> str:
    origin = typing.get_origin(tp)
    if tp is str:
        return "text"
    if tp is int:
        return "a whole number"
    if origin is Literal:
        return "one of " + ", ".join(f"'{choice}'" for choice in typing.get_args(tp))
    if origin is list:
        return "a list"
    if dataclasses.is_dataclass(tp):
        return "a mapping (key: value pairs)"
    return str(tp)


@functools.cache
def _shape(cls: type) -> tuple[dict[str, dataclasses.Field], dict[str, Any]]:
    """A record class's fields by YAML key and its resolved type hints: the same for every record of the class,
    and resolving the hints compiles each annotation, which cost more than reading the record."""
    return {yaml_key(f): f for f in dataclasses.fields(cls)}, typing.get_type_hints(cls)


class Converter:
    def __init__(self) -> None:
        self.errors: list[DataError] = []
        # Where each value was written, by its field path, so later checks can point at it too.
        self.marks: dict[str, Mark] = {}

    def error(self, mark: Mark, path: str, message: str) -> None:
        self.errors.append(DataError(mark, path, message))

    def record(self, cls: type, value: Any, path: str, mark: Mark) -> Any:
        if not isinstance(value, MarkedDict):
            self.error(mark, path, f"expected {expected(cls)}, found {describe(value)}")
            return None
        fields, hints = _shape(cls)
        kwargs: dict[str, Any] = {}
        ok = True
        for name in value:
            if name not in fields:
                self.error(
                    value.key_marks[name],
                    _join(path, name),
                    f"unknown field '{name}'; expected one of: {', '.join(fields)}" + did_you_mean(name, fields),
                )
                ok = False
        for yaml_name, f in fields.items():
            field_path = _join(path, yaml_name)
            if yaml_name not in value:
                required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
                if required:
                    self.error(
                        value.mark, field_path, f"missing required field '{yaml_name}' ({expected(hints[f.name])})"
                    )
                    ok = False
                continue
            converted = self.value(hints[f.name], value[yaml_name], field_path, value.value_marks[yaml_name])
            if converted is _INVALID:
                ok = False
            else:
                kwargs[f.name] = converted
        return cls(**kwargs) if ok else None

    def value(self, tp: Any, value: Any, path: str, mark: Mark) -> Any:
        self.marks[path] = mark
        origin = typing.get_origin(tp)
        if origin in (Union, types.UnionType):
            inner = [arg for arg in typing.get_args(tp) if arg is not type(None)]
            if value is None:
                return None
            return self.value(inner[0], value, path, mark)
        if tp is str:
            if not isinstance(value, str):
                return self._wrong(tp, value, path, mark)
            if not value.strip():
                self.error(mark, path, "expected non-empty text, found empty text")
                return _INVALID
            return str(value)
        if tp is int:
            if isinstance(value, bool) or not isinstance(value, int):
                return self._wrong(tp, value, path, mark)
            return value
        if origin is Literal:
            choices = typing.get_args(tp)
            if value not in choices:
                hint = did_you_mean(value, choices) if isinstance(value, str) else ""
                self.error(mark, path, f"expected {expected(tp)}, found {describe(value)}{hint}")
                return _INVALID
            return str(value)
        if origin is list:
            if not isinstance(value, MarkedList):
                return self._wrong(tp, value, path, mark)
            (item_type,) = typing.get_args(tp)
            items = [
                self.value(item_type, item, f"{path}[{index}]", value.item_marks[index])
                for index, item in enumerate(value)
            ]
            return _INVALID if any(item is _INVALID for item in items) else items
        if isinstance(tp, type) and dataclasses.is_dataclass(tp):
            built = self.record(tp, value, path, mark)
            return _INVALID if built is None else built
        raise TypeError(f"records use an unsupported type: {tp}")  # a programming error, not a data error

    def _wrong(self, tp: Any, value: Any, path: str, mark: Mark) -> Any:
        self.error(mark, path, f"expected {expected(tp)}, found {describe(value)}")
        return _INVALID


_INVALID = object()


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name
