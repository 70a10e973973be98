"""The Accelerate training loop on a tiny random Gemma 3 with the real tokenizer."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import torch
from transformers import Gemma3ForCausalLM

from piilora import ConfigError, DataError
from piilora.config import AdapterConfig, TrainConfig
from piilora.data.batching import collate, encode_rows
from piilora.errors import TrainingError
from piilora.model import tiny_gemma3_config
from piilora.training.loss import SFTLoss

pytestmark = pytest.mark.integration

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from tiny_run import rows  # noqa: E402


def _model(seed=0):
    torch.manual_seed(seed)
    return Gemma3ForCausalLM(tiny_gemma3_config())


def _trainer(tmp_path, tokenizer, *, model=None, data=None, resume=False, **overrides):
    from piilora.training import Trainer

    cfg = {
        "max_steps": 4, "batch_size": 4, "micro_batch_size": 2, "save_every": 2, "eval_every": 0,
        "warmup_steps": 1, "learning_rate": 5e-3, "precision": "fp32", "eval_generate": 2, "eval_batches": 1,
    }  # fmt: skip
    cfg.update(overrides)
    return Trainer(
        AdapterConfig(r=4, alpha=8, dropout=0.0),
        TrainConfig(**cfg),
        train_data=rows(32, 0) if data is None else data,
        eval_data=rows(6, 1),
        output_dir=tmp_path / "run",
        model=model or _model(),
        tokenizer=tokenizer,
        resume=resume,
        progress=False,
    )


def _losses(run: Path) -> list[float]:
    lines = [json.loads(x) for x in (run / "metrics.jsonl").read_text().splitlines()]
    return [x["train/loss"] for x in lines if "train/loss" in x]


def test_chunked_answer_only_loss_equals_full_cross_entropy(gemma_tokenizer):
    model = _model()
    model.model.embed_tokens.weight.requires_grad_(False)  # the tied head is frozen in LoRA training
    data = encode_rows(rows(4, 0), gemma_tokenizer, max_length=256)
    batch = collate(data, [0, 1, 2, 3], pad_id=0)
    loss_sum, n = SFTLoss(model, head_chunk=7)(**batch)
    reference = model(**batch).loss  # HF: mean CE over non-ignored shifted labels
    torch.testing.assert_close(loss_sum / n, reference, rtol=1e-5, atol=1e-5)
    # and the gradients agree
    loss_sum.backward()
    ours = [p.grad.clone() for p in model.parameters() if p.grad is not None]
    model.zero_grad()
    (reference * n).backward()
    theirs = [p.grad for p in model.parameters() if p.grad is not None]
    for a, b in zip(ours, theirs, strict=True):
        torch.testing.assert_close(a, b, rtol=1e-4, atol=1e-5)


def test_fit_writes_a_standard_peft_adapter_and_learns(tmp_path, gemma_tokenizer):
    from peft import PeftModel

    trainer = _trainer(tmp_path, gemma_tokenizer, max_steps=12, eval_every=6, save_every=6)
    adapter = trainer.fit()
    assert (adapter / "adapter_model.safetensors").exists() and (adapter / "adapter_config.json").exists()
    meta = json.loads((adapter / "piilora.json").read_text())
    assert meta["adapter_config"]["r"] == 4 and meta["prompt_format_version"] == 1
    assert "PERSON" in meta["entity_types"] and meta["base_model"]["name"]
    peft_config = json.loads((adapter / "adapter_config.json").read_text())
    assert peft_config["base_model_name_or_path"] == "google/gemma-3-270m"  # a hub id, never a local cache path
    assert "eval/loss" in meta["metrics"]
    loaded = PeftModel.from_pretrained(_model(), str(adapter))
    assert any("lora_A" in n for n, _ in loaded.named_parameters())
    losses = _losses(tmp_path / "run")
    assert len(losses) == 12 and losses[-1] < losses[0]
    assert (tmp_path / "run" / "loss.png").stat().st_size > 0
    assert list((tmp_path / "run" / "tensorboard").rglob("events.out.tfevents.*"))


def test_no_pii_in_logs_metrics_or_metadata(tmp_path, gemma_tokenizer):
    _trainer(tmp_path, gemma_tokenizer, max_steps=2, eval_every=2).fit()
    for f in (tmp_path / "run").rglob("*"):
        if f.is_file() and f.suffix in (".json", ".jsonl", ".yml", ".md", ".txt"):
            text = f.read_text(errors="ignore")
            for name in ("Jane Doe", "Mustermann", "Núñez"):
                assert name not in text, f


def test_gradient_accumulation_matches_one_big_batch(tmp_path, gemma_tokenizer):
    _trainer(tmp_path / "a", gemma_tokenizer, micro_batch_size=4).fit()
    _trainer(tmp_path / "b", gemma_tokenizer, micro_batch_size=1).fit()
    a, b = _losses(tmp_path / "a" / "run"), _losses(tmp_path / "b" / "run")
    assert a == pytest.approx(b, rel=1e-4)


def test_trainer_state_round_trips_through_the_checkpoint_record():
    from piilora.training.checkpoint import TrainerState

    state = TrainerState(step=4)
    assert state.track_eval(2.0, min_delta=0.0) and (state.best_step, state.evals_since_best) == (4, 0)
    state.step = 5
    assert not state.track_eval(1.95, min_delta=0.1) and state.evals_since_best == 1
    assert state.patience_ran_out(1) and not state.patience_ran_out(0)
    record = json.loads(json.dumps({"step": state.step, "best": state.best_record()}))
    assert record["best"] == {"eval/loss": 2.0, "step": 4, "evals_since_best": 1}  # the format of old checkpoints
    assert TrainerState.from_record(record) == state
    fresh = json.loads(json.dumps({"step": 0, "best": TrainerState().best_record()}))  # inf -> Infinity -> inf
    assert TrainerState.from_record(fresh) == TrainerState()


def test_checkpoints_are_pruned_to_keep_last(tmp_path, gemma_tokenizer):
    _trainer(tmp_path, gemma_tokenizer, max_steps=8, save_every=2, keep_last=2).fit()
    names = sorted(p.name for p in (tmp_path / "run" / "checkpoints").iterdir())
    assert names == ["step-0000006", "step-0000008"]
    state = json.loads((tmp_path / "run" / "state.json").read_text())
    assert state["latest"] == "checkpoints/step-0000008"


def _run_tiny(out, *args, **kwargs):
    env = {**os.environ, "OMP_NUM_THREADS": "1", "PIILORA_DISABLE_PLUGIN_AUTOLOAD": "1"}
    return subprocess.Popen([sys.executable, str(HERE / "tiny_run.py"), str(out), *args], env=env, **kwargs)


def test_resume_after_sigkill_continues_the_same_loss_sequence(tmp_path):
    steps = ["--steps", "30", "--save-every", "3", "--dropout", "0.1"]
    full = _run_tiny(tmp_path / "full", *steps)
    assert full.wait(timeout=600) == 0
    victim = _run_tiny(tmp_path / "killed", *steps)
    state = tmp_path / "killed" / "state.json"
    deadline = time.time() + 600
    while time.time() < deadline:
        if state.exists() and json.loads(state.read_text())["step"] >= 6:
            break
        time.sleep(0.02)
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    killed_at = json.loads(state.read_text())["step"]
    assert 6 <= killed_at < 30, "the run finished before it could be killed"
    resumed = _run_tiny(tmp_path / "killed", *steps, "--resume")
    assert resumed.wait(timeout=600) == 0
    assert _losses(tmp_path / "killed") == _losses(tmp_path / "full")
    assert len(_losses(tmp_path / "full")) == 30


@pytest.mark.skipif(sys.platform != "linux", reason="gloo CPU processes")
def test_two_processes_follow_the_one_process_trajectory(tmp_path):
    steps = ["--steps", "6", "--batch", "4", "--micro", "2", "--dropout", "0", "--save-every", "0"]
    one = _run_tiny(tmp_path / "one", *steps)
    assert one.wait(timeout=600) == 0
    env = {**os.environ, "OMP_NUM_THREADS": "1", "PIILORA_DISABLE_PLUGIN_AUTOLOAD": "1"}
    cmd = [
        sys.executable, "-m", "accelerate.commands.launch", "--cpu", "--num_processes", "2",
        "--num_machines", "1", "--mixed_precision", "no", "--dynamo_backend", "no", "--main_process_port", "29517",
        str(HERE / "tiny_run.py"), str(tmp_path / "two"), *steps,
    ]  # fmt: skip
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr[-3000:]
    assert _losses(tmp_path / "two") == pytest.approx(_losses(tmp_path / "one"), rel=1e-4)
    meta = json.loads((tmp_path / "two" / "adapter" / "piilora.json").read_text())
    assert meta["step"] == 6


# -- bad input ----------------------------------------------------------------------------
def test_empty_dataset_is_a_clear_error(tmp_path, gemma_tokenizer):
    with pytest.raises(DataError, match="empty"):
        _trainer(tmp_path, gemma_tokenizer, data=[]).fit()


def test_no_answer_tokens_after_truncation(tmp_path, gemma_tokenizer):
    with pytest.raises(DataError, match="no example has answer tokens left after truncation"):
        _trainer(tmp_path, gemma_tokenizer, max_length=16).fit()


def test_bad_spans_name_the_row(tmp_path, gemma_tokenizer):
    data = rows(8, 0)
    data[5] = {**data[5], "spans": [{"start": 3, "end": 999, "label": "PERSON"}]}
    with pytest.raises(DataError, match=r"row 5.*spans") as err:
        _trainer(tmp_path, gemma_tokenizer, data=data).fit()
    assert "Jane" not in str(err.value)


def test_nan_loss_stops_without_a_checkpoint(tmp_path, gemma_tokenizer):
    model = _model()
    with torch.no_grad():
        model.model.norm.weight.fill_(float("nan"))
    with pytest.raises(TrainingError, match="loss became nan at step 1"):
        _trainer(tmp_path, gemma_tokenizer, model=model).fit()
    assert not (tmp_path / "run" / "checkpoints").exists()
    assert not (tmp_path / "run" / "state.json").exists()


def test_unwritable_output_dir(tmp_path, gemma_tokenizer):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    from piilora.training import Trainer

    with pytest.raises(ConfigError, match="not writable"):
        Trainer(train_data=rows(4, 0), output_dir=blocker / "run", tokenizer=gemma_tokenizer, model=_model())


def test_existing_run_needs_resume(tmp_path, gemma_tokenizer):
    _trainer(tmp_path, gemma_tokenizer, max_steps=2).fit()
    with pytest.raises(ConfigError, match="already holds a training run"):
        _trainer(tmp_path, gemma_tokenizer, max_steps=2)


def test_resume_from_another_config_is_refused(tmp_path, gemma_tokenizer):
    _trainer(tmp_path, gemma_tokenizer, max_steps=2).fit()
    with pytest.raises(ConfigError, match=r"different setup \(train_config\.learning_rate differ"):
        _trainer(tmp_path, gemma_tokenizer, max_steps=4, resume=True, learning_rate=1e-3).fit()


def test_early_stopping_keeps_the_best_checkpoint(tmp_path, gemma_tokenizer):
    # a tiny random model cannot improve eval/loss by a whole nat: only the first eval counts
    trainer = _trainer(
        tmp_path, gemma_tokenizer, max_steps=20, eval_every=1, save_every=0, early_stopping_patience=2,
        early_stopping_min_delta=1.0, eval_generate=0,
    )  # fmt: skip
    adapter = trainer.fit()
    lines = [json.loads(x) for x in (tmp_path / "run" / "metrics.jsonl").read_text().splitlines()]
    evals = [x for x in lines if "eval/loss" in x]
    assert [x["step"] for x in evals] == [1, 2, 3]  # stopped after `patience` evals without improvement
    assert json.loads((adapter / "piilora.json").read_text())["step"] == 1  # the best checkpoint
    assert len(_losses(tmp_path / "run")) == 3


def test_init_adapter_starts_from_its_weights_and_records_them(tmp_path, gemma_tokenizer):
    import hashlib

    from safetensors.torch import load_file

    from piilora.training import Trainer

    first = _trainer(tmp_path / "a", gemma_tokenizer, max_steps=2, learning_rate=5e-2).fit()
    # a vanishing learning rate: the refined adapter must still hold the init adapter's weights
    refined = _trainer(
        tmp_path / "b", gemma_tokenizer, max_steps=1, warmup_steps=0, learning_rate=1e-9, init_adapter=str(first)
    ).fit()
    a = load_file(first / "adapter_model.safetensors")
    b = load_file(refined / "adapter_model.safetensors")
    assert a.keys() == b.keys()
    assert any(k for k in a if "lora_B" in k and a[k].abs().max() > 1e-4)  # trained, unlike a fresh init (B = 0)
    for k in a:
        torch.testing.assert_close(b[k], a[k], atol=1e-6, rtol=0)
    meta = json.loads((refined / "piilora.json").read_text())
    digest = hashlib.sha256((first / "adapter_model.safetensors").read_bytes()).hexdigest()
    assert meta["init_adapter"]["sha256"] == digest and meta["train_config"]["init_adapter"] == str(first)
    recorded = json.loads((tmp_path / "b" / "run" / "init_adapter.json").read_text())
    assert recorded == meta["init_adapter"]  # written when loaded, so a resumed run reports the same start

    adopted = Trainer(
        None, TrainConfig(init_adapter=str(first)), train_data=rows(4, 0), output_dir=tmp_path / "c", model=_model()
    )
    assert (adopted.adapter_config.r, adopted.adapter_config.alpha) == (4, 8)  # the init adapter's own shape
    with pytest.raises(ConfigError, match=r"does not match the AdapterConfig: r: adapter 4, AdapterConfig 8"):
        Trainer(
            AdapterConfig(r=8, alpha=8),
            TrainConfig(init_adapter=str(first)),
            train_data=rows(4, 0),
            output_dir=tmp_path / "d",
        )
    with pytest.raises(ConfigError, match="not a PEFT adapter dir"):
        Trainer(None, TrainConfig(init_adapter=str(tmp_path)), train_data=rows(4, 0), output_dir=tmp_path / "e")
