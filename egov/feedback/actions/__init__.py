"""The only code that writes feedback items, their answers and the routing rules."""
