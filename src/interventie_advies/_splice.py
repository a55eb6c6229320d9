"""Conditions in line: which can be, the trees evalidate validated, and compiling with them.

The generated source of the plan (``_codegen``) holds placeholders ``_C{i}`` and ``_G{i}``
where a rule's condition or guard goes. Here they are replaced by the syntax trees that
evalidate validated for those conditions, and the result is compiled — or read from the
cache folder, where it is kept like a ``.pyc`` file.
"""

from __future__ import annotations

import ast
import copy
import functools
import hashlib
import re
import sys
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from . import _cache

if TYPE_CHECKING:
    import types

__all__ = ["inline", "module_code"]

#: names the generated function binds itself; a condition reading one of them runs via eval
_OWN_NAME = re.compile(
    r"(?:[a-z]|ok|_[CG])\d+[fx]?|(?:j|_J)\d+_\d+|[A-Z]|ns|fail|absent|clock|asked|fired"
    r"|adjusted|adj|hit|tables|counts|[emt]"
)


@functools.lru_cache(maxsize=4096)
def _validated_tree(text: str) -> ast.expr | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SyntaxWarning)
        warnings.simplefilter("ignore", DeprecationWarning)
        # NOTE: the same tree evalidate validated and compiled (see compile_condition)
        tree = ast.parse(
            ast.unparse(ast.parse(text.strip(), "<condition>", "eval")), "<condition>", "eval"
        )
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and (
            _OWN_NAME.fullmatch(node.id) or node.id in _CLOSURE_NAMES
        ):
            return None
    return tree.body


_CLOSURE_NAMES = frozenset({"eval", "SNS", "getattr", "Exception"})


def inline(when: object) -> bool:
    """Whether a condition can be put in line: text using none of the generated code's names.

    NOTE: checked on the words of the text (stricter than on its syntax tree, and without
    parsing it), so a cached plan is loaded without parsing any condition.
    """
    if not isinstance(when, str):
        return False
    if "for" in _WORD.findall(when):  # loops run under their step budget, as compiled
        return False
    return not any(
        _OWN_NAME.fullmatch(word) or word in _CLOSURE_NAMES for word in _WORD.findall(when)
    )


_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def module_code(source: str, spliced: dict[str, str]) -> types.CodeType:
    """Compile the generated source with each placeholder replaced by its condition's tree.

    NOTE: building and compiling the tree of a whole catalogue takes longer than advising
    on many projects, so the code object is kept in the user's cache folder (like a .pyc
    file), keyed by the source, the conditions and the code that generates them.
    """
    key = _key(source, spliced)
    code = _cache.load_code(key) if key is not None else None
    if code is not None:
        return code
    module = ast.parse(source, "<advies plan>")
    for node in ast.walk(module):
        # the placeholders stand where the generator put them: the test of an if or ifexp
        if isinstance(node, (ast.If, ast.IfExp)) and isinstance(node.test, ast.Name):
            condition = spliced.get(node.test.id)
            if condition is not None:
                tree = _validated_tree(condition)
                assert tree is not None  # only conditions that could be put in line are here
                node.test = copy.deepcopy(tree)
    code = compile(module, "<advies plan>", "exec")
    if key is not None:
        _cache.store_code(key, code)
    return code


def _key(source: str, spliced: dict[str, str]) -> str | None:
    """The cache key of a compiled plan; None when the generating code cannot be read."""
    from . import __version__

    digest = hashlib.sha256(f"{__version__}|{sys.version}|".encode())
    here = Path(__file__).parent
    try:
        for name in ("_splice.py", "_codegen.py", "_evaluate.py"):  # what writes the code
            digest.update((here / name).read_bytes())
    except OSError:  # e.g. imported from a zip file: compile every time rather than guess
        return None
    digest.update(source.encode())
    for name, text in spliced.items():
        digest.update(f"\0{name}\0{text}".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:32]
