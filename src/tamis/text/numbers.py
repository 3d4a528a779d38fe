"""English number words to digits, for names written both ways ("Brigade Forty-Four")."""

from __future__ import annotations

_UNIT_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)
_TEN_WORDS = "twenty thirty forty fifty sixty seventy eighty ninety"
_UNITS = {w: i for i, w in enumerate(_UNIT_WORDS.split(" "))}
_TENS = {w: 10 * i for i, w in enumerate(_TEN_WORDS.split(" "), 2)}


def words_to_digits(tokens: list[str]) -> list[str] | None:
    """Tokens with number words 0..99 replaced by digits, or None when there are none.

    "forty four" and "forty-four" (after normalisation: two tokens) give "44"; a tens word
    alone gives its value ("twenty" -> "20"); "one" .. "nineteen" give 1 .. 19.
    """
    out: list[str] = []
    changed = False
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token in _TENS:
            value = _TENS[token]
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            if nxt in _UNITS and 0 < _UNITS[nxt] < 10:
                value += _UNITS[nxt]
                i += 1
            out.append(str(value))
            changed = True
        elif token in _UNITS:
            out.append(str(_UNITS[token]))
            changed = True
        else:
            out.append(token)
        i += 1
    return out if changed else None
