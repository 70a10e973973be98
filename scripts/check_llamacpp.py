"""Check exported GGUFs with the real llama.cpp (via llama-cpp-python): greedy masks on N held-out
texts from (1) the merged F32 GGUF, (2) the merged F16 GGUF, (3) the base GGUF + adapter-lora.gguf,
each against transformers (merged adapter, float32, plain greedy) on the same prompt ids.

    nox -s llamacpp                     # builds llama-cpp-python once (~20 min on 2 cores), runs this
    python scripts/check_llamacpp.py --n 20 --threads 2 [--adapter DIR]

Prints match counts, export times and sizes, and tokens/s of llama.cpp vs transformers; writes
benchmarks/results/llamacpp.json. OMP_WAIT_POLICY=PASSIVE is set: without it llama.cpp decoding
stalls on 2 busy cores.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
ROOT = Path(__file__).resolve().parents[1]


def held_out(n: int) -> list[str]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from mask_throughput import texts

    return texts(n)


def transformers_answers(adapter: Path | None, prompts: list[list[int]], eot: int, limit: int) -> tuple[list, float]:
    import torch

    from piilora.redactor import load_masker

    model, _, _ = load_masker(adapter, dtype="float32")
    out, tokens, t0 = [], 0, time.perf_counter()
    for p in prompts:
        with torch.no_grad():
            gen = model.generate(torch.tensor([p]), max_new_tokens=len(p) + limit, do_sample=False, eos_token_id=eot)
        answer = gen[0, len(p) :].tolist()
        out.append(answer)
        tokens += len(answer)
    return out, tokens / (time.perf_counter() - t0)


def llama_answers(model_path: Path, prompts: list[list[int]], eot: int, limit: int, threads: int,
                  lora: Path | None = None) -> tuple[list, float]:  # fmt: skip
    from llama_cpp import Llama

    llm = Llama(model_path=str(model_path), lora_path=str(lora) if lora else None, n_ctx=2048, n_threads=threads,
                n_threads_batch=threads, verbose=False)  # fmt: skip
    out, tokens, t0 = [], 0, time.perf_counter()
    for p in prompts:
        llm.reset()
        answer = []
        for tok in llm.generate(p, top_k=1, top_p=1.0, min_p=0.0, temp=0.0, repeat_penalty=1.0, reset=True):
            answer.append(int(tok))
            if tok == eot or len(answer) >= len(p) + limit:
                break
        out.append(answer)
        tokens += len(answer)
    return out, tokens / (time.perf_counter() - t0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--adapter", type=Path, default=None)
    ap.add_argument("--n", type=int, default=20)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    import torch

    from piilora.data.prompt import END_OF_TURN, parse_answer, prompt_ids
    from piilora.export import export
    from piilora.model import default_gguf, load_tokenizer

    torch.set_num_threads(args.threads)
    tok = load_tokenizer()
    eot = tok.convert_tokens_to_ids(END_OF_TURN)
    items = held_out(args.n)
    prompts = [prompt_ids(tok, t) for t in items]
    ref, ref_tps = transformers_answers(args.adapter, prompts, eot, 24)
    ref_masks = [parse_answer(tok, a) for a in ref]
    report: dict = {"n": len(items), "threads": args.threads, "transformers_tokens_per_s": ref_tps, "runs": {}}
    with tempfile.TemporaryDirectory() as tmp:
        exports = {}
        for kind in ("f32", "f16"):
            t0 = time.perf_counter()
            res = export("gguf", Path(tmp) / kind, adapter=args.adapter, gguf_type=kind)
            exports[kind] = res
            report[f"export_{kind}"] = {"seconds": time.perf_counter() - t0, "files": res.files}
        runs = {
            "merged F32 GGUF": (exports["f32"].out / "model-f32.gguf", None),
            "merged F16 GGUF": (exports["f16"].out / "model-f16.gguf", None),
            "base Q4_K_M GGUF + adapter-lora.gguf": (default_gguf()[0], exports["f16"].out / "adapter-lora.gguf"),
        }
        for name, (path, lora) in runs.items():
            answers, tps = llama_answers(path, prompts, eot, 24, args.threads, lora)
            masks = [parse_answer(tok, a) for a in answers]
            same = sum(a == b for a, b in zip(masks, ref_masks))
            same_ids = sum(a == b for a, b in zip(answers, ref))
            report["runs"][name] = {"identical_masks": same, "identical_token_ids": same_ids, "tokens_per_s": tps}
            print(f"{name:<40} identical masks {same}/{len(items)}  ids {same_ids}/{len(items)}  {tps:.1f} tok/s")
    print(f"{'transformers fp32 generate':<40} {ref_tps:.1f} tok/s")
    for kind in ("f32", "f16"):
        e = report[f"export_{kind}"]
        sizes = ", ".join(f"{k} {v / 1e6:.1f} MB" for k, v in e["files"].items() if k.endswith(".gguf"))
        print(f"export {kind}: {e['seconds']:.1f} s ({sizes})")
    out = ROOT / "benchmarks" / "results" / "llamacpp.json"
    out.write_text(json.dumps(report, indent=2) + "\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
