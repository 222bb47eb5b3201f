"""KT-XH reporting benchmark: ``python -m bench.reporting [--quick] [--scale S]``."""
