"""Masking throughput: the notebook way vs the Redactor, same model, adapter and texts, one run.

(a) baseline: the PEFT model *unmerged*, ``model.generate`` one text at a time (what the
    usual LoRA notebook does), answers aligned and rebuilt like the Redactor's;
(b) ``Redactor.mask`` one text at a time (merged LoRA, prompt-lookup decoding);
(c) ``Redactor.mask_batch`` (the same decoder over a list);
(d) for reference, ``mask_batch`` with plain batched ``model.generate`` (left padding, batch 8),
    and Presidio with spaCy's small model when installed.
Rows (b)-(c) use the copy-or-placeholder decoder (restricted head + prompt lookup).
The slow notebook baseline may run on the first ``--baseline-n`` texts only (a rate is a rate);
identical masks are counted on those.
All without rule detectors, so the masks compare like for like: the script checks they
are identical. Texts: the held-out test split of the synthetic corpus (templates never
seen in training). Threads: ``--threads`` (default 2 = this machine's cores).

usage: python benchmarks/mask_throughput.py [--adapter DIR] [--n 200] [--threads 2]
Writes benchmarks/results/mask_throughput.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def texts(n: int) -> list[str]:
    from piilora.data.synth import CorpusConfig, generate_examples
    from piilora.plugins import create_plugin_manager

    rows = generate_examples(
        CorpusConfig(n=n * 12, seed=123), "test", plugin_manager=create_plugin_manager(autoload=False)
    )
    return [r["text"] for r in rows][:n]


def rebuild(text: str, answer: str) -> str:
    from piilora.alignment import align_output
    from piilora.data.prompt import bracket_target
    from piilora.detectors import merge_spans

    spans, _ = align_output(text, answer)
    return bracket_target(text, merge_spans(spans, []))


def percentile(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))]


def run_baseline(adapter: Path, items: list[str]) -> tuple[list[str], list[float], int]:
    import torch
    from peft import PeftModel

    from piilora.data.prompt import END_OF_TURN, parse_answer, prompt_ids
    from piilora.model import load_base_model, load_tokenizer

    tok = load_tokenizer()
    model = PeftModel.from_pretrained(load_base_model(), str(adapter)).eval()
    eot = tok.convert_tokens_to_ids(END_OF_TURN)
    out, lat, generated = [], [], 0
    for text in items:
        t0 = time.perf_counter()
        ids = torch.tensor([prompt_ids(tok, text)])
        with torch.no_grad():
            gen = model.generate(input_ids=ids, max_new_tokens=ids.shape[1] + 24, do_sample=False, eos_token_id=eot)
        answer = gen[0, ids.shape[1] :].tolist()
        out.append(rebuild(text, parse_answer(tok, answer)))
        lat.append(time.perf_counter() - t0)
        generated += len(answer)
    return out, lat, generated


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--adapter", default=None, help="adapter dir (default: the shipped adapter)")
    p.add_argument("--n", type=int, default=200)
    p.add_argument("--baseline-n", type=int, default=None, help="texts for the slow baseline (default: --n)")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--plain", action="store_true", help="also time plain batched model.generate (slow)")
    args = p.parse_args()
    import torch

    from piilora.redactor import DEFAULT_ADAPTER, Redactor

    torch.set_num_threads(args.threads)
    adapter = Path(args.adapter) if args.adapter else DEFAULT_ADAPTER
    items = texts(args.n)
    base_items = items[: args.baseline_n or args.n]
    rows = {}

    t0 = time.perf_counter()
    base_out, base_lat, base_tokens = run_baseline(adapter, base_items)
    rows["notebook generate (unmerged PEFT)"] = {"seconds": time.perf_counter() - t0, "latencies": base_lat,
                                                 "n": len(base_items)}  # fmt: skip

    red = Redactor.from_pretrained(adapter, rules=False)
    lat = []
    single = []
    red.stats.__init__()
    t0 = time.perf_counter()
    for text in items:
        t = time.perf_counter()
        single.append(red.mask(text).text)
        lat.append(time.perf_counter() - t)
    rows["Redactor.mask (batch 1)"] = {"seconds": time.perf_counter() - t0, "latencies": lat, "n": len(items),
                                       "forwards_per_token": red.stats.forwards / max(1, red.stats.tokens)}  # fmt: skip

    t0 = time.perf_counter()
    batched = [r.text for r in red.mask_batch(items)]
    total = time.perf_counter() - t0
    rows["Redactor.mask_batch"] = {"seconds": total, "latencies": [total / len(items)] * len(items), "n": len(items)}

    generated = single
    if args.plain:
        plain = Redactor(red.model, red.tokenizer, rules=False, decoder="generate", batch_size=8, meta=red.meta)
        t0 = time.perf_counter()
        generated = [r.text for r in plain.mask_batch(items)]
        total = time.perf_counter() - t0
        rows["mask_batch, plain batched generate"] = {"seconds": total, "n": len(items),
                                                      "latencies": [total / len(items)] * len(items)}  # fmt: skip

    try:
        from piilora.evaluation import build_systems

        presidio = build_systems(["presidio"])["presidio"]
        lat = []
        t0 = time.perf_counter()
        for text in items:
            t = time.perf_counter()
            presidio(text)
            lat.append(time.perf_counter() - t)
        rows["Presidio (spaCy sm), reference"] = {"seconds": time.perf_counter() - t0, "latencies": lat,
                                                  "n": len(items)}  # fmt: skip
    except Exception as exc:  # optional extra
        print(f"(Presidio row skipped: {exc})")

    same_single = sum(a == b for a, b in zip(base_out, single))
    same_batch = sum(a == b for a, b in zip(single, batched))
    same_generate = sum(a == b for a, b in zip(single, generated))
    base_rate = len(base_items) / rows["notebook generate (unmerged PEFT)"]["seconds"]
    print(f"\n{len(items)} held-out texts, {args.threads} threads, adapter {adapter}")
    print(f"{'system':<36}{'texts/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'vs notebook':>13}{'fwd/token':>11}")
    summary = {}
    for name, r in rows.items():
        rate = r["n"] / r["seconds"]
        p50, p95 = percentile(r["latencies"], 0.5) * 1000, percentile(r["latencies"], 0.95) * 1000
        fpt = r.get("forwards_per_token")
        shown = f"{fpt:>11.2f}" if fpt is not None else f"{'1.00' if 'notebook' in name else '-':>11}"
        print(f"{name:<36}{rate:>9.2f}{p50:>9.0f}{p95:>9.0f}{rate / base_rate:>12.1f}x{shown}")
        summary[name] = {"texts_per_s": rate, "p50_ms": p50, "p95_ms": p95, "ratio": rate / base_rate, "n": r["n"],
                         "forwards_per_token": fpt}  # fmt: skip
    print(f"identical masks: baseline vs mask {same_single}/{len(base_items)}, ", end="")
    print(f"mask vs mask_batch {same_batch}/{len(items)}, mask vs plain generate {same_generate}/{len(items)}")
    out = HERE / "results" / "mask_throughput.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"threads": args.threads, "n": len(items), "rows": summary,
                               "identical_baseline_vs_mask": same_single, "identical_mask_vs_batch": same_batch,
                               "identical_mask_vs_plain_generate": same_generate,
                               "baseline_generated_tokens": base_tokens,
                               "median_chars": statistics.median(len(t) for t in items)}, indent=2) + "\n")  # fmt: skip
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
