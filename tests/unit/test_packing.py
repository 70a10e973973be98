"""Prepacked linear layers (piilora.packing): same outputs, no plain weights kept, head untouched."""

from __future__ import annotations

import copy

import pytest

torch = pytest.importorskip("torch")

from piilora.packing import PackedLinear, pack_linears, packing_available  # noqa: E402

pytestmark = pytest.mark.skipif(not packing_available(torch.float32), reason="torch built without oneDNN")


def _tiny(dtype):
    from transformers import Gemma3ForCausalLM

    from piilora.model import tiny_gemma3_config

    torch.manual_seed(0)
    return Gemma3ForCausalLM(tiny_gemma3_config(vocab_size=512)).to(dtype).eval()


@pytest.mark.parametrize("bias", [True, False])
def test_a_packed_linear_computes_what_the_linear_does(bias):
    torch.manual_seed(1)
    linear = torch.nn.Linear(96, 40, bias=bias)
    packed = PackedLinear(linear)
    for shape in [(1, 96), (7, 96), (2, 5, 96)]:
        x = torch.randn(*shape)
        with torch.no_grad():
            assert torch.allclose(packed(x), linear(x), rtol=1e-5, atol=1e-5)
    assert not list(packed.parameters())  # nothing trainable, no plain weight
    assert "packed" in repr(packed)


@pytest.mark.parametrize("dtype", ["float32", "bfloat16"])
def test_a_packed_model_gives_the_same_logits_and_greedy_answer(dtype):
    dtype = getattr(torch, dtype)
    if not packing_available(dtype):
        pytest.skip(f"no oneDNN packing for {dtype} here")
    plain = _tiny(dtype)
    model = copy.deepcopy(plain)
    layers = plain.config.num_hidden_layers
    assert pack_linears(model) == 7 * layers  # q, k, v, o, gate, up, down per layer
    assert not any(type(m) is torch.nn.Linear for m in model.model.modules())
    assert type(model.lm_head) is torch.nn.Linear  # the (tied) head stays for the copy decoder
    assert model.lm_head.weight.data_ptr() == model.model.embed_tokens.weight.data_ptr()
    ids = torch.randint(3, 512, (2, 9))
    with torch.no_grad():
        got, want = model(input_ids=ids).logits, plain(input_ids=ids).logits
        tolerance = 2e-2 if dtype == torch.bfloat16 else 1e-4
        assert torch.allclose(got.float(), want.float(), rtol=tolerance, atol=tolerance)
        if dtype == torch.float32:
            kwargs = {"max_new_tokens": 6, "do_sample": False, "pad_token_id": 0}
            assert torch.equal(model.generate(input_ids=ids, **kwargs), plain.generate(input_ids=ids, **kwargs))


def test_nothing_is_packed_where_it_cannot_run():
    model = _tiny(torch.float16)
    assert pack_linears(model) == 0  # oneDNN packing is float32 / bfloat16 only
    assert pack_linears(torch.nn.Linear(4, 4)) == 0  # no causal LM body
    assert not packing_available(torch.float16)


def test_the_redactor_loads_a_packed_model_and_load_masker_does_not_by_default(tiny_model_dir):
    from piilora import Redactor
    from piilora.redactor import load_masker

    model, _, _ = load_masker(tiny_model_dir)
    assert any(type(m) is torch.nn.Linear for m in model.model.modules())  # export loads it this way
    red = Redactor.from_pretrained(tiny_model_dir, threads=1)
    assert any(isinstance(m, PackedLinear) for m in red.model.model.modules())
    unpacked = Redactor.from_pretrained(tiny_model_dir, threads=1, pack=False)
    text = "Write to jane.doe@example.com or call 415-555-0100 from 10.0.0.7."
    assert red.mask(text).text == unpacked.mask(text).text
