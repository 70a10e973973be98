"""The adapter directory format, in one place: file names, ``piilora.json``, atomic writes,
the packaged default adapter, and the base-model check.

An adapter directory holds PEFT's standard files (:data:`ADAPTER_WEIGHTS`,
:data:`ADAPTER_CONFIG`), so any PEFT user can load it, plus piilora's metadata
(:data:`ADAPTER_META`, written by :func:`write_meta`: sorted keys, 2-space indent) and
optionally a model card (:data:`MODEL_CARD`). ``piilora.json`` records ``piilora_version``,
``adapter_config``, ``train_config``, ``prompt_format_version``, ``entity_types``,
``plugins``, ``base_model``, ``precision``, ``step`` and ``metrics`` (the Trainer), and where
they apply ``init_adapter`` (the adapter training started from), ``soup``
(:func:`piilora.soup.average_adapters`), ``merged`` (a merged export) and ``trained_on``.
Directories are written with :func:`atomic_dir`, so a reader never sees a half-written one.

An adapter directory may come from anywhere (a colleague, a model hub, a ticket attachment),
so its metadata is data, not instructions: a malformed ``piilora.json`` raises
:class:`~piilora.errors.AdapterError` naming the file and the field, and the base model it
names is loaded only when it is the packaged default or the caller asked for it
(``base_model=...`` or ``trust_adapter_base=True``). Otherwise an untrusted directory could
make the loader fetch any hub id or read any local path.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from piilora.errors import AdapterError

__all__ = [
    "ADAPTER_CONFIG",
    "ADAPTER_FILES",
    "ADAPTER_META",
    "ADAPTER_WEIGHTS",
    "DEFAULT_ADAPTER",
    "MODEL_CARD",
    "atomic_dir",
    "atomic_write",
    "check_base",
    "choose_base",
    "meta_text",
    "missing_adapter_files",
    "read_adapter_config",
    "read_meta",
    "save_peft",
    "write_adapter",
    "write_meta",
]

#: The adapter shipped inside the package (trained by ``scripts/train_default.py``).
DEFAULT_ADAPTER = Path(__file__).resolve().parent / "default_adapter"
#: PEFT's standard file names: the LoRA weights and the LoRA config.
ADAPTER_WEIGHTS = "adapter_model.safetensors"
ADAPTER_CONFIG = "adapter_config.json"
#: The files without which a directory is not a PEFT adapter.
ADAPTER_FILES: tuple[str, ...] = (ADAPTER_WEIGHTS, ADAPTER_CONFIG)
#: The piilora metadata file of an adapter (or merged model) directory.
ADAPTER_META = "piilora.json"
#: The model card of an adapter (or export) directory.
MODEL_CARD = "README.md"


# -- reading --------------------------------------------------------------------------------
def missing_adapter_files(directory: Path) -> list[str]:
    """The standard PEFT files (:data:`ADAPTER_FILES`) that ``directory`` lacks (``[]``: none)."""
    return [name for name in ADAPTER_FILES if not (directory / name).is_file()]


def read_adapter_config(directory: Path) -> dict[str, Any]:
    """The PEFT LoRA config (``adapter_config.json``) of ``directory``, as a dict."""
    return dict(json.loads((directory / ADAPTER_CONFIG).read_text()))


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


# -- writing --------------------------------------------------------------------------------
def meta_text(meta: Mapping[str, Any]) -> str:
    """``piilora.json``'s text: sorted keys, 2-space indent, one trailing newline."""
    return json.dumps(meta, indent=2, sort_keys=True, default=str) + "\n"


def write_meta(directory: Path, meta: Mapping[str, Any]) -> Path:
    """Write ``meta`` as ``directory/piilora.json`` (inside an :func:`atomic_dir`, or replacing it)."""
    path = directory / ADAPTER_META
    path.write_text(meta_text(meta))
    return path


def save_peft(model: Any, directory: Path) -> None:
    """``model.save_pretrained`` for a PEFT model, offline: piilora never resizes the vocabulary,
    so peft's ``save_embedding_layers="auto"`` check (it fetches the base model's config from the
    hub, a DNS failure and a warning on an air-gapped machine, or a hang) is skipped."""
    model.save_pretrained(str(directory), safe_serialization=True, save_embedding_layers=False)


def write_adapter(model: Any, directory: Path, meta: Mapping[str, Any]) -> None:
    """Save a PEFT adapter (standard file names) plus ``piilora.json``, atomically."""
    with atomic_dir(directory) as tmp:
        save_peft(model, tmp)
        write_meta(tmp, meta)


def atomic_write(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a synced temporary sibling and a rename: a reader sees
    the old file or the new one, never a part."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def atomic_dir(target: Path) -> Iterator[Path]:
    """Yield a temporary sibling directory; on success it replaces ``target``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".tmp-{target.name}.", dir=target.parent))
    try:
        yield tmp
        old = target.with_name(f".old-{target.name}")
        if target.exists():
            os.replace(target, old)
        os.replace(tmp, target)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
