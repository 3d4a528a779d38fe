"""Matching engine (being written)."""
