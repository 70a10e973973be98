"""Foresight (issue 25): does reading the verdicts past the accepted prefix save time?

The copy decoder verifies a proposal in one forward and keeps the longest agreeing prefix.
Past that prefix the verdicts are the model's choices given the proposed copy: where it would
open a placeholder instead of copying on, the value there is likely the next one it masks.
With foresight (the default) such values join the speculated placeholders
(``Proposer.foresee``), so one forward can settle several values. This measures the same
Redactor with foresight on and off, in one process, texts interleaved (on/off, then off/on)
so that drift of a shared machine hits both alike:

- one text at a time, texts of 50-70 tokens from the held-out test split: p50 and mean ms,
  forwards per text, masks identical on/off;
- ``mask_batch`` over all ``--n`` texts, on and off alternated ``--reps`` times: texts/s
  (each rep), forwards.

Both in float32 (where masks must be identical: speculation never changes a greedy answer)
and in the precision ``dtype="auto"`` picks here (bf16 where native: rounding may flip a
near-tie when proposal shapes change). Rules and safety net on (the default ``Redactor()``).

usage: python benchmarks/foresight.py [--n 400] [--batch-n 100] [--reps 3] [--threads 2]
Writes benchmarks/results/foresight.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def compare(red: Any, single: list[str], batch: list[str], reps: int) -> dict[str, Any]:
    """Foresight on vs off on one Redactor: single texts interleaved, batches alternated."""
    red.mask(single[0])  # builds the decoder and the instruction-prefix KV
    proposer = red._copy_decoder.proposer
    out: dict[bool, dict[str, Any]] = {on: {"ms": [], "masks": [], "forwards": 0} for on in (True, False)}
    for i, text in enumerate(single):
        for on in (True, False) if i % 2 else (False, True):
            proposer.foresight = on
            f0 = red.stats.forwards
            t0 = time.perf_counter()
            masked = red.mask(text).text
            out[on]["ms"].append((time.perf_counter() - t0) * 1000)
            out[on]["masks"].append(masked)
            out[on]["forwards"] += red.stats.forwards - f0
    batches: dict[bool, dict[str, Any]] = {on: {"texts_per_s": [], "forwards": 0} for on in (True, False)}
    batch_masks: dict[bool, list[str]] = {}
    for rep in range(reps):
        for on in (True, False) if rep % 2 else (False, True):
            proposer.foresight = on
            f0 = red.stats.forwards
            t0 = time.perf_counter()
            batch_masks[on] = [r.text for r in red.mask_batch(batch)]
            batches[on]["texts_per_s"].append(len(batch) / (time.perf_counter() - t0))
            batches[on]["forwards"] = red.stats.forwards - f0
    proposer.foresight = True
    n = len(single)
    return {
        "single_texts": n,
        "batch_texts": len(batch),
        "rows": {
            "on" if on else "off": {
                "p50_ms": statistics.median(out[on]["ms"]),
                "mean_ms": statistics.mean(out[on]["ms"]),
                "forwards_per_text": out[on]["forwards"] / n,
                "batch_texts_per_s": batches[on]["texts_per_s"],
                "batch_forwards": batches[on]["forwards"],
            }
            for on in (True, False)
        },
        "same_masks_single": sum(a == b for a, b in zip(out[True]["masks"], out[False]["masks"])),
        "same_masks_batch": sum(a == b for a, b in zip(batch_masks[True], batch_masks[False])),
    }


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--n", type=int, default=400, help="test-split texts to pick the 50-70-token ones from")
    p.add_argument("--batch-n", type=int, default=100)
    p.add_argument("--reps", type=int, default=3)
    p.add_argument("--threads", type=int, default=2)
    args = p.parse_args()
    import torch
    from cpuinfo import header, machine  # benchmarks/cpuinfo.py
    from mask_throughput import texts, token_count

    from piilora.redactor import Redactor, resolve_dtype

    torch.set_num_threads(args.threads)
    print(header(args.threads))
    pool = texts(args.n)
    single = [t for t in pool if 50 <= token_count(t) <= 70]
    batch = pool[: args.batch_n]
    results: dict[str, Any] = {"machine": machine(args.threads)}
    auto = str(resolve_dtype("auto")).replace("torch.", "")
    for dtype in dict.fromkeys(["float32", auto]):
        red = Redactor.from_pretrained(dtype=dtype)
        r = results[dtype] = compare(red, single, batch, args.reps)
        del red
        print(f"\n{dtype}: {r['single_texts']} texts of 50-70 tokens one at a time; mask_batch of {r['batch_texts']}")
        print("| foresight | p50 ms | mean ms | forwards/text | mask_batch texts/s (each rep) | batch forwards |")
        print("|---|---|---|---|---|---|")
        for name, row in r["rows"].items():
            rates = ", ".join(f"{x:.2f}" for x in row["batch_texts_per_s"])
            print(f"| {name} | {row['p50_ms']:.0f} | {row['mean_ms']:.0f} | {row['forwards_per_text']:.2f} | {rates} | "
                  f"{row['batch_forwards']} |")  # fmt: skip
        print(f"same masks on/off: one at a time {r['same_masks_single']}/{r['single_texts']}, "
              f"batched {r['same_masks_batch']}/{r['batch_texts']}")  # fmt: skip
    out = HERE / "results" / "foresight.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
