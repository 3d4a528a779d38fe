"""ofac-sls: an emulation of OFAC's Sanctions List Search scoring (OFAC FAQ 249).

OFAC's tool compares the whole name with Jaro-Winkler, and each name part with
Soundex and Jaro-Winkler, and reports the higher of the two as 0-100. This
emulation, calibrated on names OFAC's tool scored:

- Jaro-Winkler is OFAC's variant (:mod:`.ofac_jaro`): the prefix bonus counts at any
  similarity, so a list name that starts like the query scores well even when it
  goes on for long ("VLADIMIR PUTIN" / "VLADIMIROV, Nikolai ..." is 0.81, OFAC 84);
- names are upper-cased, accents and apostrophes dropped; the whole name keeps its
  hyphens ("AL-QAEDA" is not "AL QAEDA"), other punctuation becomes a space; the list
  name keeps its written order ("PUTIN, Vladimir" -> "PUTIN VLADIMIR");
- whole-name score: Jaro-Winkler of the two names, with and without spaces;
- name-part score: the query is split at spaces and hyphens; each query part of 3 or
  more letters takes its best Jaro-Winkler against the list name's parts that begin
  with the same letter, in any order (0 when below 0.7 or when no list part shares
  its initial: the part is not found, so "OSAMA" does not find "USAMA" part by part
  and the whole name decides); the mean over the query parts is the score, so parts
  the query does not have do not count against it; parts whose Soundex codes agree
  are reported in the explanation;
- the score is the higher of the two, over every name of both entities, /100.

There is no schema, date or country logic: OFAC's tool leaves those to the user.
The default threshold is OFAC's own default minimum score (80).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Final

from tamis.matching.algorithms.base import Algorithm
from tamis.matching.algorithms.ofac_jaro import jaro_winkler, jaro_winkler_bound
from tamis.matching.explain import Explanation, Score, signed
from tamis.matching.prepared import PreparedEntity, PreparedName
from tamis.text.caching import short_string_cache
from tamis.text.phonetic import soundex

#: A name part matching no list part at least this well counts as not found.
PART_MIN: Final = 0.7
#: Query parts shorter than this (initials, "AL", "UN") are left out of the part score.
PART_MIN_LEN: Final = 3
_DROP: Final = re.compile(r"['\u2019`]")
_SPACE: Final = re.compile(r"[^A-Z0-9-]+")
_PART: Final = re.compile(r"[^A-Z0-9]+")


def ofac_form(name: str) -> str:
    """The whole name as OFAC's tool compares it: upper-case letters, digits, hyphens."""
    folded = unicodedata.normalize("NFKD", name.upper())
    plain = "".join(char for char in folded if not unicodedata.combining(char))
    return " ".join(_SPACE.sub(" ", _DROP.sub("", plain)).split())


def name_parts(form: str) -> list[str]:
    """The parts of a name in :func:`ofac_form`: split at spaces and hyphens."""
    return _PART.sub(" ", form).split()


@dataclass(frozen=True, slots=True)
class OfacName:
    """One name in the forms the two techniques compare."""

    form: str  #: :func:`ofac_form`
    compact: str  #: the form without spaces
    parts: tuple[str, ...]  #: :func:`name_parts`


@short_string_cache(100_000, 300)
def ofac_name(name: str) -> OfacName:
    """The forms of ``name`` (list names recur in every search: they are computed once)."""
    form = ofac_form(name)
    return OfacName(form, form.replace(" ", ""), tuple(name_parts(form)))


def whole_score(query: OfacName, candidate: OfacName, beat: float = 0.0) -> float:
    """Jaro-Winkler of the two whole names, the better of with and without spaces.

    Exact whenever it reaches ``beat``; below that it may stop early and return less
    (the caller has a score of ``beat`` already).
    """
    best = 0.0
    for a, b in ((query.form, candidate.form), (query.compact, candidate.compact)):
        if jaro_winkler_bound(a, b) >= max(best, beat):
            best = max(best, jaro_winkler(a, b))
    return best


def _best_part(part: str, candidate: tuple[str, ...]) -> tuple[float, str]:
    """The candidate part with the same initial most like ``part``, and how alike (the
    exact Jaro-Winkler is only computed where its bound could reach the best so far)."""
    best, token = 0.0, ""
    for other in candidate:
        if other[0] != part[0] or jaro_winkler_bound(part, other) < max(best, PART_MIN):
            continue
        similarity = jaro_winkler(part, other)
        if (similarity, other) > (best, token):
            best, token = similarity, other
    return best, token


def part_score(query: tuple[str, ...], candidate: tuple[str, ...]) -> tuple[float, list[str]]:
    """Mean over query parts (3+ letters) of the best Jaro-Winkler against candidate
    parts with the same initial, and notes on how each part was found."""
    parts = [p for p in query if len(p) >= PART_MIN_LEN] or query
    if not parts or not candidate:
        return 0.0, []
    total = 0.0
    notes: list[str] = []
    for part in parts:
        best, token = _best_part(part, candidate)
        if best < PART_MIN:
            notes.append(f"{part} not found")
            continue
        total += best
        if best < 1.0 and soundex(part.lower()) == soundex(token.lower()):
            notes.append(f"{part}~{token} soundex")
    return total / len(parts), notes


def score_names(query: OfacName, candidate: OfacName, beat: float = 0.0) -> tuple[float, str]:
    """(score in [0, 1], how it was reached); exact whenever the score exceeds ``beat``."""
    if not query.form or not candidate.form:
        return 0.0, "empty name"
    parts, notes = part_score(query.parts, candidate.parts)
    whole = whole_score(query, candidate, max(parts, beat))
    if parts > whole:
        detail = "name parts, Jaro-Winkler" + (f" ({', '.join(notes)})" if notes else "")
        return parts, detail
    return whole, "whole name, Jaro-Winkler"


def ofac_score(query: str, candidate: str) -> tuple[float, str]:
    """(score in [0, 1], how it was reached) for two name strings."""
    return score_names(ofac_name(query), ofac_name(candidate))


def _latin_names(names: tuple[PreparedName, ...]) -> list[str]:
    # OFAC's tool searches Latin-script names: use the original when it is Latin,
    # otherwise its canonical romanisation.
    out: dict[str, None] = {}
    for name in names:
        out[name.original if name.script in ("Latin", "Common") else name.latin] = None
    return list(out)


class OfacSLS(Algorithm):
    name = "ofac-sls"
    version = "2"
    description = (
        "Emulation of OFAC Sanctions List Search (FAQ 249): Jaro-Winkler on the whole name "
        "and per name part (with Soundex), the higher of the two, 0-100 scaled to [0, 1]."
    )
    threshold = 0.8

    def compare_prepared(
        self, query: PreparedEntity, candidate: PreparedEntity, explain: bool = True
    ) -> Score:
        best = (0.0, "", "", "")
        for q in _latin_names(query.names):
            q_name = ofac_name(q)
            for c in _latin_names(candidate.names):
                value, detail = score_names(q_name, ofac_name(c), best[0])
                if value > best[0]:
                    best = (value, q, c, detail)
        score = round(best[0], 4)
        notes = []
        if explain and best[1]:
            notes.append(
                Explanation(
                    "ofac_name",
                    score,
                    best[1],
                    best[2],
                    f"Name '{best[1]}' ~ '{best[2]}' ({best[3]}) {signed(score)}",
                )
            )
        return Score(score, notes)
