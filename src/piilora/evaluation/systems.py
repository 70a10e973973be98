"""The systems an evaluation compares: rules only, the base model few-shot, the adapter alone,
the adapter with its safety net, and Presidio."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from piilora.evaluation.scoring import System
from piilora.labels import LABEL_SETS
from piilora.types import MaskResult, Span

__all__ = ["PRESIDIO_LABELS", "SYSTEM_NAMES", "build_systems"]

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
    from piilora.placeholders import mask_spans
    from piilora.presidio import offline_analyzer
    from piilora.safety.merge import merge_spans

    engine = offline_analyzer()

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
                shared = load_masker(adapter, threads=threads, pack=True)
            model, tok, meta = shared
            net = name == "adapter+rules"  # "adapter" is the model alone: no rules, no safety net at all
            systems[name] = Redactor(
                model, tok, meta=meta, rules=net, check_shapes=net, propagate=net, type_fields=net
            ).mask
    return systems
