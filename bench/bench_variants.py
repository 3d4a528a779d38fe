"""Recall on list names rewritten the way customer records write them.

``python -m bench.run_all variants``. Takes names of the bundled lists' entities
and rewrites them as other systems do: a company's legal form abbreviated and
moved in front or behind ("LIMITED LIABILITY COMPANY X" -> "LLC X", "X LLC",
"X, OOO"), "The" before an organisation's name, a ship's type prefix ("MV X",
"M/T X"), a person's given name as an initial, names reversed and lower-cased,
hyphens split or dropped, an Arabic name without its chain of ancestors ("Moncef
ben Mohamed ben Rhouma TRABELSI" -> "Moncef TRABELSI", also with another vowel in
the given name). Each rewritten name is screened (tamis-v1, default
threshold, schema given); a rewrite is found when the entity it came from is
among the hits. The sample is fixed (seeded) so that runs compare.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from bench.bench_screening import bundled_entities
from tamis.model import Entity

SEED = 9
#: legal forms written out in front of a name -> how records abbreviate them
LONG_FORMS = {
    "limited liability company": ("LLC", "OOO", "Ltd"),
    "public joint stock company": ("PJSC", "PAO"),
    "open joint stock company": ("OJSC", "OAO"),
    "closed joint stock company": ("CJSC", "ZAO"),
    "joint stock company": ("JSC", "AO"),
}
_LONG_FORM = re.compile(
    r"(?i)^(" + "|".join(sorted(LONG_FORMS, key=len, reverse=True)) + r")\s+(.+)$"
)
_LATIN_NAME = re.compile(r"[A-Za-z' -]+")


@dataclass(frozen=True)
class Case:
    kind: str
    schema: str
    name: str
    entity_id: str


def _legal_forms(entities: list[Entity], rng: random.Random, count: int) -> Iterator[Case]:
    chosen = []
    for entity in entities:
        if entity.schema not in ("Company", "Organization", "LegalEntity"):
            continue
        for name in entity.names:
            match = _LONG_FORM.match(name)
            if match:
                chosen.append((entity.id, match[1].lower(), match[2].strip("\"'« »")))
                break
    rng.shuffle(chosen)
    for entity_id, form, rest in chosen[:count]:
        for short in LONG_FORMS[form]:
            for written in (f"{short} {rest}", f"{rest} {short}", f"{rest}, {short}"):
                yield Case(
                    "legal form abbreviated, in front or behind", "Company", written, entity_id
                )


def _organisations(entities: list[Entity], rng: random.Random, count: int) -> Iterator[Case]:
    orgs = [e for e in entities if e.schema in ("Company", "Organization") and e.names]
    rng.shuffle(orgs)
    for entity in orgs[:count]:
        yield Case('"The" in front', entity.schema, "The " + entity.names[0], entity.id)


def _vessels(entities: list[Entity], rng: random.Random, count: int) -> Iterator[Case]:
    vessels = [e for e in entities if e.schema == "Vessel" and e.names]
    rng.shuffle(vessels)
    for entity in vessels[:count]:
        prefix = rng.choice(("MV", "M/V", "MT", "M/T", "M.V."))
        yield Case(
            "ship type prefix (MV, M/T ...)", "Vessel", f"{prefix} {entity.names[0]}", entity.id
        )


def _people(entities: list[Entity], rng: random.Random, count: int) -> Iterator[Case]:
    people = [
        e
        for e in entities
        if e.schema == "Person"
        and e.names
        and _LATIN_NAME.fullmatch(e.names[0])
        and len(e.names[0].split()) >= 2
    ]
    rng.shuffle(people)
    for entity in people[:count]:
        tokens = entity.names[0].split()
        yield Case(
            "given name as an initial",
            "Person",
            f"{tokens[0][0]}. {' '.join(tokens[1:])}",
            entity.id,
        )
        yield Case("reversed, lower case", "Person", " ".join(reversed(tokens)).lower(), entity.id)
        if "-" in entity.names[0]:
            yield Case(
                "hyphens split or dropped", "Person", entity.names[0].replace("-", " "), entity.id
            )
            yield Case(
                "hyphens split or dropped", "Person", entity.names[0].replace("-", ""), entity.id
            )


#: "son / daughter of" words in Arabic names
_LINEAGE_WORDS = frozenset(["bin", "ben", "ibn", "bint", "ould"])
#: vowel changes between common romanisations (Usama / Osama, Mohamed / Muhamed)
_VOWEL_SWAPS = (("u", "o"), ("o", "u"), ("i", "e"), ("e", "i"))


def _everyday_form(name: str) -> list[str] | None:
    """A name opening with two or more "bin X" links, as records write it: the given
    name and the family name ("Moncef ben Mohamed ben Rhouma TRABELSI" -> "Moncef
    TRABELSI"), or the given name and the last link when no family name follows."""
    if "," in name:
        family, _, given = name.partition(",")
        name = f"{given.strip()} {family.strip()}"
    words = name.split()
    end, links = 1, 0
    while end + 1 < len(words) and words[end].lower() in _LINEAGE_WORDS:
        if words[end + 1].lower() in _LINEAGE_WORDS:
            break
        end, links = end + 2, links + 1
    if links < 2:
        return None
    return [words[0], *words[end:]] if words[end:] else [words[0], *words[end - 2 : end]]


def _ancestor_chains(entities: list[Entity], rng: random.Random, count: int) -> Iterator[Case]:
    chosen = []
    for entity in entities:
        if entity.schema != "Person":
            continue
        for name in entity.names:
            short = _everyday_form(name)
            if short and _LATIN_NAME.fullmatch(" ".join(short)):
                chosen.append((entity.id, short))
                break
    rng.shuffle(chosen)
    kind = "Arabic name without its chain of ancestors"
    for entity_id, short in chosen[:count]:
        yield Case(kind, "Person", " ".join(short), entity_id)
        given = short[0]
        for old, new in _VOWEL_SWAPS:
            if old in given.lower():
                given = given.lower().replace(old, new, 1).title()
                break
        yield Case(kind + ", another spelling", "Person", " ".join([given, *short[1:]]), entity_id)


GENERATORS: tuple[tuple[Callable[[list[Entity], random.Random, int], Iterator[Case]], int], ...] = (
    (_legal_forms, 150),
    (_organisations, 400),
    (_vessels, 150),
    (_people, 250),
    (_ancestor_chains, 200),
)


def cases(entities: list[Entity]) -> list[Case]:
    """The rewritten names, the same on every run for the same lists."""
    out: list[Case] = []
    for generate, count in GENERATORS:
        out.extend(generate(entities, random.Random(SEED), count))
    return out


def run(quick: bool) -> str:
    from tamis.matching import Screener, build_query

    entities = bundled_entities()
    screener = Screener(entities)
    found: dict[str, list[int]] = {}
    for case in cases(entities)[:: 4 if quick else 1]:
        hits = screener.screen(build_query(case.name, schema=case.schema))
        counts = found.setdefault(case.kind, [0, 0])
        counts[0] += any(hit.entity.id == case.entity_id for hit in hits)
        counts[1] += 1
    lines = [
        "## Screening list names as customer records rewrite them",
        "",
        "Command: `.venv/bin/python -m bench.run_all variants`",
        "",
        f"Names of the bundled lists' entities ({len(entities):,}), rewritten (seeded sample, "
        "`bench/bench_variants.py`) and screened with tamis-v1 at its default threshold, "
        "schema given. Found: the entity the name came from is among the hits.",
        "",
        "| rewriting | found | share |",
        "|---|---|---|",
    ]
    for kind, (hit, total) in found.items():
        lines.append(f"| {kind} | {hit:,} / {total:,} | {hit / total:.3f} |")
    lines += ["", *_scripts_table(entities)]
    return "\n".join(lines) + "\n"


def _scripts_table(entities: list[Entity]) -> list[str]:
    """Each person listed with a name in Latin letters and one in another script: the
    other-script name compared with the first Latin one (tamis-v1, names only)."""
    from tamis.matching import get_algorithm
    from tamis.text import detect_script

    algorithm = get_algorithm("tamis-v1")
    counts: dict[str, list[int]] = {}
    for entity in entities:
        if entity.schema != "Person":
            continue
        latin = [n for n in entity.names if detect_script(n) == "Latin"]
        for name in entity.names:
            script = detect_script(name)
            if not latin or script in ("Latin", "Common"):
                continue
            score = algorithm.compare(
                Entity("q", "Person", {"name": [name]}), Entity("c", "Person", {"name": latin[:1]})
            ).score
            row = counts.setdefault(script, [0, 0])
            row[0] += score >= algorithm.threshold
            row[1] += 1
    lines = [
        "The same people's names in two scripts, from the lists themselves: every name in "
        "another script compared with the person's first Latin name (names only, default "
        "threshold). Some pairs are not renderings of each other (a maiden name, a Belarusian "
        "form beside a Russian one, another alias), so 1.0 is out of reach.",
        "",
        "| script | pairs at or above the threshold | share |",
        "|---|---|---|",
    ]
    for script, (hit, total) in sorted(counts.items(), key=lambda item: -item[1][1]):
        lines.append(f"| {script} | {hit:,} / {total:,} | {hit / total:.3f} |")
    return lines
