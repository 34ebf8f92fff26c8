"""Trigger words, hedges and noun classes the relation rules look for.

Everything is keyed on spaCy lemmas (lower case). Kept as data so a rule reads as
"a supply verb whose object is an arms item", not as a list of strings.
"""

from __future__ import annotations

from loader.rules import load_rules

_LEX = load_rules("lexicon")

# --- arms -------------------------------------------------------------------------------
ARMS_NOUNS = frozenset(_LEX["arms_nouns"])
GENERIC_ITEM_NOUNS = frozenset(_LEX["generic_item_nouns"])
MILITARY_MODIFIERS = frozenset(_LEX["military_modifiers"])

SUPPLY_VERBS = frozenset(_LEX["supply_verbs"])
ACQUIRE_VERBS = frozenset(_LEX["acquire_verbs"])
SUPPLY_NOUNS = frozenset(_LEX["supply_nouns"])
ACQUIRE_NOUNS = frozenset(_LEX["acquire_nouns"])
DEAL_NOUNS = frozenset(_LEX["deal_nouns"])
MADE_PARTICIPLES = frozenset(_LEX["made_participles"])
USE_VERBS = frozenset(_LEX["use_verbs"])

# --- attacks, threats, sanctions, control ----------------------------------------------
ATTACK_VERBS = frozenset(_LEX["attack_verbs"])
ATTACK_NOUNS = frozenset(_LEX["attack_nouns"])
THREAT_VERBS = frozenset(_LEX["threat_verbs"])
THREAT_NOUNS = frozenset(_LEX["threat_nouns"])
TARGET_MODIFIERS = frozenset(_LEX["target_modifiers"])
NAMING_VERBS = frozenset(_LEX["naming_verbs"])
SANCTION_VERBS = frozenset(_LEX["sanction_verbs"])
SANCTION_NOUNS = frozenset(_LEX["sanction_nouns"])
FREEZE_VERBS = frozenset(_LEX["freeze_verbs"])
ASSET_NOUNS = frozenset(_LEX["asset_nouns"])
CONTROL_VERBS = frozenset(_LEX["control_verbs"])
CONTROL_NOUNS = frozenset(_LEX["control_nouns"])

# --- cooperation -------------------------------------------------------------------------
EXERCISE_NOUNS = frozenset(_LEX["exercise_nouns"])
EXERCISE_VERBS = frozenset(_LEX["exercise_verbs"])
LIGHT_VERBS = frozenset(_LEX["light_verbs"])
ALLY_NOUNS = frozenset(_LEX["ally_nouns"])
ALLY_VERBS = frozenset(_LEX["ally_verbs"])
PACT_NOUNS = frozenset(_LEX["pact_nouns"])
PACT_MODIFIERS = frozenset(_LEX["pact_modifiers"])
SUPPORT_VERBS = frozenset(_LEX["support_verbs"])
TROOP_NOUNS = frozenset(_LEX["troop_nouns"])
SUPPORT_NOUNS = frozenset(_LEX["support_nouns"])
BASE_NOUNS = frozenset(_LEX["base_nouns"])
# Forces whose keeping somewhere makes that place their host: "keeps battlegroups in Y".
STATIONED_NOUNS = TROOP_NOUNS | frozenset(_LEX["stationed_nouns"])
KEEP_VERBS = frozenset(_LEX["keep_verbs"])
LET_VERBS = frozenset(_LEX["let_verbs"])
STAY_VERBS = frozenset(_LEX["stay_verbs"])
MEMBER_NOUNS = frozenset(_LEX["member_nouns"])
ACCESSION_DONE_HEADS = frozenset(_LEX["accession_done_heads"])
JOIN_VERBS = frozenset(_LEX["join_verbs"])
LEAVE_VERBS = frozenset(_LEX["leave_verbs"])
CONTAIN_VERBS = frozenset(_LEX["contain_verbs"])
REFUGEE_NOUNS = frozenset(_LEX["refugee_nouns"])
FLEE_VERBS = frozenset(_LEX["flee_verbs"])
HOST_VERBS = frozenset(_LEX["host_verbs"])

# --- leadership and membership of people ----------------------------------------------
# Titles, their classes, member roles and portfolios are data: loader/rules/roles.yaml.
_ROLES = load_rules("roles")
# Titles that head or serve in an organisation or state; the value is the role recorded on the edge.
LEADER_ROLES: dict[str, str] = {title: spec["role"] for title, spec in _ROLES["titles"].items()}
# Each recorded role's class (head_of_state, minister, head, member, none) and the state body it heads.
ROLE_CLASS: dict[str, str] = {spec["role"]: spec["class"] for spec in _ROLES["titles"].values()}
ROLE_BODY: dict[str, str] = {spec["role"]: spec["body"] for spec in _ROLES["titles"].values() if "body" in spec}
STATE_TITLES = frozenset(_ROLES["state_titles"])
MEMBER_ROLES = frozenset(_ROLES["member_roles"])
PORTFOLIOS = frozenset(_ROLES["portfolios"])
NOT_CURRENT = frozenset(_ROLES["not_current"])
SERVING_MODIFIERS = frozenset(_ROLES["serving_modifiers"])
DOMINATING_PARTICIPLES = set(_ROLES["dominating_participles"])
LEAD_VERBS = frozenset(_LEX["lead_verbs"])

PART_NOUNS = frozenset(_LEX["part_nouns"])

# --- modality --------------------------------------------------------------------------
OFFER_HEADS = frozenset(_LEX["offer_heads"])
PLAN_HEADS = frozenset(_LEX["plan_heads"])
ORDER_HEADS = frozenset(_LEX["order_heads"])
DELIVERED_HEADS = frozenset(_LEX["delivered_heads"])
FORMER_HEADS = frozenset(_LEX["former_heads"])
ALLEGED_HEADS = frozenset(_LEX["alleged_heads"])
WARN_HEADS = frozenset(_LEX["warn_heads"])
DENIAL_HEADS = frozenset(_LEX["denial_heads"])
ACCUSATION_HEADS = frozenset(_LEX["accusation_heads"])
HYPOTHETICAL_AUX = frozenset(_LEX["hypothetical_aux"])
HYPOTHETICAL_MARKS = frozenset(_LEX["hypothetical_marks"])
FUTURE_AUX = frozenset(_LEX["future_aux"])
NEGATIONS = frozenset(_LEX["negations"])

# --- attribution -----------------------------------------------------------------------
REPORT_VERBS = frozenset(_LEX["report_verbs"])

# --- reference -------------------------------------------------------------------------
_OWNED_BY_ACTOR = frozenset(_LEX["owned_by_actor"])
# Collective nouns that stand for the actor they name with "of/in/from", a possessive or a modifier.
PROXY_NOUNS = _OWNED_BY_ACTOR | frozenset(_LEX["proxy_nouns"])
OWNED_PROXY_NOUNS = frozenset(_LEX["owned_proxy_nouns"])
# Proxy nouns that a demonym can stand on ("Russian forces" = Russia, "Russian helicopters" ≠, "Russian
# allies" ≠ Russia).
DEMONYM_PROXY_NOUNS = _OWNED_BY_ACTOR | frozenset(_LEX["demonym_proxy_nouns"])
# Definite descriptions that refer back to an actor, with the kinds they can refer to.
ACTOR_KINDS_NONPERSON = ("Country", "Alliance", "ArmedGroup", "Organization", "Company", "Region")
DESCRIPTIONS: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in _LEX["descriptions"].items()}
NAMING_PARTICIPLES = frozenset(_LEX["naming_participles"])
PLURAL_DESCRIPTIONS = frozenset(_LEX["plural_descriptions"])
PAIR_NOUNS: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in _LEX["pair_nouns"].items()}
PRONOUNS: dict[str, tuple[str, ...]] = {
    word: ACTOR_KINDS_NONPERSON if kind == "nonperson" else ("Person",) for word, kind in _LEX["pronouns"].items()
}
