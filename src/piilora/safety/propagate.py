"""Propagation: a value masked once is masked wherever else it stands in the same text."""

from __future__ import annotations

from collections.abc import Sequence

from piilora.types import Span

__all__ = ["propagate_values"]


def propagate_values(text: str, spans: Sequence[Span], min_length: int = 4) -> list[Span]:
    """``spans`` plus every other whole-word occurrence of a masked value (at least
    ``min_length`` characters) that no span covers yet, with the value's type and source
    ``"propagated"``: a username the model masked in one chat line is masked in the others."""
    out = list(spans)
    for value, etype in {text[s.start : s.end]: s.entity_type for s in spans}.items():
        if len(value.strip()) < min_length:
            continue
        start = text.find(value)
        while start != -1:
            end = start + len(value)
            whole = (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum())
            if whole and not any(o.start < end and start < o.end for o in out):
                out.append(Span(start, end, etype, score=0.5, source="propagated"))
            start = text.find(value, start + 1)
    return sorted(out, key=lambda s: s.start)
