"""Latin tokens read as pinyin, and their Wade–Giles spellings."""

from __future__ import annotations

from tamis.text.wadegiles import from_pinyin_token, pinyin_syllables, same_chinese_name


def test_pinyin_syllables():
    assert pinyin_syllables("jinping") == ["jin", "ping"]
    assert pinyin_syllables("xian") == ["xian"]
    assert pinyin_syllables("maozedong") == ["mao", "ze", "dong"]
    assert pinyin_syllables("vladimir") is None
    assert pinyin_syllables("mohammed") is None


def test_wade_giles_of_a_pinyin_token():
    assert from_pinyin_token("xi") == "hsi"
    assert from_pinyin_token("jinping") == "chinping"
    assert from_pinyin_token("zhou") == "chou"
    assert from_pinyin_token("chen") is None  # spelt alike
    assert from_pinyin_token("dan") is None  # d/t alone in a short syllable


def test_same_chinese_name():
    assert same_chinese_name("hsi", "xi") and same_chinese_name("xi", "hsi")
    assert same_chinese_name("maotsetung", "maozedong")
    assert not same_chinese_name("xi", "shi")
