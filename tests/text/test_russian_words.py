"""Russian organisation names with their common words in English."""

from __future__ import annotations

from tamis.text import name_variants, normalize
from tamis.text.russian_words import translated


def test_glossary_words_in_any_form_and_places_without_their_ending():
    assert translated(normalize("Муромский приборостроительный завод")) == (
        "murom instrument making plant"
    )
    assert translated(normalize("Научно-исследовательский институт автоматической аппаратуры")) == (
        "scientific research institute automatic equipment"
    )
    assert translated(normalize("Московского завода")) == "moscow plant"


def test_names_without_glossary_words_are_not_translated():
    assert translated(normalize("Сергей Лавров")) is None
    assert translated(normalize("Иванов и Петров")) is None  # "and" alone is no translation


def test_the_translation_is_a_second_spelling():
    variants = name_variants("АО «Муромский приборостроительный завод»")
    assert variants[0] == "ao muromskiy priborostroitelnyy zavod"
    assert variants[1] == "ao murom instrument making plant"
