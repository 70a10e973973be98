"""Checkpoints of a training run: the trainer state, and saving, loading and pruning checkpoints.

The learning rate is a pure function of the step and the batch order one of the seed and the
epoch, so a checkpoint needs only what the loop cannot recompute: the LoRA weights, the AdamW
moments, every process's RNG states, the step and the best evaluation so far (as nanoGPT's
checkpoint is a plain dict of model, optimizer, step and config). Tensors are safetensors and
the rest JSON, never pickle. Layout, under the run's ``output_dir``::

    checkpoints/step-0000012/
        adapter/                   the PEFT adapter (standard file names, no piilora.json)
        optimizer.safetensors      AdamW state as flat tensors
        rng-rank<i>.safetensors    torch (and CUDA) RNG state of process i
        python-rng-rank<i>.json    Python's ``random`` state of process i
        trainer_state.json         step, best evaluation, run identity, train config
    state.json                     which checkpoint is the latest / best (written last, atomically)

A checkpoint is written into ``checkpoints/.staging-step-N`` and renamed into place, and
``state.json`` is replaced atomically afterwards: a run killed at any moment (even ``SIGKILL``)
leaves only complete checkpoints, and progress is read from ``state.json``, never parsed back
out of directory names.
"""

from __future__ import annotations

import json
import logging
import math
import os
import random
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from piilora.adapters import ADAPTER_WEIGHTS, atomic_write, save_peft
from piilora.config import RESUMABLE_FIELDS, TrainConfig
from piilora.errors import ConfigError

if TYPE_CHECKING:
    import torch
    from accelerate import Accelerator

__all__ = [
    "CHECKPOINTS",
    "CHECKPOINT_ADAPTER",
    "CHECKPOINT_STATE",
    "STATE_FILE",
    "TrainerState",
    "checkpoint_dir",
    "chosen_checkpoint",
    "diff_keys",
    "has_checkpoint",
    "load_checkpoint",
    "load_optimizer_tensors",
    "optimizer_tensors",
    "prune_checkpoints",
    "save_checkpoint",
]

log = logging.getLogger(__name__)

#: The run's pointer to its latest and best checkpoint (relative paths) and the latest step.
STATE_FILE = "state.json"
#: The folder of the checkpoints, and inside each checkpoint its adapter folder and state file.
CHECKPOINTS = "checkpoints"
CHECKPOINT_ADAPTER = "adapter"
CHECKPOINT_STATE = "trainer_state.json"
_OPTIMIZER = "optimizer.safetensors"


def _rng_file(rank: int) -> str:
    return f"rng-rank{rank}.safetensors"


def _python_rng_file(rank: int) -> str:
    return f"python-rng-rank{rank}.json"


@dataclass
class TrainerState:
    """What the loop carries from step to step besides weights and optimizer: the number of
    optimizer steps done, and the best evaluation so far (for early stopping and for choosing
    the adapter a run returns)."""

    step: int = 0
    best_loss: float = math.inf
    best_step: int | None = None
    evals_since_best: int = 0

    def track_eval(self, loss: float, min_delta: float) -> bool:
        """Record an evaluation at :attr:`step`; True when it beats the best by more than ``min_delta``."""
        improved = loss < self.best_loss - min_delta
        if improved:
            self.best_loss, self.best_step, self.evals_since_best = loss, self.step, 0
        else:
            self.evals_since_best += 1
        return improved

    def patience_ran_out(self, patience: int) -> bool:
        """True when ``patience`` evaluations in a row did not improve (``0``: never)."""
        return bool(patience and self.evals_since_best >= patience)

    def best_record(self) -> dict[str, Any]:
        """The ``best`` record of ``trainer_state.json``."""
        return {"eval/loss": self.best_loss, "step": self.best_step, "evals_since_best": self.evals_since_best}

    @classmethod
    def from_record(cls, saved: Mapping[str, Any]) -> TrainerState:
        """The state a ``trainer_state.json`` holds."""
        best = saved["best"]
        return cls(
            step=int(saved["step"]),
            best_loss=float(best["eval/loss"]),
            best_step=best["step"],
            evals_since_best=best["evals_since_best"],
        )


def checkpoint_dir(run_dir: Path, step: int) -> Path:
    """The checkpoint folder of ``step``."""
    return run_dir / CHECKPOINTS / f"step-{step:07d}"


def has_checkpoint(run_dir: Path) -> bool:
    """True when ``run_dir`` holds a training run with at least one complete checkpoint."""
    return (run_dir / STATE_FILE).exists()


def chosen_checkpoint(run_dir: Path) -> tuple[Path, int]:
    """The checkpoint a run returns (the best evaluated one, else the latest) and its step."""
    state = json.loads((run_dir / STATE_FILE).read_text())
    chosen = run_dir / (state["best"] or state["latest"])
    step = json.loads((chosen / CHECKPOINT_STATE).read_text())["step"]
    return chosen, int(step)


# -- save ----------------------------------------------------------------------------------
def save_checkpoint(
    accelerator: Accelerator,
    run_dir: Path,
    *,
    model: Any,
    optimizer: Any,
    state: TrainerState,
    run: Mapping[str, Any],
    train_config: Mapping[str, Any],
    keep_last: int,
) -> Path:
    """Write the checkpoint of ``state.step`` (every process writes its RNG states, the main
    process the rest), point ``state.json`` at it and prune older ones to ``keep_last``.

    ``model`` is the unwrapped PEFT model; ``run`` the run's identity (what a resumed run must
    share with this one); ``train_config`` the full config, for the resume-time warning."""
    import torch
    from safetensors.torch import save_file

    acc = accelerator
    target = checkpoint_dir(run_dir, state.step)
    staging = target.with_name(f".staging-{target.name}")
    if acc.is_main_process:
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
    acc.wait_for_everyone()
    rng = {"torch": torch.get_rng_state()}
    if torch.cuda.is_available():
        rng["cuda"] = torch.cuda.get_rng_state()
    save_file(rng, str(staging / _rng_file(acc.process_index)))
    (staging / _python_rng_file(acc.process_index)).write_text(json.dumps(random.getstate()))
    acc.wait_for_everyone()
    if acc.is_main_process:
        save_peft(model, staging / CHECKPOINT_ADAPTER)
        save_file(optimizer_tensors(optimizer), str(staging / _OPTIMIZER))
        record = {"step": state.step, "best": state.best_record(), "run": dict(run), "train_config": dict(train_config)}
        (staging / CHECKPOINT_STATE).write_text(json.dumps(record, indent=2, sort_keys=True, default=str))
        if target.exists():
            shutil.rmtree(target)
        os.replace(staging, target)
        best_dir = checkpoint_dir(run_dir, state.best_step) if state.best_step else None
        atomic_write(
            run_dir / STATE_FILE,
            json.dumps(
                {
                    "latest": str(target.relative_to(run_dir)),
                    "best": str(best_dir.relative_to(run_dir)) if best_dir else None,
                    "step": state.step,
                },
                indent=2,
            ),
        )
        prune_checkpoints(run_dir, keep_last, keep={target, best_dir} - {None})
    acc.wait_for_everyone()
    return target


def prune_checkpoints(run_dir: Path, keep_last: int, keep: set[Any]) -> None:
    """Delete all but the ``keep_last`` newest checkpoints (never one in ``keep``) and leftovers
    of interrupted writes."""
    root = run_dir / CHECKPOINTS
    done = sorted(p for p in root.iterdir() if p.name.startswith("step-"))
    for p in done[:-keep_last]:
        if p not in keep:
            shutil.rmtree(p, ignore_errors=True)
    for p in root.iterdir():
        if p.name.startswith(".staging-") or p.name.startswith(".tmp-"):
            shutil.rmtree(p, ignore_errors=True)


# -- load ----------------------------------------------------------------------------------
def load_checkpoint(
    accelerator: Accelerator,
    run_dir: Path,
    *,
    model: Any,
    optimizer: Any,
    run: Mapping[str, Any],
    config: TrainConfig,
) -> tuple[TrainerState, Path]:
    """Restore the latest checkpoint of ``run_dir`` into ``model`` (the unwrapped PEFT model),
    ``optimizer`` and this process's RNGs; return its state and folder.

    A checkpoint of another run identity (``run``) is refused, naming the fields that differ;
    changed :data:`~piilora.config.RESUMABLE_FIELDS` are allowed with a warning."""
    import torch
    from peft import set_peft_model_state_dict
    from safetensors.torch import load_file

    acc = accelerator
    pointer = json.loads((run_dir / STATE_FILE).read_text())
    ckpt = run_dir / pointer["latest"]
    saved = json.loads((ckpt / CHECKPOINT_STATE).read_text())
    if dict(run) != saved["run"]:
        raise ConfigError(
            f"cannot resume {run_dir}: the checkpoint was made with a different setup "
            f"({', '.join(diff_keys(saved['run'], run))} differ)"
        )
    changed = [k for k in RESUMABLE_FIELDS if saved["train_config"].get(k) != getattr(config, k)]
    if changed:
        log.warning("resuming with changed %s (allowed; the math is unchanged)", ", ".join(sorted(changed)))
    set_peft_model_state_dict(model, load_file(str(ckpt / CHECKPOINT_ADAPTER / ADAPTER_WEIGHTS)))
    load_optimizer_tensors(optimizer, load_file(str(ckpt / _OPTIMIZER)))
    rng = load_file(str(ckpt / _rng_file(acc.process_index)))
    torch.set_rng_state(rng["torch"])
    if "cuda" in rng and torch.cuda.is_available():
        torch.cuda.set_rng_state(rng["cuda"])
    py_state = json.loads((ckpt / _python_rng_file(acc.process_index)).read_text())
    random.setstate((py_state[0], tuple(py_state[1]), py_state[2]))
    return TrainerState.from_record(saved), ckpt


# -- helpers -------------------------------------------------------------------------------
def optimizer_tensors(optimizer: Any) -> dict[str, torch.Tensor]:
    """AdamW state as flat tensors ``"<param index>.<slot>"`` (safetensors, never pickle)."""
    import torch

    out: dict[str, torch.Tensor] = {}
    state = optimizer.state_dict()["state"]
    for idx, slots in state.items():
        for name, value in slots.items():
            tensor = value if isinstance(value, torch.Tensor) else torch.tensor(value)
            out[f"{idx}.{name}"] = tensor.detach().cpu().contiguous()
    return out


def load_optimizer_tensors(optimizer: Any, tensors: Mapping[str, torch.Tensor]) -> None:
    """The inverse of :func:`optimizer_tensors`."""
    sd = optimizer.state_dict()
    state: dict[int, dict[str, Any]] = {}
    for key, value in tensors.items():
        idx, name = key.split(".", 1)
        state.setdefault(int(idx), {})[name] = value
    sd["state"] = state
    optimizer.load_state_dict(sd)


def diff_keys(a: Mapping[str, Any], b: Mapping[str, Any], prefix: str = "") -> list[str]:
    """The dotted keys whose values differ between two nested mappings, sorted."""
    out = []
    for key in sorted(set(a) | set(b)):
        va, vb = a.get(key), b.get(key)
        if isinstance(va, Mapping) and isinstance(vb, Mapping):
            out.extend(diff_keys(va, vb, f"{prefix}{key}."))
        elif va != vb:
            out.append(f"{prefix}{key}")
    return out
