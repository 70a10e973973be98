import json
import subprocess
import sys
from pathlib import Path

import datasets
import pytest

from piilora.cli import main
from piilora.plugins import DISABLE_AUTOLOAD_ENV


@pytest.fixture(autouse=True)
def _no_autoload(monkeypatch):
    monkeypatch.setenv(DISABLE_AUTOLOAD_ENV, "1")
    from piilora.plugins import default_plugin_manager

    default_plugin_manager.cache_clear()
    yield
    default_plugin_manager.cache_clear()


def test_data_generate_writes_a_loadable_corpus(tmp_path, capsys):
    out = tmp_path / "corpus"
    assert main(["data", "generate", "--n", "200", "--seed", "5", "--out", str(out), "--json", "--quiet"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["train"]["examples"] == 160
    ds = datasets.load_from_disk(str(out))
    assert len(ds["validation"]) == 20 and len(ds["test"]) == 20


def test_data_generate_refuses_a_non_empty_dir_with_exit_2(tmp_path, capsys):
    (tmp_path / "x").write_text("keep")
    assert main(["data", "generate", "--n", "10", "--out", str(tmp_path), "--quiet"]) == 2
    assert "not empty" in capsys.readouterr().err


def test_data_show_prints_text_and_target(tmp_path, capsys):
    out = tmp_path / "c"
    main(["data", "generate", "--n", "50", "--out", str(out), "--quiet"])
    capsys.readouterr()
    assert main(["data", "show", str(out), "--n", "3"]) == 0
    shown = capsys.readouterr().out
    assert shown.count(">>>") == 3


def test_plugins_command_lists_builtins(capsys):
    assert main(["plugins", "--json"]) == 0
    infos = json.loads(capsys.readouterr().out)
    names = {i["name"]: i for i in infos}
    assert "EMAIL_ADDRESS" in names["piilora.entities.builtin"]["entity_types"]
    assert "numbered" in names["piilora.placeholders.builtin"]["schemes"]


def test_console_script_is_installed():
    script = Path(sys.executable).parent / "piilora"
    out = subprocess.run([str(script), "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("piilora ")
