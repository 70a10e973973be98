"""Training throughput: TRL SFTTrainer vs HF Trainer vs piilora's Trainer, one run.

All variants train the real Gemma 3 270M with the same LoRA settings (r=16, all linear
projections), the same synthetic examples, global batch 8, one epoch of ``--steps``
steps, bf16 where the CPU supports it, and the same thread count. Each variant runs in
its own subprocess so that its peak RSS is its own. The baseline is TRL's SFTTrainer
with completion-only loss + peft (what the usual LoRA notebook runs).

Throughput = non-padding tokens / optimizer-step time over steps 2..N (steady state: model
load, setup and the first step, which carries warm-up and torch.compile, are excluded for
every variant and the first step's time is reported on its own). Useful FLOPs count
4 x body parameters per token (forward + input gradients; frozen weights get no weight
gradient) plus 4 x V x H per answer token for the LM head; the peak is a matmul in the
precision the variants run in (bf16 where the CPU has it natively, else fp32: an emulated bf16
matmul once took 11 minutes here), measured in the same run with the same threads.

usage: python benchmarks/train_throughput.py [--steps 12] [--threads 2] [--variants trl,hf,piilora]
Writes benchmarks/results/train_throughput.json.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BATCH = 8


def _examples(n: int) -> list[dict]:
    from piilora.data.prompt import bracket_target
    from piilora.data.synth import CorpusConfig, generate_examples
    from piilora.plugins import create_plugin_manager

    rows = generate_examples(
        CorpusConfig(n=n * 2, seed=11), "train", plugin_manager=create_plugin_manager(autoload=False)
    )
    rows = [r for r in rows if len(r["text"]) < 400][:n]
    return [{"text": r["text"], "spans": r["spans"], "masked": bracket_target(r["text"], r["spans"])} for r in rows]


def _lora():
    from piilora.config import AdapterConfig

    return AdapterConfig(r=16, alpha=32, dropout=0.05)


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _hf_callback(steps: list[tuple[float, int]]):
    """Per optimizer step: (seconds, non-padding input tokens)."""
    from transformers import TrainerCallback

    class StepTimer(TrainerCallback):
        seen = 0

        def on_step_begin(self, args, state, control, **kw):
            self.t0 = time.perf_counter()

        def on_step_end(self, args, state, control, **kw):
            steps.append((time.perf_counter() - self.t0, state.num_input_tokens_seen - self.seen))
            self.seen = state.num_input_tokens_seen

    return StepTimer()


def run_trl(rows, steps: int, out: Path) -> dict:
    import torch
    from datasets import Dataset
    from trl import SFTConfig, SFTTrainer

    from piilora.data.prompt import END_OF_TURN, render_conversation
    from piilora.model import load_base_model, load_tokenizer

    tok = load_tokenizer()
    model = load_base_model()
    ds = Dataset.from_list(
        [
            {"prompt": render_conversation(r["text"])[len("<bos>") :], "completion": r["masked"] + END_OF_TURN}
            for r in rows
        ]
    )
    bf16 = _bf16()
    args = SFTConfig(
        output_dir=str(out), max_steps=steps, per_device_train_batch_size=BATCH, learning_rate=2e-4,
        logging_steps=1, save_strategy="no", report_to=[], bf16=bf16, use_cpu=not torch.cuda.is_available(),
        completion_only_loss=True, max_length=512, dataloader_num_workers=0, seed=0,
        include_num_input_tokens_seen="non_padding",
    )  # fmt: skip
    times: list[tuple[float, int]] = []
    trainer = SFTTrainer(
        model=model, args=args, train_dataset=ds, processing_class=tok,
        peft_config=_lora().to_peft(), callbacks=[_hf_callback(times)],
    )  # fmt: skip
    trainer.train()
    return {"step_times": times, "precision": "bf16 autocast" if bf16 else "fp32"}


def run_hf(rows, steps: int, out: Path) -> dict:
    import torch
    from peft import get_peft_model
    from transformers import DataCollatorForSeq2Seq, Trainer, TrainingArguments

    from piilora.data.prompt import encode_example
    from piilora.model import load_base_model, load_tokenizer

    tok = load_tokenizer()
    model = get_peft_model(load_base_model(), _lora().to_peft())
    data = []
    for r in rows:
        ex = encode_example(tok, r["text"], r["masked"], max_length=512)
        data.append({"input_ids": ex.input_ids, "labels": ex.labels, "attention_mask": [1] * len(ex.input_ids)})
    bf16 = _bf16()
    args = TrainingArguments(
        output_dir=str(out), max_steps=steps, per_device_train_batch_size=BATCH, learning_rate=2e-4,
        logging_steps=1, save_strategy="no", report_to=[], bf16=bf16, use_cpu=not torch.cuda.is_available(),
        dataloader_num_workers=0, seed=0, remove_unused_columns=False,
        include_num_input_tokens_seen="non_padding",
    )  # fmt: skip
    times: list[tuple[float, int]] = []
    collator = DataCollatorForSeq2Seq(tok, padding=True, label_pad_token_id=-100)
    trainer = Trainer(
        model=model, args=args, train_dataset=data, data_collator=collator, callbacks=[_hf_callback(times)]
    )
    trainer.train()
    return {"step_times": times, "precision": "bf16 autocast" if bf16 else "fp32"}


def run_piilora(rows, steps: int, out: Path, compile: bool = False) -> dict:
    from piilora.config import TrainConfig
    from piilora.training import Trainer

    cfg = TrainConfig(
        max_steps=steps, batch_size=BATCH, micro_batch_size=BATCH, eval_every=0, save_every=0, warmup_steps=1,
        compile=compile, precision="auto",
    )  # fmt: skip
    trainer = Trainer(_lora(), cfg, train_data=rows, output_dir=out / "run", progress=False)
    trainer.fit()
    lines = [json.loads(x) for x in (out / "run" / "metrics.jsonl").read_text().splitlines()]
    steps = [(x["step_time_s"], x["tokens"]) for x in lines if "step_time_s" in x]
    return {"step_times": steps, "precision": trainer.precision + (" + compile" if compile else "")}


def _bf16() -> bool:
    from piilora.training import bf16_supported

    return bf16_supported()


def child(variant: str, steps: int, result_path: Path) -> None:
    rows = _examples(steps * BATCH)
    with tempfile.TemporaryDirectory() as tmp:
        fn = {
            "trl": run_trl,
            "hf": run_hf,
            "piilora": run_piilora,
            "piilora_compile": lambda r, s, o: run_piilora(r, s, o, compile=True),
        }[variant]
        res = fn(rows, steps, Path(tmp))
    res["peak_rss_mb"] = _peak_rss_mb()
    result_path.write_text(json.dumps(res))


def useful_flops(rows) -> tuple[int, float]:
    """(non-pad tokens, useful FLOPs) of one epoch over ``rows``."""
    from piilora.data.prompt import encode_example
    from piilora.model import load_base_model, load_tokenizer

    tok = load_tokenizer()
    model = load_base_model()
    cfg = model.config
    embed = cfg.vocab_size * cfg.hidden_size
    body = sum(p.numel() for p in model.parameters()) - embed
    tokens, flops = 0, 0.0
    for r in rows:
        ex = encode_example(tok, r["text"], r["masked"], max_length=512)
        n = len(ex.input_ids)
        tokens += n
        flops += 4 * body * n + 4 * embed * ex.answer_tokens
        attn = cfg.num_attention_heads * cfg.head_dim
        flops += 4 * 2 * cfg.num_hidden_layers * n * n * attn  # QK^T and AV, forward + input grads
    return tokens, flops


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--steps", type=int, default=12)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--variants", default="trl,hf,piilora,piilora_compile")
    p.add_argument("--child", help=argparse.SUPPRESS)
    p.add_argument("--result", help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.child:
        import torch

        torch.set_num_threads(args.threads)
        child(args.child, args.steps, Path(args.result))
        return

    env = {**os.environ, "OMP_NUM_THREADS": str(args.threads), "TOKENIZERS_PARALLELISM": "false",
           "PIILORA_DISABLE_PLUGIN_AUTOLOAD": "1"}  # fmt: skip
    from cpuinfo import header, machine, matmul_peak_flops  # benchmarks/cpuinfo.py

    # the peak of the precision the variants run in: bf16 only where the CPU has it natively
    peak_dtype = "bfloat16" if _bf16() else "float32"
    peak = matmul_peak_flops(args.threads, peak_dtype)
    rows = _examples(args.steps * BATCH)
    tokens, flops = useful_flops(rows)
    flops_per_token = flops / tokens
    results = {}
    for variant in args.variants.split(","):
        with tempfile.NamedTemporaryFile(suffix=".json") as f:
            cmd = [sys.executable, __file__, "--child", variant, "--steps", str(args.steps),
                   "--threads", str(args.threads), "--result", f.name]  # fmt: skip
            print(f"running {variant} ...", flush=True)
            subprocess.run(cmd, env=env, check=True)
            res = json.loads(Path(f.name).read_text())
        steady = res["step_times"][1:]
        seconds = sum(t for t, _ in steady)
        seen = sum(n for _, n in steady)
        res.update(
            first_step_s=res["step_times"][0][0],
            tokens=seen,
            seconds=seconds,
            tokens_per_s=seen / seconds,
            flops_per_s=flops_per_token * seen / seconds,
        )
        results[variant] = res
    base = results.get("trl")
    print(f"\nreal Gemma 3 270M, LoRA r=16 all linear, batch {BATCH}, {args.steps} steps, {args.threads} threads")
    print(header(args.threads))
    print(f"{peak_dtype} matmul peak measured here: {peak / 1e9:.1f} GFLOP/s")
    print(
        f"{'variant':<16}{'precision':<15}{'tokens/s':>10}{'vs TRL':>8}{'peak RSS MB':>13}{'GFLOP/s':>9}{'% peak':>8}"
    )
    for name, r in results.items():
        ratio = r["tokens_per_s"] / base["tokens_per_s"] if base else float("nan")
        print(
            f"{name:<16}{r['precision']:<15}{r['tokens_per_s']:>10.1f}{ratio:>7.2f}x{r['peak_rss_mb']:>13.0f}"
            f"{r['flops_per_s'] / 1e9:>9.1f}{100 * r['flops_per_s'] / peak:>7.1f}%"
        )
    out = HERE / "results" / "train_throughput.json"
    out.parent.mkdir(exist_ok=True)
    summary = {
        "steps": args.steps,
        "threads": args.threads,
        "batch": BATCH,
        "machine": machine(args.threads),
        "peak_dtype": peak_dtype,
        "peak_flops": peak,
        "results": {k: {kk: vv for kk, vv in v.items() if kk != "step_times"} for k, v in results.items()},
    }
    out.write_text(json.dumps(summary, indent=2) + "\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
