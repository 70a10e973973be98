"""Export formats on a tiny random Gemma 3 + a real PEFT LoRA: each loads back in its real consumer
(peft / transformers) with matching outputs; GGUF tensors and metadata checked with gguf-py."""

import json
import math

import gguf
import numpy as np
import pytest
import torch

from piilora.data.prompt import END_OF_TURN, prompt_ids
from piilora.errors import AdapterError
from piilora.export import ExportError, chat_template, export, lora_gguf_blocker
from piilora.model import tiny_gemma3_config

pytestmark = pytest.mark.integration

TEXTS = ["Hi, I am Jane Doe, mail me at jane@doe.com", "Order 4411 shipped to 10.0.0.1 on Friday."]


@pytest.fixture(scope="module")
def tiny_adapter(tmp_path_factory, gemma_tokenizer):
    """(adapter dir, base dir): a tiny Gemma 3 (real vocabulary) and a random, non-zero LoRA on it."""
    from peft import LoraConfig, get_peft_model
    from transformers import Gemma3ForCausalLM

    root = tmp_path_factory.mktemp("export")
    torch.manual_seed(0)
    # head_dim 256 = query_pre_attn_scalar, as in Gemma 3 270M: llama.cpp and transformers' GGUF
    # loader both assume it (neither reads the scalar from the GGUF)
    # layer types by the default pattern (5 sliding : 1 full), which is what the GGUF loader assumes
    base = Gemma3ForCausalLM(tiny_gemma3_config(head_dim=256, layer_types=None)).eval()
    base_dir = root / "base"
    base.save_pretrained(base_dir)
    gemma_tokenizer.save_pretrained(base_dir)
    lora = LoraConfig(r=4, lora_alpha=8, init_lora_weights=False, target_modules=[
        "q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"])  # fmt: skip
    peft_model = get_peft_model(base, lora)
    adapter_dir = root / "adapter"
    peft_model.save_pretrained(adapter_dir)
    meta = {"base_model": {"name": str(base_dir)}, "entity_types": ["PERSON", "EMAIL_ADDRESS"]}
    (adapter_dir / "piilora.json").write_text(json.dumps(meta))
    return adapter_dir, base_dir


def _unmerged(adapter_dir, base_dir):
    from peft import PeftModel
    from transformers import AutoModelForCausalLM

    return PeftModel.from_pretrained(AutoModelForCausalLM.from_pretrained(base_dir), str(adapter_dir)).eval()


def _greedy(model, tokenizer, text, n=12):
    ids = torch.tensor([prompt_ids(tokenizer, text)])
    eot = tokenizer.convert_tokens_to_ids(END_OF_TURN)
    with torch.no_grad():
        out = model.generate(input_ids=ids, max_new_tokens=n, do_sample=False, eos_token_id=eot)
    return out[0, ids.shape[1] :].tolist()


def test_adapter_export_copies_the_adapter_and_adds_a_card(tiny_adapter, tmp_path):
    adapter_dir, _ = tiny_adapter
    result = export("adapter", tmp_path / "a", adapter=adapter_dir)
    assert {"adapter_model.safetensors", "adapter_config.json", "piilora.json", "README.md"} <= set(result.files)
    assert (tmp_path / "a" / "adapter_model.safetensors").read_bytes() == (
        adapter_dir / "adapter_model.safetensors"
    ).read_bytes()


def test_merged_export_loads_with_plain_transformers_and_matches_the_unmerged_model(
    tiny_adapter, tmp_path, gemma_tokenizer
):
    from transformers import AutoModelForCausalLM, AutoTokenizer

    adapter_dir, base_dir = tiny_adapter
    export("merged", tmp_path / "m", adapter=adapter_dir, base_model=base_dir)
    merged = AutoModelForCausalLM.from_pretrained(tmp_path / "m").eval()
    reference = _unmerged(adapter_dir, base_dir)
    tok = AutoTokenizer.from_pretrained(tmp_path / "m")
    for text in TEXTS:
        assert _greedy(merged, gemma_tokenizer, text) == _greedy(reference, gemma_tokenizer, text)
        ids = torch.tensor([prompt_ids(gemma_tokenizer, text)])
        with torch.no_grad():
            diff = (merged(ids).logits - reference(ids).logits).abs().max().item()
        assert diff < 1e-4
    rendered = tok.apply_chat_template([{"role": "user", "content": "x"}], tokenize=False, add_generation_prompt=True)
    from piilora.data.prompt import render_conversation

    assert rendered == render_conversation("x")
    assert (
        chat_template() in (tmp_path / "m" / "tokenizer_config.json").read_text()
        or (tmp_path / "m" / "chat_template.jinja").exists()
    )


def test_gguf_export_round_trips_through_transformers_and_gguf_py(tiny_adapter, tmp_path, gemma_tokenizer):
    from transformers import AutoModelForCausalLM

    adapter_dir, base_dir = tiny_adapter
    result = export("gguf", tmp_path / "g", adapter=adapter_dir, base_model=base_dir, gguf_type="f32")
    assert {"model-f32.gguf", "adapter-lora.gguf", "Modelfile", "DEPLOY.md"} <= set(result.files)
    reference = _unmerged(adapter_dir, base_dir).merge_and_unload().eval()
    hf = {k: v.float().numpy() for k, v in reference.state_dict().items()}

    reader = gguf.GGUFReader(str(tmp_path / "g" / "model-f32.gguf"))
    tensors = {t.name: t for t in reader.tensors}
    assert "output.weight" not in tensors  # tied embedding
    assert len(tensors) == len(hf) - 1  # every tensor but the tied lm_head
    np.testing.assert_array_equal(tensors["token_embd.weight"].data, hf["model.embed_tokens.weight"])
    np.testing.assert_array_equal(tensors["blk.1.attn_q.weight"].data, hf["model.layers.1.self_attn.q_proj.weight"])
    np.testing.assert_allclose(tensors["blk.0.attn_norm.weight"].data, hf["model.layers.0.input_layernorm.weight"] + 1)
    np.testing.assert_allclose(tensors["output_norm.weight"].data, hf["model.norm.weight"] + 1)
    assert tensors["blk.0.attn_q_norm.weight"].tensor_type == gguf.GGMLQuantizationType.F32
    base = gguf.GGUFReader(str(_default_base_gguf()))
    for key in ("tokenizer.ggml.tokens", "tokenizer.ggml.token_type", "tokenizer.ggml.bos_token_id"):
        assert reader.fields[key].contents() == base.fields[key].contents()
    assert reader.fields["tokenizer.chat_template"].contents() == chat_template()
    assert reader.fields["general.architecture"].contents() == "gemma3"

    loaded = AutoModelForCausalLM.from_pretrained(str(tmp_path / "g"), gguf_file="model-f32.gguf").eval()
    for text in TEXTS:
        ids = torch.tensor([prompt_ids(gemma_tokenizer, text)])
        with torch.no_grad():
            diff = (loaded(ids).logits - reference(ids).logits).abs().max().item()
        assert diff < 1e-4, diff


def test_q8_0_gguf_quantizes_matrices_and_keeps_vectors_f32(tiny_adapter, tmp_path):
    adapter_dir, base_dir = tiny_adapter
    export("gguf", tmp_path / "q", adapter=adapter_dir, base_model=base_dir, gguf_type="q8_0")
    reader = gguf.GGUFReader(str(tmp_path / "q" / "model-q8_0.gguf"))
    tensors = {t.name: t for t in reader.tensors}
    assert tensors["blk.0.ffn_up.weight"].tensor_type == gguf.GGMLQuantizationType.Q8_0
    assert tensors["blk.0.ffn_norm.weight"].tensor_type == gguf.GGMLQuantizationType.F32
    reference = _unmerged(adapter_dir, base_dir).merge_and_unload()
    want = reference.model.layers[0].mlp.up_proj.weight.detach().numpy()
    got = gguf.quants.dequantize(tensors["blk.0.ffn_up.weight"].data, gguf.GGMLQuantizationType.Q8_0)
    assert np.abs(got.reshape(want.shape) - want).max() < np.abs(want).max() / 100


def test_lora_gguf_holds_peft_matrices_in_peft_shapes(tiny_adapter, tmp_path):
    from safetensors.numpy import load_file

    adapter_dir, base_dir = tiny_adapter
    export("gguf", tmp_path / "g", adapter=adapter_dir, base_model=base_dir, gguf_type="f16")
    reader = gguf.GGUFReader(str(tmp_path / "g" / "adapter-lora.gguf"))
    assert reader.fields["general.type"].contents() == "adapter"
    assert reader.fields["adapter.type"].contents() == "lora"
    assert reader.fields["adapter.lora.alpha"].contents() == pytest.approx(8.0)
    tensors = {t.name: t for t in reader.tensors}
    assert len(tensors) == 2 * 7 * 2  # A and B, 7 projections, 2 layers
    peft = load_file(str(adapter_dir / "adapter_model.safetensors"))
    a = peft["base_model.model.model.layers.1.self_attn.q_proj.lora_A.weight"]
    b = peft["base_model.model.model.layers.1.self_attn.q_proj.lora_B.weight"]
    np.testing.assert_array_equal(tensors["blk.1.attn_q.weight.lora_a"].data.reshape(a.shape), a)
    np.testing.assert_array_equal(tensors["blk.1.attn_q.weight.lora_b"].data.reshape(b.shape), b)
    modelfile = (tmp_path / "g" / "Modelfile").read_text()
    assert "FROM ./model-f16.gguf" in modelfile and "PARAMETER stop <end_of_turn>" in modelfile


def test_rslora_is_rescaled_and_dora_is_refused():
    assert lora_gguf_blocker({"use_dora": True})
    assert lora_gguf_blocker({"rank_pattern": {"q_proj": 8}})
    assert lora_gguf_blocker({"use_rslora": True, "r": 16}) is None
    r, alpha = 16, 32
    assert (alpha * math.sqrt(r)) / r == pytest.approx(alpha / math.sqrt(r))  # what llama.cpp will apply


def test_bad_sources_and_targets_fail_clearly_and_leave_nothing_behind(tiny_adapter, tmp_path, monkeypatch):
    adapter_dir, _ = tiny_adapter
    with pytest.raises(AdapterError, match="not a PEFT adapter dir"):
        export("adapter", tmp_path / "x", adapter=tmp_path)
    with pytest.raises(AdapterError, match="trained on base model"):
        export("merged", tmp_path / "x", adapter=adapter_dir, base_model="some/other-model")
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "keep.txt").write_text("mine")
    with pytest.raises(ExportError, match="not empty"):
        export("adapter", tmp_path / "full", adapter=adapter_dir)
    assert (tmp_path / "full" / "keep.txt").read_text() == "mine"
    (tmp_path / "afile").write_text("")
    with pytest.raises(ExportError, match="cannot write"):
        export("adapter", tmp_path / "afile" / "sub", adapter=adapter_dir)

    import piilora.export as ex

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(ex, "_write_merged", boom)
    with pytest.raises(RuntimeError):
        export("merged", tmp_path / "half", adapter=adapter_dir)
    assert not (tmp_path / "half").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".half")]


def _default_base_gguf():
    from piilora.model import default_gguf

    return default_gguf()[0]


def test_an_averaged_adapter_loads_like_any_other(tiny_adapter, tmp_path):
    """A soup (piilora.soup) is a plain PEFT adapter: peft loads it, and the soup of an adapter
    with itself, at twice the rank, merges into the same weights."""
    from piilora.soup import average_adapters

    adapter_dir, base_dir = tiny_adapter
    soup = average_adapters([adapter_dir, adapter_dir], tmp_path / "soup")
    assert json.loads((soup / "adapter_config.json").read_text())["r"] == 8
    want = _unmerged(adapter_dir, base_dir).merge_and_unload().state_dict()
    got = _unmerged(soup, base_dir).merge_and_unload().state_dict()
    assert want.keys() == got.keys()
    for name in want:
        torch.testing.assert_close(got[name], want[name], rtol=1e-5, atol=1e-5)
