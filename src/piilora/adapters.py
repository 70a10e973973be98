"""The adapter directory's metadata (``piilora.json``): reading it safely and choosing the base.

An adapter directory may come from anywhere (a colleague, a model hub, a ticket attachment),
so its metadata is data, not instructions: a malformed ``piilora.json`` raises
:class:`~piilora.errors.AdapterError` naming the file and the field, and the base model it
names is loaded only when it is the packaged default or the caller asked for it
(``base_model=...`` or ``trust_adapter_base=True``). Otherwise an untrusted directory could
make the loader fetch any hub id or read any local path.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from piilora.errors import AdapterError

__all__ = ["ADAPTER_META", "check_base", "choose_base", "read_meta"]

#: The piilora metadata file of an adapter (or merged model) directory.
ADAPTER_META = "piilora.json"


def read_meta(directory: str | Path) -> dict[str, Any]:
    """``piilora.json`` of ``directory`` (``{}`` when there is none), with the fields piilora
    reads checked for type; anything malformed raises :class:`AdapterError` naming file and field."""
    path = Path(directory) / ADAPTER_META
    if not path.exists():
        return {}
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise AdapterError(f"{path}: cannot be read ({type(exc).__name__})") from None
    except json.JSONDecodeError as exc:
        raise AdapterError(f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno})") from None
    if not isinstance(meta, dict):
        raise AdapterError(f"{path}: must hold a JSON object, not {type(meta).__name__}")
    base = meta.get("base_model")
    if base is not None:
        if not isinstance(base, dict):
            raise AdapterError(f"{path}: field 'base_model' must be an object, not {type(base).__name__}")
        name = base.get("name")
        if name is not None and (not isinstance(name, str) or not name):
            raise AdapterError(f"{path}: field 'base_model.name' must be a non-empty string")
    types = meta.get("entity_types")
    if types is not None and (not isinstance(types, list) or not all(isinstance(t, str) and t for t in types)):
        raise AdapterError(f"{path}: field 'entity_types' must be a list of non-empty strings")
    for key in ("adapter_config", "train_config", "metrics"):
        if meta.get(key) is not None and not isinstance(meta[key], dict):
            raise AdapterError(f"{path}: field {key!r} must be an object, not {type(meta[key]).__name__}")
    return meta


def check_base(meta: Mapping[str, Any], base_model: str | Path | None) -> None:
    """Refuse an adapter trained on another base than the one it would be merged into."""
    recorded = meta.get("base_model") or {}
    if base_model is None or not recorded.get("name"):
        return
    from piilora.model import DEFAULT_BASE

    asked = str(base_model)
    if recorded["name"] != asked and not (recorded["name"] == DEFAULT_BASE and asked in ("default", DEFAULT_BASE)):
        raise AdapterError(
            f"the adapter was trained on base model {recorded['name']!r}, not {asked!r}; "
            "pass the base it was trained on"
        )


def choose_base(
    directory: Path, meta: Mapping[str, Any], base_model: str | Path | None, *, trust_adapter_base: bool = False
) -> str | Path | None:
    """The base to merge the adapter of ``directory`` into (``None``: the packaged default).

    The caller's ``base_model`` wins (it must match what the adapter records). Without it the
    recorded base is used only when it is the packaged default, or when the caller trusts the
    directory (``trust_adapter_base=True``)."""
    from piilora.model import DEFAULT_BASE

    check_base(meta, base_model)
    if base_model is not None:
        return None if str(base_model) in ("default", DEFAULT_BASE) else base_model
    recorded = (meta.get("base_model") or {}).get("name")
    if recorded in (None, DEFAULT_BASE):
        return None
    if not trust_adapter_base:
        raise AdapterError(
            f"{directory / ADAPTER_META} names base model {recorded!r}, which is not the packaged default; "
            "pass base_model= (or --base-model) naming it, or trust_adapter_base=True if you trust this directory"
        )
    return str(recorded)
