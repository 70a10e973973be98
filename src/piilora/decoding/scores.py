"""Placeholder scores: how much the model preferred opening a placeholder over copying on.

Where the answer opens a placeholder, the head's logits say how much the model preferred
that ``[`` over copying the text's next token: the score ``sigmoid(logit[open] - logit[copy])``
is the two-way probability of masking there, read off logits that verification computes
anyway (no extra forward).
"""

from __future__ import annotations

import bisect
import math
from typing import Any

from piilora.decoding.proposals import TextState, TokenMeta
from piilora.decoding.vocab import PLACEHOLDER, TokenPieces

__all__ = ["placeholder_scores", "score_opens"]


def score_opens(
    s: TextState,
    pieces: TokenPieces,
    proposal: list[int],
    prop: list[TokenMeta] | None,
    verdict: list[int],
    logits: Any,
    accepted: int,
    base: int,
) -> None:
    """Score every ``[`` settled at answer index ``base + i`` (the accepted proposal tokens,
    then the model's own next token unless the answer ended) that the model chose instead
    of copying: the two-way probability of that token against the copy's token there.
    ``prop`` is what the proposal's tokens were (``s.prop`` when it was proposed)."""
    for i in range(accepted if s.done else accepted + 1):
        chosen = proposal[i] if i < accepted else verdict[i]
        if "[" not in pieces(chosen) or (i < accepted and s.copied[base + i]):
            continue
        alt = -1
        if i < accepted:  # a hinted value proposed as its placeholder: the copy would start the value
            span = prop[i][2] if prop is not None else None
            if span is not None and s.offsets is not None:
                alt = s.source[min(len(s.source) - 1, bisect.bisect_right(s.offsets, span[0]) - 1)]
        elif i < len(proposal) and (prop[i][0] if prop is not None else True):
            alt = proposal[i]  # the model turned away from a proposed copy here
        elif s.cursor < len(s.source):
            alt = s.source[s.cursor]
        a, b = s.head.column(chosen), s.head.column(alt) if alt >= 0 else -1
        if a >= 0 and b >= 0 and a != b:
            margin = float(logits[i, a] - logits[i, b])
            s.opens[base + i] = 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, margin))))


def placeholder_scores(tokenizer: Any, answer: list[int], opens: dict[int, float], eot: int) -> list[float]:
    """The score of each ``[TYPE]`` in the answer's text (up to ``<end_of_turn>``): that of the
    token holding its ``[`` (``opens``: answer index -> score, located by decoding the answer
    up to it); 1.0 when none (a ``[TYPE]`` copied from the input)."""
    out = answer[: answer.index(eot)] if eot in answer else answer

    def text(n: int) -> str:
        return str(tokenizer.decode(out[:n], skip_special_tokens=False, clean_up_tokenization_spaces=False))

    at = {text(j + 1).find("[", len(text(j))): score for j, score in opens.items() if j < len(out)}
    return [at.get(m.start(), 1.0) for m in PLACEHOLDER.finditer(text(len(out)))]
