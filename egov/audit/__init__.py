"""Append-only, hash-chained audit of every write. Use :func:`record` from actions."""
