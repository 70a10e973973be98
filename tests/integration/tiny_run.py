"""Train a tiny random Gemma 3 with the real tokenizer (used by the resume and distributed tests).

usage: python tiny_run.py OUT_DIR [--resume] [--steps N] [--micro M] [--save-every K]
Run it under ``accelerate launch`` for several processes.
"""

import argparse
import random

import torch
from transformers import Gemma3ForCausalLM

from piilora.config import AdapterConfig, TrainConfig
from piilora.model import load_tokenizer, tiny_gemma3_config
from piilora.training import Trainer

NAMES = ["Jane Doe", "Max Mustermann", "Ana Núñez", "Li Wei", "Olu Ade"]


def rows(n: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        name = rng.choice(NAMES)
        text = f"Ticket {i}: contact {name} " + "about the invoice " * rng.randint(0, 6) + "today."
        start = text.index(name)
        out.append({"text": text, "spans": [{"start": start, "end": start + len(name), "label": "PERSON"}]})
    return out


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("out")
    p.add_argument("--resume", action="store_true")
    p.add_argument("--steps", type=int, default=12)
    p.add_argument("--batch", type=int, default=4)
    p.add_argument("--micro", type=int, default=2)
    p.add_argument("--save-every", type=int, default=3)
    p.add_argument("--dropout", type=float, default=0.1)
    p.add_argument("--eval-every", type=int, default=0)
    args = p.parse_args()
    torch.manual_seed(0)
    model = Gemma3ForCausalLM(tiny_gemma3_config())
    trainer = Trainer(
        AdapterConfig(r=4, alpha=8, dropout=args.dropout),
        TrainConfig(
            max_steps=args.steps,
            batch_size=args.batch,
            micro_batch_size=args.micro,
            save_every=args.save_every,
            eval_every=args.eval_every,
            eval_generate=2,
            eval_batches=2,
            warmup_steps=2,
            learning_rate=5e-3,
            precision="fp32",
            keep_last=2,
        ),
        train_data=rows(64, 0),
        eval_data=rows(8, 1),
        output_dir=args.out,
        model=model,
        tokenizer=load_tokenizer(),
        resume=args.resume,
        progress=False,
    )
    trainer.fit()


if __name__ == "__main__":
    main()
