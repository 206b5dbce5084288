"""Rebuild the model's dataclasses from the JSON the store keeps (asdict's inverse)."""

from __future__ import annotations

import dataclasses
import types
import typing
from enum import Enum
from functools import cache
from typing import Any


@cache
def _field_types(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_dict(cls: Any, data: Any) -> Any:
    """Build `cls` (a dataclass, list[...], dict[...], Enum, Optional or plain type) from JSON data."""
    if data is None:
        return None
    origin = typing.get_origin(cls)
    if origin in (typing.Union, types.UnionType):
        inner = [arg for arg in typing.get_args(cls) if arg is not type(None)]
        return from_dict(inner[0], data)
    if origin is list:
        (item_type,) = typing.get_args(cls)
        return [from_dict(item_type, item) for item in data]
    if origin is dict:
        key_type, value_type = typing.get_args(cls)
        return {key_type(key): from_dict(value_type, value) for key, value in data.items()}
    if isinstance(cls, type) and dataclasses.is_dataclass(cls):
        hints = _field_types(cls)
        return cls(
            **{f.name: from_dict(hints[f.name], data[f.name]) for f in dataclasses.fields(cls) if f.name in data}
        )
    if isinstance(cls, type) and issubclass(cls, Enum):
        return cls(data)
    return data
