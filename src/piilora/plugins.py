"""The plugin manager: hook specs, built-ins, entry points, and conflict checks.

Nothing here is global state that tests mutate: :func:`create_plugin_manager`
returns a fresh manager, and every public API accepts ``plugin_manager=`` to use
one. :func:`default_plugin_manager` caches one manager for callers that pass none.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

import pluggy

from piilora import hookspecs
from piilora.entities.base import EntityGenerator
from piilora.errors import PluginError
from piilora.placeholders.base import PlaceholderScheme

__all__ = [
    "DISABLE_AUTOLOAD_ENV",
    "ENTRY_POINT_GROUP",
    "PluginInfo",
    "create_plugin_manager",
    "default_plugin_manager",
    "entity_generators",
    "placeholder_schemes",
    "plugin_infos",
]

ENTRY_POINT_GROUP = "piilora"
DISABLE_AUTOLOAD_ENV = "PIILORA_DISABLE_PLUGIN_AUTOLOAD"
_BUILTIN_MODULES = ("piilora.entities.builtin", "piilora.placeholders.builtin")

T = TypeVar("T")


def _autoload_disabled() -> bool:
    return os.environ.get(DISABLE_AUTOLOAD_ENV, "").strip().lower() not in ("", "0", "false", "no")


def create_plugin_manager(
    *, autoload: bool | None = None, plugins: Iterable[object] = (), builtins: bool = True
) -> pluggy.PluginManager:
    """A fresh plugin manager with the hook specs, built-ins and installed plugins.

    ``autoload=None`` loads entry points unless ``PIILORA_DISABLE_PLUGIN_AUTOLOAD``
    is set; ``plugins`` are extra plugin objects/modules to register (handy in
    tests and scripts).
    """
    import importlib

    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    if builtins:
        for name in _BUILTIN_MODULES:
            pm.register(importlib.import_module(name), name=name)
    if autoload is None:
        autoload = not _autoload_disabled()
    if autoload:
        try:
            pm.load_setuptools_entrypoints(ENTRY_POINT_GROUP)
        except Exception as exc:  # a broken plugin must not look like a piilora bug
            raise PluginError(f"failed to load a plugin from entry-point group 'piilora': {exc}") from exc
    for plugin in plugins:
        pm.register(plugin)
    return pm


@functools.lru_cache(maxsize=1)
def default_plugin_manager() -> pluggy.PluginManager:
    """The process-wide manager used when no ``plugin_manager`` is passed."""
    return create_plugin_manager()


def _collect(
    pm: pluggy.PluginManager, hook_name: str, key: Callable[[Any], str], kind: str, cls: type[T]
) -> dict[str, tuple[T, str]]:
    """Call one registration hook per plugin, so every item knows its plugin."""
    found: dict[str, tuple[T, str]] = {}
    caller = getattr(pm.hook, hook_name)
    # get_hookimpls() lists impls in registration order: built-ins first, then plugins.
    for impl in caller.get_hookimpls():
        plugin_name = impl.plugin_name

        def register(item: T, _plugin: str = plugin_name) -> None:
            if not isinstance(item, cls):
                raise PluginError(f"plugin {_plugin!r} registered a {type(item).__name__}, expected {cls.__name__}")
            name = key(item)
            if name in found:
                raise PluginError(
                    f"{kind} {name!r} is registered by both plugin {found[name][1]!r} and plugin {_plugin!r}"
                )
            found[name] = (item, _plugin)

        kwargs = {arg: register for arg in impl.argnames if arg == "register"}
        impl.function(**kwargs)
    return found


def entity_generators(pm: pluggy.PluginManager | None = None) -> dict[str, EntityGenerator]:
    """All entity generators by entity type (built-ins first, then plugins)."""
    pm = pm or default_plugin_manager()
    found = _collect(pm, "piilora_register_entity_generators", lambda g: g.entity_type, "entity type", EntityGenerator)
    return {name: item for name, (item, _) in found.items()}


def placeholder_schemes(pm: pluggy.PluginManager | None = None) -> dict[str, PlaceholderScheme]:
    """All placeholder schemes by name."""
    pm = pm or default_plugin_manager()
    found = _collect(
        pm, "piilora_register_placeholder_schemes", lambda s: s.name, "placeholder scheme", PlaceholderScheme
    )
    return {name: item for name, (item, _) in found.items()}


@dataclass(frozen=True)
class PluginInfo:
    """One registered plugin: its name, distribution and what it registers."""

    name: str
    distribution: str | None
    version: str | None
    entity_types: tuple[str, ...]
    schemes: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "distribution": self.distribution,
            "version": self.version,
            "entity_types": list(self.entity_types),
            "schemes": list(self.schemes),
        }


def plugin_infos(pm: pluggy.PluginManager | None = None) -> list[PluginInfo]:
    """Describe every plugin (built-ins included) for ``piilora plugins``."""
    from importlib.metadata import version as dist_version

    pm = pm or default_plugin_manager()
    gens = _collect(pm, "piilora_register_entity_generators", lambda g: g.entity_type, "entity type", EntityGenerator)
    schemes = _collect(
        pm, "piilora_register_placeholder_schemes", lambda s: s.name, "placeholder scheme", PlaceholderScheme
    )
    dists = {pm.get_name(plugin): dist for plugin, dist in pm.list_plugin_distinfo()}
    infos = []
    for plugin in pm.get_plugins():
        name = pm.get_name(plugin) or repr(plugin)
        dist = dists.get(name)
        if dist is not None:
            dist_name, dist_ver = dist.project_name, dist.version
        elif name in _BUILTIN_MODULES:
            dist_name, dist_ver = "piilora", dist_version("piilora")
        else:
            dist_name, dist_ver = None, None
        infos.append(
            PluginInfo(
                name=name,
                distribution=dist_name,
                version=dist_ver,
                entity_types=tuple(k for k, (_, p) in gens.items() if p == name),
                schemes=tuple(k for k, (_, p) in schemes.items() if p == name),
            )
        )
    infos.sort(key=lambda i: (i.name not in _BUILTIN_MODULES, i.name))
    return infos
