"""Average LoRA adapters in weight space ("model soup"), optionally back to a small rank.

Fine-tunes of one adapter with different seeds or data orders make partly independent mistakes;
their weight average keeps what they share and averages out what they do not (Wortsman et al.,
*Model soups*, 2022). Averaging the LoRA factors ``A`` and ``B`` separately would not average the
models, so :func:`average_adapters` works on each module's weight update
``delta = scale * B @ A`` (``scale = lora_alpha / r``):

- ``rank=None``: the exact sum ``sum_i w_i * delta_i`` as one LoRA of rank ``sum_i r_i`` (the
  factors stacked: ``A = [A_1; A_2; ...]``, ``B = [w_1 s_1 B_1, w_2 s_2 B_2, ...]``).
- ``rank=k``: the best rank-``k`` approximation of that sum (a truncated SVD, computed on the
  stacked factors' QR cores, so the full ``out x in`` matrix is never formed). Adapters that
  started from one another differ little and the loss is tiny: the shipped default's three
  members, rank 16 each, average to a rank-16 adapter with 0.08% relative error at worst.

The result is an ordinary PEFT adapter directory (``adapter_model.safetensors``,
``adapter_config.json``) with the first member's ``piilora.json`` (less its training metrics,
which do not describe the average) extended by a ``soup`` record (each member's sha256, weight
and step, and the truncation error), so :class:`~piilora.Redactor`,
``piilora export`` and ``TrainConfig.init_adapter`` take it like any other adapter.

    from piilora.soup import average_adapters
    average_adapters(["runs/a/adapter", "runs/b/adapter"], "runs/soup", rank=16)
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from piilora.adapters import (
    ADAPTER_CONFIG,
    ADAPTER_META,
    ADAPTER_WEIGHTS,
    atomic_dir,
    missing_adapter_files,
    read_adapter_config,
    write_meta,
)
from piilora.errors import AdapterError, ConfigError

__all__ = ["average_adapters"]


def _load(directory: Path) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    from safetensors.torch import load_file

    missing = missing_adapter_files(directory)
    if missing:
        raise AdapterError(f"{directory} is not a PEFT adapter: {missing[0]} is missing")
    config = read_adapter_config(directory)
    if config.get("peft_type") != "LORA":
        raise AdapterError(f"{directory}: only LoRA adapters can be averaged, not {config.get('peft_type')}")
    if config.get("use_dora") or config.get("rank_pattern") or config.get("alpha_pattern"):
        raise AdapterError(f"{directory}: DoRA adapters and per-module ranks or alphas cannot be averaged")
    meta = json.loads((directory / ADAPTER_META).read_text()) if (directory / ADAPTER_META).is_file() else {}
    return load_file(str(directory / ADAPTER_WEIGHTS)), config, meta


def _scale(config: dict[str, Any]) -> float:
    r, alpha = config["r"], config["lora_alpha"]
    return float(alpha) / (math.sqrt(r) if config.get("use_rslora") else r)


def average_adapters(
    sources: Sequence[str | Path],
    out: str | Path,
    *,
    weights: Sequence[float] | None = None,
    rank: int | None = None,
) -> Path:
    """Write the weighted average of the LoRA adapters in ``sources`` to ``out`` and return it.

    ``weights``: one per source, positive, summing to 1 (default: equal). ``rank``: the rank of
    the result (default: the sum of the members' ranks, an exact average). Every source must be
    a LoRA adapter of the same base model with the same target modules; ``out`` must not exist
    yet or be empty (the result is written to a temporary folder beside it and moved in place).
    """
    import torch
    from safetensors.torch import save_file

    dirs = [Path(s) for s in sources]
    if not dirs:
        raise ConfigError("average_adapters needs at least one adapter")
    if weights is None:
        weights = [1.0 / len(dirs)] * len(dirs)
    if len(weights) != len(dirs):
        raise ConfigError(f"{len(weights)} weights for {len(dirs)} adapters")
    if any(not w > 0 for w in weights) or abs(sum(weights) - 1.0) > 1e-6:
        raise ConfigError("weights must be positive and sum to 1")
    if rank is not None and rank < 1:
        raise ConfigError(f"rank must be a positive number, got {rank}")
    target = Path(out)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ConfigError(f"{target} exists and is not an empty directory")
    members = [_load(d) for d in dirs]
    state0, config0, meta0 = members[0]
    for d, (state, config, _) in zip(dirs[1:], members[1:]):
        if set(state) != set(state0):
            raise AdapterError(f"{d} adapts other modules than {dirs[0]}")
        if config.get("base_model_name_or_path") != config0.get("base_model_name_or_path"):
            raise AdapterError(f"{d} was trained on another base model than {dirs[0]}")
    total_rank = sum(int(c["r"]) for _, c, _ in members)
    keep = total_rank if rank is None else min(rank, total_rank)
    out_scale = float(config0["lora_alpha"]) / int(config0["r"])
    merged: dict[str, Any] = {}
    worst = 0.0
    for key in sorted(state0):
        if ".lora_A." not in key:
            if ".lora_B." not in key:
                raise AdapterError(f"{dirs[0]}: unexpected tensor {key} (only LoRA A/B factors can be averaged)")
            continue
        key_b = key.replace(".lora_A.", ".lora_B.")
        a = torch.cat([s[key].double() for s, _, _ in members], 0)  # (sum r) x in
        b = torch.cat([w * _scale(c) * s[key_b].double() for w, (s, c, _) in zip(weights, members)], 1)
        if keep < total_rank:  # b @ a = qb (rb ra^T) qa^T; truncate the small core's SVD
            qb, rb = torch.linalg.qr(b)
            qa, ra = torch.linalg.qr(a.T)
            u, sv, vh = torch.linalg.svd(rb @ ra.T)
            energy = float((sv**2).sum())
            if energy > 0:
                worst = max(worst, math.sqrt(float((sv[keep:] ** 2).sum()) / energy))
            root = sv[:keep].sqrt()
            b, a = qb @ (u[:, :keep] * root), (root[:, None] * vh[:keep]) @ qa.T
        # the result keeps the first member's alpha / r, so a soup of r=16, alpha=32 adapters is one
        # (and fits the same AdapterConfig, e.g. as TrainConfig.init_adapter)
        merged[key] = a.to(state0[key].dtype).contiguous()
        merged[key_b] = (b / out_scale).to(state0[key_b].dtype).contiguous()
    alpha = out_scale * keep
    config = {**config0, "r": keep, "lora_alpha": int(alpha) if alpha.is_integer() else alpha, "use_rslora": False}
    digests = [hashlib.sha256((d / ADAPTER_WEIGHTS).read_bytes()).hexdigest() for d in dirs]
    meta = dict(meta0)
    meta["metrics"] = {}  # the first member's training metrics do not describe the average: measure it
    if isinstance(meta.get("adapter_config"), dict):
        changed = {"r": keep, "alpha": config["lora_alpha"], "use_rslora": False}
        meta["adapter_config"] = {**meta["adapter_config"], **changed}
    meta["soup"] = {
        "members": [
            {"sha256": digest, "weight": w, "step": m.get("step"), "init_adapter": m.get("init_adapter")}
            for digest, w, (_, _, m) in zip(digests, weights, members)
        ],
        "rank": keep,
        "max_relative_error": round(worst, 6),
    }
    with atomic_dir(target) as tmp:  # an empty ``out`` is replaced, never a partly written one left
        save_file(merged, str(tmp / ADAPTER_WEIGHTS))
        (tmp / ADAPTER_CONFIG).write_text(json.dumps(config, indent=2) + "\n")
        write_meta(tmp, meta)
    return target
