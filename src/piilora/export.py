"""Export a trained masker in the formats people run.

``adapter``
    The PEFT adapter dir (``adapter_model.safetensors``, ``adapter_config.json``), its
    ``piilora.json`` and a model card.
``merged``
    The LoRA merged into the base, saved as HF safetensors with ``config.json`` and the
    tokenizer: plain ``AutoModelForCausalLM.from_pretrained(dir)`` loads it.
``gguf``
    ``model-<type>.gguf``: the merged model for llama.cpp / Ollama / Docker Model Runner
    (F32, F16 or Q8_0 written here with gguf-py; Q4_K_M through llama.cpp's quantizer when
    ``llama-cpp-python`` is installed), plus ``adapter-lora.gguf`` for ``llama.cpp --lora``
    over the base GGUF, a ``Modelfile`` for Ollama and ``DEPLOY.md`` with the commands.

GGUF conventions (llama.cpp's Gemma 3): tensor names from gguf-py's tensor map; every RMSNorm
weight stored as ``1 + w`` (transformers keeps ``w``); no Q/K permutation; the embedding is tied,
so there is no output tensor; 1-D tensors stay F32; every ``tokenizer.*`` field is copied from
the base GGUF; a chat template with the exact prompt the model was trained on is added.

Every export is written into a temporary sibling directory and renamed into place, so a
failure never leaves a half-written export behind.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from piilora.adapters import (
    ADAPTER_FILES,
    ADAPTER_META,
    ADAPTER_WEIGHTS,
    DEFAULT_ADAPTER,
    MODEL_CARD,
    check_base,
    missing_adapter_files,
    read_adapter_config,
    read_meta,
    write_meta,
)
from piilora.data.prompt import END_OF_TURN, INSTRUCTION, START_OF_TURN
from piilora.errors import AdapterError, ConfigError, PiiloraError

__all__ = ["FORMATS", "GGUF_TYPES", "ExportError", "ExportResult", "chat_template", "export", "lora_gguf_blocker"]

Format = Literal["adapter", "merged", "gguf"]
FORMATS: tuple[str, ...] = ("adapter", "merged", "gguf")
GGUF_TYPES: tuple[str, ...] = ("f32", "f16", "q8_0", "q4_k_m")
log = logging.getLogger(__name__)


class ExportError(PiiloraError):
    """An export could not be written (bad source, unwritable target, missing tool)."""


@dataclass
class ExportResult:
    """What an export wrote: the directory, its files with their sizes, and how long it took."""

    format: str
    out: Path
    files: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


def chat_template() -> str:
    """Jinja chat template reproducing the training prompt (``prompt.render_conversation``)."""
    return (
        "{{ bos_token }}{% for message in messages %}"
        "{% if message['role'] == 'user' %}"
        f"{START_OF_TURN}user\n{INSTRUCTION}\n\n{{{{ message['content'] }}}}{END_OF_TURN}\n"
        "{% elif message['role'] == 'assistant' %}"
        f"{START_OF_TURN}model\n{{{{ message['content'] }}}}{END_OF_TURN}\n"
        "{% endif %}{% endfor %}"
        f"{{% if add_generation_prompt %}}{START_OF_TURN}model\n{{% endif %}}"
    )


def export(
    format: Format,
    out: str | Path,
    *,
    adapter: str | Path | None = None,
    base_model: str | Path | None = None,
    gguf_type: str = "f16",
    overwrite: bool = False,
) -> ExportResult:
    """Export ``adapter`` (default: the shipped adapter) as ``format`` into the directory ``out``.

    ``base_model``: the base to merge into (default: the one the adapter records); a base other
    than the recorded one raises :class:`~piilora.errors.AdapterError`. ``gguf_type``: ``f32``,
    ``f16``, ``q8_0`` or ``q4_k_m`` (needs ``llama-cpp-python``). An existing ``out`` is replaced
    only with ``overwrite=True``.
    """
    if format not in FORMATS:
        raise ConfigError(f"format must be one of {', '.join(FORMATS)}, got {format!r}")
    if gguf_type not in GGUF_TYPES:
        raise ConfigError(f"gguf_type must be one of {', '.join(GGUF_TYPES)}, got {gguf_type!r}")
    source = _adapter_dir(adapter)
    meta = read_meta(source)
    check_base(meta, base_model)
    target = Path(out).expanduser()
    if target.exists() and not overwrite and (not target.is_dir() or any(target.iterdir())):
        raise ExportError(f"{target} already exists and is not empty (pass overwrite=True / --overwrite)")
    t0 = time.perf_counter()
    tmp = _staging_dir(target)
    try:
        if format == "adapter":
            _write_adapter(source, meta, tmp)
        elif format == "merged":
            _write_merged(source, meta, base_model, tmp)
        else:
            _write_gguf(source, meta, base_model, tmp, gguf_type)
        if target.exists():
            shutil.rmtree(target) if target.is_dir() else target.unlink()
        tmp.rename(target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    files = {p.name: p.stat().st_size for p in sorted(target.iterdir()) if p.is_file()}
    return ExportResult(format, target, files, time.perf_counter() - t0)


# -- sources and targets ------------------------------------------------------------------
def _adapter_dir(adapter: str | Path | None) -> Path:
    directory = Path(adapter).expanduser() if adapter is not None else DEFAULT_ADAPTER
    if not directory.is_dir():
        raise AdapterError(f"{directory} is not a directory")
    missing = missing_adapter_files(directory)
    if missing:
        raise AdapterError(f"{directory} is not a PEFT adapter dir (missing {', '.join(missing)})")
    return directory


def _staging_dir(target: Path) -> Path:
    parent = target.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent))
    except OSError as exc:
        raise ExportError(f"cannot write into {parent}: {exc.strerror or exc}") from exc


# -- adapter and merged ---------------------------------------------------------------------
def _write_card(meta: Mapping[str, Any], tmp: Path, note: str = "") -> None:
    from piilora.modelcard import render_model_card

    (tmp / MODEL_CARD).write_text(render_model_card(meta) + (f"\n{note}\n" if note else ""))


def _write_adapter(source: Path, meta: dict[str, Any], tmp: Path) -> None:
    for name in (*ADAPTER_FILES, ADAPTER_META):
        if (source / name).exists():
            shutil.copy2(source / name, tmp / name)
    if (source / MODEL_CARD).exists():
        shutil.copy2(source / MODEL_CARD, tmp / MODEL_CARD)
    else:
        _write_card(meta, tmp)


def _merged_model(source: Path, base_model: str | Path | None) -> tuple[Any, Any]:
    from piilora.model import make_saveable
    from piilora.redactor import load_masker

    model, tokenizer, _ = load_masker(source, base_model=base_model, dtype="float32")
    return make_saveable(model), tokenizer


def _write_merged(source: Path, meta: dict[str, Any], base_model: str | Path | None, tmp: Path) -> None:
    model, tokenizer = _merged_model(source, base_model)
    model.save_pretrained(str(tmp), safe_serialization=True)
    tokenizer.chat_template = chat_template()
    tokenizer.save_pretrained(str(tmp))
    write_meta(tmp, {**meta, "merged": True})
    _write_card(meta, tmp, "This directory holds the adapter merged into its base (a plain Gemma 3 model).")


# -- GGUF -----------------------------------------------------------------------------------
def _base_gguf(base_model: str | Path | None, meta: Mapping[str, Any]) -> Path:
    """The GGUF whose ``tokenizer.*`` fields (and, for ``--lora``, weights) are the base's."""
    from piilora.model import DEFAULT_BASE, default_gguf

    base = base_model if base_model is not None else (meta.get("base_model") or {}).get("name")
    if base is not None and Path(str(base)).suffix == ".gguf":
        return Path(str(base)).expanduser()
    if base not in (None, DEFAULT_BASE) and not Path(str(base)).is_dir():
        raise ExportError(f"GGUF export needs the base as a GGUF file; {base!r} is not one")
    return default_gguf()[0]


def _gguf_arch_fields(writer: Any, config: Any) -> None:
    """llama.cpp's Gemma 3 hyper-parameters, from the HF config."""
    writer.add_context_length(int(config.max_position_embeddings))
    writer.add_embedding_length(int(config.hidden_size))
    writer.add_block_count(int(config.num_hidden_layers))
    writer.add_feed_forward_length(int(config.intermediate_size))
    writer.add_head_count(int(config.num_attention_heads))
    writer.add_head_count_kv(int(config.num_key_value_heads))
    writer.add_key_length(int(config.head_dim))
    writer.add_value_length(int(config.head_dim))
    writer.add_layer_norm_rms_eps(float(config.rms_norm_eps))
    writer.add_rope_freq_base(float(getattr(config, "rope_theta", None) or _rope_theta(config)))
    if getattr(config, "sliding_window", None):
        writer.add_sliding_window(int(config.sliding_window))


def _rope_theta(config: Any) -> float:
    params = getattr(config, "rope_parameters", None) or {}
    full = params.get("full_attention", params) if isinstance(params, Mapping) else {}
    return float(full.get("rope_theta", 1_000_000.0))


def _copy_tokenizer_fields(writer: Any, reader: Any) -> None:
    import gguf

    for key, fld in reader.fields.items():
        if not key.startswith("tokenizer.") or key == "tokenizer.chat_template":
            continue
        vtype = fld.types[0]
        value = fld.contents()
        if vtype == gguf.GGUFValueType.ARRAY:
            writer.add_key_value(key, value, vtype, sub_type=fld.types[-1])
        else:
            writer.add_key_value(key, value, vtype)


def _gguf_tensors(model: Any) -> list[tuple[str, Any]]:
    """(GGUF name, float32 numpy array) for every tensor of a Gemma 3 causal LM."""
    import gguf

    n_layers = int(model.config.num_hidden_layers)
    names = gguf.get_tensor_name_map(gguf.MODEL_ARCH.GEMMA3, n_layers)
    out = []
    for hf_name, tensor in model.state_dict().items():
        if hf_name == "lm_head.weight":
            continue  # tied to the embedding
        name = names.get_name(hf_name, try_suffixes=(".weight", ".bias"))
        if name is None:
            raise ExportError(f"no GGUF name for tensor {hf_name} (is this a Gemma 3 model?)")
        data = tensor.detach().float().cpu().numpy()
        if hf_name.endswith("norm.weight"):
            data = data + 1.0  # llama.cpp's Gemma RMSNorm multiplies by w, transformers by (1 + w)
        out.append((name, data))
    return out


def _add_tensor(writer: Any, name: str, data: Any, qtype: str) -> None:
    import gguf
    import numpy as np

    if data.ndim < 2 or qtype == "f32":
        writer.add_tensor(name, data.astype(np.float32))
    elif qtype == "f16":
        writer.add_tensor(name, data.astype(np.float16))
    else:
        kind = gguf.GGMLQuantizationType.Q8_0
        if data.shape[-1] % gguf.GGML_QUANT_SIZES[kind][0]:
            writer.add_tensor(name, data.astype(np.float16))  # rows that do not fill whole blocks
        else:
            writer.add_tensor(name, gguf.quants.quantize(data, kind), raw_dtype=kind)


def _write_gguf(source: Path, meta: dict[str, Any], base_model: str | Path | None, tmp: Path, qtype: str) -> None:
    import gguf

    base_gguf = _base_gguf(base_model, meta)
    reader = gguf.GGUFReader(str(base_gguf))
    model, _ = _merged_model(source, base_model)
    write_type = "f16" if qtype == "q4_k_m" else qtype
    file_types = {"f32": gguf.LlamaFileType.ALL_F32, "f16": gguf.LlamaFileType.MOSTLY_F16,
                  "q8_0": gguf.LlamaFileType.MOSTLY_Q8_0}  # fmt: skip
    path = tmp / f"model-{write_type}.gguf"
    writer = gguf.GGUFWriter(str(path), gguf.MODEL_ARCH_NAMES[gguf.MODEL_ARCH.GEMMA3])
    writer.add_type(gguf.GGUFType.MODEL)
    writer.add_name("piilora PII masker (Gemma 3 270M + LoRA)")
    writer.add_file_type(file_types[write_type])
    tokens = reader.fields.get("tokenizer.ggml.tokens")
    if tokens is None or len(tokens.data) != int(model.config.vocab_size):
        raise ExportError(f"the tokenizer of {base_gguf.name} does not match the model's vocabulary "
                          f"({model.config.vocab_size} tokens): GGUF export supports Gemma 3 bases")  # fmt: skip
    _gguf_arch_fields(writer, model.config)
    _copy_tokenizer_fields(writer, reader)
    writer.add_chat_template(chat_template())
    for name, data in _gguf_tensors(model):
        _add_tensor(writer, name, data, write_type)
    _finish(writer)
    del model
    if qtype == "q4_k_m":
        _quantize_q4_k_m(path, tmp / "model-q4_k_m.gguf")
        path.unlink()
        path = tmp / "model-q4_k_m.gguf"
    lora = read_adapter_config(source)
    blocker = lora_gguf_blocker(lora)
    if blocker is None:
        _write_lora_gguf(source, lora, tmp / "adapter-lora.gguf")
    else:
        log.warning("no adapter-lora.gguf: %s", blocker)
    _write_deploy_files(tmp, path.name, base_gguf.name, meta, lora_note=blocker)


def _finish(writer: Any) -> None:
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()


def lora_gguf_blocker(config: Mapping[str, Any]) -> str | None:
    """Why a PEFT LoRA config cannot become a llama.cpp LoRA GGUF (``None`` when it can)."""
    if config.get("use_dora"):
        return "DoRA adapters cannot be expressed as a llama.cpp LoRA; use the merged GGUF"
    if config.get("alpha_pattern") or config.get("rank_pattern"):
        return "per-module LoRA ranks/alphas cannot be expressed in one llama.cpp LoRA GGUF; use the merged GGUF"
    return None


def _write_lora_gguf(source: Path, cfg: Mapping[str, Any], path: Path) -> None:
    """The adapter as a llama.cpp LoRA GGUF (``--lora``): ``blk.N.<name>.weight.lora_a/_b`` in
    PEFT's shapes, for a config :func:`lora_gguf_blocker` accepts. llama.cpp scales by
    ``alpha / r``; rsLoRA's ``alpha / sqrt(r)`` is written as ``alpha * sqrt(r)``, the same scale."""
    import math

    import gguf
    import numpy as np
    from safetensors.numpy import load_file

    alpha = float(cfg["lora_alpha"]) * (math.sqrt(float(cfg["r"])) if cfg.get("use_rslora") else 1.0)
    weights = load_file(str(source / ADAPTER_WEIGHTS))
    layers = 1 + max(int(k.split(".layers.")[1].split(".")[0]) for k in weights if ".layers." in k)
    names = gguf.get_tensor_name_map(gguf.MODEL_ARCH.GEMMA3, layers)
    writer = gguf.GGUFWriter(str(path), gguf.MODEL_ARCH_NAMES[gguf.MODEL_ARCH.GEMMA3])
    writer.add_type(gguf.GGUFType.ADAPTER)
    writer.add_string(gguf.Keys.Adapter.TYPE, "lora")
    writer.add_float32(gguf.Keys.Adapter.LORA_ALPHA, alpha)
    writer.add_name("piilora PII masker LoRA")
    for key in sorted(weights):
        part = "lora_a" if ".lora_A." in key else "lora_b" if ".lora_B." in key else None
        if part is None:
            raise ExportError(f"unexpected tensor {key} in the adapter (only LoRA A/B matrices can be exported)")
        hf_name = key.split(".lora_")[0].removeprefix("base_model.model.") + ".weight"
        name = names.get_name(hf_name, try_suffixes=(".weight",))
        if name is None:
            raise ExportError(f"no GGUF name for adapter tensor {key}")
        writer.add_tensor(f"{name}.{part}", weights[key].astype(np.float32))
    _finish(writer)


def _quantize_q4_k_m(src: Path, dst: Path) -> None:
    try:
        import llama_cpp
    except ImportError as exc:
        raise ExportError("Q4_K_M needs llama.cpp's quantizer: pip install llama-cpp-python "
                          "(or export f16 and run llama-quantize yourself)") from exc  # fmt: skip
    params = llama_cpp.llama_model_quantize_default_params()
    params.ftype = llama_cpp.LLAMA_FTYPE_MOSTLY_Q4_K_M
    if llama_cpp.llama_model_quantize(str(src).encode(), str(dst).encode(), params) != 0:
        raise ExportError(f"llama.cpp failed to quantize {src.name} to Q4_K_M")


def _write_deploy_files(
    tmp: Path, model_file: str, base_file: str, meta: Mapping[str, Any], *, lora_note: str | None = None
) -> None:
    stop = END_OF_TURN
    lora_cmd = f"    llama-server -m {base_file} --lora adapter-lora.gguf --temp 0\n"
    lora_section = (
        f"No `adapter-lora.gguf`: {lora_note}.\n" if lora_note else
        f"Base GGUF + LoRA instead of the merged file:\n\n{lora_cmd}"
    )  # fmt: skip
    template = f"{START_OF_TURN}user\n{INSTRUCTION}\n\n{{{{ .Prompt }}}}{END_OF_TURN}\n{START_OF_TURN}model\n"
    (tmp / "Modelfile").write_text(
        f'# Ollama: ollama create piilora-masker -f Modelfile && ollama run piilora-masker "text"\n'
        f"FROM ./{model_file}\n"
        f'TEMPLATE """{template}"""\n'
        f"PARAMETER temperature 0\n"
        f"PARAMETER stop {stop}\n"
        f"PARAMETER num_ctx 4096\n"
    )
    (tmp / "DEPLOY.md").write_text(f"""# Running this masker outside Python

The model answers with the input text, PII replaced by `[ENTITY_TYPE]`. Decode greedily
(temperature 0) and stop at `{stop}`. Unlike `piilora.Redactor`, these runtimes do not align the
answer back to the input, so the answer is the model's raw output.

## llama.cpp

    llama-server -m {model_file} --temp 0    # OpenAI-compatible /v1/chat/completions (template inside)
    llama-cli -m {model_file} --temp 0 -no-cnv -p "$PROMPT"   # PROMPT: the raw prompt below

The raw prompt (what the chat template renders):

    <start_of_turn>user
    {INSTRUCTION}

    <your text><end_of_turn>
    <start_of_turn>model

{lora_section}
## Ollama

    ollama create piilora-masker -f Modelfile
    ollama run piilora-masker "Hi, I am Jane Doe, mail me at jane@doe.com"

## Docker Model Runner

    docker model package --gguf "$(pwd)/{model_file}" piilora/pii-masker:latest
    docker model run piilora/pii-masker:latest "Hi, I am Jane Doe, mail me at jane@doe.com"

Entity types: {", ".join(meta.get("entity_types", []))}.
""")
