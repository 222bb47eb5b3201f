"""Benchmark of the e-office at national scale (GUIDE §6).

    .venv/bin/python -m bench.documents [--scale N] [--quick]

Builds a database of its own (``bench_documents``, dropped and created each run), fills it
with ``manage.py seed_documents``'s generator (1,000,000 documents at scale 1, over 2,000
agencies in the 34 provinces) and measures what the e-office's users wait for:

(a) search: the incoming list as the view runs it (``queries.search_incoming``, a count and
    the first page of 50) for five typed queries, as a provincial leader (the whole province)
    and as the clerk of the busiest agency; the same text queries done naively
    (``unaccent(...) ILIKE`` on the fields, no tsvector) as the peer;
(b) "my work" (``queries.work_queues``) of the busy clerk and the busy leader;
(c) the statistics page (``queries.statistics``) over the last full year;
(d) registration throughput through the real ``actions.incoming.register_incoming``, from
    one process and from four OS processes.

See bench/README.md for what each figure means. The parts: ``measure`` (a–c), ``register``
(d, its worker processes) and ``__main__`` (the command).
"""
