from __future__ import annotations

from egov.documents.models import Register, RegisterCounter


def next_number(register: Register, year: int) -> int:
    """The next number of ``register`` in ``year``: 1 on the first call of a year.

    Gap-free and race-free: the counter row is created if missing (``ON CONFLICT DO
    NOTHING``, so two first callers cannot both create it), then locked with ``SELECT …
    FOR UPDATE`` until the caller's transaction ends. A second issuer waits for the first
    to commit or roll back; a rolled-back issue gives its number back. Call inside the
    transaction that saves the numbered document.
    """
    RegisterCounter.objects.bulk_create(
        [RegisterCounter(register=register, year=year, last_number=0)], ignore_conflicts=True
    )
    counter = RegisterCounter.objects.select_for_update().get(register=register, year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number
