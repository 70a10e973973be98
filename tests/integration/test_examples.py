"""Every example runs on tiny inputs (a tiny random Gemma 3 stands in for the 270M model)."""

import importlib.util
import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import torch

from piilora.model import tiny_gemma3_config

pytestmark = pytest.mark.integration
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
ENV_KEYS = ("PATH", "HOME", "OMP_NUM_THREADS", "PIILORA_CACHE_DIR", "TOKENIZERS_PARALLELISM", "PYTHONPATH")


@pytest.fixture(scope="module")
def tiny_base(tmp_path_factory, gemma_tokenizer):
    from transformers import Gemma3ForCausalLM

    torch.manual_seed(0)
    path = tmp_path_factory.mktemp("tiny") / "base"
    Gemma3ForCausalLM(tiny_gemma3_config()).save_pretrained(path)
    gemma_tokenizer.save_pretrained(path)
    return path


def _run(args, cwd):
    import os

    env = {k: v for k, v in os.environ.items() if k in ENV_KEYS}
    env["OMP_NUM_THREADS"] = "1"
    return subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, check=True)


@pytest.fixture(scope="module")
def trained(tmp_path_factory, tiny_base):
    """Runs examples/train-own-jsonl on a 4-row user file; returns the adapter dir."""
    work = tmp_path_factory.mktemp("train")
    rows = [
        {"text": "Call Jane Doe on 555-0100.", "spans": [{"start": 5, "end": 13, "label": "PERSON"}]},
        {"text": "Ticket 4411 closed by Bob.", "spans": [{"start": 22, "end": 25, "label": "PERSON"}]},
        {"text": "Mail ann@example.org today.", "spans": [{"start": 5, "end": 20, "label": "EMAIL_ADDRESS"}]},
        {"text": "Nothing personal here.", "spans": []},
    ]
    data = work / "mine.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in rows))
    out = _run([str(EXAMPLES / "train-own-jsonl" / "train.py"), "--data", str(data), "--out", str(work / "run"),
                "--steps", "2", "--synthetic", "16", "--tiny-base", str(tiny_base)], cwd=work)  # fmt: skip
    assert "adapter:" in out.stdout
    adapter = work / "run" / "adapter"
    assert (adapter / "adapter_model.safetensors").exists()
    return adapter


def test_train_on_own_jsonl_example(trained):
    meta = json.loads((trained / "piilora.json").read_text())
    assert meta["train_config"]["max_steps"] == 2


def test_batch_mask_jsonl_example(trained, tiny_base, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": f"Record {i}: call Jane on 555-01{i:02d}"}) + "\n"
                           for i in range(12)))  # fmt: skip
    out = _run([str(EXAMPLES / "batch-mask-jsonl" / "mask_file.py"), "--in", str(src), "--out",
                str(tmp_path / "out.jsonl"), "--adapter", str(trained), "--base-model", str(tiny_base), "--spans"],
               cwd=tmp_path)  # fmt: skip
    assert "masked 12 records" in out.stdout
    lines = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [r["id"] for r in lines] == list(range(12))
    assert all("spans" in r for r in lines)


def test_fastapi_service_example_serves_concurrent_requests_like_serial_calls(trained, tiny_base, monkeypatch):
    from fastapi.testclient import TestClient

    from piilora import Redactor

    monkeypatch.setenv("PIILORA_SERVICE_LAZY", "1")  # do not load the shipped adapter at import
    spec = importlib.util.spec_from_file_location("piilora_service_example", EXAMPLES / "fastapi-service" / "app.py")
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)  # pydantic resolves the models' annotations here
    spec.loader.exec_module(module)
    redactor = Redactor.from_pretrained(trained, base_model=tiny_base, dtype="float32")
    client = TestClient(module.create_app(redactor))
    texts = [f"Hi, I am Jane Doe {i}, mail me at jane{i}@doe.com" for i in range(12)]
    serial = [client.post("/mask", json={"text": t}).json() for t in texts]
    with ThreadPoolExecutor(6) as pool:
        concurrent = list(pool.map(lambda t: client.post("/mask", json={"text": t}).json(), texts))
    assert concurrent == serial
    assert all(r["text"] for r in serial)
    assert client.post("/mask_batch", json={"texts": texts}).json() == serial
    assert client.get("/health").json() == {"status": "ok"}
    bad = client.post("/mask", json={"text": "x", "scheme": "no-such-scheme"})
    assert bad.status_code == 422 and "no-such-scheme" in bad.json()["detail"]
    # choosing what to mask per request: e-mail addresses only, or everything but them
    only = client.post("/mask", json={"text": texts[0], "entities": ["EMAIL_ADDRESS"]}).json()
    assert "jane0@doe.com" not in only["text"] and {s["entity_type"] for s in only["spans"]} == {"EMAIL_ADDRESS"}
    but = client.post("/mask_batch", json={"texts": texts[:1], "exclude": ["EMAIL_ADDRESS"]}).json()[0]
    assert "jane0@doe.com" in but["text"]
    unknown = client.post("/mask", json={"text": "x", "entities": ["NOPE"]})
    assert unknown.status_code == 422 and "NOPE" in unknown.json()["detail"]
