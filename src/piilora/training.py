"""The Trainer: a hand-written Accelerate loop for LoRA supervised fine-tuning.

Read top to bottom: setup (accelerator, model, data, optimizer), then one loop
bounded by ``max_steps``. One optimizer update is a *step* (one global batch);
one forward/backward is a *micro step*. The learning rate is a pure function of
the step (:meth:`TrainConfig.lr_at`), batch order a pure function of the seed and
epoch, so a checkpoint needs only weights, optimizer moments, RNG states and the
step to continue exactly where it stopped.

Speed levers (measured in ``benchmarks/train_throughput.py``): the LM head runs
only on answer positions with a chunked cross-entropy (:mod:`piilora.loss`),
batches are grouped by length, frozen base weights are bf16 under bf16 autocast
while LoRA weights and AdamW moments stay fp32.

Run layout (``output_dir``)::

    adapter/            the result: PEFT adapter + piilora.json + README.md (best eval, else last)
    checkpoints/step-N/ adapter, optimizer.safetensors, rng-rank*.safetensors, trainer_state.json
    state.json          which checkpoint is the latest / best (written last, atomically)
    init_adapter.json   the adapter the LoRA weights started from (``init_adapter`` runs only)
    metrics.jsonl       one JSON object per log/eval event (no text, no PII)
    tensorboard/        Accelerate's TensorBoard tracker, when tensorboard is installed
    loss.png            the loss curve, when matplotlib is installed
"""

from __future__ import annotations

import contextlib
import json
import logging
import math
import os
import random
import shutil
import tempfile
import time
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from piilora.config import RESUMABLE_FIELDS, AdapterConfig, TrainConfig
from piilora.data.batching import EncodedDataset, collate, encode_rows, length_grouped_batches, shard
from piilora.data.loaders import load_split
from piilora.data.prompt import IGNORE_INDEX, PROMPT_FORMAT_VERSION, bracket_target, prompt_ids
from piilora.errors import ConfigError, DataError, TrainingError

if TYPE_CHECKING:
    import pluggy
    import torch
    from accelerate import Accelerator
    from transformers import PreTrainedModel, PreTrainedTokenizerBase

__all__ = ["Trainer", "bf16_supported", "init_adapter_config", "write_adapter"]

log = logging.getLogger(__name__)

ADAPTER_META = "piilora.json"
STATE_FILE = "state.json"
CHECKPOINT_STATE = "trainer_state.json"
INIT_FILE = "init_adapter.json"


def bf16_supported() -> bool:
    """True where bf16 matmuls are fast: a CUDA GPU with bf16, or a CPU with AVX512-BF16/AMX."""
    import torch

    if torch.cuda.is_available():
        return bool(torch.cuda.is_bf16_supported())
    try:
        return bool(torch.ops.mkldnn._is_mkldnn_bf16_supported())
    except (AttributeError, RuntimeError):  # pragma: no cover - older torch
        return False


def _atomic_write(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def _atomic_dir(target: Path) -> Iterator[Path]:
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


def write_adapter(model: Any, directory: Path, meta: Mapping[str, Any]) -> None:
    """Save a PEFT adapter (standard file names) plus ``piilora.json``, atomically."""
    with _atomic_dir(directory) as tmp:
        model.save_pretrained(str(tmp), safe_serialization=True)
        (tmp / ADAPTER_META).write_text(json.dumps(meta, indent=2, sort_keys=True, default=str) + "\n")


def _plugin_distributions(pm: pluggy.PluginManager | None) -> list[dict[str, str]]:
    from piilora.plugins import default_plugin_manager

    pm = pm or default_plugin_manager()
    return sorted(
        ({"name": d.project_name, "version": d.version} for _, d in pm.list_plugin_distinfo()),
        key=lambda d: d["name"],
    )


class Trainer:
    """LoRA supervised fine-tuning of a causal LM to mask PII.

    ``train_data`` / ``eval_data``: rows with ``text`` and ``spans`` (a
    ``datasets.Dataset``, a list of dicts, or a path to a corpus made by
    ``piilora data generate`` whose ``train`` / ``validation`` splits are used).
    ``model`` / ``tokenizer`` override the base named in ``train_config`` (tests
    pass a tiny random Gemma 3). ``resume=True`` continues from the latest
    checkpoint in ``output_dir``; a checkpoint from another config is refused.
    """

    def __init__(
        self,
        adapter_config: AdapterConfig | None = None,
        train_config: TrainConfig | None = None,
        *,
        train_data: Any,
        output_dir: str | Path,
        eval_data: Any = None,
        model: PreTrainedModel | None = None,
        tokenizer: PreTrainedTokenizerBase | None = None,
        resume: bool = False,
        plugin_manager: pluggy.PluginManager | None = None,
        progress: bool = True,
    ) -> None:
        self.config = train_config or TrainConfig()
        self._init_dir = _init_adapter_dir(self.config.init_adapter)
        if self._init_dir is not None:
            adapter_config = adapter_config or _adapter_config_of(self._init_dir)
            _check_init_fits(self._init_dir, adapter_config)
        self.adapter_config = adapter_config or AdapterConfig()
        self.output_dir = Path(output_dir)
        self.resume = resume
        self.progress = progress
        self.plugin_manager = plugin_manager
        self._train_source, self._eval_source = self._resolve_data(train_data, eval_data)
        self._model_arg = model
        self._tokenizer_arg = tokenizer
        self._check_output_dir()

    # -- setup ----------------------------------------------------------------------------
    def _resolve_data(self, train: Any, evaluation: Any) -> tuple[Any, Any]:
        """Paths become datasets: a corpus dir gives its ``train`` (and ``validation``) split."""
        train_rows, validation = load_split(train, "train")
        if evaluation is None:
            evaluation = validation
        elif isinstance(evaluation, (str, Path)):
            evaluation = load_split(evaluation, "validation")[0]
        return train_rows, evaluation

    def _check_output_dir(self) -> None:
        try:
            self.output_dir.mkdir(parents=True, exist_ok=True)
            probe = self.output_dir / f".write-probe-{os.getpid()}"
            probe.write_text("ok")
            probe.unlink()
        except OSError as exc:
            raise ConfigError(f"output directory {self.output_dir} is not writable: {exc.strerror}") from None
        state = self.output_dir / STATE_FILE
        if state.exists() and not self.resume:
            raise ConfigError(
                f"{self.output_dir} already holds a training run; pass resume=True (--resume) "
                "to continue it or choose a new output directory"
            )

    def _setup_accelerator(self) -> Accelerator:
        import torch
        from accelerate import Accelerator
        from accelerate.utils import set_seed

        if self.config.num_threads:
            torch.set_num_threads(self.config.num_threads)
        log_with = []
        try:
            import tensorboard  # noqa: F401

            log_with.append("tensorboard")
        except ImportError:
            log.info("tensorboard is not installed; metrics go to metrics.jsonl only")
        accelerator = Accelerator(log_with=log_with or None, project_dir=str(self.output_dir))
        set_seed(self.config.seed)
        return accelerator

    def _should_compile(self) -> bool:
        if self.config.compile is not None:
            return self.config.compile
        if self.config.max_steps < 100:
            return False
        import torch

        return torch.cuda.is_available() or bool(shutil.which("c++") or shutil.which("g++"))

    def _precision(self) -> str:
        if self.config.precision == "auto":
            return "bf16" if bf16_supported() else "fp32"
        return self.config.precision

    def _setup_model(self) -> tuple[Any, PreTrainedTokenizerBase]:
        import torch
        from peft import get_peft_model

        from piilora.model import base_identity, load_base_model, load_tokenizer

        tokenizer = self._tokenizer_arg or load_tokenizer(self.config.base_model)
        dtype = "bfloat16" if self.precision == "bf16" else "float32"
        base: Any = self._model_arg or load_base_model(self.config.base_model, dtype=dtype)
        if self.precision == "bf16":
            base = base.to(dtype=torch.bfloat16)  # frozen weights in bf16; LoRA weights made fp32 below
        torch.manual_seed(self.config.seed)  # identical LoRA init on every process
        peft_config = self.adapter_config.to_peft()
        identity = base_identity(self.config.base_model)
        # what PEFT users load the adapter onto (a hub id for the default, never a local cache path)
        hub_name = identity["hub_id"] or identity["name"]
        peft_config.base_model_name_or_path = hub_name
        model = get_peft_model(base, peft_config)
        model.peft_config["default"].base_model_name_or_path = hub_name  # peft resets it to the local path
        if self._init_dir is not None:
            _load_init_weights(model, self._init_dir)
        for p in model.parameters():
            if p.requires_grad:
                p.data = p.data.float()
        model.config.use_cache = False
        return model, tokenizer

    def _encode(self, rows: Any, source: str) -> EncodedDataset:
        return encode_rows(_iter_rows(rows), self.tokenizer, max_length=self.config.max_length, source=source)

    # -- the loop -------------------------------------------------------------------------
    def fit(self) -> Path:
        """Train until ``max_steps`` (or early stopping); return the adapter directory."""
        import torch

        from piilora.loss import SFTLoss

        cfg = self.config
        self.precision = self._precision()
        acc = self.accelerator = self._setup_accelerator()
        self.model, self.tokenizer = self._setup_model()
        with acc.main_process_first():
            self.train_set = self._encode(self._train_source, "train_data")
            self.eval_set = self._encode(self._eval_source, "eval_data") if self._eval_source is not None else None
        if len(self.train_set) < cfg.batch_size:
            raise DataError(
                f"the training set has {len(self.train_set)} usable examples, fewer than one batch "
                f"(batch_size={cfg.batch_size})",
                source="train_data",
            )
        if self.train_set.truncated:
            log.warning("%d training examples were cut to max_length=%d", self.train_set.truncated, cfg.max_length)
        world = acc.num_processes
        if cfg.batch_size % (cfg.micro_batch_size * world):
            raise ConfigError(
                f"TrainConfig.batch_size ({cfg.batch_size}) must be a multiple of micro_batch_size "
                f"({cfg.micro_batch_size}) x processes ({world})"
            )
        self.loss_module = SFTLoss(self.model, head_chunk=cfg.head_chunk)
        if self._should_compile():
            log.info("compiling the transformer body (one-off, ~1-2 min on CPU)")
            self.loss_module.body = torch.compile(self.loss_module.body, dynamic=True)
        trainable = [p for p in self.model.parameters() if p.requires_grad]
        self.optimizer = torch.optim.AdamW(trainable, lr=cfg.lr_at(0), weight_decay=cfg.weight_decay)
        self.wrapped, self.optimizer = acc.prepare(self.loss_module, self.optimizer)
        self.pad_id = self.tokenizer.pad_token_id if self.tokenizer.pad_token_id is not None else 0

        self.step = 0
        self.best: dict[str, Any] = {"eval/loss": math.inf, "step": None, "evals_since_best": 0}
        metrics_path = self.output_dir / "metrics.jsonl"
        if self.resume and (self.output_dir / STATE_FILE).exists():
            self._load_checkpoint()
        elif acc.is_main_process and metrics_path.exists():
            metrics_path.unlink()
        acc.wait_for_everyone()
        if acc.is_main_process and not self.resume:
            _atomic_write(self.output_dir / "train_config.json", self.config.to_json())
        init_record = self.output_dir / INIT_FILE
        if acc.is_main_process and self._init_dir is not None and not init_record.exists():
            # recorded when first loaded: a resumed run reports the weights it really started from
            provenance = _init_provenance(self._init_dir, self.config.init_adapter)
            _atomic_write(init_record, json.dumps(provenance, indent=2) + "\n")
        hparams = {**cfg.to_dict(), **{f"lora_{k}": v for k, v in self.adapter_config.to_dict().items()}}
        acc.init_trackers("tensorboard", config={k: _hparam(v) for k, v in hparams.items()})

        batches_per_epoch = len(length_grouped_batches(self.train_set.lengths, cfg.batch_size, seed=0, epoch=0))
        bar = None
        if self.progress and acc.is_local_main_process:
            from tqdm.auto import tqdm

            bar = tqdm(total=cfg.max_steps, initial=self.step, desc="training", unit="step")
        stopped_early = False
        last_eval_step = -1
        t_start = time.perf_counter()
        tokens_seen = 0
        plan: tuple[int, list[list[int]]] | None = None  # (epoch, its batches): built once per epoch
        while self.step < cfg.max_steps:
            epoch, index = divmod(self.step, batches_per_epoch)
            if plan is None or plan[0] != epoch:
                plan = (epoch, length_grouped_batches(
                    self.train_set.lengths,
                    cfg.batch_size,
                    seed=cfg.seed,
                    epoch=epoch,
                    group_size=cfg.group_size,
                    grouping=cfg.length_grouping,
                ))  # fmt: skip
            batch = plan[1][index]
            t0 = time.perf_counter()
            loss, grad_norm, n_tokens, n_answer = self._train_step(batch)
            dt = time.perf_counter() - t0
            tokens_seen += n_tokens
            self.step += 1
            record = {
                "step": self.step,
                "train/loss": loss,
                "lr": cfg.lr_at(self.step - 1),
                "grad_norm": grad_norm,
                "tokens_per_s": n_tokens / dt,
                "tokens": n_tokens,
                "step_time_s": dt,
                "answer_tokens": n_answer,
                "epoch": epoch,
            }
            if self.step % cfg.log_every == 0 or self.step == cfg.max_steps:
                self._log(record)
            if bar is not None:
                bar.set_postfix(loss=f"{loss:.4f}", tok_s=f"{tokens_seen / (time.perf_counter() - t_start):.0f}")
                bar.update(1)
            improved = False
            if cfg.eval_every and self.step % cfg.eval_every == 0 and self.eval_set is not None:
                stopped_early, improved = self._evaluate_and_track()
                last_eval_step = self.step
            due = cfg.save_every and self.step % cfg.save_every == 0
            if due or improved or stopped_early or self.step == cfg.max_steps:
                self._save_checkpoint()
            if stopped_early:
                log.info("early stopping at step %d", self.step)
                break
        if bar is not None:
            bar.close()
        if self.eval_set is not None and last_eval_step != self.step:
            self._evaluate_and_track()
            self._save_checkpoint()
        acc.wait_for_everyone()
        final = self._finish()
        acc.end_training()
        return final

    def _train_step(self, batch: Sequence[int]) -> tuple[float, float, int, int]:
        """One optimizer update on one global batch; returns (loss, grad norm, tokens, answer tokens)."""
        import torch

        cfg, acc = self.config, self.accelerator
        # Every process knows the whole global batch, so the loss normaliser (answer tokens of
        # the global batch) needs no communication; DDP averages gradients over processes,
        # hence the world-size factor.
        global_answer = sum(sum(1 for label in self.train_set.labels[i][1:] if label != IGNORE_INDEX) for i in batch)
        mine = shard(batch, acc.process_index, acc.num_processes)
        micro = [mine[i : i + cfg.micro_batch_size] for i in range(0, len(mine), cfg.micro_batch_size)]
        scale = acc.num_processes / global_answer
        for group in self.optimizer.param_groups:
            group["lr"] = cfg.lr_at(self.step)
        self.wrapped.train()
        loss_sum = torch.zeros((), dtype=torch.float64)
        n_tokens = 0
        for k, indices in enumerate(micro):
            tensors = collate(self.train_set, indices, pad_id=self.pad_id)
            tensors = {name: t.to(acc.device) for name, t in tensors.items()}
            n_tokens += int(tensors["attention_mask"].sum())
            sync = k == len(micro) - 1
            with contextlib.nullcontext() if sync else acc.no_sync(self.wrapped):
                with self._autocast():
                    part, _ = self.wrapped(**tensors)
                if not torch.isfinite(part):
                    raise TrainingError(
                        f"the loss became {part.item()} at step {self.step + 1}; lower learning_rate "
                        "or check the data (no checkpoint was written for this step)"
                    )
                acc.backward(part * scale)
            loss_sum += part.detach().double().cpu()
        grad_norm = (
            float(acc.clip_grad_norm_(self.wrapped.parameters(), cfg.max_grad_norm)) if cfg.max_grad_norm > 0 else 0.0
        )
        self.optimizer.step()
        self.optimizer.zero_grad(set_to_none=True)
        total = acc.reduce(loss_sum.to(acc.device), reduction="sum")
        tokens = acc.reduce(torch.tensor(n_tokens, device=acc.device), reduction="sum")
        return float(total) / global_answer, grad_norm, int(tokens), global_answer

    def _autocast(self) -> contextlib.AbstractContextManager[Any]:
        import torch

        if self.precision != "bf16":
            return contextlib.nullcontext()
        return torch.autocast(device_type=self.accelerator.device.type, dtype=torch.bfloat16)

    # -- evaluation -----------------------------------------------------------------------
    def evaluate(self) -> dict[str, float]:
        """Validation loss on a fixed set of batches and greedy exact-match masking accuracy."""
        import torch

        if self.eval_set is None:
            raise ConfigError("evaluate() needs eval_data")
        eval_set = self.eval_set
        cfg = self.config
        self.loss_module.eval()
        order = sorted(range(len(eval_set)), key=lambda i: (eval_set.lengths[i], i))
        picked = order[: cfg.eval_batches * cfg.micro_batch_size]
        total, count = 0.0, 0
        with torch.no_grad():
            for start in range(0, len(picked), cfg.micro_batch_size):
                tensors = collate(eval_set, picked[start : start + cfg.micro_batch_size], pad_id=self.pad_id)
                tensors = {k: v.to(self.accelerator.device) for k, v in tensors.items()}
                with self._autocast():
                    part, n = self.loss_module(**tensors)
                total += float(part)
                count += int(n)
        result = {"eval/loss": total / max(count, 1)}
        if cfg.eval_generate:
            result["eval/exact_match"] = self._exact_match(cfg.eval_generate)
        self.loss_module.train()
        return result

    def _exact_match(self, n: int) -> float:
        """Share of validation texts whose greedy answer is exactly the target masking.

        Decodes with the Redactor's copy-or-placeholder decoder (restricted head + prompt
        lookup) on the live PEFT model: what users will get, at a fraction of the cost of
        ``generate``.
        """
        from piilora.data.prompt import parse_answer
        from piilora.decoding import CopyDecoder
        from piilora.plugins import entity_generators

        rows = list(_iter_rows(self._eval_source))[:n]
        decoder = CopyDecoder(
            self.model.get_base_model(), self.tokenizer, labels=sorted(entity_generators(self.plugin_manager))
        )
        was_training = self.model.training
        self.model.eval()
        hits = 0
        try:
            with self._autocast():
                for r in rows:
                    p = prompt_ids(self.tokenizer, r["text"])
                    answer = decoder.answer(p, r["text"], max_new_tokens=len(p) + 24)
                    hits += parse_answer(self.tokenizer, answer) == bracket_target(r["text"], r.get("spans") or [])
        finally:
            self.model.train(was_training)
        return hits / max(len(rows), 1)

    def _evaluate_and_track(self) -> tuple[bool, bool]:
        """Evaluate on the main process, share the result, track the best.

        Returns ``(stop, improved)``: stop when early stopping's patience ran out.
        """
        from accelerate.utils import broadcast_object_list

        acc = self.accelerator
        payload: list[Any] = [self.evaluate() if acc.is_main_process else None]
        if acc.num_processes > 1:
            broadcast_object_list(payload)
        metrics = payload[0]
        improved = metrics["eval/loss"] < self.best["eval/loss"] - self.config.early_stopping_min_delta
        if improved:
            self.best = {"eval/loss": metrics["eval/loss"], "step": self.step, "evals_since_best": 0}
        else:
            self.best["evals_since_best"] += 1
        self._log({"step": self.step, **metrics})
        patience = self.config.early_stopping_patience
        return bool(patience and self.best["evals_since_best"] >= patience), improved

    # -- logging, checkpoints -------------------------------------------------------------
    def _log(self, record: Mapping[str, Any]) -> None:
        acc = self.accelerator
        if not acc.is_main_process:
            return
        with open(self.output_dir / "metrics.jsonl", "a") as fh:
            fh.write(json.dumps(dict(record), sort_keys=True) + "\n")
        acc.log({k: v for k, v in record.items() if k != "step"}, step=int(record["step"]))

    def _checkpoint_dir(self, step: int) -> Path:
        return self.output_dir / "checkpoints" / f"step-{step:07d}"

    def _run_identity(self) -> dict[str, Any]:
        return {
            "adapter_config": self.adapter_config.to_dict(),
            "train_config": {k: v for k, v in self.config.to_dict().items() if k not in RESUMABLE_FIELDS},
            "train_examples": len(self.train_set),
            "world_size": self.accelerator.num_processes,
            "prompt_format_version": PROMPT_FORMAT_VERSION,
        }

    def _save_checkpoint(self) -> None:
        import torch
        from safetensors.torch import save_file

        acc = self.accelerator
        target = self._checkpoint_dir(self.step)
        staging = target.with_name(f".staging-{target.name}")
        if acc.is_main_process:
            shutil.rmtree(staging, ignore_errors=True)
            staging.mkdir(parents=True)
        acc.wait_for_everyone()
        rng = {"torch": torch.get_rng_state()}
        if torch.cuda.is_available():
            rng["cuda"] = torch.cuda.get_rng_state()
        save_file(rng, str(staging / f"rng-rank{acc.process_index}.safetensors"))
        (staging / f"python-rng-rank{acc.process_index}.json").write_text(json.dumps(random.getstate()))
        acc.wait_for_everyone()
        if acc.is_main_process:
            unwrapped = acc.unwrap_model(self.wrapped).model
            unwrapped.save_pretrained(str(staging / "adapter"), safe_serialization=True)
            save_file(_optimizer_tensors(self.optimizer), str(staging / "optimizer.safetensors"))
            state = {
                "step": self.step,
                "best": self.best,
                "run": self._run_identity(),
                "train_config": self.config.to_dict(),
            }
            (staging / CHECKPOINT_STATE).write_text(json.dumps(state, indent=2, sort_keys=True, default=str))
            if target.exists():
                shutil.rmtree(target)
            os.replace(staging, target)
            best_dir = self._checkpoint_dir(self.best["step"]) if self.best["step"] else None
            _atomic_write(
                self.output_dir / STATE_FILE,
                json.dumps(
                    {
                        "latest": str(target.relative_to(self.output_dir)),
                        "best": str(best_dir.relative_to(self.output_dir)) if best_dir else None,
                        "step": self.step,
                    },
                    indent=2,
                ),
            )
            self._prune(keep={target, best_dir} - {None})
        acc.wait_for_everyone()

    def _prune(self, keep: set[Any]) -> None:
        root = self.output_dir / "checkpoints"
        done = sorted(p for p in root.iterdir() if p.name.startswith("step-"))
        for p in done[: -self.config.keep_last]:
            if p not in keep:
                shutil.rmtree(p, ignore_errors=True)
        for p in root.iterdir():
            if p.name.startswith(".staging-") or p.name.startswith(".tmp-"):
                shutil.rmtree(p, ignore_errors=True)

    def _load_checkpoint(self) -> None:
        import torch
        from peft import set_peft_model_state_dict
        from safetensors.torch import load_file

        acc = self.accelerator
        state_file = json.loads((self.output_dir / STATE_FILE).read_text())
        ckpt = self.output_dir / state_file["latest"]
        saved = json.loads((ckpt / CHECKPOINT_STATE).read_text())
        mine, theirs = self._run_identity(), saved["run"]
        if mine != theirs:
            diffs = _diff_keys(theirs, mine)
            raise ConfigError(
                f"cannot resume {self.output_dir}: the checkpoint was made with a different setup "
                f"({', '.join(diffs)} differ)"
            )
        changed = [k for k in RESUMABLE_FIELDS if saved["train_config"].get(k) != getattr(self.config, k)]
        if changed:
            log.warning("resuming with changed %s (allowed; the math is unchanged)", ", ".join(sorted(changed)))
        unwrapped = acc.unwrap_model(self.wrapped).model
        weights = load_file(str(ckpt / "adapter" / "adapter_model.safetensors"))
        set_peft_model_state_dict(unwrapped, weights)
        _load_optimizer_tensors(self.optimizer, load_file(str(ckpt / "optimizer.safetensors")))
        rng = load_file(str(ckpt / f"rng-rank{acc.process_index}.safetensors"))
        torch.set_rng_state(rng["torch"])
        if "cuda" in rng and torch.cuda.is_available():
            torch.cuda.set_rng_state(rng["cuda"])
        py_state = json.loads((ckpt / f"python-rng-rank{acc.process_index}.json").read_text())
        random.setstate((py_state[0], tuple(py_state[1]), py_state[2]))
        self.step = int(saved["step"])
        self.best = saved["best"]
        self.best["eval/loss"] = float(self.best["eval/loss"])
        if acc.is_main_process:
            _truncate_metrics(self.output_dir / "metrics.jsonl", self.step)
        log.info("resumed from %s at step %d", ckpt, self.step)

    def _finish(self) -> Path:
        """Write ``adapter/`` (best checkpoint when evaluated, else the last) and the run summary."""
        from piilora.model import base_identity
        from piilora.plugins import entity_generators

        acc = self.accelerator
        target = self.output_dir / "adapter"
        if acc.is_main_process:
            state = json.loads((self.output_dir / STATE_FILE).read_text())
            chosen = self.output_dir / (state["best"] or state["latest"])
            step = json.loads((chosen / CHECKPOINT_STATE).read_text())["step"]
            metrics = _last_metrics(self.output_dir / "metrics.jsonl", upto=step)
            meta = {
                "piilora_version": _version(),
                "adapter_config": self.adapter_config.to_dict(),
                "train_config": self.config.to_dict(),
                "prompt_format_version": PROMPT_FORMAT_VERSION,
                "entity_types": sorted(entity_generators(self.plugin_manager)),
                "plugins": _plugin_distributions(self.plugin_manager),
                "base_model": base_identity(self.config.base_model),
                "precision": self.precision,
                "step": step,
                "metrics": metrics,  # as logged up to the chosen checkpoint's step
            }
            if self._init_dir is not None:
                meta["init_adapter"] = json.loads((self.output_dir / INIT_FILE).read_text())
            with _atomic_dir(target) as tmp:
                for f in (chosen / "adapter").iterdir():
                    shutil.copy2(f, tmp / f.name)
                (tmp / ADAPTER_META).write_text(json.dumps(meta, indent=2, sort_keys=True, default=str) + "\n")
            _plot_loss(self.output_dir / "metrics.jsonl", self.output_dir / "loss.png")
        acc.wait_for_everyone()
        return target


# -- starting from a trained adapter --------------------------------------------------------
_LORA_FIELDS = (("r", "r"), ("lora_alpha", "alpha"), ("use_rslora", "use_rslora"), ("use_dora", "use_dora"))


def _init_adapter_dir(spec: str | None) -> Path | None:
    """The adapter dir ``TrainConfig.init_adapter`` names (``"default"``: the shipped one)."""
    if spec is None:
        return None
    from piilora.redactor import DEFAULT_ADAPTER

    directory = DEFAULT_ADAPTER if spec == "default" else Path(spec).expanduser()
    missing = [n for n in ("adapter_config.json", "adapter_model.safetensors") if not (directory / n).is_file()]
    if missing:
        raise ConfigError(
            f"TrainConfig.init_adapter: {directory} is not a PEFT adapter dir (missing {', '.join(missing)})"
        )
    return directory


def _read_json(path: Path) -> dict[str, Any]:
    try:
        return dict(json.loads(path.read_text()))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"TrainConfig.init_adapter: cannot read {path}: {exc}") from None


def init_adapter_config(spec: str | None) -> AdapterConfig | None:
    """The AdapterConfig of the adapter ``TrainConfig.init_adapter`` names (``None`` for none)."""
    directory = _init_adapter_dir(spec)
    return None if directory is None else _adapter_config_of(directory)


def _adapter_config_of(directory: Path) -> AdapterConfig:
    """An adapter's AdapterConfig: its piilora.json's, else read from its PEFT config."""
    meta = directory / ADAPTER_META
    if meta.is_file() and "adapter_config" in (recorded := _read_json(meta)):
        return AdapterConfig.from_dict(recorded["adapter_config"])
    peft = _read_json(directory / "adapter_config.json")
    return AdapterConfig(
        r=int(peft["r"]),
        alpha=peft["lora_alpha"],
        target_modules=tuple(sorted(peft["target_modules"])),
        use_rslora=bool(peft.get("use_rslora", False)),
        use_dora=bool(peft.get("use_dora", False)),
    )


def _check_init_fits(directory: Path, config: AdapterConfig) -> None:
    """Refuse an init adapter whose shape or scaling differs from ``config`` (naming each field)."""
    if config.init in ("pissa", "olora"):
        raise ConfigError(f"TrainConfig.init_adapter cannot be combined with AdapterConfig.init={config.init!r}")
    peft = _read_json(directory / "adapter_config.json")
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


def _load_init_weights(model: Any, directory: Path) -> None:
    """Copy the init adapter's LoRA weights into the fresh PEFT model (every LoRA tensor, exactly)."""
    from peft import set_peft_model_state_dict
    from safetensors.torch import load_file

    state = load_file(str(directory / "adapter_model.safetensors"))
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


def _init_provenance(directory: Path, spec: str | None) -> dict[str, Any]:
    import hashlib

    digest = hashlib.sha256((directory / "adapter_model.safetensors").read_bytes()).hexdigest()
    meta = directory / ADAPTER_META
    recorded = _read_json(meta) if meta.is_file() else {}
    return {"name": spec, "sha256": digest, "piilora_version": recorded.get("piilora_version")}


# -- helpers ------------------------------------------------------------------------------
def _iter_rows(rows: Any) -> Iterator[Mapping[str, Any]]:
    if rows is None:
        return iter(())
    return iter(rows)


def _hparam(value: Any) -> Any:
    """TensorBoard hparams take scalars and strings only."""
    if isinstance(value, (list, tuple)):
        return ",".join(map(str, value))
    return "none" if value is None else value


def _version() -> str:
    from piilora import __version__

    return __version__


def _optimizer_tensors(optimizer: Any) -> dict[str, torch.Tensor]:
    """AdamW state as flat tensors (safetensors, never pickle)."""
    import torch

    out: dict[str, torch.Tensor] = {}
    state = optimizer.state_dict()["state"]
    for idx, slots in state.items():
        for name, value in slots.items():
            tensor = value if isinstance(value, torch.Tensor) else torch.tensor(value)
            out[f"{idx}.{name}"] = tensor.detach().cpu().contiguous()
    return out


def _load_optimizer_tensors(optimizer: Any, tensors: Mapping[str, torch.Tensor]) -> None:
    sd = optimizer.state_dict()
    state: dict[int, dict[str, Any]] = {}
    for key, value in tensors.items():
        idx, name = key.split(".", 1)
        state.setdefault(int(idx), {})[name] = value
    sd["state"] = state
    optimizer.load_state_dict(sd)


def _diff_keys(a: Mapping[str, Any], b: Mapping[str, Any], prefix: str = "") -> list[str]:
    out = []
    for key in sorted(set(a) | set(b)):
        va, vb = a.get(key), b.get(key)
        if isinstance(va, Mapping) and isinstance(vb, Mapping):
            out.extend(_diff_keys(va, vb, f"{prefix}{key}."))
        elif va != vb:
            out.append(f"{prefix}{key}")
    return out


def _truncate_metrics(path: Path, step: int) -> None:
    """Drop metric lines logged after ``step`` (by a run killed before its next checkpoint)."""
    if not path.exists():
        return
    kept = [line for line in path.read_text().splitlines() if line and json.loads(line)["step"] <= step]
    _atomic_write(path, "".join(line + "\n" for line in kept))


def _last_metrics(path: Path, upto: int | None = None) -> dict[str, Any]:
    """The latest value of every metric logged at steps ``<= upto`` (all steps by default)."""
    out: dict[str, Any] = {}
    if path.exists():
        for line in path.read_text().splitlines():
            if line:
                row = json.loads(line)
                if upto is None or row.get("step", 0) <= upto:
                    out.update({k: v for k, v in row.items() if "/" in k})
    return out


def _plot_loss(metrics: Path, out: Path) -> None:
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
