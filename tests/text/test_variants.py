"""name_variants: the spellings lists and customers use, per script."""

from __future__ import annotations

import pytest

from tamis.text import latinize, name_variants
from tamis.text.normalize import MAX_VARIANTS


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        # Cyrillic: BGN/PCGN, popular English, passport, French, German, scholarly, ISO 9
        ("Владимир Путин", ["vladimir putin", "vladimir poutine", "wladimir putin"]),
        ("Сергей", ["sergey", "sergei", "serguei", "sergej"]),
        ("Юрий", ["yuriy", "yuri", "iouri", "jurij", "yury", "iurii"]),
        ("Щукин", ["shchukin", "schtschukin", "chtchoukine"]),
        ("Жуков", ["zhukov", "joukov"]),
        ("Хабаров", ["khabarov", "habarov"]),
        ("Дмитрий Медведев", ["dmitriy medvedev", "dmitry medvedev", "dmitri medvedev"]),
        ("Александр Петров", ["aleksandr petrov", "alexander petrov"]),
        ("Евгений", ["yevgeniy", "evgenii", "jewgeni"]),
        ("Никита Хрущёв", ["nikita khrushchev", "nikita chruschtschjow"]),
        # Ukrainian letters
        ("Олександр Зінченко", ["oleksandr zinchenko"]),
        ("Володимир Зеленський", ["volodymyr zelenskyi", "volodimir zelensky"]),
        ("Ґанна Їжакевич", ["ganna yizhakevych"]),
        ("Євген", ["yevhen"]),
        # Kazakh letters with і: Russian-based systems, not Ukrainian (г stays g)
        ("Нұрсұлтан Әбішұлы Назарбаев", ["nursultan abishuly nazarbayev"]),
        # Serbian / Macedonian letters: Serbian Latin first
        ("Ђорђе Вучић", ["djordje vucic", "djordje vuchic"]),
        # Arabic / Persian
        ("محمد", ["muhammad", "mohammed", "mohamed", "mohammad"]),
        ("عبد الله", ["abdullah", "abd allah", "abdallah"]),
        ("عبدالله", ["abdullah", "abd allah", "abdallah"]),
        ("عبد الرحمن", ["abd al rahman", "abdul rahman", "abdulrahman", "abdurrahman"]),
        ("البغدادي", ["al baghdadi", "albaghdadi", "el baghdadi"]),
        ("الرشيد", ["al rashid", "ar rashid", "alrashid"]),
        ("أسامة بن لادن", ["usama bin ladin", "osama ben laden"]),
        ("حسين", ["husayn", "hussein", "hussain", "husain", "hossein"]),
        ("پرویز", ["parviz", "pervez"]),
        # Persian: the zero-width non-joiner inside a word, and the ending typed apart
        ("علی خامنه‌ای", ["ali khamenei"]),
        ("علی خامنه ای", ["ali khamenei"]),
        # a given name + the nisba ی (-i), after a long vowel یی (-ei)
        ("حسینی", ["husayni", "hosseini"]),
        ("محمدی", ["muhammadi", "mohammadi"]),
        ("رضایی", ["rezaei", "rezai"]),
        # the nisba وی: -avi in Persian, -awi in Arabic; Persian و, ض are v, z
        ("موسوی", ["musavi", "mousavi"]),
        ("بدوي", ["badawi"]),
        ("خسروی", ["khasravi"]),
        ("وحید", ["vahid"]),
        # compound given names written as one word; a Persian name's final ه and ق
        ("غلامعلی رشید", ["ghulam ali rashid", "gholam ali rasheed"]),
        ("محمد مقیسه", ["muhammad maghiseh"]),
        ("محمد باقر قالیباف", ["mohammad baghar ghalibaf"]),
        # an initial ain before a consonant; compound names joined as Latin writes them
        ("جمال عكاشة", ["jamal akasha"]),
        ("نور الدين", ["nur al din", "nooruddin", "noureddine"]),
        ("ضياء الرحمن", ["zia ur rahman", "ziyaurrahman"]),
        # Chinese: syllables separated, given name joined, all joined
        ("习近平", ["xi jin ping", "xi jinping", "xijinping"]),
        ("李明", ["li ming", "liming"]),
        # Wade-Giles for two- and three-character names
        ("蒋经国", ["jiang jingguo", "chiang chingkuo"]),
        ("毛泽东", ["mao zedong", "mao tsetung"]),
        ("李登辉", ["li denghui", "li tenghui"]),
        ("曾庆红", ["zeng qing hong", "zeng qinghong"]),
        # Chinese organisation names: glossary words in English, the rest joined
        ("华为技术有限公司", ["hua wei ji shu you xian gong si", "huawei technologies co ltd"]),
        ("小米集团", ["xiao mi ji tuan", "xiaomi group"]),
        ("中国移动通信集团有限公司", ["china mobile communications group co ltd"]),
        # Korean
        ("김정은", ["kim jeong eun", "kim jong un", "kim jongun", "gim jeong eun"]),
        ("박지성", ["park ji seong", "park ji sung", "pak ji seong"]),
        ("이민호", ["lee min ho", "yi min ho", "ri min ho"]),
        ("최룡해", ["choi ryong hae", "choe ryong hae"]),
        ("박봉주", ["park bong ju", "pak pong ju"]),
        ("리병철", ["ri pyong chol", "ri byeong cheol"]),
        # Japanese
        ("山田太郎", ["yamada taro"]),
        ("村上春樹", ["murakami haruki"]),
        ("中村美咲", ["nakamura misaki"]),
        ("桑原和樹", ["kuwabara kazuki"]),
        ("やまだ たろう", ["yamada tarou", "yamada taro"]),
        # Greek, Hebrew, Thai
        ("Αλέξανδρος", ["alexandros", "alexander"]),
        ("Νικόλαος", ["nikolaos"]),
        ("משה", ["moshe"]),
        ("דוד", ["david"]),
        ("สมชาย", ["somchai"]),
        # Devanagari with the inherent vowel
        ("नरेन्द्र मोदी", ["narendra modi"]),
        ("मुकेश अंबानी", ["mukesh ambani"]),
        ("राहुल गांधी", ["rahul gandhi"]),
        # Latin
        ("Müller", ["muller", "mueller"]),
        ("al-Qaida", ["al qaida", "alqaida"]),
        ("O'Brien", ["obrien", "o brien"]),
        ("Brigade Forty-Four", ["brigade forty four", "brigade 44"]),
        ("Three Percenters", ["three percenters", "3 percenters"]),
        # Korean names in Chinese characters, Arabic X + Allah
        ("金正恩", ["jin zheng en", "kim jong un", "kim jeong eun"]),
        ("崔龍海", ["choe ryong hae"]),
        ("حسن نصر الله", ["hasan nasrallah", "hassan nasr allah"]),
        # Georgian (apostrophes of ejectives do not split words)
        ("ნიკოლოზ", ["nikoloz"]),
    ],
)
def test_expected_spellings_are_among_variants(original: str, expected: list[str]) -> None:
    variants = name_variants(original)
    missing = [e for e in expected if e not in variants]
    assert not missing, f"{original}: {missing} not in {variants}"


@pytest.mark.parametrize(
    "text",
    ["Владимир Владимирович Путин", "محمد بن سلمان آل سعود", "习近平", "김정은", "Sergei", ""],
)
def test_variant_list_contract(text: str) -> None:
    variants = name_variants(text)
    assert variants[0] == latinize(text)
    assert 1 <= len(variants) <= MAX_VARIANTS
    assert len(set(variants)) == len(variants)
    for v in variants:
        assert v.isascii() and v == v.lower() and "  " not in v


def test_variants_returns_a_fresh_list() -> None:
    first = name_variants("Сергей")
    first.append("mutated")
    assert "mutated" not in name_variants("Сергей")


def test_mixed_script_name_keeps_each_part() -> None:
    variants = name_variants("OOO Ромашка")
    assert variants[0] == "ooo romashka"
    assert all(v.startswith("ooo ") for v in variants)


def test_numbers_and_roman_numerals_stay() -> None:
    assert name_variants("OCEAN STAR II") == ["ocean star ii"]
    assert latinize("Boeing 747") == "boeing 747"


def test_data_tables_have_no_duplicate_keys() -> None:
    # YAML keeps the last of two equal keys silently; a duplicate is always a mistake.
    from tamis.text.tables import DATA

    for path in DATA.glob("*.yml"):
        keys: list[tuple[str, str]] = []
        section = ""
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line or line.lstrip().startswith(("#", "-")) or ":" not in line:
                continue
            key = line.split(":", 1)[0]
            if line.startswith("  "):
                keys.append((section, key.strip()))
            else:
                section = key
                keys.append(("", key))
        duplicates = {k for k in keys if keys.count(k) > 1}
        assert not duplicates, f"{path.name}: {duplicates}"


@pytest.mark.parametrize(
    ("pinyin", "wade_giles"),
    [("zhi", "chih"), ("si", "ssu"), ("xiong", "hsiung"), ("qing", "ching"), ("guo", "kuo"),
     ("duo", "to"), ("ge", "ko"), ("de", "te"), ("gui", "kuei"), ("shui", "shui"),
     ("yan", "yen"), ("jie", "chieh"), ("ren", "jen"), ("cai", "tsai"), ("bian", "pien")],
)  # fmt: skip
def test_wade_giles_syllables(pinyin: str, wade_giles: str) -> None:
    from tamis.text.wadegiles import syllable

    assert syllable(pinyin) == wade_giles
