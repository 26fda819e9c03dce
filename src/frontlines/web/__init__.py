"""The web app: a map of the corpus and a JSON API (`frontlines serve`)."""
from __future__ import annotations

from frontlines.web.app import create_app

__all__ = ["create_app"]
