"""Configuration: frozen, validated dataclasses that round-trip through JSON.

Each field is documented once, in the class docstring. ``from_dict`` rejects
unknown keys by name (a typo must not silently fall back to a default) unless
``strict=False``, in which case it warns: that is how a config written by a
newer piilora is read by an older one.
"""

from __future__ import annotations

import dataclasses
import json
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TypeVar, get_args

from piilora.errors import ConfigError

__all__ = ["DEFAULT_TARGET_MODULES", "RESUMABLE_FIELDS", "AdapterConfig", "TrainConfig"]

#: All linear projections of Gemma 3's attention and MLP blocks.
DEFAULT_TARGET_MODULES: tuple[str, ...] = (
    "q_proj",
    "k_proj",
    "v_proj",
    "o_proj",
    "gate_proj",
    "up_proj",
    "down_proj",
)
InitMethod = Literal["default", "gaussian", "pissa", "olora", "orthogonal"]
Precision = Literal["auto", "bf16", "fp32"]

C = TypeVar("C", bound="_Config")


class _Config:
    """JSON round trip shared by the config classes."""

    def to_dict(self) -> dict[str, Any]:
        out = dataclasses.asdict(self)  # type: ignore[call-overload]
        return {k: list(v) if isinstance(v, tuple) else v for k, v in sorted(out.items())}

    @classmethod
    def from_dict(cls: type[C], data: Mapping[str, Any], *, strict: bool = True) -> C:
        names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
        unknown = sorted(set(data) - names)
        if unknown:
            msg = f"{cls.__name__}: unknown key(s) {', '.join(map(repr, unknown))}"
            if strict:
                raise ConfigError(msg)
            warnings.warn(msg + " (ignored; written by a newer piilora?)", stacklevel=2)
        kwargs = {}
        for f in dataclasses.fields(cls):  # type: ignore[arg-type]
            if f.name in data:
                value = data[f.name]
                kwargs[f.name] = tuple(value) if isinstance(value, list) else value
        return cls(**kwargs)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls: type[C], path: str | Path, *, strict: bool = True) -> C:
        try:
            data = json.loads(Path(path).read_text())
        except (OSError, json.JSONDecodeError) as exc:
            raise ConfigError(f"cannot read {cls.__name__} from {path}: {exc}") from exc
        return cls.from_dict(data, strict=strict)

    def replace(self: C, **changes: Any) -> C:
        return dataclasses.replace(self, **changes)  # type: ignore[type-var]


def _check_choice(owner: str, name: str, value: Any, literal: Any) -> None:
    choices = get_args(literal)
    if value not in choices:
        raise ConfigError(f"{owner}.{name} must be one of {', '.join(map(repr, choices))}, got {value!r}")


def _check_type(owner: str, name: str, value: Any, types: type | tuple[type, ...]) -> None:
    if isinstance(value, bool) and bool not in (types if isinstance(types, tuple) else (types,)):
        raise ConfigError(f"{owner}.{name} must be a number, got a bool")
    if not isinstance(value, types):
        raise ConfigError(f"{owner}.{name} has the wrong type {type(value).__name__}")


@dataclass(frozen=True)
class AdapterConfig(_Config):
    """The LoRA adapter.

    r: rank of the update matrices.
    alpha: scaling numerator (``alpha / r``, or ``alpha / sqrt(r)`` with rsLoRA).
    dropout: dropout on the LoRA input during training (0 by default: on CPU the dropout masks
      cost ~30% of step time, and corpus variety, not dropout, is what generalises here).
    target_modules: module names that get LoRA (default: every attention and MLP projection).
    use_rslora: rank-stabilised scaling ``alpha / sqrt(r)``.
    use_dora: weight-decomposed LoRA (DoRA); slower, cannot be exported as a GGUF LoRA.
    init: initialisation of the LoRA matrices: peft's ``default`` (Kaiming A, zero B),
      ``gaussian``, ``pissa``, ``olora`` or ``orthogonal``.
    """

    r: int = 16
    alpha: int = 32
    dropout: float = 0.0
    target_modules: tuple[str, ...] = DEFAULT_TARGET_MODULES
    use_rslora: bool = False
    use_dora: bool = False
    init: InitMethod = "default"

    def __post_init__(self) -> None:
        owner = "AdapterConfig"
        _check_type(owner, "r", self.r, int)
        _check_type(owner, "alpha", self.alpha, (int, float))
        _check_type(owner, "dropout", self.dropout, (int, float))
        if not 1 <= self.r <= 1024:
            raise ConfigError(f"AdapterConfig.r must be in [1, 1024], got {self.r}")
        if self.alpha <= 0:
            raise ConfigError(f"AdapterConfig.alpha must be > 0, got {self.alpha}")
        if not 0.0 <= self.dropout < 1.0:
            raise ConfigError(f"AdapterConfig.dropout must be in [0, 1), got {self.dropout}")
        if isinstance(self.target_modules, str) or not self.target_modules:
            raise ConfigError("AdapterConfig.target_modules must be a non-empty list of module names")
        if len(set(self.target_modules)) != len(self.target_modules):
            raise ConfigError("AdapterConfig.target_modules has duplicates")
        _check_choice(owner, "init", self.init, InitMethod)
        if self.use_dora and self.init in ("pissa", "olora"):
            raise ConfigError(f"AdapterConfig.use_dora cannot be combined with init={self.init!r}")

    @property
    def scaling(self) -> float:
        return float(self.alpha) / (self.r**0.5 if self.use_rslora else self.r)

    def to_peft(self) -> Any:
        """The equivalent ``peft.LoraConfig`` for a causal LM."""
        from peft import LoraConfig, TaskType

        init: Any = True if self.init == "default" else self.init
        return LoraConfig(
            task_type=TaskType.CAUSAL_LM,
            r=self.r,
            lora_alpha=self.alpha,
            lora_dropout=self.dropout,
            target_modules=list(self.target_modules),
            use_rslora=self.use_rslora,
            use_dora=self.use_dora,
            init_lora_weights=init,
            bias="none",
        )


@dataclass(frozen=True)
class TrainConfig(_Config):
    """Supervised fine-tuning.

    base_model: ``None`` for the default Gemma 3 270M (offline), a local HF dir, a ``.gguf`` or a hub id.
    max_steps: optimizer steps to run (one step = one global batch).
    schedule_steps: length of the learning-rate schedule (``None``: ``max_steps``). Set it above
      ``max_steps`` to run the first part of a longer schedule exactly (same rates, same data order).
    batch_size: examples per optimizer step, over all processes (the global batch).
    micro_batch_size: examples per forward pass per process; gradient accumulation makes up the rest.
    learning_rate: peak learning rate (AdamW) after warmup.
    warmup_steps: linear warmup steps; then cosine decay to ``min_lr_ratio * learning_rate``.
    min_lr_ratio: floor of the cosine schedule as a share of the peak.
    weight_decay: AdamW weight decay on LoRA matrices.
    max_grad_norm: gradient clipping threshold (0 disables clipping).
    max_length: longest tokenised example (prompt + answer); longer answers are cut.
    seed: seeds data order, LoRA init and dropout.
    precision: ``bf16`` keeps frozen base weights in bf16 and runs matmuls under bf16 autocast
      (LoRA weights and optimizer stay fp32); ``auto`` picks bf16 where the hardware has it.
    eval_every: evaluate every N steps (0: only at the end).
    eval_batches: validation batches for ``eval/loss``.
    eval_generate: validation texts greedily masked for ``eval/exact_match`` (0 disables).
    early_stopping_patience: stop after N evaluations without a better ``eval/loss`` (0: never).
    early_stopping_min_delta: how much lower ``eval/loss`` must be to count as better.
    save_every: checkpoint every N steps (0: only at the end).
    keep_last: checkpoints kept on disk (the best one is kept too).
    log_every: log metrics every N steps.
    length_grouping: batch examples of similar length together (less padding).
    group_size: batches per length-sorted group (bigger = less padding, less randomness).
    head_chunk: answer tokens per chunk of the chunked LM head + cross-entropy.
    compile: ``torch.compile`` the transformer body: ~1.7x faster steps after a one-off compile of
      ~90 s on a 2-core CPU. ``None`` (auto) compiles when ``max_steps >= 100`` and a C++ compiler exists.
    num_threads: torch intra-op threads per process (0: leave torch's default).
    init_adapter: start the LoRA weights from a trained adapter instead of a fresh init:
      ``"default"`` (the shipped one) or an adapter dir. Its rank, alpha and target modules must
      match the ``AdapterConfig``; use it to refine the default adapter on your own data.
    """

    base_model: str | None = None
    max_steps: int = 300
    schedule_steps: int | None = None
    batch_size: int = 8
    micro_batch_size: int = 8
    learning_rate: float = 2e-4
    warmup_steps: int = 20
    min_lr_ratio: float = 0.1
    weight_decay: float = 0.0
    max_grad_norm: float = 1.0
    max_length: int = 512
    seed: int = 0
    precision: Precision = "auto"
    eval_every: int = 50
    eval_batches: int = 8
    eval_generate: int = 16
    early_stopping_patience: int = 0
    early_stopping_min_delta: float = 0.0
    save_every: int = 100
    keep_last: int = 2
    log_every: int = 1
    length_grouping: bool = True
    group_size: int = 32
    head_chunk: int = 256
    compile: bool | None = None
    num_threads: int = 0
    init_adapter: str | None = None

    def __post_init__(self) -> None:
        owner = "TrainConfig"
        ints = (
            "max_steps", "batch_size", "micro_batch_size", "warmup_steps", "max_length", "seed",
            "eval_every", "eval_batches", "eval_generate", "early_stopping_patience", "save_every",
            "keep_last", "log_every", "group_size", "head_chunk", "num_threads",
        )  # fmt: skip
        for name in ints:
            _check_type(owner, name, getattr(self, name), int)
        for name in ("learning_rate", "min_lr_ratio", "weight_decay", "max_grad_norm", "early_stopping_min_delta"):
            _check_type(owner, name, getattr(self, name), (int, float))
        positive = ("max_steps", "batch_size", "micro_batch_size", "max_length", "log_every", "group_size")
        for name in (*positive, "head_chunk"):
            if getattr(self, name) < 1:
                raise ConfigError(f"{owner}.{name} must be >= 1, got {getattr(self, name)}")
        non_negative = ("warmup_steps", "eval_every", "eval_batches", "eval_generate", "save_every")
        for name in (*non_negative, "num_threads"):
            if getattr(self, name) < 0:
                raise ConfigError(f"{owner}.{name} must be >= 0, got {getattr(self, name)}")
        if self.keep_last < 1:
            raise ConfigError(f"{owner}.keep_last must be >= 1, got {self.keep_last}")
        if self.schedule_steps is not None:
            _check_type(owner, "schedule_steps", self.schedule_steps, int)
            if self.schedule_steps < 1:
                raise ConfigError(f"{owner}.schedule_steps must be >= 1, got {self.schedule_steps}")
        if self.micro_batch_size > self.batch_size:
            raise ConfigError(
                f"{owner}.micro_batch_size ({self.micro_batch_size}) must not exceed batch_size ({self.batch_size})"
            )
        if self.batch_size % self.micro_batch_size:
            raise ConfigError(
                f"{owner}.batch_size ({self.batch_size}) must be a multiple of "
                f"micro_batch_size ({self.micro_batch_size})"
            )
        if not self.learning_rate > 0:
            raise ConfigError(f"{owner}.learning_rate must be > 0, got {self.learning_rate}")
        if not 0.0 <= self.min_lr_ratio <= 1.0:
            raise ConfigError(f"{owner}.min_lr_ratio must be in [0, 1], got {self.min_lr_ratio}")
        for name in ("max_grad_norm", "weight_decay", "early_stopping_min_delta"):
            if getattr(self, name) < 0:
                raise ConfigError(f"{owner}.{name} must be >= 0, got {getattr(self, name)}")
        _check_choice(owner, "precision", self.precision, Precision)
        if self.init_adapter is not None:
            _check_type(owner, "init_adapter", self.init_adapter, str)
            if not self.init_adapter.strip():
                raise ConfigError(f"{owner}.init_adapter must be 'default' or an adapter dir, got an empty string")

    def lr_at(self, step: int) -> float:
        """Learning rate for optimizer step ``step`` (0-based): linear warmup, cosine decay."""
        import math

        peak = float(self.learning_rate)
        if self.warmup_steps and step < self.warmup_steps:
            return peak * (step + 1) / self.warmup_steps
        horizon = self.schedule_steps if self.schedule_steps is not None else self.max_steps
        span = max(1, horizon - self.warmup_steps)
        progress = min(1.0, (step - self.warmup_steps) / span)
        floor = peak * self.min_lr_ratio
        return floor + (peak - floor) * 0.5 * (1.0 + math.cos(math.pi * progress))


# Fields that may differ between a run and its resumption (they do not change the math).
RESUMABLE_FIELDS = frozenset(
    {"eval_every", "eval_batches", "eval_generate", "save_every", "keep_last", "log_every", "max_steps",
     "early_stopping_patience", "early_stopping_min_delta", "compile", "num_threads"}
)  # fmt: skip
