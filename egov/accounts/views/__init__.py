"""Screens of the accounts app: login, two-factor, passwords, API tokens."""
