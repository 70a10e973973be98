"""The installed package's version: one place that internal modules import without going
through ``piilora/__init__.py``."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

__all__ = ["__version__"]

try:
    __version__ = version("piilora")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"
