"""Named, versioned scoring algorithms. A released algorithm's scores never change."""
