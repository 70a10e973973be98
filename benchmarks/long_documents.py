"""Long and pathological documents: seconds per 100 KB, and whether verifiable values stay masked.

One real Redactor (shipped adapter, default dtype), ``--threads`` torch threads (default 2; nothing
else should run meanwhile). Documents (generated here, seeded; no outside text):

- ``prose``: meeting-note sentences with names, e-mail addresses and phone numbers (Faker), of
  ``--sizes`` KB each: seconds, seconds per 100 KB (to check it scales linearly), flags, and
  how many e-mail addresses and rule-valid phone numbers are left readable (must be 0);
- ``digits``: 3,000 random digits; ``nospace``: 20,000 characters without a space around one
  e-mail address: both must finish within their forward budget, the e-mail masked.

Baseline in the same run: ``window_budget=None`` (no bound) on the pathological texts.
Prints a table and writes benchmarks/results/long_documents.json with the CPU model.

usage: python benchmarks/long_documents.py [--sizes 25,100] [--threads 2] [--skip-unbounded]
"""

from __future__ import annotations

import argparse
import json
import random
import string
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def prose(n_chars: int, seed: int = 0) -> tuple[str, list[str]]:
    from faker import Faker

    fake = Faker("en_US")
    fake.seed_instance(seed)
    rng = random.Random(seed)
    parts: list[str] = []
    values: list[str] = []
    size = 0
    while size < n_chars:
        name, email, phone = fake.name(), fake.email(), fake.phone_number()
        kind = rng.randrange(4)
        sentence = [
            f"Meeting notes: {name} agreed to review the quarterly budget before Friday. ",
            f"Please forward the draft to {email} and copy the legal team on the thread. ",
            f"If anything is unclear, call {phone} between nine and five. ",
            f"The vendor reported that shipment {rng.randrange(10**5)} was delayed by weather in the north. ",
        ][kind]
        values.extend([[name], [email], [phone], []][kind])
        parts.append(sentence + ("\n\n" if rng.random() < 0.2 else ""))
        size += len(parts[-1])
    return "".join(parts), values


def verifiable(text: str, values: list[str]) -> list[str]:
    """The values a rule verifies on their own (e-mails, phone numbers phonenumbers accepts)."""
    from piilora.safety import SafetyNet

    net = SafetyNet.from_plugins()
    out = []
    for v in values:
        found = net.detect_rules(v)
        if any(s.start == 0 and s.end == len(v) for s in found):
            out.append(v)
    return out


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--sizes", default="25,100", help="prose sizes in KB")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--skip-unbounded", action="store_true", help="no window_budget=None baseline")
    args = p.parse_args()

    from piilora import Redactor
    from piilora.redactor import load_masker

    model, tokenizer, meta = load_masker(None, threads=args.threads)
    rows = []

    def run(name: str, text: str, values: list[str], **kwargs: object) -> None:
        red = Redactor(model, tokenizer, meta=meta, **kwargs)
        t0 = time.perf_counter()
        res = red.mask(text)
        dt = time.perf_counter() - t0
        checked = verifiable(text, values)
        rows.append({
            "doc": name, "chars": len(text), "budget": kwargs.get("window_budget", "default"),
            "seconds": round(dt, 1), "s_per_100kb": round(dt * 100_000 / len(text), 1), "flags": list(res.flags),
            "verifiable": len(checked), "readable": sum(v in res.text for v in checked),
            "forwards": red.stats.forwards,
        })  # fmt: skip
        print(rows[-1], flush=True)

    for kb in (int(x) for x in args.sizes.split(",") if x):
        text, values = prose(kb * 1000)
        run(f"prose {kb} KB", text, values)
    rng = random.Random(0)
    digits = "".join(rng.choice(string.digits) for _ in range(3000))
    email = "anna.berg@example.com"
    noise = string.ascii_letters + string.digits + "-_/.="
    nospace = "".join(rng.choice(noise) for _ in range(10_000)) + f" {email} "
    nospace += "".join(rng.choice(noise) for _ in range(10_000))
    for name, text, values in (("digits", digits, []), ("nospace", nospace, [email])):
        run(name, text, values)
        if not args.skip_unbounded:
            run(name, text, values, window_budget=None)

    from cpuinfo import header, machine  # benchmarks/cpuinfo.py

    print("\n" + header(args.threads))
    print("| document | chars | budget | seconds | s per 100 KB | flags | verifiable left readable |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['doc']} | {r['chars']} | {r['budget']} | {r['seconds']} | {r['s_per_100kb']} | "
              f"{','.join(r['flags']) or '-'} | {r['readable']} of {r['verifiable']} |")  # fmt: skip
    out = HERE / "results" / "long_documents.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(
        json.dumps({"machine": machine(args.threads), "threads": args.threads, "rows": rows}, indent=1) + "\n"
    )


if __name__ == "__main__":
    main()
