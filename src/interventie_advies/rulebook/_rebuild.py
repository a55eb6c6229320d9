"""Rebuild validated rules from trusted data, without validating them again.

The built-in rules, and those of any plugin that ships them so, are shipped as the Python
source of their validated form (``plugins/_builtin_data.py``, a plugin's
``_rules_data.py``; written by ``_write``): calls of a :class:`Builder`, which makes each
model as validation made it (its fields, the fields set, its private attributes) and
compiles each condition as ``compile_condition`` does. That skips parsing the TOML,
validating with pydantic, evalidate and the typed walk over each condition: most of what
loading the rule files cost (docs/performance.md).

A written module records :func:`format_id`; one written for another format (by another
version of the package, whose models or calls differ) is never built: its files are
loaded instead (``_shipped``).
"""

from __future__ import annotations

import ast
import functools
import importlib
import warnings
import zlib
from typing import TYPE_CHECKING, Any, NamedTuple

from pydantic_core import PydanticUndefined

from . import _rule_parts as parts
from ._budget import instrument, under_budget
from ._needs import NeedPath
from ._rules import Rule

if TYPE_CHECKING:
    import types
    from collections.abc import Callable, Sequence

    from pydantic import BaseModel

__all__ = ["CLASSES", "VERSION", "Builder", "format_id"]

#: the version of the calls a written module makes: raise it whenever what a call means
#: changes (a new argument, another way to compile a condition), so that modules written
#: before are loaded from their files instead of being built wrongly
VERSION = 2

#: the models a written module builds, by the name it gives them
CLASSES: dict[str, type[BaseModel]] = {
    cls.__name__: cls
    for cls in (
        parts.Adjustment,
        parts.Example,
        parts.ExtraAction,
        parts.Guard,
        parts.LocalList,
        parts.LocalSource,
        parts.LocalText,
        Rule,
        parts.Variant,
    )
}


@functools.cache
def format_id() -> str:
    """The format of written modules: :data:`VERSION` and a CRC of the models' shape.

    NOTE: the shape (every model's fields and private attributes, in order) is in it, so
    that a version of the package whose models differ never builds a module written for
    another: a field added or renamed changes it without anyone having to remember.
    """
    shape = ";".join(
        f"{name}:{','.join(cls.model_fields)}:{','.join(cls.__private_attributes__)}"
        for name, cls in CLASSES.items()
    )
    return f"{VERSION}.{zlib.crc32(shape.encode()):08x}"


class Builder:
    """What the generated ``build`` calls: models, conditions and ``needs`` paths.

    Conditions are compiled as ``compile_condition`` compiles them, each text once: one
    without loops as it is; one with loops under its step budget (``_budget``), with the
    comparisons the typed walk found sized given by their place in ``ast.walk``.

    :param origins: how the rules name each rule file (``Rule.origin``), in the module's
        order: a plugin's files are where it is installed, known only when it is loaded.
    """

    def __init__(self, origins: Sequence[str] = ()) -> None:
        #: read by the written module: ``origin=b.origins[k]``
        self.origins = tuple(origins)
        self._shapes: dict[type[BaseModel], _Shape] = {}
        self._codes: dict[tuple[str, str, tuple[int, ...] | None], types.CodeType] = {}

    def model(self, name: str, /, _private: dict[str, Any] | None = None, **values: Any) -> Any:
        """A validated model rebuilt: the fields that were set and its private attributes.

        What ``model_construct`` does (``__dict__`` in field order, the fields set, the
        defaults of the others, the private attributes' defaults and values), for
        trusted values: no aliases, no extra fields, the required fields all given.

        :param name: the model's class, by name (:data:`CLASSES`): a written module
            imports nothing of the package, so that any version can import it.
        """
        cls = CLASSES[name]
        shape = self._shapes.get(cls) or self._shape(cls)
        state = {**shape.defaults, **values}  # NOTE: the defaults' order is the fields'
        for name, fresh in shape.fresh:
            if name not in values:
                state[name] = fresh()
        model = cls.__new__(cls)
        _set(model, "__dict__", state)
        _set(model, "__pydantic_fields_set__", set(values))
        _set(model, "__pydantic_extra__", None)
        # NOTE: None without private attributes, as pydantic leaves it (== compares it)
        private = shape.private
        if private is not None:
            private = {**private, **(_private or {})}
        _set(model, "__pydantic_private__", private)
        return model

    def _shape(self, cls: type[BaseModel]) -> _Shape:
        defaults: dict[str, Any] = {}
        fresh = []
        for name, info in cls.model_fields.items():
            default = None if info.is_required() else info.get_default()
            defaults[name] = default
            if info.default_factory is not None or type(default) not in _CONSTANT:
                # NOTE: a list or a factory's value: a new one for each model, as pydantic
                fresh.append((name, functools.partial(info.get_default, call_default_factory=True)))
        private: dict[str, Any] | None = None
        if cls.__private_attributes__:
            private = {}
            for name, attr in cls.__private_attributes__.items():
                default = attr.get_default()
                if default is not PydanticUndefined:
                    private[name] = default
        shape = self._shapes[cls] = _Shape(defaults, tuple(fresh), private)
        return shape

    def condition(
        self, text: str, rule: str = "", sized: tuple[int, ...] | None = None
    ) -> types.CodeType:
        """The compiled condition ``text``; ``sized`` is None for one without loops."""
        key = (text, rule, sized)
        code = self._codes.get(key)
        if code is None:
            code = self._codes[key] = _compile(text, rule, sized)
        return code

    @staticmethod
    def need(text: str, steps: tuple[tuple[str, bool], ...]) -> NeedPath:
        """A compiled ``needs`` path."""
        return NeedPath(text, steps)

    @staticmethod
    def function(module: str, name: str) -> Any:
        """A Python rule's ``when``: the function ``name`` of ``module`` (the plugin's)."""
        found: Any = importlib.import_module(module)
        for part in name.split("."):
            found = getattr(found, part)
        return found


class _Shape(NamedTuple):
    """How a model class is rebuilt: its fields' defaults, in order."""

    #: every field and its default (None for a required field: it is always given)
    defaults: dict[str, Any]
    #: the fields whose default is made anew for each model
    fresh: tuple[tuple[str, Callable[[], Any]], ...]
    #: the private attributes' defaults (None: it has none)
    private: dict[str, Any] | None


#: defaults that may be shared by every model (the others are made for each)
_CONSTANT = frozenset({type(None), bool, int, float, str, tuple})

_set = object.__setattr__


def _compile(text: str, rule: str, sized: tuple[int, ...] | None) -> types.CodeType:
    """Compile a checked condition exactly as ``_conditions.compile_condition`` does."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SyntaxWarning)  # "\d" in a text, Python 3.12+
        warnings.simplefilter("ignore", DeprecationWarning)  # the same before 3.12
        if sized is None:
            return compile(text.strip(), "<usercode>", "eval")
        tree = ast.parse(text.strip(), "<condition>", "eval")
    nodes = list(ast.walk(tree)) if sized else []  # NOTE: most have none; a walk costs
    body = instrument(tree.body, {id(nodes[i]) for i in sized})
    return compile(under_budget(body, rule), "<condition>", "eval")
