"""The ``piilora`` command line: a thin layer over the library, with no logic of its own."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from piilora.errors import PiiloraError

__all__ = ["main"]


def _cmd_data_generate(args: argparse.Namespace) -> int:
    from piilora.data.synth import CorpusConfig, corpus_stats, generate_corpus

    cfg = CorpusConfig(
        n=args.n,
        seed=args.seed,
        locales=tuple(args.locales) if args.locales else CorpusConfig.locales,
        negative_share=args.negative_share,
    )
    if args.quiet:
        import datasets

        datasets.disable_progress_bars()
    corpus = generate_corpus(config=cfg, out=args.out, progress=not args.quiet)
    stats = corpus_stats(corpus)
    if args.json:
        print(json.dumps(stats, indent=2, sort_keys=True))
    else:
        for split, s in stats.items():
            print(
                f"{split:<10} {s['examples']:>7} examples  {s['templates']:>4} templates  "
                f"no-PII {s['no_pii_share']:.0%}"
            )
        print(f"saved to {Path(args.out).resolve()} (datasets.load_from_disk)")
    return 0


def _cmd_data_show(args: argparse.Namespace) -> int:
    import datasets

    from piilora.data.prompt import bracket_target

    ds = datasets.load_from_disk(args.path)
    if isinstance(ds, datasets.DatasetDict):
        ds = ds[args.split]
    for row in ds.select(range(min(args.n, len(ds)))):
        print(f"--- {row.get('id', '')} [{row.get('genre', '')}]")
        print(row["text"])
        print(">>>")
        print(bracket_target(row["text"], row["spans"]))
    return 0


def _cmd_train(args: argparse.Namespace) -> int:
    from piilora.config import AdapterConfig, TrainConfig
    from piilora.training import Trainer, init_adapter_config

    train = TrainConfig.from_json(args.train_config) if args.train_config else TrainConfig()
    if args.init_adapter:
        train = train.replace(init_adapter=args.init_adapter)
    if args.adapter_config:
        adapter = AdapterConfig.from_json(args.adapter_config)
    else:  # refining an adapter keeps its rank, alpha and targets
        adapter = init_adapter_config(train.init_adapter) or AdapterConfig()
    adapter_overrides = {
        "r": args.rank,
        "alpha": args.alpha,
        "dropout": args.dropout,
        "use_rslora": args.rslora or None,
        "use_dora": args.dora or None,
    }
    train_overrides = {
        "base_model": args.base_model,
        "max_steps": args.steps,
        "batch_size": args.batch_size,
        "micro_batch_size": args.micro_batch_size,
        "learning_rate": args.lr,
        "max_length": args.max_length,
        "seed": args.seed,
        "precision": args.precision,
        "eval_every": args.eval_every,
        "save_every": args.save_every,
        "compile": args.compile,
        "num_threads": args.threads,
    }
    adapter = adapter.replace(**{k: v for k, v in adapter_overrides.items() if v is not None})
    train = train.replace(**{k: v for k, v in train_overrides.items() if v is not None})
    trainer = Trainer(
        adapter,
        train,
        train_data=args.data,
        eval_data=args.eval_data,
        output_dir=args.out,
        resume=args.resume,
        progress=not args.quiet,
    )
    adapter_dir = trainer.fit()
    print(f"adapter written to {adapter_dir}")
    return 0


def _scheme_options(pairs: Sequence[str]) -> dict[str, str]:
    options = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep:
            raise PiiloraError(f"--option takes KEY=VALUE, got {pair!r}")
        options[key] = value
    return options


def _load_redactor(args: argparse.Namespace) -> Any:
    """The Redactor ``piilora mask`` options describe (adapter, base, threads, dtype, selection)."""
    from piilora.redactor import Redactor

    return Redactor.from_pretrained(
        args.adapter,
        base_model=args.base_model,
        threads=args.threads,
        dtype=args.dtype,
        entities=_names(args.entities),
        exclude=_names(args.exclude),
    )


def _names(value: str | None) -> list[str] | None:
    """A comma-separated ``--entities`` / ``--exclude`` value as a list of names."""
    return None if value is None else [n.strip() for n in value.split(",") if n.strip()]


def _cmd_mask(args: argparse.Namespace) -> int:

    options: dict[str, Any] = dict(_scheme_options(args.option))
    if args.text is not None and args.input is not None:
        raise PiiloraError("give either a TEXT argument or --in FILE (or pipe text on stdin), not both")
    if args.text is None and args.input is None:
        if sys.stdin is None or sys.stdin.isatty():
            raise PiiloraError("give a TEXT argument, --in FILE (.jsonl, .csv, .tsv or text), or pipe text on stdin")
        args.input = "-"
    kind = _input_format(args)
    if kind == "jsonl":
        return _mask_file(args, options)
    text = args.text if args.text is not None else _read_input(args.input)
    redactor = _load_redactor(args)
    if kind == "csv":
        from piilora.masking_tables import mask_table

        res = mask_table(redactor, text, scheme=args.scheme, batch_size=args.batch_size, **options)
    else:
        res = redactor.mask(text, scheme=args.scheme, **options)
    if args.output not in (None, "-"):
        from piilora.adapters import atomic_write

        atomic_write(Path(args.output), _render(res) if args.json else res.text)
        return 0
    if args.json:
        print(_render(res))
    elif args.input is None:
        print(res.text)
    else:
        sys.stdout.write(res.text)  # a file or a pipe: exactly its characters, no line end added
    return 0


def _render(res: Any) -> str:
    """A mask result as the JSON ``piilora mask --json`` prints (no original values)."""
    return json.dumps(
        {
            "text": res.text,
            "spans": [{**s.to_record(), "source": s.source} for s in res.spans],
            "replacements": [{"start": r.start, "end": r.end, "label": r.span.entity_type} for r in res.replacements],
            "flags": list(res.flags),
        },
        ensure_ascii=False,
    )


def _cmd_serve(args: argparse.Namespace) -> int:
    from piilora.server import ServerConfig, serve

    config = ServerConfig(
        max_batch=args.max_batch,
        batching=args.batching,
        max_wait_ms=args.max_wait_ms,
        rejoin_ms=args.rejoin_ms,
        max_queue=args.max_queue,
        max_body_bytes=args.max_body_bytes,
        max_text_chars=args.max_text_chars,
        timeout_s=args.timeout,
    )
    print(f"piilora: serving on http://{args.host}:{args.port} (ready once the model is loaded)", file=sys.stderr)
    serve(args.host, args.port, redactor=lambda: _load_redactor(args), config=config, access_log=args.access_log)
    return 0


def _input_format(args: argparse.Namespace) -> str:
    """``jsonl``, ``csv`` or ``text``: ``--format``, else the input file's extension."""
    if args.format != "auto":
        return str(args.format)
    if args.input is None or args.input == "-":
        return "text"
    suffix = Path(args.input).suffix.lower()
    return {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "csv"}.get(suffix, "text")


def _read_input(path: str | None) -> str:
    """The whole input as text: stdin for ``-``, else the file (UTF-8; a BOM is dropped)."""
    if path in (None, "-"):
        data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
        source = "stdin"
    else:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise PiiloraError(f"cannot read {path}: {exc.strerror or exc}") from exc
        source = str(path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PiiloraError(f"{source} is not UTF-8 text (byte {exc.start})") from exc


def _mask_file(args: argparse.Namespace, options: dict[str, Any]) -> int:
    from piilora.masking_io import mask_jsonl, merge_parts

    if args.input == "-":
        raise PiiloraError("JSONL masking reads a file (it resumes and proves its output): --in FILE.jsonl")
    if args.output is None:
        raise PiiloraError("--in FILE.jsonl needs --out")
    rank, world = 0, 1
    state = None
    if int(os.environ.get("WORLD_SIZE", "1")) > 1:  # under `accelerate launch`
        from accelerate import PartialState

        state = PartialState()
        rank, world = state.process_index, state.num_processes
    redactor = _load_redactor(args)
    result = mask_jsonl(
        redactor,
        args.input,
        args.output,
        field=args.field,
        scheme=args.scheme,
        with_spans=args.json,
        batch_size=args.batch_size,
        rank=rank,
        world_size=world,
        progress=not args.quiet,
        on_error=args.on_error,
        **options,
    )
    if result.skipped:
        rows = ", ".join(str(r) for r in result.skipped[:20]) + (" ..." if len(result.skipped) > 20 else "")
        print(f"skipped {len(result.skipped)} bad record(s), rows {rows} (0-based)", file=sys.stderr)
    if state is not None:
        state.wait_for_everyone()
        if state.is_main_process:
            merge_parts(args.output, world)
        state.wait_for_everyone()
    return 0


def _cmd_eval(args: argparse.Namespace) -> int:
    from piilora.data.loaders import load_split
    from piilora.evaluation import build_systems, evaluate, render_markdown

    breakdown = tuple(f for f in (args.by or "").split(",") if f)
    rows_source, _ = load_split(args.data, args.split, keep_fields=breakdown)
    rows = [dict(r) for r in rows_source]
    if args.n:
        rows = rows[: args.n]
    label_map = args.label_map
    if label_map and label_map not in ("presidio", "ai4privacy"):
        label_map = json.loads(Path(label_map).read_text())
    systems = build_systems(args.systems.split(","), adapter=args.adapter, threads=args.threads)
    reports = evaluate(
        rows,
        systems,
        label_map=label_map,
        out_dir=args.out,
        run_dir=args.run_dir,
        progress=not args.quiet,
        breakdown=breakdown,
        batch_size=args.batch_size,
    )
    print(render_markdown(reports))
    print(f"report written to {Path(args.out).resolve()}")
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from piilora.export import export

    result = export(args.format, args.out, adapter=args.adapter, base_model=args.base_model,
                    gguf_type=args.gguf_type, overwrite=args.overwrite)  # fmt: skip
    for name, size in result.files.items():
        print(f"{size / 1e6:>10.1f} MB  {result.out / name}")
    print(f"exported {args.format} in {result.seconds:.1f} s")
    return 0


def _cmd_plugins(args: argparse.Namespace) -> int:
    from piilora.plugins import plugin_infos

    infos = plugin_infos()
    if args.json:
        print(json.dumps([i.to_dict() for i in infos], indent=2))
        return 0
    for info in infos:
        dist = f"{info.distribution} {info.version}" if info.distribution else "(not from a distribution)"
        print(f"{info.name}  [{dist}]")
        if info.entity_types:
            print(f"  entity types: {', '.join(info.entity_types)}")
        if info.schemes:
            print(f"  placeholder schemes: {', '.join(info.schemes)}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    from piilora.version import __version__

    parser = argparse.ArgumentParser(prog="piilora", description="Teach a small LM to mask PII with LoRA.")
    parser.add_argument("--version", action="version", version=f"piilora {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress details")
    sub = parser.add_subparsers(dest="command", required=True)

    data = sub.add_parser("data", help="build and inspect datasets")
    data_sub = data.add_subparsers(dest="data_command", required=True)
    gen = data_sub.add_parser("generate", help="draw a synthetic corpus (split by template)")
    gen.add_argument("--n", type=int, default=2000, help="number of examples over all splits")
    gen.add_argument("--seed", type=int, default=0)
    gen.add_argument("--out", required=True, help="output directory (must be new or empty)")
    gen.add_argument("--locales", nargs="+", help="Faker locales (default: 7 European/US locales)")
    gen.add_argument("--negative-share", type=float, default=0.25, help="share of texts with no PII")
    gen.add_argument("--json", action="store_true", help="print statistics as JSON")
    gen.add_argument("--quiet", action="store_true", help="no progress bar")
    gen.set_defaults(func=_cmd_data_generate)
    show = data_sub.add_parser("show", help="print examples of a saved dataset with their targets")
    show.add_argument("path")
    show.add_argument("--split", default="train")
    show.add_argument("--n", type=int, default=5)
    show.set_defaults(func=_cmd_data_show)

    train = sub.add_parser(
        "train",
        help="fine-tune a LoRA adapter (runs under `accelerate launch` for several processes)",
        description="Options left out keep the defaults of AdapterConfig / TrainConfig (or of the JSON files).",
    )
    train.add_argument("--data", required=True, help="corpus dir from `piilora data generate`, or a data file")
    train.add_argument("--eval-data", help="validation data (default: the corpus' validation split)")
    train.add_argument("--out", required=True, help="run directory (checkpoints, metrics, adapter/)")
    train.add_argument("--resume", action="store_true", help="continue the run in --out from its last checkpoint")
    train.add_argument("--adapter-config", help="AdapterConfig JSON file")
    train.add_argument("--train-config", help="TrainConfig JSON file")
    train.add_argument("--base-model", help="local HF dir, .gguf file or hub id (default: Gemma 3 270M, offline)")
    train.add_argument("--steps", type=int, help="optimizer steps")
    train.add_argument("--batch-size", type=int, help="examples per optimizer step (global)")
    train.add_argument("--micro-batch-size", type=int, help="examples per forward pass per process")
    train.add_argument("--lr", type=float, help="peak learning rate")
    train.add_argument(
        "--init-adapter",
        help="start from a trained adapter ('default': the shipped one, or an adapter dir) instead of a fresh init",
    )
    train.add_argument("--rank", type=int, help="LoRA rank")
    train.add_argument("--alpha", type=int, help="LoRA alpha")
    train.add_argument("--dropout", type=float, help="LoRA dropout")
    train.add_argument("--rslora", action="store_true", help="rank-stabilised LoRA scaling")
    train.add_argument("--dora", action="store_true", help="weight-decomposed LoRA")
    train.add_argument("--max-length", type=int, help="longest tokenised example")
    train.add_argument("--seed", type=int)
    train.add_argument("--precision", choices=["auto", "bf16", "fp32"])
    train.add_argument("--eval-every", type=int)
    train.add_argument("--save-every", type=int)
    train.add_argument(
        "--compile",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="torch.compile the transformer body (default: auto, on for runs of 100+ steps)",
    )
    train.add_argument("--threads", type=int, help="torch threads per process (default: torch's choice)")
    train.add_argument("--quiet", action="store_true", help="no progress bar")
    train.set_defaults(func=_cmd_train)

    mask = sub.add_parser(
        "mask",
        help="mask PII in a text or a JSONL file (default adapter unless --adapter)",
        description="For big files run it under `accelerate launch --num_processes N`: each process masks "
        "its share and the output keeps the input order.",
    )
    mask.add_argument("text", nargs="?", help="the text to mask (none: --in, or the text piped on stdin)")
    mask.add_argument("--in", dest="input", help="input file: JSONL (one record per line), CSV/TSV (masked cell by "
                      "cell, header kept) or plain text; '-' is stdin")  # fmt: skip
    mask.add_argument("--out", dest="output", help="output file (JSONL: needed, resumes if it exists; else stdout)")
    mask.add_argument("--format", choices=["auto", "jsonl", "csv", "text"], default="auto",
                      help="input format (auto: by the file's extension; stdin is text)")  # fmt: skip
    mask.add_argument("--field", default="text", help="the text field of JSONL records")
    mask.add_argument("--on-error", choices=["stop", "skip"], default="stop",
                      help="a bad record (invalid JSON, no text field, masking failed): stop with its row named "
                      "(default), or skip it, name its row and go on")  # fmt: skip
    mask.add_argument("--scheme", default="bracket", help="placeholder scheme (see `piilora plugins`)")
    mask.add_argument("--option", action="append", default=[], help="scheme option KEY=VALUE (e.g. key=secret)")
    mask.add_argument("--entities", help="what to mask: presets (all, direct, hipaa, pci, secrets) and/or entity "
                      "types, comma-separated (default: all)")  # fmt: skip
    mask.add_argument("--exclude", help="presets or entity types to leave as they are, comma-separated")
    mask.add_argument("--adapter", help="adapter or merged model dir (default: the shipped adapter)")
    mask.add_argument("--base-model", help="the base the adapter was trained on, when it is not the packaged "
                      "Gemma 3 270M (an adapter's own piilora.json is not trusted to choose it)")  # fmt: skip
    mask.add_argument("--json", action="store_true", help="print / write spans with the masked text")
    mask.add_argument("--batch-size", type=int, default=16)
    mask.add_argument("--threads", type=int, help="torch threads (default: torch's choice)")
    mask.add_argument("--dtype", default="auto", choices=["auto", "bfloat16", "float32"],
                      help="model dtype (auto: bfloat16 where the hardware has native bf16)")  # fmt: skip
    mask.add_argument("--quiet", action="store_true")
    mask.set_defaults(func=_cmd_mask)

    ev = sub.add_parser("eval", help="score maskers on a labelled dataset (report.json/.md + plots)")
    ev.add_argument("--data", required=True, help="corpus dir or any file `load_records` reads")
    ev.add_argument("--split", default="test", help="split of a corpus dir (default: test)")
    ev.add_argument("--systems", default="rules,adapter,adapter+rules", help="comma-separated: " + "rules, "
                    "base_few_shot, adapter, adapter+rules, presidio")  # fmt: skip
    ev.add_argument("--adapter", help="adapter or merged model dir (default: the shipped adapter)")
    ev.add_argument("--label-map", help="the data's label set: presidio, ai4privacy, or a JSON file mapping "
                    "dataset labels to piilora types (null: not PII)")  # fmt: skip
    ev.add_argument("--n", type=int, help="evaluate the first N rows only")
    ev.add_argument("--by", help="comma-separated row fields to break the figures down by (kind,lang)")
    ev.add_argument("--batch-size", type=int, default=1, help="texts per mask_batch call for the adapter "
                    "systems (default 1: per-text latency)")  # fmt: skip
    ev.add_argument("--out", required=True, help="report directory")
    ev.add_argument("--run-dir", help="a training run dir whose loss curve goes into the report")
    ev.add_argument("--threads", type=int)
    ev.add_argument("--quiet", action="store_true")
    ev.set_defaults(func=_cmd_eval)

    ex = sub.add_parser("export", help="export an adapter: PEFT adapter, merged HF model or GGUF (llama.cpp, Ollama)")
    ex.add_argument("--format", required=True, choices=["adapter", "merged", "gguf"])
    ex.add_argument("--out", required=True, help="target directory (written atomically)")
    ex.add_argument("--adapter", help="adapter dir (default: the shipped adapter)")
    ex.add_argument("--base-model", help="base to merge into (default: the one the adapter records)")
    ex.add_argument("--gguf-type", default="f16", choices=["f32", "f16", "q8_0", "q4_k_m"],
                    help="GGUF weight type (q4_k_m needs llama-cpp-python)")  # fmt: skip
    ex.add_argument("--overwrite", action="store_true", help="replace an existing, non-empty --out")
    ex.set_defaults(func=_cmd_export)

    srv = sub.add_parser("serve", help="run the masking server (batches across requests; pip install 'piilora[serve]')")
    srv.add_argument("--host", default="127.0.0.1", help="interface to listen on (0.0.0.0 in a container)")
    srv.add_argument("--port", type=int, default=8000)
    srv.add_argument("--adapter", help="adapter or merged model dir (default: the shipped adapter)")
    srv.add_argument("--threads", type=int, help="torch threads for the one model worker (default: torch's choice)")
    srv.add_argument("--dtype", default="auto", choices=["auto", "bfloat16", "float32"])
    srv.add_argument("--max-batch", type=int, default=16, help="most texts (windows) decoded together")
    srv.add_argument(
        "--batching",
        default="gathered",
        choices=["continuous", "gathered"],
        help="gathered (default): texts that arrive during a batch wait for it and form the next (the "
        "lowest tail latency under load); continuous: texts join the running decode between forwards "
        "and leave when done (higher throughput and lower median latency; a text the model "
        "struggles with waits longer)",
    )
    srv.add_argument("--max-wait-ms", type=float, default=5.0, help="how long a text waits for others to join it")
    srv.add_argument(
        "--rejoin-ms",
        type=float,
        default=50.0,
        help="how long a batch waits for the callers just answered to send again (up to the last batch's size)",
    )
    srv.add_argument("--max-queue", type=int, default=256, help="most texts waiting; beyond: 503 + Retry-After")
    srv.add_argument("--max-text-chars", type=int, default=100_000, help="longest text accepted (413 beyond)")
    srv.add_argument("--max-body-bytes", type=int, default=2_000_000, help="largest request body (413 beyond)")
    srv.add_argument("--timeout", type=float, default=60.0, help="seconds before a request gets 504")
    srv.add_argument("--access-log", action="store_true", help="log each request's path and status (never bodies)")
    srv.set_defaults(func=_cmd_serve, entities=None, exclude=None, base_model=None)

    plugins = sub.add_parser("plugins", help="list plugins and what they register")
    plugins.add_argument("--json", action="store_true")
    plugins.set_defaults(func=_cmd_plugins)
    return parser


def _quiet_third_parties() -> None:
    """The CLI prints its own output and progress only: no "Loading weights" bar from
    transformers or the hub (``-v`` keeps them; read when they are first imported)."""
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(message)s")
    if not args.verbose:
        _quiet_third_parties()
    try:
        return int(args.func(args))
    except PiiloraError as exc:
        print(f"piilora: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
