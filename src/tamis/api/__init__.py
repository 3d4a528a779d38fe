"""HTTP API (being written)."""
