"""Scoring: span, character and leak metrics of one system's results against gold rows."""

from __future__ import annotations

import difflib
import random
import statistics
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from piilora.types import MaskResult, Span

__all__ = ["CORE_TYPES", "System", "SystemReport", "score"]

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
    #: 95% bootstrap interval ``[low, high]`` of ``strict_f1``, ``leak_rate``,
    #: ``false_positive_rate``, ``char_f1`` and ``core_span_recall``, resampling groups of rows
    #: (see :mod:`piilora.evaluation`).
    intervals: dict[str, list[float]] = field(default_factory=dict)
    #: ``{field: {value: metrics}}``: character metrics, full-masking recall, leaks and false
    #: positives per value of each ``breakdown`` field (per kind of writing, per language).
    groups: dict[str, dict[str, dict[str, float]]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "overall": self.overall,
            "per_type": self.per_type,
            "confusion": self.confusion,
            "latency_ms": self.latency_ms,
            "counts": self.counts,
            "intervals": self.intervals,
            "groups": self.groups,
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
    are ``(strict TP, predicted, gold, leaks, PII-free texts, flagged PII-free texts, char TP,
    predicted chars, gold chars, core spans fully masked, core spans)``."""
    if not group_sums or n_resamples < 1:
        return {}
    rng = random.Random(seed)
    samples: dict[str, list[float]] = {
        "strict_f1": [],
        "leak_rate": [],
        "false_positive_rate": [],
        "char_f1": [],
        "core_span_recall": [],
    }
    for _ in range(n_resamples):
        draw = rng.choices(group_sums, k=len(group_sums))
        tp, n_pred, n_gold, leaks, free, flagged, c_tp, c_pred, c_gold, core_full, core = map(sum, zip(*draw))
        samples["strict_f1"].append(_prf(tp, n_pred, n_gold)["f1"])
        samples["leak_rate"].append(leaks / n_gold if n_gold else 0.0)
        samples["false_positive_rate"].append(flagged / free if free else 0.0)
        samples["char_f1"].append(_prf(c_tp, c_pred, c_gold)["f1"])
        samples["core_span_recall"].append(core_full / core if core else 1.0)
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


#: The identifiers a reader recognises someone by at once: names, e-mail, phone, card, SSN,
#: IBAN, IP, street address, driver's licence, postcode and personal URL. ``core_span_recall``
#: is the share of their gold spans masked in full.
CORE_TYPES: frozenset[str] = frozenset(
    {
        "PERSON",
        "EMAIL_ADDRESS",
        "PHONE_NUMBER",
        "CREDIT_CARD",
        "US_SSN",
        "IBAN_CODE",
        "IP_ADDRESS",
        "STREET_ADDRESS",
        "US_DRIVER_LICENSE",
        "POSTAL_CODE",
        "URL",
    }
)


def _covered(text: str, spans: Sequence[Span]) -> set[int]:
    """The non-space character positions inside ``spans`` (label-agnostic; a newline inside a
    multi-line address or a space at a span's edge is no PII of its own)."""
    out: set[int] = set()
    for s in spans:
        out.update(i for i in range(max(0, s.start), min(len(text), s.end)) if not text[i].isspace())
    return out


def _fully_masked(text: str, span: Span, masked: set[int]) -> bool:
    return all(i in masked for i in range(span.start, span.end) if not text[i].isspace())


@dataclass
class _Tally:
    """Character and full-masking counts of a group of rows (a kind of writing, a language)."""

    texts: int = 0
    char_tp: int = 0
    char_pred: int = 0
    char_gold: int = 0
    core_full: int = 0
    core: int = 0
    full: int = 0
    spans: int = 0
    leaks: int = 0
    free: int = 0
    flagged: int = 0

    def add(self, other: _Tally) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def metrics(self) -> dict[str, float]:
        char = _prf(self.char_tp, self.char_pred, self.char_gold)
        return {
            "texts": self.texts,
            "char_precision": char["precision"],
            "char_recall": char["recall"],
            "char_f1": char["f1"],
            "span_recall_full": self.full / self.spans if self.spans else 1.0,
            "core_span_recall": self.core_full / self.core if self.core else 1.0,
            "leak_rate": self.leaks / self.spans if self.spans else 0.0,
            "false_positive_rate": self.flagged / self.free if self.free else 0.0,
            "gold_spans": self.spans,
            "pii_free_texts": self.free,
        }


def _row_tally(text: str, gold: Sequence[Span], pred: Sequence[Span], leaks: int) -> tuple[_Tally, list[bool]]:
    """The row's counts, and for each gold span whether it is masked in full."""
    gold_chars, pred_chars = _covered(text, gold), _covered(text, pred)
    full = [_fully_masked(text, g, pred_chars) for g in gold]
    core = [f for g, f in zip(gold, full) if g.entity_type in CORE_TYPES]
    tally = _Tally(
        texts=1,
        char_tp=len(gold_chars & pred_chars),
        char_pred=len(pred_chars),
        char_gold=len(gold_chars),
        core_full=sum(core),
        core=len(core),
        full=sum(full),
        spans=len(gold),
        leaks=leaks,
        free=int(not gold),
        flagged=int(not gold and bool(pred)),
    )
    return tally, full


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
    breakdown: Sequence[str] = (),
) -> SystemReport:
    """Score ``results`` against gold ``rows`` (``{"text", "spans": [{start, end, label}]}``).

    ``group_by`` names the row field whose value groups rows for the bootstrap intervals
    (``None``: every row on its own); ``n_resamples=0`` skips them. ``label_map`` maps the
    gold labels to piilora's types: a mapping or a known label set (``"presidio"``,
    ``"ai4privacy"``; :mod:`piilora.labels`); a gold label mapped to None is no PII for piilora
    and is not scored; gold PERSON spans one space apart (``FIRSTNAME`` ``LASTNAME``) count as one
    name, as piilora masks names.

    Besides the span metrics, label-agnostic character metrics (non-space characters inside
    gold vs predicted spans), the share of gold spans masked in full (``span_recall_full``;
    ``core_span_recall`` for :data:`CORE_TYPES`) and, per entity type, ``masked_recall``.
    ``breakdown`` names row fields (``"kind"``, ``"lang"``) to report those figures per value
    (:attr:`SystemReport.groups`)."""
    from piilora.labels import label_map as resolve_label_map
    from piilora.safety.merge import join_split_names

    label_map = resolve_label_map(label_map) or {}
    group_sums: dict[Any, list[int]] = defaultdict(lambda: [0] * 11)
    all_rows = _Tally()
    groups: dict[str, dict[str, _Tally]] = {field: defaultdict(_Tally) for field in breakdown}
    full_by_type: Counter[str] = Counter()
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
        tally, full = _row_tally(text, gold, pred, row_leaks)
        all_rows.add(tally)
        for field_name, table in groups.items():
            table[str(row.get(field_name, "-"))].add(tally)
        for g, masked_in_full in zip(gold, full):
            full_by_type[g.entity_type] += masked_in_full
        row_sums = (row_tp, len(pred), len(gold), row_leaks, not gold, not gold and bool(pred),
                    tally.char_tp, tally.char_pred, tally.char_gold, tally.core_full, tally.core)  # fmt: skip
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
            "masked_recall": full_by_type[t] / n_gold[t] if n_gold[t] else 1.0,
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
        **{k: v for k, v in all_rows.metrics().items() if k not in ("texts", "leak_rate", "false_positive_rate",
                                                                  "gold_spans", "pii_free_texts")},
    }  # fmt: skip
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
        groups={f: {k: t.metrics() for k, t in sorted(table.items())} for f, table in groups.items()},
    )
