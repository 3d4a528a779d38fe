"""Batch screening (being written)."""
