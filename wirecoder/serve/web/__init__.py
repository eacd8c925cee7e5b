"""The analyst's dashboard: static files (plain ES modules, no build step) served at `/`.

The page reads only the public /api. The world map's country outlines are
`static/world.json`, built once from pinned npm packages by
tools/worldmap (see the README); nothing is fetched from outside at run time.
"""
from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

STATIC = Path(__file__).with_name("static")


def mount(app: FastAPI) -> None:
    """Serve the dashboard at `/` (after every API route, which match first)."""
    app.mount("/", StaticFiles(directory=STATIC, html=True), name="dashboard")
