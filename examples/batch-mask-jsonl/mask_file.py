"""Mask a large JSONL file: streaming, batched, resumable, optionally over several processes.

    python mask_file.py --in big.jsonl --out masked.jsonl [--field text] [--scheme numbered]
    accelerate launch --num_processes 2 mask_file.py --in big.jsonl --out masked.jsonl

Each output line is the input record with the field masked (and ``spans`` with ``--spans``).
Rerunning after an interruption skips the records already written. Under ``accelerate launch``
every process masks its share and the main process merges the parts back into input order.
The same thing from the shell: ``piilora mask --in big.jsonl --out masked.jsonl``.
"""

from __future__ import annotations

import argparse

from piilora import Redactor
from piilora.masking_io import mask_jsonl, merge_parts


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--in", dest="src", required=True)
    p.add_argument("--out", dest="dst", required=True)
    p.add_argument("--field", default="text")
    p.add_argument("--scheme", default="bracket")
    p.add_argument("--spans", action="store_true")
    p.add_argument("--adapter", help="adapter or merged model dir (default: the shipped adapter)")
    p.add_argument("--base-model", help="the base the adapter was trained on, if not the packaged Gemma 3 270M")
    p.add_argument("--threads", type=int, help="torch threads per process (cores // processes)")
    args = p.parse_args()

    rank, world = 0, 1
    try:
        from accelerate import PartialState

        state = PartialState()
        rank, world = state.process_index, state.num_processes
    except ImportError:
        state = None
    redactor = Redactor.from_pretrained(args.adapter, base_model=args.base_model, threads=args.threads)
    n = mask_jsonl(redactor, args.src, args.dst, field=args.field, scheme=args.scheme, with_spans=args.spans,
                   rank=rank, world_size=world, progress=rank == 0)  # fmt: skip
    if world > 1 and state is not None:
        state.wait_for_everyone()
        if state.is_main_process:
            merge_parts(args.dst, world)
    print(f"process {rank}: masked {n.written} records")


if __name__ == "__main__":
    main()
