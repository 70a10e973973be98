import itertools
import json
import math

import pytest

from piilora import ConfigError
from piilora.config import DEFAULT_TARGET_MODULES, AdapterConfig, TrainConfig


def test_adapter_config_round_trips_through_json(tmp_path):
    cfg = AdapterConfig(r=8, alpha=16, use_rslora=True, target_modules=("q_proj", "v_proj"))
    path = tmp_path / "a.json"
    path.write_text(cfg.to_json())
    assert AdapterConfig.from_json(path) == cfg
    assert json.loads(path.read_text())["target_modules"] == ["q_proj", "v_proj"]


def test_adapter_config_maps_onto_peft():
    peft_cfg = AdapterConfig(r=8, alpha=16, dropout=0.1, use_dora=True, init="gaussian").to_peft()
    assert (peft_cfg.r, peft_cfg.lora_alpha, peft_cfg.lora_dropout) == (8, 16, 0.1)
    assert peft_cfg.use_dora and peft_cfg.init_lora_weights == "gaussian"
    assert set(peft_cfg.target_modules) == set(DEFAULT_TARGET_MODULES)
    assert AdapterConfig().to_peft().init_lora_weights is True


def test_scaling():
    assert AdapterConfig(r=16, alpha=32).scaling == 2.0
    assert AdapterConfig(r=16, alpha=32, use_rslora=True).scaling == 8.0


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"r": 0}, "AdapterConfig.r"),
        ({"r": 2.5}, "AdapterConfig.r"),
        ({"alpha": -1}, "AdapterConfig.alpha"),
        ({"dropout": 1.0}, "AdapterConfig.dropout"),
        ({"target_modules": ()}, "AdapterConfig.target_modules"),
        ({"target_modules": "q_proj"}, "AdapterConfig.target_modules"),
        ({"target_modules": ("q_proj", "q_proj")}, "AdapterConfig.target_modules"),
        ({"init": "magic"}, "AdapterConfig.init"),
        ({"use_dora": True, "init": "pissa"}, "AdapterConfig.use_dora"),
    ],
)
def test_adapter_config_errors_name_the_field(kwargs, field):
    with pytest.raises(ConfigError, match=field.replace(".", r"\.")):
        AdapterConfig(**kwargs)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"max_steps": 0}, "max_steps"),
        ({"batch_size": 8, "micro_batch_size": 3}, "batch_size"),
        ({"batch_size": 4, "micro_batch_size": 8}, "micro_batch_size"),
        ({"learning_rate": 0}, "learning_rate"),
        ({"precision": "fp16"}, "precision"),
        ({"keep_last": 0}, "keep_last"),
        ({"min_lr_ratio": 2}, "min_lr_ratio"),
        ({"max_steps": True}, "max_steps"),
        ({"eval_every": -1}, "eval_every"),
    ],
)
def test_train_config_errors_name_the_field(kwargs, field):
    with pytest.raises(ConfigError, match=f"TrainConfig.{field}"):
        TrainConfig(**kwargs)


def test_unknown_keys_are_rejected_by_name_or_warned():
    data = {**TrainConfig().to_dict(), "learning_rte": 1e-3}
    with pytest.raises(ConfigError, match=r"unknown key.*'learning_rte'"):
        TrainConfig.from_dict(data)
    with pytest.warns(UserWarning, match="learning_rte"):
        assert TrainConfig.from_dict(data, strict=False) == TrainConfig()


def test_unreadable_config_file_names_the_file(tmp_path):
    bad = tmp_path / "cfg.json"
    bad.write_text("{not json")
    with pytest.raises(ConfigError, match=r"cfg\.json"):
        TrainConfig.from_json(bad)


def test_learning_rate_schedule_warms_up_then_decays_to_the_floor():
    cfg = TrainConfig(max_steps=100, warmup_steps=10, learning_rate=1e-3, min_lr_ratio=0.1)
    lrs = [cfg.lr_at(s) for s in range(100)]
    assert lrs[0] == pytest.approx(1e-4)
    assert lrs[9] == pytest.approx(1e-3)
    assert all(a >= b for a, b in itertools.pairwise(lrs[10:]))  # monotone decay after warmup
    assert lrs[-1] == pytest.approx(1e-4, rel=0.05)
    assert cfg.lr_at(100) == pytest.approx(1e-4)
    assert not any(math.isnan(x) for x in lrs)


def test_schedule_steps_runs_the_first_part_of_a_longer_schedule():
    long = TrainConfig(max_steps=1439, warmup_steps=60, learning_rate=2e-4)
    part = TrainConfig(max_steps=719, schedule_steps=1439, warmup_steps=60, learning_rate=2e-4)
    assert [part.lr_at(s) for s in range(719)] == [long.lr_at(s) for s in range(719)]
    assert part.lr_at(718) > 2e-4 * 0.5  # mid-schedule, far from the floor
    with pytest.raises(ConfigError, match="schedule_steps"):
        TrainConfig(schedule_steps=0)
