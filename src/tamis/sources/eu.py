"""Parser module (being written)."""
