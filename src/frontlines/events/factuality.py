"""Did it happen?  asserted, reported (attributed), negated, or hypothetical (may yet happen)."""
from __future__ import annotations

from spacy.tokens import Span, Token

from frontlines.dates import WEEKDAYS
from frontlines.events.triggers import event_words, phrasal_lemma

# The word lists of events/data/words.yaml this stage reads.
WORDS = event_words()
MODALS, FUTURE, NEGATIONS = WORDS["modals"], WORDS["future"], WORDS["negations"]
DENIALS, CLAIMS, ATTRIBUTION = WORDS["denials"], WORDS["claims"], WORDS["attribution"]
FAILURES, UNDONE = WORDS["failures"], WORDS["undone"]
COMPLETIVE, PLAN_NOUNS = WORDS["completive"], WORDS["plan_nouns"]
DEMANDS, ANNOUNCING = WORDS["demands"], WORDS["announcing"]
HEADING, HEADING_PREPS = WORDS["heading"], WORDS["heading_preps"]
PAST_MARKS = WORDS["past_marks"]
FORCE_ACTS = WORDS["force_acts"]
ATTEMPTS, DISPERSING = WORDS["attempts"], WORDS["dispersing"]
CARRYING_ON = WORDS["carrying_on"]
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


def beside_clauses(chain: list[Token]) -> set[int]:
    """The heads in a chain that the clause below them only stands beside: conjoined with a
    subject of its own, or parted from it by a semicolon.  Their own negation or modal is not
    the lower clause's ("The army did not resist, and rebels seized the town"; "thousands marched
    peacefully; police did not stop them"), though what governs them still is ("officials denied
    that soldiers shelled X and that militiamen looted Y")."""
    return {t.head.i for t in chain[:-1] if independent_clause(t)}


def independent_clause(t: Token) -> bool:
    """Whether a word heads a clause of its own beside its head's: conjoined with a subject of
    its own, or parted from its head by a semicolon."""
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
    if t.dep_ == "conj" and own_subject:
        return True
    lo, hi = sorted((t.i, t.head.i))
    return any(w.text == ";" for w in t.doc[lo:hi])


def of_place(word: Token) -> bool:
    """Whether a word that can tell of time (`future`: "next") tells of place here: "next to the
    cathedral"."""
    return any(c.dep_ == "prep" and c.lower_ == "to" for c in word.children)


def is_infinitive(trigger: Token) -> bool:
    """A "to"-infinitive that is a purpose or a plan, not a report ("the first capital to fall to
    the insurgents" is a report)."""
    has_to = any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children)
    if trigger.tag_ != "VB" or not has_to or trigger.head.lemma_.lower() in COMPLETIVE:
        return False
    if trigger.dep_ == "advcl" and trigger.head.lemma_.lower() in FORCE_ACTS:
        return False  # "fired into the air to disperse them": the force was used, for that end
    if trigger.lemma_.lower() in DISPERSING and trigger.head.lemma_.lower() in ATTEMPTS:
        return False  # "police tried to disperse the crowd": they intervened, whether or not it worked
    if trigger.head.pos_ in ("NOUN", "PROPN") or trigger.dep_ == "acl":
        # "the first capital to fall", "the last town to be taken": a report; "demanded weapons to fight
        # the rebels", "a plan to attack": what was wanted
        return trigger.head.lemma_.lower() in PLAN_NOUNS or not ranked(trigger.head)
    return True


def asked_to_do(chain: list[Token]) -> bool:
    """Whether the words under a demand verb are what it asks be done: the trigger as its "to"-infinitive
    ("called on supporters to march"), or one to go on with or join (`carrying_on`: "to keep protesting")."""
    asked = chain[-1]
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in asked.children) \
        and (len(chain) == 1 or asked.lemma_.lower() in CARRYING_ON)


def ranked(noun: Token) -> bool:
    """Whether a noun is ranked by an ordinal or a superlative ("the first capital", "the last
    town", "the only village", "the largest city"), as one that did something is."""
    return any(c.ent_type_ == "ORDINAL" or c.tag_ in ("JJS", "RBS") or c.lower_ in ("last", "only")
               for c in noun.children)


def told_as_its_cause(clause: Token) -> bool:
    """Whether a clause tells what came before the verb it hangs from, or why (`past_marks`: "after",
    "because"), so that verb's plans and denials are not its own."""
    return clause.dep_ == "advcl" and clause.tag_ in ("VBD", "VBN") and any(
        c.dep_ == "mark" and c.lower_ in PAST_MARKS for c in clause.children)


def heading_to(trigger: Token) -> bool:
    """Whether a noun trigger is only where people were going: "as they headed to a rally in
    Gwadar", "on their way to the protest"."""
    prep = trigger.head
    return trigger.dep_ == "pobj" and prep.lower_ in HEADING_PREPS \
        and prep.head.lemma_.lower() in HEADING


def announced_for_a_day(verb: Token) -> bool:
    """Whether a verb announces what it governs, now (present or present perfect), for a weekday: one to
    come ("have announced a parade on Saturday", "has called a day of protest for Saturday"; not
    "had been called" for what then happened)."""
    if verb.lemma_.lower() not in ANNOUNCING or verb.tag_ not in ("VBZ", "VBP", "VBN"):
        return False
    if verb.tag_ == "VBN" and not any(a.dep_ == "aux" and a.lower_ in ("has", "have") for a in verb.children):
        return False
    return any(t.lower_ in WEEKDAYS and t.head.lower_ in ("on", "for") for t in verb.subtree)


def factuality(trigger: Token) -> str:
    """The factuality of the event a trigger names, read from the words that govern it."""
    if is_infinitive(trigger) or heading_to(trigger):
        return "hypothetical"  # "his campaign to seize the capital", "as they headed to a rally"
    chain = governors(trigger)
    beside = beside_clauses(chain)
    for n, t in enumerate(chain):
        if t.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ == "nor" for c in t.head.children):
            return "negated"  # "Troops did not fire, and nor did police arrest anyone"
        if t.i in beside:
            continue
        if n and told_as_its_cause(chain[n - 1]):
            break  # "vowed an investigation after seven people were murdered": the murder happened
        kids = list(t.children)
        if any(k.dep_ == "neg" or k.lower_ in ("never",) for k in kids):
            return "negated"
        if any(k.dep_ == "advmod" and k.lower_ in UNDONE and any(g.dep_ == "neg" for g in k.children)
               for k in kids):
            return "negated"  # "were no longer in control of Kidal", "have not yet taken the town"
        if t.dep_ == "pcomp" and t.head.lower_ == "without":
            return "negated"  # "moved into the camp without firing a shot"
        if n == 0 and any(k.dep_ in ("nsubj", "nsubjpass", "dobj") and any(
                d.dep_ == "det" and d.lower_ == "no" for d in k.children) for k in kids):
            return "negated"  # "No shots were fired", "fired no shots" (but "no one was hurt in the attack" is an attack)
        if n == 0 and t.pos_ == "NOUN" and any(k.dep_ == "det" and k.lower_ == "no" for k in kids):
            return "negated"  # "no arrests were made at the scene"
        if n and t.lemma_.lower() in DENIALS:
            return "negated"
        if n == 1 and t.lemma_.lower() in FAILURES and chain[0].dep_ == "xcomp":
            return "negated"  # "rebels failed to take the town"
        if any(k.dep_ == "aux" and k.lower_ in MODALS for k in kids):
            return "hypothetical"
        if n and (t.lemma_.lower() in FUTURE or phrasal_lemma(t) in FUTURE):
            return "hypothetical"  # "plans to attack", "called off the march"
        if n and t.lemma_.lower() in DEMANDS and chain[n - 1].lower_ == "for":
            return "hypothetical"  # "some called for a march on State House"
        if n and t.lemma_.lower() in DEMANDS and asked_to_do(chain[:n]):
            return "hypothetical"  # "called on its supporters to keep protesting"
        if any(o.ent_type_ == "DATE" and any(a.lemma_.lower() in FUTURE for a in o.children)
               for k in kids if k.dep_ == "prep" and k.lower_ in ("for", "on") for o in k.children):
            return "hypothetical"  # "a rally in Barcelona for next Sunday" (not "days before next Sunday's vote")
        if chain[0].pos_ == "NOUN" and n <= 1 and any(
                o.lower_ in WEEKDAYS and not any(m.dep_ in ("amod", "nummod") for m in o.children)
                for k in kids if k.dep_ == "prep" and k.lower_ == "for" for o in k.children if o.dep_ == "pobj"):
            # "has called a rally in Porto for Saturday": one set for a day to come (not "protests for a
            # third straight Sunday")
            return "hypothetical"
        if n and announced_for_a_day(t):
            return "hypothetical"  # "Loyalist groups have announced a protest parade in east Belfast on Saturday"
        if n and any(k.dep_ == "dobj" and k.lemma_.lower() in FUTURE for k in kids):
            return "hypothetical"  # "set the stage for a battle", however "for" is attached
        if any(k.lemma_.lower() in FUTURE and k.dep_ in ("amod", "advmod", "mark") and not of_place(k) for k in kids):
            return "hypothetical"
        if t.dep_ == "xcomp" and t.tag_ == "VB" and n == 0 and t.head.lemma_.lower() in FUTURE:
            return "hypothetical"
        if t.dep_ == "relcl" and t.tag_ in ("VBZ", "VBP", "VBD") and any(k.tag_ in ("WDT", "WP") for k in kids):
            break  # what a relative clause tells of its noun is so, whatever the clause around it says:
            # "fear that the Serbs, who also hold Knin, might retaliate"
    return sentence_factuality(trigger.sent)


def sentence_factuality(sentence: Span) -> str:
    """What a sentence's words make of every event in it: "negated" where it denies a claim, "reported"
    where it attributes, else "asserted"; read once per sentence (its every trigger asks)."""
    key = ("frontlines_factuality", sentence.start)
    said = sentence.doc.user_data.get(key)
    if said is None:
        said = sentence.doc.user_data[key] = read_sentence(sentence)
    return said


def read_sentence(sentence: Span) -> str:
    """`sentence_factuality`, read from the sentence's words."""
    if any(t.lemma_.lower() in DENIALS and any(c.lemma_.lower() in CLAIMS for c in (t.head, *t.children))
           for t in sentence):
        return "negated"  # "its fighters had overrun an army post, a claim the army denied"
    if any(t.lemma_.lower() in ATTRIBUTION for t in sentence if t.pos_ in ("VERB", "ADP", "NOUN")):
        return "reported"
    return "asserted"
