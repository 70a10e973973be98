"""The merge policy: the model's spans combined with the rule detectors' spans.

- A *verified* rule match (a checksum or syntax check: e-mail and IP addresses, card numbers,
  IBANs, vendor-prefixed secrets; plugin rules say ``verified=True``) is exact: it is kept with
  its extent and type. A model span that overlaps it is cut around it; what is left of the
  model span stays masked (with the model's type) when it still holds a letter or digit,
  trimmed of spaces and punctuation at its edges: a model span over ``(IBAN) DE44 ...``
  becomes the verified ``DE44 ...`` and a model span over ``IBAN``. The cut never unmasks a
  letter or digit, it only separates the model's span from the verified value (a lone
  bracket or ``=`` is left as text).
- With ``shapes``, the model spans left after the cut are shape-checked
  (:func:`piilora.safety.tidy.check_shapes`): a value that cannot be of its type is re-typed,
  or dropped when no fallback type fits and it cannot identify anyone by itself.
- An *unverified* match adds a span where the model found nothing. Where it overlaps a model
  span, the model's span keeps its type and is only widened by the match's parts that hold a
  digit (a half-masked number is a leak; a widened bracket or label is not).
- Overlapping spans left after that are united; the type is the verified rule's, else the
  longer span's (the model's on a tie). PERSON spans one space apart become one name.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from itertools import pairwise

from piilora.safety.shapes import Shape
from piilora.safety.tidy import check_shapes
from piilora.types import Span

__all__ = ["is_verified", "join_split_names", "merge_spans", "unite"]


def is_verified(span: Span, verified: Collection[str]) -> bool:
    """True for a rule span of a checksum- or syntax-verified detector (kept exactly as found);
    ``verified`` names the types whose rule detector is verified."""
    return span.source == "rule" and span.entity_type in verified


def unite(spans: Iterable[Span], verified: Collection[str] = frozenset()) -> list[Span]:
    """Union of overlapping spans; the type of the verified rule span, else the longer one."""
    ordered = sorted(spans, key=lambda s: (s.start, -s.end))
    merged: list[Span] = []
    for span in ordered:
        if merged and span.start < merged[-1].end:
            prev = merged[-1]
            winner = max(prev, span, key=lambda s: (1 if is_verified(s, verified) else 0, len(s)))
            source = prev.source if prev.source == span.source else "model+rule"
            merged[-1] = Span(
                min(prev.start, span.start),
                max(prev.end, span.end),
                winner.entity_type,
                score=max(prev.score, span.score),
                source=source,
            )
        else:
            merged.append(span)
    return merged


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``[start, end)`` without spaces and punctuation at its edges; None if nothing is left
    that holds a letter or digit."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return (start, end) if end > start else None


_PARAMETER_RE = re.compile(r"[A-Za-z_][\w.-]*=[^\s&;]*")


def _next_parameter(text: str, after: int, piece: tuple[int, int]) -> bool:
    """True when ``piece``, left of a model span after the verified value that ends at
    ``after``, is the next query parameter (``key=sk_live_...&format=json``): not a value."""
    return text[after : piece[0]] in ("&", ";", "?") and bool(_PARAMETER_RE.fullmatch(text, piece[0], piece[1]))


def join_split_names(text: str, spans: Sequence[Span]) -> list[Span]:
    """PERSON spans one space apart made one (``[PERSON] [PERSON]`` over ``Daniel Gerritsen``);
    spans a comma apart stay two (``Alice, Bob``)."""
    out: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        prev = out[-1] if out else None
        if prev and prev.entity_type == span.entity_type == "PERSON" and text[prev.end : span.start] == " ":
            out[-1] = Span(prev.start, span.end, "PERSON", max(prev.score, span.score), prev.source)
        else:
            out.append(span)
    return out


def _has_digit(text: str, start: int, end: int) -> bool:
    return any(c.isdigit() for c in text[start:end])


def merge_spans(
    model: Sequence[Span],
    rules: Sequence[Span],
    text: str | None = None,
    shapes: Mapping[str, Shape] | None = None,
    *,
    verified: Collection[str] = frozenset(),
) -> list[Span]:
    """Model spans combined with rule spans (see the module docstring). ``text`` lets the
    policy look at the characters (trimming, digits); without it, overlaps are united.
    ``shapes``: the model's spans, once cut around verified matches, are shape-checked
    (:func:`piilora.safety.tidy.check_shapes`) before unverified matches widen them."""
    exact = [r for r in rules if is_verified(r, verified)]
    pattern = [r for r in rules if not is_verified(r, verified)]
    kept: list[Span] = []
    for m in unite(model, verified):
        hits = sorted((v for v in exact if v.start < m.end and m.start < v.end), key=lambda v: v.start)
        if not hits or text is None:
            kept.append(m)
            continue
        cursor = m.start
        for a, b in [*((v.start, v.end) for v in hits), (m.end, m.end)]:
            piece = _trim(text, cursor, min(a, m.end))
            if piece is not None and not (cursor > m.start and _next_parameter(text, cursor, piece)):
                kept.append(Span(piece[0], piece[1], m.entity_type, m.score, m.source))
            cursor = max(cursor, b)
    if shapes and text is not None:
        kept = check_shapes(text, kept, shapes, pattern)
    for p in pattern:
        overlapping = [i for i, m in enumerate(kept) if m.start < p.end and p.start < m.end]
        if not overlapping:
            kept.append(p)
            continue
        if text is None:
            kept.append(p)  # united below
            continue
        overlapping.sort(key=lambda i: kept[i].start)
        first, last = kept[overlapping[0]], kept[overlapping[-1]]
        start = p.start if p.start < first.start and _has_digit(text, p.start, first.start) else first.start
        end = p.end if p.end > last.end and _has_digit(text, last.end, p.end) else last.end
        if any(_has_digit(text, kept[i].end, kept[j].start) for i, j in pairwise(overlapping)):
            # digits between two model spans inside one number: mask the number as one span
            whole = Span(start, end, first.entity_type, first.score, "model+rule")
            kept = [k for i, k in enumerate(kept) if i not in overlapping] + [whole]
            continue
        kept[overlapping[0]] = Span(start, first.end, first.entity_type, first.score, "model+rule")
        kept[overlapping[-1]] = Span(kept[overlapping[-1]].start, end, last.entity_type, last.score, "model+rule")
    united = unite([*kept, *exact], verified)
    return join_split_names(text, united) if text is not None else united
