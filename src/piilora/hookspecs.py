"""Plugin hook specifications. These docstrings are the plugin author's reference.

A plugin is any module or object with functions decorated by ``@piilora.hookimpl``;
installed packages are discovered through the ``piilora`` entry-point group::

    [project.entry-points.piilora]
    employee_id = "piilora_employee_id"

Every hook is a *registration* hook: piilora passes a ``register`` callback, the
plugin calls it once per item. Built-in generators and schemes register through
these very hooks. An implementation may accept fewer arguments than the spec.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from piilora.entities.base import EntityGenerator
    from piilora.placeholders.base import PlaceholderScheme

__all__ = ["hookimpl", "hookspec"]

PROJECT = "piilora"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def piilora_register_entity_generators(register: Callable[[EntityGenerator], None]) -> None:
    """Register PII entity generators: call ``register(EntityGenerator(...))`` for each.

    The entity type (``EntityGenerator.entity_type``) must be unique across all
    plugins; a duplicate raises ``PluginError`` naming both plugins.
    """


@hookspec
def piilora_register_placeholder_schemes(register: Callable[[PlaceholderScheme], None]) -> None:
    """Register placeholder schemes: call ``register(PlaceholderScheme(...))`` for each.

    Scheme names are lower_snake and unique across all plugins.
    """
