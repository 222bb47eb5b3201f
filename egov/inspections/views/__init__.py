"""Inspection pages: parse input, call one action or query, render."""
