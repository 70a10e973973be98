"""Evaluation: span metrics, leaks, preservation, false positives and latency, side by side.

A *system* is anything that maps a text to a :class:`~piilora.types.MaskResult`
(``Redactor.mask`` or a baseline). :func:`evaluate` runs each system over the same
gold rows and :func:`score` computes, overall and per entity type:

- strict span P/R/F1: same start, end and type;
- partial P/R/F1: a predicted span overlapping a gold span of the same type (1:1);
- type-agnostic F1: overlap with any gold span, whatever the type (was it masked at all?);
- leak rate: share of gold PII values still present verbatim in the masked text;
- preservation: share of characters outside gold and predicted spans that come out unchanged
  and in order (1.0 = nothing but PII changed);
- false-positive rate: share of PII-free texts in which the system masked something;
- character P/R/F1, label-agnostic: non-space characters inside gold vs predicted spans (how much
  PII stayed readable, whatever the type or the span edges);
- full-masking recall: share of gold spans masked in full, for all spans and for the core
  identifiers (:data:`~piilora.evaluation.scoring.CORE_TYPES`), and per type;
- the character and full-masking figures per kind of writing or language (``breakdown``);
- latency p50 / p95 per text.

Strict F1, leak rate, false-positive rate, character F1 and core span recall also get a 95%
bootstrap interval
(:attr:`SystemReport.intervals`). Errors cluster by template: a template whose wording the
model misreads costs every one of its texts. So the bootstrap resamples whole groups of rows
that share a ``template_ids`` value (the synthetic corpus records it; rows without one are their
own group), not single rows, and the interval says how much a figure would move on another draw
of templates.

Reports never contain text: only counts, rates and labels.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from piilora.evaluation.report import render_markdown, write_report
from piilora.evaluation.scoring import System, SystemReport, score
from piilora.evaluation.systems import PRESIDIO_LABELS, SYSTEM_NAMES, build_systems
from piilora.types import MaskResult

__all__ = [
    "PRESIDIO_LABELS",
    "SYSTEM_NAMES",
    "System",
    "SystemReport",
    "build_systems",
    "evaluate",
    "render_markdown",
    "score",
    "write_report",
]


def evaluate(
    rows: Sequence[Mapping[str, Any]],
    systems: Mapping[str, System],
    *,
    label_map: str | Mapping[str, str | None] | None = None,
    out_dir: str | Path | None = None,
    run_dir: str | Path | None = None,
    progress: bool = False,
    breakdown: Sequence[str] = (),
    batch_size: int = 1,
) -> list[SystemReport]:
    """Run every system over ``rows`` and score it; write a report to ``out_dir`` if given.

    With ``batch_size > 1`` a system that is a Redactor's ``mask`` runs through its
    ``mask_batch`` on that many texts at a time (the same results, more texts per second on a
    CPU); a text's latency is then its batch's time over the batch's texts.
    """
    reports = []
    for name, system in systems.items():
        results: list[MaskResult] = []
        latencies: list[float] = []
        batched = getattr(getattr(system, "__self__", None), "mask_batch", None) if batch_size > 1 else None
        step = batch_size if batched is not None else 1
        chunks: Any = [rows[i : i + step] for i in range(0, len(rows), step)]
        bar = None
        if progress:
            from tqdm.auto import tqdm

            bar = tqdm(total=len(rows), desc=f"eval {name}", unit="text")
        for chunk in chunks:
            t0 = time.perf_counter()
            if batched is not None:
                results.extend(batched([row["text"] for row in chunk]))
            else:
                results.append(system(chunk[0]["text"]))
            latencies.extend([(time.perf_counter() - t0) / len(chunk)] * len(chunk))
            if bar is not None:
                bar.update(len(chunk))
        if bar is not None:
            bar.close()
        reports.append(score(rows, results, latencies, name=name, label_map=label_map, breakdown=breakdown))
    if out_dir is not None:
        write_report(reports, out_dir, run_dir=run_dir)
    return reports
