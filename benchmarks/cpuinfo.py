"""What every benchmark prints and records about the machine: the CPU model, the SIMD and matrix
flags that decide which kernels run (AVX2, AVX-512, AVX512-BF16, AMX), and the precision torch
runs matmuls in here (``dtype="auto"``: bf16 only where the CPU has it natively)."""

from __future__ import annotations

import platform
import time
from pathlib import Path
from typing import Any

_FLAGS = ("avx2", "fma", "avx512f", "avx512_vnni", "avx512_bf16", "amx_tile", "amx_bf16", "amx_int8", "avx_vnni")


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def cpu_flags() -> list[str]:
    """The flags of :data:`_FLAGS` the CPU has."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("flags"):
                have = set(line.split(":", 1)[1].split())
                return [f for f in _FLAGS if f in have]
    except OSError:
        pass
    return []


def native_bf16() -> bool:
    from piilora.training import bf16_supported

    return bool(bf16_supported())


def machine(threads: int) -> dict[str, Any]:
    """The record each benchmark's JSON carries."""
    return {"cpu": cpu_model(), "flags": cpu_flags(), "native_bf16": native_bf16(), "threads": threads}


def header(threads: int) -> str:
    m = machine(threads)
    bf16 = "native bf16" if m["native_bf16"] else "no native bf16: fp32 (bf16 would be emulated)"
    return f"CPU: {m['cpu']} [{', '.join(m['flags']) or 'no AVX2'}], {bf16}, {threads} threads"


def matmul_peak_flops(threads: int, dtype: str, budget_s: float = 3.0) -> float:
    """The best FLOP/s of a square matmul in ``dtype`` (``"bfloat16"`` or ``"float32"``) within
    about ``budget_s`` seconds (the size shrinks until one product takes under 0.2 s, so an
    emulated precision cannot stall the benchmark)."""
    import torch

    torch.set_num_threads(threads)
    dt = getattr(torch, dtype)
    n = 2048
    while True:
        a, b = torch.randn(n, n, dtype=dt), torch.randn(n, n, dtype=dt)
        t = time.perf_counter()
        a @ b
        once = time.perf_counter() - t
        if once < 0.2 or n <= 256:
            break
        n //= 2
    best, deadline = 0.0, time.perf_counter() + budget_s
    while time.perf_counter() < deadline:
        t = time.perf_counter()
        a @ b
        best = max(best, 2 * n**3 / (time.perf_counter() - t))
    return best
