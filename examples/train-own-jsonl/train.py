"""Train an adapter on your own JSONL (plus synthetic data), then mask with it.

Your file holds one record per line, with spans or as a text/masked pair (one layout per file):

    {"text": "Call Jane on 555-0100", "spans": [{"start": 5, "end": 9, "label": "PERSON"}, ...]}
    {"text": "Call Jane on 555-0100", "masked": "Call [PERSON] on [PHONE_NUMBER]"}

    python train.py --data my.jsonl --out runs/mine [--steps 300]

``--tiny-base DIR`` trains on a small local model instead of Gemma 3 270M (CI uses it to run this
example in seconds). Bad rows stop with the file, row and field named (never the text).
"""

from __future__ import annotations

import argparse
import random

from piilora import AdapterConfig, Redactor, TrainConfig, Trainer, load_records
from piilora.data.synth import CorpusConfig, generate_examples
from piilora.plugins import create_plugin_manager


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", required=True, help="your JSONL (spans or text/masked pairs)")
    p.add_argument("--out", required=True)
    p.add_argument("--steps", type=int, default=300)
    p.add_argument("--synthetic", type=int, default=2000, help="synthetic examples mixed in (variety matters)")
    p.add_argument("--tiny-base", help="a small local HF model dir to train instead of Gemma 3 270M")
    args = p.parse_args()

    # validates every row (offsets, labels, text/masked alignment); errors name file, row and field
    mine = [{"text": r["text"], "spans": r["spans"]} for r in load_records(args.data)]
    pm = create_plugin_manager()
    synthetic = generate_examples(CorpusConfig(n=max(args.synthetic, 10), seed=0), "train", plugin_manager=pm)
    rows = [*mine, *({"text": r["text"], "spans": r["spans"]} for r in synthetic[: args.synthetic])]
    random.Random(0).shuffle(rows)
    cfg = TrainConfig(max_steps=args.steps, batch_size=8, micro_batch_size=8, eval_every=0, save_every=0,
                      eval_generate=0, base_model=args.tiny_base, max_length=512)  # fmt: skip
    held_out = mine[: max(1, len(mine) // 10)]
    adapter = Trainer(AdapterConfig(), cfg, train_data=rows, eval_data=held_out, output_dir=args.out,
                      plugin_manager=pm, progress=False).fit()  # fmt: skip
    print(f"adapter: {adapter}")
    redactor = Redactor.from_pretrained(adapter, base_model=args.tiny_base)  # the base it was trained on
    for row in held_out[:3]:
        print(redactor.mask(row["text"]).text)


if __name__ == "__main__":
    main()
