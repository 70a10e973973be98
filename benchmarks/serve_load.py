"""Load test of ``piilora serve`` on loopback, bounded in count and time.

Rows, one run, the same short texts (the synthetic corpus's held-out test split, first line):

(a) ``Redactor.mask_batch`` in one process over all texts: the throughput ceiling;
(b) ``piilora serve`` (cross-request batching) with 1, 4, 16 and 64 concurrent clients, each
    sending single texts to ``/mask``: texts/s, p50/p95/p99 latency, errors, mean batch size;
(c) the lock-only FastAPI example (``examples/fastapi-service``: one Redactor behind a lock, one
    text per forward) with 16 clients;
(d) overload: ``--burst`` concurrent clients against a server whose queue holds 8 texts: how
    many got a fast 503, the slowest 503, whether the server still answers;
(e) a soak of ``--soak-s`` seconds at 16 clients: the server's RSS before, every ``--rss-every``
    seconds during it, and after (is memory flat, or still growing at the end?).

Servers run as subprocesses (``python -m piilora.cli serve``, uvicorn for the example) with
``--threads`` torch threads; clients are asyncio + httpx in this process. Prints a markdown table
with the CPU model and writes benchmarks/results/serve_load.json.

``--rows`` picks rows (b)-(e) (``--rows b`` for a quick look at the server alone);
``--serve-option`` passes an option to the server of rows (b) and (e) (``--serve-option=--max-batch=8``).

usage: python benchmarks/serve_load.py [--n 96] [--threads 2] [--adapter DIR] [--soak-s 60] [--rss-every 30]
       [--levels 1,4,16,64] [--rows bcde] [--serve-option=--max-batch=8 ...]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def short_texts(n: int) -> list[str]:
    """``n`` distinct single-line texts of 30-300 characters from the synthetic test split (each
    line of a text a candidate: the first lines alone fell short of ``n``), drawn from a larger
    corpus until there are enough."""
    from piilora.data.synth import CorpusConfig, generate_examples
    from piilora.plugins import create_plugin_manager

    out: dict[str, None] = {}
    size = n * 12
    for _ in range(4):
        rows = generate_examples(
            CorpusConfig(n=size, seed=321), "test", plugin_manager=create_plugin_manager(autoload=False)
        )
        for r in rows:
            for line in r["text"].split("\n"):
                line = line.strip()
                if 30 < len(line) <= 300:
                    out[line] = None
                if len(out) == n:
                    return list(out)
        size *= 4
    raise SystemExit(f"the synthetic test split gave only {len(out)} single-line texts, {n} asked for")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def start(cmd: list[str], port: int, env: dict[str, str], ready_path: str = "/ready") -> subprocess.Popen[bytes]:
    import httpx

    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 300
    while time.time() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}{ready_path}", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        if proc.poll() is not None:
            raise RuntimeError(f"server exited: {' '.join(cmd)}")
        time.sleep(0.5)
    proc.kill()
    raise RuntimeError("server did not get ready in 300 s")


@contextlib.contextmanager
def running(
    command: Callable[[int], list[str]], env: dict[str, str], ready_path: str = "/ready"
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """A server started with ``command(port)`` on a free loopback port, ready: ``(url, process)``;
    stopped on leaving."""
    port = free_port()
    proc = start(command(port), port, env, ready_path)
    try:
        yield f"http://127.0.0.1:{port}", proc
    finally:
        proc.terminate()
        proc.wait(30)


def pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))] if xs else float("nan")


async def clients(url: str, texts: list[str], concurrency: int, *, until: float | None = None) -> dict[str, Any]:
    """``concurrency`` clients, each sending the next text until all are sent (or ``until``)."""
    import httpx

    latencies: list[float] = []
    codes: dict[int, int] = {}
    slow_503 = 0.0
    queue = list(range(len(texts)))

    sent = 0

    async def one(client: httpx.AsyncClient) -> None:
        nonlocal slow_503, sent
        while queue if until is None else time.time() < until:
            i = queue.pop() if until is None else sent % len(texts)
            sent += 1
            t0 = time.perf_counter()
            try:
                r = await client.post(f"{url}/mask", json={"text": texts[i]})
                code = r.status_code
            except httpx.HTTPError:
                code = -1
            dt = time.perf_counter() - t0
            codes[code] = codes.get(code, 0) + 1
            if code == 200:
                latencies.append(dt)
            elif code == 503:
                slow_503 = max(slow_503, dt)

    limits = httpx.Limits(max_connections=concurrency + 4)
    async with httpx.AsyncClient(timeout=120, limits=limits) as client:
        t0 = time.perf_counter()
        await asyncio.gather(*(one(client) for _ in range(concurrency)))
        wall = time.perf_counter() - t0
    ok = codes.get(200, 0)
    return {
        "clients": concurrency,
        "texts_per_s": ok / wall,
        "p50_ms": pct(latencies, 0.5) * 1000,
        "p95_ms": pct(latencies, 0.95) * 1000,
        "p99_ms": pct(latencies, 0.99) * 1000,
        "ok": ok,
        "errors": sum(n for c, n in codes.items() if c != 200),
        "codes": codes,
        "slowest_503_ms": slow_503 * 1000,
    }


def batch_stats(url: str) -> tuple[float, float]:
    import httpx

    text = httpx.get(f"{url}/metrics").text
    values = dict(line.rsplit(" ", 1) for line in text.splitlines() if line.startswith("piilora_batch_size_"))
    return float(values.get("piilora_batch_size_sum", "nan")), float(values.get("piilora_batch_size_count", "nan"))


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--n", type=int, default=96, help="texts per concurrency level")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--adapter", default=None)
    p.add_argument("--burst", type=int, default=200)
    p.add_argument("--soak-s", type=float, default=60.0)
    p.add_argument("--rss-every", type=float, default=30.0, help="seconds between RSS samples in the soak")
    p.add_argument("--levels", default="1,4,16,64")
    p.add_argument("--rows", default="bcde", help="which of rows (b)-(e) to run ((a), the ceiling, always runs)")
    p.add_argument("--serve-option", action="append", default=[], metavar="OPTION",
                   help="passed to `piilora serve` of rows (b) and (e), e.g. --serve-option=--max-batch=8")  # fmt: skip
    args = p.parse_args()
    env = {**os.environ, "OMP_NUM_THREADS": str(args.threads), "TOKENIZERS_PARALLELISM": "false"}
    texts = short_texts(args.n)
    from piilora.model import load_tokenizer

    tok = load_tokenizer()
    tokens = statistics.mean(len(tok(t, add_special_tokens=False)["input_ids"]) for t in texts)
    from cpuinfo import machine  # benchmarks/cpuinfo.py

    report: dict[str, Any] = {"machine": machine(args.threads), "n": len(texts),
                              "mean_tokens": tokens, "rows": []}  # fmt: skip

    # (a) mask_batch in one process, in a subprocess so this process stays light
    code = (
        "import json,sys,time; from piilora import Redactor; "
        f"r=Redactor.from_pretrained({args.adapter!r}, threads={args.threads}); t=json.load(sys.stdin); "
        "r.mask_batch(t[:8]); t0=time.perf_counter(); r.mask_batch(t); print(len(t)/(time.perf_counter()-t0))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], input=json.dumps(texts), env=env, capture_output=True, text=True
    )
    ceiling = float(done.stdout.strip().splitlines()[-1])
    report["rows"].append({"system": "mask_batch, one process", "texts_per_s": ceiling})
    print(f"(a) mask_batch: {ceiling:.2f} texts/s", flush=True)

    adapter = ["--adapter", args.adapter] if args.adapter else []

    def serve(port: int, *extra: str) -> list[str]:
        cli = [sys.executable, "-m", "piilora.cli", "serve", "--port", str(port), "--threads", str(args.threads)]
        return [*cli, *adapter, *extra]

    report["serve_options"] = args.serve_option
    with running(lambda port: serve(port, *args.serve_option), env) as (url, proc):
        asyncio.run(clients(url, texts[:8], 4))  # warm-up
        for level in (int(x) for x in args.levels.split(",") if "b" in args.rows):
            s0, c0 = batch_stats(url)
            row = asyncio.run(clients(url, texts, level))
            s1, c1 = batch_stats(url)
            row.update(
                system="piilora serve",
                mean_batch=(s1 - s0) / max(1.0, c1 - c0),
                vs_mask_batch=row["texts_per_s"] / ceiling,
            )
            report["rows"].append(row)
            print(f"(b) serve, {level} clients: {row['texts_per_s']:.2f} texts/s, p50 {row['p50_ms']:.0f} ms, "
                  f"p99 {row['p99_ms']:.0f} ms, errors {row['errors']}, batch {row['mean_batch']:.1f}")  # fmt: skip
        # (e) soak
        if "e" in args.rows:
            before = rss_mb(proc.pid)
            samples: list[tuple[float, float]] = []
            stop = threading.Event()
            t_soak = time.time()

            def sample() -> None:
                while not stop.wait(args.rss_every):
                    samples.append((round(time.time() - t_soak, 1), rss_mb(proc.pid)))

            sampler = threading.Thread(target=sample, daemon=True)
            sampler.start()
            soak = asyncio.run(clients(url, texts, 16, until=time.time() + args.soak_s))
            stop.set()
            sampler.join()
            after = rss_mb(proc.pid)
            report["soak"] = {"seconds": args.soak_s, "rss_mb_before": before, "rss_mb_after": after,
                              "rss_mb_samples": samples, **soak}  # fmt: skip
            series = ", ".join(f"{mb:.0f}" for _, mb in samples)
            print(f"(e) soak {args.soak_s:.0f} s: RSS {before:.0f} -> {after:.0f} MB (every {args.rss_every:.0f} s: "
                  f"{series}), errors {soak['errors']}", flush=True)  # fmt: skip

    # (d) overload against a small queue
    if "d" in args.rows:
        with running(lambda port: serve(port, "--max-queue", "8"), env) as (url, _):
            burst = asyncio.run(clients(url, (texts * 4)[: args.burst], args.burst))
            import httpx

            alive = httpx.get(f"{url}/health").status_code == 200
            report["overload"] = {**burst, "alive_after": alive}
            print(f"(d) burst of {args.burst}: codes {burst['codes']}, slowest 503 {burst['slowest_503_ms']:.0f} ms, "
                  f"alive {alive}", flush=True)  # fmt: skip

    # (c) the lock-only FastAPI example
    if "c" in args.rows:
        example = ROOT / "examples" / "fastapi-service"

        def uvicorn(port: int) -> list[str]:
            return [sys.executable, "-m", "uvicorn", "app:app", "--port", str(port), "--log-level", "warning"]

        example_env = {**env, "PIILORA_THREADS": str(args.threads), "PYTHONPATH": str(example)}
        with running(uvicorn, example_env, "/health") as (url, _):
            asyncio.run(clients(url, texts[:4], 1))
            row = asyncio.run(clients(url, texts, 16))
            row.update(system="FastAPI example (lock)", vs_mask_batch=row["texts_per_s"] / ceiling)
            report["rows"].append(row)
            print(
                f"(c) lock-only example, 16 clients: {row['texts_per_s']:.2f} texts/s, p99 {row['p99_ms']:.0f} ms",
                flush=True,
            )

    out = HERE / "results" / "serve_load.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n")
    from cpuinfo import header

    print(f"\n{header(args.threads)}; {len(texts)} texts of "
          f"{tokens:.0f} tokens on average\n")  # fmt: skip
    print("| system | clients | texts/s | vs mask_batch | p50 ms | p95 ms | p99 ms | errors | mean batch |")
    print("|---|---|---|---|---|---|---|---|---|")
    nan = float("nan")
    for r in report["rows"]:
        cells = [r["system"], r.get("clients", "-"), f"{r['texts_per_s']:.2f}", f"{r.get('vs_mask_batch', 1.0):.2f}"]
        cells += [f"{r.get(k, nan):.0f}" for k in ("p50_ms", "p95_ms", "p99_ms")]
        cells += [r.get("errors", 0), f"{r.get('mean_batch', nan):.1f}"]
        print("| " + " | ".join(str(c) for c in cells) + " |")


if __name__ == "__main__":
    main()
