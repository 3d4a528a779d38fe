"""ofac-sls: an emulation of OFAC's Sanctions List Search scoring (OFAC FAQ 249).

OFAC's tool compares the whole name with Jaro-Winkler, and each name part with
Soundex and Jaro-Winkler, and reports the higher of the two as 0-100. This
emulation, calibrated on names OFAC's tool scored:

- names are upper-cased, apostrophes dropped, other punctuation turned to spaces;
  the list name keeps its written order ("PUTIN, Vladimir" -> "PUTIN VLADIMIR");
- whole-name score: Jaro-Winkler of the two names, with and without spaces;
- name-part score: for each query part of 3 or more letters, the best Jaro-Winkler
  against the list name's parts (0 when below 0.7: the part is not found),
  averaged over the query parts (parts the query does not have do not count
  against it, as in OFAC's tool); parts whose Soundex codes agree are reported
  in the explanation;
- the score is the higher of the two, over every name of both entities, /100.

There is no schema, date or country logic: OFAC's tool leaves those to the user.
The default threshold is OFAC's own default minimum score (80).
"""

from __future__ import annotations

import re

from rapidfuzz.distance import JaroWinkler

from tamis.matching.algorithms.base import Algorithm
from tamis.matching.explain import Explanation, Score, signed
from tamis.matching.prepared import PreparedEntity, PreparedName
from tamis.text.phonetic import soundex

#: A name part matching no list part at least this well counts as not found.
PART_MIN = 0.7
_DROP = re.compile(r"['\u2019`]")
_SPLIT = re.compile(r"[^A-Z0-9]+")


def ofac_form(name: str) -> str:
    """The name as OFAC's tool compares it: upper-case Latin letters and digits."""
    return " ".join(_SPLIT.sub(" ", _DROP.sub("", name.upper())).split())


def part_score(query: list[str], candidate: list[str]) -> tuple[float, list[str]]:
    """Mean over query parts (3+ letters) of the best Jaro-Winkler against candidate parts."""
    parts = [p for p in query if len(p) >= 3] or query
    if not parts or not candidate:
        return 0.0, []
    total = 0.0
    notes: list[str] = []
    for part in parts:
        best, best_token = max((JaroWinkler.similarity(part, t), t) for t in candidate)
        total += best if best >= PART_MIN else 0.0
        if best < 1.0 and soundex(part.lower()) == soundex(best_token.lower()):
            notes.append(f"{part}~{best_token} soundex")
    return total / len(parts), notes


def ofac_score(query: str, candidate: str) -> tuple[float, str]:
    """(score in [0, 1], how it was reached) for two name strings."""
    q, c = ofac_form(query), ofac_form(candidate)
    if not q or not c:
        return 0.0, "empty name"
    whole = max(
        JaroWinkler.similarity(q, c),
        JaroWinkler.similarity(q.replace(" ", ""), c.replace(" ", "")),
    )
    parts, notes = part_score(q.split(), c.split())
    if parts > whole:
        detail = "name parts, Jaro-Winkler" + (f" ({', '.join(notes)})" if notes else "")
        return parts, detail
    return whole, "whole name, Jaro-Winkler"


def _latin_names(names: tuple[PreparedName, ...]) -> list[str]:
    # OFAC's tool searches Latin-script names: use the original when it is Latin,
    # otherwise its canonical romanisation.
    out: dict[str, None] = {}
    for name in names:
        out[name.original if name.script in ("Latin", "Common") else name.latin] = None
    return list(out)


class OfacSLS(Algorithm):
    name = "ofac-sls"
    version = "1"
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
            for c in _latin_names(candidate.names):
                value, detail = ofac_score(q, c)
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
