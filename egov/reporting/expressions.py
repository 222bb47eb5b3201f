"""A small, safe expression language for validation rules and derived indicators.

    expression := term (("+" | "-") term)*
    term       := factor (("*" | "/") factor)*
    factor     := number | "[" CODE ("." COMBO)? "]" | ("prev" | "lastyear") "(" expression ")"
                | "(" expression ")" | "-" factor

``[CODE]`` is the indicator's total over its breakdown, ``[CODE.COMBO]`` one breakdown cell;
``prev(…)`` reads the previous period and ``lastyear(…)`` the same period last year. Parsed
into a tree once, evaluated without ``eval``. A missing operand makes the result ``None``
(the rule is skipped, as DHIS2's SKIP_IF_ANY_VALUE_MISSING); so does a division by zero.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from egov.lib.errors import ActionError

#: Which period an operand is read from.
SHIFTS = ("this", "prev", "lastyear")
_TOKEN = re.compile(
    r"\s*(?:(?P<num>\d+(?:\.\d+)?)|(?P<ref>\[[A-Za-z][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)?\])"
    r"|(?P<fn>prev|lastyear)\s*\(|(?P<op>[-+*/()]))"
)


@dataclass(frozen=True)
class Ref:
    code: str
    combo: str | None
    shift: str


@dataclass(frozen=True)
class Node:
    op: str  # "num", "ref", "neg", "+", "-", "*", "/"
    value: Decimal | Ref | None = None
    left: Node | None = None
    right: Node | None = None


Resolver = Callable[[Ref], Decimal | None]


def _error(text: str) -> ActionError:
    return ActionError(
        _("Biểu thức “%(text)s” không hợp lệ.") % {"text": text[:80]}, code="bad_expression"
    )


def _tokens(text: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    position = 0
    stripped = text.rstrip()
    while position < len(stripped):
        match = _TOKEN.match(stripped, position)
        if match is None or match.end() == position:
            raise _error(text)
        kind = match.lastgroup or ""
        tokens.append((kind, match.group(kind)))
        position = match.end()
    return tokens


def parse(text: str) -> Node:
    tokens = _tokens(text)
    index = 0

    def peek() -> tuple[str, str] | None:
        return tokens[index] if index < len(tokens) else None

    def take() -> tuple[str, str]:
        nonlocal index
        if index >= len(tokens):
            raise _error(text)
        index += 1
        return tokens[index - 1]

    def expression(shift: str) -> Node:
        node = term(shift)
        while (token := peek()) is not None and token[1] in ("+", "-"):
            take()
            node = Node(token[1], left=node, right=term(shift))
        return node

    def term(shift: str) -> Node:
        node = factor(shift)
        while (token := peek()) is not None and token[1] in ("*", "/"):
            take()
            node = Node(token[1], left=node, right=factor(shift))
        return node

    def factor(shift: str) -> Node:
        kind, value = take()
        if kind == "num":
            return Node("num", Decimal(value))
        if kind == "ref":
            code, _dot, combo = value[1:-1].partition(".")
            return Node("ref", Ref(code, combo or None, shift))
        if kind == "fn":
            if shift != "this":
                raise _error(text)  # prev(lastyear(…)) says nothing a user means
            inner = expression(value)
            if take() != ("op", ")"):
                raise _error(text)
            return inner
        if value == "(":
            inner = expression(shift)
            if take() != ("op", ")"):
                raise _error(text)
            return inner
        if value == "-":
            return Node("neg", left=factor(shift))
        raise _error(text)

    if not tokens:
        raise _error(text)
    root = expression("this")
    if index != len(tokens):
        raise _error(text)
    return root


def references(node: Node) -> list[Ref]:
    if node.op == "ref":
        assert isinstance(node.value, Ref)  # noqa: S101 - the parser builds ref nodes so
        return [node.value]
    found: list[Ref] = []
    for child in (node.left, node.right):
        if child is not None:
            found.extend(references(child))
    return found


def evaluate(node: Node, resolve: Resolver) -> Decimal | None:
    if node.op == "num":
        return node.value if isinstance(node.value, Decimal) else None
    if node.op == "ref":
        return resolve(node.value) if isinstance(node.value, Ref) else None
    left = evaluate(node.left, resolve) if node.left is not None else None
    if left is None:
        return None
    if node.op == "neg":
        return -left
    right = evaluate(node.right, resolve) if node.right is not None else None
    if right is None:
        return None
    if node.op == "+":
        return left + right
    if node.op == "-":
        return left - right
    if node.op == "*":
        return left * right
    if right == 0:
        return None
    return left / right


def compare(left: Decimal, operator: str, right: Decimal) -> bool:
    tolerance = Decimal("0.000001")
    if operator == "==":
        return abs(left - right) <= tolerance
    if operator == "!=":
        return abs(left - right) > tolerance
    if operator == ">":
        return left > right
    if operator == ">=":
        return left >= right - tolerance
    if operator == "<":
        return left < right
    return left <= right + tolerance
