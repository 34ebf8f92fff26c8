"""Written series of names: "the following companies: A, B and C", "three entities, A; B; and C", "the
firms listed in the annex, including A, B and C".

Long legal lists break the parser, so these read the text after an opener rather than the parse; the
data constructions use them as role kinds (loader.constructions). Their words are data
(loader/rules/series.yaml).
"""

from __future__ import annotations

from spacy.tokens import Token

from loader.patterns.membership import count_of as _count
from loader.patterns.syntax import Arg, Context
from loader.resolve import Resolved
from loader.rules import lemmas, load_rules

_WORDS = load_rules("series")
_LIST_PREPS = tuple(_WORDS["list_preps"])


def listed_in(ctx: Context, participle: Token) -> list[Arg]:
    """Covers "the companies listed in the annex, including A, B and C": the examples may hang on the list."""
    return [
        a
        for holder in ctx.prep_tokens(participle, _LIST_PREPS)
        for prep in holder.children
        if prep.dep_ == "prep" and prep.lower_ == "including"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
        for a in ctx.np_actors(pobj)
    ]


_SERIES_BREAKS = frozenset(_WORDS["series_breaks"])
_SERIES_MAX = 300  # tokens: a legal annex may name dozens of parties in one sentence
_SERIES_GLUE = frozenset(_WORDS["series_glue"])
_LIST_KINDS: dict[str, frozenset[str]] = {
    str(noun).lower(): frozenset(kinds) for noun, kinds in (_WORDS.get("list_heads") or {}).items()
}


def merge(first: list[Arg], more: list[Arg]) -> list[Arg]:
    seen = {a.id for a in first}
    return first + [a for a in more if a.id not in seen and not seen.add(a.id)]  # type: ignore[func-returns-value]


def including(noun: Token) -> Token | None:
    """The "including" that opens the named examples of a plural: "the companies listed in the annex, including A"."""
    # The parser may end the sentence at a dash before the list: read the text, not the sentence.
    for tok in noun.doc[noun.i + 1 : noun.i + 20]:
        if tok.lower_ == "including":
            return tok
        if tok.text in {".", ":", ";"}:
            return None
    return None


def series_after(
    ctx: Context, opener: Token | None, kinds: frozenset[str] | None = None, limit: int = 0
) -> list[Arg]:
    """Named actors in a written series of names after `opener` ("including", a colon, a counted noun),
    read from the text rather than the parse, which long legal lists break: "A Systems Corporation, B,
    Inc., C's St. Louis division, and D". Items are split by commas, semicolons and "and"; a bracketed
    acronym names its item ("the Training Center … (RTC)"). The series ends at a dash, a colon, the end
    of the sentence, an item that starts with a lower-case word ("…, their assets are frozen"), or
    after `limit` items ("three entities, A; B; and C")."""
    if opener is None:
        return []
    items: list[tuple[list[Resolved], list[Resolved]]] = [([], [])]  # (mentions, bracketed mentions)
    item_start, bracket = True, False
    for tok in ctx.doc[opener.i + 1 : opener.i + _SERIES_MAX]:
        if tok.text == "(" and not item_start:
            bracket = True
            continue
        if tok.text == ")" and bracket:
            bracket = False
            continue
        if tok.text in _SERIES_BREAKS or (tok.is_space and "\n" in tok.text):
            break
        if tok.lower_ in _SERIES_GLUE and ctx.actor(tok) is None and not bracket and not _before_suffix(tok):
            if items[-1][0] or items[-1][1]:
                if limit and len(items) >= limit:
                    break
                items.append(([], []))
            item_start = True
            continue
        if item_start and tok.is_lower and tok.is_alpha and tok.lower_ != "the":
            break
        item_start = False
        r = ctx.actor(tok)
        held = items[-1][1 if bracket else 0]
        if r is not None and (not held or held[-1].mention is not r.mention):
            held.append(r)
    out: list[Arg] = []
    seen: set[str] = set()
    for mentions, bracketed in items:
        named = bracketed if len(bracketed) == 1 else mentions
        if len(named) != 1:
            continue  # "L3Harris | Maritime Services": a name the tagger broke in two names neither
        r = named[0]
        if _merged_names(ctx, r):
            continue
        if r.kind == "Media" or r.weak or r.actor_id in seen or (kinds and r.kind not in kinds):
            continue
        seen.add(r.actor_id)
        out.append(Arg(r, 0.9))
    return out


def counted_series(ctx: Context, noun: Token) -> list[Arg]:
    """ "sanctions on three entities, A (AC); B; and C": a counted plural followed by the parties it counts."""
    if ctx.actor(noun) is not None or noun.tag_ not in {"NNS", "NNPS"}:
        return []
    count = max((_count(c) for c in noun.children if c.dep_ == "nummod"), default=0)
    nxt = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if count < 2 or nxt is None or nxt.text not in {",", ":"}:
        return []
    kinds = _LIST_KINDS.get(noun.lemma_.lower())
    return series_after(ctx, noun, kinds, limit=count)


_CORPORATE_SUFFIXES = lemmas("series", "corporate_suffixes")


def _before_suffix(comma: Token) -> bool:
    """ "Acme Robotics, Inc.", "Minera Andina, Sociedad Anónima": a comma that introduces the legal form."""
    nxt = comma.doc[comma.i + 1] if comma.i + 1 < len(comma.doc) else None
    return comma.text == "," and nxt is not None and nxt.lower_.rstrip(".") in _CORPORATE_SUFFIXES


def _merged_names(ctx: Context, r: Resolved) -> bool:
    """ "Blue Force Technologies, Dive Technologies" taken as one name: a comma inside a mention that
    does not introduce a corporate suffix ("Gibbs & Cox, Inc.") joins two list items."""
    span = ctx.doc[r.mention.start : r.mention.end]
    return any(
        t.text == "," and t.i + 1 < span.end and not _before_suffix(t) for t in span
    )


def following_list(ctx: Context, noun: Token) -> list[Arg]:
    """ "sanctions on the following companies: A, B and C": the names after the colon, of the kinds
    the announcing noun allows (companies, individuals)."""
    if not any(c.lower_ == "following" for c in noun.children):
        return []
    kinds = frozenset(k for n in (noun, *noun.conjuncts) for k in _LIST_KINDS.get(n.lemma_.lower(), ()))
    colon = next((t for t in noun.doc[noun.i + 1 : noun.sent.end] if t.text == ":"), None)
    if colon is None or any(t.text in _SERIES_BREAKS for t in noun.doc[noun.i + 1 : colon.i]):
        return []
    return series_after(ctx, colon, kinds or None)
