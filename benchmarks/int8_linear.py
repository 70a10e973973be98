"""Int8 matmuls as a speed lever (issue 25): W8A8 linear layers against the float32 reference.

Every linear layer of the body (attention q/k/v/o, MLP gate/up/down) becomes an int8 x int8
matmul (``torch._int_mm``: oneDNN's VNNI kernels where the CPU has them): weights quantized per
output channel once, activations per token at every call, the int32 product rescaled to float32.
Variants: all layers; all but ``down_proj`` (its inputs carry the largest activation outliers).
The restricted head, embeddings and norms stay float32.

Rows, same merged model and texts, model answers only (no rules, no safety net):
p50 of ``Redactor.mask`` on texts of 50-70 tokens, ``mask_batch`` texts/s on ``--n`` texts, and
agreement of the masks with the float32 reference, with the first differences printed (a
lever is kept only if it agrees on >= 99% of texts and leaves no value readable that float32
masked). This is a measurement, not a Redactor option. Session 18, Ice Lake Xeon (AVX-512
VNNI, no AMX), 2 threads: ``_int_mm`` ran 3.5-4x float32 ``mm`` at these shapes, but per-token
quantization costs a pass of its own, so the decoder gained 1.6x at batch 1 (p50 398 -> 249
ms) and 1.4x batched (0.82 -> 1.15 texts/s on 40 texts), and 6 of 40 texts changed masks (5
with ``down_proj`` kept in float32, at 297 ms), values left readable among them: not shipped.

Session 25 adds SmoothQuant variants: per input channel of each group of linears that read
the same input, the largest activation seen while the float32 model masks ``--calibrate``
training-split texts moves into the weights (``s = amax_x ** alpha / amax_w ** (1 - alpha)``;
``x / s`` quantized per token, ``W * s`` per channel), for each ``--alpha``.

usage: python benchmarks/int8_linear.py [--n 40] [--threads 2] [--calibrate 64] [--alpha 0.5 0.8]
Writes benchmarks/results/int8_linear.json.
"""

from __future__ import annotations

import argparse
import copy
import json
import statistics
import time
from pathlib import Path
from typing import Any

import torch
from torch import nn

HERE = Path(__file__).resolve().parent


class W8A8Linear(nn.Module):
    """A linear layer as an int8 x int8 matmul (per-channel weights, per-token activations)."""

    def __init__(self, linear: nn.Linear, smooth: torch.Tensor | None = None) -> None:
        super().__init__()
        w = linear.weight.detach().float()
        self.smooth = smooth  # per input channel: x / smooth and W * smooth (SmoothQuant)
        if smooth is not None:
            w = w * smooth[None, :]
        scale = w.abs().amax(dim=1).clamp(min=1e-8) / 127
        self.register_buffer("wq", torch.round(w / scale[:, None]).to(torch.int8).t().contiguous())
        self.register_buffer("wscale", scale)
        self.bias = linear.bias
        self.out_features = linear.out_features

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        flat = x.reshape(-1, x.shape[-1]).float()
        if self.smooth is not None:
            flat = flat / self.smooth
        scale = flat.abs().amax(dim=1, keepdim=True).clamp(min=1e-8) / 127
        q = torch.round(flat / scale).to(torch.int8)
        y = torch._int_mm(q, self.wq).to(torch.float32).mul_(scale).mul_(self.wscale)
        if self.bias is not None:
            y = y + self.bias
        return y.reshape(*x.shape[:-1], self.out_features).to(x.dtype)


#: linear layers that read the same input (one smoothing vector per group)
_GROUPS = (("self_attn", ("q_proj", "k_proj", "v_proj")), ("self_attn", ("o_proj",)),
           ("mlp", ("gate_proj", "up_proj")), ("mlp", ("down_proj",)))  # fmt: skip


def calibrate(model: Any, run: Any) -> dict[tuple[int, str], torch.Tensor]:
    """Per linear layer of the body, the largest |input| per channel seen while ``run()`` masks
    the calibration texts (forward pre-hooks on the float32 model)."""
    amax: dict[tuple[int, str], torch.Tensor] = {}
    hooks = []
    for i, layer in enumerate(model.model.layers):
        for parent_name, names in _GROUPS:
            module = getattr(getattr(layer, parent_name), names[0])

            def hook(_m: Any, args: Any, key: tuple[int, str] = (i, names[0])) -> None:
                x = args[0].detach().float().reshape(-1, args[0].shape[-1]).abs().amax(0)
                amax[key] = torch.maximum(amax[key], x) if key in amax else x

            hooks.append(module.register_forward_pre_hook(hook))
    try:
        run()
    finally:
        for h in hooks:
            h.remove()
    return amax


def quantized(
    model: Any, skip: tuple[str, ...] = (), amax: dict[tuple[int, str], torch.Tensor] | None = None, alpha: float = 0.5
) -> Any:
    """A copy of ``model`` with the body's linear layers (but ``skip``) in W8A8; with ``amax``
    (:func:`calibrate`), activation outliers are first moved into the weights (SmoothQuant:
    per input channel ``s = amax_x ** alpha / amax_w ** (1 - alpha)``)."""
    model = copy.deepcopy(model)
    for i, layer in enumerate(model.model.layers):
        for parent_name, names in _GROUPS:
            parent = getattr(layer, parent_name)
            smooth = None
            if amax is not None and (i, names[0]) in amax:
                w_max = torch.stack([getattr(parent, n).weight.detach().float().abs().amax(0) for n in names]).amax(0)
                smooth = (amax[i, names[0]].clamp(min=1e-5) ** alpha / w_max.clamp(min=1e-5) ** (1 - alpha)).clamp(
                    min=1e-5
                )
            for name in names:
                if name not in skip:
                    setattr(parent, name, W8A8Linear(getattr(parent, name), smooth))
    return model


def first_difference(a: str, b: str, context: int = 50) -> tuple[str, str]:
    n = min(len(a), len(b))
    i = next((k for k in range(n) if a[k] != b[k]), n)
    return a[max(0, i - context) : i + context], b[max(0, i - context) : i + context]


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--n", type=int, default=40)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--calibrate", type=int, default=64, help="training-split texts to calibrate smoothing on (0: none)")
    p.add_argument("--alpha", type=float, nargs="*", default=[0.5], help="SmoothQuant migration strengths")
    args = p.parse_args()

    from cpuinfo import header, machine  # benchmarks/cpuinfo.py
    from mask_throughput import texts, token_count

    from piilora import Redactor
    from piilora.data.synth import CorpusConfig, generate_examples
    from piilora.plugins import create_plugin_manager
    from piilora.redactor import load_masker

    torch.set_num_threads(args.threads)
    print(header(args.threads))
    items = texts(args.n)
    mid = [t for t in texts(200) if 50 <= token_count(t) <= 70][:20]
    model, tokenizer, meta = load_masker(None, dtype="float32")

    bare = {"rules": False, "check_shapes": False, "propagate": False, "type_fields": False}  # the model's answers

    def run(m: Any) -> tuple[list[str], float, float]:
        r = Redactor(m, tokenizer, meta=meta, **bare)
        r.mask(items[0])  # warm-up
        lat = []
        for t in mid:
            t0 = time.perf_counter()
            r.mask(t)
            lat.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        out = [x.text for x in r.mask_batch(items)]
        return out, statistics.median(lat) * 1000, len(items) / (time.perf_counter() - t0)

    rows: list[dict[str, Any]] = []
    ref, p50, rate = run(model)
    rows.append({"system": "float32", "p50_ms_50_70_tokens": p50, "mask_batch_texts_s": rate, "agree": args.n})
    print("| system | p50 ms (50-70 tokens) | mask_batch texts/s | masks = float32 |\n|---|---|---|---|")
    print(f"| float32 | {p50:.0f} | {rate:.2f} | {args.n}/{args.n} |", flush=True)
    calib = [r["text"] for r in generate_examples(CorpusConfig(n=args.calibrate, seed=7), "train",
                                                   plugin_manager=create_plugin_manager(autoload=False))]  # fmt: skip
    plain = Redactor(model, tokenizer, meta=meta, **bare)
    amax = calibrate(model, lambda: plain.mask_batch(calib)) if args.calibrate else None
    variants: list[tuple[str, tuple[str, ...], Any]] = [("W8A8, all linears", (), None),
                                                        ("W8A8, all but down_proj", ("down_proj",), None)]  # fmt: skip
    if amax is not None:
        variants += [(f"W8A8 smoothed (alpha {a}), all linears", (), a) for a in args.alpha]
        variants += [(f"W8A8 smoothed (alpha {a}), all but down_proj", ("down_proj",), a) for a in args.alpha]
    for name, skip, alpha in variants:
        out, p50, rate = run(quantized(model, skip, amax if alpha is not None else None, alpha or 0.5))
        diffs = [i for i in range(args.n) if out[i] != ref[i]]
        rows.append(
            {"system": name, "p50_ms_50_70_tokens": p50, "mask_batch_texts_s": rate, "agree": args.n - len(diffs)}
        )
        print(f"| {name} | {p50:.0f} | {rate:.2f} | {args.n - len(diffs)}/{args.n} |", flush=True)
        for i in diffs[:3]:
            a, b = first_difference(ref[i], out[i])
            print(f"    text {i}: float32 {a!r}\n    {' ' * len(str(i))}       int8    {b!r}")
    result = {"machine": machine(args.threads), "n": args.n, "rows": rows}
    out_path = HERE / "results" / "int8_linear.json"
    out_path.parent.mkdir(exist_ok=True)
    out_path.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
