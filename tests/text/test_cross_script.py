"""Coverage of the cross_script evaluation pairs by name_variants.

For each pair (a name in Arabic, Cyrillic, Chinese, Korean, Japanese, Greek, Hebrew or
Thai script and its Latin form), the Latin form should be one of the original's
variants, or very close to one. The figures are also reported by bench/bench_text.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from tamis.text import latinize, name_variants

PAIRS = Path(__file__).resolve().parent.parent / "data" / "eval" / "cross_script.jsonl"


def _pairs() -> list[tuple[str, str]]:
    out = []
    for line in PAIRS.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        out.append(
            (case["query"]["properties"]["name"][0], case["candidate"]["properties"]["name"][0])
        )
    return out


def _best_similarity(original: str, latin: str) -> float:
    target = latinize(latin).replace(" ", "")
    return max(fuzz.ratio(v.replace(" ", ""), target) for v in name_variants(original)) / 100


@pytest.mark.parametrize(("original", "latin"), _pairs())
def test_latin_form_is_close_to_a_variant(original: str, latin: str) -> None:
    assert _best_similarity(original, latin) >= 0.8, name_variants(original)


def test_share_of_exact_variants() -> None:
    pairs = _pairs()
    exact = sum(latinize(latin) in name_variants(original) for original, latin in pairs)
    assert exact / len(pairs) >= 0.9


@pytest.mark.parametrize(
    ("original", "latin"),
    [
        # Same kinds of names as the evaluation pairs, other people.
        ("Сергей Лавров", "Sergei Lavrov"),
        ("Игорь Сечин", "Igor Sechin"),
        ("Юрий Ковальчук", "Yuri Kovalchuk"),
        ("Алексей Миллер", "Alexei Miller"),
        ("Рамзан Кадыров", "Ramzan Kadyrov"),
        ("Геннадий Тимченко", "Gennady Timchenko"),
        ("Олег Дерипаска", "Oleg Deripaska"),
        ("Аркадий Ротенберг", "Arkady Rotenberg"),
        ("محمد يوسف", "Mohammed Youssef"),
        ("عمر عبد الرحمن", "Omar Abdel Rahman"),
        ("أسامة بن لادن", "Osama bin Ladin"),
        ("حسن نصر الله", "Hassan Nasrallah"),
        ("علي خامنئي", "Ali Khamenei"),
        ("金日成", "Kim Il Sung"),
        ("金正日", "Kim Jong Il"),
        ("王毅", "Wang Yi"),
        ("李克强", "Li Keqiang"),
        ("김여정", "Kim Yo Jong"),
        ("최룡해", "Choe Ryong Hae"),
        ("鈴木一郎", "Suzuki Ichiro"),
        ("Δημήτρης", "Dimitris"),
        ("יוסף כהן", "Yosef Cohen"),
    ],
)
def test_other_names_of_the_same_kinds(original: str, latin: str) -> None:
    assert _best_similarity(original, latin) >= 0.85, name_variants(original)
