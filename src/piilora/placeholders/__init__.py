"""Placeholder schemes: how detected spans are replaced, and how to undo it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from piilora.errors import ConfigError
from piilora.placeholders.base import PlaceholderScheme, SchemeContext, apply_scheme, restore
from piilora.placeholders.stream import Restorer, restore_stream
from piilora.types import MaskResult, Span

if TYPE_CHECKING:
    import pluggy

__all__ = ["PlaceholderScheme", "Restorer", "SchemeContext", "apply_scheme", "mask_spans", "restore", "restore_stream"]


def mask_spans(
    text: str,
    spans: Sequence[Span],
    scheme: str = "bracket",
    *,
    plugin_manager: pluggy.PluginManager | None = None,
    **options: Any,
) -> MaskResult:
    """Apply the scheme named ``scheme`` (built-in or from a plugin) to ``spans`` of ``text``."""
    from piilora.plugins import entity_generators, placeholder_schemes

    schemes = placeholder_schemes(plugin_manager)
    if scheme not in schemes:
        raise ConfigError(f"unknown placeholder scheme {scheme!r}; known: {', '.join(sorted(schemes))}")
    generators = entity_generators(plugin_manager)
    return apply_scheme(text, spans, schemes[scheme], generators=generators, **options)
