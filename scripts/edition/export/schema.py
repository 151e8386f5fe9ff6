"""A JSON Schema for each kind of YAML file, derived from the typed records so the two cannot drift."""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any, Literal, Union

from ..load import DATA_FILES, SECTIONS_DIR
from ..records import Section, yaml_key

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def of_type(tp: Any) -> dict:
    origin = typing.get_origin(tp)
    if tp is str:
        return {"type": "string"}
    if tp is int:
        return {"type": "integer"}
    if origin is Literal:
        return {"enum": list(typing.get_args(tp))}
    if origin is list:
        return {"type": "array", "items": of_type(typing.get_args(tp)[0])}
    if origin in (Union, types.UnionType):
        options = [arg for arg in typing.get_args(tp) if arg is not type(None)]
        return of_type(options[0]) if len(options) == 1 else {"anyOf": [of_type(arg) for arg in options]}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return of_record(tp)
    raise TypeError(f"no JSON Schema for {tp!r}")


def of_record(cls: type) -> dict:
    hints = typing.get_type_hints(cls)
    properties, required = {}, []
    for field in dataclasses.fields(cls):
        key = yaml_key(field)
        properties[key] = of_type(hints[field.name])
        if field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING:
            required.append(key)
    return {"type": "object", "properties": properties, "required": required, "additionalProperties": False}


def schemas() -> dict[str, dict]:
    """{file kind: schema}; the kind is the YAML file's name without .yml ("sections" for data/sections/*.yml)."""
    kinds = {name.removesuffix(".yml"): cls for name, cls in DATA_FILES.items()}
    kinds[SECTIONS_DIR] = Section
    return {
        kind: {
            "$schema": DRAFT,
            "title": f"data/{kind}" + ("/*.yml" if kind == SECTIONS_DIR else ".yml"),
            **of_record(cls),
        }
        for kind, cls in kinds.items()
    }
