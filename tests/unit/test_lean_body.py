"""The decoder's forward engine: the lean Gemma 3 body (bit for bit transformers' forward),
padding skipped in batches, holes compacted out of the KV cache."""

from __future__ import annotations

import copy

import pytest

torch = pytest.importorskip("torch")

from piilora.decoding.body import LeanBody, lean_body  # noqa: E402
from piilora.decoding.engine import ForwardEngine  # noqa: E402

PREFIX = [2, 105, 236, 107]


def _tiny(dtype=torch.float32, **overrides):
    from transformers import Gemma3ForCausalLM

    from piilora.model import tiny_gemma3_config

    torch.manual_seed(0)
    # 3 sliding layers with a short window, then a full one: the window matters in long rows
    config = tiny_gemma3_config(
        vocab_size=512,
        num_hidden_layers=4,
        num_attention_heads=4,
        sliding_window=8,
        layer_types=["sliding_attention"] * 3 + ["full_attention"],
        **overrides,
    )
    return Gemma3ForCausalLM(config).to(dtype).eval()


def _engines(model, **options):
    """The same model behind transformers' forward and behind the lean body."""
    return ForwardEngine(model, PREFIX, lean=False, compact=False), ForwardEngine(model, PREFIX, **options)


def _decode(engine, prompts, feeds_per_step, keep_per_step):
    """Prefill the prompts (no proposals), then feed each step's tokens and keep the given number
    of them per row (the rest become holes); returns the hidden states of the real tokens."""
    out = []
    with torch.no_grad():
        state, hidden = engine.prefill(prompts, [[] for _ in prompts])
        width = hidden.shape[1]
        out += [hidden[row, width - len(p) + len(PREFIX) :] for row, p in enumerate(prompts)]
        for feeds, keeps in zip(feeds_per_step, keep_per_step):
            start = state.valid.shape[1]
            hidden = engine.step(state, feeds)
            slot = state.fed_from
            assert slot <= start  # compaction may have moved the feed forward
            for row, (feed, keep) in enumerate(zip(feeds, keeps)):
                out.append(hidden[row, : len(feed)])
                state.keep(row, slot, keep)
    return out, state


def _workload(vocab=512, rows=3, steps=6, seed=1):
    g = torch.Generator().manual_seed(seed)
    prompts = [PREFIX + torch.randint(3, vocab, (n,), generator=g).tolist() for n in (5, 17, 11)[:rows]]
    feeds, keeps = [], []
    for step in range(steps):
        widths = [int(w) for w in torch.randint(1, 12, (rows,), generator=g)]
        feeds.append([torch.randint(3, vocab, (w,), generator=g).tolist() for w in widths])
        keeps.append([1 + (step + r) % w for r, w in enumerate(widths)])  # most proposals rejected
    return prompts, feeds, keeps


@pytest.mark.parametrize("dtype", ["float32", "bfloat16"])
def test_the_lean_body_gives_transformers_hidden_states_bit_for_bit(dtype):
    model = _tiny(getattr(torch, dtype))
    lean = lean_body(model)
    assert isinstance(lean, LeanBody)
    plain, fast = _engines(model, compact=False, ragged=False)
    assert fast.lean is not None and plain.lean is None
    prompts, feeds, keeps = _workload()
    want, _ = _decode(plain, prompts, feeds, keeps)
    got, _ = _decode(fast, prompts, feeds, keeps)
    assert all(torch.equal(a, b) for a, b in zip(want, got))


def test_a_packed_model_gets_the_lean_body_too():
    from piilora.packing import pack_linears, packing_available

    if not packing_available(torch.float32):
        pytest.skip("no oneDNN packing here")
    model = _tiny()
    pack_linears(model)
    assert lean_body(model) is not None


def test_skipping_padding_and_compacting_holes_change_nothing_but_rounding():
    model = _tiny()
    plain, fast = _engines(model)
    prompts, feeds, keeps = _workload(steps=25)
    want, every_slot = _decode(plain, prompts, feeds, keeps)
    got, state = _decode(fast, prompts, feeds, keeps)
    assert all(torch.allclose(a, b, rtol=1e-4, atol=1e-5) for a, b in zip(want, got))
    # the cache holds (about) what the rows kept, not every slot ever fed
    assert torch.equal(state.valid.sum(1), every_slot.valid.sum(1))
    assert state.valid.shape[1] < every_slot.valid.shape[1] / 1.5


def test_compaction_keeps_each_rows_slots_in_order_with_their_positions():
    model = _tiny()
    engine = ForwardEngine(model, PREFIX)
    prompts, feeds, keeps = _workload(steps=3)
    engine.compact = False
    _, state = _decode(engine, prompts, feeds, keeps)
    before = [(state.pos[r][state.valid[r]].tolist()) for r in range(len(prompts))]
    keys = [state.cache.layers[0].keys[r, :, state.valid[r]].clone() for r in range(len(prompts))]
    assert state.compact(slack=0.0, least=1)
    after = [(state.pos[r][state.valid[r]].tolist()) for r in range(len(prompts))]
    assert before == after
    assert all(before[r] == sorted(before[r]) for r in range(len(prompts)))
    assert int(state.valid.sum(1).max()) == state.valid.shape[1] == state.cache.layers[0].keys.shape[2]
    for r in range(len(prompts)):
        assert torch.equal(state.cache.layers[0].keys[r, :, state.valid[r]], keys[r])
    assert not state.compact(slack=0.0, least=1)  # nothing left to drop


def test_padding_positions_are_zero_and_real_ones_match_the_dense_forward():
    model = _tiny()
    lean = lean_body(model)
    from transformers import DynamicCache

    ids = torch.randint(3, 512, (2, 6))
    real = torch.ones((2, 6), dtype=torch.bool)
    real[1, 4:] = False  # row 1 is right-padded by two tokens
    positions = torch.arange(6)[None].expand(2, -1)
    causal = torch.tril(torch.ones((6, 6), dtype=torch.bool))[None, None].expand(2, 1, 6, 6)
    masks = {"full_attention": causal, "sliding_attention": causal}
    with torch.no_grad():
        dense = lean(ids, positions, masks, DynamicCache())
        ragged = lean(ids, positions, masks, DynamicCache(), real)
    assert torch.allclose(dense[real], ragged[real], rtol=1e-4, atol=1e-5)
    assert not ragged[~real].any()


def test_bodies_it_does_not_know_keep_transformers_forward():
    assert lean_body(_tiny(attn_implementation="eager")) is None
    assert lean_body(torch.nn.Linear(2, 2)) is None
    model = _tiny()
    other = copy.deepcopy(model)
    other.model.config.hidden_activation = "gelu"  # an activation the lean body does not run
    assert lean_body(other) is None


def test_a_lean_body_that_computes_otherwise_is_refused(monkeypatch):
    model = _tiny()
    monkeypatch.setattr(LeanBody, "_rotate", lambda self, x, cos, sin: x * cos)  # a wrong rotary
    assert lean_body(model) is None
    assert ForwardEngine(model, PREFIX).lean is None
