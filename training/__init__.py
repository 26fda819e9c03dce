"""Commands that fit Frontlines' learned parts from the data in training/data (see README.md)."""
