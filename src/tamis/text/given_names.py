"""Given names: familiar forms of one name, and masculine and feminine forms of a root.

The table is ``data/given_names.yml``. :func:`same_given_name` says whether two tokens
are the same given name written formally or familiarly ("bob" / "robert", "sasha" /
"aleksandr"), or in the Russian and Ukrainian forms of one name ("volodymyr" /
"vladimir"). :func:`gendered_forms` says whether they are the masculine and feminine
forms of one root, which name different people ("michel" / "michelle").
"""

from __future__ import annotations

from functools import cache

from tamis.text.normalize import latinize
from tamis.text.tables import load_table


def _token(word: object) -> str:
    return "".join(latinize(str(word)).split())


@cache
def _forms() -> dict[str, frozenset[int]]:
    """Each token -> the numbers of the table lines (given names) it belongs to."""
    lines: dict[str, set[int]] = {}
    for number, words in enumerate(load_table("given_names.yml")["forms"]):
        for word in words:
            lines.setdefault(_token(word), set()).add(number)
    return {token: frozenset(numbers) for token, numbers in lines.items()}


@cache
def _gendered() -> frozenset[frozenset[str]]:
    """Unordered (masculine, feminine) token pairs."""
    pairs: set[frozenset[str]] = set()
    for masculine, *feminine in load_table("given_names.yml")["gendered"]:
        for form in feminine:
            pairs.add(frozenset((_token(masculine), _token(form))))
    return frozenset(pairs)


def given_name_lines(token: str) -> frozenset[int]:
    """The table lines (given names) a latin token is a form of: two tokens are forms of
    one given name exactly when they share a line."""
    return _forms().get(token, frozenset())


def same_given_name(a: str, b: str) -> bool:
    """Whether two different latin tokens are forms of one given name in the table."""
    forms = _forms()
    lines_a = forms.get(a)
    if not lines_a or a == b:
        return False
    lines_b = forms.get(b)
    return bool(lines_b and lines_a & lines_b)


def gendered_forms(a: str, b: str) -> bool:
    """Whether two latin tokens are the masculine and feminine forms of one given name."""
    return frozenset((a, b)) in _gendered()
