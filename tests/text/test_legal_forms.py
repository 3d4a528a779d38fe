"""Legal forms: recognition across jurisdictions and scripts, classes, compatibility."""

from __future__ import annotations

import pytest

from tamis.text import tokenize
from tamis.text.legal_forms import (
    CLASSES,
    _table,
    compatible,
    legal_form_class,
    split_legal_forms,
)


@pytest.mark.parametrize(
    ("name", "core", "classes"),
    [
        ("EMMA CORP", ["emma"], ["corp"]),
        ("CORP", [], ["corp"]),
        ("OOO Ромашка", ["romashka"], ["llc"]),
        ("ООО «Ромашка»", ["romashka"], ["llc"]),
        ("Общество с ограниченной ответственностью Ромашка", ["romashka"], ["llc"]),
        ("obshchestvo s ogranichennoy otvetstvennostyu Romashka", ["romashka"], ["llc"]),
        # English renderings of CIS names keep the form in front
        ("LLC Transoil", ["transoil"], ["llc"]),
        ("L.L.C. Transoil", ["transoil"], ["llc"]),
        ("Ltd. Transoil", ["transoil"], ["llc"]),
        ("LLP Kazakh Oil", ["kazakh", "oil"], ["partnership"]),
        ("PrJSC Azot", ["azot"], ["jsc"]),
        ("ПАО Сбербанк", ["sberbank"], ["jsc"]),
        ("Sberbank PAO", ["sberbank"], ["jsc"]),
        ("Rosneft Oil Company OJSC", ["rosneft", "oil"], ["jsc", "corp"]),
        ("Huawei Technologies Co., Ltd.", ["huawei", "technologies"], ["llc"]),
        ("华为技术有限公司", ["hua", "wei", "ji", "shu"], ["llc"]),
        ("中国石油股份有限公司", ["zhong", "guo", "shi", "you"], ["jsc"]),
        ("小米集团", ["xiao", "mi"], ["group"]),
        ("Xiaomi Corporation", ["xiaomi"], ["corp"]),
        ("Siemens AG", ["siemens"], ["jsc"]),
        ("Volkswagen Financial Services GmbH", ["volkswagen", "financial", "services"], ["llc"]),
        ("Xyz Holding GmbH & Co. KG", ["xyz"], ["partnership", "group"]),
        ("Banco Santander, S.A.", ["banco", "santander"], ["jsc"]),
        ("Fiat S.p.A.", ["fiat"], ["jsc"]),
        ("Shell plc", ["shell"], ["jsc"]),
        ("Acme Sp. z o.o.", ["acme"], ["llc"]),
        ("Petrol Ofisi A.Ş.", ["petrol", "ofisi"], ["jsc"]),
        ("Koc Ltd. Şti.", ["koc"], ["llc"]),
        ("Tata Consultancy Pvt Ltd", ["tata", "consultancy"], ["llc"]),
        ("DBS Pte. Ltd.", ["dbs"], ["llc"]),
        ("Emirates Trading FZE", ["emirates", "trading"], ["llc"]),
        ("トヨタ 株式会社", ["toyota"], ["jsc"]),
        ("삼성전자 주식회사", ["sam", "seong", "jeon", "ja"], ["jsc"]),
        ("شركة النفط", ["al", "naft"], ["corp"]),
        ("Al Rashid Trust", ["al", "rashid"], ["trust"]),
        (
            "Wafa Humanitarian Organization Foundation",
            ["wafa", "humanitarian", "organization"],
            ["foundation"],
        ),
        ("ИП Иванов", ["ivanov"], ["sole"]),
        ("ФГУП Рособоронэкспорт", ["rosoboroneksport"], ["state"]),
        ("LIMITED LIABILITY COMPANY ISKUSSTVO KRASOTY", ["iskusstvo", "krasoty"], ["llc"]),
        ("Акционерное общество Муромский завод", ["muromskiy", "zavod"], ["jsc"]),
        ("JOINT STOCK COMPANY TACTICAL MISSILES CORP", ["tactical", "missiles"], ["corp", "jsc"]),
        ("Ocean Star II", ["ocean", "star", "ii"], []),
        ("Boeing 747", ["boeing", "747"], []),
        ("Trading Company of Iran", ["trading", "company", "of", "iran"], []),
    ],
)
def test_split_legal_forms(name: str, core: list[str], classes: list[str]) -> None:
    assert split_legal_forms(tokenize(name)) == (core, classes)


def test_input_list_is_not_modified() -> None:
    tokens = ["emma", "corp"]
    split_legal_forms(tokens)
    assert tokens == ["emma", "corp"]


def test_every_form_maps_to_a_known_class() -> None:
    table = _table()
    assert set(table.suffix.values()) <= set(CLASSES)
    assert len(table.suffix) > 500


def test_legal_form_class() -> None:
    assert legal_form_class(["co", "ltd"]) == "llc"
    assert legal_form_class(["you", "xian", "gong", "si"]) == "llc"
    assert legal_form_class(["emma"]) is None


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (["llc"], ["jsc"], True),
        (["corp"], ["llc"], True),
        (["group"], ["jsc"], True),
        ([], ["foundation"], True),
        (["foundation"], ["corp"], False),
        (["foundation"], ["association"], True),
        (["cooperative"], ["jsc"], False),
        (["cooperative"], ["association"], True),
        (["trust"], ["llc"], False),
    ],
)
def test_compatible(a: list[str], b: list[str], expected: bool) -> None:
    assert compatible(a, b) is expected
    assert compatible(b, a) is expected
