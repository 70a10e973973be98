"""The run's metrics log, ``metrics.jsonl``: one JSON object per log or eval event (numbers
only: no text, no PII), plus the loss curve drawn from it."""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from piilora.adapters import atomic_write

__all__ = ["LOSS_PLOT", "METRICS_FILE", "append_metrics", "hparam", "last_metrics", "plot_loss", "truncate_metrics"]

log = logging.getLogger(__name__)

METRICS_FILE = "metrics.jsonl"
LOSS_PLOT = "loss.png"


def append_metrics(path: Path, record: Mapping[str, Any]) -> None:
    """Append one event (it holds ``step``) as a line of sorted JSON."""
    with open(path, "a") as fh:
        fh.write(json.dumps(dict(record), sort_keys=True) + "\n")


def truncate_metrics(path: Path, step: int) -> None:
    """Drop metric lines logged after ``step`` (by a run killed before its next checkpoint)."""
    if not path.exists():
        return
    kept = [line for line in path.read_text().splitlines() if line and json.loads(line)["step"] <= step]
    atomic_write(path, "".join(line + "\n" for line in kept))


def last_metrics(path: Path, upto: int | None = None) -> dict[str, Any]:
    """The latest value of every metric logged at steps ``<= upto`` (all steps by default)."""
    out: dict[str, Any] = {}
    if path.exists():
        for line in path.read_text().splitlines():
            if line:
                row = json.loads(line)
                if upto is None or row.get("step", 0) <= upto:
                    out.update({k: v for k, v in row.items() if "/" in k})
    return out


def hparam(value: Any) -> Any:
    """A config value as TensorBoard hparams take it (scalars and strings only)."""
    if isinstance(value, (list, tuple)):
        return ",".join(map(str, value))
    return "none" if value is None else value


def plot_loss(metrics: Path, out: Path) -> None:
    """Draw train and eval loss over steps into ``out`` (skipped without matplotlib)."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        log.info("matplotlib is not installed; no loss.png")
        return
    train: list[tuple[int, float]] = []
    evals: list[tuple[int, float]] = []
    for line in metrics.read_text().splitlines():
        rec = json.loads(line)
        if "train/loss" in rec:
            train.append((rec["step"], rec["train/loss"]))
        if "eval/loss" in rec:
            evals.append((rec["step"], rec["eval/loss"]))
    fig, ax = plt.subplots(figsize=(7, 4), dpi=100)
    if train:
        ax.plot(*zip(*train), label="train/loss", linewidth=1)
    if evals:
        ax.plot(*zip(*evals), "o-", label="eval/loss")
    ax.set_xlabel("step")
    ax.set_ylabel("cross-entropy per answer token")
    ax.set_yscale("log")
    ax.legend()
    ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(out)
    plt.close(fig)
