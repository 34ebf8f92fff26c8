"""Arms items: which nouns name weapons, and the text recorded in a transfer's `items`."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from loader import nonactors
from loader.patterns import lexicon as lx
from loader.patterns.syntax import Context, conjuncts
from loader.rules import lemmas, load_rules

_WORDS = load_rules("items")


def _items_of(tokens: list[Token]) -> list[str]:
    """Arms items named by NP heads (each with its coordinated siblings)."""
    out: list[str] = []
    for head in tokens:
        for item in conjuncts(head):
            text = item_text(item)
            if text and text not in out:
                out.append(text)
    return out


# Weapon model designations: S-400, Su-30, J-10C, F-16, T-72, HIMARS-style acronyms excluded.
_DESIGNATION_RE = re.compile(r"^[A-Z][A-Za-z]{0,3}-?\d{1,4}[A-Z]?\d?$")


_AID_NOUNS = frozenset(_WORDS["aid_nouns"])
_MILITARY_AID_MODIFIERS = frozenset(_WORDS["military_aid_modifiers"])
_NON_LETHAL = frozenset(_WORDS["non_lethal"])


_NEGATED_MODIFIERS = frozenset(_WORDS["negated_modifiers"])
_ITEM_LEAD_WORDS = frozenset(_WORDS["item_lead_words"])


def item_text(token: Token) -> str | None:
    lemma = token.lemma_.lower()
    mods = [c for c in token.children if c.dep_ in {"compound", "amod", "nmod"} and c.i < token.i]
    mod_lemmas = {m.lemma_.lower() for m in mods} | {g.lemma_.lower() for m in mods for g in m.subtree if g.i < token.i}
    if mod_lemmas & _NON_LETHAL:
        mod_lemmas -= _NEGATED_MODIFIERS  # "non-lethal equipment" is helmets and vests, not weapons
    if lemma in _AID_NOUNS and mod_lemmas & _MILITARY_AID_MODIFIERS:
        # Military aid counts as an arms transfer (it is paid in weapons and materiel); the item is
        # recorded as written, without the donor's demonym.
        words = [m for m in mods if m.lemma_.lower() in _MILITARY_AID_MODIFIERS]
        return " ".join([*(w.lower_ for w in words), token.lower_])
    if lemma not in lx.ARMS_NOUNS:
        # A bare model designation as the head: "bought the S-400", "ordered Su-35s".
        designation = _DESIGNATION_RE.match(token.text.rstrip("s"))
        if designation and token.pos_ in {"NOUN", "PROPN"} and token.ent_type_ != "DATE":
            return token.text
        return _weapon_name(token)
    # "Patriot systems", "Leopard vehicles": a named weapons system makes a generic head an arms item.
    designated = any(_DESIGNATION_RE.match(m.text) or nonactors.is_weapon_name(m.text) for m in mods) or bool(
        mods and nonactors.is_weapon_name(token.doc[min(t.i for m in mods for t in m.subtree) : token.i].text)
    )  # "IRIS-T systems": the name is split over several tokens
    if lemma in lx.GENERIC_ITEM_NOUNS and not designated and not (mod_lemmas & (lx.MILITARY_MODIFIERS | lx.ARMS_NOUNS)):
        return None
    start = min([token.i] + [t.i for m in mods for t in m.subtree])
    # "Turkish-made", "Russian-supplied": who made it, not what it is.
    provenance = {t.i for m in mods if m.dep_ == "amod" and m.tag_ == "VBN" for t in m.subtree}
    words = [
        t
        for t in token.doc[start : token.i + 1]
        if t.i not in provenance
        and (_DESIGNATION_RE.match(t.text) or (t.pos_ not in {"NUM", "DET"} and t.ent_type_ not in {"CARDINAL"}))
    ]
    # Drop a leading demonym/actor ("Russian helicopters" → "helicopters") and punctuation.
    while words and (
        words[0].ent_type_ in {"NORP", "GPE"}
        or words[0].is_punct
        or words[0].ent_id_
        or words[0].lower_ in _ITEM_LEAD_WORDS
    ):
        words = words[1:]
    text = "".join(w.text_with_ws for w in words).strip()
    return text.lower() if text else None


def _weapon_name(token: Token) -> str | None:
    """A named weapons system of the lexicon as the head: "ordered Rafales", "bought Bayraktar TB2"."""
    if token.pos_ not in {"NOUN", "PROPN"}:
        return None
    compounds = [c for c in token.children if c.dep_ == "compound" and c.i < token.i]
    start = min([token.i, *(t.i for c in compounds for t in c.subtree)])
    text = token.doc[start : token.i + 1].text
    return text if nonactors.is_weapon_name(text) else None


_OF_PREP = tuple(_WORDS["of_prep"])
_AMOUNT_PREPS = tuple(_WORDS["amount_preps"])


def arms_items(ctx: Context, heads: list[Token]) -> list[str]:
    expanded: list[Token] = []
    for head in heads:
        expanded.append(head)
        if head.pos_ in {"NUM", "PRON"} or head.lemma_.lower() in CONTAINER_NOUNS:
            # "80 of the jets", "1,000 containers of munitions", "a total of 54"
            expanded += ctx.prep_tokens(head, _OF_PREP)
        if head.ent_type_ == "MONEY" or head.lemma_.lower() in _MONEY_WORDS:
            # "$60 billion in weapons", "$571 million in military assistance"
            expanded += ctx.prep_tokens(head, _AMOUNT_PREPS)
    return _items_of(expanded)


_MONEY_WORDS = frozenset(_WORDS["money_words"])


def sentence_arms(sent: Span) -> list[str]:
    """Arms named anywhere in a sentence, for transfers whose object is "ones" or a number."""
    return _items_of(
        [t for t in sent if t.pos_ == "NOUN" and t.dep_ != "compound" and t.lemma_.lower() in lx.ARMS_NOUNS]
    )


CONTAINER_NOUNS = lemmas("arms", "partitive_heads") | frozenset(
    {
        "container",
        "shipment",
        "batch",
        "consignment",
        "tonne",
        "ton",
        "total",
        "number",
        "package",
        "lot",
        "set",
        "squadron",
        "fleet",
        "most",
        "bulk",
        "majority",
        "share",
        "half",
        "percent",
        "part",
        "all",
        "some",
        "million",
        "thousand",
        "hundred",
        "dozen",
        "pair",
        "type",
        "kind",
        "range",
        "array",
        "quantity",
        "amount",
        "stock",
        "stockpile",
        "variety",
    }
)
