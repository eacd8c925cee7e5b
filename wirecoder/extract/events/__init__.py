"""PLOVER events: one record per sentence per event the sentence states.

The one public entry is `extract_events(ctx) -> list[Event]`; coder.py walks
a sentence, the other modules of this package are its steps.
"""
from wirecoder.extract.events.coder import extract_events

__all__ = ["extract_events"]
