"""normalize / latinize / tokenize / detect_script: behaviour on real-world names."""

from __future__ import annotations

import pytest

from tamis.text import detect_script, latinize, normalize, tokenize


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  Vladimir   PUTIN ", "vladimir putin"),
        ("HUAWEI TECHNOLOGIES CO., LTD.", "huawei technologies co ltd"),
        ("Straße", "strasse"),
        ("ﬁnance", "finance"),
        ("Владимир Путин", "владимир путин"),
        ("مُحَمَّد", "مُحَمَّد"),
        ("al-Qa'ida", "al qa ida"),
        ("tab\tand\nnewline\x00null", "tab and newline null"),
        ("under_score", "under score"),
        ("", ""),
        ("   ", ""),
        ("!!!", ""),
        ("\ud800broken", "broken"),
        ("Ⅻ", "xii"),
        # zero-width joiners shape letters inside a word: they never split it
        ("خامنه\u200cای", "خامنهای"),
        ("पन\u200dत", "पनत"),
    ],
)
def test_normalize(text: str, expected: str) -> None:
    assert normalize(text) == expected


def test_normalize_keeps_combining_marks_inside_words() -> None:
    # Arabic vowel marks and Thai vowel signs are combining marks, not separators.
    assert len(normalize("مُحَمَّد عَلِي").split()) == 2
    assert normalize("สมชาย ใจดี").split() == ["สมชาย", "ใจดี"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vladimir Putin", "vladimir putin"),
        ("Владимир Путин", "vladimir putin"),
        ("Сергей Шойгу", "sergey shoygu"),
        ("Никита Хрущёв", "nikita khrushchev"),
        ("Олександр Зінченко", "oleksandr zinchenko"),
        ("محمد علي", "muhammad ali"),
        ("习近平", "xi jin ping"),
        ("김정은", "kim jeong eun"),
        ("Αλέξανδρος", "alexandros"),
        ("Müller", "muller"),
        ("İstanbul Şirketi", "istanbul sirketi"),
        ("O'Brien", "obrien"),
        ("Mu'ammar al-Qadhafi", "muammar al qadhafi"),
        ("OCEAN STAR II", "ocean star ii"),
        ("Boeing 747-400", "boeing 747 400"),
        ("ООО «Ромашка»", "ooo romashka"),
        ("やまだ たろう", "yamada tarou"),
        ("", ""),
    ],
)
def test_latinize(text: str, expected: str) -> None:
    assert latinize(text) == expected


def test_latinize_is_ascii_lowercase_single_spaced() -> None:
    for text in ["Δημήτρης  Παπαδόπουλος", "Дмитрий-Медведев", "عبد الرحمن", "小米集团", "ทักษิณ"]:
        out = latinize(text)
        assert out.isascii() and out == out.lower()
        assert "  " not in out and out == out.strip()
        assert out


def test_tokenize() -> None:
    assert tokenize("PUTIN, Vladimir Vladimirovich") == ["putin", "vladimir", "vladimirovich"]
    assert tokenize("Ocean Star II") == ["ocean", "star", "ii"]
    assert tokenize("") == []


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("Vladimir Putin", "Latin"),
        ("Владимир Путин", "Cyrillic"),
        ("محمد علي", "Arabic"),
        ("محمدرضا پهلوی", "Arabic"),
        ("习近平", "Han"),
        ("김정은", "Hangul"),
        ("ひらがな", "Hiragana"),
        ("カタカナ", "Katakana"),
        ("Αλέξανδρος", "Greek"),
        ("משה", "Hebrew"),
        ("สมชาย", "Thai"),
        ("नरेन्द्र मोदी", "Devanagari"),
        ("ООО Romashka Ltd", "Latin"),
        ("ООО Ромашка Ltd", "Cyrillic"),
        ("12345 !!", "Common"),
        ("", "Common"),
    ],
)
def test_detect_script(text: str, script: str) -> None:
    assert detect_script(text) == script


def test_long_input_is_handled() -> None:
    text = "Абв гдеж " * 1200
    assert len(latinize(text).split()) == 2400
    assert detect_script(text) == "Cyrillic"


def test_mark_table_matches_the_unicode_database() -> None:
    # Regenerate src/tamis/text/marks.py with marks.generate() when this fails.
    from tamis.text.marks import MARK_RANGES, generate

    assert generate() == MARK_RANGES
