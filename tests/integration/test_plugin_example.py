"""The example plugin package, pip-installed for real, flows into `piilora` data generation."""

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import datasets
import pytest

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "plugin-employee-id"


def _run(*args, **kwargs):
    env = {**os.environ}
    env.pop("PIILORA_DISABLE_PLUGIN_AUTOLOAD", None)
    return subprocess.run(args, capture_output=True, text=True, check=True, env=env, **kwargs)


@pytest.fixture(scope="module")
def installed_plugin():
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    _run(*pip, "install", "--no-deps", str(EXAMPLE))
    try:
        yield
    finally:
        _run(*pip, "uninstall", "-y", "piilora-employee-id")


@pytest.mark.usefixtures("installed_plugin")
def test_plugins_command_shows_the_installed_plugin():
    out = _run(sys.executable, "-m", "piilora.cli", "plugins", "--json")
    infos = {i["name"]: i for i in json.loads(out.stdout)}
    assert infos["employee_id"]["distribution"] == "piilora-employee-id"
    assert infos["employee_id"]["version"] == "0.1.0"
    assert infos["employee_id"]["entity_types"] == ["EMPLOYEE_ID"]


@pytest.mark.usefixtures("installed_plugin")
def test_employee_ids_flow_into_generated_data(tmp_path):
    out = tmp_path / "corpus"
    _run(sys.executable, "-m", "piilora.cli", "data", "generate", "--n", "1500", "--out", str(out), "--quiet")
    corpus = datasets.load_from_disk(str(out))
    for split in ("train", "validation", "test"):
        labels = Counter(s["label"] for row in corpus[split] for s in row["spans"])
        assert labels["EMPLOYEE_ID"] > 0, split
    values = [
        row["text"][s["start"] : s["end"]]
        for row in corpus["train"]
        for s in row["spans"]
        if s["label"] == "EMPLOYEE_ID"
    ]
    assert len(set(values)) == len(values)  # drawn by the plugin's generator, not a constant
