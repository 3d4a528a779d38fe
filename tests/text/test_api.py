"""The public API of tamis.text that the matcher and the front doors rely on."""

from __future__ import annotations

import inspect

import tamis.text
from tamis.text import identifiers, legal_forms, names, phonetic


def test_exported_names() -> None:
    assert tamis.text.__all__ == [
        "detect_script",
        "latinize",
        "name_variants",
        "normalize",
        "tokenize",
    ]


def _params(func: object) -> list[str]:
    return list(inspect.signature(func).parameters)  # type: ignore[arg-type]


def test_signatures() -> None:
    assert _params(tamis.text.normalize) == ["text"]
    assert _params(tamis.text.latinize) == ["text"]
    assert _params(tamis.text.name_variants) == ["text"]
    assert _params(tamis.text.tokenize) == ["text"]
    assert _params(tamis.text.detect_script) == ["text"]
    assert _params(phonetic.phonetic_key) == ["token"]
    assert _params(phonetic.soundex) == ["token"]
    assert _params(legal_forms.split_legal_forms) == ["tokens"]
    assert _params(legal_forms.compatible) == ["classes_a", "classes_b"]
    assert _params(names.strip_titles) == ["tokens"]
    assert _params(names.reorder_comma_name) == ["name"]
    assert _params(names.is_patronymic) == ["token"]
    assert _params(names.is_initial) == ["token"]
    assert isinstance(names.ORG_STOPWORDS, frozenset)
    assert _params(identifiers.normalize_identifier) == ["value"]
    assert _params(identifiers.identifier_kind) == ["value"]
    for check in (identifiers.is_valid_imo, identifiers.is_valid_isin, identifiers.is_valid_lei):
        assert _params(check) == ["value"]


def test_every_public_function_is_documented() -> None:
    modules = [tamis.text, phonetic, legal_forms, names, identifiers]
    for module in modules:
        for name in dir(module):
            obj = getattr(module, name)
            if name.startswith("_") or not callable(obj) or inspect.isclass(obj):
                continue
            if getattr(obj, "__module__", "").startswith("tamis.text"):
                assert inspect.getdoc(obj), f"{module.__name__}.{name} has no docstring"
