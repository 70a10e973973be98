"""Adapter metadata is data, not instructions: malformed files fail clearly, and the base model an
adapter names is loaded only when it is the packaged default or the caller asked for it."""

from __future__ import annotations

import json

import pytest

from piilora.adapters import (
    ADAPTER_CONFIG,
    ADAPTER_WEIGHTS,
    atomic_dir,
    choose_base,
    meta_text,
    missing_adapter_files,
    read_meta,
    write_meta,
)
from piilora.errors import AdapterError
from piilora.model import DEFAULT_BASE


@pytest.mark.parametrize(
    ("content", "field"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "JSON object"),
        ('{"base_model": "evil/model"}', "'base_model'"),
        ('{"base_model": {"name": 3}}', "'base_model.name'"),
        ('{"base_model": {"name": ""}}', "'base_model.name'"),
        ('{"entity_types": "PERSON"}', "'entity_types'"),
        ('{"entity_types": ["PERSON", 7]}', "'entity_types'"),
        ('{"adapter_config": [1]}', "'adapter_config'"),
    ],
)
def test_malformed_metadata_names_the_file_and_field(tmp_path, content, field):
    (tmp_path / "piilora.json").write_text(content)
    with pytest.raises(AdapterError, match=r"piilora\.json") as info:
        read_meta(tmp_path)
    assert field in str(info.value)


def test_undecodable_metadata_is_an_adapter_error(tmp_path):
    (tmp_path / "piilora.json").write_bytes(b"\xff\xfe{")
    with pytest.raises(AdapterError, match="cannot be read"):
        read_meta(tmp_path)


def test_no_metadata_is_an_empty_record(tmp_path):
    assert read_meta(tmp_path) == {}


def test_a_foreign_base_needs_the_callers_word(tmp_path):
    meta = {"base_model": {"name": "someone/any-hub-model"}}
    with pytest.raises(AdapterError, match="base_model="):
        choose_base(tmp_path, meta, None)
    assert choose_base(tmp_path, meta, None, trust_adapter_base=True) == "someone/any-hub-model"
    assert choose_base(tmp_path, meta, "someone/any-hub-model") == "someone/any-hub-model"
    with pytest.raises(AdapterError, match="trained on base model"):
        choose_base(tmp_path, meta, "another/model")


def test_the_packaged_default_is_always_allowed(tmp_path):
    assert choose_base(tmp_path, {"base_model": {"name": DEFAULT_BASE}}, None) is None
    assert choose_base(tmp_path, {}, None) is None
    assert choose_base(tmp_path, {"base_model": {"name": DEFAULT_BASE}}, "default") is None


def test_load_masker_refuses_an_untrusted_base_before_loading_anything(tmp_path):
    from piilora.redactor import load_masker

    (tmp_path / "adapter_config.json").write_text(json.dumps({"r": 4}))
    (tmp_path / "piilora.json").write_text(json.dumps({"base_model": {"name": str(tmp_path / "elsewhere")}}))
    with pytest.raises(AdapterError, match="not the packaged default"):
        load_masker(tmp_path)
    (tmp_path / "piilora.json").write_text("{broken")
    with pytest.raises(AdapterError, match=r"piilora\.json"):
        load_masker(tmp_path)


def test_piilora_json_is_sorted_indented_and_ends_with_a_newline(tmp_path):
    path = write_meta(tmp_path, {"step": 3, "adapter_config": {"r": 4, "alpha": 8}})
    assert path.read_text() == meta_text({"adapter_config": {"alpha": 8, "r": 4}, "step": 3})
    assert path.read_text() == '{\n  "adapter_config": {\n    "alpha": 8,\n    "r": 4\n  },\n  "step": 3\n}\n'
    assert read_meta(tmp_path)["step"] == 3


def test_missing_adapter_files_names_the_standard_peft_files(tmp_path):
    assert missing_adapter_files(tmp_path) == ["adapter_model.safetensors", "adapter_config.json"]
    (tmp_path / ADAPTER_WEIGHTS).write_bytes(b"")
    (tmp_path / ADAPTER_CONFIG).write_text("{}")
    assert missing_adapter_files(tmp_path) == []


def test_atomic_dir_replaces_the_target_only_when_the_block_succeeds(tmp_path):
    target = tmp_path / "out"
    with atomic_dir(target) as tmp:
        (tmp / "a.txt").write_text("first")
    assert (target / "a.txt").read_text() == "first"

    def interrupted_write() -> None:
        with atomic_dir(target) as tmp:
            (tmp / "a.txt").write_text("half")
            raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError):
        interrupted_write()
    assert (target / "a.txt").read_text() == "first"
    with atomic_dir(target) as tmp:
        (tmp / "b.txt").write_text("second")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # no temporary or old folder left
    assert sorted(p.name for p in target.iterdir()) == ["b.txt"]


def test_saving_an_adapter_never_asks_the_hub(tmp_path, monkeypatch):
    """peft's ``save_embedding_layers="auto"`` looks the base model's config up on the hub (a DNS
    failure and a warning offline, or a hang in an air-gapped network): piilora skips it."""
    import warnings

    import peft.utils.save_and_load as peft_save
    import torch
    from peft import LoraConfig, get_peft_model
    from transformers import Gemma3ForCausalLM

    from piilora.adapters import write_adapter
    from piilora.model import tiny_gemma3_config

    def no_network(*args, **kwargs):
        raise AssertionError("the hub was asked")

    for name in ("file_exists", "check_file_exists_on_hf_hub", "hf_hub_download"):
        monkeypatch.setattr(peft_save, name, no_network)
    torch.manual_seed(0)
    base = Gemma3ForCausalLM(tiny_gemma3_config(vocab_size=512))
    model = get_peft_model(base, LoraConfig(r=2, target_modules=["q_proj"], task_type="CAUSAL_LM"))
    model.peft_config["default"].base_model_name_or_path = "google/gemma-3-270m"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        write_adapter(model, tmp_path / "adapter", {"entity_types": ["PERSON"]})
    assert (tmp_path / "adapter" / "adapter_model.safetensors").exists()
