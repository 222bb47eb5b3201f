"""Benchmark of the organisation registry at national scale (GUIDE §6).

    .venv/bin/python -m bench.organisations [--scale N] [--quick]

Builds a database of its own (``bench_egov``, dropped and created each run) holding the 34
provinces of 2025, 3,321 communes, 2,000 agencies with their divisions, 100,000 staff with
Vietnamese names, the units' version history (about 10% renamed on 2025-07-01) and two
users: a provincial leader over a whole province and a commune clerk. Then it measures:

(a) visibility lists: count and first page of the staff and of the units in a user's scope,
    the role-assignment lookup included (the per-user cache is cleared every time);
(b) the tree as of a date: the whole country before and after the renames, one province;
(c) staff search without diacritics over every person, first page with the unit, and the
    same search done naively (``unaccent(full_name) ILIKE``, no trigram index) as the peer.

Every latency figure is a p50 and a p95 in milliseconds; the target for each is 50 ms.
See bench/README.md for what each figure means.

The parts: ``reference`` (the country's provinces, departments, names and the typed
searches), ``tree`` (the units and their history), ``staff`` (people, employments, the
measured users), ``build`` (filling the database and checking it), ``measure`` (the
figures) and ``__main__`` (the command).
"""
