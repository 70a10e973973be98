"""Record what piilora produces, so that a refactor can prove it changed nothing.

A snapshot holds, for one machine and one installed tree:

- ``corpus``: the SHA-256 of every split of ``generate_corpus(n, seed)`` (rows as sorted JSON,
  one per line), so the template bank, the entity generators and the corpus builder are pinned
  byte for byte; plus the digest of the ``negatives`` training mix (``fp_probe.render_templates``).
- ``rules``: the evaluation's rules-only system (the safety net with no model) on the validation
  split: every span.
- ``validation`` and ``fillers`` / ``prose`` / ``machine``: the default ``Redactor()`` (shipped
  adapter, rules and safety net on) on the validation split and on the three false-positive
  probes (``scripts/fp_probe.py``): each masked text and its spans (type, offsets, source).

    python scripts/snapshot_outputs.py record --out before.json
    python scripts/snapshot_outputs.py compare before.json after.json

``compare`` prints, per section, how many items are identical, lists the first differences and
exits 1 when any differ. The ``machine`` probe reads this machine's files: compare snapshots
taken on one machine with one environment.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))


def _digest(rows: Any) -> str:
    h = hashlib.sha256()
    for row in rows:
        h.update(json.dumps(row, sort_keys=True, ensure_ascii=False).encode("utf-8") + b"\n")
    return h.hexdigest()


def _results(texts: list[str], results: list[Any]) -> list[dict[str, Any]]:
    return [
        {
            "text_sha": hashlib.sha256(t.encode("utf-8", "surrogatepass")).hexdigest()[:16],
            "masked": r.text,
            "flags": list(r.flags),
            "spans": [[s.entity_type, s.start, s.end, s.source] for s in r.spans],
        }
        for t, r in zip(texts, results)
    ]


def record(args: argparse.Namespace) -> None:
    from fp_probe import filler_texts, machine_texts, prose_texts, render_templates

    import piilora
    from piilora.data.synth import generate_corpus
    from piilora.evaluation import build_systems

    print(f"piilora from {piilora.__file__}", file=sys.stderr)
    snap: dict[str, Any] = {}
    t0 = time.perf_counter()
    corpus = generate_corpus(args.n, seed=args.seed)
    snap["corpus"] = {split: _digest(ds) for split, ds in corpus.items()}
    snap["corpus"]["negatives"] = _digest(render_templates("negatives_train.txt", 2, random.Random(3), 3))
    print(f"corpus digests in {time.perf_counter() - t0:.0f}s", file=sys.stderr)

    validation = list(corpus["validation"]["text"])
    if args.limit:
        validation = validation[: args.limit]
    rules = build_systems(["rules"])["rules"]
    snap["rules"] = [[[s.entity_type, s.start, s.end] for s in rules(t).spans] for t in validation]

    from piilora.redactor import Redactor, load_masker

    model, tokenizer, meta = load_masker(None, threads=args.threads)
    redactor = Redactor(model, tokenizer, meta=meta)
    probes = {"validation": validation, "fillers": filler_texts(), "prose": prose_texts(), "machine": machine_texts()}
    for name, texts in probes.items():
        if args.limit:
            texts = texts[: args.limit]
        t0 = time.perf_counter()
        snap[name] = _results(texts, redactor.mask_batch(texts))
        print(f"{name}: {len(texts)} texts in {time.perf_counter() - t0:.0f}s", file=sys.stderr)
    Path(args.out).write_text(json.dumps(snap, ensure_ascii=False, indent=0) + "\n", "utf-8")


def compare(args: argparse.Namespace) -> int:
    a = json.loads(Path(args.before).read_text("utf-8"))
    b = json.loads(Path(args.after).read_text("utf-8"))
    bad = 0
    for section in sorted(set(a) | set(b)):
        left, right = a.get(section), b.get(section)
        if isinstance(left, dict) or isinstance(right, dict):
            keys = sorted(set(left or {}) | set(right or {}))
            diff = [k for k in keys if (left or {}).get(k) != (right or {}).get(k)]
            print(f"{section}: {len(keys) - len(diff)}/{len(keys)} identical" + (f"; differ: {diff}" if diff else ""))
            bad += len(diff)
            continue
        left, right = left or [], right or []
        n = max(len(left), len(right))
        diff = [i for i in range(n) if i >= len(left) or i >= len(right) or left[i] != right[i]]
        print(f"{section}: {n - len(diff)}/{n} identical")
        for i in diff[:5]:
            before, after = (left[i] if i < len(left) else None), (right[i] if i < len(right) else None)
            print(f"  item {i}:\n    before {before}\n    after  {after}")
        bad += len(diff)
    print("IDENTICAL" if not bad else f"{bad} differences")
    return 1 if bad else 0


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("record")
    r.add_argument("--out", required=True)
    r.add_argument("--n", type=int, default=3000, help="corpus size (validation gets a tenth)")
    r.add_argument("--seed", type=int, default=0)
    r.add_argument("--threads", type=int, default=2)
    r.add_argument("--limit", type=int, default=0, help="texts per section (0 = all)")
    c = sub.add_parser("compare")
    c.add_argument("before")
    c.add_argument("after")
    args = p.parse_args()
    if args.cmd == "record":
        record(args)
    else:
        sys.exit(compare(args))


if __name__ == "__main__":
    main()
