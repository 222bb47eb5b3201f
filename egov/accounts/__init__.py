"""Identity: users, login, two-factor authentication, lockout, API tokens."""
