"""The records and their rules: plain Python, no Qt and no SQL, so every front end shares them."""
