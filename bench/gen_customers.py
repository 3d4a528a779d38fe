"""Deterministic generator of a customer file for the batch benchmarks.

``python -m bench.gen_customers N OUT.csv [--seed 7] [--positives 300]``
writes N customers (``customer_id, full_name, date_of_birth, country, type``)
with names from many cultures and scripts: Latin European, Hispanic, Arabic in
Latin and Arabic script, Russian in Latin and Cyrillic, Chinese in pinyin and
Han, Korean in Latin and Hangul, Indian, African, Turkish, Vietnamese,
Japanese, plus companies. A few hundred rows are names of listed entities,
perturbed (typo, re-ordering, transliteration variant, "LAST, First"), planted
as positives; ``OUT.csv.positives.jsonl`` gives each one's row id and
expected entity id. One row in 5,000 is deliberately bad (empty name or
unparseable date) to exercise the errors file. Same seed, same file.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
from collections.abc import Iterable
from pathlib import Path

import orjson
from anyascii import anyascii

from tamis.model import Entity

LATIN = {
    "en": (
        "John Michael David James Sarah Emma Olivia William Thomas Emily Jessica Daniel "
        "Matthew Laura Hannah Oliver George Charlotte Amelia Henry",
        "Smith Johnson Brown Taylor Wilson Davies Evans Walker Wright Robinson Thompson "
        "White Hughes Edwards Green Hall Wood Harris Clarke Jackson",
    ),
    "de": (
        "Lukas Anna Jonas Lea Felix Lena Maximilian Sophie Paul Marie Leon Hannah Finn "
        "Johanna Elias Klara Moritz Greta Jakob Frieda",
        "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch "
        "Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun",
    ),
    "fr": (
        "Jean Marie Pierre Camille Louis Chloé Antoine Manon Hugo Léa Julien Inès Nicolas "
        "Margaux Théo Élodie Mathieu Céline Baptiste Amandine",
        "Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent "
        "Lefèvre Michel Garcia Fournier Girard Bonnet Dupont Lambert",
    ),
    "es": (
        "José María Juan Carmen Luis Ana Carlos Lucía Javier Isabel Miguel Elena Alejandro "
        "Sofía Diego Valentina Fernando Gabriela Andrés Paula",
        "García Rodríguez González Fernández López Martínez Sánchez Pérez Gómez Díaz "
        "Hernández Álvarez Moreno Muñoz Romero Navarro Torres Ramírez Ruiz Vargas",
    ),
    "in": (
        "Aarav Priya Rahul Ananya Vikram Sneha Arjun Kavya Rohan Pooja Siddharth Neha Amit "
        "Divya Karan Meera Sanjay Lakshmi Rajesh Deepika",
        "Sharma Patel Singh Kumar Gupta Reddy Iyer Nair Mehta Joshi Desai Rao Chopra Malhotra "
        "Bose Chatterjee Pillai Menon Agarwal Kapoor",
    ),
    "ng": (
        "Chinedu Ngozi Oluwaseun Amaka Emeka Folake Tunde Chiamaka Ifeanyi Aisha Babatunde "
        "Funmilayo Kwame Akosua Kofi Abena Thabo Nomvula Sipho Wanjiru",
        "Okafor Adeyemi Okonkwo Balogun Eze Nwosu Abubakar Mensah Asante Boateng Owusu "
        "Nkosi Dlamini Mokoena Kamau Otieno Mwangi Diallo Traoré Keita",
    ),
    "tr": (
        "Mehmet Ayşe Mustafa Fatma Emre Zeynep Burak Elif Can Merve Serkan Esra Murat Büşra "
        "Oğuz Derya Kemal Selin Hakan Gül",
        "Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan "
        "Kılıç Aslan Çetin Kara Koç Kurt Özkan Şimşek",
    ),
    "vn": (
        "Anh Minh Linh Huong Tuan Lan Duc Mai Hung Thao Quang Ngoc Long Trang Phuong Hai "
        "Thanh Dung Khanh Vy",
        "Nguyen Tran Le Pham Hoang Huynh Phan Vu Vo Dang Bui Do Ho Ngo Duong Ly",
    ),
    "jp": (
        "Haruto Yui Sota Aoi Riku Hina Yuto Sakura Kaito Mio Takumi Rin Ren Yuna Hiroshi "
        "Keiko Kenji Yuki Takeshi Naoko",
        "Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida "
        "Yamada Sasaki Yamaguchi Matsumoto Inoue Kimura Hayashi Shimizu Mori",
    ),
}
COUNTRIES = {
    "en": ("gb", "us", "ie", "au", "ca"),
    "de": ("de", "at", "ch"),
    "fr": ("fr", "be", "ch", "ca"),
    "es": ("es", "mx", "ar", "co", "pe", "cl"),
    "in": ("in",),
    "ng": ("ng", "gh", "za", "ke", "ml"),
    "tr": ("tr",),
    "vn": ("vn",),
    "jp": ("jp",),
    "ar": ("eg", "sa", "ae", "jo", "lb", "ma", "iq"),
    "ru": ("ru", "by", "kz"),
    "zh": ("cn", "tw", "sg"),
    "ko": ("kr",),
}
ARABIC = (
    [
        ("Muhammad", "محمد"),
        ("Ahmed", "أحمد"),
        ("Ali", "علي"),
        ("Omar", "عمر"),
        ("Khalid", "خالد"),
        ("Youssef", "يوسف"),
        ("Hassan", "حسن"),
        ("Ibrahim", "إبراهيم"),
        ("Mahmoud", "محمود"),
        ("Fatima", "فاطمة"),
        ("Aisha", "عائشة"),
        ("Mariam", "مريم"),
        ("Layla", "ليلى"),
        ("Noor", "نور"),
        ("Salma", "سلمى"),
        ("Zainab", "زينب"),
        ("Tariq", "طارق"),
        ("Samir", "سمير"),
        ("Karim", "كريم"),
        ("Rania", "رانيا"),
    ],
    [
        ("Al-Rashid", "الراشد"),
        ("Haddad", "حداد"),
        ("Khoury", "خوري"),
        ("Nasser", "ناصر"),
        ("Saleh", "صالح"),
        ("Mansour", "منصور"),
        ("Hamdan", "حمدان"),
        ("Aziz", "عزيز"),
        ("Qasim", "قاسم"),
        ("Darwish", "درويش"),
        ("Sultan", "سلطان"),
        ("Farouk", "فاروق"),
        ("Habib", "حبيب"),
        ("Jaber", "جابر"),
        ("Barakat", "بركات"),
        ("Yassin", "ياسين"),
    ],
)
CYRILLIC = (
    "Александр Дмитрий Максим Сергей Андрей Алексей Иван Наталья Елена Ольга Татьяна "
    "Мария Анна Ирина Светлана Екатерина Николай Михаил Юлия Владислав",
    "Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров "
    "Морозов Волков Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев",
)
HAN = (
    "王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗",
    "伟 芳 娜 秀英 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀兰 霞 晓明 建华 志强 海燕",
)
HANGUL = (
    "김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황",
    "민준 서연 도윤 지우 하준 서윤 시우 하은 주원 지민 준서 수아 예준 지아 현우 민서",
)
COMPANY = (
    "Global Nordic Pacific Atlantic Golden Silver Green Blue Eastern Western Royal United "
    "Alpha Delta Summit Horizon Evergreen Sunrise Crescent Meridian Phoenix Titan",
    "Trading Logistics Holdings Textiles Foods Energy Shipping Software Metals Pharma "
    "Construction Consulting Motors Electronics Agro Minerals Capital Ventures",
    "Ltd LLC GmbH S.A. SARL Inc. Co., Ltd. AB B.V. S.p.A. Pty Ltd OOO JSC A.S.",
)
SUBSTITUTIONS = [
    ("ou", "u"),
    ("kh", "h"),
    ("sh", "ch"),
    ("y", "i"),
    ("ei", "ey"),
    ("j", "dj"),
    ("ph", "f"),
    ("ck", "k"),
    ("oo", "u"),
    ("ee", "i"),
    ("ia", "iya"),
    ("v", "w"),
    ("u", "ou"),
    ("i", "y"),
    ("c", "k"),
    ("q", "k"),
    ("dh", "d"),
    ("th", "t"),
]


def _words(text: str) -> list[str]:
    return text.split()


def _latin_tokens(text: str) -> str:
    return " ".join(anyascii(tok).capitalize() for tok in text.split())


def person_name(rng: random.Random) -> tuple[str, str]:
    """A random person's name and a country code."""
    culture = rng.choice([*LATIN, "ar", "ar", "ru", "ru", "zh", "zh", "ko"])
    country = rng.choice(COUNTRIES[culture])
    if culture in LATIN:
        first, last = (_words(s) for s in LATIN[culture])
        name = f"{rng.choice(first)} {rng.choice(last)}"
        if culture == "es":
            name += f" {rng.choice(last)}"
        elif rng.random() < 0.2:
            name = f"{rng.choice(first)} {name}"
        return name, country
    native = rng.random() < 0.5
    if culture == "ar":
        given, family = rng.choice(ARABIC[0]), rng.choice(ARABIC[1])
        return (f"{given[1]} {family[1]}" if native else f"{given[0]} {family[0]}"), country
    if culture == "ru":
        first, last = (rng.choice(_words(s)) for s in CYRILLIC)
        return (f"{first} {last}" if native else _latin_tokens(f"{first} {last}")), country
    if culture == "zh":
        family, given = (rng.choice(_words(s)) for s in HAN)
        if native:
            return family + given, country
        return f"{anyascii(family)} {anyascii(given).capitalize()}", country
    family, given = (rng.choice(_words(s)) for s in HANGUL)
    if native:
        return family + given, country
    return f"{anyascii(family)} {anyascii(given).capitalize()}", country


def company_name(rng: random.Random) -> tuple[str, str]:
    words, kinds = (_words(s) for s in COMPANY[:2])
    form = rng.choice(re.findall(r"Co\., Ltd\.|Pty Ltd|\S+", COMPANY[2]))
    country = rng.choice([c for codes in COUNTRIES.values() for c in codes])
    return f"{rng.choice(words)} {rng.choice(kinds)} {form}", country


def perturb(name: str, rng: random.Random) -> tuple[str, str]:
    """A realistic variant of a listed name and the kind of change made."""
    tokens = name.replace(",", " ").split()
    kind = rng.choices(["typo", "reorder", "translit", "last-first"], [35, 30, 25, 10])[0]
    if kind == "reorder" and len(tokens) >= 2:
        return " ".join(tokens[1:] + tokens[:1]), kind
    if kind == "last-first" and len(tokens) >= 2:
        return f"{tokens[-1].upper()}, {' '.join(t.capitalize() for t in tokens[:-1])}", kind
    if kind == "translit":
        lowered = name.lower()
        options = [(a, b) for a, b in SUBSTITUTIONS if a in lowered]
        if options:
            a, b = rng.choice(options)
            start = lowered.index(a)
            replaced = name[:start] + b + name[start + len(a) :]
            return (replaced if name[start : start + 1].islower() else replaced.title()), kind
    long_tokens = [i for i, t in enumerate(tokens) if len(t) >= 5]
    if not long_tokens:
        return " ".join(reversed(tokens)), "reorder"
    index = rng.choice(long_tokens)
    token = tokens[index]
    pos = rng.randrange(1, len(token) - 1)
    edit = rng.choice(["swap", "drop", "double"])
    if edit == "swap":
        token = token[:pos] + token[pos + 1] + token[pos] + token[pos + 2 :]
    elif edit == "drop":
        token = token[:pos] + token[pos + 1 :]
    else:
        token = token[:pos] + token[pos] + token[pos:]
    tokens[index] = token
    return " ".join(tokens), "typo"


def pick_positives(entities: Iterable[Entity], count: int, seed: int) -> list[Entity]:
    """Listed people and organisations with a multi-word Latin name, sampled by seed."""
    usable = sorted(
        (e for e in entities
         if e.schema in ("Person", "Organization", "Company", "LegalEntity")
         and len(e.caption.split()) >= 2 and e.caption.isascii() and len(e.caption) <= 60),
        key=lambda e: e.id,
    )  # fmt: skip
    return random.Random(seed).sample(usable, min(count, len(usable)))


def generate(
    rows: int, path: Path, entities: Iterable[Entity] = (), seed: int = 7, positives: int = 300
) -> list[dict[str, str]]:
    """Write the customer file; return the planted positives (also written beside it)."""
    rng = random.Random(seed)
    chosen = pick_positives(entities, positives, seed) if positives else []
    slots = dict(zip(sorted(rng.sample(range(rows), min(len(chosen), rows))), chosen, strict=False))
    planted: list[dict[str, str]] = []
    with open(path, "w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["customer_id", "full_name", "date_of_birth", "country", "type"])
        for number in range(rows):
            row_id = f"C{number:08d}"
            dob = f"{rng.randint(1940, 2005)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            if number in slots:
                entity = slots[number]
                name, kind = perturb(entity.caption, rng)
                planted.append(
                    {
                        "row_id": row_id,
                        "entity_id": entity.id,
                        "name": name,
                        "original": entity.caption,
                        "perturbation": kind,
                    }
                )
                schema = "person" if entity.schema == "Person" else "company"
                out.writerow([row_id, name, "", "", schema])
                continue
            if rng.random() < 0.1:
                name, country = company_name(rng)
                out.writerow([row_id, name, "", country, "company"])
                continue
            name, country = person_name(rng)
            if number % 5000 == 4999:  # the deliberately bad rows
                name, dob = ("", dob) if number % 10000 == 9999 else (name, "31/31/1999")
            out.writerow([row_id, name, dob, country, "person"])
    with open(path.with_name(path.name + ".positives.jsonl"), "wb") as fh:
        fh.writelines(orjson.dumps(p) + b"\n" for p in planted)
    return planted


def store_entities() -> list[Entity]:
    """The bundled lists, loaded into the configured store if needed."""
    from tamis.store import open_store
    from tamis.store.bundled import load_bundled

    store = open_store()
    load_bundled(store)
    return list(store.entities())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("rows", type=int)
    parser.add_argument("output", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--positives", type=int, default=300)
    args = parser.parse_args()
    entities = store_entities() if args.positives else []
    planted = generate(args.rows, args.output, entities, args.seed, args.positives)
    print(f"{args.rows:,} rows, {len(planted)} planted positives -> {args.output}")


if __name__ == "__main__":
    main()
