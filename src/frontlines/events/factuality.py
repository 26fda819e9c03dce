"""Did it happen?  asserted, reported (attributed), negated, or hypothetical (may yet happen)."""
from __future__ import annotations

from spacy.tokens import Token

MODALS = frozenset({"could", "would", "may", "might", "will", "shall", "should", "can", "'ll", "must", "wo"})
# Words that put what they govern in the future or in doubt: "set the stage for a battle",
# "plans to attack", "threatened to retake", "the likely next targets", "a warning of attacks".
FUTURE = frozenset({"stage", "plan", "threaten", "vow", "aim", "seek", "prepare", "expect", "likely", "warn",
                    "urge", "fear", "risk", "possibility", "prospect", "threat", "want", "hope",
                    "intend", "promise", "pledge", "next", "upcoming", "coming", "potential", "ready",
                    "refrain", "halt", "avoid", "prevent", "if", "unless", "whether", "attempt", "order"})
NEGATIONS = frozenset({"not", "never", "n't", "no", "neither", "nor", "without"})
DENIALS = frozenset({"deny", "reject", "dismiss", "refute"})
CLAIMS = frozenset({"claim", "report", "account", "allegation", "assertion", "statement"})
ATTRIBUTION = frozenset({"say", "claim", "report", "announce", "state", "tell", "accord", "declare",
                         "acknowledge", "confirm", "allege", "assert"})
MAX_HOPS = 4


def governors(token: Token) -> list[Token]:
    """The token and its heads up to the sentence root (a few hops at most)."""
    chain, t = [token], token
    for _ in range(MAX_HOPS):
        if t.head.i == t.i:
            break
        t = t.head
        chain.append(t)
    return chain


# Verbs after which an infinitive did happen: "managed to retake", "began to withdraw".
COMPLETIVE = frozenset({"manage", "succeed", "begin", "start", "continue", "help", "go", "come", "use"})


# Nouns whose infinitive is a plan: "his campaign to seize the capital", "a bid to retake".
PLAN_NOUNS = frozenset({"campaign", "plan", "attempt", "bid", "effort", "push", "offensive", "order", "threat",
                        "call", "pledge", "promise", "vow", "decision", "intention", "goal", "aim", "drive"})


def is_infinitive(trigger: Token) -> bool:
    """A "to"-infinitive that is a purpose or a plan, not a report ("the first capital to fall to
    the insurgents" is a report)."""
    has_to = any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children)
    if trigger.tag_ != "VB" or not has_to or trigger.head.lemma_.lower() in COMPLETIVE:
        return False
    if trigger.head.pos_ in ("NOUN", "PROPN") or trigger.dep_ == "acl":
        return trigger.head.lemma_.lower() in PLAN_NOUNS  # "the first capital to fall": a report
    return True


def factuality(trigger: Token) -> str:
    """The factuality of the event a trigger names, read from the words that govern it."""
    if is_infinitive(trigger):
        return "hypothetical"  # "his campaign to seize the capital", "ordered his troops to march"
    chain = governors(trigger)
    for n, t in enumerate(chain):
        kids = list(t.children)
        if any(k.dep_ == "neg" or k.lower_ in ("never",) for k in kids):
            return "negated"
        if n and t.lemma_.lower() in DENIALS:
            return "negated"
        if any(k.dep_ == "aux" and k.lower_ in MODALS for k in kids):
            return "hypothetical"
        if n and t.lemma_.lower() in FUTURE:
            return "hypothetical"
        if any(k.lemma_.lower() in FUTURE and k.dep_ in ("amod", "advmod", "mark") for k in kids):
            return "hypothetical"
        if t.dep_ == "xcomp" and t.tag_ == "VB" and n == 0 and t.head.lemma_.lower() in FUTURE:
            return "hypothetical"
    sentence = trigger.sent
    if any(t.lemma_.lower() in DENIALS and any(c.lemma_.lower() in CLAIMS for c in (t.head, *t.children))
           for t in sentence):
        return "negated"  # "its fighters had overrun an army post, a claim the army denied"
    if any(t.lemma_.lower() in ATTRIBUTION for t in sentence if t.pos_ in ("VERB", "ADP", "NOUN")):
        return "reported"
    return "asserted"
