"""Reports: the side-by-side markdown table, report.json and the plots."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from piilora.evaluation.scoring import SystemReport

__all__ = ["render_markdown", "write_report"]

_HEADLINE = (
    ("strict_f1", "strict F1"),
    ("strict_precision", "strict P"),
    ("strict_recall", "strict R"),
    ("partial_f1", "partial F1"),
    ("type_agnostic_f1", "type-agnostic F1"),
    ("leak_rate", "leak rate"),
    ("preservation", "preservation"),
    ("false_positive_rate", "FP rate (no-PII texts)"),
    ("char_precision", "char P (label-agnostic)"),
    ("char_recall", "char R (label-agnostic)"),
    ("char_f1", "char F1 (label-agnostic)"),
    ("span_recall_full", "spans fully masked"),
    ("core_span_recall", "core spans fully masked"),
)
_GROUP_COLUMNS = (
    ("char_f1", "char F1"),
    ("char_recall", "char R"),
    ("core_span_recall", "core masked"),
    ("leak_rate", "leak"),
    ("false_positive_rate", "FP"),
)


def render_markdown(reports: Sequence[SystemReport]) -> str:
    names = [r.name for r in reports]
    lines = ["| metric | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
    for key, label in _HEADLINE:
        if not all(key in r.overall for r in reports):
            continue
        lines.append(f"| {label} | " + " | ".join(f"{r.overall[key]:.3f}" for r in reports) + " |")
        if any(key in r.intervals for r in reports):
            cells = ["{:.3f}-{:.3f}".format(*r.intervals[key]) if key in r.intervals else "-" for r in reports]
            lines.append(f"| {label}, 95% interval | " + " | ".join(cells) + " |")
    for q in ("p50", "p95"):
        cells = [f"{r.latency_ms[q]:.0f}" if r.latency_ms else "-" for r in reports]
        lines.append(f"| latency {q} ms | " + " | ".join(cells) + " |")
    groups = max((r.counts.get("resampled_groups", 0) for r in reports), default=0)
    texts = max((r.counts.get("texts", 0) for r in reports), default=0)
    if any(r.intervals for r in reports) and groups == texts:
        lines += ["", f"Intervals: 95% bootstrap, resampling the {texts} texts (no text shares a template)."]
    elif any(r.intervals for r in reports):
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
    if all("masked_recall" in r.per_type.get(t, {}) for r in reports for t in r.per_type):
        lines += ["", "Gold spans masked in full, per entity type (label-agnostic):", ""]
        lines.append("| type | support | " + " | ".join(names) + " |")
        lines.append("|---|---|" + "---|" * len(names))
        for t in types:
            support = max(r.per_type.get(t, {}).get("support", 0) for r in reports)
            if not support:
                continue
            cells = [f"{r.per_type[t]['masked_recall']:.3f}" if t in r.per_type else "-" for r in reports]
            lines.append(f"| {t} | {support} | " + " | ".join(cells) + " |")
    for field_name in sorted({f for r in reports for f in r.groups}):
        values = sorted({v for r in reports for v in r.groups.get(field_name, {})})
        lines += ["", f"Per {field_name} (texts; char F1 / char recall / core spans fully masked / leak rate / "
                  "FP rate on PII-free texts):", ""]  # fmt: skip
        lines.append(f"| {field_name} | texts | " + " | ".join(names) + " |")
        lines.append("|---|---|" + "---|" * len(names))
        for v in values:
            n = max(int(r.groups.get(field_name, {}).get(v, {}).get("texts", 0)) for r in reports)
            cells = []
            for r in reports:
                g = r.groups.get(field_name, {}).get(v)
                cells.append(" / ".join(f"{g[k]:.2f}" for k, _ in _GROUP_COLUMNS) if g else "-")
            lines.append(f"| {v} | {n} | " + " | ".join(cells) + " |")
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
