"""Romanisation of Arabic-script names (Arabic, Persian, Dari, Pashto, Urdu).

Arabic writes long vowels only, so a word is romanised in two ways:

- a table of frequent name words (``data/arabic_names.yml``) gives the vowelled spellings
  that lists and customers use (محمد -> muhammad, mohammed, mohamed, mohammad, ...);
- any other word gets a consonant-and-long-vowel rendering (خالد -> khald): و and ي read as
  u/i between consonants and w/y elsewhere; short vowels are added where the text carries
  vowel marks. Two guesses follow: an "a" after an initial consonant cluster's first
  letter (bghdadi -> baghdadi), and an "a" in every consonant cluster (brdr -> baradar).

The article (ال) is kept as a separate "al" token by default, with attached ("alx"), "el"
and sun-letter ("ar rashid") variants. Names with عبد (servant of) are one unit with the
word that follows: عبد الله -> abdullah, abd allah, abdallah, ...; so are compound names
with الدين, الرحمن and الحق, also joined as Latin records write them (نور الدين ->
nur al din, nooruddin, noureddine).

A known name with an ending takes the table's spellings: + ی / ي (the nisba) reads -i
(حسینی -> hosseini), + یی -ei (رضایی -> rezaei), ه + ‌ای -ei (خامنه‌ای -> khamenei); two
known names written as one word are read as two (غلامعلی -> gholam ali). A name with a
letter only Persian writes (پ چ ژ گ ک ی) is read as Persian throughout: و as v, ض ذ ظ
as z, ث as s, ق as gh, a final ه after a consonant as -eh, the ending وی as -avi.
"""

from __future__ import annotations

import re
from functools import cache

from tamis.text.caching import short_string_cache
from tamis.text.tables import load_table

_UNIFY = str.maketrans(
    {
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ې": "ي", "ۍ": "ي",
        "ے": "ي", "ک": "ك", "ګ": "گ", "ة": "ه", "ہ": "ه", "ۀ": "ه", "ھ": "ه", "ـ": None,
        "\u200c": None, "\u200d": None,
    }
)  # fmt: skip

_LETTERS = {
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ٱ": "a", "ء": "", "ؤ": "u", "ئ": "e",
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh",
    "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
    "ع": "", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n",
    "ه": "h", "و": "w", "ي": "y", "ى": "a", "ة": "a", "پ": "p", "چ": "ch", "ژ": "zh",
    "گ": "g", "ک": "k", "ی": "y", "ٹ": "t", "ڈ": "d", "ڑ": "r", "ں": "n", "ہ": "h",
    "ھ": "h", "ے": "e", "ۀ": "a", "ګ": "g", "ښ": "sh", "ځ": "dz", "څ": "ts", "ډ": "d",
    "ړ": "r", "ږ": "zh", "ڼ": "n", "ې": "e", "ۍ": "ay",
}  # fmt: skip
_MARKS = {"\u064e": "a", "\u0650": "i", "\u064f": "u", "\u0652": "", "\u0670": "a"}
_DROP_MARKS = frozenset("\u064b\u064c\u064d\u0651\u0653\u0654\u0655\u0640\u200c\u200d")
# Persian / Urdu forms of letters whose reading rules are those of the Arabic letter.
_PERSIAN_LETTERS = str.maketrans({"ی": "ي", "ې": "ي", "ک": "ك", "ہ": "ه", "ھ": "ه"})
_SUN = frozenset("تثدذرزسشصضطظلن")
_VOWEL_LETTERS = frozenset("اأإآٱىة")


def is_arabic_word(word: str) -> bool:
    """True when the word holds at least one Arabic-script letter."""
    return any("\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" for ch in word)


@short_string_cache(100_000, 40)
def unify(word: str) -> str:
    """Spelling key of a word: vowel marks removed, alef / yeh / teh marbuta forms unified."""
    word = "".join(ch for ch in word if ch not in _MARKS and ch not in _DROP_MARKS)
    return word.translate(_UNIFY)


@cache
def _names() -> dict[str, tuple[str, ...]]:
    table = load_table("arabic_names.yml")
    return {unify(str(k)): tuple(str(v) for v in vs) for k, vs in table.items()}


#: Arabic letters that Persian reads as another sound (رضوی -> razavi, not radawi).
_PERSIAN_SOUNDS = {"ض": "z", "ذ": "z", "ظ": "z", "ث": "s", "ق": "gh"}


def _render(word: str, persian: bool = False) -> str:
    """Consonants and long vowels of one word (no table look-up), read as Persian
    where ``persian``."""
    out: list[str] = []
    chars = [ch for ch in word if ch not in _DROP_MARKS]
    n = len(chars)
    for i, ch in enumerate(chars):
        if ch in _MARKS:
            out.append(_MARKS[ch])
            continue
        prev = chars[i - 1] if i else ""
        nxt = chars[i + 1] if i + 1 < n else ""
        if ch == "و" and 0 < i == n - 2 and nxt == "ي" and prev not in _VOWEL_LETTERS:
            # the nisba ending وي after a consonant: -awi (Badawi), Persian -avi (Mousavi)
            out.append("av" if persian else "aw")
        elif ch in "وي":
            # Persian reads و as a consonant "v" (Vahid, Rezvani), Arabic as "w"
            glide = ("v" if persian else "w") if ch == "و" else "y"
            vowel = "u" if ch == "و" else "i"
            beside_vowel = prev in _VOWEL_LETTERS or nxt in _VOWEL_LETTERS or nxt in _MARKS
            out.append(glide if i == 0 or beside_vowel else vowel)
        elif ch in "هة" and i == n - 1 and i > 0:
            if persian and ch == "ه" and prev not in _VOWEL_LETTERS:
                out.append("eh")  # Persian final ه after a consonant: Fatemeh, Moghiseh
            else:
                out.append("a" if ch == "ة" or prev not in _VOWEL_LETTERS else "h")
        elif ch == "ع" and i == 0 and nxt and nxt not in _VOWEL_LETTERS and nxt not in "وي":
            out.append("a")  # an initial ain before a consonant: Akkasha, Alloush
        elif persian and ch in _PERSIAN_SOUNDS:
            out.append(_PERSIAN_SOUNDS[ch])
        else:
            out.append(_LETTERS.get(ch, ch))
    return "".join(out)


_LATIN_VOWELS = frozenset("aeiou")


def _vowelled_guess(rendered: str) -> str:
    """Add an "a" after a word-initial consonant cluster's first letter (bghdadi -> baghdadi).

    Arabic leaves short vowels unwritten; "a" is the most frequent one, and an initial
    cluster is never pronounced as written.
    """
    if len(rendered) < 3 or rendered[0] in _LATIN_VOWELS:
        return rendered
    head = 2 if rendered[:2] in ("kh", "sh", "th", "dh", "gh", "ch", "zh") else 1
    if len(rendered) > head + 1 and rendered[head] not in _LATIN_VOWELS:
        return rendered[:head] + "a" + rendered[head:]
    return rendered


_GLIDES_AND_VOWELS = frozenset("aeiouwy")
_DIGRAPHS = re.compile(r"kh|sh|th|dh|gh|ch|zh|[a-z]")


def _all_clusters_a(rendered: str) -> str:
    """An "a" between every two consonants (brdr -> baradar): the fully vowelled guess."""
    letters = _DIGRAPHS.findall(rendered)
    out: list[str] = []
    for i, letter in enumerate(letters):
        out.append(letter)
        nxt = letters[i + 1] if i + 1 < len(letters) else ""
        if nxt and letter[0] not in _GLIDES_AND_VOWELS and nxt[0] not in _GLIDES_AND_VOWELS:
            out.append("a")
    return "".join(out)


#: Letters only Persian (and Urdu, Pashto) write: a word with one of them is read as Persian.
_PERSIAN_ONLY = frozenset("یکگچپژ")


@short_string_cache(100_000, 40)
def _word_alternatives(word: str) -> tuple[str, ...]:
    """Spellings of one word without article handling (read as Persian when it has a
    letter only Persian writes)."""
    return _alternatives(word, any(ch in _PERSIAN_ONLY for ch in word))


@short_string_cache(100_000, 40)
def _persian_word_alternatives(word: str) -> tuple[str, ...]:
    """Spellings of one word of a Persian name (another word of it has a Persian letter)."""
    return _alternatives(word, True)


def _alternatives(word: str, persian: bool) -> tuple[str, ...]:
    key = unify(word)
    known = _names().get(key)
    if known:
        return known
    derived = _ending_alternatives(key) or _compound_alternatives(key)
    if derived:
        return derived
    rendered = _render(word.translate(_PERSIAN_LETTERS), persian)
    return tuple(dict.fromkeys((_vowelled_guess(rendered), rendered, _all_clusters_a(rendered))))


def _compound_alternatives(key: str) -> tuple[str, ...]:
    """Spellings of two known names written as one word, as Persian writes compound
    given names (غلامعلی -> gholam ali, محمدجواد -> mohammad javad), or none."""
    names = _names()
    for cut in range(len(key) - 2, 1, -1):
        first, second = names.get(key[:cut]), names.get(key[cut:])
        if first and second:
            count = max(len(first), len(second))
            out = [
                f"{first[min(k, len(first) - 1)]} {second[min(k, len(second) - 1)]}"
                for k in range(count)
            ]
            return tuple(dict.fromkeys([*out, first[0] + second[0]]))
    return ()


def _ending_alternatives(key: str) -> tuple[str, ...]:
    """Spellings of a known name with an ending (``key`` unified), or none.

    Persian and Arabic family names are often a given name + ی / ي ("of", the nisba):
    حسینی -> hosseini, محمدی -> mohammadi; after a long vowel the ending is written یی
    and read -ei or -i (رضایی -> rezaei); a name ending in ه takes it as ‌ای, read -ei
    (خامنه‌ای -> khamenei).
    """
    names = _names()
    if len(key) > 3 and key.endswith("هاي"):
        stem = key[:-3]
        spellings = names.get(stem + "ه") or names.get(stem) or (_render(stem),)
        return tuple(dict.fromkeys(f"{s.removesuffix('h')}ei" for s in spellings))
    if len(key) > 3 and key.endswith("يي") and key[:-2] in names:
        spellings = names[key[:-2]]
        return tuple(dict.fromkeys(x for s in spellings for x in (f"{s}ei", f"{s}i", f"{s}yi")))
    if len(key) > 2 and key.endswith("ي") and key[:-1] in names:
        return tuple(dict.fromkeys(f"{s.removesuffix('i')}i" for s in names[key[:-1]]))
    return ()


def _article_alternatives(word: str) -> tuple[str, ...]:
    """Spellings of a word that starts with the article ال."""
    rest = word[2:]
    key = unify(word)
    if key in _names():
        return _names()[key]
    spellings = _word_alternatives(rest)
    first = spellings[0]
    out = [f"al {s}" for s in spellings] + [f"al{first}", f"el {first}"]
    if rest[:1] in _SUN and first:
        out.append(f"a{first[0]} {first}")
    out.append(first)
    return tuple(dict.fromkeys(out))


def _abd_alternatives(rest: str) -> tuple[str, ...]:
    """Spellings of عبد + the following word (with or without its article)."""
    key = unify(rest)
    if key == "الله":
        return ("abdullah", "abd allah", "abdallah", "abdulla", "abdellah", "abdul allah")
    core = rest[2:] if key.startswith("ال") else rest
    name = _word_alternatives(core)[0]
    out = [f"abd al {name}", f"abdul {name}", f"abdul{name}", f"abdel {name}", f"abd {name}"]
    if core[:1] in _SUN and name:
        out += [f"abd{name[0]}{name}".replace("abd", "abdu", 1)]
    return tuple(dict.fromkeys(out))


def _allah_alternatives(word: str) -> tuple[str, ...]:
    """Spellings of a word + الله written as one name (نصر الله -> nasrallah, nasr allah)."""
    spellings = _word_alternatives(word)
    first = spellings[0]
    out = [f"{first}allah", f"{first} allah", f"{first}ullah"]
    out += [f"{s}allah" for s in spellings[1:]]
    return tuple(dict.fromkeys(out))


#: Second words of compound names (نور الدين, ضياء الرحمن, انعام الحق) and how Latin
#: spellings join them to the first: spaced with "al", joined ("nooruddin"), French-style
#: ("noureddine") or South Asian ("zia ur rahman").
_COMPOUND_ENDINGS = {
    unify("الدين"): ("al din", "uddin", "eddine", "ud din", "eddin", "ad din", "aldin"),
    unify("الرحمن"): ("al rahman", "urrahman", "ur rahman", "errahmane", "ul rahman"),
    unify("الرحمان"): ("al rahman", "urrahman", "ur rahman", "errahmane", "ul rahman"),
    unify("الحق"): ("al haq", "ulhaq", "ul haq", "elhak", "al hakk"),
}


def _compound_name_alternatives(word: str, second: str) -> tuple[str, ...]:
    """Spellings of a name + الدين / الرحمن / الحق written as one compound name."""
    firsts = _word_alternatives(word)
    out = []
    for k, ending in enumerate(_COMPOUND_ENDINGS[second]):
        first = firsts[min(k, len(firsts) - 1)]
        out.append(f"{first} {ending}" if " " in ending else f"{first}{ending}")
    return tuple(dict.fromkeys(out))


def _units(words: list[str]) -> list[tuple[str, ...]]:
    """Group words into romanisation units, each with its alternative spellings."""
    units: list[tuple[str, ...]] = []
    persian = any(ch in _PERSIAN_ONLY for word in words for ch in word)
    i = 0
    while i < len(words):
        word = words[i]
        key = unify(word)
        if key.endswith("ه") and i + 1 < len(words) and unify(words[i + 1]) == "اي":
            # خامنه ای: the ending ‌ای typed as a word of its own
            word, key = word + words[i + 1], key + "اي"
            i += 1
        if not is_arabic_word(word):
            units.append((word,))
        elif key == "عبد" and i + 1 < len(words) and is_arabic_word(words[i + 1]):
            units.append(_abd_alternatives(words[i + 1]))
            i += 1
        elif key.startswith("عبدال") and len(key) > 5:
            units.append(_abd_alternatives(word[3:]))
        elif i + 1 < len(words) and unify(words[i + 1]) == "الله" and key != "الله":
            units.append(_allah_alternatives(word))
            i += 1
        elif (
            i + 1 < len(words)
            and unify(words[i + 1]) in _COMPOUND_ENDINGS
            and not key.startswith("ال")
        ):
            units.append(_compound_name_alternatives(word, unify(words[i + 1])))
            i += 1
        elif key.startswith("ال") and len(key) > 3 and key != "الله":
            units.append(_article_alternatives(word))
        else:
            units.append(_persian_word_alternatives(word) if persian else _word_alternatives(word))
        i += 1
    return units


def romanizations(text: str, limit: int = 8) -> list[str]:
    """Romanisations of normalised Arabic-script text, canonical first (at most ``limit``).

    The i-th variant takes each word's i-th spelling (or its last one when it has fewer),
    so common spellings stay together (mohammed ali, mohamed ali) without a combinatorial
    explosion. Non-Arabic words pass through unchanged.
    """
    units = _units(text.split())
    if not units:
        return [""]
    depth = max(len(u) for u in units)
    padded = [u + (u[-1],) * (depth - len(u)) for u in units]
    out = (" ".join(" ".join(column).split()) for column in zip(*padded, strict=True))
    return list(dict.fromkeys(out))[:limit]
