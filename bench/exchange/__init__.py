"""Benchmark of the inter-agency exchange: three installations on this machine (a hub and
two members, HTTPS, their own databases and workers), see ``__main__``."""
