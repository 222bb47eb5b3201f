"""The only writes of the one-stop-shop: one function per verb (see the modules)."""
