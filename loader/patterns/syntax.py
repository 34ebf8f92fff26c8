"""Walking spaCy's dependency parse: which actors an NP denotes, subjects, objects, hedges.

These helpers are what make the rules general: a rule names a trigger and the roles it
wants ("the subject", "the object of 'to'"); this module finds the actors in those roles
through coordination, apposition, possessives, passives, control verbs and proxies
("U.S. troops" is the United States, "its allies in Central Asia" is Central Asia).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from loader.models import Entity
from loader.patterns import lexicon as lx
from loader.patterns.vocabulary import military
from loader.resolve import Resolved
from loader.rules import lemmas, load_rules

_WORDS = load_rules("syntax")

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
OBJECT_DEPS = frozenset({"dobj", "dative", "attr", "oprd"})
CONTROL_DEPS = frozenset(_WORDS["control_deps"])
_WH = frozenset(_WORDS["wh"])
_LIST_GLUE = frozenset(_WORDS["list_glue"])
_HELD = frozenset(_WORDS["held"])
_SITE_NOUNS = frozenset(_WORDS["site_nouns"])
_COLLECTIVES = frozenset(_WORDS["collectives"])
_PARTITIVES = frozenset(_WORDS["partitives"])


@dataclass(frozen=True)
class Arg:
    """An actor found in a role, with how directly it was found (1.0 = named in that slot)."""

    actor: Resolved
    directness: float = 1.0

    @property
    def id(self) -> str:
        return self.actor.actor_id


def _of_which(subject: Token) -> bool:
    """ "…, all of which sent troops", "most of whom": a part of the relative clause's antecedent."""
    return any(
        g.lower_ in _WH for p in subject.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
    )


_AS_PREP = tuple(_WORDS["as_prep"])
_PROXY_PLACE_PREPS = frozenset(_WORDS["proxy_place_preps"])
_BY_PREP = tuple(_WORDS["by_prep"])
_PROXY_LIST_PREPS = frozenset(_WORDS["proxy_list_preps"])
_EXAMPLE_PREPS = frozenset(_WORDS["example_preps"])
_CAME_FROM_PREPS = frozenset(_WORDS["came_from_preps"])
_ONE_OF_WORDS = frozenset(_WORDS["one_of_words"])


class Context:
    """One parsed article and the resolved actor of every token that belongs to a mention."""

    def __init__(self, doc: Doc, resolved: Iterable[Resolved], parents: Mapping[str, Entity] | None = None) -> None:
        self.doc = doc
        self.parents: Mapping[str, Entity] = parents or {}
        self.memo: dict[str, object] = {}  # per-article results shared by rules (data construction matches)
        self.by_token: dict[int, Resolved] = {}
        # One named mention per actor, so a gazetteer parent can be used as an endpoint.
        self.named: dict[str, Resolved] = {}
        # Several actors on one mention: "the two countries" stands for both.
        self.groups: dict[int, list[Resolved]] = {}
        for r in resolved:
            for i in range(r.mention.start, r.mention.end):
                held_here = self.by_token.get(i)
                if held_here is not None and held_here.mention is r.mention:
                    self.groups.setdefault(i, [held_here]).append(r)
                self.by_token[i] = r
            held = self.named.get(r.actor_id)
            if r.kind != "Media" and r.via != "coref" and (held is None or (held.weak and not r.weak)):
                self.named[r.actor_id] = r

    def actor(self, token: Token) -> Resolved | None:
        return self.by_token.get(token.i)

    def parent_of(self, r: Resolved) -> Resolved | None:
        """The gazetteer parent of an actor, when the article names it (else it is no endpoint)."""
        return self.named.get(r.parent) if r.parent else None

    def implied_parent_of(self, r: Resolved) -> Resolved | None:
        """The gazetteer parent of an actor even when the article does not name it: for what the actor's
        title or office says of it ("President Joe Biden" leads the United States), never for a bare
        mention (that the article names an agency does not state whose it is)."""
        named = self.parent_of(r)
        if named is not None or not r.parent or r.parent not in self.parents:
            return named
        entity = self.parents[r.parent]
        return Resolved(r.mention, entity.id, entity.kind, entity.name, entity.confidence * 0.9, via="parent")

    def state_of_body(self, r: Resolved) -> Resolved | None:
        """The state a state body (an organisation whose gazetteer parent is a country) acts for."""
        state = self.implied_parent_of(r) if r.kind == "Organization" else None
        return state if state is not None and state.kind == "Country" else None

    def mention_start(self, token: Token) -> int:
        r = self.by_token.get(token.i)
        return r.mention.start if r else token.i

    def mention_end(self, token: Token) -> int:
        r = self.by_token.get(token.i)
        return r.mention.end if r else token.i + 1

    # -- denotation -----------------------------------------------------------------------
    def denote(self, token: Token, *, allow_weak: bool = False, depth: int = 0) -> Arg | None:
        """The actor an NP headed by `token` stands for, or None."""
        r = self.by_token.get(token.i)
        if r is not None:
            if r.kind == "Media":
                return None
            if r.weak and not allow_weak:
                return None
            return Arg(r, 0.8 if r.weak else 1.0)
        if depth > 2:
            return None
        lemma = _noun_lemma(token)
        if lemma in _PARTITIVES:
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            return self.denote(pobj, allow_weak=allow_weak, depth=depth + 1)
        if token.pos_ not in {"NOUN", "PROPN"}:
            return None
        for child in token.children:
            if child.dep_ == "acl" and child.lemma_.lower() in lx.NAMING_PARTICIPLES:
                for named in self.prep_tokens(child, _AS_PREP):
                    arg = self.denote(named, allow_weak=allow_weak, depth=depth + 1)
                    if arg is not None:
                        return arg  # "the mission, known as MINUSMA"
        if lemma in lx.DESCRIPTIONS and lemma not in lx.PROXY_NOUNS:
            # "the Hezbollah group", "the CSTO alliance": a description named by its modifier
            return self._proxy_owner(token, lemma, depth)
        if lemma not in lx.PROXY_NOUNS:
            return None
        return self._proxy(token, lemma, depth)

    def _proxy(self, token: Token, lemma: str, depth: int) -> Arg | None:
        """Covers "U.S. troops", "Russia's forces", "allies in Central Asia", "the army of Mali"."""
        for child in token.children:
            if child.dep_ == "amod" and child.lemma_.lower() in _HELD:
                # "Russian-held airfields" belong to Russia, wherever they are; "rebel-held
                # areas of Idlib" belong to unnamed rebels, so they are not Idlib as such.
                held_by = [g for g in child.children if g.dep_ in {"npadvmod", "compound", "nmod", "amod"}]
                for grand in child.children:
                    r = self.by_token.get(grand.i)
                    if r is not None and r.kind != "Media":
                        return Arg(r, 0.8)
                if held_by:
                    return None
        if lemma in lx.OWNED_PROXY_NOUNS:
            owned = self._proxy_owner(token, lemma, depth) or self._operator(token)
            if owned is not None:
                return owned
        # A place or owner named with a preposition is the most specific reading.
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in _PROXY_PLACE_PREPS:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        arg = self.denote(pobj, depth=depth + 1)
                        if arg is not None:
                            return Arg(arg.actor, arg.directness * 0.9)
        return self._proxy_owner(token, lemma, depth)

    def _operator(self, token: Token) -> Arg | None:
        """Covers "a jet operated by the Pakistan Air Force": a craft or unit stands for who operates it."""
        for child in token.children:
            if child.dep_ == "acl" and child.lemma_.lower() in military("operator_participles"):
                for agent in self.prep_tokens(child, _BY_PREP):
                    arg = self.denote(agent, depth=2)
                    if arg is not None:
                        return Arg(arg.actor, arg.directness * 0.9)
        return None

    def _appositive_list(self, token: Token) -> list[Token]:
        """A list the parser read as apposition: "Russia, Armenia, Belarus and …"."""
        first = self.by_token.get(token.i)
        if first is None:
            return []
        out: list[Token] = []
        for child in token.children:
            other = self.by_token.get(child.i)
            if (
                child.dep_ == "appos"
                and other is not None
                and other.kind == first.kind
                and other.actor_id != first.actor_id
            ):
                # "A, B, C and D" may come as a chain of appositions, each hung on the one before
                out += [item for c in conjuncts(child) for item in (c, *self._appositive_list(c))]
        return out

    def proxy_list(self, token: Token) -> list[Token]:
        """Further actors of a proxy over a list: "units from Russia, Kazakhstan and Kyrgyzstan"."""
        if token.i in self.by_token or _noun_lemma(token) not in lx.PROXY_NOUNS:
            return []
        if any(c.dep_ == "amod" and c.lemma_.lower() in _HELD for c in token.children):
            return []  # "Russian-held airfields in A and B" are all Russia's, not A's and B's
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in _PROXY_LIST_PREPS:
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.i in self.by_token:
                        return list(conjuncts(pobj))[1:]
        return []

    def _proxy_owner(self, token: Token, lemma: str, depth: int) -> Arg | None:
        for child in token.children:
            if child.dep_ == "appos" and child.i in self.by_token:
                # "the capital, Khartoum"
                r = self.by_token[child.i]
                if not r.weak and r.kind != "Media":
                    return Arg(r, 0.9)
        for child in token.children:
            if child.dep_ in {"compound", "amod", "nmod", "npadvmod"} and child.i < token.i:
                modifier = self.by_token.get(child.i)
                if modifier is None or modifier.kind == "Media":
                    continue
                r = modifier
                if r.weak and lemma not in lx.DEMONYM_PROXY_NOUNS:
                    continue
                if lemma in _SITE_NOUNS and r.via == "ner":
                    continue  # "the Fordow and Natanz facilities": the site's own name, not an owner
                return Arg(r, 0.75 if r.weak else 0.9)
        for child in token.children:
            if child.dep_ == "poss":
                arg = self.denote(child, depth=depth + 1)
                if arg is not None and not (arg.actor.kind == "Person" and lemma in lx.DESCRIPTIONS):
                    # "his country" is a state, not the person it belongs to
                    return Arg(arg.actor, arg.directness * 0.85)
        return None

    def np_actors(self, token: Token, *, allow_weak: bool = False) -> list[Arg]:
        """Actors of an NP and of every NP coordinated with it, including broken lists."""
        out: list[Arg] = []
        seen: set[str] = set()
        items = list(conjuncts(token))
        for item in list(items):
            items += self.proxy_list(item)
            items += self._appositive_list(item)
        if len(items) >= 2:
            # Only a series ("A, B, and C") may continue past a parse break; a single item
            # followed by ", and Z …" is usually a new clause.
            items += self._list_continuation(items[-1])
        for item in list(items):
            examples = self._examples(item)
            if examples:
                # "U.S. defence companies including Lockheed Martin and Raytheon": the named ones
                items[items.index(item) : items.index(item) + 1] = examples
        for item in items:
            arg = self.denote(item, allow_weak=allow_weak)
            group = [Arg(r, arg.directness) for r in self.groups.get(item.i, [])] if arg is not None else []
            for a in [arg, *group, *self._coordinated_modifiers(item)] if arg is not None else []:
                if a.id not in seen:
                    seen.add(a.id)
                    out.append(a)
        return out

    def _examples(self, token: Token) -> list[Token]:
        """Named examples of an unnamed plural: "companies including A and B", "groups such as A"."""
        if token.i in self.by_token or token.tag_ not in {"NNS", "NNPS"}:
            return []
        near = list(token.children)
        if token.dep_ == "pobj":
            # "sanctions on U.S. companies, including A and B": the list may hang one level up.
            near += [c for c in token.head.head.children if 0 < c.i - token.right_edge.i <= 2]
        for child in near:
            if child.dep_ == "prep" and child.lower_ in _EXAMPLE_PREPS:
                if child.lower_ == "as" and not any(c.lower_ == "such" for c in child.children):
                    continue
                found = [p for p in child.children if p.dep_ == "pobj" and p.i in self.by_token]
                if found:
                    # a long series may run on past a parse break: "including A, B, C, … and Z"
                    listed = list(conjuncts(found[0]))
                    return listed + self._list_continuation(listed[-1])
        if any(c.dep_ == "nummod" for c in token.children):
            # "three entities, A, B and C": a counted plural followed by the list it counts
            for child in token.children:
                if child.dep_ == "appos" and child.i in self.by_token:
                    return list(conjuncts(child))
        return []

    def _coordinated_modifiers(self, token: Token) -> list[Arg]:
        """Further owners of a proxy with coordinated modifiers: "Indian and Russian troops"."""
        lemma = token.lemma_.lower()
        if token.i in self.by_token or lemma not in lx.PROXY_NOUNS:
            return []
        out: list[Arg] = []
        for child in token.children:
            if child.dep_ in {"compound", "amod", "nmod"} and child.i < token.i and child.i in self.by_token:
                for conj in child.conjuncts:
                    r = self.by_token.get(conj.i)
                    if r is None or r.kind == "Media" or (r.weak and lemma not in lx.DEMONYM_PROXY_NOUNS):
                        continue
                    out.append(Arg(r, 0.75 if r.weak else 0.9))
        return out

    def _list_continuation(self, last: Token) -> list[Token]:
        """Mentions that continue a list after its last conjunct: "A, B, and C created …".

        The parser sometimes attaches the last item of a long list to the next verb;
        items separated from the list only by commas and "and"/"or" still belong to it.
        """
        if self.by_token.get(last.i) is None:
            return []
        sent_end = last.sent.end
        out: list[Token] = []
        i = self.mention_end(last)
        glue = 0
        while i < sent_end:
            tok = self.doc[i]
            if tok.lower_ in _LIST_GLUE or tok.is_space or tok.lower_ == "the":
                glue += 1
                i += 1
                if glue > 3:
                    break
                continue
            r = self.by_token.get(i)
            if r is None or glue == 0:
                break
            head = self.doc[r.mention.start : r.mention.end].root
            if head.dep_ in SUBJECT_DEPS and head.head.lemma_.lower() in lx.REPORT_VERBS:
                break  # "…, SIPRI said": a new clause's subject, not a list item
            out.append(head)
            i = r.mention.end
            glue = 0
        return out

    # -- roles ----------------------------------------------------------------------------
    def subjects(self, verb: Token, *, allow_weak: bool = False) -> list[Arg]:
        """Actors doing `verb`, following control verbs, relative clauses and passives."""
        cur = verb
        for _ in range(6):
            subj = [c for c in cur.children if c.dep_ in SUBJECT_DEPS]
            if not subj and cur is not verb:
                # "Kyrgyzstan is scheduled to …": the subject of a passive control verb.
                subj = [c for c in cur.children if c.dep_ == "nsubjpass"]
            if subj:
                if (subj[0].lower_ in _WH or _of_which(subj[0])) and cur.dep_ == "relcl":
                    return (
                        self._one_of(cur.head)
                        or self.described(cur.head)
                        or self.np_actors(cur.head, allow_weak=allow_weak)
                    )
                # Two subjects is a misparse ("Hundreds of km away …, the TNLA launched"): the one naming an actor.
                for one in subj:
                    found = self.np_actors(one, allow_weak=allow_weak)
                    if found:
                        return found
                return []
            if cur is verb and any(c.dep_ == "nsubjpass" for c in cur.children):
                return self.agents(cur)
            if cur.dep_ == "relcl":
                return self.np_actors(cur.head, allow_weak=allow_weak)
            if cur.dep_ == "xcomp" and cur.head.lemma_.lower() in military("object_control_verbs"):
                # Object control: "the backing enabled M23 to seize Goma", "allowed Russia to fire from X".
                controller = [c for c in cur.head.children if c.dep_ == "dobj"]
                if controller:
                    return self.np_actors(controller[0], allow_weak=allow_weak)
            if cur.dep_ in CONTROL_DEPS and cur.head is not cur:
                cur = cur.head
                continue
            if cur.dep_ in {"acl"} and cur.head.dep_ in OBJECT_DEPS | {"pobj"}:
                # "signed a deal to buy …": the deal's signer buys.
                cur = cur.head.head
                if cur.dep_ == "prep":
                    cur = cur.head
                continue
            if cur.dep_ == "acl":
                if cur.tag_ == "VBG" or (
                    cur.tag_ in {"VBD", "VBN"} and cur.head.dep_ == "ROOT" and cur.head.i in self.by_token
                ):
                    # "X, supplying …"; or a clause the parser hung on its subject noun
                    return self.np_actors(cur.head, allow_weak=allow_weak)
                return []
            if cur.dep_ == "pcomp" or (cur.dep_ in {"prep", "pobj", "dobj", "attr"} and cur.head is not cur):
                came_from = cur
                cur = cur.head
                if came_from.dep_ == "prep" and came_from.lower_ in _CAME_FROM_PREPS and cur.pos_ == "VERB":
                    # Object control: "accused Iran of supplying", "blamed X for attacking".
                    controller = [c for c in cur.children if c.dep_ == "dobj"]
                    if controller:
                        return self.np_actors(controller[0], allow_weak=allow_weak)
                if came_from.dep_ == "prep" and came_from.lower_ in _CAME_FROM_PREPS and cur.pos_ in {"NOUN", "PROPN"}:
                    # "entities (sanctioned) for supplying Russia": the noun is the doer.
                    return self.np_actors(cur, allow_weak=allow_weak)
                continue
            break
        return []

    def described(self, noun: Token) -> list[Arg]:
        """The named actor an unnamed description stands beside.

        Covers "Hezbollah, the Lebanese militia that fought for …" (apposition) and "the SNA,
        a coalition of factions backed by …" (the members of a named collective).
        """
        for _ in range(3):
            if noun.i in self.by_token:
                return []
            if noun.dep_ == "appos" and noun.head.i in self.by_token:
                arg = self.denote(noun.head)
                return [arg] if arg is not None else []
            prep = noun.head
            if noun.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lemma_.lower() in _COLLECTIVES:
                noun = prep.head
                continue
            return []
        return []

    def _one_of(self, noun: Token) -> list[Arg]:
        """Covers "X is one of two states that host …": the relative clause is about X."""
        prep = noun.head
        if noun.dep_ != "pobj" or prep.lower_ != "of" or prep.head.lower_ not in _ONE_OF_WORDS:
            return []
        holder = prep.head
        if holder.dep_ in {"attr", "prep"} and holder.head.lemma_.lower() == "be":
            return [a for c in holder.head.children if c.dep_ == "nsubj" for a in self.np_actors(c)]
        return []

    def agents(self, verb: Token) -> list[Arg]:
        """The "by" phrase of a passive verb."""
        out: list[Arg] = []
        for child in verb.children:
            if child.dep_ == "agent":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        out += self.np_actors(pobj)
        return out

    def patients(self, verb: Token) -> list[Arg]:
        """The subject of a passive verb (what was attacked, sanctioned …)."""
        for child in verb.children:
            if child.dep_ == "nsubjpass":
                if child.lower_ in _WH and verb.dep_ == "relcl":
                    return self.described(verb.head) or self.np_actors(verb.head)
                return self.np_actors(child)
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            # "sanctions imposed on Iran", "the city captured by …": the noun is the patient.
            return self.described(verb.head) or self.np_actors(verb.head)
        return []

    def objects(self, head: Token, deps: frozenset[str] = OBJECT_DEPS, *, allow_weak: bool = False) -> list[Arg]:
        out: list[Arg] = []
        for child in head.children:
            if child.dep_ in deps:
                if child.lower_ in _WH and head.dep_ == "relcl":
                    # "Crimea, which it annexed": the relative pronoun is the modified noun.
                    out += self.np_actors(head.head, allow_weak=allow_weak)
                else:
                    out += self.np_actors(child, allow_weak=allow_weak)
        return out

    def prep_objects(self, head: Token, preps: Iterable[str], *, allow_weak: bool = False) -> list[Arg]:
        """Actors in "<prep> NP" phrases attached to `head` ("to Y", "against Y")."""
        wanted = set(preps)
        out: list[Arg] = []
        for child in head.children:
            if child.dep_ in {"prep", "dative", "agent"} and child.lower_ in wanted:
                for pobj in child.children:
                    if pobj.dep_ in {"pobj", "pcomp"}:
                        out += self.np_actors(pobj, allow_weak=allow_weak)
        return out

    def prep_tokens(self, head: Token, preps: Iterable[str]) -> list[Token]:
        wanted = set(preps)
        out: list[Token] = []
        for child in head.children:
            if child.dep_ in {"prep", "dative", "agent"} and child.lower_ in wanted:
                out += [p for p in child.children if p.dep_ in {"pobj", "pcomp"}]
        return out

    def owners(self, noun: Token, *, allow_weak: bool = False) -> list[Arg]:
        """Possessive and modifier actors of a noun: "Russia's", "U.S.", "Russian"."""
        out: list[Arg] = []
        for child in noun.children:
            if child.dep_ == "poss":
                out += self.np_actors(child)
            elif child.dep_ in {"compound", "amod", "nmod", "npadvmod"} and child.i < noun.i:
                r = self.by_token.get(child.i)
                if r is None or r.kind == "Media":
                    continue
                if r.weak and not allow_weak:
                    continue
                out.append(Arg(r, 0.75 if r.weak else 0.95))
            elif child.dep_ in {"punct", "case"} and child.text in _APOSTROPHES and child.i < noun.i:
                # "the United States’ arms sales": a plural possessive the parser read as punctuation
                r = self.by_token.get(child.i - 1)
                if r is not None and r.kind != "Media" and not r.weak and self.doc[child.i - 1].lower_.endswith("s"):
                    out.append(Arg(r, 0.9))
        return unique_args(out)


_APOSTROPHES = frozenset(_WORDS["apostrophes"])


def _noun_lemma(token: Token) -> str:
    """The lemma, with a capitalised plural made singular ("the Armed Forces of X" → force)."""
    lemma = token.lemma_.lower()
    if token.pos_ == "PROPN" and lemma not in lx.PROXY_NOUNS and lemma[:-1] in lx.PROXY_NOUNS:
        return lemma[:-1]
    return lemma


def conjuncts(token: Token) -> Iterator[Token]:
    """The token and the tokens coordinated with it, in text order."""
    seen = {token.i}
    yield token
    for conj in token.conjuncts:
        if conj.i not in seen:
            seen.add(conj.i)
            yield conj


def unique_args(args: list[Arg]) -> list[Arg]:
    """Each actor once, first occurrence kept."""
    seen: set[str] = set()
    out: list[Arg] = []
    for arg in args:
        if arg.id not in seen:
            seen.add(arg.id)
            out.append(arg)
    return out


def state_chain(token: Token) -> list[Token]:
    """The chain of a state noun ("member", "ally"): only up to its copula, if any.

    "X is not a member" is negated, but "Serbia, an ally of Russia, bought drones" does
    not make the alliance an order, nor "ready to supply its allies" an offered alliance.
    """
    chain = [token]
    cur = token
    while cur.dep_ in {"attr", "oprd", "compound"} and cur.head is not cur:
        cur = cur.head
        chain.append(cur)
    return chain


def clause_chain(token: Token, limit: int = 8, *, through_preps: bool = True) -> list[Token]:
    """The trigger and the heads above it up to (and including) its clause's main verb.

    Hedges and negations anywhere on this chain apply to the trigger: "is ready to supply",
    "denied supplying", "said it is not a threat". Reporting verbs end the chain, so "X
    said" does not turn into a hedge on what X said.
    """
    chain = [token]
    cur = token
    for _ in range(limit):
        if cur.dep_ in {"ROOT", "relcl", "parataxis", "appos"} or cur.head is cur:
            break  # an apposition is its own statement: "Iran, the Houthis' backer, denied …"
        if cur.dep_ == "ccomp" and cur.head.lemma_.lower() in lx.REPORT_VERBS:
            break
        if cur.dep_ == "conj" and cur.pos_ in {"VERB", "AUX"}:
            break
        if not through_preps and cur.dep_ in {"pobj", "prep"}:
            break  # a state noun inside another predicate's argument keeps its own mood
        cur = cur.head
        chain.append(cur)
    return chain


def is_negated(chain: list[Token]) -> bool:
    for n, tok in enumerate(chain):
        if n and chain[n - 1].dep_ == "advcl" and any(c.dep_ == "mark" for c in chain[n - 1].children):
            break  # "X was not a threat, although Y began buying jets": the main clause's negation stays there
        lemma = tok.lemma_.lower()
        if lemma in lx.DENIAL_HEADS and tok.pos_ == "VERB" and tok is not chain[0]:
            return True
        for child in tok.children:
            if child.dep_ == "neg":
                return True
            if child.dep_ == "det" and child.lower_ == "no" and tok.pos_ == "NOUN":
                return True  # "no plans to send troops", "no evidence of a strike"
    return False


def is_accusation(chain: list[Token]) -> bool:
    return any(tok.lemma_.lower() in lx.ACCUSATION_HEADS for tok in chain[1:])


def accusation_content(chain: list[Token]) -> bool:
    """The trigger is what the accuser charges: "accused Y of arming Z", "alleged that Y sent Z".
    An event in an adverbial clause ("accused Y of backing Z, enabling it to seize …") is the
    accuser's inference about a third act, not the charge."""
    cur = chain[0]
    for _ in range(8):
        if cur.head is cur or cur.dep_ in {"advcl", "relcl", "acl"}:
            return False
        if cur.head.lemma_.lower() in lx.ACCUSATION_HEADS:
            return cur.dep_ in {"prep", "ccomp", "xcomp", "pcomp", "dobj"}
        cur = cur.head
    return False


_REPORT_NOUNS = lemmas("claims", "report_nouns")
_REPORT_VERBS = lemmas("claims", "report_verbs")
_DENIAL_VERBS = lemmas("claims", "denial_verbs")
_DENIED_NOUNS = lemmas("claims", "denied_nouns")


def _names_report(tok: Token) -> bool:
    return any(t.lemma_.lower() in _REPORT_NOUNS for t in tok.subtree)


def is_reported_claim(trigger: Token) -> bool:
    """A finding the article attributes to a report: "according to a UN report, X supplied Y",
    "U.S. intelligence says X shipped …", "an investigation found that X armed Y"."""
    for tok in trigger.sent:
        if tok.lower_ == "according":
            for prep in tok.children:
                if prep.lower_ == "to" and any(_names_report(c) for c in prep.children if c.dep_ == "pobj"):
                    return True
    cur = trigger
    for _ in range(6):
        if cur.head is cur:
            return False
        if cur.dep_ in {"ccomp", "parataxis"} and cur.head.lemma_.lower() in _REPORT_VERBS:
            subjects = [c for c in cur.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if any(_names_report(s) for s in subjects):
                return True
        cur = cur.head
    return False


_BLANKET_DETERMINERS = frozenset(_WORDS["blanket_determiners"])


def _blanket(denial: Token) -> bool:
    """A denial of any such act: "denies sending any arms to either side"."""
    acts = [c for c in denial.children if c.dep_ in {"xcomp", "ccomp"} and c.pos_ == "VERB"]
    return any(t.dep_ == "det" and t.lower_ in _BLANKET_DETERMINERS for act in acts for t in act.subtree)


def accusation_deniers(doc: Doc, resolved: Iterable[Resolved]) -> set[str]:
    """Actors that deny an accusation as a whole: "Rwanda denied the allegations", "a charge the
    UAE rejects", "Tehran has denied any involvement"."""
    deniers: set[str] = set()
    by_token = {i: r.actor_id for r in resolved for i in range(r.mention.start, r.mention.end)}
    for tok in doc:
        if tok.lemma_.lower() not in _DENIAL_VERBS or tok.pos_ not in {"VERB", "AUX"}:
            continue
        objects = [c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}]
        if tok.dep_ == "relcl":
            objects.append(tok.head)  # "a charge the UAE denies"
        if not any(o.lemma_.lower() in _DENIED_NOUNS for o in objects) and not _blanket(tok):
            continue
        for subject in (c for c in tok.children if c.dep_ == "nsubj"):
            ids = {by_token[t.i] for t in subject.subtree if t.i in by_token}
            deniers |= ids
    return deniers


_NEITHER_WORDS = frozenset(_WORDS["neither_words"])


def has_neither(token: Token) -> bool:
    """Covers "a member of neither NATO nor the EU": negation inside the trigger's own phrase."""
    return any(t.lower_ in _NEITHER_WORDS for t in token.subtree)


def is_hypothetical(chain: list[Token]) -> bool:
    heads = list(chain)
    for tok in chain:
        # Coordinated verbs share their first conjunct's modal and subordinator:
        # "for X to grow and threaten Y".
        cur = tok
        while cur.dep_ == "conj" and cur.pos_ in {"VERB", "AUX"} and cur.head is not cur:
            cur = cur.head
            heads.append(cur)
    for tok in heads:
        reported = tok.dep_ == "ccomp" and tok.head.lemma_.lower() in lx.REPORT_VERBS and tok.head.tag_ == "VBD"
        for child in tok.children:
            if child.dep_ == "aux" and child.lower_ == "would" and reported:
                continue  # "X said it would send …": a reported plan, not a hypothesis
            if child.dep_ == "aux" and child.lower_ in lx.HYPOTHETICAL_AUX:
                return True
            if child.dep_ == "mark" and child.lower_ in lx.HYPOTHETICAL_MARKS:
                return True
    return False


_FORMER_ADVERBS = frozenset(_WORDS["former_adverbs"])
_CONDITIONAL_AUX = frozenset(_WORDS["conditional_aux"])


def modality(chain: list[Token], default: str = "asserted") -> str:
    """The most specific hedge on the chain: offered, planned, ordered, alleged…"""
    trigger = chain[0]
    for tok in chain:
        lemma = tok.lemma_.lower()
        if tok is not trigger and lemma in lx.ALLEGED_HEADS:
            return "alleged"
        if tok is not trigger and lemma in lx.OFFER_HEADS and not (lemma == "open" and tok.pos_ == "VERB"):
            # "open to selling" offers; "the exercise opens on Monday" does not
            return "offered"
        if tok is not trigger and lemma in lx.ORDER_HEADS:
            return "ordered"
        if tok is not trigger and lemma in lx.PLAN_HEADS:
            return "planned"
        if tok is not trigger and lemma == "threaten":
            return "planned"
        for child in tok.children:
            if child.dep_ == "aux" and child.lower_ in lx.FUTURE_AUX | _CONDITIONAL_AUX:
                return "planned"
            if child.dep_ == "advmod" and child.lower_ in lx.ALLEGED_HEADS:
                return "alleged"
            if child.dep_ in {"advmod", "amod"} and child.lower_ in _FORMER_ADVERBS:
                return "former"
    return default


def sentence_index(doc: Doc) -> dict[int, int]:
    """Sentence number of each sentence start, for Mention.sent."""
    return {sent.start: n for n, sent in enumerate(doc.sents)}


def span_root(doc: Doc, start: int, end: int) -> Token:
    span: Span = doc[start:end]
    return span.root


# -- lists and counted references shared by the constructions and the rules ------------------------
_LIST_OPENERS = frozenset(_WORDS["list_openers"])
_COUNTED_STATE_NOUNS = frozenset(str(w).lower() for w in _WORDS["counted_state_nouns"])
_NUMBER_WORDS = {str(w): n for n, w in enumerate(_WORDS["number_words"], 2)}


def colon_list(ctx: Context, token: Token) -> list[Arg]:
    """Actors listed right after an NP and a colon or dash: "six republics: A, B and C"."""
    end = max(t.i for t in token.subtree) + 1
    doc = ctx.doc
    if end < len(doc) - 1 and doc[end].text in _LIST_OPENERS:
        r = ctx.by_token.get(end + 1)
        if r is None and doc[end + 1].lower_ == "the" and end + 2 < len(doc):
            r = ctx.by_token.get(end + 2)
        if r is not None:
            return ctx.np_actors(doc[r.mention.start : r.mention.end].root)
    return []


def possessors(ctx: Context, noun: Token) -> list[Arg]:
    """Whose membership or withdrawal a noun names: "Mali's exit"; for "their withdrawal", the verb's subjects.

    A pronoun stands for the whole subject list ("A, B and C announced their withdrawal"),
    which coreference would cut down to one name.
    """
    out: list[Arg] = []
    for child in (c for c in noun.children if c.dep_ == "poss"):
        if child.pos_ == "PRON" and noun.dep_ == "dobj":
            out += ctx.subjects(noun.head) or ctx.np_actors(child)
        else:
            out += ctx.np_actors(child)
    return out


def count_of(token: Token) -> int:
    """The number a token spells: "3", "three", "both"."""
    word = token.lower_
    if word == "both":
        return 2
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.get(word, 0)


def counted_antecedents(ctx: Context, noun: Token, window: int = 4) -> list[Arg]:
    """The states "the four nations" refers back to: the last list of exactly four states named before.

    Only a definite, counted plural of a state noun ("the three countries", "all four nations",
    "both countries") is resolved, and only to a coordinated list of that many states.
    """
    if noun.lemma_.lower() not in _COUNTED_STATE_NOUNS or ctx.actor(noun) is not None:
        return []
    count = next((count_of(c) for c in noun.children if c.dep_ in {"nummod", "det", "predet"} and count_of(c)), 0)
    if count < 2:
        return []
    sents = list(ctx.doc.sents)
    here = next((n for n, s in enumerate(sents) if s.start <= noun.i < s.end), 0)
    for sent in reversed(sents[max(0, here - window) : here + 1]):
        lists = []
        for tok in sent:
            if tok.i >= noun.i or tok.dep_ == "conj":
                continue
            r = ctx.actor(tok)
            if r is None or r.kind != "Country" or ctx.doc[r.mention.start : r.mention.end].root.i != tok.i:
                continue
            items = [a for a in ctx.np_actors(tok) if a.actor.kind == "Country"]
            if len(items) == count:
                lists.append(items)
        if lists:
            return lists[-1]
    return []


_ROW_OPENERS = frozenset(_WORDS["row_openers"])
_ROW_GLUE = frozenset(_WORDS["row_glue"])
_NAME_HYPHENS = frozenset(_WORDS["name_hyphens"])


def row_after(ctx: Context, token: Token, skip: Iterable[str]) -> list[Arg]:
    """States listed in a row right after `token`, whatever the parse: "SCO member states China, India and
    Iran". One more word of `skip` (lemmas) may follow the token, then a colon, a dash or "the"."""
    doc, i = ctx.doc, token.i + 1
    if i < len(doc) and doc[i].lemma_.lower() in set(skip):
        i += 1
    while i < len(doc) and (doc[i].text in _ROW_OPENERS or doc[i].lower_ in _ROW_OPENERS):
        i += 1
    members: list[Arg] = []
    sent_end = token.sent.end
    while i < sent_end:
        other = ctx.by_token.get(i)
        if other is None or other.kind != "Country" or other.weak:
            break
        members.append(Arg(other, 0.9))
        i = other.mention.end
        while i < sent_end and (doc[i].text in _ROW_GLUE or doc[i].lower_ in _ROW_GLUE):
            i += 1
    return members


def hyphenated_states(ctx: Context, token: Token) -> list[Arg]:
    """States joined by hyphens in the words before a name's head: "the Australia-United Kingdom-United
    States Security Partnership"."""
    states: list[Arg] = []
    for t in token.subtree:
        if t.i >= token.i:
            break
        other = ctx.by_token.get(t.i)
        if other is None or other.kind != "Country" or other.weak or any(s.id == other.actor_id for s in states):
            continue
        start, end = other.mention.start, other.mention.end
        if (start > 0 and ctx.doc[start - 1].text in _NAME_HYPHENS) or (
            end < len(ctx.doc) and ctx.doc[end].text in _NAME_HYPHENS
        ):
            states.append(Arg(other, 0.85))
    return states
