"""The only code that writes e-office data. One module per part of the work."""
