# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""``print`` query words (``?name=value``, ``?#|`` …): a stack machine over one row."""

from __future__ import annotations

from typing import Callable

Row = dict[str, str]
Test = Callable[[Row], bool]


class QueryError(ValueError):
    """A query word the router cannot evaluate."""


def _compare(name: str, value: str, op: str) -> Test:
    def less(row: Row) -> bool:
        return name in row and _key(row[name]) < _key(value)

    def greater(row: Row) -> bool:
        return name in row and _key(row[name]) > _key(value)

    def equal(row: Row) -> bool:
        return row.get(name) == value or (name not in row and value == "")

    return {"<": less, ">": greater, "=": equal}[op]


def _key(value: str) -> tuple[int, float | str]:
    try:
        return (0, float(value))
    except ValueError:
        return (1, value)


def _word_test(word: str) -> Test:
    body = word[1:]
    if body.startswith("-"):
        name = body[1:]
        return lambda row: name not in row
    if body[:1] in "<>=" and body:
        op, rest = body[0], body[1:]
        if op == "=":
            # "?=name=value" is the same as "?name=value"
            name, sep, value = rest.partition("=")
            return _compare(name, value, "=") if sep else (lambda row: rest in row)
        name, dummy, value = rest.partition("=")
        return _compare(name, value, op)
    name, sep, value = body.partition("=")
    if not sep:
        return lambda row: name in row
    return _compare(name, value, "=")


def _pop(stack: list[bool]) -> bool:
    # the stack starts with an infinite supply of "true"
    return stack.pop() if stack else True


def _apply_ops(ops: str, stack: list[bool]) -> None:
    for op in ops:
        if op == "!":
            stack.append(not _pop(stack))
        elif op in "&|":
            right, left = _pop(stack), _pop(stack)
            stack.append(left and right if op == "&" else left or right)
        elif op == ".":
            stack.append(stack[-1] if stack else True)
        elif op.isdigit():
            index = len(stack) - 1 - int(op)
            stack.append(stack[index] if index >= 0 else True)
        else:
            raise QueryError(f"unknown query operation {op!r}")


def matches(query_words: list[str], row: Row) -> bool:
    """True when the row passes every query word (no word: always)."""
    stack: list[bool] = []
    for word in query_words:
        if word.startswith("?#"):
            _apply_ops(word[2:], stack)
        else:
            stack.append(_word_test(word)(row))
    return all(stack)
