"""Legal forms of organisations: recognise them in a name and compare their classes.

The table is ``data/legal_forms.yml``: forms of many jurisdictions (in their own script
and romanised) under a class — ``llc``, ``jsc``, ``corp``, ``partnership``,
``cooperative``, ``foundation``, ``association``, ``trust``, ``sole``, ``state``,
``group``, ``branch``. Each form is registered under every spelling
:func:`tamis.text.name_variants` gives it, so "ООО", "OOO" and the romanised long form
"obshchestvo s ogranichennoy otvetstvennostyu" are all found.

Compatibility (:func:`compatible`): classes are loosely compatible when they share a
family —

- commercial: llc, jsc, corp, partnership, group, branch, state, sole (a customer's
  "Ltd" may be listed as "JSC"; a group or branch belongs to the company);
- non-profit: foundation, association, trust;
- mutual: cooperative, association.

A foundation is not a corporation, a cooperative is not a joint-stock company.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from tamis.text.normalize import name_variants
from tamis.text.tables import load_table

#: Every class a legal form can map to.
CLASSES: tuple[str, ...] = (
    "llc", "jsc", "corp", "partnership", "cooperative", "foundation", "association",
    "trust", "sole", "state", "group", "branch",
)  # fmt: skip

#: A last word this long that is one typo away from a one-word legal form is that form
#: ("aktiengeselschaft"); shorter forms ("gmbh", "sarl") are too close to other words.
TYPO_MIN_LETTERS = 10

_FAMILIES: tuple[frozenset[str], ...] = (
    frozenset({"llc", "jsc", "corp", "partnership", "group", "branch", "state", "sole"}),
    frozenset({"foundation", "association", "trust"}),
    frozenset({"cooperative", "association"}),
)


class _Table:
    """Token-sequence look-up tables built from the YAML data."""

    def __init__(self) -> None:
        data = load_table("legal_forms.yml")
        self.suffix: dict[tuple[str, ...], str] = {}
        self.prefix: dict[tuple[str, ...], str] = {}
        for cls, forms in data["classes"].items():
            if cls not in CLASSES:
                raise ValueError(f"legal_forms.yml: unknown class {cls!r}")
            for form in forms:
                for key in _keys(str(form)):
                    self.suffix.setdefault(key, cls)
        for form in data["prefix"]:
            for key in _keys(str(form)):
                if key not in self.suffix:
                    raise ValueError(f"legal_forms.yml: prefix form {form!r} has no class")
                self.prefix[key] = self.suffix[key]
        self.max_len = max(len(k) for k in self.suffix)
        #: long one-word forms, for recognising them with a typo
        self.long_words = {
            k[0]: cls
            for k, cls in self.suffix.items()
            if len(k) == 1 and len(k[0]) >= TYPO_MIN_LETTERS
        }
        self.long_list = list(self.long_words)


def _keys(form: str) -> set[tuple[str, ...]]:
    return {tuple(v.split()) for v in name_variants(form) if v}


@cache
def _table() -> _Table:
    return _Table()


def legal_form_class(tokens: Sequence[str]) -> str | None:
    """The class of a whole token sequence that is a legal form ("co", "ltd" -> "llc")."""
    return _table().suffix.get(tuple(tokens))


def split_legal_forms(tokens: list[str]) -> tuple[list[str], list[str]]:
    """Remove legal forms from the end (and known prefix forms from the start) of a name.

    ``tokens`` are latinised tokens (``tokenize`` / ``name_variants(...).split()``). Forms
    are matched longest first and repeatedly ("xyz holding gmbh co kg" -> ["xyz"],
    ["partnership", "group"]); words in the middle of a name are never removed. Returns
    (the remaining tokens, the classes found from the end inwards then the prefix ones,
    without duplicates). The remaining list is empty when the name is nothing but legal
    forms ("corp", "holding company"): the caller decides what such a name is worth.
    """
    table = _table()
    rest = list(tokens)
    classes: list[str] = []
    found = True
    while found and rest:
        found = False
        for n in range(min(table.max_len, len(rest)), 0, -1):
            cls = table.suffix.get(tuple(rest[-n:]))
            if cls is not None:
                classes.append(cls)
                del rest[-n:]
                found = True
                break
        if not found and len(rest) > 1:
            cls = _misspelt_form(table, rest[-1])
            if cls is not None:
                classes.append(cls)
                del rest[-1]
                found = True
    found = True
    while found and rest:
        found = False
        for n in range(min(table.max_len, len(rest)), 0, -1):
            cls = table.prefix.get(tuple(rest[:n]))
            if cls is not None:
                classes.append(cls)
                del rest[:n]
                found = True
                break
    return rest, list(dict.fromkeys(classes))


def _misspelt_form(table: _Table, word: str) -> str | None:
    """The class of a long one-word legal form that ``word`` misspells by one edit."""
    if len(word) < TYPO_MIN_LETTERS:
        return None
    found = process.extractOne(word, table.long_list, scorer=OSA.distance, score_cutoff=1)
    return table.long_words[found[0]] if found else None


def compatible(classes_a: Iterable[str], classes_b: Iterable[str]) -> bool:
    """Whether two names' legal-form classes can belong to the same organisation.

    True when either side has no legal form, or when some class of one side shares a
    family (see the module docstring) with some class of the other.
    """
    a, b = set(classes_a), set(classes_b)
    if not a or not b:
        return True
    return any((a & family) and (b & family) for family in _FAMILIES)
