"""Initials written for several words: "IBM" / "International Business Machines",
"PLA" / "People's Liberation Army", "JC Juncker" / "Jean-Claude Juncker".

A short token of one name that spells the first letters of consecutive words of the
other name stands for those words; the other name is aligned again with the words
replaced by the token. The result is weaker evidence than the words themselves (many
phrases share initials), so its score is multiplied by ACRONYM_FACTOR.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import Final

from tamis.matching.features.names import NameMatch, TokenPair, align, evidence_factor
from tamis.matching.features.tokens import ORG_FILLERS, VOWELS
from tamis.matching.prepared import PreparedName, phonetic_key

#: Acronyms have this many letters (and stand for as many words, fillers aside).
ACRONYM_MIN: Final = 2
ACRONYM_MAX: Final = 6
#: A whole name read as an acronym needs this many letters: two words' initials are
#: shared by too many names ("Bob Menendez" is not "BM Holding").
WHOLE_NAME_MIN: Final = 3
#: Share of the aligned score kept when an acronym stands for words.
ACRONYM_FACTOR: Final = 0.9
_VOWELS: Final = frozenset(VOWELS)


@lru_cache(maxsize=200_000)
def short_tokens(tokens: tuple[str, ...], org: bool) -> frozenset[str]:
    """Tokens that could be acronyms. In a person's name only tokens without vowels:
    "li", "wu", "an" are names, "jc" is initials."""
    return frozenset(
        t
        for t in tokens
        if ACRONYM_MIN <= len(t) <= ACRONYM_MAX
        and t.isalpha()
        and (org or not _VOWELS.intersection(t))
    )


def acronym_sources(tokens: tuple[str, ...], latin: str) -> tuple[tuple[str, ...], ...]:
    """The word sequences whose initials the acronym rule may read: a name's tokens, and
    all its words with titles and legal forms (once when they are the same)."""
    words = tuple(latin.split())
    return (tokens,) if words == tokens else (tokens, words)


@lru_cache(maxsize=200_000)
def run_initials(tokens: tuple[str, ...], org: bool) -> dict[str, tuple[tuple[int, int], ...]]:
    """The initials of every run of two or more words -> the runs (start, end) spelling
    them; organisation names may leave fillers ("of", "and") out of the initials. A
    person's run never covers the whole name, and its words must be words, not initials;
    a run covering a whole organisation name spells at least WHOLE_NAME_MIN letters."""
    runs: dict[str, list[tuple[int, int]]] = {}
    for start in range(len(tokens)):
        if tokens[start] in ORG_FILLERS:
            continue
        every = skipping = ""
        for end in range(start, min(len(tokens), start + 2 * ACRONYM_MAX)):
            token = tokens[end]
            if not token.isalpha() or (not org and len(token) < 2):
                break
            every += token[0]
            if token not in ORG_FILLERS:
                skipping += token[0]
            if len(every) > ACRONYM_MAX and len(skipping) > ACRONYM_MAX:
                break
            whole = start == 0 and end == len(tokens) - 1
            if end == start or (whole and not org):
                continue
            for initials in dict.fromkeys((every, skipping) if org else (every,)):
                least = WHOLE_NAME_MIN if whole else ACRONYM_MIN
                if least <= len(initials) <= ACRONYM_MAX:
                    runs.setdefault(initials, []).append((start, end))
    return {initials: tuple(spans) for initials, spans in runs.items()}


def both_run_initials(tokens: tuple[str, ...]) -> tuple[set[str], set[str]]:
    """The keys of :func:`run_initials` for a person's and an organisation's reading of
    ``tokens``, in one pass: (person initials, organisation initials).

    The index reads every list name both ways; the two walks share their runs up to
    the first one-letter word, where a person's run stops."""
    person: set[str] = set()
    organisation: set[str] = set()
    last = len(tokens) - 1
    for start, first in enumerate(tokens):
        if first in ORG_FILLERS:
            continue
        every = skipping = ""
        words = True  # every word of the run so far has two letters or more
        for end in range(start, min(len(tokens), start + 2 * ACRONYM_MAX)):
            token = tokens[end]
            if not token.isalpha():
                break
            words = words and len(token) >= 2
            every += token[0]
            if token not in ORG_FILLERS:
                skipping += token[0]
            if len(every) > ACRONYM_MAX and len(skipping) > ACRONYM_MAX:
                break
            if end == start:
                continue
            whole = start == 0 and end == last
            least = WHOLE_NAME_MIN if whole else ACRONYM_MIN
            if least <= len(every) <= ACRONYM_MAX:
                organisation.add(every)
                if words and not whole:
                    person.add(every)
            if least <= len(skipping) <= ACRONYM_MAX:
                organisation.add(skipping)
    return person, organisation


@lru_cache(maxsize=200_000)
def _words(latin: str) -> tuple[str, ...]:
    return tuple(latin.split())


@lru_cache(maxsize=200_000)
def _first_letters(words: tuple[str, ...]) -> str:
    return "".join(word[0] for word in words if word)


def _in_order(short: str, letters: str) -> bool:
    """Whether the letters of ``short`` occur in ``letters`` in order (as the initials
    of a run of words occur among the first letters of all the words)."""
    at = -1
    for letter in short:
        at = letters.find(letter, at + 1)
        if at < 0:
            return False
    return True


@lru_cache(maxsize=200_000)
def _core_offset(full: tuple[str, ...], core: tuple[str, ...]) -> int:
    """Where the name's core words (without titles and legal forms) start among all its
    words (-1 if they are not found together)."""
    for i in range(len(full) - len(core) + 1):
        if full[i : i + len(core)] == core:
            return i
    return -1


def _collapsed(
    name: PreparedName, other: PreparedName, org: bool
) -> list[tuple[PreparedName, str, str]]:
    """``name`` with a run of words replaced by a token of ``other`` that spells their
    initials. Runs may take in the legal form ("NIOC" / "National Iranian Oil Company");
    a name that also writes its acronym out ("... Guard Corps (IRGC)") loses the run.
    Returns (the collapsed name, the acronym, the words it stands for)."""
    shorts = short_tokens(other.tokens, org)
    if not shorts:
        return []
    full = _words(name.latin)
    letters = _first_letters(full)
    for short in shorts:
        if _in_order(short, letters):
            break
    else:
        return []  # no run of words can spell a short token: skip reading the runs
    runs = run_initials(full, org)
    hits = shorts.intersection(runs)
    core = name.tokens
    offset = _core_offset(full, core) if hits else -1
    if offset < 0:
        return []
    out: list[tuple[PreparedName, str, str]] = []
    for acronym in hits:
        for start, end in runs[acronym]:
            first, last = max(start - offset, 0), min(end - offset, len(core) - 1)
            if first > last:
                continue  # only titles or legal forms
            if acronym in core:
                merged = (*core[:first], *core[last + 1 :])
            else:
                merged = (*core[:first], acronym, *core[last + 1 :])
            if acronym not in merged:
                continue
            collapsed = replace(
                name,
                tokens=merged,
                phonetic=tuple(phonetic_key(t) for t in merged),
                joined="".join(merged),
            )
            out.append((collapsed, acronym, " ".join(full[start : end + 1])))
    return out


def _labelled(match: NameMatch, acronym: str, words: str, query_side: bool) -> NameMatch:
    """The match with the acronym's pair showing the words it stands for."""
    query, candidate = (words, acronym) if query_side else (acronym, words)
    pairs = tuple(
        TokenPair(query, candidate, p.similarity, "acronym")
        if p.query == acronym and p.candidate == acronym
        else p
        for p in match.pairs
    )
    return match.replaced(pairs=pairs)


def _aligned(query: PreparedName, candidate: PreparedName, org: bool) -> NameMatch | None:
    best: NameMatch | None = None
    for q, acronym, words in _collapsed(query, candidate, org):
        match = align(q, candidate, org)
        if best is None or match.score > best.score:
            best = _labelled(match, acronym, words, True)
    for c, acronym, words in _collapsed(candidate, query, org):
        match = align(query, c, org)
        if best is None or match.score > best.score:
            best = _labelled(match, acronym, words, False)
    return best


def acronym_alignment(
    query_names: tuple[PreparedName, ...],
    candidate_names: tuple[PreparedName, ...],
    org: bool = False,
) -> NameMatch | None:
    """The best alignment of any two names after an acronym of one stands for words of
    the other (None when no short token of one name spells initials of the other)."""
    best: NameMatch | None = None
    for q in query_names:
        for c in candidate_names:
            match = _aligned(q, c, org)
            if match is None:
                continue
            factor = ACRONYM_FACTOR * evidence_factor(q, c)
            match = match.replaced(score=match.score * factor, query=q, candidate=c)
            if best is None or match.score > best.score:
                best = match
    return best
