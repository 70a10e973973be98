"""Model cards (``README.md``) for adapters: intended use, entity types, data, metrics, limits."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from piilora.adapters import MODEL_CARD

__all__ = ["render_model_card", "write_model_card"]


def _metrics_table(metrics: Mapping[str, Any]) -> str:
    if not metrics:
        return "_No metrics recorded._"
    rows = ["| metric | value |", "| --- | --- |"]
    for key, value in sorted(metrics.items()):
        shown = f"{value:.4f}" if isinstance(value, float) else str(value)
        rows.append(f"| {key} | {shown} |")
    return "\n".join(rows)


def render_model_card(meta: Mapping[str, Any], *, extra_metrics: Mapping[str, Any] | None = None) -> str:
    """A model card from an adapter's ``piilora.json`` (and optional evaluation metrics)."""
    adapter = meta.get("adapter_config", {})
    train = meta.get("train_config", {})
    base = meta.get("base_model", {})
    types = ", ".join(meta.get("entity_types", [])) or "unknown"
    metrics = {**meta.get("metrics", {}), **(extra_metrics or {})}
    schedule = train.get("schedule_steps")
    part = f" (the first part of a {schedule}-step schedule)" if schedule and schedule != train.get("max_steps") else ""
    where = f"\nTrained on {meta['trained_on']}." if meta.get("trained_on") else ""
    init = meta.get("init_adapter") or {}
    if init:
        where += (
            f"\nStarted from a trained adapter ({init.get('name')}, piilora {init.get('piilora_version', '?')}, "
            f"adapter_model.safetensors sha256 `{str(init.get('sha256', '?'))[:16]}…`), not a fresh LoRA init; "
            "`recipe.json` records every stage."
        )
    soup = meta.get("soup") or {}
    if soup.get("members"):
        members = ", ".join(f"`{str(m.get('sha256', '?'))[:12]}…` ({m.get('weight', 0):.2f})" for m in soup["members"])
        where += (
            f"\nThe weights are the average of {len(soup['members'])} adapters ({members}; sha256 and weight), "
            f"reduced to rank {soup.get('rank')} (largest relative error {soup.get('max_relative_error', 0):.2%}) "
            "with `piilora.soup.average_adapters`."
        )
    from piilora.data.templates import GENRES, TEMPLATES

    bank = f"~{round(len(TEMPLATES), -1)} templates in {len(GENRES)} genres"
    return f"""---
library_name: peft
base_model: google/gemma-3-270m
tags: [piilora, pii, redaction, lora]
---

# piilora PII-masking adapter

A LoRA adapter for Gemma 3 270M (`{base.get("name", "?")}`) that copies a text and replaces every
piece of personal data with `[ENTITY_TYPE]`. Trained with piilora {meta.get("piilora_version", "?")},
prompt format v{meta.get("prompt_format_version", "?")}.

## Intended use

Masking PII in logs, tickets, chats, records and documents before they are stored, shared or
sent to other models. Use it through `piilora.Redactor`, which aligns the model's answer to the
input and rebuilds the masked text from the original characters (non-PII text cannot change)
and adds a safety net: deterministic detectors (e-mails, IPs, cards, IBANs, API keys, SSNs,
phone numbers, birth dates...), span tidying and shape checks, and table typing by header.

## Entity types

{types}

## Training data

Synthetic only: piilora's corpus generator (Faker-backed values in 7 locales, {bank}, hard
negatives, ≥20% PII-free texts). No real personal data was used. Validation and test texts come
from templates and context phrases held out of training.

## Training

LoRA r={adapter.get("r")}, alpha={adapter.get("alpha")}, dropout={adapter.get("dropout")}, targets
{", ".join(adapter.get("target_modules", []))}; {train.get("max_steps")} steps of
{train.get("batch_size")} examples{part}, lr {train.get("learning_rate")}, warmup + cosine,
{meta.get("precision", "?")}.
Checkpoint kept: step {meta.get("step", "?")}.{where}

## Metrics

{_metrics_table(metrics)}

## Limits

- Trained on synthetic, mostly English text with European/US values: names, addresses and IDs
  from other cultures and languages are detected less reliably.
- A 270M model makes mistakes: keep the rule detectors on, and measure on your own data
  (`piilora eval`) before relying on it.
- It masks the types above (plus plugin types it was trained on); anything else, e.g. medical
  conditions or free-text descriptions of people, is left as is.
"""


def write_model_card(directory: str | Path, meta: Mapping[str, Any], **kwargs: Any) -> Path:
    path = Path(directory) / MODEL_CARD
    path.write_text(render_model_card(meta, **kwargs))
    return path
