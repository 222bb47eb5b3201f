"""Benchmarks that print figures, one JSON object per line (GUIDE §6); never timed tests.

Each ``bench/<part>.py`` builds its own database on the configured PostgreSQL server, fills
it at ``--scale`` (``--quick`` for a short run) and measures the part's critical reads.
"""
