"""tamis-v1: the default algorithm.

Meaning of the score: 1.0 is an exact match of the names with nothing
contradicting it; at the default threshold (0.75) a hit deserves an analyst's
look; a score below it means the names differ in a way (a different surname, a
substituted given name, a different number) or the facts disagree (birth year,
nationality, gender) enough that the entry is unlikely to be the same.

The score starts from the best name alignment (see
:mod:`tamis.matching.features.names`; also tried with a split word joined, see
:mod:`~tamis.matching.features.merge`, and with an acronym standing for the words it
abbreviates, see :mod:`~tamis.matching.features.acronyms`), is capped when only common
words match, lowered by conflicting numbers and legal forms, and moved by birth date,
country and gender; an identical identifier lifts it close to 1.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from functools import lru_cache
from typing import Final

import numpy as np

from tamis.matching.algorithms.base import Algorithm, CandidatePool
from tamis.matching.explain import Explanation, Score, signed
from tamis.matching.features.acronyms import ACRONYM_FACTOR, acronym_alignment
from tamis.matching.features.bound_kernels import entity_max
from tamis.matching.features.bounds import (
    CandidateNames,
    acronym_possible,
    merge_possible,
    name_bounds,
)
from tamis.matching.features.country import country_agreement
from tamis.matching.features.dates import birth_date_agreement
from tamis.matching.features.gender import gender_agreement
from tamis.matching.features.identifiers import identifier_match
from tamis.matching.features.legal import legal_form_agreement
from tamis.matching.features.lineage import swapped_lineage, swapped_parts
from tamis.matching.features.merge import merged_alignment
from tamis.matching.features.names import NameMatch, TokenPairs, best_name_match
from tamis.matching.features.numbers import number_agreement, unmatched_numerals
from tamis.matching.features.places import extra_countries
from tamis.matching.features.schema import schema_compatible
from tamis.matching.prepared import PreparedEntity
from tamis.model import schema_is_a

#: name score when only particles / common words match ("Bank", "Al")
COMMON_ONLY_CAP: Final = 0.4
#: unless the name has at least this many words, all matched on both sides
COMMON_NAME_MIN_WORDS: Final = 3
NUMBER_PENALTY: Final = 0.3
LEGAL_PENALTY: Final = 0.3
DATE_BONUS: Final = 0.05
DATE_PENALTY: Final = 0.35
COUNTRY_BONUS: Final = 0.03
COUNTRY_PENALTY: Final = 0.15
GENDER_PENALTY: Final = 0.2
#: Rounding of the final score, and the margin screening keeps below a floor for it.
DIGITS: Final = 6
ROUNDING_MARGIN: Final = 1e-6
#: the person named in one name is the parent (or the family name) in the other
ROLE_PENALTY: Final = 0.3
#: an organisation name naming a country the other lacks (a national subsidiary)
PLACE_PENALTY: Final = 0.15
#: an identical identifier removes this share of the distance to 1
IDENTIFIER_LIFT: Final = 0.7
#: and never leaves it below this: the same IMO or passport number deserves a look
IDENTIFIER_FLOOR: Final = 0.8


@lru_cache(maxsize=256)
def _is_org(schema: str) -> bool:
    return schema_is_a(schema, "Organization") or schema in ("Vessel", "Airplane", "Security")


def _whole_common_name(match: NameMatch) -> bool:
    """A name made only of common words, all of them matched on both sides ("First
    International Bank"): the combination, unlike any one of its words, is a name."""
    return (
        len(match.pairs) >= COMMON_NAME_MIN_WORDS
        and not match.query_unpaired
        and not match.candidate_unpaired
    )


def _name_text(match: NameMatch, contribution: float) -> str:
    q, c = match.query, match.candidate
    if match.joined:
        detail = "same letters written together"
    else:
        strong = [p for p in match.pairs if p.similarity >= 0.8]
        detail = f"{len(strong)} of {len(q.tokens)} query tokens matched"
        notes = [f"'{p.query}'~'{p.candidate}' {p.kind}" for p in match.pairs if p.kind != "exact"]
        if notes:
            detail += "; " + ", ".join(notes[:3])
        if match.query_unpaired and match.candidate_unpaired:
            detail += (
                f"; '{' '.join(match.query_unpaired)}' differs from "
                f"'{' '.join(match.candidate_unpaired)}'"
            )
    via = f" via '{q.latin}'" if q.script not in ("Latin", "Common") else ""
    query = f"'{q.original}'" + (f" (short form '{q.latin}')" if q.short_form else "")
    listed = f"'{c.original}'" + (f" (short form '{c.latin}')" if c.short_form else "")
    return f"Name {query} ~ {listed}{via} ({detail}) {signed(contribution)}"


def _date_delta(agreement: float) -> float:
    """What a birth-date agreement in [-1, 1] adds to the score."""
    return DATE_BONUS * agreement if agreement > 0 else DATE_PENALTY * agreement


def _country_delta(agreement: float) -> float:
    """What a country agreement (1, 0 or -1) adds to the score."""
    if agreement > 0:
        return COUNTRY_BONUS
    return -COUNTRY_PENALTY if agreement < 0 else 0.0


#: the context weights as :meth:`EntityContext.deltas` takes them
_CONTEXT_WEIGHTS = np.array([DATE_BONUS, DATE_PENALTY, COUNTRY_BONUS, COUNTRY_PENALTY])


def _context_deltas(query: PreparedEntity, entities: np.ndarray, pool: CandidatePool) -> np.ndarray:
    """What each candidate's actual birth dates and countries add to its score, as
    :meth:`TamisV1.compare_prepared` adds them (:func:`_date_delta` and
    :func:`_country_delta`, the same floating-point operations)."""
    if not (query.birth_dates or query.countries):
        return np.zeros(entities.size)
    return pool.token_table().context.deltas(query, entities, _CONTEXT_WEIGHTS)


@lru_cache(maxsize=64)
def _org_schemas(schema_names: tuple[str, ...], query_schema: str) -> np.ndarray:
    """Per list schema, whether a candidate of it is scored as an organisation against a
    query of ``query_schema``."""
    return np.array([_is_org(query_schema) or _is_org(s) for s in schema_names])


def _shares_identifier(
    query: PreparedEntity, numbers: Sequence[int], pool: CandidatePool
) -> np.ndarray:
    """Which candidates have an identifier in common with the query (no bound holds
    for those: an identical identifier lifts any name)."""
    if not query.identifiers:
        return np.zeros(len(numbers), dtype=bool)
    return np.array(
        [bool(query.identifiers & pool.prepared[n].identifiers) for n in numbers], dtype=bool
    )


class _BoundedCandidates:
    """Candidates with an upper bound on each one's score, and what aligning them reuses.

    No feature but an identical identifier adds to a name score more than the actual
    birth-date and country contributions, and the name score is bounded from the token
    similarities (see :mod:`tamis.matching.features.bounds`). With ``floor`` above 0,
    candidates that even a perfect name could not lift to ``floor`` given their dates
    and countries (a different birth year alone costs DATE_PENALTY) are dropped before
    their names are bounded. The rules that rewrite names (a split word joined, an
    acronym) are not bounded, nor is an identical identifier: candidates where they may
    apply are :attr:`unbounded`. Within a candidate, only the name pairs that can be
    its best are aligned."""

    def __init__(
        self,
        algorithm: TamisV1,
        query: PreparedEntity,
        numbers: Sequence[int],
        pool: CandidatePool,
        floor: float,
    ) -> None:
        self.algorithm = algorithm
        self.query = query
        self.pool = pool
        entities = np.asarray(numbers, dtype=np.int64)
        context = _context_deltas(query, entities, pool)
        identified = _shares_identifier(query, numbers, pool)
        if floor > 0:
            kept = (context >= floor - 1.0 - ROUNDING_MARGIN) | identified
            if not kept.all():
                entities, context, identified = entities[kept], context[kept], identified[kept]
        self.numbers: list[int] = entities.tolist()
        if not self.numbers:
            self.upper, self.unbounded = np.zeros(0), np.zeros(0, dtype=bool)
            return
        table = pool.token_table()
        names = CandidateNames(table, entities)
        self.offsets = names.offsets
        entity_org = _org_schemas(table.schema_tuple, query.schema)[table.entity_schema[entities]]
        self.similar: TokenPairs = {}
        self.pairs, self.joined = name_bounds(query, names, entity_org[names.owner], self.similar)
        self.merging = np.zeros(len(self.numbers), dtype=bool)
        self.merging[names.owner[merge_possible(query, names)]] = True
        self.abbreviating = acronym_possible(pool.index, query, entities, entity_org)
        self.unbounded = self.merging | self.abbreviating | identified
        name_top = (
            entity_max(self.pairs.max(axis=0), names.offsets)
            if self.pairs.size
            else np.zeros(len(self.numbers))
        )
        #: at least each candidate's score, unless it is :attr:`unbounded`
        self.upper = name_top + context

    def reachable(self, floor: float) -> np.ndarray:
        """Which candidates may score ``floor`` or more."""
        if floor <= 0:
            return np.ones(len(self.numbers), dtype=bool)
        return (self.upper >= floor - ROUNDING_MARGIN) | self.unbounded

    def align(self, k: int, explain: bool) -> Score:
        """The score of candidate ``k`` (a position in :attr:`numbers`)."""
        start, end = self.offsets[k], self.offsets[k + 1]
        return self.algorithm.compare_prepared(
            self.query,
            self.pool.prepared[self.numbers[k]],
            explain,
            name_bounds=self.pairs[:, start:end].tolist() if self.pairs.size else None,
            joined=self.joined[:, start:end].tolist() if self.pairs.size else None,
            may_merge=bool(self.merging[k]),
            may_abbreviate=bool(self.abbreviating[k]),
            similar=self.similar,
        )


class TamisV1(Algorithm):
    name = "tamis-v1"
    version = "4"
    description = (
        "Token alignment of names across scripts (fuzzy, phonetic, initials, joined forms), "
        "with birth date, nationality, gender, identifiers, numbers and legal forms. "
        "At the default threshold a hit deserves an analyst's look."
    )
    threshold = 0.75
    bounded = True

    def score_candidates(
        self,
        query: PreparedEntity,
        numbers: Sequence[int],
        pool: CandidatePool,
        floor: float,
        explain: bool = False,
    ) -> list[tuple[int, Score]]:
        """Aligns only candidates whose names can reach ``floor`` (see
        :class:`_BoundedCandidates`)."""
        if not numbers:
            return []
        bounded = _BoundedCandidates(self, query, numbers, pool, floor)
        out = []
        for k in np.flatnonzero(bounded.reachable(floor)).tolist():
            result = bounded.align(k, explain)
            if result.score >= floor:
                out.append((bounded.numbers[k], result))
        return out

    def best_scores(
        self,
        query: PreparedEntity,
        numbers: Sequence[int],
        pool: CandidatePool,
        floor: float,
        limit: int,
        explain: bool = False,
    ) -> list[tuple[int, Score]]:
        """At least the ``limit`` best-scoring of ``numbers`` at or above ``floor`` (all
        that tie with the last of them included), exactly as scoring every one of them
        would find them: candidates are aligned in decreasing order of their upper bound
        until the next bound falls below the ``limit``-th best score found. Bounds are
        tight enough that a handful of alignments settle most queries, even over every
        list entity."""
        if not numbers:
            return []
        bounded = _BoundedCandidates(self, query, numbers, pool, floor)
        upper = bounded.upper.copy()
        upper[bounded.unbounded] = np.inf
        best: list[float] = []  # the ``limit`` best scores so far, ascending
        out = []
        for k in np.argsort(-upper, kind="stable").tolist():
            bar = best[0] if len(best) >= limit else floor
            if upper[k] < bar - ROUNDING_MARGIN:
                break
            result = bounded.align(k, explain)
            if result.score < bar:
                continue
            out.append((bounded.numbers[k], result))
            heapq.heappush(best, result.score)
            if len(best) > limit:
                heapq.heappop(best)
        return out

    def compare_prepared(
        self,
        query: PreparedEntity,
        candidate: PreparedEntity,
        explain: bool = True,
        name_bounds: list[list[float]] | None = None,
        may_merge: bool = True,
        may_abbreviate: bool = True,
        similar: TokenPairs | None = None,
        joined: list[list[float]] | None = None,
    ) -> Score:
        """``name_bounds`` (see :func:`~tamis.matching.features.bounds.name_bounds`)
        and ``may_merge`` / ``may_abbreviate`` set to False where the bounds show that
        the merged-token or acronym rule cannot apply only save work: the score and
        explanations are the same without them. So do ``similar``, the token pairs
        of the two entities' names that reach the pairing minimum, and ``joined``, the
        joined-forms scores of their names as the bounds found them (see
        :func:`~tamis.matching.features.names.align`)."""
        notes: list[Explanation] = []
        if not schema_compatible(query.schema, candidate.schema):
            if explain:
                notes.append(
                    Explanation(
                        "schema",
                        0.0,
                        query.schema,
                        candidate.schema,
                        f"A {query.schema} cannot be a {candidate.schema}: no match",
                    )
                )
            return Score(0.0, notes)
        org = _is_org(query.schema) or _is_org(candidate.schema)
        match = best_name_match(query.names, candidate.names, org, name_bounds, similar, joined)
        if may_merge and match is not None and match.score < 1.0:
            merged = merged_alignment(match.query, match.candidate, org)
            if merged is not None and merged.score > match.score:
                match = merged
        # an acronym's alignment keeps ACRONYM_FACTOR of its score at most
        if may_abbreviate and match is not None and match.score < ACRONYM_FACTOR:
            acronym = acronym_alignment(query.names, candidate.names, org)
            if acronym is not None and acronym.score > match.score:
                match = acronym
        score = 0.0
        if match is not None:
            score = match.score
            if explain:
                notes.append(
                    Explanation(
                        "name",
                        score,
                        match.query.original,
                        match.candidate.original,
                        _name_text(match, score),
                    )
                )
            if (
                match.distinctive_pairs == 0
                and score > COMMON_ONLY_CAP
                and not match.joined
                and not _whole_common_name(match)
            ):
                if explain:
                    notes.append(
                        Explanation(
                            "common_words",
                            COMMON_ONLY_CAP - score,
                            match.query.original,
                            match.candidate.original,
                            "Only common words or particles match "
                            f"{signed(COMMON_ONLY_CAP - score)}",
                        )
                    )
                score = COMMON_ONLY_CAP
            q_numbers = unmatched_numerals(match.query.numbers, match.candidate.tokens)
            c_numbers = unmatched_numerals(match.candidate.numbers, match.query.tokens)
            numbers = number_agreement(q_numbers, c_numbers)
            if numbers < 0:
                delta = NUMBER_PENALTY * numbers
                score += delta
                if explain:
                    qn = " ".join(sorted(q_numbers)) or "none"
                    cn = " ".join(sorted(c_numbers)) or "none"
                    notes.append(
                        Explanation(
                            "numbers",
                            delta,
                            qn,
                            cn,
                            f"Numbers in the names differ ({qn} vs {cn}) {signed(delta)}",
                        )
                    )
            role = (
                None
                if org
                else (
                    swapped_lineage(match.query.tokens, match.candidate.tokens)
                    or swapped_parts(query.name_parts, candidate.name_parts)
                )
            )
            if role:
                score -= ROLE_PENALTY
                if explain:
                    notes.append(
                        Explanation(
                            "name_roles",
                            -ROLE_PENALTY,
                            match.query.original,
                            match.candidate.original,
                            f"'{role}' names the person in one name and a parent or the "
                            f"family in the other {signed(-ROLE_PENALTY)}",
                        )
                    )
            place = extra_countries(match.query_unpaired, match.candidate_unpaired)
            if org and place and not match.joined:
                score -= PLACE_PENALTY
                if explain:
                    notes.append(
                        Explanation(
                            "place",
                            -PLACE_PENALTY,
                            match.query.original,
                            match.candidate.original,
                            f"Only one name names the country '{place}' (a subsidiary?) "
                            f"{signed(-PLACE_PENALTY)}",
                        )
                    )
            legal = legal_form_agreement(match.query.legal, match.candidate.legal)
            if legal < 0:
                delta = LEGAL_PENALTY * legal
                score += delta
                if explain:
                    ql = ", ".join(sorted(match.query.legal))
                    cl = ", ".join(sorted(match.candidate.legal))
                    notes.append(
                        Explanation(
                            "legal_form",
                            delta,
                            ql,
                            cl,
                            f"Legal forms are incompatible ({ql} vs {cl}) {signed(delta)}",
                        )
                    )
        date, qd, cd = birth_date_agreement(query.birth_dates, candidate.birth_dates)
        if date:
            delta = _date_delta(date)
            score += delta
            if explain:
                verb = "matches" if date > 0 else "differs from"
                notes.append(
                    Explanation(
                        "birth_date", delta, qd, cd, f"Birth date {qd} {verb} {cd} {signed(delta)}"
                    )
                )
        country, qc, cc = country_agreement(query.countries, candidate.countries)
        if country:
            delta = _country_delta(country)
            score += delta
            if explain:
                verb = "matches" if country > 0 else "differs from"
                notes.append(
                    Explanation(
                        "country", delta, qc, cc, f"Country {qc} {verb} {cc} {signed(delta)}"
                    )
                )
        if gender_agreement(query.gender, candidate.gender) < 0:
            score -= GENDER_PENALTY
            if explain:
                notes.append(
                    Explanation(
                        "gender",
                        -GENDER_PENALTY,
                        query.gender,
                        candidate.gender,
                        f"Gender {query.gender} differs from {candidate.gender} "
                        f"{signed(-GENDER_PENALTY)}",
                    )
                )
        ident = identifier_match(query.identifiers, candidate.identifiers)
        if ident:
            before = min(max(score, 0.0), 1.0)
            score = max(IDENTIFIER_FLOOR, 1.0 - (1.0 - before) * (1.0 - IDENTIFIER_LIFT))
            if explain:
                notes.append(
                    Explanation(
                        "identifier",
                        score - before,
                        ident,
                        ident,
                        f"Identifier {ident} is identical {signed(score - before)}",
                    )
                )
        return Score(round(min(max(score, 0.0), 1.0), DIGITS), notes)
