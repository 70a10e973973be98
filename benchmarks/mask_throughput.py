"""Masking throughput: the notebook way vs the Redactor, same model, adapter and texts, one run.

Rows (all but (c2) without rule detectors or the safety net, so masks compare like for like):

(a) notebook baseline: the PEFT model *unmerged*, float32, ``model.generate`` one text at a
    time (what the usual LoRA notebook does; float32 because HF ``generate`` in bf16 is slower
    at batch 1 here), answers aligned and rebuilt like the Redactor's. Being slow, it may run
    on the first ``--baseline-n`` texts only (a rate is a rate);
(b) ``Redactor.mask`` one text at a time in float32 (the merged model); (b2)
    ``Redactor.mask_batch`` in float32;
(c) ``Redactor.mask`` one text at a time with the default dtype (bf16 on CPUs with AMX /
    AVX512-BF16);
(c2) the default ``Redactor`` (rule detectors and the whole safety net) one text at a time,
    same model as (c): the cost of the safety net (its masks differ by design);
(d) ``Redactor.mask_batch`` over all texts (ragged batches of similar length);
(e) with ``--plain``: plain greedy ``model.generate`` one text at a time, no speculation,
    with the same merged float32 model as (b): the copy decoder's masks must be identical;
(f) Presidio with spaCy's small model, when installed (a reference, not a like-for-like mask).

Rows (b)-(d) use the copy-or-placeholder decoder (restricted head, prompt lookup, label
completion, batched verification). Texts: the held-out test split of the synthetic corpus
(templates never seen in training). Threads: ``--threads`` (default 2 = this machine's cores;
nothing else should run meanwhile: oversubscribed cores distort every row).

Rows (b)-(d) run the model as ``Redactor.from_pretrained`` loads it: weights prepacked for
oneDNN on the CPU (``--no-pack``: plain layers, to measure what packing gives).

``--compare-engine`` adds rows (b0), (b20), (c0), (d0): the same Redactors with the decoder's
engine as session 21 shipped it (transformers' forward instead of the lean Gemma 3 body, no
hole compaction, padding computed, 16-token proposals), so the engine's gain is measured in
the same run, on the same texts.

usage: python benchmarks/mask_throughput.py [--adapter DIR] [--n 200] [--baseline-n 40] [--plain] [--no-pack]
       [--compare-engine]
Writes benchmarks/results/mask_throughput.json.
"""

from __future__ import annotations

import argparse
import functools
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def texts(n: int) -> list[str]:
    from piilora.data.synth import CorpusConfig, generate_examples
    from piilora.plugins import create_plugin_manager

    rows = generate_examples(
        CorpusConfig(n=n * 12, seed=123), "test", plugin_manager=create_plugin_manager(autoload=False)
    )
    return [r["text"] for r in rows][:n]


@functools.cache
def _tokenizer() -> Any:
    from piilora.model import load_tokenizer

    return load_tokenizer()


def token_count(text: str) -> int:
    return len(_tokenizer()(text, add_special_tokens=False)["input_ids"])


def rebuild(text: str, answer: str) -> str:
    from piilora.alignment import align_output
    from piilora.data.prompt import bracket_target
    from piilora.safety.merge import merge_spans

    spans, _ = align_output(text, answer)
    return bracket_target(text, merge_spans(spans, [], text))  # as the Redactor merges (names joined)


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


def timed(fn: Callable[[str], str], items: list[str]) -> tuple[list[str], list[float], float]:
    outs, lat = [], []
    t0 = time.perf_counter()
    for text in items:
        t = time.perf_counter()
        outs.append(fn(text))
        lat.append(time.perf_counter() - t)
    return outs, lat, time.perf_counter() - t0


def per_token(stats: Any) -> float:
    return stats.forwards / max(1, stats.tokens)


def single_and_batched(
    red: Any, items: list[str], rows: dict[str, dict], single_name: str, batch_name: str
) -> tuple[list[str], list[str]]:
    """Time ``red.mask`` one text at a time, then ``red.mask_batch`` over all ``items``; add both
    rows (with forwards per generated token) and return both lists of masks."""
    red.mask(items[0])  # the instruction-prefix KV is computed once per Redactor
    red.stats.__init__()
    single, lat, total = timed(lambda t: red.mask(t).text, items)
    rows[single_name] = {"seconds": total, "latencies": lat, "n": len(items),
                         "forwards_per_token": per_token(red.stats), "tokens": red.stats.tokens}  # fmt: skip
    red.stats.__init__()
    t0 = time.perf_counter()
    batched = [r.text for r in red.mask_batch(items)]
    total = time.perf_counter() - t0
    rows[batch_name] = {"seconds": total, "latencies": [total / len(items)] * len(items), "n": len(items),
                        "batch": True, "tokens": red.stats.tokens,
                        "forwards_per_token": per_token(red.stats)}  # fmt: skip
    return single, batched


def previous_engine(red: Any) -> Any:
    """``red`` (a Redactor) with its copy decoder's engine as session 21 shipped it."""
    red.mask("warm-up")  # builds the copy decoder
    decoder = red._copy_decoder
    decoder.engine.lean, decoder.engine.compact, decoder.engine.ragged = None, False, False
    decoder.lookahead = decoder.proposer.lookahead = 16
    return red


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--adapter", default=None, help="adapter dir (default: the shipped adapter)")
    p.add_argument("--n", type=int, default=200)
    p.add_argument("--baseline-n", type=int, default=None, help="texts for the slow rows (a)-(b) (default: --n)")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--dtype", default="auto", help="dtype of rows (c)-(e)")
    p.add_argument("--plain", action="store_true", help="also run plain greedy generate (slow; identity check)")
    p.add_argument("--no-pack", dest="pack", action="store_false", help="rows (b)-(d) with plain (unpacked) weights")
    p.add_argument("--compare-engine", action="store_true", help="also rows (b0)-(d0): the decoder engine before")
    args = p.parse_args()
    import torch

    from piilora.redactor import DEFAULT_ADAPTER, Redactor, resolve_dtype

    torch.set_num_threads(args.threads)
    adapter = Path(args.adapter) if args.adapter else DEFAULT_ADAPTER
    items = texts(args.n)
    base_items = items[: args.baseline_n or args.n]  # rows (a) only
    prompt_tokens = [token_count(t) for t in items]
    rows: dict[str, dict] = {}

    t0 = time.perf_counter()
    base_out, base_lat, base_tokens = run_baseline(adapter, base_items)
    rows["(a) notebook: generate, unmerged PEFT, fp32"] = {"seconds": time.perf_counter() - t0,
                                                          "latencies": base_lat, "n": len(base_items),
                                                          "tokens": base_tokens}  # fmt: skip

    bare = {"rules": False, "check_shapes": False, "propagate": False, "type_fields": False}  # the model only
    red32 = Redactor.from_pretrained(adapter, dtype="float32", pack=args.pack, **bare)
    out32, batch32 = single_and_batched(red32, items, rows, "(b) Redactor.mask, fp32, batch 1",
                                        "(b2) Redactor.mask_batch, fp32")  # fmt: skip
    before: dict[str, list[str]] = {}
    if args.compare_engine:
        old32 = previous_engine(Redactor(red32.model, red32.tokenizer, meta=red32.meta, **bare))
        before["b0"], before["b20"] = single_and_batched(old32, items, rows, "(b0) (b), engine before",
                                                         "(b20) (b2), engine before")  # fmt: skip

    dtype = str(resolve_dtype(args.dtype)).replace("torch.", "")
    if dtype == "float32":  # no native bf16 here: (c)/(d) would repeat (b)/(b2) on the same model
        red, single, batched = red32, out32, batch32
        print("(c)/(d) are (b)/(b2): the default dtype on this CPU is float32")
    else:
        red = Redactor.from_pretrained(adapter, dtype=dtype, pack=args.pack, **bare)
        single, batched = single_and_batched(red, items, rows, f"(c) Redactor.mask, {dtype}, batch 1",
                                             f"(d) Redactor.mask_batch, {dtype}")  # fmt: skip
        if args.compare_engine:
            old = previous_engine(Redactor(red.model, red.tokenizer, meta=red.meta, **bare))
            before["c0"], before["d0"] = single_and_batched(old, items, rows, "(c0) (c), engine before",
                                                            "(d0) (d), engine before")  # fmt: skip

    # (c2): the default Redactor (rules and the whole safety net) on the same model: what they cost
    full = Redactor(red.model, red.tokenizer, meta=red.meta)
    full.mask(items[0])
    full.stats.__init__()
    _, lat, total = timed(lambda t: full.mask(t).text, items)
    rows[f"(c2) Redactor.mask, {dtype}, rules + safety net"] = {"seconds": total, "latencies": lat, "n": len(items),
                                                               "forwards_per_token": per_token(full.stats),
                                                               "tokens": full.stats.tokens}  # fmt: skip

    generated = None
    if args.plain:
        plain = Redactor(red32.model, red32.tokenizer, decoder="generate", batch_size=1,
                         prompt_lookup=0, meta=red32.meta, **bare)  # fmt: skip
        generated, lat, total = timed(lambda t: plain.mask(t).text, items)
        rows["(e) plain greedy generate, merged fp32, batch 1"] = {"seconds": total, "n": len(items),
                                                                  "latencies": lat}  # fmt: skip

    try:
        from piilora.evaluation import build_systems

        presidio = build_systems(["presidio"])["presidio"]
        _, lat, total = timed(lambda t: str(presidio(t)), items)
        rows["(f) Presidio (spaCy sm), reference"] = {"seconds": total, "latencies": lat, "n": len(items)}
    except Exception as exc:  # optional extra
        print(f"(Presidio row skipped: {exc})")

    identical = {
        "a_vs_b (fp32 notebook vs fp32 Redactor)": [sum(x == y for x, y in zip(base_out, out32)), len(base_items)],
        "a_vs_b2 (fp32 notebook vs fp32 mask_batch)": [sum(x == y for x, y in zip(base_out, batch32)), len(base_items)],
        "b_vs_b2 (fp32 mask vs mask_batch)": [sum(x == y for x, y in zip(out32, batch32)), len(items)],
    }
    if dtype != "float32":  # else (c)/(d) are (b)/(b2)
        identical[f"c_vs_d (mask vs mask_batch, {dtype})"] = [sum(x == y for x, y in zip(single, batched)), len(items)]
        identical[f"a_vs_c (fp32 notebook vs {dtype} Redactor)"] = [
            sum(x == y for x, y in zip(base_out, single)), len(base_items)]  # fmt: skip
    for key, now, new in (("b0", "b", out32), ("b20", "b2", batch32), ("c0", "c", single), ("d0", "d", batched)):
        if key in before:
            identical[f"{key}_vs_{now} (engine before vs now)"] = [
                sum(x == y for x, y in zip(before[key], new)), len(items)]  # fmt: skip
    if "c0" in before:
        identical[f"c0_vs_d0 (mask vs mask_batch, {dtype}, engine before)"] = [
            sum(x == y for x, y in zip(before["c0"], before["d0"])), len(items)]  # fmt: skip
    if generated is not None:
        identical["b_vs_e (copy decoder vs plain greedy, same merged fp32 model)"] = [
            sum(x == y for x, y in zip(out32, generated)), len(items)]  # fmt: skip
        identical["b2_vs_e (batched copy decoder vs plain greedy, fp32)"] = [
            sum(x == y for x, y in zip(batch32, generated)), len(items)]  # fmt: skip
    base_rate = len(base_items) / rows["(a) notebook: generate, unmerged PEFT, fp32"]["seconds"]
    mid = [i for i, n in enumerate(prompt_tokens) if 50 <= n <= 70]
    from cpuinfo import header, machine  # benchmarks/cpuinfo.py

    print("\n" + header(args.threads))
    print(f"{len(items)} held-out texts (median {statistics.median(prompt_tokens):.0f} tokens), "
          f"{args.threads} threads, adapter {adapter}")  # fmt: skip
    print(f"{'system':<40}{'texts/s':>9}{'tok/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'p50 50-70 tok':>15}{'vs (a)':>9}"
          f"{'fwd/token':>11}")  # fmt: skip
    summary = {}
    for name, r in rows.items():
        rate = r["n"] / r["seconds"]
        batch = r.get("batch", False)
        p50 = percentile(r["latencies"], 0.5) * 1000
        p95 = percentile(r["latencies"], 0.95) * 1000
        mid_lat = [r["latencies"][i] for i in mid if i < r["n"]]
        p50_mid = None if batch or not mid_lat else statistics.median(mid_lat) * 1000
        fpt = r.get("forwards_per_token", 1.0 if name.startswith("(a)") else None)
        tps = r["tokens"] / r["seconds"] if "tokens" in r else None
        cells = [f"{rate:>9.2f}", f"{'-' if tps is None else f'{tps:.1f}':>8}",
                 f"{'(mean)' if batch else f'{p50:.0f}':>9}", f"{'-' if batch else f'{p95:.0f}':>9}",
                 f"{'-' if p50_mid is None else f'{p50_mid:.0f}':>15}", f"{rate / base_rate:>8.1f}x",
                 f"{'-' if fpt is None else f'{fpt:.2f}':>11}"]  # fmt: skip
        print(f"{name:<40}{''.join(cells)}")
        summary[name] = {"texts_per_s": rate, "p50_ms": None if batch else p50, "p95_ms": None if batch else p95,
                         "p50_ms_50_70_tokens": p50_mid, "ratio_vs_notebook": rate / base_rate, "n": r["n"],
                         "generated_tokens_per_s": tps,
                         "forwards_per_token": fpt}  # fmt: skip
    for key, (same, n) in identical.items():
        print(f"identical masks, {key}: {same}/{n}")
    out = HERE / "results" / "mask_throughput.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"machine": machine(args.threads), "n": len(items), "baseline_n": len(base_items),
                               "dtype": dtype, "packed": args.pack, "compare_engine": args.compare_engine,
                               "rows": summary, "identical_masks": identical,
                               "baseline_generated_tokens": base_tokens, "texts_50_70_tokens": len(mid),
                               "median_text_tokens": statistics.median(prompt_tokens)}, indent=2) + "\n")  # fmt: skip
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
