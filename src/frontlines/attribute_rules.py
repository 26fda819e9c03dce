"""The attribute ruler's rules, applied through the document's arrays instead of spaCy's Matcher.

spaCy's `AttributeRuler` (a part of speech and morphology for each tag, and exceptions: 186 rules
in the English models, and `data/token_fixes.yaml`'s) runs a `Matcher` that takes a step for every
rule at every token: 19 ms an article, longer than the parser.  Each rule here is one or two
tokens of plain tests (a value, IN, NOT_IN, REGEX on LOWER, ORTH, NORM, TAG, DEP or IS_SPACE), so
the tokens a rule may start at are found by its one value in the document's sorted array of that
attribute, then checked against its other tests.  The ruler's attributes are then set as the ruler
sets them, rule by rule in its order, each rule's matches in text order: the same annotations.  A
ruler holding any other kind of pattern (an operator, another attribute) is run as spaCy runs it.
"""
from __future__ import annotations

import re
from collections.abc import Callable

import numpy
from spacy.attrs import DEP, IS_SPACE, LOWER, NORM, ORTH, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

# The attributes a rule may test, as the Matcher reads them (`Doc.to_array` reads them alike).
COLUMNS = {"ORTH": ORTH, "TEXT": ORTH, "LOWER": LOWER, "NORM": NORM, "TAG": TAG, "DEP": DEP, "IS_SPACE": IS_SPACE}
STRING_COLUMNS = frozenset({"ORTH", "TEXT", "LOWER", "NORM", "TAG", "DEP"})  # REGEX reads their text
ATTRS = list(dict.fromkeys(COLUMNS.values()))

# A test: (column, operator, argument); an anchor: (token offset in the rule, a test whose
# values index the document: EQ or IN).
Test = tuple[int, str, object]


class Unsupported(ValueError):
    """A pattern these rules cannot read: the ruler runs as spaCy runs it."""


class IndexedRules:
    """An attribute ruler's rules, compiled once (and again if rules are added)."""

    def __init__(self, ruler: AttributeRuler):
        self.ruler = ruler
        self.compiled_for = -1
        self.rules: list[tuple[int, list[list[Test]], tuple[int, Test]]] | None = None

    def __call__(self, doc: Doc) -> Doc:
        if self.compiled_for != len(self.ruler.attrs):
            self.rules = compile_rules(self.ruler)
            self.compiled_for = len(self.ruler.attrs)
        if self.rules is None:
            return self.ruler(doc)
        attrs, indices = self.ruler.attrs, self.ruler.indices
        for key, spans in matches(self.rules, doc):
            index = indices[key]
            for start, end in spans:
                at = start + index if index >= 0 else end + index
                if not start <= at < end:
                    return self.ruler(doc)  # spaCy's error, said its way
                set_token_attrs(doc[at], attrs[key])
        return doc


def compile_rules(ruler: AttributeRuler) -> list | None:
    """Each rule's tests and anchor, in the ruler's order; None if a pattern is of another kind."""
    strings = ruler.vocab.strings
    rules = []
    try:
        for key in range(len(ruler.attrs)):
            for pattern in ruler.matcher.get(str(key))[1]:
                tests = [token_tests(spec, strings) for spec in pattern]
                rules.append((key, tests, anchor_of(tests)))
    except Unsupported:
        return None
    return rules


def token_tests(spec: dict, strings) -> list[Test]:
    """One token's tests, their values hashed as the Matcher hashes them."""
    tests = []
    for name, value in spec.items():
        name = name.upper()
        if name not in COLUMNS:
            raise Unsupported(name)
        column = ATTRS.index(COLUMNS[name])
        if isinstance(value, bool):
            tests.append((column, "EQ", int(value)))
        elif isinstance(value, str):
            tests.append((column, "EQ", strings.add(value)))
        elif isinstance(value, dict) and len(value) == 1:
            (op, arg), = value.items()
            if op in ("IN", "NOT_IN") and all(isinstance(v, str) for v in arg):
                tests.append((column, op, frozenset(get_string_id(v) for v in arg)))
            elif op == "REGEX" and isinstance(arg, str) and name in STRING_COLUMNS:
                tests.append((column, op, re.compile(arg)))
            else:
                raise Unsupported(f"{name} {op}")
        else:
            raise Unsupported(name)
    return tests


def anchor_of(tests: list[list[Test]]) -> tuple[int, Test] | None:
    """The test that finds where a rule may match: an equality if it has one, else an IN."""
    found = [(0 if op == "EQ" else 1, k, (column, op, arg)) for k, token in enumerate(tests)
             for column, op, arg in token if op in ("EQ", "IN")]
    if not found:
        return None
    _, k, test = min(found, key=lambda f: f[:2])
    return k, test


def matches(rules: list, doc: Doc) -> list[tuple[int, list[tuple[int, int]]]]:
    """(rule key, its (start, end) matches in text order), rule by rule: what the ruler's Matcher
    finds, in the order the ruler applies it."""
    n = len(doc)
    if not n:
        return []
    table = doc.to_array(ATTRS)
    columns = ArrayIndex(table, doc)
    out: list[tuple[int, list[tuple[int, int]]]] = []
    for key, tests, anchor in rules:
        found = set(rule_matches(tests, anchor, columns, n))
        if out and out[-1][0] == key:
            found.update(out.pop()[1])  # a key of several patterns matches a span once
        if found:
            out.append((key, sorted(found)))
    return out


def rule_matches(tests: list[list[Test]], anchor, columns: ArrayIndex, n: int) -> list[tuple[int, int]]:
    """Where one pattern matches: its anchor's tokens, checked against every test."""
    size = len(tests)
    if anchor is None:
        starts = range(n - size + 1)
    else:
        k, (column, op, arg) = anchor
        starts = [i - k for i in columns.positions(column, (arg,) if op == "EQ" else arg) if k <= i <= n - size + k]
        if size == 1 and len(tests[0]) == 1:
            return [(i, i + 1) for i in starts]  # the anchor was the only test
    return [(i, i + size) for i in starts if all(passes(t, columns, i + k) for k, token in enumerate(tests)
                                                for t in token)]


def passes(test: Test, columns: ArrayIndex, i: int) -> bool:
    """Whether token `i` passes a test."""
    column, op, arg = test
    value = columns.values(column)[i]
    if op == "EQ":
        return value == arg
    if op == "IN":
        return value in arg
    if op == "NOT_IN":
        return value not in arg
    return bool(arg.search(columns.doc.vocab.strings[value]))


class ArrayIndex:
    """A document's arrays of the tested attributes, each sorted once when a rule looks a value up."""

    def __init__(self, table: numpy.ndarray, doc: Doc):
        self.table, self.doc = table, doc
        self.sorted: dict[int, tuple[numpy.ndarray, numpy.ndarray]] = {}
        self.lists: dict[int, list[int]] = {}

    def positions(self, column: int, values) -> list[int]:
        """The tokens whose attribute has one of `values`, in text order."""
        if column not in self.sorted:
            order = numpy.argsort(self.table[:, column], kind="stable")
            self.sorted[column] = order, self.table[order, column]
        order, ordered = self.sorted[column]
        found: list[int] = []
        for v in values:
            first, last = numpy.searchsorted(ordered, v, "left"), numpy.searchsorted(ordered, v, "right")
            found.extend(order[first:last].tolist())
        return sorted(found) if len(values) > 1 else found

    def values(self, column: int) -> list[int]:
        """A column as a list (read token by token)."""
        if column not in self.lists:
            self.lists[column] = self.table[:, column].tolist()
        return self.lists[column]


@Language.factory("frontlines_attribute_rules")
def make_attribute_rules(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """The pipeline's attribute ruler run through `IndexedRules` (the ruler itself stays in the
    pipeline, disabled: its rules are read from it, and more may be added to it)."""
    return IndexedRules(nlp.get_pipe("attribute_ruler"))
