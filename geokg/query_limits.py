"""Shape limits on console statements, checked on tokens before anything is sent to the server.

The server bounds what it can: a transaction timeout, per-transaction and global memory limits. What it
cannot bound is refused here, because it costs before any limit applies: the parser recurses once per
bracket (a deep nesting overflows its stack and the error never comes back), the planner's work grows
faster than linearly with the terms of a boolean expression (thousands of `OR`s plan for minutes, under
no timeout), and a `reduce` whose step uses its accumulator twice doubles a value at every step, faster
than any memory tracker samples it. Each limit is far above what a hand-written query needs.
"""

from __future__ import annotations

from collections.abc import Callable

from geokg.cypher_lex import Token
from geokg.errors import QueryRefused

MAX_NESTING = 40            # brackets of any kind: ( [ {
MAX_BOOLEAN_TERMS = 100     # AND / OR / XOR / WHEN / UNION in one statement
MAX_LIST_ITEMS = 2_000      # items of one literal list; more belongs in a parameter
MAX_TOKENS = 20_000         # a bound on everything the parser and planner walk
MAX_RANGE_ELEMENTS = 1_000_000  # elements a range inside a list or a call may make, nested ranges multiplied
MAX_REDUCE_STEPS = 100_000     # steps of a reduce over a range: a step that appends copies the accumulator

_OPEN = {"(": ")", "[": "]", "{": "}"}
_BOOLEAN = frozenset({"AND", "OR", "XOR", "WHEN", "UNION"})


def _refuse(reason: str, where: str) -> QueryRefused:
    return QueryRefused(f"Refused: {reason} ({where})")


def check_shape(sig: list[Token], position: Callable[[int], str]) -> None:
    """Raise QueryRefused when the statement's tokens exceed a limit; `position(index)` names a place."""
    if len(sig) > MAX_TOKENS:
        raise QueryRefused(f"Refused: the statement has {len(sig):,} tokens; the limit is {MAX_TOKENS:,}"
                           " — pass long lists as parameters")
    depth = 0
    stack: list[tuple[str, int]] = []  # open bracket and the count of top-level commas inside it
    booleans = 0
    for token in sig:
        if token.kind == "punct" and token.value in _OPEN:
            depth += 1
            if depth > MAX_NESTING:
                raise _refuse(f"brackets nested more than {MAX_NESTING} deep", position(token.start))
            stack.append((token.value, 0))
        elif token.kind == "punct" and token.value in (")", "]", "}"):
            depth = max(0, depth - 1)
            if stack:
                stack.pop()
        elif token.kind == "punct" and token.value == "," and stack and stack[-1][0] == "[":
            opener, commas = stack[-1]
            stack[-1] = (opener, commas + 1)
            if commas + 1 >= MAX_LIST_ITEMS:
                raise _refuse(f"a literal list of more than {MAX_LIST_ITEMS:,} items — pass it as a parameter",
                              position(token.start))
        elif token.kind == "word" and token.upper in _BOOLEAN:
            booleans += 1
            if booleans > MAX_BOOLEAN_TERMS:
                raise _refuse(f"more than {MAX_BOOLEAN_TERMS} AND/OR/XOR/WHEN/UNION terms — planning it would"
                              " take minutes; use IN with a list parameter", position(token.start))
    _check_reduce_growth(sig, position)
    _check_range_growth(sig, position)


def _check_reduce_growth(sig: list[Token], position: Callable[[int], str]) -> None:
    """`reduce(acc = …, x IN … | step)` whose step names `acc` twice grows exponentially (`s + s`)."""
    for index, token in enumerate(sig):
        if not (token.is_word("REDUCE") and index + 2 < len(sig) and sig[index + 1].value == "("):
            continue
        accumulator = sig[index + 2]
        if accumulator.kind not in ("word", "name"):
            continue
        depth, bar, uses = 0, False, 0
        for inner in sig[index + 1:]:
            if inner.kind == "punct" and inner.value in _OPEN:
                depth += 1
            elif inner.kind == "punct" and inner.value in (")", "]", "}"):
                depth -= 1
                if depth == 0:
                    break
            elif depth == 1 and inner.kind == "punct" and inner.value == "|":
                bar = True
            elif bar and inner.kind in ("word", "name") and inner.value == accumulator.value:
                uses += 1
        if uses > 1:
            raise _refuse(f"reduce uses its accumulator {accumulator.value!r} {uses} times in one step, which"
                          " doubles it at every step and can exhaust the server's memory", position(token.start))


def _literal_int(parts: list[Token]) -> int | None:
    """An integer literal, optionally negative; None for anything else (a parameter, an expression)."""
    text = "".join(t.text for t in parts)
    try:
        return int(text, 0) if text.lstrip("-").isdigit() or text.lower().startswith(("0x", "-0x")) else None
    except ValueError:
        return None


def _range_length(args: list[list[Token]]) -> int | None:
    """Elements of `range(a, b[, step])` with literal bounds, else None."""
    values = [_literal_int(a) for a in args]
    if len(values) not in (2, 3) or any(v is None for v in values):
        return None
    start, stop = values[0], values[1]
    step = values[2] if len(values) == 3 else 1
    assert start is not None and stop is not None and step is not None
    if step == 0:
        return 0
    return max(0, (stop - start) // step + 1)


def _check_range_growth(sig: list[Token], position: Callable[[int], str]) -> None:
    """A range inside a list, comprehension or call is built in memory Neo4j does not track; nested in
    another range's comprehension, the sizes multiply. A range a clause streams (`UNWIND range(…)`) is not
    built and is bounded by the timeout instead."""
    frames: list[int] = []  # per open bracket: the product of the range lengths seen directly in it
    reduces: list[bool] = []  # per open bracket: whether it holds a reduce(…)
    for index, token in enumerate(sig):
        if token.kind == "punct" and token.value in _OPEN:
            frames.append(1)
            reduces.append(token.value == "(" and index > 0 and sig[index - 1].is_word("REDUCE"))
            continue
        if token.kind == "punct" and token.value in (")", "]", "}"):
            if frames:
                frames.pop()
                reduces.pop()
            continue
        if not (token.is_word("RANGE") and index + 1 < len(sig) and sig[index + 1].value == "("):
            continue
        if index > 0 and sig[index - 1].value == ".":
            continue  # a property or namespaced function called range
        args: list[list[Token]] = [[]]
        depth = 0
        for inner in sig[index + 1:]:
            if inner.kind == "punct" and inner.value in _OPEN:
                depth += 1
                if depth == 1:
                    continue
            elif inner.kind == "punct" and inner.value in (")", "]", "}"):
                depth -= 1
                if depth == 0:
                    break
            elif depth == 1 and inner.value == ",":
                args.append([])
                continue
            args[-1].append(inner)
        length = _range_length(args)
        outer = 1
        for factor in frames:
            outer *= factor
        if not frames:
            continue
        if reduces[-1] and (length is None or length * outer > MAX_REDUCE_STEPS):
            # Neo4j neither tracks nor interrupts a reduce: a terminated one runs on until it is done.
            size = "a range without literal bounds" if length is None else f"{length * outer:,} steps"
            raise _refuse(f"reduce over {size} (the limit is {MAX_REDUCE_STEPS:,} steps); the server cannot"
                          " stop a reduce once it runs", position(token.start))
        if length is None:
            if outer > 1:
                raise _refuse("a range without literal bounds inside a comprehension over another range; its"
                              " size cannot be checked", position(token.start))
            continue
        if length * outer > MAX_RANGE_ELEMENTS:
            raise _refuse(f"ranges that build {length * outer:,} elements in memory (the limit is"
                          f" {MAX_RANGE_ELEMENTS:,}); UNWIND a range to stream it", position(token.start))
        frames[-1] *= max(1, length)
