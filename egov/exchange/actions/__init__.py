"""The only places that write exchange data; one module per verb group."""
