"""Trigger words, hedges and noun classes the relation rules look for.

Everything is keyed on spaCy lemmas (lower case). Kept as data so a rule reads as
"a supply verb whose object is an arms item", not as a list of strings.
"""

from __future__ import annotations

from loader.rules import load_rules

# --- arms -------------------------------------------------------------------------------
# Nouns that make a transfer an arms transfer; matched on the lemma of an item's head noun
# or of any token in its compound chain ("border protection systems", "air defence").
ARMS_NOUNS = frozenset(
    {
        "weapon",
        "weaponry",
        "arm",
        "armament",
        "munition",
        "ammunition",
        "ammo",
        "hardware",
        "helicopter",
        "firearm",
        "rifle",
        "gun",
        "drone",
        "uav",
        "tank",
        "missile",
        "rocket",
        "artillery",
        "shell",
        "howitzer",
        "launcher",
        "jet",
        "fighter",
        "aircraft",
        "warplane",
        "bomber",
        "plane",
        "warship",
        "frigate",
        "corvette",
        "submarine",
        "destroyer",
        "vessel",
        "radar",
        "interceptor",
        "mortar",
        "grenade",
        "vehicle",
        "apc",
        "carrier",
        "armor",
        "armour",
        "system",
        "equipment",
        "materiel",
        "bomb",
        "torpedo",
        "mine",
        "gunship",
        "battery",
        "kit",
        "javelin",
        "stinger",
        "himars",
        "patriot",
        "airframe",
        "unit",
    }
)
# Generic heads ("systems", "equipment", "vehicles") only count with a military modifier.
GENERIC_ITEM_NOUNS = frozenset(
    {"system", "equipment", "vehicle", "kit", "carrier", "vessel", "plane", "battery", "aircraft", "unit"}
)
MILITARY_MODIFIERS = frozenset(
    {
        "military",
        "defence",
        "defense",
        "air",
        "missile",
        "border",
        "protection",
        "armored",
        "armoured",
        "combat",
        "attack",
        "weapon",
        "weapons",
        "arm",
        "arms",
        "fighter",
        "naval",
        "anti",
        "aircraft",
        "tank",
        "artillery",
        "rocket",
        "radar",
        "surveillance",
        "transport",
        "infantry",
        "fighting",
        "strike",
        "warplane",
        "drone",
        "lethal",
        "security",
    }
)

# Verbs whose subject gives arms to the object: "X supplied weapons to Y", "X armed Y".
SUPPLY_VERBS = frozenset(
    {
        "supply",
        "deliver",
        "sell",
        "ship",
        "transfer",
        "provide",
        "send",
        "give",
        "export",
        "donate",
        "hand",
        "equip",
        "arm",
        "furnish",
        "gift",
        "pledge",
        "offer",
        "promise",
    }
)
# Verbs whose subject receives arms from the "from" object: "Y bought jets from X".
ACQUIRE_VERBS = frozenset({"buy", "purchase", "acquire", "order", "receive", "import", "obtain", "procure", "get"})
# Nouns naming a transfer: "the delivery of tanks to Y", "X's sale of jets".
SUPPLY_NOUNS = frozenset(
    {"supply", "delivery", "sale", "shipment", "transfer", "export", "provision", "donation", "consignment"}
)
ACQUIRE_NOUNS = frozenset({"purchase", "acquisition", "order", "import", "procurement"})
# Contract nouns: "a deal for 24 jets with France" (the other party sells).
DEAL_NOUNS = frozenset({"deal", "contract", "agreement", "accord"})
# Participles naming who made or supplied a weapon: "Turkish-made drones", "Russian-supplied tanks".
MADE_PARTICIPLES = frozenset({"make", "build", "manufacture", "produce", "supply", "provide", "donate"})
# Verbs of using weapons: who uses a maker's weapons got them from it ("Y flies <maker>'s drones").
USE_VERBS = frozenset({"field", "deploy", "use", "fly", "operate", "employ"})

# --- attacks, threats, sanctions, control ----------------------------------------------
ATTACK_VERBS = frozenset(
    {
        "attack",
        "strike",
        "hit",
        "bomb",
        "shell",
        "invade",
        "raid",
        "ambush",
        "target",
        "assault",
        "storm",
        "bombard",
        "fight",
        "shoot",
        "kill",
        "pound",
        "besiege",
        "massacre",
        "behead",
        "kidnap",
        "abduct",
    }
)
ATTACK_NOUNS = frozenset(
    {
        "counteroffensive",
        "counter-offensive",
        "onslaught",
        "attack",
        "strike",
        "airstrike",
        "assault",
        "offensive",
        "invasion",
        "raid",
        "bombing",
        "shelling",
        "war",
        "incursion",
        "bombardment",
        "ambush",
        "campaign",
    }
)
THREAT_VERBS = frozenset({"threaten"})
THREAT_NOUNS = frozenset({"threat", "ultimatum"})
# "Y is a legitimate target": modifiers that make naming a target a threat.
TARGET_MODIFIERS = frozenset({"legitimate", "priority", "lawful", "legal", "prime", "primary"})
# Verbs that name something a target: "X named/declared Y a legitimate target".
NAMING_VERBS = frozenset({"name", "declare", "call", "consider", "designate", "list", "brand"})
SANCTION_VERBS = frozenset({"sanction", "blacklist", "embargo"})
SANCTION_NOUNS = frozenset({"sanction", "embargo", "blacklist", "restriction", "penalty", "tariff"})
# "froze the assets of X", "blocked Russian reserves": a sanction on the assets' owner.
FREEZE_VERBS = frozenset({"freeze", "block", "confiscate", "immobilise", "immobilize"})
ASSET_NOUNS = frozenset({"asset", "fund", "reserve", "account", "holding", "property"})
CONTROL_VERBS = frozenset(
    {
        "control",
        "seize",
        "capture",
        "occupy",
        "overrun",
        "annex",
        "conquer",
        "rule",
        "govern",
        "retake",
        "recapture",
        "hold",
        "liberate",
        # past forms the lemmatiser leaves as they are
        "retook",
        "overran",
    }
)
CONTROL_NOUNS = frozenset({"control", "takeover", "occupation", "annexation", "capture", "seizure", "rule", "power"})

# --- cooperation -------------------------------------------------------------------------
EXERCISE_NOUNS = frozenset({"exercise", "drill", "manoeuvre", "maneuver", "wargame", "game", "war-game"})
EXERCISE_VERBS = frozenset({"exercise", "drill", "train"})
# Verbs that carry an event noun: "held exercises", "imposed sanctions", "launched an attack".
LIGHT_VERBS = frozenset(
    {
        "hold",
        "conduct",
        "stage",
        "launch",
        "carry",
        "mount",
        "impose",
        "announce",
        "level",
        "slap",
        "introduce",
        "extend",
        "expand",
        "adopt",
        "approve",
        "unveil",
        "start",
        "begin",
        "complete",
        "make",
        "pose",
        "take",
        "have",
        "sign",
        "finalize",
        "finalise",
        "seal",
        "conclude",
        "agree",
        "wage",
        "step",
        "host",
        "join",
        "perform",
        "organize",
        "organise",
        "resume",
        "renew",
        "place",
        "receive",
        "win",
        "represent",
        "constitute",
    }
)
ALLY_NOUNS = frozenset({"ally", "partner", "alliance", "pact", "partnership"})
ALLY_VERBS = frozenset({"ally", "align"})
PACT_NOUNS = frozenset({"pact", "treaty", "alliance", "partnership", "agreement"})
PACT_MODIFIERS = frozenset({"defence", "defense", "military", "security", "mutual", "strategic"})
SUPPORT_VERBS = frozenset(
    {
        "deploy",
        "send",
        "dispatch",
        "station",
        "defend",
        "protect",
        "back",
        "support",
        "train",
        "reinforce",
        "assist",
        "aid",
        "help",
    }
)
TROOP_NOUNS = frozenset(
    {
        "troop",
        "soldier",
        "force",
        "peacekeeper",
        "personnel",
        "unit",
        "battalion",
        "brigade",
        "contingent",
        "mercenary",
        "adviser",
        "advisor",
        "instructor",
        "fighter",
        "division",
        "regiment",
        "marine",
        "paratrooper",
        "commando",
    }
)
SUPPORT_NOUNS = frozenset(
    {"aid", "assistance", "support", "help", "backing", "protection", "deployment", "peacekeeping"}
)
BASE_NOUNS = frozenset({"base", "airbase", "garrison", "facility", "outpost"})
# Forces whose keeping somewhere makes that place their host: "keeps battlegroups in Y".
STATIONED_NOUNS = TROOP_NOUNS | {"battlegroup", "garrison", "fleet", "squadron", "presence", "troops"}
# Verbs of keeping forces somewhere: "X maintains 7,000 troops in Y".
KEEP_VERBS = frozenset({"keep", "maintain", "have", "station", "base", "retain", "leave", "post"})
# Verbs of a host letting forces stay: "Y allowed X troops to stay".
LET_VERBS = frozenset({"allow", "permit", "let", "invite", "authorise", "authorize"})
STAY_VERBS = frozenset({"stay", "remain", "station", "base", "operate"})
MEMBER_NOUNS = frozenset({"member", "membership", "signatory", "participant", "accession"})
# An accession is a process; it makes a member only once it is done ("after Sweden's accession").
ACCESSION_DONE_HEADS = frozenset(
    {"after", "following", "since", "upon", "complete", "finalise", "finalize", "formalise", "formalize", "seal"}
)
JOIN_VERBS = frozenset({"join", "accede"})
LEAVE_VERBS = frozenset({"leave", "quit", "exit"})
CONTAIN_VERBS = frozenset(
    {"contain", "include", "comprise", "have", "group", "unite", "bring", "count", "consist", "number", "encompass"}
)
REFUGEE_NOUNS = frozenset({"refugee", "asylum", "migrant", "evacuee", "civilian", "people", "family", "person"})
FLEE_VERBS = frozenset(
    {
        "flee",
        "escape",
        "cross",
        "arrive",
        "enter",
        "pour",
        "stream",
        "surge",
        "flood",
        "head",
        "seek",
        "reach",
        "go",
        "move",
    }
)
HOST_VERBS = frozenset({"host", "shelter", "house", "welcome", "accept", "admit", "absorb", "receive", "take"})

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
LEAD_VERBS = frozenset({"lead", "head", "run", "chair", "command", "rule", "govern", "direct", "helm"})

# Org descriptions that make the described actor part of a state or organisation.
PART_NOUNS = frozenset(
    {
        "exporter",
        "agency",
        "company",
        "corporation",
        "firm",
        "manufacturer",
        "maker",
        "subsidiary",
        "unit",
        "division",
        "branch",
        "arm",
        "ministry",
        "department",
        "service",
        "conglomerate",
        "holding",
        "contractor",
        "producer",
        "enterprise",
        "operator",
        "wing",
        "affiliate",
        "body",
        "directorate",
        "office",
        "monopoly",
        "giant",
        "group",
        "force",
        "forces",
        "army",
        "navy",
        "guard",
    }
)

# --- modality --------------------------------------------------------------------------
# Heads above a trigger that turn it into an offer ("ready to supply", "offered to sell").
OFFER_HEADS = frozenset({"ready", "willing", "prepared", "offer", "propose", "eager", "happy", "open"})
PLAN_HEADS = frozenset(
    {
        "hop",  # spaCy's lemma of "hopes": "Georgia hopes to join the EU"
        "plan",
        "talk",
        "negotiation",
        "intend",
        "schedule",
        "expect",
        "set",
        "aim",
        "agree",
        "decide",
        "seek",
        "want",
        "hope",
        "prepare",
        "pledge",
        "promise",
        "vow",
        "consider",
        "mull",
        "negotiate",
        "discuss",
        "due",
        "likely",
        "poised",
        "going",
        "try",
        "push",
        "move",
        "look",
        "mean",
        "call",
        "urge",
        "propose",
        "request",
        "apply",
        "ask",
        "bid",
        "need",
    }
)
ORDER_HEADS = frozenset({"order", "contract", "deal", "sign", "buy", "purchase", "commission", "procure"})
DELIVERED_HEADS = frozenset({"deliver", "hand", "complete", "receive", "ship", "arrive", "finish"})
FORMER_HEADS = frozenset({"formerly", "once", "previously", "ex", "former", "until"})
ALLEGED_HEADS = frozenset(
    {
        "allegedly",
        "reportedly",
        "accuse",
        "suspect",
        "allege",
        "claim",
        "purportedly",
        "apparently",
        "believe",
        "rumour",
        "rumor",
    }
)
# Verbs of warning: "X warned it could strike Y" is a threat, whatever the modal.
WARN_HEADS = frozenset({"warn", "threaten", "vow", "promise", "pledge"})
DENIAL_HEADS = frozenset(
    {"deny", "reject", "dismiss", "refute", "refuse", "decline", "halt", "stop", "suspend", "cancel", "block", "veto"}
)
# Accusations are another party's claim, not the article's: they produce no relation.
ACCUSATION_HEADS = frozenset({"accuse", "allege", "suspect", "blame", "charge"})
# Modals and subordinators that make a statement hypothetical: we state nothing then.
HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "would", "should", "must"})
HYPOTHETICAL_MARKS = frozenset({"if", "unless", "whether", "for", "lest"})
FUTURE_AUX = frozenset({"will", "shall", "'ll"})
NEGATIONS = frozenset({"not", "n't", "never", "no", "neither", "nor", "without"})

# --- attribution -----------------------------------------------------------------------
REPORT_VERBS = frozenset(
    {"say", "report", "state", "tell", "quote", "cite", "write", "claim", "announce", "confirm", "add", "note"}
)

# --- reference -------------------------------------------------------------------------
# Nouns that stand for the actor that owns or fields them, whichever way it is named: "Russia's forces",
# "U.S. troops", "Russian forces", "Iranian nuclear sites".
_OWNED_BY_ACTOR = frozenset(
    {
        "troop", "force", "army", "military", "navy", "government", "authority", "official", "soldier", "regime",
        "administration", "ministry", "unit", "leadership", "command", "side", "delegation", "diplomat", "officer",
        "police", "guard", "battalion", "brigade", "mercenary", "militia", "fighter", "air", "artillery", "jet",
        "warplane", "drone", "aircraft", "bomber", "missile", "warship", "ship", "vessel", "column", "airfield",
        "site", "facility", "plant", "position", "target", "territory", "embassy", "interest", "entity", "bank",
        "firm", "individual", "oligarch", "junta", "marine", "paratrooper", "commando", "sailor", "instructor",
    }
)
# Collective nouns that stand for the actor they name with "of/in/from", a possessive or a
# modifier: "U.S. troops", "Russia's forces", "allies in Central Asia", "the port city of Mariupol".
PROXY_NOUNS = _OWNED_BY_ACTOR | frozenset(
    {
        "ally", "country", "nation", "state", "member", "republic", "partner", "neighbour", "neighbor",
        "coalition", "capital", "militant", "rebel", "insurgent", "leader", "commander", "service", "mission",
        "contribution", "navies", "stronghold", "camp", "convoy", "outpost", "hideout", "infrastructure",
        "installation", "rocket", "part", "area", "swath", "swathe", "portion", "much", "most", "half", "city",
        "town", "port", "village", "enclave", "province", "strike", "airstrike",
    }
)
# Proxies named by their owner first: "Hezbollah positions in Lebanon" are Hezbollah's.
OWNED_PROXY_NOUNS = frozenset(
    {
        # state bodies: "the Myanmar military in Rakhine" is Myanmar's, wherever it fights
        "military",
        "army",
        "navy",
        "government",
        "regime",
        "junta",
        "administration",
        "ministry",
        "police",
        "strike",
        "airstrike",
        "rocket",
        "missile",
        "site",
        "facility",
        "plant",
        "embassy",
        "diplomat",
        "delegation",
        "mission",
        "position",
        "stronghold",
        "camp",
        "convoy",
        "outpost",
        "hideout",
        "target",
        "infrastructure",
        "installation",
        "troop",
        "force",
        "soldier",
        "fighter",
        "militant",
        "jet",
        "warplane",
        "drone",
        "aircraft",
        "warship",
        "unit",
        "battalion",
        "brigade",
        "mercenary",
        "militia",
        "rebel",
        "insurgent",
    }
)
# Proxy nouns that a demonym can stand on ("Russian forces" = Russia, "Russian helicopters" ≠, "Russian
# allies" ≠ Russia).
DEMONYM_PROXY_NOUNS = _OWNED_BY_ACTOR | frozenset({"strike", "airstrike", "company"})
# Definite descriptions that refer back to an actor, with the kinds they can refer to.
ACTOR_KINDS_NONPERSON = ("Country", "Alliance", "ArmedGroup", "Organization", "Company", "Region")
DESCRIPTIONS: dict[str, tuple[str, ...]] = {
    "group": ("ArmedGroup", "Organization"),
    "militant": ("ArmedGroup",),
    "militia": ("ArmedGroup",),
    "movement": ("ArmedGroup", "Organization"),
    "insurgent": ("ArmedGroup",),
    "rebel": ("ArmedGroup",),
    "jihadist": ("ArmedGroup",),
    "organisation": ("Alliance", "Organization", "ArmedGroup"),
    "organization": ("Alliance", "Organization", "ArmedGroup"),
    "alliance": ("Alliance",),
    "coalition": ("Alliance",),
    "mission": ("Organization", "Alliance"),
    "bloc": ("Alliance",),
    "pact": ("Alliance",),
    "union": ("Alliance",),
    "country": ("Country",),
    "state": ("Country",),
    "nation": ("Country",),
    "kingdom": ("Country",),
    "republic": ("Country",),
    "government": ("Country",),
    "company": ("Company",),
    "firm": ("Company",),
    "manufacturer": ("Company",),
    "maker": ("Company",),
    "producer": ("Company",),
    "builder": ("Company",),
    "shipbuilder": ("Company",),
    "exporter": ("Company", "Organization"),
    "corporation": ("Company",),
    "contractor": ("Company",),
    "agency": ("Organization", "Company"),
}
# "the mission, known as MINUSMA": a description that names its referent on the spot.
NAMING_PARTICIPLES = frozenset({"know", "call", "name", "dub"})
# Descriptions that also refer back in the plural: "the insurgents" are the group named before.
PLURAL_DESCRIPTIONS = frozenset({"militant", "insurgent", "rebel", "jihadist", "militia"})
# Plurals that name the last two actors mentioned together: "the two countries", "both sides".
PAIR_NOUNS: dict[str, tuple[str, ...]] = {
    "country": ("Country",),
    "government": ("Country",),
    "state": ("Country",),
    "nation": ("Country",),
    "neighbour": ("Country",),
    "neighbor": ("Country",),
    "capital": ("Country",),
    "ally": ("Country", "Alliance"),
    "side": ("Country", "ArmedGroup", "Alliance"),
    "military": ("Country",),
    "army": ("Country",),
}
PRONOUNS: dict[str, tuple[str, ...]] = {
    "it": ACTOR_KINDS_NONPERSON,
    "its": ACTOR_KINDS_NONPERSON,
    "they": ACTOR_KINDS_NONPERSON,
    "their": ACTOR_KINDS_NONPERSON,
    "them": ACTOR_KINDS_NONPERSON,
    "he": ("Person",),
    "his": ("Person",),
    "him": ("Person",),
    "she": ("Person",),
    "her": ("Person",),
}
