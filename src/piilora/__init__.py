"""piilora: teach a small language model to mask PII, with LoRA.

``import piilora`` is light: torch and transformers load only when a model is
used. Heavy names below are imported on first access.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from piilora.errors import AdapterError, ConfigError, DataError, PiiloraError, PluginError
from piilora.hookspecs import hookimpl
from piilora.types import EntitySample, MaskResult, Replacement, Span, spans_from_records
from piilora.version import __version__

__all__ = [
    "AdapterConfig",
    "AdapterError",
    "ConfigError",
    "DataError",
    "EntityGenerator",
    "EntitySample",
    "MaskResult",
    "PiiloraError",
    "PlaceholderScheme",
    "PluginError",
    "Redactor",
    "Replacement",
    "Restorer",
    "Span",
    "TrainConfig",
    "Trainer",
    "__version__",
    "create_plugin_manager",
    "evaluate",
    "generate_corpus",
    "hookimpl",
    "load_records",
    "mask_spans",
    "restore",
    "restore_stream",
    "spans_from_records",
]

# name -> module that defines it; resolved on first attribute access (PEP 562).
_LAZY = {
    "AdapterConfig": "piilora.config",
    "EntityGenerator": "piilora.entities.base",
    "Redactor": "piilora.redactor",
    "TrainConfig": "piilora.config",
    "Trainer": "piilora.training",
    "evaluate": "piilora.evaluation",
    "PlaceholderScheme": "piilora.placeholders.base",
    "create_plugin_manager": "piilora.plugins",
    "generate_corpus": "piilora.data.synth",
    "load_records": "piilora.data.loaders",
    "mask_spans": "piilora.placeholders",
    "restore": "piilora.placeholders.base",
    "Restorer": "piilora.placeholders.stream",
    "restore_stream": "piilora.placeholders.stream",
}

if TYPE_CHECKING:
    from piilora.config import AdapterConfig, TrainConfig
    from piilora.data.loaders import load_records
    from piilora.data.synth import generate_corpus
    from piilora.entities.base import EntityGenerator
    from piilora.evaluation import evaluate
    from piilora.placeholders import mask_spans
    from piilora.placeholders.base import PlaceholderScheme, restore
    from piilora.placeholders.stream import Restorer, restore_stream
    from piilora.plugins import create_plugin_manager
    from piilora.redactor import Redactor
    from piilora.training import Trainer


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'piilora' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
