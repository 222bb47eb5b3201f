"""Helpers for tests of every app (no models: personas live in organisations.testing)."""
