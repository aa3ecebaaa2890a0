"""Table models over the store: each pages from SQL and never holds every row."""
