"""Text normalisation for matching names across scripts and spellings.

Public API (used by :mod:`tamis.matching`; signatures are stable):

- :func:`normalize` — NFKC, case folding, punctuation to spaces, whitespace collapsed.
  Script is preserved.
- :func:`latinize` — ASCII Latin rendering of any script (one canonical form).
- :func:`name_variants` — the canonical latin form plus alternative romanisations
  (Cyrillic systems, Arabic vowel variants, pinyin with and without spaces, ...).
- :func:`tokenize` — normalised latin tokens of a name.
- :func:`detect_script` — dominant script of a string ("Latin", "Cyrillic", "Arabic",
  "Han", "Hangul", "Greek", "Hebrew", ...).
- :mod:`tamis.text.legal_forms` — legal-form table, ``split_legal_forms``, ``compatible``.
- :mod:`tamis.text.phonetic` — ``phonetic_key``, ``soundex``, ``skeleton``.
- :mod:`tamis.text.names` — titles, initials, "LAST, First" order, patronymics,
  ``ORG_STOPWORDS``.
- :mod:`tamis.text.identifiers` — identifier normalisation, IMO/ISIN/LEI check digits.
"""

from tamis.text.normalize import detect_script, latinize, name_variants, normalize, tokenize

__all__ = ["detect_script", "latinize", "name_variants", "normalize", "tokenize"]
