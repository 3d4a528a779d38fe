"""Versioned list store (being written)."""
