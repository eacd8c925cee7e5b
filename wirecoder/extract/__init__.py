"""Extractors: one module per record kind, each reading a parsed Context."""
