"""Listed short forms of organisation words."""

from __future__ import annotations

from tamis.text.org_words import is_short_form


def test_short_forms():
    assert is_short_form("univ", "university") and is_short_form("university", "univ")
    assert is_short_form("labs", "laboratories")
    assert not is_short_form("univ", "universal")
    assert not is_short_form("lab", "lab")
