"""A Cypher tokenizer for the console's text checks: strings, `quoted` names, comments, parameters, words.

The checks read tokens, never raw text, so a keyword hidden in a string or a comment is not a keyword, a
name in backticks is the name it spells (``CALL`db`.`createLabel` `` calls db.createLabel) and a property
or map key spelled like a keyword (`n.set`, `{delete: 1}`) stays a name. It is deliberately forgiving:
whatever it cannot read becomes a one-character `punct` token, and an unterminated string, name or
comment runs to the end of the text (the planner then reports the syntax error).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

Kind = Literal["space", "comment", "string", "name", "word", "number", "param", "punct"]

_SPACE = frozenset(" \t\r\n\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
                   "\u200a\u2028\u2029\u202f\u205f\u3000")
# Two-character operators read as one token, so `<-` or `=~` never splits into parts that look like others.
_OPERATORS = ("<>", "<=", ">=", "=~", "+=", "->", "<-", "..", "::", "||")


@dataclass(frozen=True)
class Token:
    """One token: its kind, the text as written, where it starts, and its value (a name unquoted)."""

    kind: Kind
    text: str
    start: int
    value: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def upper(self) -> str:
        """A word in upper case (keywords are case-insensitive); other tokens as written."""
        return self.value.upper() if self.kind == "word" else self.value

    def is_word(self, *words: str) -> bool:
        return self.kind == "word" and self.value.upper() in words


def _is_word_start(ch: str) -> bool:
    return ch == "_" or ch.isalpha()


def _is_word_part(ch: str) -> bool:
    return ch == "_" or ch.isalnum()


def _scan_quoted(text: str, i: int, quote: str) -> int:
    """End index (exclusive) of the string or name opening at `i`; the text's end when unterminated."""
    n = len(text)
    j = i + 1
    while j < n:
        ch = text[j]
        if quote != "`" and ch == "\\":
            j += 2
            continue
        if ch == quote:
            if quote == "`" and text.startswith("``", j):  # a doubled backtick is one inside a name
                j += 2
                continue
            return j + 1
        j += 1
    return n


def tokens(text: str) -> Iterator[Token]:
    """Every token of `text` in order, whitespace and comments included (their positions add up to the text)."""
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in _SPACE:
            j = i + 1
            while j < n and text[j] in _SPACE:
                j += 1
            yield Token("space", text[i:j], i, text[i:j])
        elif text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            yield Token("comment", text[i:j], i, text[i:j])
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            yield Token("comment", text[i:j], i, text[i:j])
        elif ch in "'\"":
            j = _scan_quoted(text, i, ch)
            yield Token("string", text[i:j], i, text[i + 1:j - 1] if j - i >= 2 else "")
        elif ch == "`":
            j = _scan_quoted(text, i, "`")
            inner = text[i + 1:j - 1] if j - i >= 2 and text[j - 1] == "`" else text[i + 1:j]
            yield Token("name", text[i:j], i, inner.replace("``", "`"))
        elif ch == "$":
            j = i + 1
            if j < n and text[j] == "`":
                end = _scan_quoted(text, j, "`")
                yield Token("param", text[i:end], i, text[j + 1:end - 1].replace("``", "`"))
                i = end
                continue
            while j < n and _is_word_part(text[j]):
                j += 1
            if j == i + 1:
                yield Token("punct", "$", i, "$")
            else:
                yield Token("param", text[i:j], i, text[i + 1:j])
        elif ch.isdigit():
            j = i + 1
            while j < n and (_is_word_part(text[j]) or (text[j] == "." and j + 1 < n and text[j + 1].isdigit())):
                j += 1
            yield Token("number", text[i:j], i, text[i:j])
        elif _is_word_start(ch):
            j = i + 1
            while j < n and _is_word_part(text[j]):
                j += 1
            yield Token("word", text[i:j], i, text[i:j])
        else:
            op = next((o for o in _OPERATORS if text.startswith(o, i)), ch)
            j = i + len(op)
            yield Token("punct", op, i, op)
        i = j


def significant(text: str) -> list[Token]:
    """The tokens that carry meaning: everything except whitespace and comments."""
    return [t for t in tokens(text) if t.kind not in ("space", "comment")]


def mask(text: str, *, backticks: bool = True) -> str:
    """`text` with string literals, comments and (optionally) `quoted` names replaced by spaces.

    Lengths and newlines are kept, so positions found in the mask are positions in the text.
    """
    out = list(text)
    for token in tokens(text):
        if token.kind in ("string", "comment") or (token.kind == "name" and backticks):
            keep_quotes = token.kind != "comment"
            first, last = token.start, token.end
            if keep_quotes:
                first, last = first + 1, (last - 1 if token.text[-1:] == token.text[:1] and len(token.text) > 1
                                          else last)
            for j in range(first, last):
                if out[j] not in "\r\n":
                    out[j] = " "
    return "".join(out)
