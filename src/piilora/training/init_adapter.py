"""Starting from a trained adapter (``TrainConfig.init_adapter``) instead of a fresh LoRA init.

The adapter is named by a directory, or ``"default"`` for the one shipped in the package. Its
shape and scaling must match the run's :class:`~piilora.config.AdapterConfig` (a mismatch is
refused naming each field); its weights are copied into the fresh PEFT model exactly, and the
run records where it started (:data:`INIT_FILE`, and ``init_adapter`` in ``piilora.json``).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from piilora.adapters import ADAPTER_CONFIG, ADAPTER_META, ADAPTER_WEIGHTS, DEFAULT_ADAPTER, missing_adapter_files
from piilora.config import AdapterConfig
from piilora.errors import ConfigError

__all__ = [
    "INIT_FILE",
    "adapter_config_of",
    "check_init_fits",
    "init_adapter_config",
    "init_adapter_dir",
    "init_provenance",
    "load_init_weights",
]

#: The run's record of the adapter its LoRA weights started from (``init_adapter`` runs only).
INIT_FILE = "init_adapter.json"

# (PEFT adapter_config.json key, AdapterConfig field) pairs that must agree
_LORA_FIELDS = (("r", "r"), ("lora_alpha", "alpha"), ("use_rslora", "use_rslora"), ("use_dora", "use_dora"))


def init_adapter_dir(spec: str | None) -> Path | None:
    """The adapter dir ``TrainConfig.init_adapter`` names (``"default"``: the shipped one)."""
    if spec is None:
        return None
    directory = DEFAULT_ADAPTER if spec == "default" else Path(spec).expanduser()
    missing = missing_adapter_files(directory)
    if missing:
        raise ConfigError(
            f"TrainConfig.init_adapter: {directory} is not a PEFT adapter dir (missing {', '.join(missing)})"
        )
    return directory


def init_adapter_config(spec: str | None) -> AdapterConfig | None:
    """The AdapterConfig of the adapter ``TrainConfig.init_adapter`` names (``None`` for none)."""
    directory = init_adapter_dir(spec)
    return None if directory is None else adapter_config_of(directory)


def adapter_config_of(directory: Path) -> AdapterConfig:
    """An adapter's AdapterConfig: its piilora.json's, else read from its PEFT config."""
    meta = directory / ADAPTER_META
    if meta.is_file() and "adapter_config" in (recorded := _read_json(meta)):
        return AdapterConfig.from_dict(recorded["adapter_config"])
    peft = _read_json(directory / ADAPTER_CONFIG)
    return AdapterConfig(
        r=int(peft["r"]),
        alpha=peft["lora_alpha"],
        target_modules=tuple(sorted(peft["target_modules"])),
        use_rslora=bool(peft.get("use_rslora", False)),
        use_dora=bool(peft.get("use_dora", False)),
    )


def check_init_fits(directory: Path, config: AdapterConfig) -> None:
    """Refuse an init adapter whose shape or scaling differs from ``config`` (naming each field)."""
    if config.init in ("pissa", "olora"):
        raise ConfigError(f"TrainConfig.init_adapter cannot be combined with AdapterConfig.init={config.init!r}")
    peft = _read_json(directory / ADAPTER_CONFIG)
    diffs = [
        f"{ours}: adapter {peft.get(theirs)!r}, AdapterConfig {getattr(config, ours)!r}"
        for theirs, ours in _LORA_FIELDS
        if peft.get(theirs, False) != getattr(config, ours)
    ]
    if sorted(peft.get("target_modules") or []) != sorted(config.target_modules):
        diffs.append(f"target_modules: adapter {sorted(peft.get('target_modules') or [])}, "
                     f"AdapterConfig {sorted(config.target_modules)}")  # fmt: skip
    if diffs:
        raise ConfigError(f"TrainConfig.init_adapter {directory} does not match the AdapterConfig: {'; '.join(diffs)}")


def load_init_weights(model: Any, directory: Path) -> None:
    """Copy the init adapter's LoRA weights into the fresh PEFT model (every LoRA tensor, exactly)."""
    from peft import set_peft_model_state_dict
    from safetensors.torch import load_file

    state = load_file(str(directory / ADAPTER_WEIGHTS))
    try:
        result: Any = set_peft_model_state_dict(model, state)
    except RuntimeError as exc:  # shape mismatch: another base model
        raise ConfigError(f"TrainConfig.init_adapter {directory} does not fit the base model: {exc}") from None
    missing = [k for k in result.missing_keys if "lora_" in k]
    if result.unexpected_keys or missing:
        raise ConfigError(
            f"TrainConfig.init_adapter {directory} does not fit the base model: "
            f"{len(missing)} LoRA weights missing, {len(result.unexpected_keys)} unexpected"
        )


def init_provenance(directory: Path, spec: str | None) -> dict[str, Any]:
    """What :data:`INIT_FILE` records: the name given, the weights' sha256, the piilora version."""
    digest = hashlib.sha256((directory / ADAPTER_WEIGHTS).read_bytes()).hexdigest()
    meta = directory / ADAPTER_META
    recorded = _read_json(meta) if meta.is_file() else {}
    return {"name": spec, "sha256": digest, "piilora_version": recorded.get("piilora_version")}


def _read_json(path: Path) -> dict[str, Any]:
    try:
        return dict(json.loads(path.read_text()))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"TrainConfig.init_adapter: cannot read {path}: {exc}") from None
