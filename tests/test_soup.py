"""Adapter averaging (piilora.soup): the averaged update is exact, or the best low-rank one."""

from __future__ import annotations

import json

import pytest
import torch
from safetensors.torch import load_file, save_file

from piilora.errors import AdapterError, ConfigError
from piilora.soup import average_adapters

MODULES = ("model.layers.0.self_attn.q_proj", "model.layers.0.mlp.down_proj")
SHAPES = {"model.layers.0.self_attn.q_proj": (24, 16), "model.layers.0.mlp.down_proj": (16, 40)}  # (out, in)


def _key(module: str, factor: str) -> str:
    return f"base_model.model.{module}.lora_{factor}.weight"


def _adapter(path, seed: int, r: int = 4, alpha: int = 8, modules=MODULES, meta=None):
    g = torch.Generator().manual_seed(seed)
    state = {}
    for m in modules:
        out_f, in_f = SHAPES[m]
        state[_key(m, "A")] = torch.randn(r, in_f, generator=g)
        state[_key(m, "B")] = torch.randn(out_f, r, generator=g)
    path.mkdir(parents=True)
    save_file(state, str(path / "adapter_model.safetensors"))
    config = {"peft_type": "LORA", "r": r, "lora_alpha": alpha, "base_model_name_or_path": "base",
              "target_modules": ["q_proj", "down_proj"], "use_rslora": False, "use_dora": False}  # fmt: skip
    (path / "adapter_config.json").write_text(json.dumps(config))
    if meta is not None:
        (path / "piilora.json").write_text(json.dumps(meta))
    return path


def _deltas(path) -> dict[str, torch.Tensor]:
    state = load_file(str(path / "adapter_model.safetensors"))
    config = json.loads((path / "adapter_config.json").read_text())
    scale = config["lora_alpha"] / config["r"]
    return {m: scale * state[_key(m, "B")].double() @ state[_key(m, "A")].double() for m in MODULES}


def test_exact_average_is_the_weighted_sum_of_updates(tmp_path):
    a, b, c = (_adapter(tmp_path / n, seed, alpha=alpha) for n, seed, alpha in (("a", 1, 8), ("b", 2, 8), ("c", 3, 4)))
    out = average_adapters([a, b, c], tmp_path / "soup", weights=[0.5, 0.3, 0.2])
    got, parts = _deltas(out), [_deltas(p) for p in (a, b, c)]
    for m in MODULES:
        want = 0.5 * parts[0][m] + 0.3 * parts[1][m] + 0.2 * parts[2][m]
        torch.testing.assert_close(got[m], want, rtol=1e-4, atol=1e-4)
    config = json.loads((out / "adapter_config.json").read_text())
    assert (config["r"], config["lora_alpha"]) == (12, 24)  # ranks add up; the first member's alpha / r stays


def test_truncated_average_is_the_best_low_rank_update(tmp_path):
    a, b = _adapter(tmp_path / "a", 1), _adapter(tmp_path / "b", 2)
    exact = _deltas(average_adapters([a, b], tmp_path / "exact"))
    out = average_adapters([a, b], tmp_path / "r3", rank=3)
    got = _deltas(out)
    worst = 0.0
    for m in MODULES:
        assert torch.linalg.matrix_rank(got[m]) == 3
        s = torch.linalg.svdvals(exact[m])
        optimal = float((s[3:] ** 2).sum().sqrt())  # Eckart-Young: no rank-3 matrix is closer
        assert float(torch.linalg.norm(got[m] - exact[m])) == pytest.approx(optimal, rel=1e-5)
        worst = max(worst, optimal / float(torch.linalg.norm(exact[m])))
    soup = json.loads((out / "piilora.json").read_text())["soup"]
    assert soup["rank"] == 3
    assert soup["max_relative_error"] == pytest.approx(worst, abs=1e-5)
    assert json.loads((out / "adapter_config.json").read_text())["r"] == 3


def test_averaging_copies_of_one_adapter_changes_nothing_and_records_the_members(tmp_path):
    meta = {"adapter_config": {"r": 4, "alpha": 8}, "entity_types": ["PERSON"], "step": 300}
    meta["metrics"] = {"eval/loss": 0.1}
    a = _adapter(tmp_path / "a", 1, meta=meta)
    out = average_adapters([a, a], tmp_path / "soup", rank=4)
    for m, d in _deltas(out).items():
        torch.testing.assert_close(d, _deltas(a)[m], rtol=1e-4, atol=1e-4)
    written = json.loads((out / "piilora.json").read_text())
    assert written["entity_types"] == ["PERSON"]
    assert written["metrics"] == {}  # a member's training metrics are not the soup's
    assert written["adapter_config"] == {"r": 4, "alpha": 8, "use_rslora": False}
    members = written["soup"]["members"]
    assert [m["weight"] for m in members] == [0.5, 0.5]
    assert members[0]["sha256"] == members[1]["sha256"] and len(members[0]["sha256"]) == 64
    assert written["soup"]["max_relative_error"] < 1e-6


@pytest.mark.parametrize(
    ("kwargs", "error", "words"),
    [
        ({"weights": [0.7, 0.7]}, ConfigError, "sum to 1"),
        ({"weights": [1.0]}, ConfigError, "1 weights for 2 adapters"),
        ({"weights": [1.2, -0.2]}, ConfigError, "positive"),
        ({"rank": 0}, ConfigError, "rank"),
    ],
)
def test_bad_arguments_are_refused(tmp_path, kwargs, error, words):
    a, b = _adapter(tmp_path / "a", 1), _adapter(tmp_path / "b", 2)
    with pytest.raises(error, match=words):
        average_adapters([a, b], tmp_path / "soup", **kwargs)
    assert not (tmp_path / "soup").exists()


def test_adapters_that_do_not_fit_together_are_refused_by_name(tmp_path):
    a = _adapter(tmp_path / "a", 1)
    other = _adapter(tmp_path / "other", 2, modules=MODULES[:1])
    with pytest.raises(AdapterError, match=r"other adapts other modules"):
        average_adapters([a, other], tmp_path / "soup")
    (tmp_path / "empty").mkdir()
    with pytest.raises(AdapterError, match=r"adapter_model\.safetensors is missing"):
        average_adapters([a, tmp_path / "empty"], tmp_path / "soup")
    with pytest.raises(ConfigError, match="at least one"):
        average_adapters([], tmp_path / "soup")


def test_an_existing_output_is_never_overwritten(tmp_path):
    a = _adapter(tmp_path / "a", 1)
    (tmp_path / "soup").mkdir()
    (tmp_path / "soup" / "keep.txt").write_text("mine")
    with pytest.raises(ConfigError, match="not an empty directory"):
        average_adapters([a], tmp_path / "soup", weights=[1.0])
    assert (tmp_path / "soup" / "keep.txt").read_text() == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "soup"]  # no temporary folder left


def test_the_model_card_names_the_members_of_a_soup(tmp_path):
    from piilora.modelcard import render_model_card

    a, b = _adapter(tmp_path / "a", 1, meta={"step": 300}), _adapter(tmp_path / "b", 2)
    out = average_adapters([a, b], tmp_path / "soup", weights=[0.25, 0.75], rank=2)
    card = render_model_card(json.loads((out / "piilora.json").read_text()))
    assert "the average of 2 adapters" in card and "(0.25)" in card and "(0.75)" in card
    assert "reduced to rank 2" in card
