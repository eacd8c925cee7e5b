"""Actors: who is who in one article (the table every other extractor points at).

The one public entry is `extract_actors(ctx) -> ActorTable`; the modules of
this package are the resolver's parts (see resolver.py for the walk).
"""
from wirecoder.extract.actors.resolver import ActorTable, extract_actors

__all__ = ["ActorTable", "extract_actors"]
