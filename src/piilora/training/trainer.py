"""The Trainer: a hand-written Accelerate loop for LoRA supervised fine-tuning.

:meth:`Trainer.fit` reads top to bottom: small ``_setup_*`` steps (accelerator, model,
data, optimizer, run state), then one loop bounded by ``max_steps``. One optimizer update is
a *step* (one global batch); one forward/backward is a *micro step* (:meth:`Trainer._loss_step`).
The learning rate is a pure function of the step (:meth:`TrainConfig.lr_at`), batch order a
pure function of the seed and epoch, so a checkpoint (:mod:`piilora.training.checkpoint`)
needs only weights, optimizer moments, RNG states and the step to continue exactly where it
stopped.

Speed levers (measured in ``benchmarks/train_throughput.py``): the LM head runs
only on answer positions with a chunked cross-entropy (:mod:`piilora.training.loss`),
batches are grouped by length, frozen base weights are bf16 under bf16 autocast
while LoRA weights and AdamW moments stay fp32.

Run layout (``output_dir``)::

    adapter/            the result: PEFT adapter + piilora.json + README.md (best eval, else last)
    checkpoints/step-N/ adapter, optimizer.safetensors, rng-rank*.safetensors, trainer_state.json
    state.json          which checkpoint is the latest / best (written last, atomically)
    train_config.json   the TrainConfig the run started with
    init_adapter.json   the adapter the LoRA weights started from (``init_adapter`` runs only)
    metrics.jsonl       one JSON object per log/eval event (no text, no PII)
    tensorboard/        Accelerate's TensorBoard tracker, when tensorboard is installed
    loss.png            the loss curve, when matplotlib is installed
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import time
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from piilora.adapters import atomic_dir, atomic_write, write_meta
from piilora.config import RESUMABLE_FIELDS, AdapterConfig, TrainConfig
from piilora.data.batching import EncodedDataset, collate, encode_rows, length_grouped_batches, shard
from piilora.data.loaders import load_split
from piilora.data.prompt import IGNORE_INDEX, PROMPT_FORMAT_VERSION, bracket_target, prompt_ids
from piilora.errors import ConfigError, DataError, TrainingError
from piilora.training.checkpoint import (
    CHECKPOINT_ADAPTER,
    TrainerState,
    chosen_checkpoint,
    has_checkpoint,
    load_checkpoint,
    save_checkpoint,
)
from piilora.training.init_adapter import (
    INIT_FILE,
    adapter_config_of,
    check_init_fits,
    init_adapter_dir,
    init_provenance,
    load_init_weights,
)
from piilora.training.metrics import (
    LOSS_PLOT,
    METRICS_FILE,
    append_metrics,
    hparam,
    last_metrics,
    plot_loss,
    truncate_metrics,
)
from piilora.version import __version__

if TYPE_CHECKING:
    import pluggy
    import torch
    from accelerate import Accelerator
    from transformers import PreTrainedModel, PreTrainedTokenizerBase

    from piilora.training.loss import SFTLoss

__all__ = ["Trainer", "bf16_supported"]

log = logging.getLogger(__name__)

#: The run's result, and the config it started with.
ADAPTER_DIR = "adapter"
TRAIN_CONFIG_FILE = "train_config.json"


def bf16_supported() -> bool:
    """True where bf16 matmuls are fast (:func:`piilora.model.native_bf16`): a CUDA GPU with bf16,
    or a CPU with AMX or AVX512-BF16 (not merely AVX-512, where oneDNN emulates bf16 slowly)."""
    from piilora.model import native_bf16

    return native_bf16()


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
        self._init_dir = init_adapter_dir(self.config.init_adapter)
        if self._init_dir is not None:
            adapter_config = adapter_config or adapter_config_of(self._init_dir)
            check_init_fits(self._init_dir, adapter_config)
        self.adapter_config = adapter_config or AdapterConfig()
        self.output_dir = Path(output_dir)
        self.resume = resume
        self.progress = progress
        self.plugin_manager = plugin_manager
        self._train_source, self._eval_source = self._resolve_data(train_data, eval_data)
        self._model_arg = model
        self._tokenizer_arg = tokenizer
        self._check_output_dir()

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
        if has_checkpoint(self.output_dir) and not self.resume:
            raise ConfigError(
                f"{self.output_dir} already holds a training run; pass resume=True (--resume) "
                "to continue it or choose a new output directory"
            )

    # -- fit: setup, then one loop bounded by max_steps -------------------------------------
    def fit(self) -> Path:
        """Train until ``max_steps`` (or early stopping); return the adapter directory."""
        cfg = self.config
        self.precision = self._precision()
        self.accelerator = self._setup_accelerator()
        self.model, self.tokenizer = self._setup_model()
        self.pad_id = self.tokenizer.pad_token_id if self.tokenizer.pad_token_id is not None else 0
        self.train_set, self.eval_set = self._setup_data()
        self.loss_module, self.wrapped, self.optimizer = self._setup_optimizer()
        self.state = self._setup_state()
        self._setup_run_files()
        bar = self._setup_progress()

        batches_per_epoch = len(length_grouped_batches(self.train_set.lengths, cfg.batch_size, seed=0, epoch=0))
        plan: tuple[int, list[list[int]]] | None = None  # (epoch, its batches): built once per epoch
        stopped_early = False
        last_eval_step = -1
        t_start = time.perf_counter()
        tokens_seen = 0
        while self.state.step < cfg.max_steps:
            epoch, index = divmod(self.state.step, batches_per_epoch)
            if plan is None or plan[0] != epoch:
                plan = (epoch, self._epoch_batches(epoch))
            t0 = time.perf_counter()
            loss, grad_norm, n_tokens, n_answer = self._train_step(plan[1][index])
            dt = time.perf_counter() - t0
            tokens_seen += n_tokens
            self.state.step += 1
            step = self.state.step
            if step % cfg.log_every == 0 or step == cfg.max_steps:
                self._log({
                    "step": step,
                    "train/loss": loss,
                    "lr": cfg.lr_at(step - 1),
                    "grad_norm": grad_norm,
                    "tokens_per_s": n_tokens / dt,
                    "tokens": n_tokens,
                    "step_time_s": dt,
                    "answer_tokens": n_answer,
                    "epoch": epoch,
                })  # fmt: skip
            if bar is not None:
                bar.set_postfix(loss=f"{loss:.4f}", tok_s=f"{tokens_seen / (time.perf_counter() - t_start):.0f}")
                bar.update(1)
            improved = False
            if cfg.eval_every and step % cfg.eval_every == 0 and self.eval_set is not None:
                stopped_early, improved = self._evaluate_and_track()
                last_eval_step = step
            due = cfg.save_every and step % cfg.save_every == 0
            if due or improved or stopped_early or step == cfg.max_steps:
                self._save_checkpoint()
            if stopped_early:
                log.info("early stopping at step %d", step)
                break
        if bar is not None:
            bar.close()
        if self.eval_set is not None and last_eval_step != self.state.step:
            self._evaluate_and_track()
            self._save_checkpoint()
        self.accelerator.wait_for_everyone()
        final = self._finish()
        self.accelerator.end_training()
        return final

    # -- setup steps, in the order fit() calls them -----------------------------------------
    def _precision(self) -> str:
        if self.config.precision == "auto":
            return "bf16" if bf16_supported() else "fp32"
        return self.config.precision

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

    def _setup_model(self) -> tuple[Any, PreTrainedTokenizerBase]:
        """The base with fresh (or ``init_adapter``) LoRA weights; LoRA weights in fp32."""
        import torch
        from peft import get_peft_model

        from piilora.model import base_identity, load_base_model, load_tokenizer, peft_quietly

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
        with peft_quietly():
            model = get_peft_model(base, peft_config)
        model.peft_config["default"].base_model_name_or_path = hub_name  # peft resets it to the local path
        if self._init_dir is not None:
            load_init_weights(model, self._init_dir)
        for p in model.parameters():
            if p.requires_grad:
                p.data = p.data.float()
        model.config.use_cache = False
        return model, tokenizer

    def _setup_data(self) -> tuple[EncodedDataset, EncodedDataset | None]:
        """Tokenised train and eval sets (the main process first, so a cache is built once)."""
        cfg, acc = self.config, self.accelerator
        with acc.main_process_first():
            train_set = self._encode(self._train_source, "train_data")
            eval_set = self._encode(self._eval_source, "eval_data") if self._eval_source is not None else None
        if len(train_set) < cfg.batch_size:
            raise DataError(
                f"the training set has {len(train_set)} usable examples, fewer than one batch "
                f"(batch_size={cfg.batch_size})",
                source="train_data",
            )
        if train_set.truncated:
            log.warning("%d training examples were cut to max_length=%d", train_set.truncated, cfg.max_length)
        world = acc.num_processes
        if cfg.batch_size % (cfg.micro_batch_size * world):
            raise ConfigError(
                f"TrainConfig.batch_size ({cfg.batch_size}) must be a multiple of micro_batch_size "
                f"({cfg.micro_batch_size}) x processes ({world})"
            )
        return train_set, eval_set

    def _encode(self, rows: Any, source: str) -> EncodedDataset:
        return encode_rows(_iter_rows(rows), self.tokenizer, max_length=self.config.max_length, source=source)

    def _setup_optimizer(self) -> tuple[SFTLoss, Any, Any]:
        """The loss module (optionally compiled), AdamW over the LoRA weights, both prepared by
        Accelerate; returns ``(loss module, its prepared wrapper, optimizer)``."""
        import torch

        from piilora.training.loss import SFTLoss

        cfg = self.config
        loss_module = SFTLoss(self.model, head_chunk=cfg.head_chunk)
        if self._should_compile():
            log.info("compiling the transformer body (one-off, ~1-2 min on CPU)")
            loss_module.body = torch.compile(loss_module.body, dynamic=True)
        trainable = [p for p in self.model.parameters() if p.requires_grad]
        optimizer = torch.optim.AdamW(trainable, lr=cfg.lr_at(0), weight_decay=cfg.weight_decay)
        wrapped, optimizer = self.accelerator.prepare(loss_module, optimizer)
        return loss_module, wrapped, optimizer

    def _should_compile(self) -> bool:
        if self.config.compile is not None:
            return self.config.compile
        if self.config.max_steps < 100:
            return False
        import torch

        return torch.cuda.is_available() or bool(shutil.which("c++") or shutil.which("g++"))

    def _setup_state(self) -> TrainerState:
        """A fresh state, or the latest checkpoint's when resuming (weights, optimizer and RNGs
        restored, metrics logged after it dropped)."""
        acc = self.accelerator
        state = TrainerState()
        metrics_path = self.output_dir / METRICS_FILE
        if self.resume and has_checkpoint(self.output_dir):
            state, ckpt = load_checkpoint(
                acc,
                self.output_dir,
                model=self._unwrapped(),
                optimizer=self.optimizer,
                run=self._run_identity(),
                config=self.config,
            )
            if acc.is_main_process:
                truncate_metrics(metrics_path, state.step)
            log.info("resumed from %s at step %d", ckpt, state.step)
        elif acc.is_main_process and metrics_path.exists():
            metrics_path.unlink()
        acc.wait_for_everyone()
        return state

    def _setup_run_files(self) -> None:
        """``train_config.json``, ``init_adapter.json`` and the TensorBoard tracker."""
        acc = self.accelerator
        if acc.is_main_process and not self.resume:
            atomic_write(self.output_dir / TRAIN_CONFIG_FILE, self.config.to_json())
        init_record = self.output_dir / INIT_FILE
        if acc.is_main_process and self._init_dir is not None and not init_record.exists():
            # recorded when first loaded: a resumed run reports the weights it really started from
            provenance = init_provenance(self._init_dir, self.config.init_adapter)
            atomic_write(init_record, json.dumps(provenance, indent=2) + "\n")
        hparams = {**self.config.to_dict(), **{f"lora_{k}": v for k, v in self.adapter_config.to_dict().items()}}
        acc.init_trackers("tensorboard", config={k: hparam(v) for k, v in hparams.items()})

    def _setup_progress(self) -> Any:
        if not (self.progress and self.accelerator.is_local_main_process):
            return None
        from tqdm.auto import tqdm

        return tqdm(total=self.config.max_steps, initial=self.state.step, desc="training", unit="step")

    # -- one step --------------------------------------------------------------------------
    def _epoch_batches(self, epoch: int) -> list[list[int]]:
        """The global batches of ``epoch``: a pure function of the seed and the epoch."""
        cfg = self.config
        return length_grouped_batches(
            self.train_set.lengths,
            cfg.batch_size,
            seed=cfg.seed,
            epoch=epoch,
            group_size=cfg.group_size,
            grouping=cfg.length_grouping,
        )

    def _train_step(self, batch: Sequence[int]) -> tuple[float, float, int, int]:
        """One optimizer update on one global batch; returns (loss, grad norm, tokens, answer tokens)."""
        import torch

        cfg, acc = self.config, self.accelerator
        # The loss is normalised by the answer tokens of the whole global batch (prompts carry no
        # loss, so a per-micro-batch mean would weight short answers up). Every process knows the
        # whole global batch, so this needs no communication; DDP averages gradients over
        # processes, hence the world-size factor.
        global_answer = sum(sum(1 for label in self.train_set.labels[i][1:] if label != IGNORE_INDEX) for i in batch)
        mine = shard(batch, acc.process_index, acc.num_processes)
        micro = [mine[i : i + cfg.micro_batch_size] for i in range(0, len(mine), cfg.micro_batch_size)]
        scale = acc.num_processes / global_answer
        for group in self.optimizer.param_groups:
            group["lr"] = cfg.lr_at(self.state.step)
        self.wrapped.train()
        loss_sum = torch.zeros((), dtype=torch.float64)
        n_tokens = 0
        for k, indices in enumerate(micro):
            tensors = self._to_device(collate(self.train_set, indices, pad_id=self.pad_id))
            n_tokens += int(tensors["attention_mask"].sum())
            sync = k == len(micro) - 1  # gradients are all-reduced once, after the last micro step
            with contextlib.nullcontext() if sync else acc.no_sync(self.wrapped):
                part = self._loss_step(tensors)
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

    def _loss_step(self, tensors: Mapping[str, torch.Tensor]) -> torch.Tensor:
        """Forward one micro batch: the summed cross-entropy of its answer tokens."""
        import torch

        with self._autocast():
            loss_sum, _ = self.wrapped(**tensors)
        if not torch.isfinite(loss_sum):
            raise TrainingError(
                f"the loss became {loss_sum.item()} at step {self.state.step + 1}; lower learning_rate "
                "or check the data (no checkpoint was written for this step)"
            )
        return loss_sum

    def _to_device(self, tensors: Mapping[str, torch.Tensor]) -> dict[str, torch.Tensor]:
        return {name: t.to(self.accelerator.device) for name, t in tensors.items()}

    def _autocast(self) -> contextlib.AbstractContextManager[Any]:
        import torch

        if self.precision != "bf16":
            return contextlib.nullcontext()
        return torch.autocast(device_type=self.accelerator.device.type, dtype=torch.bfloat16)

    # -- evaluation ------------------------------------------------------------------------
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
                indices = picked[start : start + cfg.micro_batch_size]
                tensors = self._to_device(collate(eval_set, indices, pad_id=self.pad_id))
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
        improved = self.state.track_eval(metrics["eval/loss"], self.config.early_stopping_min_delta)
        self._log({"step": self.state.step, **metrics})
        return self.state.patience_ran_out(self.config.early_stopping_patience), improved

    # -- logging, checkpoints, the result --------------------------------------------------
    def _log(self, record: Mapping[str, Any]) -> None:
        acc = self.accelerator
        if not acc.is_main_process:
            return
        append_metrics(self.output_dir / METRICS_FILE, record)
        acc.log({k: v for k, v in record.items() if k != "step"}, step=int(record["step"]))

    def _unwrapped(self) -> Any:
        """The PEFT model inside Accelerate's wrapper (DDP, compile) of the loss module."""
        return self.accelerator.unwrap_model(self.wrapped).model

    def _run_identity(self) -> dict[str, Any]:
        """What a resumed run must share with the checkpoint it continues."""
        return {
            "adapter_config": self.adapter_config.to_dict(),
            "train_config": {k: v for k, v in self.config.to_dict().items() if k not in RESUMABLE_FIELDS},
            "train_examples": len(self.train_set),
            "world_size": self.accelerator.num_processes,
            "prompt_format_version": PROMPT_FORMAT_VERSION,
        }

    def _save_checkpoint(self) -> None:
        save_checkpoint(
            self.accelerator,
            self.output_dir,
            model=self._unwrapped(),
            optimizer=self.optimizer,
            state=self.state,
            run=self._run_identity(),
            train_config=self.config.to_dict(),
            keep_last=self.config.keep_last,
        )

    def _finish(self) -> Path:
        """Write ``adapter/`` (best checkpoint when evaluated, else the last) and the loss plot."""
        acc = self.accelerator
        target = self.output_dir / ADAPTER_DIR
        if acc.is_main_process:
            chosen, step = chosen_checkpoint(self.output_dir)
            meta = self._adapter_meta(step)
            with atomic_dir(target) as tmp:
                for f in (chosen / CHECKPOINT_ADAPTER).iterdir():
                    shutil.copy2(f, tmp / f.name)
                write_meta(tmp, meta)
            plot_loss(self.output_dir / METRICS_FILE, self.output_dir / LOSS_PLOT)
        acc.wait_for_everyone()
        return target

    def _adapter_meta(self, step: int) -> dict[str, Any]:
        """``piilora.json`` of the adapter chosen at ``step``."""
        from piilora.model import base_identity
        from piilora.plugins import entity_generators

        meta = {
            "piilora_version": __version__,
            "adapter_config": self.adapter_config.to_dict(),
            "train_config": self.config.to_dict(),
            "prompt_format_version": PROMPT_FORMAT_VERSION,
            "entity_types": sorted(entity_generators(self.plugin_manager)),
            "plugins": _plugin_distributions(self.plugin_manager),
            "base_model": base_identity(self.config.base_model),
            "precision": self.precision,
            "step": step,
            # as logged up to the chosen checkpoint's step
            "metrics": last_metrics(self.output_dir / METRICS_FILE, upto=step),
        }
        if self._init_dir is not None:
            meta["init_adapter"] = json.loads((self.output_dir / INIT_FILE).read_text())
        return meta


def _iter_rows(rows: Any) -> Iterator[Mapping[str, Any]]:
    if rows is None:
        return iter(())
    return iter(rows)


def _plugin_distributions(pm: pluggy.PluginManager | None) -> list[dict[str, str]]:
    from piilora.plugins import default_plugin_manager

    pm = pm or default_plugin_manager()
    return sorted(
        ({"name": d.project_name, "version": d.version} for _, d in pm.list_plugin_distinfo()),
        key=lambda d: d["name"],
    )
