"""The Docker image's entry commands, run outside Docker (no engine runs on CI machines): the
ENTRYPOINT is the installed ``piilora`` CLI and every ``docker run`` line documented in the
Dockerfile parses with the CLI's real argument parser; the default CMD and an export run."""

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from piilora.cli import build_parser

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = (ROOT / "Dockerfile").read_text()


def _documented_runs() -> list[list[str]]:
    runs = []
    for line in DOCKERFILE.splitlines():
        m = re.match(r"#\s+docker run (.*)", line)
        if m:
            words = shlex.split(m.group(1))
            image = words.index("piilora")  # options before the image name belong to docker
            runs.append(words[image + 1 :])
    return runs


def test_entrypoint_is_the_piilora_cli_with_help_as_default():
    assert re.search(r'^ENTRYPOINT \["piilora"\]$', DOCKERFILE, re.M)
    assert re.search(r'^CMD \["--help"\]$', DOCKERFILE, re.M)
    assert re.search(r"^USER 10001$", DOCKERFILE, re.M)  # non-root
    out = subprocess.run([sys.executable, "-m", "piilora.cli", "--help"], capture_output=True, text=True, check=True)
    for command in ("mask", "train", "export", "eval", "data"):
        assert command in out.stdout


@pytest.mark.parametrize("argv", _documented_runs(), ids=lambda a: a[0])
def test_documented_docker_run_lines_parse(argv):
    args = build_parser().parse_args(argv)
    assert callable(args.func)


def test_documented_commands_cover_mask_train_and_export():
    assert {argv[0] for argv in _documented_runs()} >= {"mask", "train", "export"}


def test_export_entry_command_runs(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "piilora.cli", "export", "--format", "adapter", "--out", str(tmp_path / "out")],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert "exported adapter" in out.stdout
    assert (tmp_path / "out" / "adapter_model.safetensors").exists()
