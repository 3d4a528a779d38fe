"""Chinese names written in Cyrillic by the Palladius system, read back into pinyin."""

from __future__ import annotations

import pytest

from tamis.text import name_variants
from tamis.text.palladius import chinese_name, to_pinyin


@pytest.mark.parametrize(
    ("cyrillic", "pinyin"),
    [
        ("си цзиньпин", "xi jinping"),
        ("мао цзэдун", "mao zedong"),
        ("дэн сяопин", "deng xiaoping"),
        ("чжоу эньлай", "zhou enlai"),
        ("цзян цзэминь", "jiang zemin"),
        ("сюй ци", "xu qi"),
        ("чжу жунцзи", "zhu rongji"),
    ],
)
def test_palladius_names_in_pinyin(cyrillic, pinyin):
    assert chinese_name(cyrillic) == pinyin


def test_russian_words_are_not_palladius():
    assert to_pinyin("петров") is None
    assert chinese_name("владимир путин") is None
    assert chinese_name("") is None


def test_a_chinese_name_in_cyrillic_has_a_pinyin_variant():
    variants = name_variants("Си Цзиньпин")
    assert variants[0] == "si tszinpin"  # the Russian romanisation stays canonical
    assert "xi jinping" in variants
    assert "xi jinping" not in name_variants("Сергей Лавров")
